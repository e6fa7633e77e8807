"""The list of dated releases: every tagged version's zip, at a URL that never changes."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports import citation
from ...exports.releases import release_citation
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    exports = site.exports
    items = [{"tag": release.tag.name, "date": release.date, "path": release.path,
              "bytes": len(data),
              "citation": release_citation(exports, release.tag, release.path).text}
             for release, data in reversed(exports.releases)]
    yield Page(urls.RELEASES_PAGE, "rilis",
               {"releases": items, "git": exports.history.available,
                "current": citation.for_package(exports)})
