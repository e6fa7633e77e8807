"""The inbox (kotak-masuk/): forms and tables staff upload through GitHub's web page.

Staff without a terminal upload a filled form (.xlsx) or an edited table (NAMA.csv, named after
the table it replaces) into kotak-masuk/ on a new branch and open a pull request. The inbox
workflow runs `monografi kotak-masuk --commit --format github`: every file is applied, in name
order, to a scratch copy of datasets/ with the same rules as `impor` and `check`; only if all of
them pass are the changed CSVs swapped into datasets/ (all or none, importer.commit_files), the
uploads removed and one commit made. Any error leaves datasets/ and the inbox as they were and is
reported at its cell (sheet, row, column of the uploaded file) as a GitHub annotation. The git
commit is part of the all or nothing: when git refuses (no identity, a hook, a read-only .git),
datasets/ and the uploads are put back and staff are told why, in words.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..messages import Message
from ..project import DATASETS, INBOX, Project
from ..safe_write import write_atomic
from ..state import CommitFailed, commit, waiting_lock
from ..validation.check import finish_pending_import, validate_datasets
from ..validation.dialect import delimiter
from ..validation.report import Problem, Report
from ..validation.rules import Kind, Rule
from . import csv_merge, limits
from .importer import commit_files, import_form

GIT_REASONS = {  # what git's own (English) output means, in words; the first match wins
    "identitas": Message("identitas git (nama dan surel penulis commit) belum diatur",
                         "no git identity (commit author name and e-mail) is set"),
    "hanya_baca": Message("folder .git tidak dapat ditulis (hanya-baca atau tanpa izin)",
                          "the .git folder cannot be written (read-only or no permission)"),
    "terkunci": Message("repositori git sedang dikunci proses git lain (.git/index.lock)",
                        "the git repository is locked by another git process (.git/index.lock)"),
    "bukan_repo": Message("folder proyek bukan repositori git", "the project folder is no git "
                          "repository"),
    "tanpa_git": Message("program git tidak ditemukan", "the git program was not found"),
    "ditolak": Message("git menolak commit, mis. karena hook pre-commit atau commit-msg",
                       "git refused the commit, e.g. a pre-commit or commit-msg hook"),
}
_GIT_SIGNS = (("identitas", ("tell me who you are", "author identity unknown", "empty ident",
                             "unable to auto-detect email", "committer identity unknown")),
              ("terkunci", ("index.lock': file exists",)),
              ("hanya_baca", ("read-only file system", "permission denied",
                              "insufficient permission")),
              ("bukan_repo", ("not a git repository",)))
GIT_FIXES = {
    "identitas": Message("Atur dengan `git config user.name \"Nama\"` dan `git config user.email "
                         "alamat@surel`, atau GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL dan "
                         "GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL di alur kerja.",
                         "Set it with `git config user.name \"Name\"` and `git config user.email "
                         "address@mail`, or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL and "
                         "GIT_COMMITTER_NAME/GIT_COMMITTER_EMAIL in the workflow."),
    "ditolak": Message("Baca pesan hook di atas ({keluaran!r}) dan perbaiki yang dimintanya.",
                       "Read the hook's message ({keluaran!r}) and fix what it asks for."),
}
OTHER_GIT_FIX = Message("Perbaiki repositori git (lihat `git status`).",
                        "Fix the git repository (see `git status`).")


def _git_words(details: dict, lang: str) -> dict:
    reason = details["alasan"]
    fix = GIT_FIXES.get(reason, OTHER_GIT_FIX).text(lang).format(keluaran=details["keluaran"])
    return {"sebab": GIT_REASONS[reason].text(lang), "perbaikan": fix}


GIT_FAILED = Rule("kotak_masuk_git", Kind.USAGE, Message(
    "Commit git gagal: {sebab}. Impor dibatalkan: datasets/ dan {value}/ dikembalikan seperti "
    "semula, tidak ada commit yang dibuat.",
    "The git commit failed: {sebab}. The import was undone: datasets/ and {value}/ are back as "
    "they were, no commit was made.",
    "{perbaikan} Lalu jalankan `monografi kotak-masuk --commit` lagi.",
    "{perbaikan} Then run `monografi kotak-masuk --commit` again.",
), words=_git_words)

GIT_NOT_UNDONE = Rule("kotak_masuk_git_pulih", Kind.USAGE, Message(
    "Commit git gagal ({sebab}) dan berkas ini belum dapat dikembalikan seperti semula; isinya "
    "masih hasil impor.",
    "The git commit failed ({sebab}) and this file could not be put back yet; it still holds "
    "the import's result.",
    "Kembalikan dengan `git checkout -- {value}` (berkas unggahan: `git checkout HEAD -- "
    "{value}`), perbaiki penyebabnya, lalu jalankan `monografi kotak-masuk --commit` lagi.",
    "Put it back with `git checkout -- {value}` (an upload: `git checkout HEAD -- {value}`), "
    "fix the cause, then run `monografi kotak-masuk --commit` again.",
), words=_git_words)


class GitFailed(RuntimeError):
    """git would not commit; `reason` is a key of GIT_REASONS, `output` git's last line."""

    def __init__(self, reason: str, output: str):
        super().__init__(f"{reason}: {output}")
        self.reason, self.output = reason, output


