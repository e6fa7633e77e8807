"""What a page writer contributes: pages, each an output path, a template and a view model."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..context import SiteData


@dataclass(frozen=True)
class Page:
    path: str  # output path, e.g. "kecamatan/32-15-01/index.html"
    template: str  # template name without .html
    view: object = None  # what it shows: a view model of monografi.site.views, the template's `view`
    area: str = ""  # the code of the area the page is about: which part of a sharded build writes it


@runtime_checkable
class PageWriter(Protocol):
    """A module of monografi.site.pages: the pages it contributes, in a stable order."""

    def pages(self, site: SiteData) -> Iterable[Page]: ...
