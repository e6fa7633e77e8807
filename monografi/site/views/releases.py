"""The list of dated releases: every tagged version's zip, at a URL that never changes."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...exports import Exports
from ...exports.citation import Citation, for_package
from ...exports.releases import release_citation


@dataclass(frozen=True)
class ReleaseItem:
    tag: str
    date: str
    url: str  # its zip
    path: str  # the same, as the page names the file
    bytes: int
    citation: str


@dataclass(frozen=True)
class ReleasesView:
    releases: list[ReleaseItem]  # newest first
    current: Citation  # of the package as published now


def releases_view(exports: Exports) -> ReleasesView:
    items = [ReleaseItem(release.tag.name, release.date, urls.url(release.path), release.path,
                         len(data), release_citation(exports, release.tag, release.path).text)
             for release, data in reversed(exports.releases)]
    return ReleasesView(items, for_package(exports))
