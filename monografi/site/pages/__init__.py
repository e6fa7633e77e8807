"""Page writers: every module in this package contributes pages through `pages(site)`.

Adding a kind of page is adding a module here (like Datasette's hooks): the Pelican generator
only collects and writes, and knows nothing about what each page shows.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field

from ..context import SiteData


@dataclass(frozen=True)
class Page:
    path: str  # output path, e.g. "kecamatan/32-15-01/index.html"
    template: str  # template name without .html
    context: dict = field(default_factory=dict)


def collect(site: SiteData) -> list[Page]:
    """All pages of all writers, in a stable order (module name, then the writer's order)."""
    pages: list[Page] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        writer = importlib.import_module(f"{__name__}.{module.name}")
        pages.extend(writer.pages(site))
    return pages


__all__ = ["Page", "collect"]
