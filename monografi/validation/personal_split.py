"""A NIK/No. KK or NIP typed over two or more cells of one row: "3215 0512" | "0356 0001".

Each cell's numbers are read as in personal_numbers (runs of digit groups, chunks joined without a
space). A split number ends one cell and starts a later one — the whole chunks at the end of the
first cell's last run, then any cells that are one number and nothing else, then the whole
chunks at the start of a later cell's first run — whatever lies in the cells between (a year, a
name). Only numbers shorter than 18 digits are extended, so a row costs little.
"""

from __future__ import annotations

from dataclasses import dataclass

from .personal_numbers import NIK_DIGITS, NIP_DIGITS, chunks, is_nik, is_nip, runs

_SIZES = {NIK_DIGITS: ("nik", is_nik), NIP_DIGITS: ("nip", is_nip)}


@dataclass(frozen=True)
class _Cell:
    """The ways a cell can end or start a split number: digits of its last or first whole chunks."""

    heads: tuple[str, ...]
    tails: tuple[str, ...]
    whole: str | None  # the cell is one number and nothing else
    real: bool  # it holds a real digit


def _cell(text: str) -> _Cell | None:
    found = runs(text)
    if not found:
        return None
    first, last = (["".join(g.digits for g in chunk) for chunk in chunks(run)]
                   for run in (found[0], found[-1]))
    heads = tuple("".join(first[:k]) for k in range(1, len(first) + 1))
    tails = tuple("".join(last[-k:]) for k in range(1, len(last) + 1))
    alone = len(found) == 1 and found[0][0].start == 0 and found[0][-1].end == len(text)
    whole = heads[-1] if alone else None
    return _Cell(heads, tails, whole, any(g.real for run in found for g in run))


def split_identity_number(cells: list[str], free: list[bool]) -> tuple[str, list[int]] | None:
    """("nik" or "nip", the indices of the cells of one row that together hold it) for a number no
    single cell holds. `cells` are canonical; `free` says which are free text: a number read
    across figures only is figures, so one of its cells must be free text."""
    read = {i: c for i, text in enumerate(cells) if (c := _cell(text.strip()))}
    order = sorted(read)

    def extend(digits: str, used: list[int]) -> tuple[str, list[int]] | None:
        for j in (j for j in order if j > used[-1]):
            for head in read[j].heads:
                found = _valid(digits + head, [*used, j], read, free)
                if found:
                    return found
            whole = read[j].whole
            if whole and len(digits) + len(whole) < NIP_DIGITS:
                found = extend(digits + whole, [*used, j])
                if found:
                    return found
        return None

    for i in order:
        for tail in read[i].tails:
            if len(tail) < NIP_DIGITS:
                found = extend(tail, [i])
                if found:
                    return found
    return None


def _valid(digits: str, used: list[int], read: dict[int, _Cell],
           free: list[bool]) -> tuple[str, list[int]] | None:
    size = _SIZES.get(len(digits))
    if size is None or not any(free[i] for i in used) or not any(read[i].real for i in used):
        return None
    kind, valid = size
    return (kind, used) if valid(digits) else None
