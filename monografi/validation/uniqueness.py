"""Uniqueness as staff mean it: 'KLARI' and 'Klari ' are the same name.

Frictionless compares text exactly, so a name typed twice in different case or spacing passes
its `unique` constraint and two pages, two map labels and two form rows claim the same area.
Unique text columns and the area name columns (within their parent area and kind: Kabupaten
Bogor and Kota Bogor, a desa and a kelurahan, are shown with their kind, so they may share a
name) are compared here case- and space-insensitively, and every duplicate names the row that
holds the first one.
"""

from __future__ import annotations

from ..messages import Message, ui
from . import AREA_LEVELS
from .report import Problem
from .rules import Kind, Rule
from .spec import ResourceSpec

OTHER_ROW = Message("baris lain", "another row")


def _other_row(details: dict, lang: str) -> dict:
    """'baris 7' for the row holding the first occurrence, when it is known."""
    other = details.get("baris_lain")
    return {"baris_lain": f"{ui('row', lang)} {other}" if other is not None else OTHER_ROW.text(lang)}


DUPLICATE = Rule("unik", Kind.DATA, Message(
    "Nilai {value!r} sudah dipakai di {baris_lain} ({batas!r}); kolom ini harus unik "
    "(huruf besar/kecil dan spasi tidak membedakan).",
    "Value {value!r} already appears in {baris_lain} ({batas!r}); this column must be "
    "unique (case and spaces do not count).",
    "Hapus baris ganda atau perbaiki nilainya.",
    "Delete the duplicate row or correct its value.",
), words=_other_row)

DUPLICATE_KEY = Rule("kunci_ganda", Kind.DATA, Message(
    "Baris ini mengulang kunci {value} yang sudah ada di {baris_lain}.",
    "This row repeats the key {value} already used by {baris_lain}.",
    "Setiap kombinasi {batas} hanya boleh muncul sekali: gabungkan atau hapus baris ganda.",
    "Each combination of {batas} may appear only once: merge or delete the duplicate.",
), words=_other_row)


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _checked_columns(spec: ResourceSpec) -> dict[str, tuple[str, ...]]:
    """Column -> the columns that scope it (none: the whole table)."""
    columns: dict[str, tuple[str, ...]] = {
        f["name"]: () for f in spec.fields if f.get("type", "string") == "string"
        and isinstance(f.get("constraints"), dict) and f["constraints"].get("unique") is True}
    if spec.is_master:
        level = AREA_LEVELS.index(spec.name)
        parent = (f"kode_{AREA_LEVELS[level - 1]}",) if level else ()
        columns.setdefault(f"nama_{spec.name}", (*parent, "jenis"))
    return columns


def duplicate_problems(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> list[Problem]:
    problems = []
    for column, scope in _checked_columns(spec).items():
        if column not in header:
            continue
        at, scope_at = header.index(column), [header.index(c) for c in scope if c in header]
        seen: dict[tuple, tuple[int, str]] = {}
        for number, row in enumerate(rows, start=2):
            value = row[at] if at < len(row) else ""
            if not value.strip():
                continue
            key = (*(row[i] if i < len(row) else "" for i in scope_at), normal(value))
            if key in seen:
                other, first = seen[key]
                problems.append(Problem(spec.relpath, DUPLICATE, number, column, value,
                                        {"baris_lain": other, "batas": first}))
            else:
                seen[key] = (number, value)
    return problems


def first_row(header: list[str], rows: list[list[str]], columns: list[str],
              values: list[str]) -> int | None:
    """Spreadsheet row of the first row holding `values` in `columns` (for 'see row N')."""
    if not all(c in header for c in columns):
        return None
    at = [header.index(c) for c in columns]
    for number, row in enumerate(rows, start=2):
        if [row[i] if i < len(row) else "" for i in at] == values:
            return number
    return None
