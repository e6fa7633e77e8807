"""impor never reverts newer values, writes all or nothing, and talks to staff, not in tracebacks."""

import csv
import io
import subprocess
import sys
import threading
import time
import warnings
import zipfile

import openpyxl
import pytest

from monografi import commands
from monografi import state as journal
from monografi.forms.form import BASE_SHEET, META_SHEET, write_form
from monografi.forms.importer import import_form
from monografi.project import Project
from monografi.state import build_lock
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO, tree_digest
from tests.excel_helpers import find_row, form_made_once
from tests.helpers import append_line

KLARI = "32.15.05"
DESA = "32.15.05.2003"
DUKCAPIL = "penduduk_dukcapil_kecamatan"


def catalog_of(project):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return catalog


def set_csv(project, dataset, match: dict, column, value):
    """What a colleague commits meanwhile: one cell of the row matching `match` changed."""
    path = project / "datasets" / f"{dataset}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    (row,) = [r for r in rows[1:] if all(r[header.index(k)] == v for k, v in match.items())]
    row[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def csv_value(project, dataset, match: dict, column):
    text = (project / "datasets" / f"{dataset}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    (row,) = [r for r in rows if all(r[k] == v for k, v in match.items())]
    return row[column]


def _publish_desa_row(project):
    append_line(project, "luas_desa", f"{DESA},2020,S3,4.1,")


@pytest.fixture
def desa_project(project):
    """Klari with a desa-level row already published, so forms pre-fill desa figures too."""
    _publish_desa_row(project)
    return project


@pytest.fixture(scope="session")
def klari_form(tmp_path_factory) -> bytes:
    return form_made_once(tmp_path_factory, KLARI, "2025", _publish_desa_row)


@pytest.fixture
def form(desa_project, tmp_path, klari_form):
    """What write_form(catalog_of(desa_project), KLARI, tmp_path / "formulir.xlsx", "2025") writes."""
    path = tmp_path / "formulir.xlsx"
    path.write_bytes(klari_form)
    return path


def edit(form, sheet, match, column, value):
    book = openpyxl.load_workbook(form)
    find_row(book[sheet], **match)[column].value = value
    book.save(form)


def importing(project, form, **options):
    return import_form(catalog_of(project), form, **options)


# One published cell per kind: kecamatan- and desa-level tables, numbers and text.
CELLS = [
    (DUKCAPIL, {"kode_kecamatan": KLARI, "periode": "2022-S1"}, "jumlah", "190600", 190700),
    ("luas_kecamatan", {"kode_kecamatan": KLARI, "tahun": "2017"}, "catatan", "Angka RPIJM",
     "Angka BPS"),
    ("luas_desa", {"kode_desa": DESA, "tahun": "2020"}, "luas_km2", "4.2", 4.3),
]


@pytest.mark.parametrize(("dataset", "match", "column", "newer", "_"), CELLS)
def test_an_old_form_never_reverts_a_newer_value(desa_project, form, dataset, match, column, newer,
                                                 _):
    set_csv(desa_project, dataset, match, column, newer)  # a colleague's committed correction
    edit(form, "luas_kecamatan", {"tahun": "2011"}, "luas_km2", 72.8)  # the person's own edit
    result = importing(desa_project, form)
    assert result.ok, result.report.format_text()
    assert csv_value(desa_project, dataset, match, column) == newer
    assert csv_value(desa_project, "luas_kecamatan", {"kode_kecamatan": KLARI, "tahun": "2011"},
                     "luas_km2") == "72.8"
    assert [(c.dataset, c.column, c.new) for c in result.changed] == [
        ("luas_kecamatan", "luas_km2", "72.8")]


@pytest.mark.parametrize(("dataset", "match", "column", "newer", "typed"), CELLS)
def test_a_cell_changed_in_both_places_is_a_conflict_and_nothing_is_written(
        desa_project, form, dataset, match, column, newer, typed):
    set_csv(desa_project, dataset, match, column, newer)
    sheet_match = {k: v for k, v in match.items() if not k.startswith("kode_")}
    edit(form, dataset, sheet_match, column, typed)
    edit(form, "luas_kecamatan", {"tahun": "2011"}, "luas_km2", 72.8)  # blocked with it
    before = tree_digest(desa_project / "datasets")
    result = importing(desa_project, form)
    (problem,) = result.report.errors
    assert (problem.rule.id, problem.file, problem.column) == (
        "konflik", f"formulir.xlsx › {dataset}", column)
    assert problem.row == find_row(openpyxl.load_workbook(form)[dataset],
                                   **sheet_match)[column].row
    message = problem.texts("id")[0]
    was = problem.details["awal"]  # the value when the form was made
    assert was and was != newer and repr(was) in message
    assert repr(newer) in message and repr(str(typed)) in message
    assert "since the form was made" in problem.texts("en")[0]
    assert result.written == [] and tree_digest(desa_project / "datasets") == before


def test_the_same_correction_in_both_places_is_no_conflict(project, form):
    set_csv(project, DUKCAPIL, {"periode": "2022-S1"}, "jumlah", "190600")
    edit(form, DUKCAPIL, {"periode": "2022-S1"}, "jumlah", 190600)
    result = importing(project, form)
    assert result.ok and result.written == []


def test_a_row_added_in_datasets_since_conflicts_with_the_forms_new_row(project, form):
    append_line(project, DUKCAPIL, f"{KLARI},2025-S1,200000,,S7,")
    book = openpyxl.load_workbook(form)
    fresh = find_row(book[DUKCAPIL], periode="2025")
    fresh["periode"].value, fresh["jumlah"].value, fresh["sumber"].value = "2025-S1", 201234, "S7"
    book.save(form)
    result = importing(project, form)
    assert [(p.rule.id, p.column, p.row) for p in result.report.errors] == [("konflik", "jumlah", 5)]
    assert result.written == []


def test_a_row_deleted_since_is_not_brought_back(project, form):
    path = project / "datasets" / f"{DUKCAPIL}.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(x for x in lines if "2022-S1" not in x or KLARI not in x),
                    encoding="utf-8")
    edit(form, "luas_kecamatan", {"tahun": "2011"}, "luas_km2", 72.8)
    assert importing(project, form).ok
    assert "2022-S1" not in path.read_text(encoding="utf-8").split(KLARI, 1)[1].split("\n", 1)[0]
    assert f"{KLARI},2022-S1" not in path.read_text(encoding="utf-8")
    edit(form, DUKCAPIL, {"periode": "2022-S1"}, "jumlah", 1)  # changing it now is a conflict
    assert [p.rule.id for p in importing(project, form).report.errors] == ["konflik_dihapus"]


def _as_old_version(form):
    """The form as the previous version wrote it: no base sheet, versi 1."""
    book = openpyxl.load_workbook(form)
    del book[BASE_SHEET]
    meta = book[META_SHEET]
    next(r for r in meta.iter_rows() if r[0].value == "versi")[1].value = "1"
    book.save(form)


def test_an_old_version_form_refuses_every_prefilled_cell_that_differs_from_today(project, form):
    set_csv(project, DUKCAPIL, {"periode": "2022-S1"}, "jumlah", "190600")
    _as_old_version(form)
    before = tree_digest(project / "datasets")
    result = importing(project, form)
    (problem,) = result.report.errors
    assert (problem.rule.id, problem.row, problem.column, problem.value) == (
        "formulir_lama", 3, "jumlah", "190523")
    assert "190600" in problem.texts("id")[0] and "`monografi formulir`" in problem.texts()[1]
    assert tree_digest(project / "datasets") == before


def test_an_old_version_form_still_adds_new_rows(project, form):
    book = openpyxl.load_workbook(form)
    fresh = find_row(book[DUKCAPIL], periode="2025")
    fresh["periode"].value, fresh["jumlah"].value, fresh["sumber"].value = "2025-S1", 201234, "S7"
    book.save(form)
    _as_old_version(form)
    result = importing(project, form)
    assert result.ok and result.added == [(DUKCAPIL, (KLARI, "2025-S1", "S7"))]


def test_reimporting_a_filled_form_is_a_no_op(project, form):
    edit(form, DUKCAPIL, {"periode": "2022-S2"}, "jumlah", 195500)
    assert importing(project, form).written == [f"{DUKCAPIL}.csv"]
    after = tree_digest(project / "datasets")
    again = importing(project, form)
    assert again.ok and again.written == [] and again.changed == []
    assert tree_digest(project / "datasets") == after


# --- all or nothing -------------------------------------------------------------------------


def _two_file_form(form):
    edit(form, DUKCAPIL, {"periode": "2022-S2"}, "jumlah", 195500)
    edit(form, "luas_kecamatan", {"tahun": "2011"}, "luas_km2", 72.8)
    return ["luas_kecamatan.csv", f"{DUKCAPIL}.csv"]  # the order they are replaced in


def _no_strays(project):
    names = [p.name for p in (project / "datasets").rglob("*")]
    assert not [n for n in names if n.startswith(".") or n.endswith((".tmp", ".pulih"))], names
    assert not Project(project).import_stage.exists()


@pytest.mark.parametrize("failing", [0, 1])
def test_a_file_that_cannot_be_replaced_leaves_every_file_as_it_was(project, form, monkeypatch,
                                                                     failing):
    order = _two_file_form(form)
    before = tree_digest(project / "datasets")
    real = journal.os.replace

    def replace(source, target):  # the file is open in Excel on Windows
        if str(target).endswith(order[failing]):
            raise PermissionError(13, "Permission denied", str(target))
        return real(source, target)

    monkeypatch.setattr(journal.os, "replace", replace)
    result = importing(project, form)
    (problem,) = result.report.errors
    assert (problem.rule.id, problem.value) == ("tulis_gagal", order[failing])
    assert "Tidak ada izin" in problem.texts()[0] and "Excel" in problem.texts()[1]
    assert "Permission denied" not in problem.texts()[0] and "No permission" in problem.texts("en")[0]
    assert result.written == [] and tree_digest(project / "datasets") == before
    _no_strays(project)


def test_a_failed_roll_back_is_finished_by_the_next_import(project, form, monkeypatch):
    order = _two_file_form(form)
    before = tree_digest(project / "datasets")
    real, calls = journal.os.replace, []

    def replace(source, target):  # the second file and then every restore fail
        calls.append(target)
        if str(target).endswith(order[1]) or str(source).endswith(".pulih"):
            raise PermissionError(13, "Permission denied", str(target))
        return real(source, target)

    monkeypatch.setattr(journal.os, "replace", replace)
    result = importing(project, form)
    assert [p.rule.id for p in result.report.errors] == ["tulis_gagal", "impor_terputus"]
    assert tree_digest(project / "datasets") != before  # half-way, but journaled
    monkeypatch.setattr(journal.os, "replace", real)
    untouched = write_form(catalog_of(project), KLARI, form.parent / "baru.xlsx")
    result = importing(project, untouched)
    assert result.ok and [p.rule.id for p in result.report.warnings] == ["impor_dipulihkan"]
    assert tree_digest(project / "datasets") == before
    _no_strays(project)


CRASH = """
import os, sys
from pathlib import Path
from monografi import state
from monografi.forms import importer
from monografi.validation.catalog import load_catalog
real = os.replace
def replace(source, target):
    if str(target).endswith(sys.argv[3]):
        os._exit(9)  # killed between the first and the second file
    return real(source, target)
state.os.replace = replace
catalog, _ = load_catalog(Path(sys.argv[1]))
importer.import_form(catalog, Path(sys.argv[2]))
"""


def test_an_import_killed_half_way_is_rolled_back_by_the_next_run(project, form):
    order, before = _kill_half_way(project, form)
    half = tree_digest(project / "datasets")
    assert half[order[0]] != before[order[0]] and half[order[1]] == before[order[1]]
    result = importing(project, write_form(catalog_of(project), KLARI, form.parent / "b.xlsx"))
    assert [(p.rule.id, p.file) for p in result.report.warnings] == [("impor_dipulihkan", order[0])]
    assert tree_digest(project / "datasets") == before
    _no_strays(project)
    assert importing(project, form).written == order  # and the form imports fine afterwards


def _kill_half_way(project, form) -> tuple[list[str], dict]:
    """An import killed between its first and second file; the tree as it was before it."""
    order = _two_file_form(form)
    before = tree_digest(project / "datasets")
    killed = subprocess.run([sys.executable, "-c", CRASH, str(project / "datasets"), str(form),
                             order[1]], cwd=REPO, capture_output=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    assert tree_digest(project / "datasets") != before
    return order, before


@pytest.mark.parametrize("command", [
    ["check"],
    ["formulir", "--kecamatan", KLARI, "--keluar", "baru.xlsx"],
    pytest.param(["--jobs", "1", "build"], marks=pytest.mark.slow),
])
def test_no_command_reads_half_an_import(project, form, command, capsys, monkeypatch):
    """check, formulir and the build roll a killed import back (under the lock) before reading."""
    order, before = _kill_half_way(project, form)
    monkeypatch.chdir(project)
    assert commands.main(["--quiet", "--proyek", str(project), *command]) == 0
    assert tree_digest(project / "datasets") == before
    _no_strays(project)
    if command[0] != "formulir":  # formulir shows problems only when it refuses
        out = capsys.readouterr().out
        assert order[0] in out and "impor_dipulihkan" in out


def test_a_half_done_import_never_overwrites_a_later_hand_edit(project, form, monkeypatch):
    order = _two_file_form(form)
    real = journal.os.replace

    def replace(source, target):
        if str(target).endswith(order[1]):
            raise KeyboardInterrupt  # and the roll-back cannot run either
        return real(source, target)

    monkeypatch.setattr(journal.os, "replace", replace)
    monkeypatch.setattr(journal, "_roll_back", lambda *a: (_ for _ in ()).throw(OSError("busy")))
    with pytest.raises(KeyboardInterrupt):
        importing(project, form)
    monkeypatch.undo()
    append_line(project, order[0].removesuffix(".csv"), f"{KLARI},2024,S3,70,")  # a hand edit
    edited = tree_digest(project / "datasets")
    result = importing(project, form)
    assert [(p.rule.id, p.file) for p in result.report.errors] == [("impor_terputus_diubah", order[0])]
    assert tree_digest(project / "datasets") == edited


def test_a_concurrent_import_waits_and_merges_onto_the_first_ones_result(project, form):
    edit(form, DUKCAPIL, {"periode": "2022-S2"}, "jumlah", 195500)
    state = Project(project).state
    results = []
    with build_lock(state):  # the first import (or a build) is running
        waiting = threading.Thread(target=lambda: results.append(importing(project, form)))
        waiting.start()
        time.sleep(0.5)
        assert not results  # it waits instead of reading the old file
        append_line(project, DUKCAPIL, f"{KLARI},2025-S1,201234,,S7,")  # the first one's row
    waiting.join(60)
    (result,) = results
    assert result.ok, result.report.format_text()
    text = (project / "datasets" / f"{DUKCAPIL}.csv").read_text(encoding="utf-8")
    assert f"{KLARI},2025-S1,201234,,S7," in text and f"{KLARI},2022-S2,195500" in text


def test_a_busy_lock_after_waiting_is_a_message(project, form):
    with build_lock(Project(project).state):
        result = importing(project, form, wait=0.2)
    assert [p.rule.id for p in result.report.errors] == ["impor_sibuk"]


def test_an_unwritable_state_folder_is_a_message_not_a_traceback(project, form):
    (project / ".monografi").write_text("not a folder", encoding="utf-8")
    edit(form, DUKCAPIL, {"periode": "2022-S2"}, "jumlah", 195500)
    before = tree_digest(project / "datasets")
    result = importing(project, form)
    assert [p.rule.id for p in result.report.errors] == ["tulis_gagal"]
    assert tree_digest(project / "datasets") == before


# --- messages staff can act on --------------------------------------------------------------


def test_a_renamed_sheet_names_the_sheet_and_the_command(project, form):
    book = openpyxl.load_workbook(form)
    book["luas_kecamatan"].title = "Luas"
    book.save(form)
    (problem,) = importing(project, form).report.errors
    assert (problem.rule.id, problem.value) == ("formulir_lembar", "luas_kecamatan")
    assert f"monografi formulir --kecamatan {KLARI}" in problem.texts()[1]


@pytest.mark.parametrize(("cell", "value", "column", "code"), [
    ("D2", "jumlahh", "D", "jumlahh"),  # renamed
    ("D2", None, None, "jumlah"),  # cleared
    ("E2", "jumlah", "E", "jumlah"),  # duplicated over another code
])
def test_an_edited_codes_row_names_the_cell_and_the_command(project, form, cell, value, column,
                                                            code):
    book = openpyxl.load_workbook(form)
    book[DUKCAPIL][cell] = value
    book.save(form)
    problems = importing(project, form).report.errors
    assert all(p.rule.id == "formulir_kode" and p.row == 2 for p in problems)
    assert (column, code) in [(p.column, p.value) for p in problems]
    assert f"--kecamatan {KLARI}" in problems[0].texts()[1]


@pytest.mark.parametrize(("sheet", "cell", "rule", "column"), [
    (DUKCAPIL, "H4", "di_luar_tabel", "H"),
    ("luas_desa", "Z3", "di_luar_tabel", "Z"),
    (DUKCAPIL, "B4", "kolom_bantuan", "#nama"),
    ("luas_desa", "B3", "kolom_bantuan", "#nama"),
])
def test_values_typed_where_they_would_not_be_imported_are_reported(desa_project, form, sheet,
                                                                    cell, rule, column):
    book = openpyxl.load_workbook(form)
    book[sheet][cell] = 1234
    book.save(form)
    (problem,) = importing(desa_project, form).report.errors
    assert (problem.rule.id, problem.file, problem.row, problem.column, problem.value) == (
        rule, f"formulir.xlsx › {sheet}", int(cell[1:]), column, "1234")


def test_a_right_name_on_an_added_row_is_fine_and_a_stray_sheet_is_a_warning(project, form):
    book = openpyxl.load_workbook(form)
    book["luas_desa"].append([DESA, "Desa Walahar", "2024", "S3", 4.5])
    book.create_sheet("Hitungan")["A1"] = "coretan"
    book.save(form)
    result = importing(project, form)
    assert result.ok, result.report.format_text()
    assert [p.rule.id for p in result.report.warnings] == ["lembar_lain"]
    assert result.added == [("luas_desa", (DESA, "2024", "S3"))]


@pytest.mark.parametrize(("sheet", "match", "column"), [
    (DUKCAPIL, {"periode": "2022-S2"}, "jumlah"),
    ("luas_desa", {"tahun": "2020"}, "luas_km2"),
    (DUKCAPIL, {"periode": "2022-S2"}, "catatan"),
])
def test_a_formula_without_a_saved_value_says_so_instead_of_required(desa_project, form, sheet,
                                                                     match, column):
    edit(form, sheet, match, column, "=SUM(1,2)")  # openpyxl, like many tools, saves no result
    errors = importing(desa_project, form).report.errors
    assert [(p.rule.id, p.column) for p in errors] == [("rumus_tanpa_nilai", column)]
    message = " ".join(errors[0].texts())
    assert "rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel/LibreOffice, atau ketik " \
           "angkanya" in message and "wajib" not in message


@pytest.mark.parametrize("typed", [10**20, "100000000000000000000", 1e20, -(2**63) - 1])
def test_an_integer_beyond_64_bits_is_refused_at_its_cell(project, form, typed):
    edit(form, DUKCAPIL, {"periode": "2022-S2"}, "jumlah", typed)
    before = tree_digest(project / "datasets")
    (problem,) = importing(project, form).report.errors
    assert (problem.rule.id, problem.row, problem.column) == ("maksimum", 4, "jumlah")
    assert tree_digest(project / "datasets") == before


def test_openpyxl_warnings_never_reach_staff(project, form, tmp_path):
    edit(form, DUKCAPIL, {"periode": "2022-S2"}, "jumlah", 195500)
    bare = tmp_path / "ekstensi.xlsx"  # an extension openpyxl drops, warning in English
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(bare, "w") as out:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</worksheet>", b'<extLst><ext uri="{X}"/></extLst></worksheet>')
            out.writestr(entry, data)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        openpyxl.load_workbook(bare)
        assert seen, "the fixture must make openpyxl warn"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        result = importing(project, bare)
    assert result.ok and not seen


def test_command_line_conflict_is_exit_1_with_all_three_values(project, form, capsys):
    set_csv(project, DUKCAPIL, {"periode": "2022-S1"}, "jumlah", "190600")
    edit(form, DUKCAPIL, {"periode": "2022-S1"}, "jumlah", 190700)
    code = commands.main(["--proyek", str(project), "impor", str(form)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert all(v in err for v in ("190523", "190600", "190700", "baris 3", "kolom jumlah"))
    assert "tidak ada berkas di datasets/ yang diubah" in err
