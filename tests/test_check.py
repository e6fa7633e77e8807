"""Each bad-input class: refused, with file, spreadsheet row, column, value and a fix."""

import json

import pytest

from monografi.validation.check import validate_datasets
from tests.helpers import append_line, resource_of, set_cell


def problems_of(project):
    _, report = validate_datasets(project / "datasets")
    return report


def only(report, rule):
    found = [p for p in report.errors if p.rule.id == rule]
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
    assert any(p.rule.id == "data_pribadi" and p.column == "nik" for p in report.errors)


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
    assert any(p.file == "luas_desa.csv" and p.row == 1 and p.rule.id.startswith("judul_kolom")
               for p in report.errors), report.format_text()


def test_report_lists_every_problem_grouped_by_file(project):
    set_cell(project, "luas_kecamatan", 3, "luas_km2", "abc")
    set_cell(project, "penduduk_kecamatan", 2, "jumlah", "x")
    report = problems_of(project)
    text = report.format_text("id")
    assert "== luas_kecamatan.csv ==" in text and "== penduduk_kecamatan.csv ==" in text
    assert "baris 3, kolom luas_km2" in text
    assert "row 3, column luas_km2" in report.format_text("en")


def test_kecamatan_name_typed_instead_of_code_suggests_the_code(project):
    row = append_line(project, "penduduk_dukcapil_kecamatan", "klari,2024-S1,1000,,S7,")
    report = problems_of(project)
    problem = only(report, "kode_tidak_dikenal")
    assert (problem.row, problem.column, problem.value) == (row, "kode_kecamatan", "klari")
    assert "maksud Anda '32.15.05' (Klari)?" in problem.texts("id")[1]
    assert "did you mean '32.15.05' (Klari)?" in problem.texts("en")[1]
    assert "maksud Anda '32.15.05'" in only(report, "pola").texts("id")[1]


def test_mistyped_desa_code_suggests_the_closest(project):
    set_cell(project, "luas_desa", 2, "kode_desa", "32.1501.1001")
    problem = only(problems_of(project), "kode_tidak_dikenal")
    assert problem.row == 2 and "maksud Anda '32.15.01.1001' (Karawang Kulon)?" in problem.texts("id")[1]


@pytest.mark.parametrize(("resource", "column", "value"), [
    ("penduduk_dukcapil_kecamatan", "periode", "2024-S3"),
    ("penduduk_dukcapil_kecamatan", "periode", "S1-2024"),
    ("luas_kecamatan", "tahun", "24"),
])
def test_period_patterns_show_an_example(project, resource, column, value):
    set_cell(project, resource, 2, column, value)
    problem = only(problems_of(project), "pola")
    assert (problem.row, problem.column, problem.value) == (2, column, value)
    assert ("2024-S1" if column == "periode" else "2024") in problem.texts("id")[1]


def test_school_year_must_be_two_consecutive_years(project):
    ok = append_line(project, "sekolah_kecamatan", "32.15.05,2023/2024,SD/MI,10,2,,,S7,uji sintetis")
    bad = append_line(project, "sekolah_kecamatan", "32.15.05,2023/2025,SMP/MTs,3,1,,,S7,uji sintetis")
    report = problems_of(project)
    problem = only(report, "aturan_baris")
    assert (problem.file, problem.row) == ("sekolah_kecamatan.csv", bad) and ok != bad
    assert "berurutan" in problem.texts("id")[0] and "consecutive" in problem.texts("en")[0]
    assert len(report.errors) == 1


@pytest.mark.parametrize("value", ["0812-3456-7890", "+62 812 3456 7890", "628123456789",
                                   "KK 3215010101010001", "surel: staf.klari@gmail.com"])
def test_more_personal_data_shapes_are_refused(project, value):
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "catatan", value)
    problem = only(problems_of(project), "data_pribadi")
    assert (problem.file, problem.row, problem.column) == ("penduduk_dukcapil_kecamatan.csv", 3,
                                                           "catatan")
    assert "tidak boleh diterbitkan" in problem.texts("id")[1]


def test_figures_like_population_are_not_mistaken_for_personal_data(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "catatan", "naik 2.572.553 jiwa; 0,8 %")
    assert problems_of(project).ok


@pytest.mark.parametrize("column", ["no_kk", "email", "nomor_telepon"])
def test_personal_data_columns_are_refused(project, column):
    path = project / "datasets" / "penduduk_dukcapil_kecamatan.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("catatan", column, 1), encoding="utf-8")
    assert any(p.rule.id == "data_pribadi" and p.column == column and p.row == 1
               for p in problems_of(project).errors)


def test_json_report_is_machine_readable(project):
    set_cell(project, "luas_kecamatan", 3, "luas_km2", "abc")
    data = json.loads(problems_of(project).format_json("en"))
    assert data["sah"] is False and data["galat"] == 1 and data["peringatan"] == 0
    [item] = data["masalah"]
    assert (item["berkas"], item["baris"], item["kolom"], item["nilai"], item["aturan"]) == (
        "luas_kecamatan.csv", 3, "luas_km2", "abc", "tipe")
    assert "not a valid number" in item["pesan"] and item["perbaikan"]


def test_github_annotations_point_at_the_csv_line(project):
    set_cell(project, "luas_kecamatan", 3, "luas_km2", "1,5")
    lines = problems_of(project).format_github("id").splitlines()
    assert lines[0].startswith("::error file=datasets/luas_kecamatan.csv,line=3,title=tipe (luas_km2)::")
    assert "'1,5'" in lines[0] and "%0A" not in lines[0]
    assert lines[-1].startswith("1 galat")
