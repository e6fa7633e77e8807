"""The project's own .monografi/: the lock and the import journal every command shares.

Whatever reads or changes datasets/ — the build, `check`, `formulir`, `impor` — takes the same
lock, and first finishes an import that stopped half-way (`recover`): nothing ever reads a
datasets/ that is half old, half imported. `commit` replaces several files all or none: new
bytes and backups are staged beside the journal (never in datasets/), so a crash at any moment
leaves either nothing to do or a journal that `recover` can undo.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .project import Project
from .safe_write import write_atomic

try:
    import fcntl
except ImportError:  # Windows: staff run `monografi` there too
    fcntl = None  # type: ignore[assignment]  # checked for below, as on Windows
    import msvcrt

LOCK_WAIT = 60.0  # seconds an import or `check` waits for a build or an import to finish
JOURNAL = "jurnal.json"
_CANCELLABLE: ContextVar[bool] = ContextVar("cancellable", default=False)


class BuildBusy(RuntimeError):
    """Another build (or import) holds the lock."""


class CommitFailed(OSError):
    """A file could not be replaced (`reason`: the system's error); `rolled_back`: the files
    before it have their old bytes."""

    def __init__(self, relpath: str, reason: OSError, rolled_back: bool):
        super().__init__(f"{relpath}: {reason}")
        self.relpath, self.reason, self.rolled_back = relpath, reason, rolled_back


@dataclass
class Recovery:
    """What `recover` found of an import that stopped half-way."""

    restored: list[str] = field(default_factory=list)  # files given their old bytes back
    changed: list[str] = field(default_factory=list)  # edited since: left alone, nothing undone
    backups: Path | None = None  # where the old bytes wait when `changed` is not empty


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()  # signals are set only there


@contextlib.contextmanager
def cancellable() -> Iterator[None]:
    """A command that Ctrl+C cancels until it calls `no_turning_back`; from then on the interrupt
    is ignored and the command finishes and says what it did. So "cancelled, nothing was changed"
    is true whenever it is said. The interrupt's handler is given back afterwards."""
    previous = signal.getsignal(signal.SIGINT)
    token = _CANCELLABLE.set(True)
    try:
        yield
    finally:
        _CANCELLABLE.reset(token)
        if previous is not None and _main_thread():
            signal.signal(signal.SIGINT, previous)


def no_turning_back() -> None:
    """Right before the first change a command cannot take back (files swapped into datasets/, a
    site published, a file created): Ctrl+C no longer cuts it short (inside `cancellable`)."""
    if _CANCELLABLE.get() and _main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def build_lock(state: Path) -> Iterator[None]:
    state.mkdir(parents=True, exist_ok=True)
    with (state / "build.lock").open("w") as handle:
        try:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except (BlockingIOError, PermissionError) as exc:  # msvcrt: PermissionError when held
            raise BuildBusy(str(state)) from exc
        yield


@contextlib.contextmanager
def waiting_lock(state: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """The build's lock, waiting up to `wait` seconds for a build or an import to finish."""
    deadline = time.monotonic() + wait
    while True:
        stack = contextlib.ExitStack()
        try:
            stack.enter_context(build_lock(state))
        except BuildBusy:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)
            continue
        with stack:
            yield
        return


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def commit(project: Project, files: dict[str, bytes]) -> None:
    """Replace every file in `files` (paths relative to datasets/) or none; call under the lock.
    A file that does not exist yet is created (and removed again on roll-back), never written
    over one that appeared meanwhile.

    If swap k fails, files 1..k-1 are put back and CommitFailed says so; if even that fails (or
    the process dies), the journal stays and `recover` finishes the roll-back next time."""
    root, stage = project.datasets, project.import_stage
    shutil.rmtree(stage, ignore_errors=True)  # a crash before any journal: nothing was replaced
    (stage / "baru").mkdir(parents=True)
    (stage / "lama").mkdir()
    entries = []
    for number, (relpath, data) in enumerate(sorted(files.items())):
        target = root / relpath
        write_atomic(stage / "baru" / str(number), data, durable=True)
        if target.exists():
            shutil.copymode(target, stage / "baru" / str(number))
            shutil.copy2(target, stage / "lama" / str(number))
        entries.append({"berkas": relpath, "lama": _digest(target),
                        "baru": hashlib.sha256(data).hexdigest()})
    write_atomic(stage / JOURNAL, json.dumps(entries, indent=1).encode(), durable=True)
    no_turning_back()
    done = 0
    try:
        for number, entry in enumerate(entries):
            target = root / entry["berkas"]
            if not entry["lama"]:
                _refuse_existing(target)
            os.replace(stage / "baru" / str(number), target)
            done += 1
    except OSError as exc:
        relpath = entries[done]["berkas"]
        try:
            _roll_back(root, stage, entries[:done])
        except OSError:
            raise CommitFailed(relpath, exc, rolled_back=False) from exc
        raise CommitFailed(relpath, exc, rolled_back=True) from exc
    except BaseException:
        with contextlib.suppress(OSError):  # Ctrl+C: undo now if we can, else `recover` will
            _roll_back(root, stage, entries[:done])
        raise
    _finish(stage)


def _refuse_existing(target: Path) -> None:
    """A file the commit creates: its folder made, and no file of the same name taken over."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() or target.is_symlink():
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))


def _roll_back(root: Path, stage: Path, entries: list[dict[str, Any]]) -> None:
    for number, entry in enumerate(entries):
        target = root / entry["berkas"]
        if _digest(target) != entry["baru"]:
            continue
        if not entry["lama"]:
            target.unlink()  # created by this commit
            continue
        shutil.copy2(stage / "lama" / str(number), stage / "lama" / f"{number}.pulih")
        os.replace(stage / "lama" / f"{number}.pulih", target)
    _finish(stage)


def _finish(stage: Path) -> None:
    """The journal goes first: without it the stage is only leftovers."""
    with contextlib.suppress(FileNotFoundError):
        (stage / JOURNAL).unlink()
    shutil.rmtree(stage, ignore_errors=True)


def interrupted(project: Project) -> bool:
    """An import stopped half-way and left its journal: `recover` has work to do."""
    return (project.import_stage / JOURNAL).is_file()


def recover(project: Project) -> Recovery:
    """Undo an import that stopped half-way (its journal is still there): every file it had
    replaced gets its old bytes back. If a file was changed by hand since, nothing is undone
    and the journal stays, so no one's work is overwritten; call under the lock."""
    root, stage = project.datasets, project.import_stage
    if not interrupted(project):
        shutil.rmtree(stage, ignore_errors=True)
        return Recovery()
    entries = json.loads((stage / JOURNAL).read_text(encoding="utf-8"))
    changed = [e["berkas"] for e in entries if _digest(root / e["berkas"]) not in (e["lama"], e["baru"])]
    if changed:
        return Recovery(changed=changed, backups=stage / "lama")
    restored = [e["berkas"] for e in entries if _digest(root / e["berkas"]) == e["baru"]]
    _roll_back(root, stage, entries)
    return Recovery(restored=restored)
