"""Warnings: figures that are allowed but worth a second look before they are published.

Both checks are configured in datapackage.json, not here: the package-level
`"monografi": {"peringatan": {"perubahan_maks": 0.5}}` sets how large a change from the previous
period is suspicious, and a resource's `"monografi": {"jumlah_desa": {...}}` says which desa
table must add up to its kecamatan figures. Warnings never stop a build.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import MAX_PREC, Context, Decimal, InvalidOperation
from operator import itemgetter

import numpy as np
import pandas as pd

from ..messages import Message
from .catalog import Catalog
from .dialect import distinct
from .report import Problem
from .rules import Kind, Rule
from .spec import ResourceSpec

Rows = tuple[list[str], list[list[str]]]
_NOT_SERIES = {"catatan"}
_LOOKS_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")

BIG_CHANGE = Rule("perubahan_besar", Kind.DATA, Message(
    "Angka {value} berubah {persen} dari periode sebelumnya ({sebelum}), lebih dari {batas}.",
    "Figure {value} changed {persen} from the previous period ({sebelum}), more than {batas}.",
    "Bukan galat: pastikan angka ini benar menurut sumbernya (salah ketik satu digit sering "
    "membuat perubahan sebesar ini) dan jelaskan di kolom catatan bila memang benar.",
    "Not an error: make sure the figure matches its source (a single mistyped digit often "
    "causes such a jump) and explain it in catatan if it is right.",
), severity="warning")

AMBIGUOUS_NUMBER = Rule("angka_ambigu", Kind.DATA, Message(
    "Nilai {value!r} dibaca sebagai angka desimal {value} (titik = pemisah desimal).",
    "Value {value!r} is read as the decimal number {value} (dot = decimal separator).",
    "Bukan galat bila memang desimal. Bila maksudnya {batas} (titik sebagai pemisah ribuan), "
    "tulis {batas} tanpa titik.",
    "Not an error if it really is a decimal. If you meant {batas} (dot as thousand "
    "separator), write {batas} without the dot.",
), severity="warning")

DESA_TOTAL = Rule("jumlah_desa", Kind.DATA, Message(
    "Angka kecamatan {value} berbeda dengan jumlah seluruh desanya di {rinci} ({batas}).",
    "The kecamatan figure {value} differs from the sum of its desa in {rinci} ({batas}).",
    "Bukan galat: periksa angka kecamatan dan angka tiap desa terhadap sumbernya; bila "
    "sumbernya memang berbeda, jelaskan di kolom catatan.",
    "Not an error: check the kecamatan figure and each desa figure against the source; if "
    "the sources really differ, explain it in catatan.",
), severity="warning")


def warnings_for(catalog: Catalog, tables: dict[str, Rows]) -> list[Problem]:
    settings = catalog.descriptor.get("monografi", {}).get("peringatan", {})
    limit = settings.get("perubahan_maks")
    problems: list[Problem] = []
    for spec in catalog.resources:
        if spec.is_master or spec.name not in tables:
            continue
        problems.extend(_ambiguous_numbers(spec, *tables[spec.name]))
        if limit is not None:
            problems.extend(_big_changes(spec, *tables[spec.name], Decimal(str(limit))))
        rule = spec.hints.get("jumlah_desa")
        if rule and rule.get("rinci") in tables and "desa" in tables:
            problems.extend(_desa_totals(spec, tables, rule))
    return problems


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _measures(spec: ResourceSpec) -> list[str]:
    return [f["name"] for f in spec.fields if f.get("type") in ("integer", "number")]


def _column(header: list[str], rows: list[list[str]], name: str) -> list[str]:
    """One column's cells ('' where it or the row is missing), as `dict(zip(header, row))` gives."""
    if name not in header:
        return [""] * len(rows)
    at = len(header) - 1 - header[::-1].index(name)
    if min(map(len, rows), default=0) > at:
        return list(map(itemgetter(at), rows))
    return [row[at] if at < len(row) else "" for row in rows]


