"""Kelengkapan data: per kecamatan × dataset, the latest period available or "belum ada".

The kabupaten uses it to see at a glance which kecamatan still have to submit which table, so it
lists exactly the tables the fill-in forms cover (kecamatan- and desa-level topics).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from ... import urls
from ...model.areas import Area, Dataset, Model
from ..context import SiteData
from . import Page

FORM_LEVELS = ("kecamatan", "desa")


def _cell(dataset: Dataset, kecamatan: Area) -> dict:
    """Latest period for this kecamatan; for desa tables also how many of its desa have it."""
    areas = [kecamatan] if dataset.level == "kecamatan" else kecamatan.children
    rows = [r for a in areas for r in dataset.records_for(a.code)]
    period = dataset.period_field
    periods = sorted(r[period] for r in rows if not pd.isna(r[period])) if period else []
    cell = {"latest": periods[-1] if periods else None}
    if dataset.level == "desa" and cell["latest"]:
        cell.update(desa=len({r[dataset.area_field] for r in rows if r[period] == cell["latest"]}),
                    of=len(kecamatan.children))
    return cell


def completeness(model: Model) -> dict:
    datasets = [d for level in FORM_LEVELS for d in model.topics(level)]
    rows = []
    for kecamatan in sorted(model.level("kecamatan"), key=lambda a: a.code):
        cells = [_cell(d, kecamatan) for d in datasets]
        rows.append({"area": kecamatan, "url": urls.url(urls.area_path(kecamatan)), "cells": cells,
                     "filled": sum(1 for c in cells if c["latest"])})
    columns = [{"dataset": d, "url": urls.url(urls.dataset_path(d.name)),
                "filled": sum(1 for r in rows if r["cells"][i]["latest"])}
               for i, d in enumerate(datasets)]
    return {"columns": columns, "rows": rows}


def pages(site: SiteData) -> Iterator[Page]:
    yield Page(urls.COMPLETENESS_PAGE, "kelengkapan", completeness(site.model))
