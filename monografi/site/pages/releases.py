"""The list of dated releases: every tagged version's zip, at a URL that never changes."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports import citation
from ...exports.releases import release_citation
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    context = site.context
    items = [{"tag": release.tag.name, "date": release.date, "path": release.path,
              "bytes": len(release.data),
              "citation": release_citation(context, release.tag, release.path).text}
             for release in reversed(site.releases)]
    yield Page(urls.RELEASES_PAGE, "rilis",
               {"releases": items, "git": context.history.available,
                "current": citation.for_package(context)})
