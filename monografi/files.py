"""What a build keeps between runs, trusted only while its sha256 still matches.

The Manifest records which key each published file was made from and its checksum, so the next
build can copy it (never link: nothing may share an inode with the published site); cache
entries (`store`/`load`) carry their own checksum, so a damaged one is a miss, never a file that
reaches the site. Also the one fingerprint of the code: what every cache (charts, pages, release
snapshots, the build's inputs digest) is invalidated by.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from stat import S_ISREG
from typing import Any

from .project import Project
from .safe_write import write_atomic

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("pelican", "jinja2", "matplotlib", "pandas", "frictionless", "markdown", "pagefind",
             "openpyxl", "shapely", "feedgenerator", "babel")
MANIFEST = "manifest.json"


class Manifest:
    """What the published build was made from: its inputs digest and, per output file, its key
    and its size and sha256, so that nothing damaged since is ever kept or reused.

    Kept in .monografi/manifest-<output>.json (never in the published site) and trusted only while
    output/ still points at the build it names.
    """

    def __init__(self, inputs: str = "", files: dict[str, str] | None = None,
                 site: Path | None = None, sums: dict[str, list[Any]] | None = None):
        self.inputs = inputs
        self.files = dict(files or {})
        self.site = site
        self.sums = dict(sums or {})  # path → [size, sha256] of every published file

    @staticmethod
    def path(project: Project, output: Path) -> Path:
        """One manifest per output path: the parts of a sharded build published from one
        project each keep their own, so none of them loses its no-op and reuse to another. The
        path is taken relative to the project, so a project copied or moved with its output
        keeps its manifest."""
        where = hashlib.sha256(project.relpath(os.path.abspath(output)).encode()).hexdigest()[:16]
        return project.state / f"{MANIFEST.removesuffix('.json')}-{where}.json"

    @classmethod
    def load(cls, project: Project, output: Path) -> Manifest:
        try:
            data = json.loads(cls.path(project, output).read_text(encoding="utf-8"))
            site = (project.builds / data["build"]).resolve()
            if not output.is_symlink() or output.resolve() != site or not site.is_dir():
                return cls()
            return cls(data["inputs"], data["files"], site, data["sums"])
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def save(self, project: Project, site: Path, output: Path) -> None:
        document = {"build": site.name, "inputs": self.inputs, "files": dict(sorted(self.files.items())),
                    "sums": tree_sums(site)}
        write_atomic(self.path(project, output), json.dumps(document, indent=0).encode())

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
        """Published files that differ from what the build wrote, plus files added since; [] for
        an intact site. Like git's index, a file whose size and modification time are still the
        recorded ones is taken as unchanged; any other is hashed. A no-op of a province portal
        then reads the stat of its files, not their hundreds of megabytes."""
        if self.site is None:
            return ["."]
        present = scan_tree(self.site)
        return sorted((present.keys() ^ self.sums.keys())
                      | {p for p in self.sums if not self._intact(p, present.get(p))})

    def _intact(self, path: str, stat: os.stat_result | None) -> bool:
        recorded = self.sums[path]
        if stat is None:
            return False
        if len(recorded) > 2 and (stat.st_size, stat.st_mtime_ns) == (recorded[0], recorded[2]):
            return True
        return self.read(path) is not None


def scan_tree(root: Path, prefix: str = "") -> dict[str, os.stat_result]:
    """Every non-folder entry under root (symlinks too, unfollowed) with its lstat, in one
    os.scandir pass: pathlib's rglob cost more than the check itself on a 20,000-file site.
    Keys are relative paths of real entries: never '..', never through a symlinked folder."""
    found = {}
    with os.scandir(root) as entries:
        for entry in entries:
            name = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                found.update(scan_tree(Path(entry.path), f"{name}/"))
            else:
                found[name] = entry.stat(follow_symlinks=False)
    return found


def tree_sums(site: Path) -> dict[str, list[Any]]:
    """[size, sha256, mtime_ns] of every file under site, by relative path (symlinks left out:
    the published tree never holds one, and `damaged` reports any that appears)."""
    sums = {}
    for relpath, stat in sorted(scan_tree(site).items()):
        if S_ISREG(stat.st_mode):
            data = (site / relpath).read_bytes()
            sums[relpath] = [len(data), hashlib.sha256(data).hexdigest(), stat.st_mtime_ns]
    return sums


def store(entry: Path, data: bytes) -> None:
    """Put data into a cache file with its sha256 in front, written atomically."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(entry, hashlib.sha256(data).hexdigest().encode() + b"\n" + data)


def load(entry: Path) -> bytes | None:
    """A cache file's data if it still matches its recorded sha256; None if missing or damaged."""
    try:
        digest, _, data = entry.read_bytes().partition(b"\n")
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest().encode() == digest else None


def _hash_files(digest: hashlib._Hash, root: Path, base: Path) -> None:
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
def code_fingerprint() -> str:
    """The monografi package (code and licence texts) and the versions of the libraries that
    shape the output: the one key every cache adds, so any code change invalidates them all."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return hashlib.sha256(files_digest(PACKAGE_DIR, base=PACKAGE_DIR.parent).encode()
                          + "\n".join(versions).encode()).hexdigest()
