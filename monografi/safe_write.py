"""The one way anything is written: whole or not at all, and for the build never outside its folder.

A second line of defence behind `check` (which refuses unsafe resource names): whatever path a
stage, a template or a data value asks for, `write_file` refuses an absolute path, a `..` step,
or a step through a symlink, so nothing the build writes can land in datasets/ or elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path, PurePosixPath

FILE_MODE = 0o644  # what a web server must be able to read


class RefusedWrite(ValueError):
    """A file the build will not write; `reason` is a message key (messages.UI 'write_<reason>')."""

    def __init__(self, relpath: str, reason: str):
        super().__init__(f"{relpath}: {reason}")
        self.relpath = relpath
        self.reason = reason


def target_of(root: str | os.PathLike[str], relpath: str) -> Path:
    """Where `relpath` goes under root, its folders created; refuses anything that escapes root."""
    path = PurePosixPath(relpath)
    if not relpath or "\\" in relpath or "\0" in relpath or path.is_absolute():
        raise RefusedWrite(relpath, "absolute")
    if ".." in path.parts or not path.parts:
        raise RefusedWrite(relpath, "escape")
    folder = Path(root)
    if folder.is_symlink():
        raise RefusedWrite(relpath, "symlink")
    folder.mkdir(parents=True, exist_ok=True)  # root is chosen by the build, never by data
    for part in path.parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise RefusedWrite(relpath, "symlink")
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        if not folder.is_dir():
            raise RefusedWrite(relpath, "not_folder")
    target = folder / path.parts[-1]
    if target.is_symlink() or target.is_dir():
        raise RefusedWrite(relpath, "symlink" if target.is_symlink() else "not_folder")
    return target


def write_atomic(target: Path, data: bytes, *, durable: bool = False) -> None:
    """Replace target with data in one step (temporary file beside it + os.replace): a reader
    sees the old bytes or the new, never half, and an existing file (or hard link) is replaced,
    never written through. `durable` also fsyncs, for what must survive a power cut."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, FILE_MODE)  # by path: os.fchmod does not exist on Windows before 3.13
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # our own temporary file, never a published one
        raise


def write_file(root: str | os.PathLike[str], relpath: str, data: bytes) -> Path:
    """Write data at root/relpath atomically, refusing any path that escapes root."""
    target = target_of(root, relpath)
    write_atomic(target, data)
    return target
