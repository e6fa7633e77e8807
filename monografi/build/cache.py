"""What a build's output depends on, as hashes: skip unchanged work without knowing any page.

Three levels, all keyed on content, never on timestamps:
- `inputs_digest`: everything a build reads (datasets/, content/, theme/, pelicanconf.py, the
  MONOGRAFI_* environment, git HEAD and tags, the monografi source and library versions).
  Equal → nothing to do.
- `value_digest`: a page's context, walked generically; model objects are named by identity
  (an Area by its code, a Dataset by its table's hash) so a page does not hash the whole tree.
- `Manifest`: per output file, the key it was made from and its size and sha256, so the next
  build can copy unchanged, intact files instead of rendering them again.
- `store`/`load`: cache files carry their own sha256; a damaged entry is a miss, never a file
  that reaches the site.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import subprocess
import types
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas and the model are imported by ValueDigest: the no-op check needs neither
    import pandas as pd

    from ..model.areas import Dataset, Model

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LIBRARIES = ("pelican", "jinja2", "matplotlib", "pandas", "frictionless", "markdown", "pagefind",
             "openpyxl", "shapely", "feedgenerator")
MANIFEST = "manifest.json"


def _hash_files(digest, root: Path, base: Path) -> None:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def files_digest(*roots: Path, base: Path) -> str:
    digest = hashlib.sha256()
    for root in roots:
        if root.exists():
            _hash_files(digest, root, base)
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """The monografi package source and the versions of the libraries that shape the output."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return hashlib.sha256(files_digest(PACKAGE_DIR, base=PACKAGE_DIR.parent).encode()
                          + "\n".join(versions).encode()).hexdigest()


def environment_digest() -> str:
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("MONOGRAFI_"))
    return hashlib.sha256(json.dumps(settings).encode()).hexdigest()


def git_digest(project: Path) -> str:
    """The repository state the history pages, feeds and releases read: the last commit that
    touched datasets/ and the tags ('' without git). Not HEAD: a commit that only changes a
    README must not force a rebuild."""
    lines = []
    for args in (("log", "-1", "--format=%H", "--", "datasets"),
                 ("for-each-ref", "refs/tags", "--format=%(refname) %(objectname)")):
        try:
            done = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True,
                                  check=False)
        except OSError:
            return ""
        lines.append(done.stdout if done.returncode == 0 else "")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def digest_of(project: Path, parts: tuple[str, ...], with_git: bool = True) -> str:
    """Files of the project plus the code, the MONOGRAFI_* environment and (unless a caller's
    output cannot depend on it) the git state of the data."""
    files = files_digest(*(project / p for p in parts), base=project)
    git = git_digest(project) if with_git else ""
    return hashlib.sha256((files + code_digest() + environment_digest() + git).encode()).hexdigest()


def inputs_digest(project: Path) -> str:
    """Everything the build reads: equal digests mean byte-identical output."""
    return digest_of(project, ("datasets", "content", "theme", "pelicanconf.py"))


def presentation_digest(project: Path) -> str:
    """What every page shares apart from its own context: theme, content/, settings, code.
    Git-derived values (dates, history) reach a page through its context, which is hashed
    per page, so git is left out here."""
    return digest_of(project, ("content", "theme", "pelicanconf.py"), with_git=False)


def data_digest(project: Path) -> str:
    """What downloads are made from: the data package (and its git history), code, settings."""
    return digest_of(project, ("datasets", "pelicanconf.py"))


def table_digest(table: pd.DataFrame) -> str:
    import pandas as pd

    hashed = pd.util.hash_pandas_object(table, index=False).values.tobytes()
    return hashlib.sha256(hashed + "\0".join(map(str, table.columns)).encode()).hexdigest()


