"""What staff withdrew (datasets/penarikan.csv), checked against git and applied to history.

A retraction names where the text appears — a dataset, a version, a spreadsheet row, a column
— never the text itself: the value is read here from git, and then withdrawn wherever the
published history would show it again (every version of that dataset, every release tag). So
one entry removes a NIK from the change it was added in, the change that removed it, the feed
and every release made meanwhile. Withdrawn cells read WITHDRAWN on history pages and in the
feed; in a release zip they are left empty (a withdrawn row is left out) and the zip says so.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..validation import dialect
from ..validation.catalog import Catalog, ResourceSpec
from ..validation.report import Problem
from ..validation.retraction import FILE, NOT_FOUND, NOTE, RELEASE, ROW, VALUE, Retraction
from .history import Commit, History, Revision, Tag

_COMMIT_ID = re.compile(r"^[0-9a-f]{7,40}$")
WITHDRAWN = "[ditarik]"
WITHDRAWN_NOTE = "Catatan ini ditarik."
WITHDRAWN_FILE = "PENARIKAN.txt"  # in a release zip that had something withdrawn
Record = dict[str, str]  # one row of a CSV version: column → cell


def _same(record: Record, row: Record, key: list[str]) -> bool:
    """The same row: equal primary key cells, or equal cells when the table has no key."""
    if key and all(k in record and k in row for k in key):
        return all(record[k] == row[k] for k in key)
    return record == row


@dataclass
class Withdrawn:
    """Every retraction resolved to what it withdraws, per dataset."""

    values: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # dataset → column → values
    rows: dict[str, list[Record]] = field(default_factory=dict)  # dataset → rows as recorded
    keys: dict[str, list[str]] = field(default_factory=dict)  # dataset → its primary key
    notes: dict[str, Retraction] = field(default_factory=dict)  # commit sha → retraction
    releases: dict[str, Retraction] = field(default_factory=dict)  # tag → retraction
    by_dataset: dict[str, list[Retraction]] = field(default_factory=dict)

    def row_withdrawn(self, dataset: str, record: Record) -> bool:
        return any(_same(record, row, self.keys.get(dataset, []))
                   for row in self.rows.get(dataset, []))

    def cell_withdrawn(self, dataset: str, column: str, value: str) -> bool:
        return value in self.values.get(dataset, {}).get(column, ())

    def record(self, dataset: str, record: Record) -> Record:
        """The record as published: withdrawn cells (all of a withdrawn row) read WITHDRAWN."""
        whole = self.row_withdrawn(dataset, record)
        return {c: WITHDRAWN if whole or self.cell_withdrawn(dataset, c, v) else v
                for c, v in record.items()}

    def revision(self, dataset: str, revision: Revision) -> Revision:
        """A revision as published, its commit's note withdrawn when staff said so."""
        if dataset not in self.by_dataset and not self.notes:
            return revision
        changed = []
        for record, changes in revision.changed:
            whole = self.row_withdrawn(dataset, record)
            changed.append((self.record(dataset, record), [dataclasses.replace(
                c, old=WITHDRAWN if whole or self.cell_withdrawn(dataset, c.column, c.old) else c.old,
                new=WITHDRAWN if whole or self.cell_withdrawn(dataset, c.column, c.new) else c.new)
                for c in changes]))
        return dataclasses.replace(
            revision, commit=self.commit(revision.commit), changed=changed,
            added=[self.record(dataset, r) for r in revision.added],
            removed=[self.record(dataset, r) for r in revision.removed])

    def commit(self, commit: Commit) -> Commit:
        return dataclasses.replace(commit, note=WITHDRAWN_NOTE) if commit.sha in self.notes else commit

    def table_bytes(self, spec: ResourceSpec, data: bytes) -> bytes | None:
        """A release's copy of the dataset's CSV without what was withdrawn (rows left out, cells
        emptied), in its own dialect; None when nothing in it was withdrawn."""
        parsed = History.parse(spec, data)
        if spec.name not in self.by_dataset or not parsed or not parsed[0]:
            return None
        header, rows = parsed
        records = [dict(zip(header, row, strict=False)) for row in rows]
        if records == [self.record(spec.name, r) for r in records]:
            return None
        text = data.decode(dialect.encoding(spec), "replace").lstrip("\ufeff")
        raw = list(csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter(spec)))
        out = io.StringIO()
        writer = csv.writer(out, delimiter=dialect.delimiter(spec), lineterminator="\n")
        writer.writerow(raw[0])
        for cells, record in zip(raw[1:], records, strict=False):
            if self.row_withdrawn(spec.name, record):
                continue
            writer.writerow([("" if self.cell_withdrawn(spec.name, c, record.get(c, "")) else cell)
                             for c, cell in zip(header, cells, strict=False)] + cells[len(header):])
        return out.getvalue().encode(dialect.encoding(spec), "replace")

    def release_note(self, changed: list[str]) -> str:
        """What a release zip says when something in it was withdrawn: the retractions of the
        `changed` datasets ('' when none)."""
        lines = [f"- {name}: {r.public_note}" for name in changed for r in self.by_dataset[name]]
        return ("Sebagian isi rilis ini ditarik dari publikasi: sel yang ditarik dikosongkan dan "
                "baris yang ditarik dihapus.\n" + "\n".join(lines) + "\n") if lines else ""

    @property
    def fingerprint(self) -> str:
        """Every retraction in one string: equal when nothing withdrawn changed."""
        everything = [*self.notes.values(), *self.releases.values(),
                      *(r for name in sorted(self.by_dataset) for r in self.by_dataset[name])]
        return repr(sorted(everything, key=lambda r: r.line))


