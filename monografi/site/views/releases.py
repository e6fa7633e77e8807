"""The list of dated releases: every tagged version's zip, at a URL that never changes."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...exports.citation import Citation, for_package
from ...exports.releases import Release, release_citation
from ...model.context import BuildContext
from ...validation import personal_data


@dataclass(frozen=True)
class ReleaseItem:
    tag: str
    date: str
    url: str  # its zip
    path: str  # the same, as the page names the file
    bytes: int
    citation: str
    withdrawn: str  # the public note of a withdrawn release (then it has no zip), else ''


@dataclass(frozen=True)
class ReleasesView:
    releases: list[ReleaseItem]  # newest first
    current: Citation  # of the package as published now


def _public_name(tag: str) -> str:
    """A withdrawn release keeps its name on the page, unless the name is what was withdrawn."""
    return "(nama ditarik)" if personal_data.find(tag) else tag


def releases_view(context: BuildContext, releases: list[Release]) -> ReleasesView:
    items = [ReleaseItem(release.tag.name, release.date, urls.url(release.path), release.path,
                         len(release.data), release_citation(context, release.tag, release.path).text,
                         release.withdrawn) if not release.withdrawn else
             ReleaseItem(_public_name(release.tag.name), release.date, "", "", 0, "", release.withdrawn)
             for release in reversed(releases)]
    return ReleasesView(items, for_package(context))
