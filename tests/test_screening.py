"""Screened (column-wise) validation of large tables reports exactly what row-by-row does."""

import json
import sys

import pytest
from conftest import REPO

from monografi.validation import screening
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from monografi.validation.dialect import read
from tests.helpers import append_line, edit_package, resource_of, set_cell

sys.path.insert(0, str(REPO / "bench"))

from check_besar import write_table  # noqa: E402

ROWS = 3100  # every size is screened: enough for the rows the damages below reach
DESA = "penduduk_desa"


def everything(report):
    return sorted((p.file, p.rule.id, p.row, p.column, p.value, p.severity, *p.texts("id"),
                   *p.texts("en")) for p in report.problems)


def both_paths(project, monkeypatch):
    """(row-by-row report, screened report, rows Frictionless saw per screened table)."""
    monkeypatch.setattr(screening, "SCREENED_FROM_ROWS", 10**9)
    plain = validate_datasets(project / "datasets")[1]
    monkeypatch.setattr(screening, "SCREENED_FROM_ROWS", 0)
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
    # tables other tables look up keep all their rows: row numbers must not be remapped
    ("desa", 7, "jenis", "dusun"), ("desa", 300, "kode_kecamatan", "32.15.99"),
    ("kecamatan", 4, "kode_bps", ""), ("sumber", 3, "id", "S1"),
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
    assert {"luas_kecamatan", "penduduk_kecamatan", "sekolah_kecamatan", "desa", "kecamatan"} <= set(kept)
    assert {"desa", "kecamatan", "sumber"} <= screening.looked_up(load_catalog(project / "datasets")[0])
    assert {p.file for p in screened.errors} >= {"desa.csv", "kecamatan.csv", "sumber.csv"}


def test_clean_small_tables_are_all_cleared(project):
    """The bundled package: no table is left for Frictionless to read row by row."""
    catalog, _ = load_catalog(project / "datasets")
    kept = screening.rows_to_validate(catalog, {s.name: read(s) for s in catalog.resources})
    assert kept == {spec.name: [] for spec in catalog.resources}


@pytest.mark.parametrize("formula", [
    "laki_laki + perempuan == jumlah", "not (jumlah < 0)", "jumlah - laki_laki >= perempuan",
    "laki_laki is not None and laki_laki * 2 <= jumlah * 2", "int(tahun[0:2]) >= 10",
    "tahun[2:4] != '99'", "jumlah > 0 or catatan is None",
])
def test_row_formulas_are_screened_identically(large, monkeypatch, formula):
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


def _edit_schema(project, name, change):
    path = project / "datasets" / "schemas" / f"{name}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    change(schema)
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def _target_is_integer(project):
    _edit_schema(project, "kecamatan", lambda s: next(
        f for f in s["fields"] if f["name"] == "kode_bps").update(type="integer", constraints={}))
    _edit_schema(project, "penduduk_kecamatan", lambda s: s["foreignKeys"].append(
        {"fields": "catatan", "reference": {"resource": "kecamatan", "fields": "kode_bps"}}))
    set_cell(project, "penduduk_kecamatan", 2, "catatan", "3215113")  # kode_bps of row 2


def _target_cell_is_a_missing_value(project):
    _edit_schema(project, "sumber", lambda s: s.update(missingValues=["", "S99"]))
    set_cell(project, "sumber", 11, "id", "S99")  # read as None: no source S99 exists
    set_cell(project, "penduduk_kecamatan", 2, "sumber", "S99")


def _target_columns_swapped(project):
    path = project / "datasets" / "kecamatan.csv"
    rows = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("".join(",".join([r[1], r[0], *r[2:]]) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("damage", [_target_is_integer, _target_cell_is_a_missing_value,
                                    _target_columns_swapped])
def test_foreign_keys_are_compared_as_frictionless_reads_the_target(project, monkeypatch, damage):
    """A key is cleared by its text only where Frictionless reads both sides as that text."""
    damage(project)
    plain, screened, _ = both_paths(project, monkeypatch)
    assert any(p.file == "penduduk_kecamatan.csv" and p.row == 2 and "tidak_dikenal" in p.rule.id
               for p in plain.errors), plain.format_text()
    assert everything(screened) == everything(plain)


@pytest.mark.parametrize("declared", [{"rows": 3}, {"stats": {"rows": 3}}])
def test_a_declared_row_count_is_compared_with_every_row(project, monkeypatch, declared):
    edit_package(project, lambda d: resource_of(d, "luas_kecamatan").update(declared))
    plain, screened, kept = both_paths(project, monkeypatch)
    assert any(p.file == "luas_kecamatan.csv" for p in plain.errors), plain.format_text()
    assert everything(screened) == everything(plain) and "luas_kecamatan" not in kept
