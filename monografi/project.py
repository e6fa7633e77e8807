"""The project's layout: which folder holds what, said once.

Every command works inside one project folder: the data package in datasets/, the site's own
pages in content/ (and content/extra/, copied into the site as it is), the templates in theme/,
Pelican's settings in pelicanconf.py, the site in output/, the inbox kotak-masuk/, and the tool's
own state in .monografi/ (build cache, build folders, import journal). Only this module spells
those names (tests/test_architecture.py fails on one spelled elsewhere), so a rule about every
path of the project — which folders nothing may overwrite, what lies inside the project — is
written once, here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATASETS = "datasets"
CONTENT = "content"
EXTRA = f"{CONTENT}/extra"
THEME = "theme"
SETTINGS = "pelicanconf.py"
OUTPUT = "output"
INBOX = "kotak-masuk"
STATE = ".monografi"
GIT = ".git"
# Folders no command may replace or write a file into, except through their own module (the
# data through an import, the state through publishing): a build output and a fill-in form alike.
PROTECTED = (DATASETS, CONTENT, THEME, GIT, STATE)


@dataclass(frozen=True, init=False)
class Project:
    """A project folder and where everything in it lives. Path-like (its root), so a function
    taking a folder accepts either; `Project(project)` is the same project."""

    root: Path

    def __init__(self, root: str | os.PathLike[str]) -> None:
        object.__setattr__(self, "root", Path(os.fspath(root)).absolute())

    def __fspath__(self) -> str:
        return str(self.root)

    def __str__(self) -> str:
        return str(self.root)

    @classmethod
    def of_datasets(cls, datasets: str | os.PathLike[str]) -> Project:
        """The project whose datasets/ folder this is (a validated copy has one too)."""
        return cls(Path(datasets).absolute().parent)

    @property
    def datasets(self) -> Path:
        return self.root / DATASETS

    @property
    def content(self) -> Path:
        return self.root / CONTENT

    @property
    def extra(self) -> Path:
        """content/extra/: CNAME, verification files, .nojekyll, copied into the site as they are."""
        return self.root / EXTRA

    @property
    def theme(self) -> Path:
        return self.root / THEME

    @property
    def settings(self) -> Path:
        return self.root / SETTINGS

    @property
    def output(self) -> Path:
        """Where the site is published unless --output says otherwise."""
        return self.root / OUTPUT

    @property
    def state(self) -> Path:
        """.monografi/: the tool's own, wherever the site is published (never beside --output)."""
        return self.root / STATE

    @property
    def cache(self) -> Path:
        return self.state / "cache"

    @property
    def builds(self) -> Path:
        """Build folders; output/ is a symlink to one of them (publishing.publish)."""
        return self.state / "builds"

    @property
    def import_stage(self) -> Path:
        """Staged files, backups and the journal of an import in progress (state.commit)."""
        return self.state / "impor"

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Everything a build reads from the project."""
        return self.datasets, self.content, self.theme, self.settings

    def folder(self, relative: str | Path) -> Path:
        """A folder staff name relative to the project (`kotak-masuk --folder`)."""
        return self.root / relative

    def relpath(self, path: str | os.PathLike[str]) -> str:
        """`path` as staff and git see it: relative to the project, with forward slashes."""
        return Path(os.path.relpath(path, self.root)).as_posix()

    def protected_holder(self, path: Path, also: tuple[Path, ...] = ()) -> str | None:
        """The protected folder (or one of `also`) that `path` is or lies inside, as its name,
        else None; compared resolved, so a symlink or '..' does not hide where a path leads."""
        where = Path(path).parent.resolve() / Path(path).name
        for folder in (*(self.root / name for name in PROTECTED), *also):
            guarded = folder.resolve()
            if where == guarded or guarded in where.parents:
                return folder.name
        return None
