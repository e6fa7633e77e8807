"""Versions as readers see them: the 'Terakhir diperbarui' line, the download list, the changes.

Plain data for the page templates only (nothing in exports/ reads it): the sentences a change
is summed up in live in exports.changes, which the data-change feed shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import fmt
from ..model.areas import Dataset
from ..model.context import BuildContext
from ..model.history import Revision, Updated
from .base import Downloads
from .changes import change_text, fields_of, key_text
from .formats import offered

MAX_LISTED_ROWS = 100


def updated_text(updated: Updated) -> str:
    if updated.date is None:
        return "tidak diketahui"
    day = fmt.tanggal(updated.date)
    if updated.basis != "git":
        return f"{day} (tanggal paket data; riwayat perubahan tidak tersedia)"
    return f"{day} (ada perubahan yang belum tercatat)" if updated.uncommitted else day


def downloads(files: Downloads, dataset: Dataset) -> list[dict]:
    return [{"label": f.label, "path": f.path(dataset.name), "file": f.path(dataset.name)
             .rsplit("/", 1)[1], "description": f.description, "media_type": f.media_type,
             "bytes": len(files.render(f, dataset))} for f in offered(dataset)]


def _values_text(record: dict, key: list[str]) -> str:
    return "; ".join(f"{k} = {v}" for k, v in record.items() if k not in key and v != "")


@dataclass(frozen=True)
class ListedRow:
    """A row added or removed. Not a dict: in Jinja `row.values` of a dict is dict.values."""

    key: str
    text: str


def _rows(records: list[dict], key: list[str]) -> list[ListedRow]:
    return [ListedRow(key_text(r, key), _values_text(r, key)) for r in records[:MAX_LISTED_ROWS]]


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
        "changed": [{"key": key_text(record, key),
                     "changes": [{"column": c.column, "old": c.old or fmt.MISSING,
                                  "new": c.new or fmt.MISSING} for c in changes]}
                    for record, changes in revision.changed],
    }


def revisions_view(context: BuildContext, dataset: Dataset) -> list[dict]:
    revisions = context.revisions(dataset)
    fields = fields_of(dataset)
    return [revision_view(r, i == len(revisions) - 1, fields) for i, r in enumerate(revisions)]
