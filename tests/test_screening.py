"""Screened (column-wise) validation of large tables reports exactly what row-by-row does."""

import sys

import pytest
from conftest import REPO

from monografi.validation import screening
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from monografi.validation.dialect import read
from tests.helpers import append_line, set_cell

sys.path.insert(0, str(REPO / "bench"))

from check_besar import write_table  # noqa: E402

ROWS = 6000
DESA = "penduduk_desa"


def everything(report):
    return sorted((p.file, p.rule, p.row, p.column, p.value, p.severity, *p.texts("id"),
                   *p.texts("en")) for p in report.problems)


def both_paths(project, monkeypatch):
    """(row-by-row report, screened report, rows Frictionless saw per screened table)."""
    monkeypatch.setattr(screening, "LARGE_ROWS", 10**9)
    plain = validate_datasets(project / "datasets")[1]
    monkeypatch.setattr(screening, "LARGE_ROWS", 0)
    screened = validate_datasets(project / "datasets")[1]
    catalog, _ = load_catalog(project / "datasets")
    kept = screening.rows_to_validate(catalog, {s.name: read(s) for s in catalog.resources})
    return plain, screened, kept


@pytest.fixture
def large(project):
    write_table(project / "datasets", ROWS)
    return project


# (column, typed) on a data row of the large table, one damage class each
DAMAGES = [
    ("jumlah", "-5"), ("laki_laki", "1"), ("kode_desa", "32.15.01.9999"),
    ("kode_desa", "32.15.01"), ("jenis_angka", "Proyeksi"), ("tahun", "20x4"), ("jumlah", ""),
    ("sumber", ""), ("sumber", "S99"), ("jumlah", "1e3"), ("jumlah", "１２"), ("jumlah", "12.5"),
    ("jumlah", "abc"), ("perempuan", ""), ("kode_desa", "32.15.02.2001"),
    ("laki_laki", "9223372036854775807"), ("catatan", "hubungi 081234567890"),
]


def test_every_damage_class_is_reported_identically(large, monkeypatch):
    for number, (column, typed) in enumerate(DAMAGES):
        set_cell(large, DESA, 10 + 97 * number, column, typed)
    set_cell(large, DESA, 3000, "tahun", "1000")  # duplicate primary key of row 2
    append_line(large, DESA, "32.15.01.1001,1001,proyeksi,1,2,3,S6,,x")  # extra cell + dup key
    append_line(large, DESA, "32.15.01.1003,9999,proyeksi,1,2")  # missing cells
    append_line(large, DESA, ",,,,,,,")  # blank row
    append_line(large, DESA, "32.15.01.1005,9998,sensus,,,17,S6,")
    plain, screened, kept = both_paths(large, monkeypatch)
    assert not plain.ok and len(plain.errors) >= len(DAMAGES)
    assert everything(screened) == everything(plain)
    assert DESA in kept and len(kept[DESA]) < 100  # Frictionless saw only the doubtful rows


def test_clean_large_table_is_valid_on_both_paths_and_barely_revalidated(large, monkeypatch):
    plain, screened, kept = both_paths(large, monkeypatch)
    assert plain.ok and everything(screened) == everything(plain)
    assert kept[DESA] == []


SMALL_DAMAGES = [
    ("luas_kecamatan", 3, "luas_km2", "-0.5"), ("luas_kecamatan", 4, "luas_km2", "0"),
    ("luas_kecamatan", 5, "tahun", "11"), ("luas_kecamatan", 6, "kode_kecamatan", "32.15.99"),
    ("penduduk_kecamatan", 2, "jumlah", "-1"), ("penduduk_kecamatan", 3, "laki_laki", "5"),
    ("penduduk_dukcapil_kecamatan", 2, "periode", "2024 S1"),
]


def test_small_tables_screened_report_the_same(project, monkeypatch):
    for resource, row, column, typed in SMALL_DAMAGES:
        set_cell(project, resource, row, column, typed)
    for line in ("32.15.01,2023/2024,SD/MI,1,2,3,4,S6,", "32.15.01,2023/2025,SD/MI,1,2,3,4,S6,",
                 "32.15.01,2023/2024,SD/MI,1,,,,S6,", "32.15.02,20232024,SMP/MTs,,,,,S6,",
                 "32.15.03,2023/2024,SMA,,,,,S6,", "32.15.77,2023/2024,TK/RA,,,-3,,S6,"):
        append_line(project, "sekolah_kecamatan", line)
    plain, screened, kept = both_paths(project, monkeypatch)
    assert len(plain.errors) >= len(SMALL_DAMAGES) + 5
    assert everything(screened) == everything(plain)
    assert {"luas_kecamatan", "penduduk_kecamatan", "sekolah_kecamatan"} <= set(kept)
    assert "kecamatan" not in kept and "desa" not in kept  # looked up by foreign keys


@pytest.mark.parametrize("formula", [
    "laki_laki + perempuan == jumlah", "not (jumlah < 0)", "jumlah - laki_laki >= perempuan",
    "laki_laki is not None and laki_laki * 2 <= jumlah * 2", "int(tahun[0:2]) >= 10",
    "tahun[2:4] != '99'", "jumlah > 0 or catatan is None",
])
def test_row_formulas_are_screened_identically(large, monkeypatch, formula):
    import json
    path = large / "datasets" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == DESA)
    resource["monografi"]["aturan_baris"] = [{"rumus": formula, "pesan": "p", "message": "m"}]
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    for row, column, typed in ((5, "laki_laki", ""), (6, "jumlah", "0"), (7, "tahun", "1099"),
                               (8, "perempuan", "999999"), (9, "catatan", "x")):
        set_cell(large, DESA, row, column, typed)
    plain, screened, kept = both_paths(large, monkeypatch)
    assert everything(screened) == everything(plain)
    assert DESA in kept
