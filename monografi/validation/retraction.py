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
GUIDE = "panduan-penarikan/"  # the staff guide's page on the portal
# Its columns, and what each must hold (the words of a refusal).
COLUMN_WORDS = {
    "tanggal": Message("tanggal berbentuk TTTT-BB-HH", "a date written YYYY-MM-DD"),
    "jenis": Message("salah satu dari: nilai, baris, catatan, rilis",
                     "one of: nilai, baris, catatan, rilis"),
    "dataset": Message("nama dataset", "a dataset name"),
    "versi": Message("kode commit (mis. 3f2a1b7) atau nama rilis (tag)",
                     "a commit id (e.g. 3f2a1b7) or a release (tag) name"),
    "baris": Message("nomor baris lembar kerja (judul kolom = 1), mulai 2",
                     "a spreadsheet row number (header = 1), from 2"),
    "kolom": Message("nama kolom", "a column name"),
    "alasan": Message("alasan singkat tanpa data pribadi", "a short reason without personal data"),
}
COLUMNS = tuple(COLUMN_WORDS)
# What each kind withdraws, by the columns it must fill (besides tanggal, jenis, alasan); the
# others stay empty. A value or a row is named where it appears: dataset, version, row (, column).
NEEDS = {"nilai": COLUMNS[2:6], "baris": COLUMNS[2:5], "catatan": COLUMNS[3:4], "rilis": COLUMNS[3:4]}
VALUE, ROW, NOTE, RELEASE = NEEDS
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # a commit (hex) or a release tag
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_EXPECTED = {
    **COLUMN_WORDS,
    "header": Message(f"judul kolom: {', '.join(COLUMNS)}", f"column titles: {', '.join(COLUMNS)}"),
    "required": Message("isian wajib untuk jenis ini", "required for this kind"),
    "empty": Message("kosongkan untuk jenis ini", "leave empty for this kind"),
    "too_many": Message(f"tidak lebih dari {len(COLUMNS)} kolom", f"no more than {len(COLUMNS)} columns"),
}

BAD_ENTRY = Rule("penarikan_tidak_sah", Kind.DATA, Message(
    "Isian {value!r} tidak sah: perlu {harap}.",
    "Entry {value!r} is not valid: expected {harap}.",
    f"Perbaiki baris itu; halaman {GUIDE} di portal menunjukkan bentuk setiap jenis penarikan.",
    f"Correct that row; the portal page {GUIDE} shows the form of each kind of retraction.",
), words=looked_up("harap", _EXPECTED))

UNKNOWN_DATASET = Rule("penarikan_dataset_tidak_dikenal", Kind.DATA, Message(
    "Dataset {value!r} tidak ada di datapackage.json.",
    "Dataset {value!r} is not in datapackage.json.",
    "Tulis nama dataset (kolom name di datapackage.json), bukan judul atau nama berkasnya.",
    "Write the dataset's name (its name in datapackage.json), not its title or file name.",
))

_REASONS = {
    "version": Message("versi itu tidak ada di riwayat git proyek ini",
                       "that version is not in this project's git history"),
    "file": Message("berkas dataset itu tidak ada atau tidak terbaca pada versi itu",
                    "the dataset's file is missing or unreadable in that version"),
    "row": Message("berkas dataset pada versi itu tidak punya baris tersebut",
                   "the dataset's file has no such row in that version"),
    "column": Message("berkas dataset pada versi itu tidak punya kolom tersebut",
                      "the dataset's file has no such column in that version"),
    "blank": Message("sel itu kosong pada versi itu", "that cell is empty in that version"),
    "note": Message("commit itu tidak punya Catatan-publik", "that commit has no Catatan-publik"),
    "release": Message("tidak ada rilis (tag) dengan nama itu",
                       "there is no release (tag) by that name"),
}

NOT_FOUND = Rule("penarikan_tidak_cocok", Kind.DATA, Message(
    "Penarikan ini tidak menunjuk isi yang ada ({value}): {sebab}.",
    "This retraction points at nothing published ({value}): {sebab}.",
    "Salin kode commit dan nomor baris persis dari pesan `monografi check`, atau lihat "
    "`git log --oneline -- datasets/`; untuk rilis tulis nama tag-nya.",
    "Copy the commit id and row number exactly from the `monografi check` message, or see "
    "`git log --oneline -- datasets/`; for a release write its tag name.",
), words=looked_up("sebab", _REASONS))


