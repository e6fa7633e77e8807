"""Exit codes and words (issue 21): whatever a person gets wrong on the command line ends with
exit 1 or 2 and a message in their language (Indonesian, or English with --lang en) — argparse's
own errors, paths that cannot be used, files that are no form, the system refusing — and never
with a traceback; exit 3 only for a real bug."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.commands.failure import failure_message
from monografi.commands.parser import COMMANDS, build_parser
from monografi.project import Project
from monografi.publishing.pipeline import StageFailed
from monografi.refusal import SYSTEM_ERRORS, system_error
from monografi.state import cancellable, no_turning_back
from tests.conftest import REPO, copy_project, tree_digest

# Words that give away English (argparse's, Python's, the system's) in an Indonesian message.
ENGLISH = re.compile(r"\b(?:usage|error|argument|arguments|invalid|required|unrecognized|expected|"
                     r"choose|ambiguous|allowed|ignored|explicit|traceback|errno|denied|"
                     r"such file|directory|device|space left|too large)\b", re.IGNORECASE)
TOKEN = st.from_regex(r"[a-z][a-z0-9]{2,9}", fullmatch=True).filter(
    lambda word: word not in COMMANDS and not ENGLISH.search(word))
LANG_SPELLINGS = {"id": [[], ["--lang", "id"], ["--lang=id"], ["--la", "id"]],
                  "en": [["--lang", "en"], ["--lang=en"], ["--la", "en"], ["--lan=en"]]}
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def run(*argv: str, cwd: Path = REPO) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_words(text: str, lang: str) -> None:
    """Said in `lang`, with no traceback: Indonesian has no English giveaway left."""
    assert text.strip() and "Traceback" not in text
    if lang == "id":
        assert not ENGLISH.search(text), text


@st.composite
def bad_command_lines(draw) -> list[str]:
    """Command lines argparse refuses, one per way of getting them wrong."""
    word, command = draw(TOKEN), draw(st.sampled_from(sorted(COMMANDS)))
    return draw(st.sampled_from([
        [word],  # no such command
        [f"--{word}"], [f"--{word}", command], [command, f"--{word}"],  # no such option
        [draw(st.sampled_from(["--proyek", "--output", "--jobs", "--bagian"]))],  # no value
        ["check", "--format", word], ["dataset-baru", "x", "--tingkat", word],  # not a choice
        ["--jobs", word], ["--jobs", str(draw(st.integers(max_value=0)))],  # not a number
        ["serve", "--port", str(draw(st.integers(min_value=65536) | st.integers(max_value=-1)))],
        ["formulir"], ["impor"], ["dataset-baru"], ["dataset-baru", "x"], ["gabung"],  # missing
        ["check", word], ["bagian", word],  # one word too many
        ["formulir", "--kecamatan"], ["formulir", "--kecamatan", "32.15.05", "--keluar"],
    ]))


@SETTINGS
@given(lang=st.sampled_from(["id", "en"]), spelling=st.integers(0, 3), argv=bad_command_lines())
def test_every_usage_error_argparse_finds_is_said_in_the_chosen_language(lang, spelling, argv):
    """--lang is honoured even for the errors argparse raises while it is still reading it."""
    code, out, err = run(*LANG_SPELLINGS[lang][spelling], *argv)
    assert code == 2 and out == ""
    assert_words(err, lang)
    first = err.splitlines()[0]
    if lang == "id":
        assert first.startswith("pemakaian: monografi") and "Lihat `monografi --help`" in err
    else:
        assert first.startswith("usage: monografi") and "See `monografi --help`" in err


@pytest.mark.parametrize("command", [[], *([word] for word in COMMANDS)])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_speaks_the_chosen_language(command, lang):
    code, out, err = run("--lang", lang, *command, "--help")
    assert code == 0 and err == ""
    if lang == "id":
        assert out.startswith("pemakaian: monografi") and "tampilkan bantuan ini lalu keluar" in out
        assert_words(out.replace("monografi --lang en", ""), "id")
    else:
        assert out.startswith("usage: monografi") and "show this help message and exit" in out


def test_every_option_has_its_help_in_both_languages():
    def helps(parser) -> list[str]:
        found = [a.help for a in parser._actions if a.help and a.help != "==SUPPRESS=="]
        for action in parser._actions:
            for sub in getattr(action, "choices", None) or {}:
                if isinstance(action.choices, dict):
                    found += helps(action.choices[sub])
        return found

    indonesian, english = helps(build_parser("id")), helps(build_parser("en"))
    assert len(indonesian) == len(english) > 25
    assert [i for i, e in zip(indonesian, english, strict=True) if i == e] == []


@pytest.fixture(scope="module")
def karawang(tmp_path_factory) -> Path:
    """One copy of the bundled project, for command lines that are refused before any work."""
    return copy_project(tmp_path_factory.mktemp("exit") / "proyek")


NOT_PROJECTS = {"missing": lambda p: p / "tidak-ada", "file": lambda p: p / "berkas.txt",
                "empty": lambda p: p / "kosong", "datasets_is_a_file": lambda p: p / "aneh"}


@pytest.mark.parametrize("where", sorted(NOT_PROJECTS))
@pytest.mark.parametrize("argv", [["check"], ["build"], ["formulir", "--kecamatan", "32.15.05"],
                                  ["impor", "f.xlsx"], ["dataset-baru", "x", "--tingkat", "desa"],
                                  ["kotak-masuk"], ["bagian"], ["gabung", "bagian-umum"]])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_project_folder_that_is_not_one_is_a_usage_error(tmp_path, where, argv, lang):
    (tmp_path / "berkas.txt").write_text("x")
    (tmp_path / "kosong").mkdir()
    (tmp_path / "aneh").mkdir()
    (tmp_path / "aneh" / "datasets").write_text("x")
    before = tree_digest(tmp_path)
    code, _, err = run("--lang", lang, "--proyek", str(NOT_PROJECTS[where](tmp_path)), *argv)
    assert code == 2 and ("bukan folder proyek" if lang == "id" else "not a Monografi project") in err
    assert_words(err, lang)
    assert tree_digest(tmp_path) == before


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("case", "expected"), [
    ("build --bagian xx", "xx"), ("impor folder", "folder"), ("impor missing", "tidak-ada.xlsx"),
    ("impor device", "/dev/null"), ("impor not-a-form", "bukan-formulir.xlsx"),
    ("impor empty", "kosong.xlsx"), ("output no-parent", "tidak-ada"), ("output file", "berkas.txt"),
    ("gabung not-a-part", "folder-biasa"), ("gabung missing", "tidak-ada"), ("gabung file", "berkas.txt"),
    ("formulir no-folder", "tidak-ada"), ("formulir not-xlsx", "f.csv"),
    ("formulir protected", "datasets"), ("dataset-baru name", "Nama Buruk"),
])
def test_what_staff_name_on_the_command_line_is_refused_in_words(karawang, tmp_path, lang, case,
                                                                   expected):
    """Every one of these ended in exit 3 ("bug") or English before: a wrong part name, a path
    that cannot be used, a file that is not a form."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder-biasa").mkdir()
    (tmp_path / "berkas.txt").write_text("x")
    (tmp_path / "bukan-formulir.xlsx").write_text("kode,nama\n32.15.05,Klari\n")
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    argv = {
        "build --bagian xx": ["--bagian", "xx", "build"],
        "impor folder": ["impor", str(tmp_path / "folder")],
        "impor missing": ["impor", str(tmp_path / "tidak-ada.xlsx")],
        "impor device": ["impor", "/dev/null"],
        "impor not-a-form": ["impor", str(tmp_path / "bukan-formulir.xlsx")],
        "impor empty": ["impor", str(tmp_path / "kosong.xlsx")],
        "output no-parent": ["--output", str(tmp_path / "tidak-ada" / "situs"), "build"],
        "output file": ["--output", str(tmp_path / "berkas.txt"), "build"],
        "gabung not-a-part": ["--output", str(tmp_path / "situs"), "gabung", str(tmp_path / "folder-biasa")],
        "gabung missing": ["--output", str(tmp_path / "situs"), "gabung", str(tmp_path / "tidak-ada")],
        "gabung file": ["--output", str(tmp_path / "situs"), "gabung", str(tmp_path / "berkas.txt")],
        "formulir no-folder": ["formulir", "--kecamatan", "32.15.05", "--keluar",
                               str(tmp_path / "tidak-ada" / "f.xlsx")],
        "formulir not-xlsx": ["formulir", "--kecamatan", "32.15.05", "--keluar", str(tmp_path / "f.csv")],
        "formulir protected": ["formulir", "--kecamatan", "32.15.05", "--keluar",
                               str(karawang / "datasets" / "f.xlsx")],
        "dataset-baru name": ["dataset-baru", "Nama Buruk", "--tingkat", "desa"],
    }[case]
    def files() -> dict[str, bytes]:
        return {k: v for k, v in tree_digest(karawang).items() if not k.startswith(".monografi/")}

    before = files()
    code, _, err = run("--lang", lang, "--proyek", str(karawang), "--quiet", *argv)
    assert code == 2 and expected in err, err
    assert_words(err.replace(str(tmp_path), "").replace(str(karawang), ""), lang)
    assert files() == before


