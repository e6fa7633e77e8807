"""Publish atomically, and delete only what the build itself made.

output/ is a symlink into the project's .monografi/builds/. A build is written to a fresh folder
and the link is swapped with os.replace, a single atomic rename: a build killed at any moment
(even by SIGKILL) leaves the previous site in place, and a lock keeps two builds from racing.

Nothing else is ever removed or replaced: `check_output` refuses an output path that is not an
empty folder or our own link (the project, datasets/, content/, theme/, .git, a folder with a
staff file such as CNAME), and `discard` is the only function that deletes: it removes a folder
only when the ledger .monografi/builds.json says this module created it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..files import scan_tree
from ..project import Project
from ..refusal import Refused
from ..safe_write import write_atomic
from ..state import build_lock, no_turning_back

LEDGER = "builds.json"
LISTING = "isi-"  # .monografi/isi-<build folder>.json: the files a published build holds


class UnsafeOutput(Refused, ValueError):
    """An output path the build must not replace (message key 'output_<reason>')."""

    def __init__(self, reason: str, path: Path, part: str = ""):
        super().__init__(f"output_{reason}", path=path, part=part)
        self.reason, self.path, self.part = reason, path, part


def check_output(project: Project, output: Path) -> None:
    """Refuse an output path whose replacement could lose anything the build did not make."""
    project = Project(project)
    output = Path(os.path.abspath(output))
    where = output.parent.resolve() / output.name  # the link itself, not where it points
    root = project.root.resolve()
    if where == root or where in root.parents:
        raise UnsafeOutput("project", where)
    holder = project.protected_holder(where)
    if holder is not None:
        raise UnsafeOutput("protected", where, holder)
    if where.is_symlink():
        if where.resolve().parent != project.builds.resolve():
            raise UnsafeOutput("foreign_link", where)
        staff = staff_files(project, where.resolve())
        if staff:
            raise UnsafeOutput("staff_files", where, f"{staff[0]} (+{len(staff) - 1})"
                               if len(staff) > 1 else staff[0])
    elif where.is_dir():
        if any(where.iterdir()):
            raise UnsafeOutput("not_empty", where)
    elif where.exists():
        raise UnsafeOutput("not_folder", where)
    elif not where.parent.is_dir():
        raise UnsafeOutput("no_parent", where.parent)


def _listing(project: Project, folder: Path) -> Path:
    """What publish_locked put into a build folder it published (relative paths)."""
    return project.state / f"{LISTING}{folder.name}.json"


def staff_files(project: Project, site: Path) -> list[str]:
    """Files in a published build that no build made (a CNAME copied into output/ by hand):
    publishing the next build would drop them, so they are refused, never deleted silently.
    [] for a build published before its listing was kept."""
    try:
        made = set(json.loads(_listing(project, site).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []
    return sorted(set(scan_tree(site)) - made)


def _ledger(project: Project) -> dict[str, str]:
    """Build folders this module created → the output they were published to ('' if none)."""
    try:
        entries = json.loads((project.state / LEDGER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _save_ledger(project: Project, entries: dict[str, str]) -> None:
    write_atomic(project.state / LEDGER, json.dumps(dict(sorted(entries.items())), indent=0).encode())


def new_folder(project: Project, prefix: str = "build-") -> Path:
    """A fresh folder under .monografi/builds/, recorded as ours before anything is put in it."""
    project.builds.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=project.builds))
    _save_ledger(project, {**_ledger(project), folder.name: ""})
    return folder


def discard(project: Project, folder: Path) -> None:
    """The only delete of the build: a folder `new_folder` made, and nothing else."""
    entries = _ledger(project)
    if (folder.is_symlink() or folder.name not in entries
            or folder.parent.resolve() != project.builds.resolve()):
        raise ValueError(f"not a folder this build made: {folder}")
    shutil.rmtree(folder, ignore_errors=True)
    if not folder.exists():
        _listing(project, folder).unlink(missing_ok=True)
        del entries[folder.name]
        _save_ledger(project, entries)


@contextlib.contextmanager
def scratch(project: Project) -> Iterator[Path]:
    """A temporary folder of ours, discarded afterwards."""
    folder = new_folder(project, "tmp-")
    try:
        yield folder
    finally:
        discard(project, folder)


def publish(project: Project, output: Path, build: Callable[[Path], object]) -> object:
    """Run build(tmp_dir); on success make `output` point at it, else leave `output` alone."""
    project = Project(project)
    with build_lock(project.state):
        return publish_locked(project, output, build)


def publish_locked(project: Project, output: Path, build: Callable[[Path], object],
                   record: Callable[[Path], object] | None = None) -> object:
    """publish() for a caller that already holds build_lock (and read its state under it).
    `record(site)` runs once the site is published, before anything can cancel the command
    (what the next build needs to know about it)."""
    output = Path(output).absolute()
    check_output(project, output)
    fresh = new_folder(project)
    try:
        result = build(fresh)
    except BaseException:
        discard(project, fresh)
        raise
    no_turning_back()
    os.chmod(fresh, 0o755)
    write_atomic(_listing(project, fresh), json.dumps(sorted(scan_tree(fresh)), indent=0).encode())
    if output.is_dir() and not output.is_symlink():
        output.rmdir()  # check_output found it empty; rmdir never removes anything else
    link = _new_link(output, os.path.relpath(fresh, output.parent))
    os.replace(link, output)
    entries = _ledger(project)
    entries[fresh.name] = str(output)
    _save_ledger(project, entries)
    for name, published in entries.items():
        if name != fresh.name and not _live(project.builds / name, published, output):
            discard(project, project.builds / name)
    if record is not None:
        record(fresh)
    return result


def _new_link(output: Path, target: str) -> Path:
    """A symlink beside output under a name nobody uses; an existing file is never replaced."""
    while True:
        link = output.parent / f".{output.name}.{os.urandom(4).hex()}.tmp"
        with contextlib.suppress(FileExistsError):
            link.symlink_to(target)
            return link


def _live(folder: Path, published: str, output: Path) -> bool:
    """A build still published at another output path (two outputs may share one project)."""
    if not published or Path(published) == output:
        return False
    link = Path(published)
    return link.is_symlink() and link.resolve() == folder.resolve()
