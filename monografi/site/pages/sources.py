"""The list of sources every figure points to (anchors S1, S2, …)."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.sources import sources_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    yield Page(urls.SOURCES_PAGE, "sources", sources_view(site.model))
