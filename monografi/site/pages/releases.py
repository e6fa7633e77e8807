"""The list of dated releases: every tagged version's zip, at a URL that never changes."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.releases import releases_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    yield Page(urls.RELEASES_PAGE, "rilis", releases_view(site.context, site.releases))
