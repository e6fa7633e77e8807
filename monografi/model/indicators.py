"""Indicators compared across the areas of one level: rankings within one source and period.

A ranking never mixes sources or periods (BPS 2023 next to Dukcapil 2024-S1 would rank
different things), so every comparison here is keyed by (source, categories, period).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from .. import fmt
from .areas import Area, Dataset, Model

Group = tuple[str, ...]  # the category values of a ranking, e.g. ("proyeksi",); () for none

COMPARED_LEVEL = "kecamatan"
MIN_RANKED = 3  # fewer areas sharing a source and period: no ranking, only how many have data


@dataclass(frozen=True)
class Entry:
    area: Area
    value: float
    rank: int


@dataclass
class Ranking:
    """All areas with a value for one indicator, one source (+ categories) and one period."""

    source: str
    group: Group
    period: str
    entries: list[Entry]
    out_of: int  # areas of the level, with or without a value

    @property
    def label(self) -> str:
        return " · ".join((self.source, *self.group))

    @property
    def compared(self) -> bool:
        """Enough areas share this source and period for a place among them to mean something."""
        return len(self.entries) >= MIN_RANKED

    @property
    def slug(self) -> str:
        return "-".join((self.source, *self.group, self.period)).lower().replace("/", "-")

    def within(self, parent: Area) -> Ranking:
        """The same ranking among the areas of one parent (the kecamatan of one kabupaten)."""
        inside = self._by_parent.get(parent.code, [])
        return Ranking(self.source, self.group, self.period, _ranked(inside), len(parent.children))

    @cached_property
    def _by_parent(self) -> dict[str, list[tuple[Area, float]]]:
        """Entries grouped by parent once, so asking for every parent stays linear."""
        groups: dict[str, list[tuple[Area, float]]] = defaultdict(list)
        for e in self.entries:
            if e.area.parent is not None:
                groups[e.area.parent.code].append((e.area, e.value))
        return groups


def _ranked(ordered: list[tuple[Area, float]]) -> list[Entry]:
    """Entries from highest value down; equal values share the better rank (1, 2, 2, 4)."""
    entries, previous, rank = [], None, 0
    for position, (area, value) in enumerate(ordered, start=1):
        if value != previous:
            rank, previous = position, value
        entries.append(Entry(area, value, rank))
    return entries


@dataclass
class Indicator:
    id: str
    title: str
    unit: str
    dataset: str  # dataset name, or "turunan" for derived indicators
    rows: pd.DataFrame  # columns: kode, periode, nilai, sumber, kelompok (tuple)
    level_areas: list[Area]
    intensive: bool  # averages make sense, sums do not (jiwa/km², %, ratios)
    description: str = ""
    reference: dict[tuple[str, str], float] = field(default_factory=dict)  # (source, period) -> home figure

    @cached_property
    def rankings(self) -> list[Ranking]:
        """One ranking per (source, group, period), latest period last."""
        result = []
        areas = {a.code: a for a in self.level_areas}
        for (source, group, period), rows in self.rows.groupby(["sumber", "kelompok", "periode"],
                                                                sort=True):
            ordered = sorted(rows.to_dict("records"), key=lambda r: (-r["nilai"], r["kode"]))
            entries = _ranked([(areas[r["kode"]], r["nilai"]) for r in ordered])
            result.append(Ranking(source, group, period, entries, len(self.level_areas)))
        return result

    def latest(self) -> list[Ranking]:
        """The most recent ranking of each (source, group)."""
        latest: dict[tuple[str, Group], Ranking] = {}
        for ranking in self.rankings:
            latest[(ranking.source, ranking.group)] = ranking
        return list(latest.values())

    def summary(self, ranking: Ranking) -> tuple[str, float]:
        values = [e.value for e in ranking.entries]
        if self.intensive:
            return "Rata-rata (tidak tertimbang)", round(sum(values) / len(values), 2)
        return "Jumlah", round(sum(values), 3)

    def series_by_area(self, source: str, group: Group) -> list[tuple[Area, list[tuple[str, float]]]]:
        """Areas with at least two periods for one source/group: the time-series chart's lines."""
        rows = self.rows[(self.rows["sumber"] == source) & (self.rows["kelompok"] == group)]
        by_area: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for code, period, value in rows.sort_values("periode", kind="stable")[
                ["kode", "periode", "nilai"]].itertuples(index=False, name=None):
            by_area[code].append((period, value))  # plain tuples: no DataFrame per area
        return [(area, points) for area in self.level_areas
                if len(points := by_area.get(area.code, [])) >= 2]

    def rank_of(self, code: str) -> list[tuple[Ranking, Entry]]:
        """The area's place in the latest ranking that includes it, per (source, group)."""
        return self._places.get(code, [])

    @cached_property
    def _places(self) -> dict[str, list[tuple[Ranking, Entry]]]:
        """rank_of for every area in one pass over the rankings (linear in areas, not quadratic)."""
        found: dict[str, dict[tuple[str, Group], tuple[Ranking, Entry]]] = defaultdict(dict)
        for ranking in self.rankings:
            for entry in ranking.entries:
                found[entry.area.code][(ranking.source, ranking.group)] = (ranking, entry)
        return {code: list(places.values()) for code, places in found.items()}


