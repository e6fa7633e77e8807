"""What changed in each dataset, read from the project's git history.

Journalists need to know when a figure last changed and what it was before. The answer comes
from git, never from the clock: the same repository state gives the same history, so builds stay
byte-identical. Without git (not installed, or the project is not a repository) every dataset
falls back to the date the package itself declares (`created` in datapackage.json), labelled as
such, and has no change list.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..project import DATASETS, Project
from ..validation.dialect import read_raw
from ..validation.spec import ResourceSpec

_FIELD, _RECORD = "\x1f", "\x1e"
# The public note staff may add to a commit as a trailer; the subject is developer text and
# never reaches the site.
NOTE_TRAILER = "Catatan-publik"
_FORMAT = f"%H{_FIELD}%cI{_FIELD}%(trailers:key={NOTE_TRAILER},valueonly,separator=%x20)"
_TAG_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HEX = re.compile(r"^[0-9a-f]{40}$")
Rows = tuple[list[str], list[list[str]]]  # (header, rows) of one version of a CSV, as text


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # committer date, ISO 8601 with offset
    note: str  # the staff's public note (trailer Catatan-publik), '' when none

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Updated:
    """'Terakhir diperbarui': a date and where it was read from."""

    date: str | None  # ISO date (YYYY-MM-DD) or None when nothing is known
    basis: str  # "git" or "metadata"
    commit: Commit | None = None
    uncommitted: bool = False


@dataclass(frozen=True)
class CellChange:
    column: str
    old: str
    new: str


@dataclass
class Revision:
    """One commit that touched a dataset: its rows added, removed and changed by primary key."""

    commit: Commit
    key: list[str]
    added: list[dict[str, str]] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    changed: list[tuple[dict[str, str], list[CellChange]]] = field(default_factory=list)
    structure_only: bool = False  # only the schema changed
    unreadable: bool = False  # a version of the CSV could not be parsed (e.g. a broken commit)

    @property
    def counts(self) -> dict[str, int]:
        return {"tambah": len(self.added), "hapus": len(self.removed), "ubah": len(self.changed)}


@dataclass(frozen=True)
class Tag:
    name: str
    commit: Commit


class History:
    """Git history of the project's datasets/ folder (read-only, local, no network)."""

    def __init__(self, project: Path, revision: str = "HEAD", datasets: Path | None = None):
        """History up to `revision`; `datasets` is that revision's tree when checked out elsewhere."""
        self.project = Path(project)
        self.revision = revision
        self.datasets = Path(datasets) if datasets else Project(project).datasets

    def _git_bytes(self, *args: str) -> bytes | None:
        result = subprocess.run(
            ["git", "-C", str(self.project), "-c", "core.quotepath=off", *args],
            capture_output=True, check=False, env={**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat"})
        return result.stdout if result.returncode == 0 else None

    def _git(self, *args: str) -> str | None:
        out = self._git_bytes(*args)
        return None if out is None else out.decode("utf-8", "replace")

    @cached_property
    def available(self) -> bool:
        """True when git runs and the datasets folder is inside a work tree."""
        if shutil.which("git") is None or not Project(self.project).datasets.is_dir():
            return False
        inside = self._git("rev-parse", "--is-inside-work-tree")
        return (inside or "").strip() == "true" and bool(self._git("rev-parse", "HEAD"))

    @cached_property
    def _package(self) -> dict[str, Any]:
        """datapackage.json as written (the catalog inlines schemas and drops their paths)."""
        try:
            package = json.loads((self.datasets / "datapackage.json").read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return package if isinstance(package, dict) else {}

    @property
    def _declared_date(self) -> str | None:
        value = self._package.get("created")
        return value[:10] if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value) \
            else None

    @cached_property
    def _schema_paths(self) -> dict[str, str]:
        """Schema files named by string in datapackage.json."""
        return {r["name"]: r["schema"] for r in self._package.get("resources", [])
                if isinstance(r, dict) and isinstance(r.get("schema"), str) and "name" in r}

    def files_of(self, spec: ResourceSpec) -> list[str]:
        """A dataset's own files, relative to the project: its CSV and its schema file."""
        files = [f"{DATASETS}/{spec.relpath}"]
        schema = self._schema_paths.get(spec.name)
        if schema:
            files.append(f"{DATASETS}/{schema}")
        return files

    def commits(self, paths: list[str]) -> list[Commit]:
        """Commits that changed any of `paths`, newest first."""
        if not self.available:
            return []
        out = self._git("log", f"--format={_FORMAT}{_RECORD}", self.revision, "--", *paths) or ""
        commits = []
        for record in out.split(_RECORD):
            parts = record.strip("\n").split(_FIELD)
            if len(parts) == 3:
                commits.append(Commit(*[p.strip() for p in parts]))
        return commits

    def updated(self, spec: ResourceSpec) -> Updated:
        paths = self.files_of(spec)
        commits = self.commits(paths)
        if not commits:
            return Updated(self._declared_date, "metadata")
        dirty = self.revision == "HEAD" and bool(
            (self._git("status", "--porcelain", "--", *paths) or "").strip())
        return Updated(commits[0].date[:10], "git", commits[0], dirty)

    def _blob(self, sha: str, path: str) -> bytes | None:
        return self._git_bytes("show", f"{sha}:{path}")

    @staticmethod
    def parse(spec: ResourceSpec, data: bytes | None) -> Rows | None:
        """Parse an old version of a CSV with the same reader as the current one; None when
        that version is unreadable (a broken file that a later commit fixed)."""
        if data is None:
            return [], []
        with tempfile.TemporaryDirectory() as folder:
            file = Path(folder) / Path(spec.relpath).name
            file.write_bytes(data)
            try:
                return read_raw(ResourceSpec(spec.descriptor, file))
            except ValueError:
                return None

    def revisions(self, spec: ResourceSpec) -> list[Revision]:
        """Every commit that touched the dataset, newest first, with its row-level diff."""
        csv_path = f"{DATASETS}/{spec.relpath}"
        primary = spec.primary_key
        csv_commits = {c.sha for c in self.commits([csv_path])}
        result = []
        for commit in self.commits(self.files_of(spec)):
            if commit.sha not in csv_commits:
                result.append(Revision(commit, primary, structure_only=True))
                continue
            parent = self.parent(commit.sha)
            old = self.parse(spec, self._blob(parent.sha, csv_path) if parent else None)
            new = self.version(spec, commit.sha)
            if old is None or new is None:
                result.append(Revision(commit, primary, unreadable=True))
                continue
            result.append(diff_rows(commit, primary, old, new))
        return result

    def version(self, spec: ResourceSpec, sha: str) -> Rows | None:
        """The dataset's CSV as of commit `sha`, parsed (([], []) when it did not exist)."""
        return self.parse(spec, self._blob(sha, f"{DATASETS}/{spec.relpath}"))

    def parent(self, sha: str) -> Commit | None:
        """The first parent of a commit (what its change is compared with), None for the first."""
        return self.commit(f"{sha}^") if _HEX.match(sha) else None

    def commit(self, name: str) -> Commit | None:
        """The commit a name (a commit id, abbreviated or not, or a tag) stands for, or None."""
        if not self.available or not _TAG_NAME.match(name.removesuffix("^")):
            return None
        out = self._git("log", "-1", f"--format={_FORMAT}", f"{name}^{{commit}}", "--")
        parts = (out or "").strip("\n").split(_FIELD)
        return Commit(*[p.strip() for p in parts]) if len(parts) == 3 else None

    def tags(self) -> list[Tag]:
        """Release tags with URL-safe names, oldest first."""
        if not self.available:
            return []
        names = (self._git("tag", "--list") or "").split()
        tags = []
        for name in names:
            commit = self.commit(name)
            if commit is not None:
                tags.append(Tag(name, commit))
        return sorted(tags, key=lambda t: (t.commit.date, t.name))

    def archive(self, tag: Tag, target: Path) -> Path | None:
        """Extract datasets/ as it was at `tag` into target; returns the extracted folder."""
        data = self._git_bytes("archive", "--format=tar", tag.commit.sha, DATASETS)
        if not data:
            return None
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(target, filter=_without_links)
        return Project(target).datasets


def _without_links(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """A symlink committed at a tag is left out of its snapshot (nothing is read through it,
    and it no longer breaks every build while the tag exists); the rest as tarfile's `data`
    filter allows."""
    return None if member.issym() or member.islnk() else tarfile.data_filter(member, path)


def _keyed(header: list[str], rows: list[list[str]], key: list[str]) -> dict[tuple[str, ...], dict[str, str]]:
    usable = key or header
    records = {}
    for row in rows:
        record = dict(zip(header, row, strict=False))
        records[tuple(record.get(k, "") for k in usable)] = record
    return records


def diff_rows(commit: Commit, key: list[str], old: Rows, new: Rows) -> Revision:
    """Rows added, removed and changed between two versions, matched by primary key."""
    headers = [h for h in (old[0], new[0]) if h]
    usable = key if key and all(k in h for h in headers for k in key) else []
    before = _keyed(*old, usable) if old[0] else {}
    after = _keyed(*new, usable) if new[0] else {}
    columns = list(dict.fromkeys(new[0] + old[0]))
    revision = Revision(commit, usable)
    for k in sorted(after.keys() - before.keys()):
        revision.added.append(after[k])
    for k in sorted(before.keys() - after.keys()):
        revision.removed.append(before[k])
    for k in sorted(after.keys() & before.keys()):
        changes = [CellChange(c, before[k].get(c, ""), after[k].get(c, ""))
                   for c in columns if before[k].get(c, "") != after[k].get(c, "")]
        if changes:
            revision.changed.append((after[k], changes))
    return revision
