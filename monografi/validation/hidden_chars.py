"""Characters nobody can see: zero-width spaces and joiners, bidirectional overrides, soft
hyphens, byte-order marks, control characters. In an area name or a note they make two equal-
looking names differ, reverse what a reader sees (U+202E), or break a search; Unicode calls
them format (Cf), control (Cc) and line/paragraph separators (Zl, Zp), and every cell holding
one is refused at its place, naming the character."""

from __future__ import annotations

import unicodedata

from ..messages import Message
from .dialect import Table, distinct
from .report import Problem
from .rules import Kind, Rule
from .spec import ResourceSpec

HIDDEN = frozenset({"Cf", "Cc", "Zl", "Zp"})
ALLOWED = frozenset("\t\n\r")  # a line break inside a quoted note, a tab Excel left

HIDDEN_CHARACTER = Rule("karakter_tersembunyi", Kind.DATA, Message(
    "Sel ini memuat karakter tak terlihat {batas}; nama atau teks yang tampak sama akan berbeda, "
    "atau tampil terbalik.",
    "This cell holds an invisible character {batas}; names or texts that look the same would "
    "differ, or be shown reversed.",
    "Ketik ulang isi sel ini (jangan salin-tempel dari web atau PDF), atau hapus karakter itu.",
    "Type the cell again (do not copy and paste from the web or a PDF), or delete that character.",
))


def hidden(value: str) -> str | None:
    """'U+200B ZERO WIDTH SPACE' for the first invisible character of `value`, else None."""
    for ch in value:
        if ch not in ALLOWED and unicodedata.category(ch) in HIDDEN:
            return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
    return None


def hidden_problems(spec: ResourceSpec, table: Table) -> list[Problem]:
    """A problem per cell holding an invisible character; each distinct value judged once."""
    found = {index: {value: name for value in distinct(table.rows, index) if (name := hidden(value))}
             for index in range(len(table.header))}
    found = {index: names for index, names in found.items() if names}
    header_names = [(column, name) for column in table.header if (name := hidden(column))]
    problems = [Problem(spec.relpath, HIDDEN_CHARACTER, 1, column, column, {"batas": name})
                for column, name in header_names]
    for number, row in enumerate(table.rows, start=2) if found else ():
        for index, names in found.items():
            if index < len(row) and row[index] in names:
                problems.append(Problem(spec.relpath, HIDDEN_CHARACTER, number, table.header[index],
                                        row[index], {"batas": names[row[index]]}))
    return problems
