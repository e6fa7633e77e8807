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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .messages import Message
from .refusal import Refused

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

OUTSIDE = {
    "symlink": Message(
        "{path} adalah tautan (symlink), atau berada di folder yang merupakan tautan: Monografi "
        "tidak membaca, menulis, atau menghapus apa pun lewat tautan, karena tautan bisa membawa "
        "berkas dari luar repositori ke situs publik.{more}",
        "{path} is a symlink, or lies in a folder that is one: Monografi reads, writes and deletes "
        "nothing through a link, as a link can bring files from outside the repository onto the "
        "public site.{more}",
        "Ganti tautan itu dengan berkas atau folder yang sebenarnya (salin isinya ke dalam "
        "proyek), atau hapus tautannya, lalu jalankan lagi.",
        "Replace the link with the real file or folder (copy its contents into the project), or "
        "delete the link, then run again."),
    "outside": Message(
        "{path} berada di luar folder proyek; Monografi hanya memakai berkas di dalam proyek.{more}",
        "{path} lies outside the project folder; Monografi only uses files inside the project.{more}",
        "Sebutkan folder di dalam proyek (relatif terhadap folder proyek), mis. kotak-masuk.",
        "Name a folder inside the project (relative to the project folder), e.g. kotak-masuk."),
    "more": Message(" ({n} tautan lain juga ditemukan.)", " ({n} more links were found.)"),
}


class OutsideProject(Refused, ValueError):
    """An input path that is a symlink, lies under one, or leads outside the project: what a
    pull request can plant (git stores symlinks) to publish, execute or delete files elsewhere."""

    def __init__(self, path: str, reason: str, more: int = 0):
        super().__init__(f"outside_{reason}", path=path, more=more)
        self.path, self.reason, self.more = path, reason, more

    def text(self, lang: str = "id") -> str:
        more = OUTSIDE["more"].text(lang).format(n=self.more) if self.more else ""
        message = OUTSIDE[self.reason]
        return f"{message.text(lang).format(path=self.path, more=more)} {message.fix(lang)}"


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
        return self.inside(DATASETS)

    @property
    def content(self) -> Path:
        return self.inside(CONTENT)

    @property
    def extra(self) -> Path:
        """content/extra/: CNAME, verification files, .nojekyll, copied into the site as they are."""
        return self.inside(EXTRA)

    @property
    def theme(self) -> Path:
        return self.inside(THEME)

    @property
    def settings(self) -> Path:
        return self.inside(SETTINGS)

    @property
    def output(self) -> Path:
        """Where the site is published unless --output says otherwise."""
        return self.root / OUTPUT

    @property
    def state(self) -> Path:
        """.monografi/: the tool's own, wherever the site is published (never beside --output)."""
        return self.inside(STATE)

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
        return self.inside(relative)

    def inside(self, path: str | Path) -> Path:
        """`path` (relative to the project, or absolute), once it is known to lie inside the
        project with no symlink on the way from the project's root; else OutsideProject naming
        it. The one place every input path is resolved: the folders above are made with it."""
        full = Path(os.path.normpath(self.root / path))  # '..' steps taken on the names
        if full != self.root and self.root not in full.parents:
            raise OutsideProject(str(path), "outside")
        step = self.root
        for part in full.relative_to(self.root).parts:
            step = step / part
            if step.is_symlink():
                raise OutsideProject(self.relpath(step), "symlink")
        return full

    def links(self, *folders: Path) -> Iterator[Path]:
        """Every symlink in `folders` (themselves, or at any depth inside them, to files or to
        folders), never followed. The build folders in .monografi/builds/ are not walked: the
        published build is checked file by file against its manifest (files.Manifest.damaged)."""
        for folder in folders:
            if folder.is_symlink():
                yield folder
                continue
            for top, dirs, names in os.walk(folder):
                for name in sorted(dirs + names):
                    if os.path.islink(os.path.join(top, name)):
                        yield Path(top, name)
                if Path(top) == self.builds:
                    dirs.clear()  # os.walk does not follow a symlinked folder either

    def refuse_links(self, *folders: Path) -> None:
        """OutsideProject naming the first symlink in `folders` (and how many more there are)."""
        found = list(self.links(*folders))
        if found:
            raise OutsideProject(self.relpath(found[0]), "symlink", len(found) - 1)

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
