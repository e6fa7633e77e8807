"""The list of sources every figure points to (anchors S1, S2, …)."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    sources = [s | {"id": k} for k, s in site.model.sources.items()]
    yield Page(urls.SOURCES_PAGE, "sources", {"sources": sources})