@pytest.fixture(scope="module")
def blank_form(karawang, tmp_path_factory) -> bytes:
    target = tmp_path_factory.mktemp("form") / "f.xlsx"
    assert run("--proyek", str(karawang), "formulir", "--kecamatan", "32.15.05", "--keluar",
               str(target))[0] == 0
    return target.read_bytes()


VALUES = (st.none() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True) | st.booleans()
          | st.text(st.characters(blacklist_categories=["Cc", "Cs"]), max_size=30)
          | st.sampled_from(["=1/0", "=A1", "32.15.05", "2025", "\t", "lembar"]))


@st.composite
def damaged_forms(draw, blank: bytes) -> bytes:
    """A generated form broken the ways a person or a program breaks one."""
    how = draw(st.sampled_from(["bytes", "cells", "sheets"]))
    if how == "bytes":
        data = bytearray(blank[:draw(st.integers(0, len(blank)))])
        for _ in range(draw(st.integers(0, 3))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    book = openpyxl.load_workbook(io.BytesIO(blank))
    if how == "sheets":
        for name in draw(st.lists(st.sampled_from(book.sheetnames), min_size=1, unique=True)):
            if len(book.sheetnames) > 1:
                del book[name]
        book.worksheets[0].sheet_state = "visible"  # Excel keeps one sheet in view
    for _ in range(draw(st.integers(1, 6))):
        sheet = book[draw(st.sampled_from(book.sheetnames))]
        row, column = draw(st.integers(1, 12)), draw(st.integers(1, 8))
        sheet.cell(row, column).value = draw(VALUES)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data(), lang=st.sampled_from(["id", "en"]))
