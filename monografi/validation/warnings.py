"""Warnings: figures that are allowed but worth a second look before they are published.

Both checks are configured in datapackage.json, not here: the package-level
`"monografi": {"peringatan": {"perubahan_maks": 0.5}}` sets how large a change from the previous
period is suspicious, and a resource's `"monografi": {"jumlah_desa": {...}}` says which desa
table must add up to its kecamatan figures. Warnings never stop a build.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from .catalog import Catalog, ResourceSpec
from .report import Problem

Rows = tuple[list[str], list[list[str]]]
_NOT_SERIES = {"catatan"}
_LOOKS_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+")


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


def _ambiguous_numbers(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> list[Problem]:
    """'1.234' in a decimal column with no declared grouping is read as 1.234, as standard CSV
    says; but typed from an Indonesian-locale habit it meant 1234, so staff are asked to look."""
    columns = [header.index(f["name"]) for f in spec.fields if f.get("type") == "number"
               and not f.get("groupChar") and f["name"] in header]
    return [Problem(spec.relpath, "angka_ambigu", number, header[at], row[at],
                    {"batas": row[at].replace(".", "")}, severity="warning")
            for number, row in enumerate(rows, start=2) for at in columns
            if at < len(row) and _LOOKS_GROUPED.fullmatch(row[at])]


def _big_changes(spec: ResourceSpec, header: list[str], rows: list[list[str]],
                 limit: Decimal) -> list[Problem]:
    """Compare each figure with the same series (area, source, category) one period earlier."""
    period, area = spec.period_field, spec.area_field
    if not period or not area:
        return []
    measures = [m for m in _measures(spec) if m in header]
    series_keys = [f["name"] for f in spec.fields if f["name"] not in (period, *measures)
                   and f["name"] not in _NOT_SERIES and f["name"] in header]
    series: dict[tuple, list[tuple[str, int, dict]]] = defaultdict(list)
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        series[tuple(cells.get(k, "") for k in series_keys)].append(
            (cells.get(period, ""), number, cells))
    problems = []
    for points in series.values():
        points.sort(key=lambda p: p[0])
        for (before, _, old), (_, number, new) in zip(points, points[1:], strict=False):
            for measure in measures:
                a, b = _number(old.get(measure, "")), _number(new.get(measure, ""))
                if a and b is not None and abs(b - a) / abs(a) > limit:
                    problems.append(Problem(
                        spec.relpath, "perubahan_besar", number, measure, new[measure],
                        {"batas": f"{limit * 100:.0f} %", "sebelum": f"{old[measure]} ({before})",
                         "persen": f"{(b - a) / abs(a) * 100:+.0f} %"}, severity="warning"))
    return problems


def _desa_totals(spec: ResourceSpec, tables: dict[str, Rows], rule: dict) -> list[Problem]:
    """A kecamatan figure against the sum of its desa, only where every desa has a figure."""
    desa_header, desa_rows = tables["desa"]
    members: dict[str, set[str]] = defaultdict(set)
    for row in desa_rows:
        cells = dict(zip(desa_header, row, strict=False))
        members[cells.get("kode_kecamatan", "")].add(cells.get("kode_desa", ""))
    detail_header, detail_rows = tables[rule["rinci"]]
    match = rule.get("cocokkan", [])
    tolerance = Decimal(str(rule.get("toleransi", 0)))
    sums: dict[tuple, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    counts: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: dict[tuple, set[str]] = defaultdict(set)
    for row in detail_rows:
        cells = dict(zip(detail_header, row, strict=False))
        desa = cells.get("kode_desa", "")
        key = (desa.rsplit(".", 1)[0], *(cells.get(k, "") for k in match))
        seen[key].add(desa)
        for measure in rule["ukuran"]:
            value = _number(cells.get(measure, ""))
            if value is not None:
                sums[key][measure] += value
                counts[key][measure] += 1
    header, rows = tables[spec.name]
    problems = []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        key = (cells.get("kode_kecamatan", ""), *(cells.get(k, "") for k in match))
        if not members[key[0]] or seen.get(key) != members[key[0]]:
            continue
        for measure in rule["ukuran"]:
            own = _number(cells.get(measure, ""))
            total = sums[key].get(measure)
            complete = counts[key].get(measure) == len(members[key[0]])
            if own is not None and complete and abs(own - total) > tolerance:
                problems.append(Problem(
                    spec.relpath, "jumlah_desa", number, measure, cells[measure],
                    {"batas": f"{total.normalize():f}", "rinci": rule["rinci"]}, severity="warning"))
    return problems