def _git(project: Project, *args: str) -> None:
    try:
        done = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True,
                              check=False)
    except OSError as exc:
        raise GitFailed("tanpa_git", str(exc)) from exc
    if done.returncode:
        output = (done.stderr + done.stdout).strip()
        lowered = output.lower()
        reason = next((key for key, signs in _GIT_SIGNS if any(s in lowered for s in signs)),
                      "ditolak")
        raise GitFailed(reason, (output.splitlines() or [""])[-1][:200])

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
    committed: bool = False  # one git commit made (process_inbox with git=True)

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


def _apply(upload: Path, copy: Path, folder: str, origin: Path) -> list[Problem]:
    """Apply one upload to the scratch datasets/ `copy` of `origin`; the problems,
    project-relative."""
    catalog, report = validate_datasets(copy, origin=origin)
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
    try:
        limits.check_upload_size(upload, delimiter(tables[upload.name]))
    except limits.OverLimit as over:
        return _moved([over.problem], upload, "", folder)
    older = [data for data in [_bytes(origin / upload.name)] if data is not None]
    merged, notes = csv_merge.merge_upload(tables[upload.name], upload,
                                           older + csv_merge.history(origin, upload.name),
                                           upload.name)
    if merged is None:
        return _moved(notes, upload, "", folder)
    (copy / upload.name).write_bytes(merged)
    checked = validate_datasets(copy, origin=origin)[1].problems
    return _moved([*notes, *checked], upload, upload.name, folder)


def process_inbox(project: Project, folder: str = INBOX, git: bool = False) -> InboxResult:
    """Import every upload in project/folder into project/datasets/, all or nothing; with
    `git`, the commit too (git_commit): if git refuses, everything is put back."""
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
            result.report.extend(_apply(upload, copy, folder, root))
            if not result.report.ok:
                return result
        changed = {p.relative_to(copy).as_posix(): p.read_bytes() for p in sorted(copy.rglob("*"))
                   if p.is_file() and p.read_bytes() != _bytes(root / p.relative_to(copy))}
        before = {name: _bytes(root / name) for name in changed}
        uploaded = {upload: upload.read_bytes() for upload in files}
        result.report.extend(commit_files(project, changed))
        if not result.report.ok:
            return result
        for upload in files:
            upload.unlink()
        result.imported = [f"{folder}/{p.name}" for p in files]
        result.written = [project.relpath(root / name) for name in sorted(changed)]
        if git:
            try:
                result.committed = git_commit(project, result)
            except GitFailed as failed:
                result.report.extend(_undo(project, folder, before, uploaded, failed))
                result.imported, result.written = [], []
    return result


def _undo(project: Project, folder: str, before: dict[str, bytes | None],
          uploaded: dict[Path, bytes], failed: GitFailed) -> list[Problem]:
    """datasets/ and the uploads as they were before the import whose commit git refused; what
    is still not as it was is named, so nothing is said to be untouched that is not."""
    details = {"alasan": failed.reason, "keluaran": failed.output}
    stuck: list[str] = []
    paths = [project.relpath(project.datasets / name) for name in before]
    with contextlib.suppress(GitFailed):  # unstage what `git add` staged, if git lets us
        _git(project, "reset", "--quiet", "--", *paths,
             *(project.relpath(upload) for upload in uploaded))
    try:
        commit(project, {name: data for name, data in before.items() if data is not None})
    except CommitFailed:
        stuck += [p for p, data in zip(paths, before.values(), strict=True) if data is not None]
    for name, data in before.items():
        if data is None:
            try:
                (project.datasets / name).unlink(missing_ok=True)
            except OSError:
                stuck.append(project.relpath(project.datasets / name))
    for upload, data in uploaded.items():
        try:
            write_atomic(upload, data)
        except OSError:
            stuck.append(project.relpath(upload))
    if stuck:
        return [Problem(path, GIT_NOT_UNDONE, value=path, details=details) for path in stuck]
    return [Problem(folder, GIT_FAILED, value=folder, details=details)]


def _bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def git_commit(project: Project, result: InboxResult) -> bool:
    """One commit with the merged CSVs and the removed uploads; False when nothing changed.
    Raises GitFailed when git refuses (process_inbox then puts everything back)."""
    if not result.imported:
        return False
    paths = [*result.written, *result.imported]
    _git(project, "add", "--all", "--", *paths)
    message = f"Kotak masuk: impor {', '.join(Path(p).name for p in result.imported)}\n\n" + \
        "\n".join(f"- {p}" for p in result.written)
    _git(project, "commit", "--quiet", "-m", message, "--", *paths)
    return True
