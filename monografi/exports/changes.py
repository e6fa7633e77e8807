"""What a commit changed in a dataset, in sentences computed from the row diff (never its subject).

Shared by the data-change feed and the pages that show a dataset's history, so both say the
same thing about the same revision.
"""

from __future__ import annotations

from .. import fmt
from ..model.areas import Dataset
from ..model.history import Revision

MAX_NAMED_ROWS = 3  # rows named in a change sentence; the history page lists them all


def _named(records: list[str]) -> str:
    names = ", ".join(records[:MAX_NAMED_ROWS])
    more = len(records) - MAX_NAMED_ROWS
    return f"{names} dan {fmt.angka(more)} lainnya" if more > 0 else names


def _cell(text: str, field: dict) -> str:
    """A CSV cell as readers write it: numbers with Indonesian separators, blanks as '–'."""
    if field.get("type") in ("number", "integer"):
        try:
            return fmt.angka(float(text), len(text.partition(".")[2]))
        except ValueError:
            pass
    return text or fmt.MISSING


def key_text(record: dict, key: list[str]) -> str:
    """A row named by its key cells (the whole row when the table has no key)."""
    return " / ".join(record.get(k, "") for k in key) if key else "(baris utuh)"


def change_text(revision: Revision, fields: dict[str, dict], first: bool = False) -> str:
    """What a commit changed, in sentences computed from the row diff (never its subject)."""
    if revision.structure_only:
        return "Hanya struktur (skema) yang berubah; isi data tetap."
    if revision.unreadable:
        return "Isi data berubah, tetapi versi ini tidak dapat dirinci per baris."
    if first:
        return f"Terbit pertama: {fmt.angka(len(revision.added))} baris."
    key = revision.key
    sentences = []
    if revision.added:
        names = _named([key_text(r, key) for r in revision.added])
        sentences.append(f"{fmt.angka(len(revision.added))} baris ditambah ({names}).")
    if revision.changed:
        cells = [f"{key_text(record, key)}, {fields.get(c.column, {}).get('title') or c.column}: "
                 f"{_cell(c.old, fields.get(c.column, {}))} → {_cell(c.new, fields.get(c.column, {}))}"
                 for record, changes in revision.changed for c in changes]
        sentences.append(f"{fmt.angka(len(revision.changed))} baris diubah ({_named(cells)}).")
    if revision.removed:
        names = _named([key_text(r, key) for r in revision.removed])
        sentences.append(f"{fmt.angka(len(revision.removed))} baris dihapus ({names}).")
    return " ".join(sentences) or "Tidak ada baris yang berubah."


def fields_of(dataset: Dataset) -> dict[str, dict]:
    return {f["name"]: f for f in dataset.spec.fields}
