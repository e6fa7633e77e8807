"""Writing every export into the site: per-dataset formats and the whole-portal outputs.

Kept apart from the package's __init__ because the catalogues and the API (monografi.exports.dcat,
monografi.exports.api) build on exports.base: importing them from __init__ made a cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from ..model.areas import SHARED_PART
from ..safe_write import write_file
from . import api, dcat
from .base import Exports
from .feed import export_feed
from .formats import DATASET_FORMATS
from .package import export_package
from .releases import export_releases


def export_datasets(exports: Exports) -> dict[str, bytes]:
    return {fmt.path(d.name): exports.render(fmt, d)
            for d in exports.model.datasets.values() for fmt in DATASET_FORMATS}


@runtime_checkable
class PortalExporter(Protocol):
    """A whole-portal output: site-relative path → bytes."""

    def __call__(self, exports: Exports) -> dict[str, bytes]: ...


PORTAL_EXPORTERS: tuple[PortalExporter, ...] = (export_datasets, export_package, dcat.export_catalogues,
                                                api.export_api, export_releases, export_feed)


def write_exports(exports: Exports, site_dir: Path) -> list[str]:
    """Write every export of the build context into site_dir: in a sharded build, the part of
    the front page writes the whole-portal outputs and every part its own areas' API files."""
    written = []
    shared = exports.builds(SHARED_PART)
    for exporter in (*(PORTAL_EXPORTERS if shared else ()), api.export_area_api):
        for relative, data in exporter(exports).items():
            write_file(site_dir, relative, data)
            written.append(relative)
    return written
