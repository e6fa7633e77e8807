"""'Maksud Anda …?': the closest official code for a mistyped code or a name typed as a code.

Staff often type "Klari" where the code 32.15.05 belongs, or swap two digits; the master lists
(kecamatan.csv, desa.csv) know both, so the suggestion names the code and its area.
"""

from __future__ import annotations

import difflib
import re

from ..messages import Message

DID_YOU_MEAN = Message("; maksud Anda {label}?", "; did you mean {label}?")


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
    return next(iter(leading or found), None)


def suggest(header: list[str], rows: list[list[str]], level: str, value: str) -> dict:
    """Details for a Problem: the closest code and its area's name ({'mirip', 'nama_mirip'}), or
    {} when nothing is close enough (said by did_you_mean)."""
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
    return {"mirip": code, "nama_mirip": names[code]}


def did_you_mean(details: dict, lang: str) -> dict:
    """The suggestion of `suggest` in words ({'saran': "; maksud Anda '32.15.05' (Klari)?"}),
    or an empty 'saran'."""
    if "mirip" not in details:
        return {"saran": ""}
    code, name = details["mirip"], details.get("nama_mirip")
    return {"saran": DID_YOU_MEAN.text(lang).format(label=f"{code!r} ({name})" if name else repr(code))}