def resolve(history: History, catalog: Catalog) -> tuple[Withdrawn, list[Problem]]:
    """The catalog's retractions checked against git: each must name a version, row, column,
    note or tag that exists. Without git nothing from history is published, so nothing is
    checked."""
    withdrawn = Withdrawn(keys={spec.name: spec.primary_key for spec in catalog.resources})
    problems: list[Problem] = []
    if not history.available:
        return withdrawn, problems
    tags = {tag.name for tag in history.tags()}
    for retraction in catalog.retractions:
        reason = _resolve_one(history, catalog, retraction, tags, withdrawn)
        if reason:
            problems.append(Problem(FILE, NOT_FOUND, retraction.line, None, retraction.version,
                                    {"sebab": reason}))
    return withdrawn, problems


def _resolve_one(history: History, catalog: Catalog, retraction: Retraction, tags: set[str],
                 withdrawn: Withdrawn) -> str | None:
    """Records what `retraction` withdraws; returns why it cannot (a reason of NOT_FOUND) or None."""
    if retraction.kind == RELEASE:
        if retraction.version not in tags:
            return "release"
        withdrawn.releases[retraction.version] = retraction
        return None
    # a commit id or a tag: a branch name would point elsewhere tomorrow
    named = retraction.version in tags or _COMMIT_ID.match(retraction.version)
    commit = history.commit(retraction.version) if named else None
    if commit is None:
        return "version"
    if retraction.kind == NOTE:
        if not commit.note:
            return "note"
        withdrawn.notes[commit.sha] = retraction
        return None
    spec = catalog.resource(retraction.dataset)
    parsed = history.version(spec, commit.sha)
    if not parsed or not parsed[0]:
        return "file"
    header, rows = parsed
    if retraction.row is None or retraction.row - 2 >= len(rows):
        return "row"
    record = dict(zip(header, rows[retraction.row - 2], strict=False))
    if retraction.kind == ROW:
        withdrawn.rows.setdefault(spec.name, []).append(record)
    elif retraction.kind == VALUE:
        if retraction.column not in header:
            return "column"
        if not record.get(retraction.column):
            return "blank"
        withdrawn.values.setdefault(spec.name, {}).setdefault(retraction.column, set()).add(
            record[retraction.column])
    withdrawn.by_dataset.setdefault(spec.name, []).append(retraction)
    return None


def withdrawn_tree(history: History, withdrawn: Withdrawn, catalog: Catalog, tag: Tag,
                   target: Path) -> tuple[Path | None, list[str]]:
    """datasets/ as of `tag`, extracted into `target`, with what staff withdrew taken out; and
    the datasets whose file changed for it."""
    datasets = history.archive(tag, target)
    if datasets is None or not datasets.is_dir():
        return None, []
    changed = []
    for spec in catalog.resources:
        file = datasets / spec.relpath
        if file.is_file() and not file.is_symlink():
            cleaned = withdrawn.table_bytes(spec, file.read_bytes())
            if cleaned is not None:
                file.write_bytes(cleaned)
                changed.append(spec.name)
    return datasets, changed
