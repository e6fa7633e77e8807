"""The command as staff and CI run it: exit codes, messages, and the site left alone."""

import subprocess
import sys

import openpyxl

from tests.conftest import REPO, tree_digest
from tests.helpers import append_line, set_cell


def run(project, *args):
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--proyek", str(project), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_help_documents_the_commands():
    result = run(REPO, "--help")
    assert result.returncode == 0
    for word in ("build", "check", "formulir", "impor", "serve", "--lang", "Kode keluar", "2  salah"):
        assert word in result.stdout


def test_check_on_bundled_data_exits_zero(project):
    result = run(project, "check")
    assert result.returncode == 0 and "Semua data sah" in result.stdout


def test_broken_dataset_fails_with_exit_1_and_leaves_the_site_untouched(project):
    first = run(project)
    assert first.returncode == 0, first.stderr
    before = tree_digest(project / "output")
    set_cell(project, "luas_kecamatan", 5, "luas_km2", "dua puluh")
    row = append_line(project, "luas_kecamatan", "32.15.02,2011,S3,1.5,")
    append_line(project, "penduduk_dukcapil_kecamatan", "32.15.99,2024-S1,100,,S7,")
    result = run(project)
    assert result.returncode == 1
    assert "luas_kecamatan.csv" in result.stderr and "baris 5, kolom luas_km2" in result.stderr
    assert f"baris {row}" in result.stderr
    assert "penduduk_dukcapil_kecamatan.csv" in result.stderr and "32.15.99" in result.stderr
    assert "situs yang sudah terbit tidak diubah" in result.stderr
    assert tree_digest(project / "output") == before


def test_english_messages(project):
    set_cell(project, "luas_kecamatan", 5, "luas_km2", "x")
    result = run(project, "--lang", "en", "check")
    assert result.returncode == 1 and "row 5, column luas_km2" in result.stdout
    assert "is not a valid number" in result.stdout


def test_unknown_command_is_a_usage_error():
    assert run(REPO, "terbangkan").returncode == 2


def test_serve_without_a_site_is_a_usage_error(tmp_path):
    result = run(tmp_path, "serve")
    assert result.returncode == 2 and "python build.py" in result.stderr


def test_check_formats_and_exit_codes(project):
    set_cell(project, "luas_kecamatan", 5, "luas_km2", "1,5")
    github = run(project, "check", "--format", "github")
    assert github.returncode == 1
    assert "::error file=datasets/luas_kecamatan.csv,line=5,title=tipe (luas_km2)::" in github.stdout
    as_json = run(project, "--lang", "en", "check", "--format", "json")
    assert as_json.returncode == 1 and '"baris": 5' in as_json.stdout


def test_broken_package_description_is_a_configuration_error(project):
    (project / "datasets" / "datapackage.json").write_text("{ rusak", encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 2 and "datapackage.json" in result.stdout


def test_damaged_csv_gives_messages_not_a_traceback(project):
    path = project / "datasets" / "desa.csv"
    path.write_bytes(path.read_bytes()[:500] + b"\xff\xfe\x00binary")
    result = run(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "desa.csv" in result.stdout


def test_warnings_are_shown_but_do_not_fail(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "jumlah", "17166")
    result = run(project, "check")
    assert result.returncode == 0 and "PERINGATAN" in result.stdout
    assert result.stdout.strip().endswith("Semua data sah.")


def test_form_and_import_from_the_command_line(project, tmp_path):
    form = tmp_path / "klari.xlsx"
    made = run(project, "formulir", "--kecamatan", "32.15.05", "--periode", "2025",
               "--keluar", str(form))
    assert made.returncode == 0 and "Klari" in made.stdout and form.is_file()
    book = openpyxl.load_workbook(form)
    sheet = book["penduduk_dukcapil_kecamatan"]
    sheet["D3"], sheet["D5"], sheet["F5"], sheet["C5"] = 190600, 201000, "S7", "2025-S1"
    book.save(form)
    result = run(project, "impor", str(form))
    assert result.returncode == 0, result.stderr
    assert "190523 → 190600" in result.stdout and "+ penduduk_dukcapil_kecamatan: 32.15.05 / 2025-S1" \
        in result.stdout
    assert run(project, "check").returncode == 0


def test_form_for_a_name_suggests_the_code(project, tmp_path):
    result = run(project, "formulir", "--kecamatan", "Klari", "--keluar", str(tmp_path / "x.xlsx"))
    assert result.returncode == 2 and "maksud Anda '32.15.05' (Klari)?" in result.stderr


def test_import_refusal_is_exit_1_and_changes_nothing(project, tmp_path):
    form = tmp_path / "klari.xlsx"
    run(project, "formulir", "--kecamatan", "32.15.05", "--keluar", str(form))
    book = openpyxl.load_workbook(form)
    book["penduduk_dukcapil_kecamatan"]["D3"] = -1
    book.save(form)
    before = tree_digest(project / "datasets")
    result = run(project, "impor", str(form))
    assert result.returncode == 1 and "tidak ada berkas di datasets/ yang diubah" in result.stderr
    assert "klari.xlsx › penduduk_dukcapil_kecamatan" in result.stderr and "baris 3" in result.stderr
    assert tree_digest(project / "datasets") == before
    assert run(project, "impor", str(tmp_path / "tidak-ada.xlsx")).returncode == 2


def test_broken_template_fails_with_a_message_and_keeps_the_site(project):
    assert run(project).returncode == 0
    before = tree_digest(project / "output")
    template = project / "theme" / "templates" / "area.html"
    template.write_text(template.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    result = run(project)
    assert result.returncode == 2
    assert "Situs yang sudah terbit tidak diubah" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project / "output") == before
