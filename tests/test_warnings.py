"""Warnings declared in the package: shown with the place and a fix, never failing a build."""

import json

from monografi.validation.check import validate_datasets
from tests.helpers import append_line, edit_package, set_cell


def warnings_of(project):
    _, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    return report, report.warnings


def test_bundled_data_has_no_warnings(project):
    assert warnings_of(project)[1] == []


def test_jump_of_more_than_half_from_previous_period_warns(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "jumlah", "17166")  # a digit lost
    report, warnings = warnings_of(project)
    [warning] = warnings
    assert (warning.file, warning.row, warning.column, warning.value, warning.rule.id) == (
        "penduduk_dukcapil_kecamatan.csv", 3, "jumlah", "17166", "perubahan_besar")
    message, fix = warning.texts("id")
    assert "168700 (2022-S2)" in message and "-90 %" in message and "50 %" in message
    assert "catatan" in fix
    text = report.format_text("id")
    assert "PERINGATAN: baris 3, kolom jumlah" in text and text.endswith("Semua data sah.")


def test_threshold_comes_from_the_package(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "jumlah", "17166")
    edit_package(project, lambda d: d["monografi"]["peringatan"].update(perubahan_maks=0.95))
    assert warnings_of(project)[1] == []


def _kecamatan_with_every_desa(project, code, figures):
    """Synthetic test figures: a population row for every desa of one kecamatan."""
    desa = [line.split(",")[0] for line in
            (project / "datasets" / "desa.csv").read_text(encoding="utf-8").splitlines()[1:]
            if line.split(",")[3] == code]
    for kode, jumlah in zip(desa, figures, strict=False):
        append_line(project, "penduduk_desa", f"{kode},2030,proyeksi,,,{jumlah},S6,uji sintetis")
    return len(desa)


def test_kecamatan_total_differing_from_its_desa_warns(project):
    count = _kecamatan_with_every_desa(project, "32.15.04", [1000] * 20)
    row = append_line(project, "penduduk_kecamatan", "32.15.04,2030,proyeksi,,,5,S6,uji sintetis")
    [warning] = warnings_of(project)[1]
    assert (warning.rule.id, warning.file, warning.row, warning.column) == (
        "jumlah_desa", "penduduk_kecamatan.csv", row, "jumlah")
    assert f"{1000 * count}" in warning.texts("id")[0] and "penduduk_desa" in warning.texts("id")[0]


def test_matching_total_and_incomplete_desa_do_not_warn(project):
    count = _kecamatan_with_every_desa(project, "32.15.04", [1000] * 20)
    append_line(project, "penduduk_kecamatan", f"32.15.04,2030,proyeksi,,,{1000 * count},S6,uji")
    _kecamatan_with_every_desa(project, "32.15.05", [10])  # only one desa: nothing to compare
    append_line(project, "penduduk_kecamatan", "32.15.05,2030,proyeksi,,,5,S6,uji sintetis")
    assert warnings_of(project)[1] == []


def test_consistency_rule_is_declared_in_the_package(project):
    package = json.loads((project / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    rule = next(r for r in package["resources"] if r["name"] == "penduduk_kecamatan")
    assert rule["monografi"]["jumlah_desa"]["rinci"] == "penduduk_desa"


def test_dot_grouped_looking_decimal_is_flagged_not_refused(project):
    set_cell(project, "luas_kecamatan", 2, "luas_km2", "40.570")  # synthetic: 40.57 or 40570?
    [warning] = [w for w in warnings_of(project)[1] if w.rule.id == "angka_ambigu"]
    assert (warning.file, warning.row, warning.column, warning.value) == (
        "luas_kecamatan.csv", 2, "luas_km2", "40.570")
    assert "40570" in warning.texts("id")[1]