def test_a_damaged_or_malformed_form_is_refused_never_a_bug(blank_form, data, lang):
    form_bytes = data.draw(damaged_forms(blank_form))
    with tempfile.TemporaryDirectory() as scratch:
        project = copy_project(Path(scratch) / "proyek")
        form = Path(scratch) / "formulir.xlsx"
        form.write_bytes(form_bytes)
        code, _, err = run("--lang", lang, "--proyek", str(project), "impor", str(form))
    assert code in (0, 1, 2), err
    if code:
        assert_words(err.replace(str(scratch), ""), lang)


@settings(max_examples=80, deadline=None)
@given(number=st.sampled_from(sorted(set(errno.errorcode) - {0})), lang=st.sampled_from(["id", "en"]),
       named=st.booleans(), stage=st.sampled_from([None, "terbit", "halaman"]))
def test_every_system_error_is_said_in_words_with_what_to_do(number, lang, named, stage):
    """Disk full, file too large, permission, cross-device, is a directory, read-only, too many
    open files … and any other errno: exit 2, never the system's English text alone, never
    "bug"."""
    error = OSError(number, os.strerror(number), "/proyek/datasets/desa.csv" if named else None)
    wrapped = StageFailed(stage, error) if stage else error
    text, code = failure_message(wrapped, lang)
    assert code == 2 and "bug" not in text
    assert_words(text.replace("/proyek/datasets/desa.csv", ""), lang)
    assert os.strerror(number) not in text or lang == "en"
    if number in SYSTEM_ERRORS:
        assert "(kode sistem" not in text and "(system code" not in text


@pytest.mark.parametrize(("number", "phrase"), [
    (errno.ENOSPC, "Disk penuh"), (errno.EFBIG, "ukuran berkas terbesar"), (errno.EACCES, "izin"),
    (errno.EXDEV, "antar-disk"), (errno.EISDIR, "adalah folder"), (errno.ENOTDIR, "adalah berkas"),
    (errno.EROFS, "hanya boleh dibaca"), (errno.EMFILE, "--jobs"), (errno.EPERM, "izin"),
])
def test_the_named_system_errors_say_what_happened(number, phrase):
    assert phrase in system_error(OSError(number, os.strerror(number), "x"), "id")


def test_disk_full_during_an_import_says_so_and_not_to_close_excel(karawang, blank_form, tmp_path,
                                                                   monkeypatch):
    """The import's swap fails on a full disk: nothing changed, and the advice fits the cause."""
    import monografi.state

    project = copy_project(tmp_path / "proyek")
    form = tmp_path / "f.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(blank_form))
    book["penduduk_dukcapil_kecamatan"]["D3"] = 190600
    book.save(form)
    before = tree_digest(project / "datasets")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(monografi.state.os, "replace", full)
    code, _, err = run("--proyek", str(project), "impor", str(form))
    assert code in (1, 2) and "Disk penuh" in err and "Excel" not in err and "Traceback" not in err
    assert tree_digest(project / "datasets") == before


