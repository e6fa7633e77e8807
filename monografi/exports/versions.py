"""Versions as readers see them: the 'Terakhir diperbarui' line, the download list, the changes.

Plain data for the templates (like views.py), kept apart from history.py so that module stays
about git and this one about wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import fmt
from ..model.areas import Dataset
from ..model.history import Revision, Updated
from .base import Exports
from .formats import offered

MAX_LISTED_ROWS = 100
MAX_NAMED_ROWS = 3  # rows named in a change sentence; the history page lists them all


def updated_text(updated: Updated) -> str:
    if updated.date is None:
        return "tidak diketahui"
    day = fmt.tanggal(updated.date)
    if updated.basis != "git":
        return f"{day} (tanggal paket data; riwayat perubahan tidak tersedia)"
    return f"{day} (ada perubahan yang belum tercatat)" if updated.uncommitted else day


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
        names = _named([_key_text(r, key) for r in revision.added])
        sentences.append(f"{fmt.angka(len(revision.added))} baris ditambah ({names}).")
    if revision.changed:
        cells = [f"{_key_text(record, key)}, {fields.get(c.column, {}).get('title') or c.column}: "
                 f"{_cell(c.old, fields.get(c.column, {}))} → {_cell(c.new, fields.get(c.column, {}))}"
                 for record, changes in revision.changed for c in changes]
        sentences.append(f"{fmt.angka(len(revision.changed))} baris diubah ({_named(cells)}).")
    if revision.removed:
        names = _named([_key_text(r, key) for r in revision.removed])
        sentences.append(f"{fmt.angka(len(revision.removed))} baris dihapus ({names}).")
    return " ".join(sentences) or "Tidak ada baris yang berubah."


def fields_of(dataset: Dataset) -> dict[str, dict]:
    return {f["name"]: f for f in dataset.spec.fields}


def downloads(exports: Exports, dataset: Dataset) -> list[dict]:
    return [{"label": f.label, "path": f.path(dataset.name), "file": f.path(dataset.name)
             .rsplit("/", 1)[1], "description": f.description, "media_type": f.media_type,
             "bytes": len(exports.render(f, dataset))} for f in offered(dataset)]


def _key_text(record: dict, key: list[str]) -> str:
    return " / ".join(record.get(k, "") for k in key) if key else "(baris utuh)"


def _values_text(record: dict, key: list[str]) -> str:
    return "; ".join(f"{k} = {v}" for k, v in record.items() if k not in key and v != "")


@dataclass(frozen=True)
class ListedRow:
    """A row added or removed. Not a dict: in Jinja `row.values` of a dict is dict.values."""

    key: str
    text: str


def _rows(records: list[dict], key: list[str]) -> list[ListedRow]:
    return [ListedRow(_key_text(r, key), _values_text(r, key)) for r in records[:MAX_LISTED_ROWS]]


def revision_view(revision: Revision, first: bool, fields: dict[str, dict]) -> dict:
    key = revision.key
    return {
        "sha": revision.commit.sha, "short": revision.commit.short,
        "date": revision.commit.date[:10], "date_text": fmt.tanggal(revision.commit.date),
        "summary": change_text(revision, fields, first), "note": revision.commit.note,
        "first": first,
        "structure_only": revision.structure_only, "unreadable": revision.unreadable,
        "counts": revision.counts,
        "key": " + ".join(key) if key else "",
        "added": _rows(revision.added, key),
        "added_more": max(0, len(revision.added) - MAX_LISTED_ROWS),
        "removed": _rows(revision.removed, key),
        "removed_more": max(0, len(revision.removed) - MAX_LISTED_ROWS),
        "changed": [{"key": _key_text(record, key),
                     "changes": [{"column": c.column, "old": c.old or fmt.MISSING,
                                  "new": c.new or fmt.MISSING} for c in changes]}
                    for record, changes in revision.changed],
    }


def revisions_view(exports: Exports, dataset: Dataset) -> list[dict]:
    revisions = exports.revisions(dataset)
    fields = fields_of(dataset)
    return [revision_view(r, i == len(revisions) - 1, fields) for i, r in enumerate(revisions)]
