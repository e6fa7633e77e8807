"""A table that lost its rows since the published build: emptied is an error, halved a warning.

Deleting every row of a CSV (a bad paste, a failed export) is valid CSV, and without this check
the next build would publish an empty table over real data. The reference is the published
site's own copy (output/unduh/<name>.csv), not git HEAD: it is what the public sees now, it
exists wherever the build ran (also outside a git checkout, and after uncommitted edits were
already published), and when there is no published build yet there is nothing to lose.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import urls
from ..messages import Message
from .catalog import Catalog
from .report import Problem
from .rules import Kind, Rule

SHRINK_WARNING = 0.5  # share of rows lost that asks for a second look

EMPTIED_TABLE = Rule("tabel_dikosongkan", Kind.DATA, Message(
    "Tabel ini kosong (hanya baris judul), padahal versi yang terbit berisi {batas} baris.",
    "This table is empty (header only), but the published version has {batas} rows.",
    "Bila tidak sengaja, pulihkan barisnya (mis. `git checkout -- datasets/{value}`). Bila "
    "memang harus dikosongkan, tulis \"boleh_kosong\": true di bagian \"monografi\" tabel "
    "ini di datapackage.json.",
    "If this was an accident, restore the rows (e.g. `git checkout -- datasets/{value}`). If "
    "it must really be emptied, set \"boleh_kosong\": true in this table's \"monografi\" "
    "block in datapackage.json.",
))

ROWS_LOST = Rule("baris_berkurang", Kind.DATA, Message(
    "Tabel ini tinggal {value} baris, padahal versi yang terbit berisi {batas} baris "
    "(berkurang {persen}).",
    "This table has {value} rows left, but the published version has {batas} ({persen} "
    "fewer).",
    "Bukan galat: pastikan baris-baris itu memang sengaja dihapus sebelum membangun.",
    "Not an error: make sure the rows were removed on purpose before building.",
), severity="warning")


def published_rows(site: Path, name: str) -> int | None:
    """Data rows of the published CSV of table `name`, or None when there is none."""
    try:
        text = (Path(site) / urls.csv_path(name)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    return max(len(rows) - 1, 0)


def shrink_problems(catalog: Catalog, tables: dict[str, tuple[list[str], list[list[str]]]],
                    site: Path) -> list[Problem]:
    problems = []
    for spec in catalog.resources:
        if spec.name not in tables:
            continue
        before = published_rows(site, spec.name)
        now = len(tables[spec.name][1])
        if not before or now >= before:
            continue
        if now == 0 and spec.hints.get("boleh_kosong") is not True:
            problems.append(Problem(spec.relpath, EMPTIED_TABLE, value=spec.relpath,
                                    details={"batas": str(before)}))
        elif now and (before - now) / before > SHRINK_WARNING:
            problems.append(Problem(spec.relpath, ROWS_LOST, value=str(now),
                                    details={"batas": str(before),
                                             "persen": f"{(before - now) / before:.0%}"}))
    return problems
