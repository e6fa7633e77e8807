"""Personal data in a table: columns whose name says so, cells that hold some, and a NIK split
over cells of one row.

Each distinct value is asked once (a million rows repeat most values); rows are visited only to
place what was found, and for the split check only where a free-text cell holds a digit. A
declared code column (kode_*) holds codes, so 16 digits there are a code, not a NIK; phone
numbers and e-mail addresses are refused there too.
"""

from __future__ import annotations

from . import dialect, personal_data
from .personal_text import canonical
from .report import Problem
from .spec import ResourceSpec

_IDENTITY = {personal_data.NIK, personal_data.NIP, personal_data.NIK_EXCEL}


def is_code_column(name: str) -> bool:
    """A column declared to hold codes: kode, kode_desa, kode_sls, …"""
    return name == "kode" or name.startswith("kode_")


def _free_text(field: dict) -> bool:
    """A string column staff write freely in (no pattern, list of values or format)."""
    constraints = field.get("constraints") or {}
    return (field.get("type", "string") == "string" and not is_code_column(field.get("name", ""))
            and not constraints.get("pattern") and not constraints.get("enum")
            and field.get("format", "default") == "default")


def table_problems(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> list[Problem]:
    """Every personal-data problem of one table, in row order (header first)."""
    problems = [Problem(spec.relpath, personal_data.PERSONAL_DATA, 1, name, name, {"kolom": name})
                for name in header if personal_data.is_personal_column(name)]
    labels = _labels(header, rows)
    if labels:
        for number, row in enumerate(rows, start=2):
            for column, value in zip(header, row, strict=False):
                label = labels.get((value, is_code_column(column)))
                if label:
                    problems.append(Problem(spec.relpath, personal_data.PERSONAL_DATA, number, column,
                                            value, {"jenis": label}))
    problems.extend(_split_problems(spec, header, rows))
    return problems


def _labels(header: list[str], rows: list[list[str]]) -> dict[tuple[str, bool], str]:
    """(value, in a code column) → what personal data it holds, for the values that hold some."""
    codes = {index for index, name in enumerate(header) if is_code_column(name)}
    values = set().union(*(dialect.distinct(rows, index) for index in range(len(header))))
    found = {value: label for value in values if (label := personal_data.find(value))}
    in_codes = set().union(*(dialect.distinct(rows, index) for index in codes)) if codes else set()
    labels = {(value, False): label for value, label in found.items()}
    for value in in_codes & found.keys():
        label = found[value] if found[value] not in _IDENTITY else personal_data.find(value, True)
        if label:
            labels[(value, True)] = label
    return labels


def _split_problems(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> list[Problem]:
    """A NIK/No. KK or NIP typed over two or more cells of a row ("3215 0512" | "0356 0001"):
    read across the free-text and number cells, with at least one free-text cell in it."""
    fields = {f.get("name"): f for f in spec.fields if isinstance(f, dict)}
    free = [_free_text(fields.get(name, {"name": name})) for name in header]
    numeric = [fields.get(name, {}).get("type") in ("integer", "number") for name in header]
    used = [i for i in range(len(header)) if free[i] or numeric[i]]
    if not any(free) or len(used) < 2:
        return []
    digits = {value for index in used if free[index] for value in dialect.distinct(rows, index)
              if any(c.isdigit() for c in canonical(value))}
    problems = []
    for number, row in enumerate(rows, start=2):
        cells = [(i, row[i]) for i in used if i < len(row) and row[i]]
        if len(cells) < 2 or not any(free[i] and value in digits for i, value in cells):
            continue
        found = personal_data.split_number([value for _, value in cells], [free[i] for i, _ in cells])
        if found:
            kind, which = found
            problems.append(Problem(spec.relpath, personal_data.PERSONAL_DATA, number,
                                    " + ".join(header[cells[k][0]] for k in which),
                                    " | ".join(cells[k][1] for k in which), {"jenis": kind}))
    return problems
