"""Nothing personal is published out of git history: the gate `check` and `build` share.

Validation screens today's files; but the portal also publishes what they were (history pages,
the data feed, public change notes) and every release tag's files. A NIK committed once and
removed later still sits in the change that added it, the change that removed it and any
release made meanwhile. So every version of every dataset, every public note and every release
tree is screened with the same detector as today's cells (validation.personal_data), after what
staff withdrew (datasets/penarikan.csv) is taken out. Anything found refuses the build — never a
silent drop — naming the version, file, row and column and the exact line to add to
penarikan.csv; retracting is the only way on, since rewriting git would break releases.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..model.history import History, Tag
from ..model.withdrawn import Withdrawn, resolve, withdrawn_tree
from ..project import DATASETS, Project
from ..validation import personal_data, personal_rows
from ..validation.catalog import Catalog, ResourceSpec
from ..validation.report import Problem
from ..validation.retraction import IN_HISTORY, NOTE, RELEASE, ROW, VALUE


def _line(*cells: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([datetime.date.today().isoformat(), *cells, "<alasan>"])
    return out.getvalue()


def _entry(dataset: str, version: str, row: int, column: str) -> str:
    """The penarikan.csv line that withdraws what was found (the value never appears in it): the
    cell, or the whole row when a number was split over cells ('a + b')."""
    if " + " in column:
        return _line(ROW, dataset, version, str(row), "")
    return _line(VALUE, dataset, version, str(row), column)


class _Scan:
    """Finds personal data once per distinct value, and each value once per dataset column."""

    def __init__(self, withdrawn: Withdrawn):
        self.withdrawn = withdrawn
        self.kinds: dict[str, str | None] = {}
        self.seen: set[tuple[str, str, str]] = set()
        self.problems: list[Problem] = []

    def kind(self, text: str) -> str | None:
        if text not in self.kinds:
            self.kinds[text] = personal_data.find(text)
        return self.kinds[text]

    def table(self, dataset: str, header: list[str], rows: list[list[str]]
              ) -> Iterator[tuple[int, str, str]]:
        """(row number, column, kind) of each personal value not withdrawn and not yet named,
        cell by cell (for files that are no dataset of today's package)."""
        for number, row in enumerate(rows, start=2):
            record = dict(zip(header, row, strict=False))
            if self.withdrawn.row_withdrawn(dataset, record):
                continue
            for column, value in record.items():
                kind = self.kind(value) if value else None
                if kind and not self.withdrawn.cell_withdrawn(dataset, column, value):
                    yield from self._new(dataset, number, column, value, kind)

    def dataset(self, spec: ResourceSpec, header: list[str], rows: list[list[str]]
                ) -> Iterator[tuple[int, str, str]]:
        """The same for a version of a dataset, by the rules today's cells are checked with
        (validation.personal_rows: code columns, a NIK split over cells), once what was
        withdrawn is emptied. A split NIK's column reads 'a + b'."""
        cleaned = [[] if self.withdrawn.row_withdrawn(spec.name, record) else
                   ["" if self.withdrawn.cell_withdrawn(spec.name, c, v) else v for c, v in record.items()]
                   for record in (dict(zip(header, row, strict=False)) for row in rows)]
        for problem in personal_rows.table_problems(spec, header, cleaned):
            if problem.row and problem.row >= 2 and problem.column:  # not a column's name
                yield from self._new(spec.name, problem.row, problem.column, problem.value or "",
                                     problem.details["jenis"])

    def _new(self, owner: str, row: int, column: str, value: str, kind: str
             ) -> Iterator[tuple[int, str, str]]:
        if (owner, column, value) not in self.seen:
            self.seen.add((owner, column, value))
            yield row, column, kind

    def add(self, file: str, row: int | None, column: str | None, kind: str, entry: str,
            place: str, version: str, date: str, name: str = "") -> None:
        """A refusal; `place` says what held it (IN_HISTORY's words): its version, date, name."""
        self.problems.append(Problem(file, IN_HISTORY, row, column, None, {
            "jenis": kind, "entri": entry, "tempat": place, "versi": version, "tanggal": date[:10],
            "nama": name}))


def _versions(history: History, scan: _Scan, spec: ResourceSpec) -> None:
    """Every committed version of a dataset, oldest first, and the version each change is
    compared with (its first parent): each row of each is published as added, changed or
    removed in some change (or is today's data)."""
    done: set[str] = set()
    for commit in reversed(history.commits([f"{DATASETS}/{spec.relpath}"])):
        for version in (history.parent(commit.sha), commit):
            if version is None or version.sha in done:
                continue
            done.add(version.sha)
            parsed = history.version(spec, version.sha)
            if not parsed:
                continue  # unreadable: the history shows no rows of it
            for row, column, kind in scan.dataset(spec, *parsed):
                scan.add(f"{spec.relpath} @ {version.short}", row, column, kind,
                         _entry(spec.name, version.short, row, column),
                         "dataset", version.short, version.date, spec.name)


def _notes(history: History, scan: _Scan, catalog: Catalog) -> None:
    paths = [f for spec in catalog.resources for f in history.files_of(spec)]
    for commit in history.commits(paths):
        note = scan.withdrawn.commit(commit).note
        kind = scan.kind(note) if note else None
        if kind:
            scan.add(f"Catatan-publik @ {commit.short}", None, None, kind,
                     _line(NOTE, "", commit.short, "", ""), "note", commit.short, commit.date)


def _strings(document) -> Iterator[str]:
    """The texts of a JSON document, but for contributors' e-mail (the publisher's contact is
    public on purpose: validation.publisher)."""
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for key, value in document.items():
            yield key
            if key != "email":
                yield from _strings(value)
    elif isinstance(document, list):
        for value in document:
            yield from _strings(value)


def _text_rows(data: bytes, suffix: str) -> tuple[list[str], list[list[str]], int]:
    """A file that is no dataset of today's package, as (header, rows, number of the first row)
    the scan can read: CSV by cells, JSON by its strings (its numbers are coordinates and
    counts; rows then have no number, 0), anything else by lines."""
    text = data.decode("utf-8", "replace")
    if suffix in (".json", ".geojson"):
        try:
            return ["teks"], [[s] for s in _strings(json.loads(text))], 0
        except ValueError:
            pass
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        return (rows[0], rows[1:], 2) if rows else ([], [], 2)
    return ["teks"], [[line] for line in text.splitlines()], 1


def _release(history: History, scan: _Scan, catalog: Catalog, tag: Tag) -> None:
    """The files a release zip is made of, as of its tag, with what was withdrawn taken out."""
    withdraw_all = _line(RELEASE, "", tag.name, "", "")
    name_kind = scan.kind(tag.name)
    if name_kind:
        scan.add(f"{RELEASE} @ {tag.commit.short}", None, None, name_kind, withdraw_all,
                 "tag", tag.commit.short, tag.commit.date)
    specs = {spec.relpath: spec for spec in catalog.resources}
    with tempfile.TemporaryDirectory() as folder:
        datasets, _ = withdrawn_tree(history, scan.withdrawn, catalog, tag, Path(folder))
        if datasets is None:
            return  # git cannot give the tree: no zip is made of it either
        for file in sorted(p for p in datasets.rglob("*") if p.is_file()):
            relpath = file.relative_to(datasets).as_posix()
            spec = specs.get(relpath)
            parsed = History.parse(spec, file.read_bytes()) if spec else None
            if spec and parsed:
                for row, column, kind in scan.dataset(spec, *parsed):
                    scan.add(f"{relpath} @ {tag.name}", row, column, kind,
                             _entry(spec.name, tag.name, row, column),
                             "release", tag.name, tag.commit.date, relpath)
                continue
            header, rows, first = _text_rows(file.read_bytes(), file.suffix.lower())
            for row, _column, kind in scan.table(f"{tag.name}/{relpath}", header, rows):
                scan.add(f"{relpath} @ {tag.name}", row - 2 + first if first else None, None, kind,
                         withdraw_all, "release", tag.name, tag.commit.date, relpath)


def history_problems(history: History, catalog: Catalog, withdrawn: Withdrawn) -> list[Problem]:
    """Personal data anywhere the portal would publish from git, after what was withdrawn."""
    if not history.available:
        return []
    scan = _Scan(withdrawn)
    for spec in catalog.resources:
        _versions(history, scan, spec)
    _notes(history, scan, catalog)
    for tag in history.tags():
        if tag.name not in withdrawn.releases:
            _release(history, scan, catalog, tag)
    return scan.problems


def guard_problems(history: History, catalog: Catalog) -> list[Problem]:
    """What `check` and `build` add to validation: retractions that name nothing in git, and
    personal data that history would publish."""
    withdrawn, problems = resolve(history, catalog)
    return problems + history_problems(history, catalog, withdrawn)


def project_problems(project: Project, catalog: Catalog) -> list[Problem]:
    """guard_problems for `check`, which has a project folder rather than a build context."""
    return guard_problems(History(Project(project).root), catalog)