_PLACES = {
    "dataset": Message("dataset {nama}, versi {versi} ({tanggal})",
                       "dataset {nama}, version {versi} ({tanggal})"),
    "note": Message("Catatan-publik commit {versi} ({tanggal})",
                    "the Catatan-publik of commit {versi} ({tanggal})"),
    "release": Message("rilis {versi} ({tanggal}), berkas {nama}",
                       "release {versi} ({tanggal}), file {nama}"),
    "tag": Message("nama rilis (tag) pada commit {versi}", "the release (tag) name at commit {versi}"),
}


def _history_words(details: dict, lang: str) -> dict:
    """The kind of personal data found, and where: which version of what."""
    return {"jenis": personal_data.KIND_NAMES[details["jenis"]].text(lang),
            "tempat": _PLACES[details["tempat"]].text(lang).format(**details)}


# Raised by publishing.history_guard, which screens what history would publish.
IN_HISTORY = Rule("data_pribadi_riwayat", Kind.DATA, Message(
    "Data pribadi ({jenis}) akan terbit dari riwayat git: {tempat}.",
    "Personal data ({jenis}) would be published from git history: {tempat}.",
    f"Riwayat git tidak perlu diubah: tarik isinya dengan menambahkan baris berikut ke "
    f"datasets/{FILE} (ganti <alasan> dengan alasan singkat tanpa data pribadi), lalu commit: "
    f"{{entri}} — panduan: halaman {GUIDE} di portal.",
    f"Git history need not be rewritten: withdraw it by adding this line to datasets/{FILE} "
    f"(replace <alasan> with a short reason without personal data), then commit: {{entri}} — "
    f"guide: the portal page {GUIDE}.",
), words=_history_words)


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


def _entry_problems(line: int, cells: dict[str, str], extra: list[str],
                    datasets: set[str]) -> list[Problem]:
    problems = []

    def bad(column: str, expected: str, shown: str | None = None) -> None:
        value = cells[column] if shown is None else shown
        problems.append(Problem(FILE, BAD_ENTRY, line, column, value, {"harap": expected}))

    if any(extra):
        problems.append(Problem(FILE, BAD_ENTRY, line, None, ",".join(extra), {"harap": "too_many"}))
    if not _DATE.match(cells[COLUMNS[0]]) or not _is_date(cells[COLUMNS[0]]):
        bad(COLUMNS[0], COLUMNS[0])
    kind = cells[COLUMNS[1]]
    if kind not in NEEDS:
        bad(COLUMNS[1], COLUMNS[1])
        return problems
    for column in COLUMNS[2:6]:
        if column in NEEDS[kind] and not cells[column]:
            bad(column, "required")
        elif column not in NEEDS[kind] and cells[column]:
            bad(column, "empty")
    version, row, reason = cells[COLUMNS[3]], cells[COLUMNS[4]], cells[COLUMNS[6]]
    if version and not _VERSION.match(version):
        bad(COLUMNS[3], COLUMNS[3])
    if row and not (row.isascii() and row.isdigit() and int(row) >= 2):
        bad(COLUMNS[4], COLUMNS[4])
    if cells[COLUMNS[2]] and cells[COLUMNS[2]] not in datasets:
        problems.append(Problem(FILE, UNKNOWN_DATASET, line, COLUMNS[2], cells[COLUMNS[2]]))
    if not reason or personal_data.find(reason):
        bad(COLUMNS[6], COLUMNS[6], "")  # published: it must not repeat what it withdraws
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
        cells = [c.strip() for c in row]
        named = dict(zip(COLUMNS, cells + [""] * len(COLUMNS), strict=False))
        found = _entry_problems(line, named, cells[len(COLUMNS):], names)
        problems.extend(found)
        if not found:
            date, kind, dataset, version, number, column, reason = (named[c] for c in COLUMNS)
            retractions.append(Retraction(line, date, kind, dataset, version,
                                          int(number) if number else None, column, reason))
    return retractions, problems
