"""A CSV in another encoding than the one declared is refused, naming the file and the fix
("CSV UTF-8" in Excel), or read losslessly — never published as mojibake.

Hypothesis writes Indonesian text with letters beyond ASCII (é, ñ, ’, “ ”, ä …) into the notes
column of sumber.csv, encodes the file in UTF-8 (with or without BOM), Windows-1252, Latin-1,
UTF-16 (with BOM, or LE/BE without) and declares UTF-8 (the default) or windows-1252/latin-1.
Oracle: the reader either refuses the file with one problem at that file whose fix names
"CSV UTF-8", or every cell it reads is exactly the text written.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from monografi.validation import dialect
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO

SPEC = next(s for s in load_catalog(REPO / "datasets")[0].resources if s.name == "sumber")
WORDS = st.sampled_from(["Kecamatan", "Klari", "desa", "data", "survei", "2025", "café", "niño",
                         "Ramón", "’catatan’", "“kutipan”", "à", "ä", "Ñ", "é", "—", "ü"])
NOTE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be"]


def _file(notes: list[str], encoding: str) -> bytes | None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f["name"] for f in SPEC.fields])
    for number, note in enumerate(notes, start=1):
        writer.writerow([f"S{number}", "Judul", "", "2025", "", "", note])
    try:
        return buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return None  # Latin-1 has no ’ “ ”: Excel would have lost them already


@settings(max_examples=300, deadline=None, derandomize=True)
@given(notes=st.lists(NOTE, min_size=1, max_size=5), saved=st.sampled_from(ENCODINGS),
       declared=st.sampled_from([None, "windows-1252", "latin-1", "utf-8"]))
def test_other_encodings_are_refused_or_read_losslessly(notes, saved, declared):
    data = _file(notes, saved)
    if data is None:
        return
    descriptor = {k: v for k, v in SPEC.descriptor.items() if k != "encoding"}
    spec = replace(SPEC, descriptor={**descriptor, **({"encoding": declared} if declared else {})})
    table = dialect.read_data(spec, data)
    if table.problems:
        assert table.unreadable and len(table.problems) == 1, table.problems
        (problem,) = table.problems
        assert problem.file == "sumber.csv" and "CSV UTF-8" in problem.texts("id")[1]
        return
    assert [row[-1] for row in table.rows] == [n.strip() for n in notes], (saved, declared)
    assert not any("Ã" in row[-1] or "â€" in row[-1] for row in table.rows)


def test_utf8_declared_as_windows_1252_is_named():
    data = _file(["café “baru”"], "utf-8")
    spec = replace(SPEC, descriptor={**SPEC.descriptor, "encoding": "windows-1252"})
    (problem,) = dialect.read_data(spec, data).problems
    assert problem.rule.id == "pengkodean_utf8" and "UTF-8" in problem.texts("id")[0]
    assert codecs.lookup("windows-1252").name in problem.texts("id")[0]
