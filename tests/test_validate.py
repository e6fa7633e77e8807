"""Each bad-input class: refused, with file, spreadsheet row, column, value and a fix."""

import json

import pytest

from monografi.validate import validate_datasets
from tests.helpers import append_line, resource_of, set_cell


def problems_of(project):
    _, report = validate_datasets(project / "datasets")
    return report


def only(report, rule):
    found = [p for p in report.errors if p.rule == rule]
    assert found, report.format_text()
    return found[0]


def test_bundled_karawang_data_are_valid(project):
    report = problems_of(project)
    assert report.ok, report.format_text()
    assert report.problems == []


def test_wrong_type_names_file_row_column_and_value(project):
    set_cell(project, "luas_kecamatan", 3, "luas_km2", "97,73")
    problem = only(problems_of(project), "tipe")
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "luas_kecamatan.csv", 3, "luas_km2", "97,73")
    message, fix = problem.texts("id")
    assert "97,73" in message and "angka" in message
    assert "titik" in fix
    message_en, _ = problem.texts("en")
    assert "not a valid number" in message_en


def test_thousand_separator_in_integer_is_refused_not_misread(project):
    set_cell(project, "penduduk_kecamatan", 2, "jumlah", "155.471")
    problem = only(problems_of(project), "tipe")
    assert (problem.row, problem.column, problem.value) == (2, "jumlah", "155.471")


def test_duplicate_primary_key(project):
    row = append_line(project, "luas_kecamatan", "32.15.02,2011,S3,1.5,")
    problem = only(problems_of(project), "kunci_ganda")
    assert problem.file == "luas_kecamatan.csv" and problem.row == row
    assert "32.15.02" in problem.value
    assert "kode_kecamatan + tahun + sumber" in problem.texts("id")[1]


def test_unknown_kecamatan_code_suggests_the_closest(project):
    row = append_line(project, "penduduk_dukcapil_kecamatan", "32.15.55,2024-S1,1000,,S7,")
    problem = only(problems_of(project), "kode_tidak_dikenal")
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "penduduk_dukcapil_kecamatan.csv", row, "kode_kecamatan", "32.15.55")
    message, fix = problem.texts("id")
    assert "kecamatan" in message and "maksud Anda" in fix


def test_negative_value_breaks_minimum(project):
    set_cell(project, "penduduk_kecamatan", 2, "jumlah", "-5")
    problem = only(problems_of(project), "minimum")
    assert (problem.row, problem.column) == (2, "jumlah")


def test_missing_required_value(project):
    set_cell(project, "luas_kecamatan", 4, "luas_km2", "")
    problem = only(problems_of(project), "wajib")
    assert (problem.row, problem.column) == (4, "luas_km2")


def test_period_pattern(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 2, "periode", "2024 S1")
    problem = only(problems_of(project), "pola")
    assert problem.column == "periode" and problem.value == "2024 S1"


def test_enum_lists_the_choices(project):
    set_cell(project, "desa", 2, "jenis", "Kelurahan ")
    problem = only(problems_of(project), "pilihan")
    assert "desa" in problem.texts("id")[1] and "kelurahan" in problem.texts("id")[1]


def test_row_rule_declared_in_the_package(project):
    set_cell(project, "penduduk_kecamatan", 4, "laki_laki", "77000")
    problem = only(problems_of(project), "aturan_baris")
    assert problem.file == "penduduk_kecamatan.csv" and problem.row == 4
    rule = resource_of(_package(project), "penduduk_kecamatan")["monografi"]["aturan_baris"][0]
    assert rule["pesan"] in problem.texts("id")[0]


def _package(project):
    return json.loads((project / "datasets" / "datapackage.json").read_text(encoding="utf-8"))


def test_unknown_source_id(project):
    set_cell(project, "luas_kecamatan", 2, "sumber", "S99")
    problem = only(problems_of(project), "sumber_tidak_dikenal")
    assert (problem.row, problem.column, problem.value) == (2, "sumber", "S99")
    assert "S3" in problem.texts("id")[1]


@pytest.mark.parametrize(("value", "label"), [
    ("3215011203900001", "NIK"),
    ("kontak: camat@example.go.id", "surel"),
    ("hubungi 081234567890", "telepon"),
])
def test_personal_data_is_refused(project, value, label):
    set_cell(project, "luas_kecamatan", 2, "catatan", value)
    problem = only(problems_of(project), "data_pribadi")
    assert (problem.row, problem.column) == (2, "catatan")
    assert label in problem.texts("id")[0]


def test_personal_data_column_is_refused(project):
    path = project / "datasets" / "kabupaten.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("nama_provinsi", "nik")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = problems_of(project)
    assert any(p.rule == "data_pribadi" and p.column == "nik" for p in report.errors)


def test_desa_code_must_sit_under_its_kecamatan(project):
    set_cell(project, "desa", 2, "kode_kecamatan", "32.15.02")
    problem = only(problems_of(project), "kode_induk")
    assert problem.column == "kode_desa" and problem.row == 2


def test_jenis_must_match_the_code(project):
    set_cell(project, "desa", 2, "jenis", "desa")  # 32.15.01.1001 is a kelurahan
    problem = only(problems_of(project), "jenis_desa")
    assert (problem.row, problem.column, problem.value) == (2, "jenis", "desa")


def test_renamed_header_is_reported(project):
    path = project / "datasets" / "luas_desa.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("luas_km2", "luas", 1), encoding="utf-8")
    report = problems_of(project)
    assert any(p.file == "luas_desa.csv" and p.row == 1 and p.rule.startswith("judul_kolom")
               for p in report.errors), report.format_text()


def test_report_lists_every_problem_grouped_by_file(project):
    set_cell(project, "luas_kecamatan", 3, "luas_km2", "abc")
    set_cell(project, "penduduk_kecamatan", 2, "jumlah", "x")
    report = problems_of(project)
    text = report.format_text("id")
    assert "== luas_kecamatan.csv ==" in text and "== penduduk_kecamatan.csv ==" in text
    assert "baris 3, kolom luas_km2" in text
    assert "row 3, column luas_km2" in report.format_text("en")
