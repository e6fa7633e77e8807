"""What a build's output depends on, as hashes: skip unchanged work without knowing any page.

Three levels, all keyed on content, never on timestamps:
- `inputs_digest`: everything a build reads (datasets/, content/, theme/, pelicanconf.py, the
  MONOGRAFI_* environment, git HEAD and tags, the monografi source and library versions).
  Equal → nothing to do.
- `presentation_digest` / `data_digest`: what every page, and every download, is made from.
- per page and per file: `site.digest.ValueDigest` and `files.Manifest` (with the checksummed
  cache entries, `files.store`/`files.load`).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from ..address import settings_environment
from ..files import code_fingerprint, files_digest
from ..project import Project


def environment_digest() -> str:
    return hashlib.sha256(json.dumps(settings_environment()).encode()).hexdigest()


def git_digest(project: Project) -> str:
    """The repository state the history pages, feeds and releases read: the last commit that
    touched datasets/ and the tags ('' without git). Not HEAD: a commit that only changes a
    README must not force a rebuild."""
    lines = []
    for args in (("log", "-1", "--format=%H", "--", project.relpath(project.datasets)),
                 ("for-each-ref", "refs/tags", "--format=%(refname) %(objectname)")):
        try:
            done = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True,
                                  check=False)
        except OSError:
            return ""
        lines.append(done.stdout if done.returncode == 0 else "")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def digest_of(project: Project, paths: tuple[Path, ...], with_git: bool = True) -> str:
    """Files of the project plus the code, the MONOGRAFI_* environment and (unless a caller's
    output cannot depend on it) the git state of the data."""
    files = files_digest(*paths, base=project.root)
    git = git_digest(project) if with_git else ""
    return hashlib.sha256((files + code_fingerprint() + environment_digest() + git).encode()).hexdigest()


def inputs_digest(project: Project) -> str:
    """Everything the build reads: equal digests mean byte-identical output."""
    project = Project(project)
    return digest_of(project, project.inputs)


def presentation_digest(project: Project) -> str:
    """What every page shares apart from its own context: theme, content/, settings, code.
    Git-derived values (dates, history) reach a page through its context, which is hashed
    per page, so git is left out here."""
    project = Project(project)
    return digest_of(project, (project.content, project.theme, project.settings), with_git=False)


def data_digest(project: Project) -> str:
    """What downloads are made from: the data package (and its git history), code, settings."""
    project = Project(project)
    return digest_of(project, (project.datasets, project.settings))