def _intensive(unit: str) -> bool:
    return "/" in unit or "%" in unit or " per " in unit


def _measure_rows(dataset: Dataset, measure: str) -> pd.DataFrame:
    table = dataset.table.dropna(subset=[measure])
    categories = [c.name for c in dataset.categories]
    return pd.DataFrame({
        "kode": table[dataset.area_field].astype(str),
        "periode": table[dataset.period_field].astype(str),
        "nilai": table[measure].astype(float),
        "sumber": table["sumber"].astype(str) if "sumber" in table else "",
        "kelompok": [tuple(str(v) for v in values) for values in
                     table[categories].itertuples(index=False, name=None)] if categories
        else [()] * len(table),
    })


def _home_reference(model: Model, dataset: Dataset, measure: str) -> dict[tuple[str, str], float]:
    """The front-page area's own figure (the kabupaten of a kabupaten portal, the province of a
    province portal) for the same measure, source and period, when published."""
    home = model.home
    table_name = dataset.name.removesuffix(f"_{dataset.level}") + f"_{home.level}"
    table = model.datasets.get(table_name)
    if table is None or measure not in table.table.columns or "sumber" not in table.table:
        return {}
    rows = table.rows_for(home.code).dropna(subset=[measure])
    return {(r["sumber"], str(r[table.period_field])): r[measure] for r in rows.to_dict("records")}


def build_indicators(model: Model, level: str = COMPARED_LEVEL) -> list[Indicator]:
    """Every measure with at least one value at `level`, plus derived indicators."""
    areas = model.level(level)
    codes = {a.code for a in areas}
    indicators = []
    for dataset in model.topics(level):
        if dataset.period_field is None:
            continue
        for measure in dataset.measures:
            rows = _measure_rows(dataset, measure.name)
            if rows.empty:
                continue
            indicators.append(Indicator(
                f"{dataset.name}-{measure.name}", measure.title, fmt.satuan(measure.unit),
                dataset.name, rows, areas, _intensive(measure.unit),
                # a column's description tells staff how to fill it in: not for the public page
                reference=_home_reference(model, dataset, measure.name)))
    derived = [d for d in model.derived if d.code in codes]
    for name in dict.fromkeys(d.indicator for d in derived):
        items = [d for d in derived if d.indicator == name]
        rows = pd.DataFrame({"kode": [d.code for d in items], "periode": [d.period for d in items],
                             "nilai": [float(d.value) for d in items],
                             "sumber": [d.source for d in items], "kelompok": [()] * len(items)})
        title = items[0].title.split(" (")[0]
        indicators.append(Indicator(f"turunan-{name}", title, items[0].unit, "turunan",
                                    rows, areas, True, "Indikator turunan; lihat metodologi."))
    return indicators
