"""The 'Riwayat perubahan' page of a dataset, and its 'Terakhir diperbarui' line.

Every change is computed from the row diff of a commit (model.history), never taken from its
message; the sentences are exports.changes.change_text, shared with the data feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import fmt, urls
from ...exports.changes import change_text, fields_of, key_text
from ...model.areas import Dataset
from ...model.context import BuildContext
from ...model.history import Revision, Updated

MAX_LISTED_ROWS = 100


def updated_text(updated: Updated) -> str:
    if updated.date is None:
        return "tidak diketahui"
    day = fmt.tanggal(updated.date)
    if updated.basis != "git":
        return f"{day} (tanggal paket data; riwayat perubahan tidak tersedia)"
    return f"{day} (ada perubahan yang belum tercatat)" if updated.uncommitted else day


@dataclass(frozen=True)
class ListedRow:
    """A row added or removed. Not a dict: in Jinja `row.values` of a dict is dict.values."""

    key: str
    text: str


@dataclass(frozen=True)
class CellChangeView:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class ChangedRow:
    key: str
    changes: list[CellChangeView]


@dataclass(frozen=True)
class ChangeCounts:
    added: int
    removed: int
    changed: int


@dataclass(frozen=True)
class RevisionView:
    sha: str
    short: str
    date: str  # YYYY-MM-DD, for <time datetime>
    date_text: str
    summary: str
    note: str
    first: bool  # the dataset's first version: its rows are not listed as 'added'
    structure_only: bool
    unreadable: bool
    counts: ChangeCounts
    key: str  # the primary key's columns, 'a + b'
    added: list[ListedRow]
    added_more: int  # rows added beyond the MAX_LISTED_ROWS listed
    removed: list[ListedRow]
    removed_more: int
    changed: list[ChangedRow]


@dataclass(frozen=True)
class HistoryView:
    title: str
    url: str  # the dataset page
    updated: str
    key: str
    revisions: list[RevisionView]


def _values_text(record: dict, key: list[str]) -> str:
    return "; ".join(f"{k} = {v}" for k, v in record.items() if k not in key and v != "")


def _rows(records: list[dict], key: list[str]) -> list[ListedRow]:
    return [ListedRow(key_text(r, key), _values_text(r, key)) for r in records[:MAX_LISTED_ROWS]]


def revision_view(revision: Revision, first: bool, fields: dict[str, dict]) -> RevisionView:
    key, commit = revision.key, revision.commit
    return RevisionView(
        sha=commit.sha, short=commit.short, date=commit.date[:10], date_text=fmt.tanggal(commit.date),
        summary=change_text(revision, fields, first), note=commit.note, first=first,
        structure_only=revision.structure_only, unreadable=revision.unreadable,
        counts=ChangeCounts(*(revision.counts[k] for k in ("tambah", "hapus", "ubah"))),
        key=" + ".join(key) if key else "",
        added=_rows(revision.added, key),
        added_more=max(0, len(revision.added) - MAX_LISTED_ROWS),
        removed=_rows(revision.removed, key),
        removed_more=max(0, len(revision.removed) - MAX_LISTED_ROWS),
        changed=[ChangedRow(key_text(record, key),
                            [CellChangeView(c.column, c.old or fmt.MISSING, c.new or fmt.MISSING)
                             for c in changes])
                 for record, changes in revision.changed])


def last_content_change(context: BuildContext, dataset: Dataset) -> RevisionView | None:
    """The newest revision that changed rows (not only the schema), for the dataset page."""
    revisions = context.revisions(dataset)
    content = next((r for r in revisions if not r.structure_only), None)
    if content is None:
        return None
    return revision_view(content, content is revisions[-1], fields_of(dataset))


def history_view(context: BuildContext, dataset: Dataset) -> HistoryView:
    revisions = context.revisions(dataset)
    fields = fields_of(dataset)
    return HistoryView(dataset.title, urls.url(urls.dataset_path(dataset.name)),
                       updated_text(context.updated(dataset)), " + ".join(dataset.spec.primary_key),
                       [revision_view(r, i == len(revisions) - 1, fields)
                        for i, r in enumerate(revisions)])
