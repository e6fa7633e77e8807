"""Small helpers for damaging a copied project the way real mistakes happen."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path


def set_cell(project: Path, resource: str, row: int, column: str, value: str) -> None:
    """Overwrite one cell; `row` counts as a spreadsheet does (header = 1)."""
    path = project / "datasets" / f"{resource}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    rows[row - 1][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def append_line(project: Path, resource: str, line: str) -> int:
    """Append a raw CSV line; returns its spreadsheet row number."""
    path = project / "datasets" / f"{resource}.csv"
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def edit_package(project: Path, change) -> None:
    path = project / "datasets" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")


def resource_of(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)
