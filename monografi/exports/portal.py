"""Writing every export into the site: per-dataset formats and the whole-portal outputs.

Kept apart from the package's __init__ because the catalogues and the API (monografi.exports.dcat,
monografi.exports.api) build on exports.base: importing them from __init__ made a cycle.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..model.areas import SHARED_PART
from ..safe_write import write_file
from . import api, dcat
from .base import Downloads
from .feed import export_feed
from .formats import offered
from .package import export_package
from .releases import Release, export_releases


def export_datasets(downloads: Downloads) -> dict[str, bytes]:
    return {fmt.path(d.name): downloads.render(fmt, d)
            for d in downloads.context.model.datasets.values() for fmt in offered(d)}


@runtime_checkable
class PortalExporter(Protocol):
    """A whole-portal output: site-relative path → bytes (the build context is
    `downloads.context`)."""

    def __call__(self, downloads: Downloads) -> Mapping[str, bytes]: ...


PORTAL_EXPORTERS: tuple[PortalExporter, ...] = (export_datasets, export_package, dcat.export_catalogues,
                                                api.export_api, export_feed)


def _outputs(downloads: Downloads, releases: list[Release]) -> Iterator[Mapping[str, bytes]]:
    """Each exporter's files when their turn comes: one output is held at a time."""
    if downloads.context.builds(SHARED_PART):
        yield from (exporter(downloads) for exporter in PORTAL_EXPORTERS)
        yield export_releases(releases)
    yield api.export_area_api(downloads)


def write_exports(downloads: Downloads, releases: list[Release], site_dir: Path) -> list[str]:
    """Write every export of the build into site_dir, with the release snapshots the pipeline
    built (releases.build_releases): in a sharded build, the part of the front page writes the
    whole-portal outputs and the releases, and every part its own areas' API files."""
    written = []
    for files in _outputs(downloads, releases):
        for relative, data in files.items():
            write_file(site_dir, relative, data)
            written.append(relative)
    return written
