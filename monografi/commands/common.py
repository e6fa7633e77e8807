"""What every command shares: exit codes, and reading a settled, validated datasets/."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path
from stat import S_ISDIR, S_ISREG

from ..messages import ui
from ..project import OutsideProject, Project
from ..refusal import Refused
from ..state import interrupted, waiting_lock
from ..validation.report import Report

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
EXIT_CANCELLED = 130  # Ctrl+C, as a shell reports a command ended by SIGINT (128 + 2)


def exit_code(report: Report) -> int:
    return report.exit_code  # from the kind of each broken rule (validation.rules.Kind)


def say(text: str) -> None:
    """A message for staff that is not a result: to stderr."""
    print(text, file=sys.stderr)


def show_report(report: Report, lang: str, refused: str) -> bool:
    """Errors to stderr with what was left alone, or warnings to stdout; True if valid."""
    if not report.ok:
        say(report.format_text(lang))
        say(ui(refused, lang))
        return False
    if report.problems:
        print(report.format_text(lang))
    return True


def validated(project: Project, published=None):
    """validate_datasets on a settled datasets/: an import that stopped half-way is rolled back
    first, under the lock builds and imports share, so nothing is checked half-imported."""
    from ..validation.check import finish_pending_import, validate_datasets

    project.refuse_links(project.state)  # its import journal is read, its lock written
    pending = []
    if interrupted(project):
        with waiting_lock(project.state):
            pending = finish_pending_import(project)
    catalog, report = validate_datasets(project.datasets, published=published)
    report.problems[:0] = pending
    return catalog, report


def valid_catalog(args):
    """The catalog for a command that needs valid data, or the exit code after printing why
    it is unusable."""
    catalog, report = validated(args.project)
    if catalog is None or not report.ok:
        say(report.format_text(args.lang))
        return None, exit_code(report)
    return catalog, EXIT_OK


def whole_number(lang: str, low: int, high: int | None = None):
    """An argparse type: a whole number in [low, high], refused in staff words."""
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(ui("usage_number" if high is not None else "usage_number_min",
                                                lang, value=text, low=low, high=high))
        return value
    return convert


def given_file(path: Path, project: Project) -> Path:
    """A file named on the command line, refused in words unless it is a file that can be read
    (a folder, a missing file, no permission, a pipe that would never end) and no symlink: the
    file itself, or any folder on its way inside the project (Project.inside)."""
    path = Path(os.path.abspath(path))
    if path.is_symlink():
        raise OutsideProject(str(path), "symlink")
    if project.root in path.parents:
        project.inside(path)
    try:
        mode = path.stat().st_mode
        if S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not S_ISREG(mode):
            raise Refused("not_regular_file", path=path)
        with path.open("rb"):
            pass
    except OSError as exc:
        raise Refused("no_file", error=exc) from exc
    return path
