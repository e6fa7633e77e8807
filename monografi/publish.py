"""Publish atomically: output/ always points at one complete build, or at nothing new.

output/ is a symlink into .monografi/builds/. A build is written to a fresh directory and the
link is swapped with os.replace, a single atomic rename: a build killed at any moment (even by
SIGKILL) leaves the previous site in place, and a lock keeps two builds from racing.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

STATE_DIR = ".monografi"


class BuildBusy(RuntimeError):
    """Another build holds the lock."""


@contextlib.contextmanager
def build_lock(state: Path) -> Iterator[None]:
    state.mkdir(parents=True, exist_ok=True)
    with (state / "build.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildBusy(str(state)) from exc
        yield


def state_dir(output: Path) -> Path:
    return output.parent / STATE_DIR


def publish(output: Path, build: Callable[[Path], object]) -> object:
    """Run build(tmp_dir); on success make `output` point at it, else leave `output` alone."""
    output = Path(output).absolute()
    with build_lock(state_dir(output)):
        return publish_locked(output, build)


def publish_locked(output: Path, build: Callable[[Path], object]) -> object:
    """publish() for a caller that already holds build_lock (and read its state under it)."""
    output = Path(output).absolute()
    builds = state_dir(output) / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
    try:
        result = build(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    os.chmod(fresh, 0o755)
    if output.exists() and not output.is_symlink():
        output.rename(Path(tempfile.mkdtemp(prefix="legacy-", dir=builds)) / "site")
    link = output.parent / f".{output.name}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(os.path.relpath(fresh, output.parent))
    os.replace(link, output)
    for old in builds.iterdir():
        if old != fresh:
            shutil.rmtree(old, ignore_errors=True)
    return result
