"""The command as staff and CI run it: exit codes, messages, and the site left alone."""

import subprocess
import sys

from tests.conftest import REPO, tree_digest
from tests.helpers import append_line, set_cell


def run(project, *args):
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--proyek", str(project), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_help_documents_the_commands():
    result = run(REPO, "--help")
    assert result.returncode == 0
    for word in ("build", "check", "serve", "--lang", "Kode keluar"):
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
