"""A million rows stay cheap: checks work per distinct value or column-wise, messages unchanged.

The figures themselves (time, memory at 1 M rows) are measured by bench/check_besar.py; these
tests pin what makes them possible and that the column-wise paths say exactly what the
row-by-row ones said.
"""

from decimal import Decimal

import pytest

from monografi.validation import check, dialect, number_cells, personal_data
from monografi.validation import warnings as warnings_module
from monografi.validation.catalog import load_catalog

NIK = "3215 0512 0356 0001"


def spec_of(project, name):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return catalog, catalog.resource(name)


def repeat_rows(project, name, rows):
    path = project / "datasets" / f"{name}.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def test_equal_cells_share_one_string(project):
    table = dialect.read(spec_of(project, "penduduk_desa")[1])
    for at in range(len(table.header)):
        column = [row[at] for row in table.rows]
        assert len({id(cell) for cell in column}) == len(set(column)), table.header[at]


@pytest.mark.parametrize(("module", "function"), [(number_cells, "problem"),
                                                  (personal_data, "find")])
def test_cell_checks_run_once_per_distinct_value(project, monkeypatch, module, function):
    row = "32.15.01.1001,2023,proyeksi,10,11,21,S6,sama"
    repeat_rows(project, "penduduk_desa", [row] * 500)
    calls = []
    original = getattr(module, function)
    monkeypatch.setattr(module, function, lambda text, *a: calls.append(text) or original(text, *a))
    catalog, spec = spec_of(project, "penduduk_desa")
    table = dialect.read(spec)
    check._monograph_problems(catalog, spec, table)
    assert calls and len(calls) == len(set(calls)) <= len(row.split(","))


def test_a_repeated_value_is_reported_at_every_row_it_is_in(project):
    repeat_rows(project, "penduduk_desa", [
        f"32.15.01.1001,2021,proyeksi,10,11,21,S6,{NIK}",
        "32.15.01.1001,2022,proyeksi,10,11,21,S99,",
        f"32.15.01.1001,2023,proyeksi,10,11,21,S99,{NIK}"])
    catalog, spec = spec_of(project, "penduduk_desa")
    found = check._monograph_problems(catalog, spec, dialect.read(spec))
    assert [(p.rule.id, p.row, p.column, p.value) for p in found] == [
        ("data_pribadi", 2, "catatan", NIK), ("data_pribadi", 4, "catatan", NIK)]
    # Unknown source ids are a foreign key to sumber.csv now: also reported at every row.
    _, report = check.validate_datasets(project / "datasets")
    assert [(p.row, p.value) for p in report.errors if p.rule.id == "sumber_tidak_dikenal"] == [
        (3, "S99"), (4, "S99")]


def test_big_changes_follow_each_series_in_period_order_whatever_the_row_order(project):
    spec = spec_of(project, "penduduk_dukcapil_kecamatan")[1]
    header = ["kode_kecamatan", "periode", "jumlah", "kepadatan_dilaporkan", "sumber", "catatan"]
    rows = [["32.15.02", "2024-S1", "400", "", "S7", ""],
            ["32.15.01", "2024-S1", "100", "", "S7", ""],
            ["32.15.03", "2024-S1", "150", "", "S7", ""],  # exactly +50 %: not above the limit
            ["32.15.02", "2022-S2", "100", "", "S7", ""],
            ["32.15.01", "2022-S2", "300", "", "S7", ""],
            ["32.15.03", "2022-S2", "100", "", "S7", ""],
            ["32.15.01", "2023-S1", "0", "", "S7", ""]]  # 300 → 0 warns, 0 → 100 cannot
    found = warnings_module._big_changes(spec, header, rows, Decimal("0.5"))
    assert [(p.row, p.column, p.value, p.details["sebelum"], p.details["persen"])
            for p in found] == [(2, "jumlah", "400", "100 (2022-S2)", "+300 %"),
                                (8, "jumlah", "0", "300 (2022-S2)", "-100 %")]


def test_desa_sums_are_exact_and_only_for_complete_groups():
    members = {"32.15.01": {"32.15.01.1001", "32.15.01.1002"}}
    header = ["kode_desa", "tahun", "luas_km2"]
    rows = [["32.15.01.1001", "2023", "0.1"], ["32.15.01.1002", "2023", "0.2"],
            ["32.15.01.1001", "2024", "1.5"], ["32.15.01.1002", "2024", "0.25"],
            ["32.15.01.1001", "2025", "0.1"], ["32.15.01.1002", "2025", ""],  # a figure missing
            ["32.15.01.1001", "2026", "1"], ["32.15.01.1002", "2026", "1"],
            ["32.15.01.1009", "2026", "1"]]  # not a desa of the list: the group is not the list
    totals = warnings_module._complete_totals(header, rows, ["tahun"], ["luas_km2"], members)
    assert totals == {("32.15.01", "2023"): {"luas_km2": Decimal("0.3")},
                      ("32.15.01", "2024"): {"luas_km2": Decimal("1.75")}}
    assert 0.1 + 0.2 != 0.3  # why the sums are not floats
