"""Kelengkapan data: per kecamatan × dataset, the latest period available or "belum ada".

It lists exactly the tables the fill-in forms cover (kecamatan- and desa-level topics), so the
kabupaten sees at a glance which kecamatan have figures for which table.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ... import urls
from ...model.areas import Area, Dataset, Model

FORM_LEVELS = ("kecamatan", "desa")


@dataclass(frozen=True)
class CompletenessCell:
    latest: str | None  # the latest period with figures, None: none yet
    desa: int | None = None  # desa tables: how many of its desa have that period …
    of: int | None = None  # … of how many


@dataclass(frozen=True)
class CompletenessRow:
    area: Area
    url: str
    cells: list[CompletenessCell]
    filled: int


@dataclass(frozen=True)
class CompletenessColumn:
    dataset: Dataset
    url: str
    filled: int  # kecamatan with figures


@dataclass(frozen=True)
class CompletenessView:
    columns: list[CompletenessColumn]
    rows: list[CompletenessRow]


def _cell(dataset: Dataset, kecamatan: Area) -> CompletenessCell:
    """Latest period for this kecamatan; for desa tables also how many of its desa have it."""
    areas = [kecamatan] if dataset.level == "kecamatan" else kecamatan.children
    rows = [r for a in areas for r in dataset.records_for(a.code)]
    period = dataset.period_field
    periods = sorted(r[period] for r in rows if not pd.isna(r[period])) if period else []
    latest = periods[-1] if periods else None
    area = dataset.area_field  # a desa table names its desa in kode_desa
    if dataset.level == "desa" and latest and period and area:
        return CompletenessCell(latest, len({r[area] for r in rows if r[period] == latest}),
                                len(kecamatan.children))
    return CompletenessCell(latest)


def completeness_view(model: Model) -> CompletenessView:
    datasets = [d for level in FORM_LEVELS for d in model.topics(level)]
    rows = []
    for kecamatan in sorted(model.level("kecamatan"), key=lambda a: a.code):
        cells = [_cell(d, kecamatan) for d in datasets]
        rows.append(CompletenessRow(kecamatan, urls.url(urls.area_path(kecamatan)), cells,
                                    sum(1 for c in cells if c.latest)))
    columns = [CompletenessColumn(d, urls.url(urls.dataset_path(d.name)),
                                  sum(1 for r in rows if r.cells[i].latest))
               for i, d in enumerate(datasets)]
    return CompletenessView(columns, rows)
