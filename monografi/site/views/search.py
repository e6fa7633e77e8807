"""The search page's plain list, which works without JavaScript: every kecamatan with its desa,
every dataset and every indicator."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...model.areas import Area, Model
from ...model.indicators import Indicator
from .common import Link


@dataclass(frozen=True)
class AreaEntry:
    link: Link
    children: list[Link]


@dataclass(frozen=True)
class SearchView:
    areas: list[AreaEntry]
    datasets: list[Link]
    indicators: list[Link]


def _link(area: Area) -> Link:
    return Link(area.label, urls.url(urls.area_path(area)))


def search_view(model: Model, indicators: list[Indicator]) -> SearchView:
    return SearchView(
        [AreaEntry(_link(a), [_link(c) for c in a.children]) for a in model.level("kecamatan")],
        [Link(d.title, urls.url(urls.dataset_path(d.name))) for d in model.datasets.values()],
        [Link(i.title, urls.url(urls.indicator_path(i.id))) for i in indicators])
