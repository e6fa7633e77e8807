"""'Maksud Anda …?': the closest official code for a mistyped code or a name typed as a code.

Staff often type "Klari" where the code 32.15.05 belongs, or swap two digits; the master lists
(kecamatan.csv, desa.csv) know both, so the suggestion names the code and its area.
"""

from __future__ import annotations

import difflib
import re


def _normal(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower().removeprefix("kecamatan ").removeprefix("desa "))


def _zeros_dropped(short: str, full: str) -> bool:
    """`full` with some of its zeros left out reads `short` (05 → 5, 2001 → 201)."""
    rest = iter(short)
    wanted = next(rest, None)
    for char in full:
        if char == wanted:
            wanted = next(rest, None)
        elif char != "0":
            return False
    return wanted is None


def _padded(value: str, codes: list[str]) -> str | None:
    """The official code that `value` is with zeros dropped, a leading zero first: 32.15.5 means
    32.15.05, never the closer-looking 32.15.25."""
    parts = value.split(".")
    if not all(part.isdigit() for part in parts):
        return None
    found = [code for code in codes if len(code.split(".")) == len(parts) and all(
        _zeros_dropped(a, b) for a, b in zip(parts, code.split("."), strict=True))]
    leading = [code for code in found
               if all(int(a) == int(b) for a, b in zip(parts, code.split("."), strict=True))]
    return (leading or found or [None])[0]


def suggest(header: list[str], rows: list[list[str]], level: str, value: str) -> dict:
    """Details for a Problem: {'saran', 'saran_en'}, or {} when nothing is close enough."""
    code_column, name_column = f"kode_{level}", f"nama_{level}"
    if code_column not in header:
        return {}
    code_at = header.index(code_column)
    name_at = header.index(name_column) if name_column in header else None
    names = {row[code_at]: (row[name_at] if name_at is not None and name_at < len(row) else "")
             for row in rows if code_at < len(row)}
    wanted = _normal(value)
    by_name = {_normal(name): code for code, name in names.items() if name}
    code = by_name.get(wanted)
    if code is None:
        close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.75)
        code = by_name[close[0]] if close else None
    if code is None:
        code = _padded(value.strip(), sorted(names))
    if code is None:
        close = difflib.get_close_matches(value, list(names), n=1, cutoff=0.6)
        code = close[0] if close else None
    if code is None:
        return {}
    label = f"{code!r} ({names[code]})" if names[code] else repr(code)
    return {"saran": f"; maksud Anda {label}?", "saran_en": f"; did you mean {label}?"}
