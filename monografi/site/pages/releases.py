"""The list of dated releases: every tagged version's zip, at a URL that never changes."""

from __future__ import annotations

from collections.abc import Iterator

from ...exports import citation, exports_of
from ...exports.releases import release_citation, releases
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    exports = exports_of(site.model, site.project)
    items = [{"tag": release.tag.name, "date": release.date, "path": release.path,
              "bytes": len(data),
              "citation": release_citation(exports, release.tag, release.path).text}
             for release, data in reversed(releases(exports))]
    yield Page("rilis/index.html", "rilis",
               {"releases": items, "git": exports.history.available,
                "current": citation.for_package(site.model)})
