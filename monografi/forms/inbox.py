"""The inbox (kotak-masuk/): forms and tables staff upload through GitHub's web page.

Staff without a terminal upload a filled form (.xlsx) or an edited table (NAMA.csv, named after
the table it replaces) into kotak-masuk/ on a new branch and open a pull request. The inbox
workflow runs `monografi kotak-masuk --commit --format github`: every file is applied, in name
order, to a scratch copy of datasets/ with the same rules as `impor` and `check`; only if all of
them pass are the changed CSVs swapped into datasets/ (all or none, importer.commit_files), the
uploads removed and one commit made. Any error leaves datasets/ and the inbox as they were and is
reported at its cell (sheet, row, column of the uploaded file) as a GitHub annotation.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..messages import Message
from ..project import DATASETS, INBOX, Project
from ..state import waiting_lock
from ..validation.check import finish_pending_import, validate_datasets
from ..validation.report import Problem, Report
from ..validation.rules import Kind, Rule
from .importer import commit_files, import_form

# Files that may stay in the inbox without being imported (its README, git's placeholder).
IGNORED = frozenset({"README.md", "BACA.md", ".gitkeep"})

INBOX_FILE_KIND = Rule("kotak_masuk_jenis", Kind.DATA, Message(
    "Berkas {value!r} di kotak masuk bukan formulir .xlsx atau tabel .csv.",
    "File {value!r} in the inbox is neither an .xlsx form nor a .csv table.",
    "Unggah formulir yang disimpan sebagai Excel Workbook (.xlsx), atau tabel sebagai CSV UTF-8 "
    "dengan nama tabelnya (mis. penduduk_desa.csv); hapus berkas ini dari kotak-masuk/.",
    "Upload forms saved as Excel Workbook (.xlsx), or tables as UTF-8 CSV named after the "
    "table (e.g. penduduk_desa.csv); delete this file from kotak-masuk/.",
))

INBOX_UNKNOWN_TABLE = Rule("kotak_masuk_tabel", Kind.DATA, Message(
    "Tidak ada tabel bernama {value!r}: CSV di kotak masuk menggantikan tabel dengan nama yang "
    "sama.",
    "There is no table named {value!r}: a CSV in the inbox replaces the table of the same name.",
    "Ganti nama berkas menjadi salah satu dari: {batas}. Untuk tabel baru pakai "
    "`monografi dataset-baru`.",
    "Rename the file to one of: {batas}. For a new table use `monografi dataset-baru`.",
))


@dataclass
class InboxResult:
    report: Report
    imported: list[str] = field(default_factory=list)  # inbox files consumed
    written: list[str] = field(default_factory=list)  # datasets/ files changed

    @property
    def ok(self) -> bool:
        return self.report.ok


def uploads(inbox: Path) -> list[Path]:
    """The files to import, in name order (what the staff uploaded)."""
    if not inbox.is_dir():
        return []
    return sorted(p for p in inbox.iterdir() if p.name not in IGNORED and not p.name.startswith("."))


def _moved(problems, upload: Path, relpath: str, folder: str) -> list[Problem]:
    """Problems made project-relative: the uploaded file's (or form's sheet's) go to the inbox,
    the rest stay in datasets/."""
    moved = []
    for problem in problems:
        name = problem.file.split(" › ", 1)[0]
        inside = name in (upload.name, relpath)
        where = f"{folder}/{upload.name}{problem.file[len(name):]}" if inside else \
            f"{DATASETS}/{problem.file}"
        moved.append(replace(problem, file=where))
    return moved


def _apply(upload: Path, copy: Path, folder: str) -> list[Problem]:
    """Apply one upload to the scratch datasets/ `copy`; the problems, project-relative."""
    catalog, report = validate_datasets(copy)
    if catalog is None or not report.ok:
        return _moved(report.errors, upload, "", folder)
    if upload.suffix.lower() == ".xlsx":
        result = import_form(catalog, upload)  # the scratch project's own lock and journal
        return _moved(result.report.problems, upload, "", folder)
    tables = {spec.relpath: spec for spec in catalog.resources}
    if upload.suffix.lower() != ".csv" or not upload.is_file() or upload.is_symlink():
        return [Problem(f"{folder}/{upload.name}", INBOX_FILE_KIND, value=upload.name)]
    if upload.name not in tables:
        return [Problem(f"{folder}/{upload.name}", INBOX_UNKNOWN_TABLE, value=upload.name,
                        details={"batas": ", ".join(sorted(tables))})]
    shutil.copyfile(upload, copy / upload.name)
    return _moved(validate_datasets(copy)[1].problems, upload, upload.name, folder)


def process_inbox(project: Project, folder: str = INBOX) -> InboxResult:
    """Import every upload in project/folder into project/datasets/, all or nothing."""
    project = Project(project)
    root, inbox = project.datasets, project.folder(folder)
    project.refuse_links(project.state, inbox)  # an upload is imported, then deleted
    result = InboxResult(Report())
    with waiting_lock(project.state), tempfile.TemporaryDirectory(prefix="kotak-masuk-") as scratch:
        result.report.extend(finish_pending_import(project))
        files = uploads(inbox)
        if not result.report.ok or not files:
            return result
        copy = Project(scratch).datasets
        shutil.copytree(root, copy, symlinks=True)
        for upload in files:
            result.report.extend(_apply(upload, copy, folder))
            if not result.report.ok:
                return result
        changed = {p.relative_to(copy).as_posix(): p.read_bytes() for p in sorted(copy.rglob("*"))
                   if p.is_file() and p.read_bytes() != _bytes(root / p.relative_to(copy))}
        result.report.extend(commit_files(project, changed))
        if not result.report.ok:
            return result
        for upload in files:
            upload.unlink()
        result.imported = [f"{folder}/{p.name}" for p in files]
        result.written = [project.relpath(root / name) for name in sorted(changed)]
    return result


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def git_commit(project: Project, result: InboxResult) -> bool:
    """One commit with the merged CSVs and the removed uploads; False when nothing changed."""
    if not result.imported:
        return False
    paths = [*result.written, *result.imported]
    subprocess.run(["git", "-C", str(project), "add", "--all", "--", *paths], check=True)
    message = f"Kotak masuk: impor {', '.join(Path(p).name for p in result.imported)}\n\n" + \
        "\n".join(f"- {p}" for p in result.written)
    subprocess.run(["git", "-C", str(project), "commit", "--quiet", "-m", message, "--", *paths],
                   check=True)
    return True
