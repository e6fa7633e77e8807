"""The tables as git last knew them: what a change to datasets/ is compared with.

A CI runner has a fresh clone and no previous build, so a guard that compares with output/
never fires there. git has the reference everywhere: the committed version (HEAD) and, for a
pull request, its base (`MONOGRAFI_DASAR`, a commit; the workflows set it to the pull
request's base commit). Every version is read in one `git cat-file --batch` call per folder; a
folder outside git, or a git that fails, simply has no reference (never an error).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

BASE_VARIABLE = "MONOGRAFI_DASAR"  # a commit to compare with besides HEAD (CI: the PR's base)


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=data, capture_output=True,
                              check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def revisions() -> list[str]:
    """The commits a check compares with: HEAD and, when set, the base named in the
    environment."""
    base = os.environ.get(BASE_VARIABLE, "").strip()
    return ["HEAD", *([base] if base and not base.startswith("-") else [])]


def versions(root: Path, relpaths: list[str], revs: list[str]) -> dict[str, list[bytes]]:
    """relpath (inside `root`) → the bytes of each of `revs` that holds it (missing ones left
    out), read with one git process."""
    prefix = _git(Path(root), "rev-parse", "--show-prefix")
    if prefix is None or not relpaths:
        return {}
    folder = prefix.decode().strip()
    wanted = [(rel, f"{rev}:{folder}{rel}") for rev in revs for rel in relpaths
              if "\n" not in rel]
    output = _git(Path(root), "cat-file", "--batch",
                  data="".join(f"{spec}\n" for _, spec in wanted).encode())
    found: dict[str, list[bytes]] = {}
    if output is None:
        return found
    position = 0
    for rel, _ in wanted:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found.setdefault(rel, []).append(output[position:position + size])
            position += size + 1
        elif len(header) == 3:  # a tree or another object: skip its contents
            position += int(header[2]) + 1
    return found
