"""Kelengkapan data: per kecamatan × dataset, the latest period available or "belum ada"."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.completeness import completeness_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    yield Page(urls.COMPLETENESS_PAGE, "kelengkapan", completeness_view(site.model))
