"""Every bad-input class: refused with file, row and column, and the published site unchanged."""

import json
import os
import shutil
from pathlib import Path

import pytest

from monografi.publishing.pipeline import build
from monografi.validation.package import MAX_FILE_BYTES
from tests.conftest import copy_built, tree_digest

FIXTURES = Path(__file__).parent / "fixtures" / "rusak"
TARGET = "penduduk_dukcapil_kecamatan.csv"

# fixture → (rule, spreadsheet row, column, text the Indonesian message must contain)
CASES = {
    "titik_koma.csv": ("pemisah_kolom", 1, None, "titik koma"),
    "windows1252.csv": ("pengkodean", 4, None, "caf"),
    "ribuan.csv": ("tipe", 3, "jumlah", "171669"),
    "desimal_koma.csv": ("tipe", 3, "kepadatan_dilaporkan", "4344,5"),
    "nik.csv": ("data_pribadi", 2, "catatan", "NIK"),
    "telepon.csv": ("data_pribadi", 2, "catatan", "telepon"),
    "surel.csv": ("data_pribadi", 2, "catatan", "surel"),
    "kode_tidak_dikenal.csv": ("kode_tidak_dikenal", 5, "kode_kecamatan", "32.15.55"),
    "kunci_ganda.csv": ("kunci_ganda", 9, "kode_kecamatan, periode, sumber", "32.15.05"),
    "periode.csv": ("pola", 6, "periode", "2024 S1"),
    "xlsx_berganti_nama.csv": ("bukan_teks", None, None, "xlsx"),
    "sel_lebih.csv": ("sel_lebih", 7, None, "ekstra"),
}


@pytest.fixture(scope="module")
def published(built_project, tmp_path_factory):
    project = copy_built(built_project, tmp_path_factory.mktemp("aman") / "proyek")
    return project, tree_digest(project / "output"), (project / "datasets" / TARGET).read_bytes()


def assert_refused_and_untouched(project, digest, rule, row, column, text, file=TARGET):
    result = build(project, project / "output")
    assert not result.ok
    problem = next((p for p in result.report.errors if p.rule.id == rule), None)
    assert problem is not None, result.report.format_text()
    assert (problem.file, problem.row, problem.column) == (file, row, column)
    assert text in problem.texts("id")[0] + (problem.value or "")
    assert problem.texts("id")[1] and problem.texts("en")[1]
    assert tree_digest(project / "output") == digest


def test_fixtures_cover_every_case():
    assert sorted(p.name for p in FIXTURES.glob("*.csv")) == sorted(CASES)


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_file_is_refused_and_the_site_is_unchanged(published, fixture):
    project, digest, original = published
    target = project / "datasets" / TARGET
    shutil.copyfile(FIXTURES / fixture, target)
    try:
        assert_refused_and_untouched(project, digest, *CASES[fixture])
    finally:
        target.write_bytes(original)


@pytest.mark.parametrize(("path", "kind"), [("../pelicanconf.py", "path"),
                                            ("https://example.org/data.csv", "path"),
                                            ("tautan.csv", "symlink")])
def test_unsafe_path_is_refused_and_the_site_is_unchanged(published, tmp_path, path, kind):
    project, digest, _ = published
    package = project / "datasets" / "datapackage.json"
    original = package.read_bytes()
    if kind == "symlink":
        secret = tmp_path / "rahasia.csv"
        secret.write_text("kode_kecamatan\n32.15.01\n", encoding="utf-8")
        os.symlink(secret, project / "datasets" / path)
    descriptor = json.loads(original)
    next(r for r in descriptor["resources"] if r["name"] == "luas_desa")["path"] = path
    package.write_text(json.dumps(descriptor), encoding="utf-8")
    try:
        if kind == "symlink":  # refused before the package is read, wherever it is named
            assert_refused_and_untouched(project, digest, "tautan_simbolik", None, None,
                                         "datasets/tautan.csv", file=path)
        else:
            assert_refused_and_untouched(project, digest, "jalur_tidak_aman", None, "path", path,
                                         file="datapackage.json#resources[5]")
    finally:
        package.write_bytes(original)
        (project / "datasets" / "tautan.csv").unlink(missing_ok=True)


def test_oversized_file_is_refused_and_the_site_is_unchanged(published):
    project, digest, original = published
    target = project / "datasets" / TARGET
    with target.open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    try:
        assert_refused_and_untouched(project, digest, "terlalu_besar", None, "path", "50 MB",
                                     file="datapackage.json#resources[10]")
    finally:
        target.write_bytes(original)
