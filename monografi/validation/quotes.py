"""A quote mark left open in a CSV: Python's csv (not strict) reads the whole rest of the file
into one cell, which used to surface as hundreds of unrelated errors (missing rows, wrong
columns) or as "a cell too long", none naming the quote. The reader asks here, for the record
it stopped on, whether it is an open quote, so the report says so once, with its line."""

from __future__ import annotations

import csv
import io
import itertools

from ..messages import Message
from .rules import Kind, Rule

UNCLOSED_QUOTE = Rule("kutip_terbuka", Kind.DATA, Message(
    "Tanda kutip (\") yang dibuka di baris {value} tidak pernah ditutup, sehingga seluruh sisa "
    "berkas terbaca sebagai satu sel.",
    "The quote mark (\") opened on line {value} is never closed, so the whole rest of the file "
    "reads as one cell.",
    "Tutup tanda kutip di baris itu (atau hapus), atau simpan ulang dari Excel sebagai \"CSV "
    "UTF-8\": Excel menulis tanda kutip dengan benar.",
    "Close the quote on that line (or delete it), or save again from Excel as \"CSV UTF-8\": "
    "Excel writes quotes correctly.",
))


class UnclosedQuote(ValueError):
    """The quote opened by the record starting on `line` is never closed."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _whole(text: str, delimiter: str) -> bool:
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


def refuse_open_quote(stream: io.TextIOBase, delimiter: str, line: int, too_long: bool = False) -> None:
    """Raise UnclosedQuote if the record starting on `line` of `stream` runs to the end of the
    file inside a quote: read strictly it fails, and one closing quote at the end makes it whole.
    `too_long`: csv stopped at its cell-size limit, which strict reading would meet again; then
    an odd number of quote marks from `line` on is what says the quote is open."""
    stream.seek(0)
    tail = "".join(itertools.islice(stream, line - 1, None))
    if too_long:
        if tail.count('"') % 2:
            raise UnclosedQuote(line)
    elif not _whole(tail, delimiter) and _whole(tail + '"', delimiter):
        raise UnclosedQuote(line)
