"""Page writers: every module in this package contributes pages through `pages(site)`.

Adding a kind of page is adding a module here (like Datasette's hooks) that says which pages
exist and where (urls), with a view model from monografi.site.views saying what each shows: the
Pelican generator only collects and writes, and knows nothing about either.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ...model.areas import SHARED_PART
from ..context import SiteData


@dataclass(frozen=True)
class Page:
    path: str  # output path, e.g. "kecamatan/32-15-01/index.html"
    template: str  # template name without .html
    view: object = None  # what it shows: a view model of monografi.site.views, the template's `view`
    area: str = ""  # the code of the area the page is about: which part of a sharded build writes it


@runtime_checkable
class PageWriter(Protocol):
    """A module of this package: the pages it contributes, in a stable order."""

    def pages(self, site: SiteData) -> Iterable[Page]: ...


def writers() -> list[PageWriter]:
    """The registry: every module here, by name."""
    return [importlib.import_module(f"{__name__}.{module.name}")
            for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)]


def collect(site: SiteData) -> list[Page]:
    """All pages of all writers, in a stable order (module name, then the writer's order).

    In a sharded build this is where the part's pages are chosen: a part other than the shared
    one runs only the writers marked PER_AREA (which skip other parts' areas before building
    their contexts), and any page about an area of another part is left out."""
    context = site.context
    shared = context.builds(SHARED_PART)
    return [page for writer in writers() if shared or getattr(writer, "PER_AREA", False)
            for page in writer.pages(site) if context.builds(page.area)]


__all__ = ["Page", "PageWriter", "collect", "writers"]
