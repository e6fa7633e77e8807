"""Retraction: staff withdraw a value, a row, a public note or a whole release from everything
the portal publishes out of git history (history pages, the data feed, release zips).

Git keeps every committed version, and the portal publishes old versions on purpose (what a
figure was before, releases that never change). When one of them held something that must not
be public — a NIK typed into a note, a phone number in a `Catatan-publik:` trailer — deleting it
from today's CSV is not enough, and rewriting history would break every published release. So
staff record the withdrawal in datasets/penarikan.csv: what (a kind, a dataset, the version
and spreadsheet row where it appears, a column), when and why — never the value itself, which
the build reads from git. This module checks the file's form; model.withdrawn checks it against
git and applies it.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..messages import Message
from . import personal_data
from .report import Problem
from .rules import Kind, Rule, looked_up

FILE = "penarikan.csv"  # in datasets/
COLUMNS = ("tanggal", "jenis", "dataset", "versi", "baris", "kolom", "alasan")
VALUE, ROW, NOTE, RELEASE = "nilai", "baris", "catatan", "rilis"
# What each kind must name (besides tanggal, jenis, alasan); every other column stays empty.
NEEDS = {VALUE: ("dataset", "versi", "baris", "kolom"), ROW: ("dataset", "versi", "baris"),
         NOTE: ("versi",), RELEASE: ("versi",)}
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # a commit (hex) or a release tag
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
GUIDE = "content/pages/panduan-penarikan.md"

_FIELD_NAMES = {
    "header": Message(f"judul kolom: {', '.join(COLUMNS)}", f"column titles: {', '.join(COLUMNS)}"),
    "tanggal": Message("tanggal berbentuk TTTT-BB-HH", "a date written YYYY-MM-DD"),
    "jenis": Message("salah satu dari: nilai, baris, catatan, rilis",
                     "one of: nilai, baris, catatan, rilis"),
    "baris": Message("nomor baris lembar kerja (judul kolom = 1), mulai 2",
                     "a spreadsheet row number (header = 1), from 2"),
    "versi": Message("kode commit (mis. 3f2a1b7) atau nama rilis (tag)",
                     "a commit id (e.g. 3f2a1b7) or a release (tag) name"),
    "terisi": Message("isian wajib untuk jenis ini", "required for this kind"),
    "kosong": Message("kosongkan untuk jenis ini", "leave empty for this kind"),
    "alasan": Message("alasan tanpa data pribadi", "a reason without personal data"),
}

BAD_ENTRY = Rule("penarikan_tidak_sah", Kind.DATA, Message(
    "Isian {value!r} di kolom ini tidak sah: perlu {harap}.",
    "Entry {value!r} in this column is not valid: expected {harap}.",
    f"Perbaiki baris itu; lihat {GUIDE} untuk bentuk setiap jenis penarikan.",
    f"Correct that row; {GUIDE} shows the form of each kind of retraction.",
), words=looked_up("harap", _FIELD_NAMES))

UNKNOWN_DATASET = Rule("penarikan_dataset_tidak_dikenal", Kind.DATA, Message(
    "Dataset {value!r} tidak ada di datapackage.json.",
    "Dataset {value!r} is not in datapackage.json.",
    "Tulis nama dataset (kolom name di datapackage.json), bukan judul atau nama berkasnya.",
    "Write the dataset's name (its name in datapackage.json), not its title or file name.",
))


@dataclass(frozen=True)
class Retraction:
    """One row of penarikan.csv: what is withdrawn (kind, dataset, version, row, column), when
    and why. `line` is its own spreadsheet row, for messages."""

    line: int
    date: str
    kind: str
    dataset: str
    version: str
    row: int | None
    column: str
    reason: str

    @property
    def public_note(self) -> str:
        """What readers see in place of the withdrawn text: the date and the staff's reason."""
        return f"Ditarik pada {self.date}: {self.reason}"


def _entry_problems(line: int, cells: dict[str, str], datasets: set[str]) -> list[Problem]:
    relpath, problems = FILE, []

    def bad(column: str, expected: str) -> None:
        problems.append(Problem(relpath, BAD_ENTRY, line, column, cells[column], {"harap": expected}))

    kind = cells["jenis"]
    if not _DATE.match(cells["tanggal"]) or not _is_date(cells["tanggal"]):
        bad("tanggal", "tanggal")
    if kind not in NEEDS:
        bad("jenis", "jenis")
        return problems
    for column in ("dataset", "versi", "baris", "kolom"):
        if column in NEEDS[kind] and not cells[column]:
            bad(column, "terisi")
        elif column not in NEEDS[kind] and cells[column]:
            bad(column, "kosong")
    if cells["versi"] and not _VERSION.match(cells["versi"]):
        bad("versi", "versi")
    if cells["baris"] and not (cells["baris"].isascii() and cells["baris"].isdigit()
                               and int(cells["baris"]) >= 2):
        bad("baris", "baris")
    if cells["dataset"] and cells["dataset"] not in datasets:
        problems.append(Problem(relpath, UNKNOWN_DATASET, line, "dataset", cells["dataset"]))
    if not cells["alasan"] or personal_data.find(cells["alasan"]):
        bad("alasan", "alasan")  # the reason is published: it must not repeat what it withdraws
    return problems


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def read(datasets: Path, names: set[str]) -> tuple[list[Retraction], list[Problem]]:
    """The retractions recorded in datasets/penarikan.csv (none when the file is absent) and
    the problems of its form; `names` are the package's datasets. Only entries without a
    problem are returned."""
    path = Path(datasets) / FILE
    if not path.is_file():
        return [], []
    try:
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        rows = []
    if not rows or tuple(cell.strip() for cell in rows[0]) != COLUMNS:
        return [], [Problem(FILE, BAD_ENTRY, 1, None, ",".join(rows[0]) if rows else "",
                            {"harap": "header"})]
    retractions, problems = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(COLUMNS, [c.strip() for c in row] + [""] * len(COLUMNS), strict=False))
        found = _entry_problems(line, cells, names)
        problems.extend(found)
        if not found:
            retractions.append(Retraction(line, cells["tanggal"], cells["jenis"], cells["dataset"],
                                          cells["versi"], int(cells["baris"]) if cells["baris"] else None,
                                          cells["kolom"], cells["alasan"]))
    return retractions, problems
