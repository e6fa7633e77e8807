"""Text as a reader reads it, before personal data is looked for in it.

The same number or address can be typed in many ways that a reader still reads as one: full-width
or Arabic-Indic digits, an en dash or a minus sign for a hyphen, a no-break or zero-width space, a
letter O for a zero inside a number, "nama at gmail dot com". The guard matches one canonical
spelling, so it knows a class of input rather than a list of spellings (issue 21).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

# Marks that read as a dot or a comma between digit groups, beyond what NFKC already folds.
_MARKS = str.maketrans({"·": ".", "•": ".", "∙": ".", "⋅": ".", "。": ".", "٫": ".", "‚": ",",
                        "、": ",", "٬": ",", "⁄": "/", "∕": "/", "−": "-", "‒": "-"})
# Letters (and the pipe) that stand for digits where the rest of a number is digits.
LOOKALIKES = str.maketrans("OoIl|iZzSsGbTBgq", "0011112255667899")
LOOKALIKE_LETTERS = frozenset("OoIliZzSsGbTBgq")
DIGITLIKE = frozenset("0123456789|") | LOOKALIKE_LETTERS


def canonical(text: str) -> str:
    """NFKC; format characters (zero-width, bidi, soft hyphen) removed; every dash a hyphen, every
    space a space, every decimal digit an ASCII digit; dot- and comma-like marks as . and ,."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category == "Pd":
            out.append("-")
        elif category == "Zs":
            out.append(" ")
        elif category == "Nd":
            out.append(str(unicodedata.decimal(char)))
        else:
            out.append(char)
    return "".join(out)


# "at" and "dot" spelled out, bracketed or not; spaces around @ and before a dot of a domain.
_AT = re.compile(r"\s*[\[({<]\s*(?:at|et)\s*[\])}>]\s*|\s+at\s+|\s*@\s*", re.I)
_DOT = re.compile(r"\s*[\[({<]\s*(?:dot|titik)\s*[\])}>]\s*|\s+(?:dot|titik)\s+|\s+\.\s*", re.I)
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.([^\W\d_]{2,6})(?![\w-])")
# What follows "@…." in a file name or a handle, never the top-level domain of an address.
_NOT_DOMAINS = frozenset({"html", "htm", "php", "pdf", "csv", "json", "md", "xlsx", "xls", "docx",
                          "doc", "png", "jpg", "jpeg", "svg", "zip", "txt", "xml", "js", "css"})


def email_in(text: str) -> str | None:
    """The e-mail address in canonical `text`, however "@" and "." are spelled, or None."""
    if "@" not in text and not re.search(r"\b(?:at|et)\b", text, re.I):
        return None
    spelled = _DOT.sub(".", _AT.sub("@", text))
    for match in _EMAIL.finditer(spelled):
        if match.group(1).lower() not in _NOT_DOMAINS:
            return match.group(0)
    return None


def column_words(name: str) -> str:
    """A column name as lower-case words joined by "_": "NomorHP", "No. KK", "e-Mail", "N.I.K"
    and "nomor_hp" all read the same way (letters spelled one by one are one word)."""
    name = canonical(name)
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", name) if w]
    grouped = groupby(words, key=lambda w: len(w) == 1 and w.isalpha())
    return "_".join(w for single, run in grouped for w in (["".join(run)] if single else run))
