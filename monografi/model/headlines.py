"""Headline figures ('angka utama'): which number of a table stands for an area, and how.

A rule about the data, not about a page: the same selection feeds the area cards, the grid of
the front page and any export that wants one figure per area, so it lives in the model and
returns numbers; the site only formats them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import fmt
from ..validation.hints import category_columns
from .areas import Area, Dataset, Field, Model, Record

# A row whose note says the source gave an estimate is shown as one ("± 101.000"), never as exact.
APPROXIMATE = re.compile(r"\b(sekitar|perkiraan|kira-kira|taksiran)\b", re.IGNORECASE)


# A row whose note says the figure is an older one quoted by a later document: its period is
# the quoting document's year, not the year the figure is about ("angka lama, dikutip 2017").
QUOTED = re.compile(r"\bangka lama\b", re.IGNORECASE)


def is_approximate(record: Record) -> bool:
    note = record.get("catatan")
    return isinstance(note, str) and APPROXIMATE.search(note) is not None


def is_quoted(record: Record) -> bool:
    note = record.get("catatan")
    return isinstance(note, str) and QUOTED.search(note) is not None


@dataclass(frozen=True)
class Headline:
    """One declared 'angka utama' (see HEADLINE_KEYS in validation/hints.py)."""

    measure: Field
    aggregation: str
    chosen: dict[str, Any]
    title: str


@dataclass(frozen=True)
class HeadlineValue:
    """A headline's figure for one area: the latest period of one source."""

    value: float
    approximate: bool
    period: str | None
    source: str | None
    quoted: bool = False  # the period is the year of a document quoting an older figure


@dataclass(frozen=True)
class KeyFigure:
    """A headline figure of one area, with the table it comes from."""

    dataset: Dataset
    headline: Headline
    figure: HeadlineValue


def headlines(dataset: Dataset) -> list[Headline]:
    """The dataset's declared headlines; undeclared, only a table without categories gets one."""
    declared = dataset.spec.hints.get("angka_utama")
    if declared is None:
        primary = dataset.primary_measure
        if primary is None or category_columns(dataset.spec):
            return []
        declared = [{"ukuran": primary.name}]
    return [Headline(dataset.field(h["ukuran"]), h.get("agregasi", "terakhir"),
                     h.get("saring", {}), h.get("judul", dataset.field(h["ukuran"]).title))
            for h in declared]


def _same(a: object, b: object) -> bool:
    """Equality as a pandas mask reads it: a missing value equals nothing."""
    return not fmt.is_missing(a) and not fmt.is_missing(b) and a == b


def headline_value(dataset: Dataset, headline: Headline, records: list[Record]) -> HeadlineValue | None:
    """Latest period's figure: its one row, or (agregasi jumlah) the sum over its categories.

    `records` are the area's rows (Dataset.records_for): plain dicts, because every area page
    and grid asks this for every dataset, and a DataFrame operation per call dominated pages."""
    for column, value in headline.chosen.items():
        records = [r for r in records if str(r[column]) == str(value)]
    measure = headline.measure.name
    records = [r for r in records if not fmt.is_missing(r[measure])]
    if not records:
        return None
    latest = records[-1]
    period = latest[dataset.period_field] if dataset.period_field else None
    same = records
    if dataset.period_field:
        same = [r for r in same if _same(r[dataset.period_field], period)]
    if "sumber" in latest:
        same = [r for r in same if _same(r["sumber"], latest["sumber"])]
    chosen = same if headline.aggregation == "jumlah" else [latest]
    return HeadlineValue(sum(r[measure] for r in chosen), any(is_approximate(r) for r in chosen),
                         period, latest.get("sumber"), any(is_quoted(r) for r in chosen))


def key_figures(model: Model, area: Area) -> list[KeyFigure]:
    """Each dataset's declared headline figures for the area, in the order of the topics."""
    figures = []
    for dataset in model.topics(area.level):
        records = dataset.records_for(area.code)
        for headline in headlines(dataset):
            figure = headline_value(dataset, headline, records)
            if figure is not None:
                figures.append(KeyFigure(dataset, headline, figure))
    return figures


@dataclass(frozen=True)
class Covering:
    """One headline for a list of areas, all from one source and one period (a list that places
    areas side by side never mixes them), or no headline at all."""

    headline: Headline | None
    figures: list[HeadlineValue | None]
    source: str | None = None
    period: str | None = None


def covering_figures(model: Model, areas: list[Area]) -> Covering:
    """One figure per area, all of one headline, one source and one period: of the first
    headline of each table, the (source, period) that covers the most areas (the latest of
    equals), so a grid of areas shows comparable numbers, or none."""
    best = Covering(None, [None] * len(areas))
    found_best = 0
    for dataset in model.topics(areas[0].level) if areas else []:
        for headline in headlines(dataset)[:1]:
            rows = {a.code: dataset.records_for(a.code) for a in areas}
            keys = {(r.get("sumber"), r[dataset.period_field] if dataset.period_field else None)
                    for records in rows.values() for r in records}
            for source, period in sorted(keys, key=lambda k: (str(k[1]), str(k[0])), reverse=True):
                figures = [headline_value(dataset, headline, [
                    r for r in rows[a.code] if (source is None or _same(r.get("sumber"), source))
                    and (period is None or _same(r.get(dataset.period_field or ""), period))]) for a in areas]
                found = sum(1 for f in figures if f)
                if found > found_best:
                    found_best, best = found, Covering(headline, figures, source,
                                                       None if period is None else str(period))
    return best
