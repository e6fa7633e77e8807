"""How large an uploaded form or table may be: checked before and while it is read, never by
running out of memory.

A form is a zip of XML files: a few hundred kilobytes can unpack into gigabytes (a zip bomb) or
hold a hundred thousand rows that openpyxl would keep in memory all at once. So a form is
refused by its file size and by the unpacked sizes its zip declares (Python's zipfile never
unpacks more than an entry declares) before openpyxl opens it; openpyxl then reads it streaming
(read_only) and every row and cell read is counted against `Budget`, which stops the reading at
the first row over a limit. A CSV upload is counted row by row the same way before it is used.
The limits are stated in the staff guide (content/pages/panduan-data.md, "Batas ukuran").
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ..messages import Message
from ..validation.report import Problem
from ..validation.rules import Kind, Rule

MAX_FORM_BYTES = 10 * 2**20  # a real form is well under 1 MB
MAX_FORM_UNPACKED = 100 * 2**20  # all files inside the .xlsx together, unpacked
MAX_SHEET_ROWS = 50_000  # rows of any one sheet (a kecamatan's table has a few hundred)
MAX_FORM_CELLS = 1_000_000  # cells read in the whole form
MAX_UPLOAD_BYTES = 50 * 2**20  # a CSV upload: the size `check` allows a table
MAX_UPLOAD_ROWS = 1_000_000
MAX_UPLOAD_CELLS = 20_000_000

LIMITS = {  # what each limit is, in words, with its number
    "size": Message("ukuran berkas paling besar {n} MB", "file size at most {n} MB"),
    "unpacked": Message("isi berkas setelah dibuka (unzip) paling besar {n} MB",
                   "unpacked contents at most {n} MB"),
    "rows": Message("paling banyak {n} baris per lembar/tabel", "at most {n} rows per sheet/table"),
    "cells": Message("paling banyak {n} sel", "at most {n} cells"),
}


def _limit_words(details: dict, lang: str) -> dict:
    number = details["n"]
    shown = f"{number:,}".replace(",", "." if lang == "id" else ",")
    return {"batas": LIMITS[details["batas"]].text(lang).format(n=shown)}


TOO_LARGE = Rule("berkas_terlalu_besar", Kind.DATA, Message(
    "Berkas {value!r} melampaui batas unggahan: {batas}. Berkas ini tidak dibaca lebih jauh dan "
    "tidak ada yang diimpor.",
    "File {value!r} is over the upload limit: {batas}. It was not read any further and nothing "
    "was imported.",
    "Hapus baris dan lembar kosong atau tambahan (Excel: pilih baris di bawah tabel → Hapus), "
    "atau bagi datanya menjadi beberapa berkas; batas ukuran tertulis di Panduan data.",
    "Delete empty or extra rows and sheets (Excel: select the rows below the table → Delete), "
    "or split the data into several files; the size limits are in the data guide.",
), words=_limit_words)


class OverLimit(Exception):
    """A limit was reached; `problem` says which, for the staff."""

    def __init__(self, problem: Problem):
        super().__init__(problem.value)
        self.problem = problem


def _over(path: Path, limit: str, number: int) -> OverLimit:
    n = number // 2**20 if limit in ("size", "unpacked") else number
    return OverLimit(Problem(path.name, TOO_LARGE, value=path.name,
                             details={"batas": limit, "n": n}))


class Budget:
    """Rows and cells read so far from one file; `row` raises OverLimit past a limit."""

    def __init__(self, path: Path, max_rows: int, max_cells: int):
        self.path, self.max_rows, self.max_cells = path, max_rows, max_cells
        self.cells = 0

    def rows(self, rows):
        """`rows` (an iterator of rows), counted; stops with OverLimit at the first row over."""
        for number, row in enumerate(rows, start=1):
            if number > self.max_rows:
                raise _over(self.path, "rows", self.max_rows)
            self.cells += len(row)
            if self.cells > self.max_cells:
                raise _over(self.path, "cells", self.max_cells)
            yield row


def check_form_size(path: Path) -> None:
    """Refuse a form whose file or whose unpacked contents are over the limits, before any
    parser sees it. A file that is no zip is left to the reader, which names what it is."""
    if path.stat().st_size > MAX_FORM_BYTES:
        raise _over(path, "size", MAX_FORM_BYTES)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if unpacked > MAX_FORM_UNPACKED:
        raise _over(path, "unpacked", MAX_FORM_UNPACKED)


def check_upload_size(path: Path, delimiter: str = ",") -> None:
    """Refuse a CSV upload over the limits, counting its rows while streaming through it."""
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise _over(path, "size", MAX_UPLOAD_BYTES)
    budget = Budget(path, MAX_UPLOAD_ROWS, MAX_UPLOAD_CELLS)
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="latin-1", newline="")  # any byte: only counting
        try:
            for _ in budget.rows(csv.reader(text, delimiter=delimiter)):
                pass
        except csv.Error:  # a malformed file: `check` names what is wrong with it
            return
