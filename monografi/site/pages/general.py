"""Site-wide pages: search (with a plain list that works without JavaScript) and 404."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    model = site.model
    areas = [(a, urls.url(urls.area_path(a)),
              [(c, urls.url(urls.area_path(c))) for c in a.children])
             for a in model.level("kecamatan")]
    datasets = [(d.title, urls.url(urls.dataset_path(d.name))) for d in model.datasets.values()]
    indicators = [(i.title, urls.url(urls.indicator_path(i.id))) for i in site.context.indicators]
    yield Page(urls.SEARCH_PAGE, "cari",
               {"areas": areas, "datasets": datasets, "indicators": indicators})
    yield Page(urls.NOT_FOUND_PAGE, "404")
