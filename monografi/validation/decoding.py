"""Is a staff file text in its declared encoding? The files people commit instead of a CSV.

A workbook or PDF renamed to .csv, Excel's "Unicode Text" (UTF-16/32, with or without a
byte-order mark) and a file in another encoding than declared are each refused with the rule
that says what the file really is, before any CSV parsing turns them into noise.
"""

from __future__ import annotations

import codecs
import re

from ..messages import Message
from .report import Problem
from .rules import Kind, Rule, looked_up

BINARY = "binary"  # NUL bytes where text belongs, and no known signature
# Signatures of files staff commit by mistake instead of the CSV (workbook, old Excel, PDF, zip).
BINARY_SIGNATURES = {b"PK\x03\x04": "xlsx/zip", b"\xd0\xcf\x11\xe0": "xls", b"%PDF": "pdf"}
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32 LE"), (codecs.BOM_UTF32_BE, "UTF-32 BE"),
             (codecs.BOM_UTF16_LE, "UTF-16 LE"), (codecs.BOM_UTF16_BE, "UTF-16 BE"))
KIND_WORDS = {BINARY: Message("biner", "binary")}


WIDE_UNICODE = Rule("pengkodean_utf16", Kind.DATA, Message(
    "Berkas disimpan sebagai {batas} (Excel: \"Teks Unicode\"), bukan CSV UTF-8.",
    "The file is saved as {batas} (Excel: \"Unicode Text\"), not as CSV UTF-8.",
    "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisah koma)\" lalu ganti berkas ini.",
    "In Excel choose Save As → \"CSV UTF-8 (comma delimited)\" and replace this file.",
))

NOT_TEXT = Rule("bukan_teks", Kind.DATA, Message(
    "Ini bukan berkas teks CSV (terbaca sebagai {batas}).",
    "This is not a CSV text file (it looks like {batas}).",
    "Jangan mengganti nama berkas .xlsx menjadi .csv: buka di Excel lalu Simpan Sebagai → "
    "\"CSV UTF-8\", atau pakai `monografi impor FORMULIR.xlsx`.",
    "Do not rename an .xlsx file to .csv: open it in Excel and Save As → \"CSV UTF-8\", or use "
    "`monografi impor FORM.xlsx`.",
), words=looked_up("batas", KIND_WORDS))

UNDECODABLE = Rule("pengkodean", Kind.DATA, Message(
    "Berkas tidak dapat dibaca sebagai {batas} mulai baris ini (sekitar {value!r}).",
    "The file cannot be read as {batas} from this row on (around {value!r}).",
    "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisah koma)\"; atau, bila berkas memang "
    "disimpan sebagai CSV biasa Windows, nyatakan \"encoding\": \"windows-1252\" untuk sumber "
    "daya ini di datasets/datapackage.json.",
    "In Excel choose Save As → \"CSV UTF-8 (comma delimited)\"; or, if the file really is a "
    "plain Windows CSV, declare \"encoding\": \"windows-1252\" for this resource in "
    "datasets/datapackage.json.",
))


UTF8_DECLARED_OTHER = Rule("pengkodean_utf8", Kind.DATA, Message(
    "Berkas ini tersimpan sebagai UTF-8, padahal datapackage.json menyatakan {batas}; hurufnya "
    "(é, ñ, ’, “ ”) akan terbit rusak (mis. \"Ã©\").",
    "This file is saved as UTF-8, but datapackage.json declares {batas}; its letters (é, ñ, ’, "
    "“ ”) would be published garbled (e.g. \"Ã©\").",
    "Hapus \"encoding\" sumber daya ini dari datasets/datapackage.json (bawaannya UTF-8), dan "
    "simpan berkas dari Excel sebagai \"CSV UTF-8 (dipisah koma)\".",
    "Remove this resource's \"encoding\" from datasets/datapackage.json (the default is UTF-8), "
    "and save the file from Excel as \"CSV UTF-8 (comma delimited)\".",
))


def utf8_problem(relpath: str, data: bytes, encoding: str) -> Problem | None:
    """A single-byte encoding (windows-1252, latin-1) declared for a file that is UTF-8 with
    letters beyond ASCII: every such letter would decode as two or three wrong ones. Real
    Windows text is almost never also valid UTF-8 once it holds a non-ASCII letter. Latin-1
    declared for a Windows-1252 file is named too (bytes 0x80–0x9F)."""
    if encoding.startswith("utf") or data.isascii():
        return None
    c1 = re.search(rb"[\x80-\x9f]", data) if encoding == "iso8859-1" else None
    if c1:  # Latin-1 reads Windows-1252's ’ “ ” € as invisible control characters
        row = data[:c1.start()].count(b"\n") + 1
        snippet = data[max(0, c1.start() - 12):c1.end() + 12].decode("cp1252", "replace")
        return Problem(relpath, UNDECODABLE, row=row, value=snippet.strip(), details={"batas": encoding})
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return Problem(relpath, UTF8_DECLARED_OTHER, value=encoding, details={"batas": encoding})


def signature(data: bytes) -> str | None:
    """The kind of binary file `data` starts like (BINARY_SIGNATURES), or None."""
    return next((name for magic, name in BINARY_SIGNATURES.items() if data.startswith(magic)), None)


def binary_problem(relpath: str, data: bytes, encoding: str) -> Problem | None:
    """Why `data` is not text in `encoding` at all (a workbook, UTF-16, NUL bytes), or None."""
    kind = signature(data)
    declared_wide = encoding.startswith(("utf-16", "utf-32"))
    wide = None if declared_wide or kind else _wide_unicode(data)
    if wide:
        return Problem(relpath, WIDE_UNICODE, value=wide, details={"batas": wide})
    if kind is None and b"\x00" in data[:65536] and not declared_wide:
        kind = BINARY
    if kind is None:
        return None
    return Problem(relpath, NOT_TEXT, value=kind, details={"batas": kind})


def _wide_unicode(data: bytes) -> str | None:
    """UTF-16/UTF-32 text (Excel's "Unicode Text"), with or without a byte-order mark.

    Without a BOM, mostly-ASCII text shows as NUL bytes in fixed positions: every other byte
    (UTF-16) or three bytes of four (UTF-32)."""
    for bom, name in WIDE_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for width, name, char_at in ((4, "UTF-32 LE", 0), (4, "UTF-32 BE", 3), (2, "UTF-16 LE", 0),
                                 (2, "UTF-16 BE", 1)):
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        ascii_units = sum(0 < u[char_at] < 128 and u.count(0) == width - 1 for u in units)
        if ascii_units >= 0.9 * len(units):
            return name
    return None


def decode_problem(relpath: str, data: bytes, encoding: str) -> Problem | None:
    """Where `data` stops decoding as `encoding` (row and the bytes around), or None."""
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        row = data[:exc.start].count(b"\n") + 1
        snippet = data[max(0, exc.start - 12):exc.end + 12].decode(encoding, "replace")
        return Problem(relpath, UNDECODABLE, row=row, value=snippet.strip(),
                       details={"batas": encoding})
    return None