class ValueDigest:
    """Hash of any page context: plain values walked, model objects named by their identity.

    Areas are hashed by code (their names and attributes are in the master tables, which are
    part of `areas_digest`); a Dataset by its table; the Model by all tables; a function by its
    name, its bound object and its closure. An object the walker does not know is hashed with
    its repr, which for plain objects includes its address: such a page is always re-rendered,
    never wrongly reused (a class whose repr hides what templates read would defeat this).
    """

    def __init__(self, model: Model):
        import pandas as pd

        from ..model.areas import Area, Dataset, Model

        self._kinds = (Area, Dataset, Model, (pd.DataFrame, pd.Series), pd.DataFrame)
        self._tables: dict[str, str] = {}
        self.model = model
        self.areas_digest = self._join(self._dataset(d) for d in model.datasets.values()
                                       if d.is_master)
        self.model_digest = self._join(self._dataset(d) for d in model.datasets.values())

    @staticmethod
    def _join(parts) -> str:
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def _dataset(self, dataset: Dataset) -> str:
        if dataset.name not in self._tables:
            self._tables[dataset.name] = dataset.name + ":" + table_digest(dataset.table)
        return self._tables[dataset.name]

    def __call__(self, value) -> str:
        digest = hashlib.sha256(self.areas_digest.encode())
        self._walk(value, digest.update, set())
        return digest.hexdigest()

    def _walk(self, value, out, active: set[int]) -> None:
        if value is None or isinstance(value, str | int | float | bool | bytes):
            out(f"{type(value).__name__}:{value!r};".encode())
            return
        area, dataset, model, frames, frame = self._kinds
        if isinstance(value, area):
            out(f"Area:{value.code};".encode())
            return
        if isinstance(value, dataset):
            out(f"Dataset:{self._dataset(value)};".encode())
            return
        if isinstance(value, model):
            out(f"Model:{self.model_digest};".encode())
            return
        if isinstance(value, frames):
            out(f"Frame:{table_digest(frame(value))};".encode())
            return
        if id(value) in active:  # a cycle: its content is being hashed further up
            out(f"cycle:{type(value).__name__};".encode())
            return
        active.add(id(value))
        out(f"<{type(value).__qualname__}".encode())
        if isinstance(value, dict):
            for key in sorted(value, key=repr):
                self._walk(key, out, active)
                self._walk(value[key], out, active)
        elif isinstance(value, list | tuple):
            for item in value:
                self._walk(item, out, active)
        elif isinstance(value, set | frozenset):
            for item in sorted(value, key=repr):
                self._walk(item, out, active)
        elif dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                out(item.name.encode())
                self._walk(getattr(value, item.name), out, active)
        elif callable(value) and hasattr(value, "__qualname__"):
            out(f"{getattr(value, '__module__', '')}.{value.__qualname__}".encode())
            bound = getattr(value, "__self__", None)  # a bound method reads its object
            if bound is not None and not isinstance(bound, types.ModuleType):
                self._walk(bound, out, active)
            for cell in getattr(value, "__closure__", None) or ():  # a closure reads its cells
                self._walk(cell.cell_contents, out, active)
        else:
            out(repr(value).encode())
        out(b">")
        active.discard(id(value))


class Manifest:
    """What the published build was made from: its inputs digest and, per output file, its key
    and its size and sha256, so that nothing damaged since is ever kept or reused.

    Kept in .monografi/manifest.json (never in the published site) and trusted only while
    output/ still points at the build it names.
    """

    def __init__(self, inputs: str = "", files: dict[str, str] | None = None,
                 site: Path | None = None, sums: dict[str, list] | None = None):
        self.inputs = inputs
        self.files = dict(files or {})
        self.site = site
        self.sums = dict(sums or {})  # path → [size, sha256] of every published file

    @classmethod
    def load(cls, state: Path, output: Path) -> Manifest:
        try:
            data = json.loads((state / MANIFEST).read_text(encoding="utf-8"))
            site = (state / "builds" / data["build"]).resolve()
            if not output.is_symlink() or output.resolve() != site or not site.is_dir():
                return cls()
            return cls(data["inputs"], data["files"], site, data["sums"])
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def save(self, state: Path, site: Path) -> None:
        document = {"build": site.name, "inputs": self.inputs, "files": dict(sorted(self.files.items())),
                    "sums": tree_sums(site)}
        tmp = state / f"{MANIFEST}.tmp"
        tmp.write_text(json.dumps(document, indent=0), encoding="utf-8")
        tmp.replace(state / MANIFEST)

    def read(self, path: str) -> bytes | None:
        """The published file's bytes, if they are still exactly what the build wrote."""
        if self.site is None or path not in self.sums:
            return None
        candidate = self.site / path
        try:
            if candidate.is_symlink() or candidate.stat().st_size != self.sums[path][0]:
                return None
            data = candidate.read_bytes()
        except OSError:
            return None
        return data if hashlib.sha256(data).hexdigest() == self.sums[path][1] else None

    def previous(self, path: str, key: str) -> bytes | None:
        """The published file for `path`, if it was made from the same key and is intact."""
        return self.read(path) if self.files.get(path) == key else None

    def damaged(self) -> list[str]:
        """Published files that differ from what the build wrote (cheap: sizes first, then
        hashes), plus files added since; [] for an intact site."""
        if self.site is None:
            return ["."]
        present = {p.relative_to(self.site).as_posix() for p in self.site.rglob("*") if not p.is_dir()}
        return sorted((present ^ set(self.sums)) | {p for p in self.sums if self.read(p) is None})


def tree_sums(site: Path) -> dict[str, list]:
    """[size, sha256] of every file under site, by relative path."""
    sums = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            sums[path.relative_to(site).as_posix()] = [len(data), hashlib.sha256(data).hexdigest()]
    return sums


def store(entry: Path, data: bytes) -> None:
    """Put data into a cache file with its sha256 in front, written atomically."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    tmp.write_bytes(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
    tmp.replace(entry)


def load(entry: Path) -> bytes | None:
    """A cache file's data if it still matches its recorded sha256; None if missing or damaged."""
    try:
        digest, _, data = entry.read_bytes().partition(b"\n")
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest().encode() == digest else None
