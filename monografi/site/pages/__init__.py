"""Page writers: every module of this package in WRITERS contributes pages through `pages(site)`.

Adding a kind of page is adding a module here (like Datasette's hooks) that says which pages
exist and where (urls), with a view model from monografi.site.views saying what each shows, and
naming it in WRITERS: the Pelican generator only collects and writes, and knows nothing about
either.
"""

from __future__ import annotations

from ...model.areas import SHARED_PART
from ..context import SiteData
from . import api, areas, completeness, datasets, general, history, indicators, releases, sources
from .base import Page, PageWriter

# The registry, by module name; mypy checks every entry against PageWriter (a module whose
# `pages` is not a page writer is refused), tests/test_architecture.py that none is left out.
WRITERS: tuple[PageWriter, ...] = (api, areas, completeness, datasets, general, history, indicators,
                                   releases, sources)


def collect(site: SiteData) -> list[Page]:
    """All pages of all writers, in a stable order (module name, then the writer's order).

    In a sharded build this is where the part's pages are chosen: a part other than the shared
    one runs only the writers marked PER_AREA (which skip other parts' areas before building
    their contexts), and any page about an area of another part is left out."""
    context = site.context
    shared = context.builds(SHARED_PART)
    return [page for writer in WRITERS if shared or getattr(writer, "PER_AREA", False)
            for page in writer.pages(site) if context.builds(page.area)]


__all__ = ["WRITERS", "Page", "PageWriter", "collect"]
