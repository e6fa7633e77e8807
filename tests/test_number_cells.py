"""Numeric cells: whatever `check` accepts, the model can hold; the rest is refused precisely."""

import math

import pytest

from monografi import fmt
from monografi.model.areas import typed_table
from monografi.validation import number_cells
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from monografi.validation.dialect import read_raw
from tests.helpers import set_cell

NUMBER = ("luas_kecamatan", "luas_km2")  # number, minimum 0
INTEGER = ("penduduk_kecamatan", "jumlah")  # integer, minimum 0

# (typed, rule, text the fix must contain)
REFUSED = [
    ("Infinity", "bukan_angka", "kosongkan"), ("inf", "bukan_angka", "kosongkan"),
    ("-Infinity", "bukan_angka", "kosongkan"), ("NaN", "bukan_angka", "kosongkan"),
    ("nan", "bukan_angka", "kosongkan"), ("+INF", "bukan_angka", "kosongkan"),
    ("１２３", "digit_asing", "tulis 123"), ("١٢٣", "digit_asing", "tulis 123"),
    ("۱۲۳", "digit_asing", "tulis 123"), ("१२३", "digit_asing", "tulis 123"),
    ("1e3", "notasi_ilmiah", "tulis 1000"), ("1E3", "notasi_ilmiah", "tulis 1000"),
    ("2.5e3", "notasi_ilmiah", "tulis 2500"),
    ("1" + "0" * 400, "angka_terlalu_besar", "salah ketik"),
    ("1e400", "angka_terlalu_besar", "salah ketik"),
    ("1_000", "tipe", "1234"), ("0x10", "tipe", "1234"), ("²", "tipe", "1234"),
]
INTEGER_ONLY = [("1" + "0" * 20, "angka_terlalu_besar", "salah ketik"),
                ("9223372036854775808", "angka_terlalu_besar", "salah ketik"),
                ("-9223372036854775809", "angka_terlalu_besar", "salah ketik")]


def check(project):
    return validate_datasets(project / "datasets")[1]


def table_of(project, resource):
    catalog, _ = load_catalog(project / "datasets")
    spec = catalog.resource(resource)
    return typed_table(spec, *read_raw(spec))


@pytest.mark.parametrize(("resource", "column"), [NUMBER, INTEGER])
@pytest.mark.parametrize(("typed", "rule", "fix"), REFUSED)
def test_cells_the_build_cannot_hold_are_refused_at_their_place(project, resource, column,
                                                                 typed, rule, fix):
    set_cell(project, resource, 3, column, typed)
    errors = check(project).errors
    assert [(p.file, p.row, p.column, p.value, p.rule.id) for p in errors] == [
        (f"{resource}.csv", 3, column, typed, rule)]  # one problem, never also "minimum"
    message, hint = errors[0].texts("id")
    assert typed in message and fix.replace("1234", "") in hint
    message_en, hint_en = errors[0].texts("en")
    assert typed in message_en and hint_en != hint


@pytest.mark.parametrize(("typed", "rule", "fix"), INTEGER_ONLY)
def test_integers_beyond_64_bits_are_refused(project, typed, rule, fix):
    set_cell(project, *INTEGER[:1], 2, INTEGER[1], typed)
    (problem,) = check(project).errors
    assert (problem.row, problem.column, problem.rule.id) == (2, "jumlah", rule)
    assert fix in problem.texts("id")[1]


def test_nan_is_not_reported_as_below_the_minimum(project):
    set_cell(project, *NUMBER[:1], 2, NUMBER[1], "NaN")
    (problem,) = check(project).errors
    assert "batas bawah" not in problem.texts("id")[0]
    assert "kosongkan sel bila belum ada data" in problem.texts("id")[1]


@pytest.mark.parametrize(("resource", "column"), [NUMBER, INTEGER])
@pytest.mark.parametrize("typed", ["+5", "5", "-0", "007", ".5", "5.", "12.50",
                                   "9223372036854775807", "1" + "0" * 30])
def test_what_check_accepts_the_model_holds_as_a_finite_number(project, resource, column, typed):
    set_cell(project, resource, 2, column, typed)
    report = check(project)
    if report.ok:
        value = table_of(project, resource)[column].iloc[0]
        assert math.isfinite(float(value)) and fmt.angka(value)
    else:  # refused cells are refused by the number rules, never left for the build to find
        number_rules = {"tipe", "minimum", "angka_terlalu_besar", "aturan_baris"}
        assert {p.rule.id for p in report.errors} <= number_rules, report.format_text()


@pytest.mark.parametrize("kind", ["integer", "number"])
@pytest.mark.parametrize("text", ["", "0", "12", "-3", "1.5", "Infinity", "１", "1e3", "1_0",
                                  "10" * 20, "abc", " 1", "1.2.3"])
def test_valid_means_plain_ascii_and_storable(kind, text):
    """is_valid and problem agree, and a valid cell is one pandas reads to a finite number."""
    valid = number_cells.is_valid(text, kind)
    assert valid == (number_cells.problem(text, kind) is None)
    if valid and text:
        assert text.isascii() and math.isfinite(float(text))
