"""Indicators computed from published figures, never across sources.

Area differs by source by up to ±20 %, so a density mixing BPS population with a BIG area
would be a new, unsourced number. Every derived figure here pairs inputs of one source and
records which rows it came from.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..fmt import angka
from ..validation import AREA_LEVELS

if TYPE_CHECKING:
    from .areas import Model, Record

MAX_YEAR_GAP = 1


@dataclass(frozen=True)
class Derived:
    code: str
    indicator: str
    title: str
    period: str
    value: float
    unit: str
    source: str
    basis: str  # human-readable inputs, e.g. "154.604 jiwa / 39,51 km² (2024)"


def _year(period: object) -> int | None:
    text = str(period)
    return int(text[:4]) if text[:4].isdigit() else None


def _records(model: Model, name: str) -> list[Record]:
    dataset = model.datasets.get(name)
    return [] if dataset is None else dataset.table.to_dict("records")


def _present(*values: object) -> bool:
    return all(v is not None and not pd.isna(v) for v in values)


def density(model: Model) -> list[Derived]:
    """Population per km², using the area of the same source and (nearly) the same year."""
    result = []
    for level in AREA_LEVELS:
        key = f"kode_{level}"
        areas = defaultdict(list)  # (area, source) -> its area rows: one lookup per population row
        for a in _records(model, f"luas_{level}"):
            areas[(a[key], a["sumber"])].append(a)
        for row in _records(model, f"penduduk_{level}"):
            year = _year(row["tahun"])
            candidates = [(abs(y - year), a) for a in areas[(row[key], row["sumber"])]
                          if year is not None and (y := _year(a["tahun"])) is not None
                          and _present(a["luas_km2"], row["jumlah"]) and a["luas_km2"] > 0
                          and abs(y - year) <= MAX_YEAR_GAP]
            if not candidates:  # no area row of a nearby year (or a period without one)
                continue
            area = min(candidates, key=lambda c: (c[0], c[1]["tahun"]))[1]
            value = round(row["jumlah"] / area["luas_km2"], 1)
            basis = (f"{angka(row['jumlah'])} jiwa ({row['tahun']}) / "
                     f"{angka(area['luas_km2'])} km² ({area['tahun']})")
            result.append(Derived(row[key], "kepadatan_penduduk", "Kepadatan penduduk",
                                  row["tahun"], value, "jiwa/km²", row["sumber"], basis))
    return result


def sex_ratio(model: Model) -> list[Derived]:
    """Males per 100 females, from one row (so one source and period by construction)."""
    result = []
    for dataset in model.topics():
        names = {f.name for f in dataset.fields}
        if not {"laki_laki", "perempuan"} <= names or not dataset.period_field:
            continue
        for row in dataset.table.to_dict("records"):
            if not _present(row["laki_laki"], row["perempuan"]) or row["perempuan"] == 0:
                continue
            value = round(row["laki_laki"] / row["perempuan"] * 100, 1)
            basis = f"{angka(row['laki_laki'])} L / {angka(row['perempuan'])} P × 100"
            result.append(Derived(row[dataset.area_field], "rasio_jenis_kelamin",
                                  f"Rasio jenis kelamin ({dataset.title})",
                                  row[dataset.period_field], value, "L per 100 P",
                                  row["sumber"], basis))
    return result


def area_share(model: Model) -> list[Derived]:
    """Share of the parent's area, both areas from the same source and year."""
    result = []
    for parent, child in itertools.pairwise(AREA_LEVELS):
        parents = {(r[f"kode_{parent}"], r["tahun"], r["sumber"]): r["luas_km2"]
                   for r in _records(model, f"luas_{parent}")}
        for row in _records(model, f"luas_{child}"):
            area = model.areas.get(row[f"kode_{child}"])
            if area is None or area.parent is None:
                continue
            total = parents.get((area.parent.code, row["tahun"], row["sumber"]))
            if not _present(total, row["luas_km2"]) or not total:
                continue
            value = round(row["luas_km2"] / total * 100, 2)
            basis = f"{angka(row['luas_km2'])} km² / {angka(total)} km² × 100"
            result.append(Derived(area.code, "persentase_luas",
                                  f"Persentase luas terhadap {parent}", row["tahun"], value, "%",
                                  row["sumber"], basis))
    return result


DERIVED_INDICATORS = (density, sex_ratio, area_share)


def compute_derived(model: Model) -> list[Derived]:
    return [d for indicator in DERIVED_INDICATORS for d in indicator(model)]