def _ambiguous_numbers(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> list[Problem]:
    """'1.234' in a decimal column with no declared grouping is read as 1.234, as standard CSV
    says; but typed from an Indonesian-locale habit it meant 1234, so staff are asked to look."""
    columns = [header.index(f["name"]) for f in spec.fields if f.get("type") == "number"
               and not f.get("groupChar") and f["name"] in header]
    if not any(_LOOKS_GROUPED.fullmatch(value) for at in columns for value in distinct(rows, at)):
        return []
    return [Problem(spec.relpath, AMBIGUOUS_NUMBER, number, header[at], row[at],
                    {"batas": row[at].replace(".", "")})
            for number, row in enumerate(rows, start=2) for at in columns
            if at < len(row) and _LOOKS_GROUPED.fullmatch(row[at])]


def _groups(columns: list[list[str]], size: int) -> tuple[np.ndarray, list[tuple]]:
    """Per row, the number of its group of equal values across `columns`, in order of first
    appearance, and each group's values (a dict: pandas' groupby costs ms even on ten rows)."""
    numbers: dict[tuple, int] = {}
    codes = np.fromiter((numbers.setdefault(key, len(numbers)) for key in zip(*columns, strict=True)),
                        np.int64, size) if columns else np.zeros(size, np.int64)
    return codes, list(numbers)


def _floats(cells: list[str]) -> np.ndarray:
    """Canonical numeric text as floats (NaN for an empty cell), parsed once per distinct value."""
    codes, uniques = pd.factorize(pd.Series(cells, dtype=object))
    return pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce").to_numpy(float)[codes]


def _big_changes(spec: ResourceSpec, header: list[str], rows: list[list[str]],
                 limit: Decimal) -> list[Problem]:
    """Compare each figure with the same series (area, source, category) one period earlier.

    Pairs are found column-wise (series, then period order); floats only pick the candidates,
    the exact Decimal test and the message are the same as for a single pair."""
    period, area = spec.period_field, spec.area_field
    if not period or not area or not rows:
        return []
    measures = [m for m in _measures(spec) if m in header]
    series_keys = [f["name"] for f in spec.fields if f["name"] not in (period, *measures)
                   and f["name"] not in _NOT_SERIES and f["name"] in header]
    series = _groups([_column(header, rows, k) for k in series_keys], len(rows))[0]
    periods = pd.factorize(pd.Series(_column(header, rows, period), dtype=object), sort=True)[0]
    order = np.lexsort((np.arange(len(rows)), periods, series))
    before, after = order[:-1], order[1:]
    same = series[before] == series[after]
    candidates = np.zeros(len(before), bool)
    for measure in measures:
        values = _floats(_column(header, rows, measure))
        was, now = values[before], values[after]
        with np.errstate(invalid="ignore"):
            candidates |= same & (was != 0) & ~np.isnan(now) & \
                (np.abs(now - was) >= np.abs(was) * float(limit) * (1 - 1e-9))
    problems = []
    for pair in np.flatnonzero(candidates):
        old, new = (dict(zip(header, rows[i], strict=False)) for i in (before[pair], after[pair]))
        number = int(after[pair]) + 2
        for measure in measures:
            a, b = _number(old.get(measure, "")), _number(new.get(measure, ""))
            if a and b is not None and abs(b - a) / abs(a) > limit:
                problems.append(Problem(
                    spec.relpath, BIG_CHANGE, number, measure, new[measure],
                    {"batas": f"{limit * 100:.0f} %",
                     "sebelum": f"{old[measure]} ({old.get(period, '')})",
                     "persen": f"{(b - a) / abs(a) * 100:+.0f} %"}))
    return problems


def _desa_totals(spec: ResourceSpec, tables: dict[str, Rows], rule: dict) -> list[Problem]:
    """A kecamatan figure against the sum of its desa, only where every desa has a figure."""
    desa_header, desa_rows = tables["desa"]
    members: dict[str, set[str]] = defaultdict(set)
    for row in desa_rows:
        cells = dict(zip(desa_header, row, strict=False))
        members[cells.get("kode_kecamatan", "")].add(cells.get("kode_desa", ""))
    match = rule.get("cocokkan", [])
    tolerance = Decimal(str(rule.get("toleransi", 0)))
    totals = _complete_totals(*tables[rule["rinci"]], match, rule["ukuran"], members)
    header, rows = tables[spec.name]
    problems = []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        key = (cells.get("kode_kecamatan", ""), *(cells.get(k, "") for k in match))
        for measure, total in totals.get(key, {}).items():
            own = _number(cells.get(measure, ""))
            if own is not None and abs(own - total) > tolerance:
                problems.append(Problem(
                    spec.relpath, DESA_TOTAL, number, measure, cells[measure],
                    {"batas": f"{total.normalize():f}", "rinci": rule["rinci"]}))
    return problems


def _complete_totals(header: list[str], rows: list[list[str]], match: list[str],
                     measures: list[str], members: dict[str, set[str]]) -> dict[tuple, dict]:
    """{(kecamatan, *match values): {measure: exact sum}} of the detail table, for the groups
    holding exactly the kecamatan's desa and, per measure, as many figures as it has desa.

    Column-wise: groups are numbered once, each distinct figure is converted to Decimal once
    and sums are exact integers scaled by the longest fraction."""
    if not rows:
        return {}
    desa_codes, desa = pd.factorize(pd.Series(_column(header, rows, "kode_desa"), dtype=object))
    parents = [code.rsplit(".", 1)[0] for code in desa]
    member = np.array([code in members.get(parent, ()) for code, parent in zip(desa, parents,
                                                                               strict=True)])
    groups, keys = _groups([np.array(parents, object)[desa_codes].tolist(),
                            *(_column(header, rows, k) for k in match)], len(rows))
    wanted = np.array([len(members.get(key[0], ())) for key in keys])
    all_members = np.bincount(groups, weights=~member[desa_codes], minlength=len(keys)) == 0
    pairs = np.unique(groups * len(desa) + desa_codes)  # distinct (group, desa)
    distinct_desa = np.bincount(pairs // len(desa), minlength=len(keys))
    complete = (wanted > 0) & all_members & (distinct_desa == wanted)
    totals: dict[tuple, dict] = {}
    for measure in measures:
        sums, counts = _group_sums(_column(header, rows, measure), groups, len(keys))
        for group in np.flatnonzero(complete & (counts == wanted)):
            totals.setdefault(keys[group], {})[measure] = sums[group]
    return totals


def _group_sums(cells: list[str], groups: np.ndarray, size: int) -> tuple[list[Decimal], np.ndarray]:
    """Exact Decimal sum and count of the figures (empty cells skipped) of each group."""
    codes, uniques = pd.factorize(pd.Series(cells, dtype=object))
    numbers = [_number(text) for text in uniques]
    present = np.array([n is not None for n in numbers], bool)[codes]
    scale = max([0, *(-int(n.as_tuple().exponent) for n in numbers if n is not None)])
    scaled = [int(n.scaleb(scale, Context(prec=MAX_PREC))) if n is not None else 0 for n in numbers]
    largest = max(map(abs, scaled), default=0)
    dtype = np.int64 if largest * len(cells) < 2**63 else object  # object: Python ints, exact
    sums = np.zeros(size, dtype)
    np.add.at(sums, groups[present], np.array(scaled, dtype)[codes][present])
    totals = [Decimal(int(total)).scaleb(-scale, Context(prec=MAX_PREC)) for total in sums]
    return totals, np.bincount(groups[present], minlength=size)
