"""A table that lost its rows: emptied is an error, more than halved a warning.

Deleting every row of a CSV (a bad paste, a failed export, an upload of the header only) is
valid CSV, and without this check the next build would publish an empty table over real data.
The table is compared with every version there is to lose: the published site's own copy
(output/unduh/<name>.csv: what the public sees now, also outside git), the committed one and
the pull request's base in git (validation.git_base: so the guard fires in CI, on a fresh clone
with no previous build), and — when an import or the inbox validates a scratch copy — the file
in datasets/ it would replace. The largest of them counts.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import urls
from ..messages import Message
from . import dialect, git_base
from .catalog import Catalog
from .report import Problem
from .rules import Kind, Rule

SHRINK_WARNING = 0.5  # share of rows lost that asks for a second look

EMPTIED_TABLE = Rule("tabel_dikosongkan", Kind.DATA, Message(
    "Tabel ini kosong (hanya baris judul), padahal versi sebelumnya (yang terbit, di git, atau "
    "di datasets/) berisi {batas} baris.",
    "This table is empty (header only), but its earlier version (published, in git, or in "
    "datasets/) has {batas} rows.",
    "Bila tidak sengaja, pulihkan barisnya (mis. `git checkout -- datasets/{value}`). Bila "
    "memang harus dikosongkan, tulis \"boleh_kosong\": true di bagian \"monografi\" tabel "
    "ini di datapackage.json.",
    "If this was an accident, restore the rows (e.g. `git checkout -- datasets/{value}`). If "
    "it must really be emptied, set \"boleh_kosong\": true in this table's \"monografi\" "
    "block in datapackage.json.",
))

ROWS_LOST = Rule("baris_berkurang", Kind.DATA, Message(
    "Tabel ini tinggal {value} baris, padahal versi sebelumnya (yang terbit, di git, atau di "
    "datasets/) berisi {batas} baris (berkurang {persen}).",
    "This table has {value} rows left, but its earlier version (published, in git, or in "
    "datasets/) has {batas} ({persen} fewer).",
    "Bukan galat: pastikan baris-baris itu memang sengaja dihapus sebelum membangun.",
    "Not an error: make sure the rows were removed on purpose before building.",
), severity="warning")


def _count(text: str, delimiter: str = ",") -> int:
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)
            if any(cell.strip() for cell in row)]
    return max(len(rows) - 1, 0)


def published_rows(site: Path, name: str) -> int | None:
    """Data rows of the published CSV of table `name`, or None when there is none."""
    try:
        text = (Path(site) / urls.csv_path(name)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _count(text)


def _rows_in(data: bytes, spec) -> int:
    """Data rows of a version of the table's own file, in its declared dialect."""
    try:
        text = data.decode(dialect.encoding(spec), errors="replace")
    except LookupError:
        return 0
    return _count(text.removeprefix("\ufeff"), dialect.delimiter(spec))


def reference_rows(catalog: Catalog, site: Path, origin: Path) -> dict[str, int]:
    """Table name → the most data rows of any earlier version of it: the published copy in
    `site`, the versions git holds of `origin` (the real datasets/ folder), and origin's own
    file when the catalog is a scratch copy of it."""
    found = {spec.name: published_rows(site, spec.name) or 0 for spec in catalog.resources}
    relpaths = {spec.relpath: spec for spec in catalog.resources}
    for relpath, datas in git_base.versions(origin, sorted(relpaths), git_base.revisions()).items():
        spec = relpaths[relpath]
        found[spec.name] = max([found[spec.name], *(_rows_in(d, spec) for d in datas)])
    if Path(origin).resolve() != Path(catalog.root).resolve():
        for relpath, spec in relpaths.items():
            try:
                data = (Path(origin) / relpath).read_bytes()
            except OSError:
                continue
            found[spec.name] = max(found[spec.name], _rows_in(data, spec))
    return found


def shrink_problems(catalog: Catalog, tables: dict[str, tuple[list[str], list[list[str]]]],
                    before_rows: dict[str, int]) -> list[Problem]:
    problems = []
    for spec in catalog.resources:
        if spec.name not in tables:
            continue
        before = before_rows.get(spec.name, 0)
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
