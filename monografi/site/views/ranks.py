"""An area's place among the areas it is compared with, for the area page.

Every place is within one source and period (model.indicators), and only where enough areas
share them (Ranking.compared); otherwise the page says how many areas have data.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import fmt, urls
from ...model.areas import Area
from ...model.indicators import COMPARED_LEVEL, Entry, Indicator, Ranking


@dataclass(frozen=True)
class Place:
    """'peringkat 3 dari 30', or (rank None) only how many of how many have data."""

    rank: int | None
    of: int
    out_of: int


@dataclass(frozen=True)
class RankView:
    title: str
    unit: str
    url: str  # the indicator page
    value: str
    period: str
    source: str  # the ranking's label: source and categories
    source_href: str
    place: Place  # among all areas of the portal
    within: Place | None  # within its own parent, when the portal spans several


@dataclass(frozen=True)
class AreaValue:
    name: str
    url: str
    value: str


@dataclass(frozen=True)
class ChildRankView:
    title: str
    unit: str
    url: str
    period: str
    source: str
    source_href: str
    highest: AreaValue
    lowest: AreaValue
    of: int
    out_of: int


def _place(ranking: Ranking, entry: Entry) -> Place:
    return Place(entry.rank if ranking.compared else None, len(ranking.entries), ranking.out_of)


def ranks(indicators: list[Indicator], area: Area) -> list[RankView]:
    """The area's place for each indicator, within one source and period: among all areas of the
    portal and, when the portal spans several parents (a province), within its own parent."""
    if area.level != COMPARED_LEVEL:
        return []
    result = []
    for indicator in indicators:
        for ranking, entry in indicator.rank_of(area.code):
            within = None
            if area.subdivision is not None:
                inner = ranking.within(area.subdivision)
                within = _place(inner, next(e for e in inner.entries if e.area is area))
            result.append(RankView(indicator.title, indicator.unit,
                                   urls.url(urls.indicator_path(indicator.id)),
                                   fmt.angka(entry.value), ranking.period, ranking.label,
                                   urls.source_anchor(ranking.source), _place(ranking, entry), within))
    return result


def _area_value(entry: Entry) -> AreaValue:
    return AreaValue(entry.area.name, urls.url(urls.area_path(entry.area)), fmt.angka(entry.value))


def child_ranks(indicators: list[Indicator], area: Area) -> list[ChildRankView]:
    """On a kabupaten of a province portal: its highest and lowest kecamatan for each indicator
    (the home page has the indicator pages for that, so it gets none)."""
    if area.home or not area.children or area.children[0].level != COMPARED_LEVEL:
        return []
    result = []
    for indicator in indicators:
        for ranking in indicator.latest():
            inner = ranking.within(area)
            if inner.entries:
                result.append(ChildRankView(
                    indicator.title, indicator.unit, urls.url(urls.indicator_path(indicator.id)),
                    ranking.period, ranking.label, urls.source_anchor(ranking.source),
                    _area_value(inner.entries[0]), _area_value(inner.entries[-1]),
                    len(inner.entries), inner.out_of))
    return result
