"""The API documentation page, with working examples built from the real index."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.api import api_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    yield Page(urls.API_PAGE, "api", api_view(site.context))
