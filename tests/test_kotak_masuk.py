"""The inbox: uploads in kotak-masuk/ become one commit of merged CSVs, or nothing and annotations.

The fixture is a real git repository holding the project, like the pull request branch the
inbox workflow checks out; the tests run the same command the workflow runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess

import openpyxl
import pytest

from monografi import commands
from monografi.forms.form import write_form
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO, tree_digest
from tests.excel_helpers import encrypted_workbook

KLARI = "32.15.05"
DUKCAPIL = "penduduk_dukcapil_kecamatan"
GIT_ENV = {"GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.go.id",
           "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.go.id"}


def git(repo, *args) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True, env={**os.environ, **GIT_ENV}).stdout


@pytest.fixture
def repo(project):
    git(project, "init", "--quiet", "--initial-branch=unggah")
    shutil.copy2(REPO / ".gitignore", project / ".gitignore")
    (project / "kotak-masuk").mkdir()
    (project / "kotak-masuk" / "README.md").write_text("Unggah formulir di sini.\n", encoding="utf-8")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "-m", "awal")
    return project


def fill_form(repo, name: str, period: str, cells: dict):
    """Klari's form made from the repository's data into the inbox, its row of `period` filled in."""
    catalog, _ = load_catalog(repo / "datasets")
    path = write_form(catalog, KLARI, repo / "kotak-masuk" / name, "2025-S1")
    book = openpyxl.load_workbook(path)
    sheet = book[DUKCAPIL]
    keys = [c.value for c in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[keys.index("periode")].value == period)
    for column, value in cells.items():
        row[keys.index(column)].value = value
    book.save(path)
    return path


def upload_form(repo, name="formulir-klari.xlsx", **cells):
    """A form made from the repository's data, filled in, and 'uploaded' (committed) to the inbox."""
    path = fill_form(repo, name, "2025-S1", cells)
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", f"Unggah {name}")
    return path


def data_of(repo) -> dict:
    return {**tree_digest(repo / "datasets"), **tree_digest(repo / "kotak-masuk")}


def run(repo, *options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = commands.main(["--proyek", str(repo), "kotak-masuk", *options])
    return code, out.getvalue(), err.getvalue()


def test_a_filled_form_becomes_one_commit_of_merged_csvs(repo, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    upload_form(repo, jumlah=201234, sumber="S7")
    code, out, err = run(repo, "--commit", "--format", "github")
    assert code == 0, err
    assert "::error" not in out
    changed = git(repo, "show", "--name-status", "--format=%s", "HEAD").split("\n")
    assert changed[0] == "Kotak masuk: impor formulir-klari.xlsx"
    assert f"M\tdatasets/{DUKCAPIL}.csv" in changed and "D\tkotak-masuk/formulir-klari.xlsx" in changed
    assert f"{KLARI},2025-S1,201234,,S7," in (repo / "datasets" / f"{DUKCAPIL}.csv").read_text()
    assert git(repo, "status", "--porcelain") == ""  # everything it changed is committed
    assert (repo / "kotak-masuk" / "README.md").is_file()  # the inbox's own README stays


def test_errors_are_annotated_at_their_cell_and_nothing_is_written(repo):
    """One bad form among good ones: no file changes, every error is a GitHub annotation at the
    uploaded file's row, naming the sheet and column."""
    upload_form(repo, "a-baik.xlsx", jumlah=201234, sumber="S7")
    upload_form(repo, "b-salah.xlsx", jumlah=-5, sumber="S99")
    before = data_of(repo)
    code, out, err = run(repo, "--commit", "--format", "github")
    assert code == 1
    assert data_of(repo) == before and git(repo, "log", "--format=%s", "-1") == "Unggah b-salah.xlsx\n"
    annotations = [line for line in out.splitlines() if line.startswith("::error")]
    assert len(annotations) == 2
    assert all(a.startswith("::error file=kotak-masuk/b-salah.xlsx,line=") for a in annotations)
    assert any(f"title=minimum ({DUKCAPIL}%2C jumlah)" in a for a in annotations)
    assert any("sumber_tidak_dikenal" in a and "datasets/sumber.csv" in a for a in annotations)
    assert "tidak ada berkas di datasets/ atau kotak-masuk/ yang diubah" in err


def test_an_uploaded_csv_replaces_its_table_and_a_stray_file_is_refused(repo):
    sources = (repo / "datasets" / "sumber.csv").read_text(encoding="utf-8")
    added = sources + "S12,Survei Kantor Kecamatan Klari 2025,Kantor Kecamatan Klari,2025,,,\n"
    (repo / "kotak-masuk" / "sumber.csv").write_text(added, encoding="utf-8")
    (repo / "kotak-masuk" / "catatan.docx").write_bytes(b"PK")
    code, out, _ = run(repo, "--format", "github")
    assert code == 1 and "::error file=kotak-masuk/catatan.docx,title=kotak_masuk_jenis::" in out
    assert (repo / "datasets" / "sumber.csv").read_text(encoding="utf-8") == sources

    (repo / "kotak-masuk" / "catatan.docx").unlink()
    (repo / "kotak-masuk" / "sumber-baru.csv").write_text(added, encoding="utf-8")
    code, out, _ = run(repo, "--format", "github")
    assert code == 1 and "kotak_masuk_tabel" in out and "sumber.csv" in out

    (repo / "kotak-masuk" / "sumber-baru.csv").unlink()
    code, _, err = run(repo)
    assert code == 0, err
    assert (repo / "datasets" / "sumber.csv").read_text(encoding="utf-8") == added
    assert sorted(p.name for p in (repo / "kotak-masuk").iterdir()) == ["README.md"]


def test_a_bad_row_in_an_uploaded_csv_points_at_the_upload(repo):
    table = repo / "datasets" / f"{DUKCAPIL}.csv"
    (repo / "kotak-masuk" / f"{DUKCAPIL}.csv").write_text(
        table.read_text(encoding="utf-8") + f"{KLARI},2025-S1,1.234,,S7,\n", encoding="utf-8")
    code, out, _ = run(repo, "--format", "github")
    rows = len(table.read_text(encoding="utf-8").splitlines()) + 1
    assert code == 1 and f"::error file=kotak-masuk/{DUKCAPIL}.csv,line={rows}," in out


def test_a_password_protected_upload_is_named_as_such(repo):
    (repo / "kotak-masuk" / "formulir-klari.xlsx").write_bytes(encrypted_workbook(b"\x04\x00", b"x"))
    before = data_of(repo)
    code, out, err = run(repo, "--format", "github")
    assert code in (1, 2) and "xlsx_kata_sandi" in out and "dilindungi kata sandi" in out
    assert "file=kotak-masuk/formulir-klari.xlsx" in out and "97-2003" not in out + err
    assert data_of(repo) == before


def test_an_empty_inbox_changes_nothing(repo):
    before = data_of(repo)
    assert run(repo, "--commit")[0] == 0
    assert data_of(repo) == before and git(repo, "log", "--format=%s") == "awal\n"