def test_a_genuine_internal_error_is_still_exit_3(karawang, monkeypatch):
    import monografi.validation.check

    def broken(*_args, **_kwargs):
        raise AttributeError("'NoneType' object has no attribute 'rows'")

    monkeypatch.setattr(monografi.validation.check, "validate_datasets", broken)
    monkeypatch.delenv("MONOGRAFI_DEBUG", raising=False)
    for lang, word in (("id", "bug"), ("en", "bug in Monografi")):
        code, _, err = run("--lang", lang, "--proyek", str(karawang), "check")
        assert code == 3 and word in err and "Traceback" not in err


def test_a_content_problem_raised_as_a_refusal_is_exit_2_with_its_words():
    """The way a content-page check refuses a page: a `Refused` inside a build stage."""
    from monografi.refusal import Refused

    error = StageFailed("halaman", Refused("not_a_project", path="content/pages/x.md"))
    for lang in ("id", "en"):
        text, code = failure_message(error, lang)
        assert code == 2 and "content/pages/x.md" in text and "bug" not in text
        assert_words(text.replace("content/pages/x.md", ""), lang)


def test_ctrl_c_cancels_until_there_is_no_turning_back(monkeypatch):
    """Before the point of no return the interrupt cancels; after it, the command finishes (so
    "nothing was changed" is never said after something was); the handler comes back."""
    handler = signal.getsignal(signal.SIGINT)
    with cancellable():
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        no_turning_back()
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.1)  # ignored: nothing raised
    assert signal.getsignal(signal.SIGINT) is handler
    no_turning_back()  # outside a command (tests, a library caller): changes nothing
    assert signal.getsignal(signal.SIGINT) is handler


@pytest.mark.parametrize("where", ["monografi.publishing.pipeline.validate_datasets",
                                   "monografi.publishing.pipeline.write_charts",
                                   "monografi.publishing.pipeline.index_site",
                                   "monografi.publishing.pipeline.copy_extras"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_ctrl_c_during_a_build_ends_quietly_and_changes_nothing(built_copy, monkeypatch, where, lang):
    project = built_copy
    (project / "content" / "pages" / "baru.md").write_text("Title: Baru\n\nIsi.\n")
    before = tree_digest(project / "output")
    builds = sorted(p.name for p in Project(project).builds.iterdir())

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(where, interrupted)
    code, out, err = run("--lang", lang, "--proyek", str(project), "--quiet", "--jobs", "1")
    assert code == 130 and "Traceback" not in err
    assert err.strip() == ("Dibatalkan, tidak ada yang diubah." if lang == "id"
                           else "Cancelled, nothing was changed.")
    assert tree_digest(project / "output") == before
    assert sorted(p.name for p in Project(project).builds.iterdir()) == builds


def test_ctrl_c_during_an_import_swap_leaves_datasets_as_they_were(blank_form, tmp_path, monkeypatch):
    import monografi.state

    project = copy_project(tmp_path / "proyek")
    form = tmp_path / "f.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(blank_form))
    book["penduduk_dukcapil_kecamatan"]["D3"] = 190600
    book["penduduk_kecamatan"]["D3"] = 1
    book.save(form)
    before = tree_digest(project / "datasets")
    real, calls = monografi.state.os.replace, []

    def interrupted_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(monografi.state.os, "replace", interrupted_second)
    code, _, err = run("--proyek", str(project), "impor", str(form))
    assert code in (1, 130) and "Traceback" not in err
    assert tree_digest(project / "datasets") == before


@pytest.mark.slow
def test_a_real_ctrl_c_in_the_middle_of_a_build_is_quiet(built_copy):
    """SIGINT to the whole process group, as a terminal sends it, while charts and pages are
    being drawn by worker processes: no worker prints a traceback, the site stays as it was."""
    project = built_copy
    (project / "content" / "pages" / "baru.md").write_text("Title: Baru\n\nIsi.\n")  # every page anew
    before = tree_digest(project / "output")
    builds = Project(project).builds
    known = set(builds.iterdir())
    process = subprocess.Popen([sys.executable, "-m", "monografi", "--quiet", "--jobs", "2", "--proyek",
                                str(project)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    deadline = time.monotonic() + 300

    def rendering() -> bool:  # the workers have written their first pages
        return any(next(folder.rglob("*.html"), None) for folder in set(builds.iterdir()) - known)

    while not rendering() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the build ended before the workers wrote a page"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=300)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    if process.returncode == 130:
        assert err.strip().endswith("Dibatalkan, tidak ada yang diubah.")
        assert tree_digest(project / "output") == before
    else:  # it had passed the point of no return: it finished and said so
        assert process.returncode == 0 and "Situs selesai dibangun" in out


def test_zip_that_is_no_workbook_is_refused(karawang, tmp_path):
    fake = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("isi.txt", "bukan workbook")
    code, _, err = run("--proyek", str(karawang), "impor", str(fake))
    assert code == 2 and "arsip.xlsx" in err
    assert_words(err.replace(str(tmp_path), ""), "id")
