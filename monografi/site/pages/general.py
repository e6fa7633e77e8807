"""Site-wide pages: search (with a plain list that works without JavaScript) and 404.

The 404 page shows nothing of the data (only links to the home, search and data pages), so it
has no view model.
"""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.search import search_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    yield Page(urls.SEARCH_PAGE, "cari", search_view(site.model, site.context.indicators))
    yield Page(urls.NOT_FOUND_PAGE, "404")
