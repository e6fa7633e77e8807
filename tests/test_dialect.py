"""Files as they really arrive from Excel: read per the declared dialect, or refused exactly."""

import csv
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monografi.model.areas import typed_table
from monografi.validation import package as package_module
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from monografi.validation.dialect import (
    CELL_LIMIT,
    READ_REASONS,
    UNREADABLE_FILE,
    canonical_number,
    local_number,
    read,
    read_raw,
    write,
)
from monografi.validation.report import Problem
from monografi.validation.spec import ResourceSpec
from tests.excel_helpers import declare_excel_dialect, excel_bytes
from tests.helpers import edit_package, resource_of, set_cell

EXCEL_BORN = ("luas_kecamatan", "penduduk_dukcapil_kecamatan", "penduduk_kabupaten")


def check(project):
    _, report = validate_datasets(project / "datasets")
    return report


def spec_of(project, name):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return catalog.resource(name)


def the(report, rule):
    found = [p for p in report.errors if p.rule.id == rule]
    assert found, report.format_text()
    return found[0]


@pytest.mark.parametrize(("text", "kind", "group", "decimal", "expected"), [
    ("1.234", "integer", ".", ",", "1234"),
    ("1.234.567", "integer", ".", ",", "1234567"),
    ("-1.234", "integer", ".", ",", "-1234"),
    ("1234", "integer", ".", ",", "1234"),
    ("12,5", "number", ".", ",", "12.5"),
    ("1.385.556,69", "number", ".", ",", "1385556.69"),
    ("1,234.5", "number", ",", ".", "1234.5"),
    ("1.23", "integer", ".", ",", None),
    ("1.2345", "integer", ".", ",", None),
    ("12,5", "integer", ".", ",", None),
    ("1.234,5,6", "number", ".", ",", None),
    ("Rp 1.234", "integer", ".", ",", None),
    ("12.5", "number", "", ",", None),
    ("", "integer", ".", ",", ""),
])
def test_numbers_follow_the_declared_separators_strictly(text, kind, group, decimal, expected):
    assert canonical_number(text, kind, group, decimal) == expected


@pytest.mark.parametrize("name", EXCEL_BORN)
@pytest.mark.parametrize(("encoding", "declared", "bom"), [
    ("cp1252", "windows-1252", False), ("utf-8", "utf-8", True), ("utf-8", "utf-8", False)])
def test_excel_born_file_is_read_exactly_as_the_standard_csv(project, name, encoding, declared, bom):
    standard = read_raw(spec_of(project, name))
    standard_table = typed_table(spec_of(project, name), *read_raw(spec_of(project, name)))
    (project / "datasets" / f"{name}.csv").write_bytes(excel_bytes(project, name, encoding, bom))
    declare_excel_dialect(project, name, encoding=declared)
    report = check(project)
    assert report.ok, report.format_text()
    assert read_raw(spec_of(project, name)) == standard
    assert typed_table(spec_of(project, name), *read_raw(spec_of(project, name))).equals(standard_table)


def test_thousands_are_never_read_as_decimals(project):
    name = "penduduk_dukcapil_kecamatan"
    (project / "datasets" / f"{name}.csv").write_bytes(excel_bytes(project, name))
    declare_excel_dialect(project, name)
    header, rows = read_raw(spec_of(project, name))
    values = [row[header.index("jumlah")] for row in rows]
    assert "171669" in values and all("." not in v and "," not in v for v in values)


def test_excel_born_file_without_declaration_is_refused_with_the_separator_named(project):
    name = "luas_kecamatan"
    (project / "datasets" / f"{name}.csv").write_bytes(excel_bytes(project, name, "utf-8"))
    problem = the(check(project), "pemisah_kolom")
    assert (problem.file, problem.row) == ("luas_kecamatan.csv", 1)
    message, fix = problem.texts("id")
    assert "titik koma (;)" in message and "koma (,)" in message
    assert '"delimiter": ";"' in fix and "CSV UTF-8" in fix


def test_windows_1252_declared_as_utf8_names_the_row(project):
    name = "luas_kecamatan"
    declare_excel_dialect(project, name, encoding="utf-8")
    (project / "datasets" / f"{name}.csv").write_bytes(excel_bytes(project, name, "cp1252"))
    problem = the(check(project), "pengkodean")
    assert problem.file == "luas_kecamatan.csv" and problem.row == 3  # first "–" (en dash)
    assert "windows-1252" in problem.texts("id")[1]
    assert "utf-8" in problem.texts("en")[0]


def excel_born_with(project, name, typed, mistyped):
    """The Excel-born file, declared, with one figure typed differently."""
    data = excel_bytes(project, name, "utf-8").replace(typed.encode(), mistyped.encode(), 1)
    (project / "datasets" / f"{name}.csv").write_bytes(data)
    declare_excel_dialect(project, name, encoding="utf-8")


def test_badly_grouped_number_under_declared_dialect_is_refused(project):
    name = "penduduk_dukcapil_kecamatan"
    excel_born_with(project, name, " 171.669 ", " 171.66 ")
    problem = the(check(project), "angka_dialek")
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "penduduk_dukcapil_kecamatan.csv", 3, "jumlah", "171.66")
    assert "1.234" in problem.texts("id")[1]
    assert [p.rule.id for p in check(project).errors] == ["angka_dialek"]  # no duplicate type error


def test_decimal_point_under_declared_decimal_comma_is_refused_not_misread(project):
    excel_born_with(project, "luas_kecamatan", " 40,57 ", " 40.57 ")  # 4057 here, or a slip
    problem = the(check(project), "angka_dialek")
    assert (problem.row, problem.column, problem.value) == (2, "luas_km2", "40.57")


def test_grouped_integer_without_declared_dialect_gets_the_plain_figure_as_fix(project):
    set_cell(project, "penduduk_dukcapil_kecamatan", 2, "jumlah", "168.700")
    problem = the(check(project), "tipe")
    assert (problem.row, problem.column, problem.value) == (2, "jumlah", "168.700")
    assert "168700" in problem.texts("id")[0] and "168700" in problem.texts("en")[0]


def test_stray_spaces_and_trailing_empty_rows_are_harmless(project):
    path = project / "datasets" / "luas_desa.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = " " + lines[1].replace(",", " , ")
    path.write_text("\r\n".join(lines + [",,,,", ",,,,", ""]), encoding="utf-8")
    report = check(project)
    assert report.ok, report.format_text()


@pytest.mark.parametrize(("content", "kind", "id_name", "en_name"), [
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64, "xlsx/zip", "xlsx/zip", "xlsx/zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "xls", "xls", "xls"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf", "pdf", "pdf"),
    (b"kode_desa,tahun\x00\x01\x02\xff", "binary", "biner", "binary"),
])
def test_non_text_file_is_refused_with_a_message(project, content, kind, id_name, en_name):
    (project / "datasets" / "luas_desa.csv").write_bytes(content)
    problem = the(check(project), "bukan_teks")
    assert problem.file == "luas_desa.csv" and problem.value == kind
    assert "impor" in problem.texts("id")[1]
    assert f"(terbaca sebagai {id_name})" in problem.texts("id")[0]
    assert f"(it looks like {en_name})" in problem.texts("en")[0]


def test_oversized_file_is_refused_with_a_message(project):
    with (project / "datasets" / "luas_desa.csv").open("r+b") as handle:
        handle.truncate(package_module.MAX_FILE_BYTES + 1)  # sparse: cheap to make
    problem = the(check(project), "terlalu_besar")
    assert problem.value == "luas_desa.csv" and "50 MB" in problem.texts("id")[0]


def test_every_bundled_file_is_written_back_byte_for_byte(project):
    catalog, _ = load_catalog(project / "datasets")
    for spec in catalog.resources:
        assert write(spec, *read_raw(spec)) == spec.file.read_bytes(), spec.name


@pytest.mark.parametrize(("name", "figure"), [("luas_kecamatan", b";40,57;"),
                                            ("penduduk_dukcapil_kecamatan", b";171.669;")])
def test_writing_keeps_the_declared_dialect(project, name, figure):
    (project / "datasets" / f"{name}.csv").write_bytes(excel_bytes(project, name))
    declare_excel_dialect(project, name)
    spec = spec_of(project, name)
    header, rows = read_raw(spec)
    data = write(spec, header, rows)
    assert b"\r\n" in data and figure in data
    assert "laporan".encode("cp1252") in data or "2017–2022".encode("cp1252") in data
    (project / "datasets" / f"{name}.csv").write_bytes(data)
    assert read_raw(spec) == (header, rows)


@pytest.mark.parametrize(("text", "group", "decimal", "expected"), [
    ("1234567", ".", ",", "1.234.567"), ("-1234.5", ".", ",", "-1.234,5"), ("12.5", "", ",", "12,5"),
    ("999", ".", ",", "999"), ("abc", ".", ",", "abc"), ("40.57", "", ".", "40.57")])
def test_canonical_numbers_are_written_in_the_declared_format(text, group, decimal, expected):
    assert local_number(text, group, decimal) == expected
    if expected != "abc":
        kind = "number" if "." in text else "integer"
        assert canonical_number(expected, kind, group, decimal) == text


@pytest.mark.parametrize(("change", "column"), [
    (lambda r, s: r.update(dialect={"delimiter": ";;"}), "dialect.delimiter"),
    (lambda r, s: r.update(encoding="klingon-8"), "encoding"),
    (lambda r, s: s["fields"][2].update(groupChar="rb"), "jumlah"),
])
def test_unusable_dialect_declaration_is_a_configuration_error(project, change, column):
    name = "penduduk_dukcapil_kecamatan"
    path = project / "datasets" / "schemas" / f"{name}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    edit_package(project, lambda d: change(resource_of(d, name), schema))
    path.write_text(json.dumps(schema), encoding="utf-8")
    report = check(project)
    problem = the(report, "metadata")
    assert (problem.file, problem.column) == (f"{name}.csv", column)
    assert report.exit_code == 2


UNICODE_TEXT = [("utf-16", "UTF-16 LE"), ("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
                ("utf-32", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE")]


@pytest.mark.parametrize("name", ["luas_desa", "kecamatan"])
@pytest.mark.parametrize(("codec", "shown"), UNICODE_TEXT)
def test_unicode_text_from_excel_is_named_not_taken_for_a_workbook(project, name, codec, shown):
    """Excel's "Unicode Text" is tab-separated UTF-16 with a BOM; other tools drop the BOM."""
    path = project / "datasets" / f"{name}.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace(",", "\t").encode(codec))
    (problem,) = check(project).errors
    assert (problem.file, problem.rule.id, problem.value) == (f"{name}.csv", "pengkodean_utf16", shown)
    assert "CSV UTF-8" in problem.texts("id")[1] and "CSV UTF-8" in problem.texts("en")[1]
    assert "xlsx" not in problem.texts("id")[0]


@pytest.mark.parametrize("name", ["luas_kecamatan", "desa", "penduduk_kecamatan"])
@pytest.mark.parametrize("padding", [",", ",,,", ",,,,,,,,,,,,"])
def test_trailing_empty_cells_on_data_rows_are_accepted(project, name, padding):
    path = project / "datasets" / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], *(line + padding for line in lines[1:])]) + "\n",
                    encoding="utf-8")
    report = check(project)
    assert report.ok, report.format_text()


def test_trailing_empty_cells_in_an_excel_born_file_are_accepted(project):
    name = "penduduk_dukcapil_kecamatan"
    data = excel_bytes(project, name, "utf-8").split(b"\r\n")
    padded = [data[0], *(line + b";;;" if line.strip() else line for line in data[1:])]
    (project / "datasets" / f"{name}.csv").write_bytes(b"\r\n".join(padded))
    declare_excel_dialect(project, name, encoding="utf-8")
    report = check(project)
    assert report.ok, report.format_text()


def test_a_filled_cell_beyond_the_header_is_still_refused_at_its_row(project):
    path = project / "datasets" / "luas_kecamatan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0], *(line + ",," for line in lines[1:])]
    lines[3] += "x,,"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = check(project).errors
    assert errors and {(p.file, p.row, p.rule.id) for p in errors} == {
        ("luas_kecamatan.csv", 4, "sel_lebih")}
    assert "x" in {p.value for p in errors}


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n", b"  \r\n", b",,,\n,,,\n"],
                         ids=["0-bytes", "bom-only", "blank-lines", "spaces", "only-separators"])
def test_an_empty_file_is_named_as_such_in_both_languages(project, content):
    """Frictionless would say 'the source is empty' in English; staff get the header to write."""
    (project / "datasets" / "luas_kecamatan.csv").write_bytes(content)
    _, report = validate_datasets(project / "datasets")
    (problem,) = [p for p in report.errors if p.file == "luas_kecamatan.csv"]
    assert problem.rule.id == "berkas_kosong"
    for lang in ("id", "en"):
        text = report.format_text(lang)
        assert "source is empty" not in text and "kode_kecamatan,tahun,sumber" in text


# What the csv module and Frictionless say in English never reaches staff: a file they cannot
# read is refused with a reason in the reader's language.
LIBRARY_WORDS = re.compile(r"field larger|field limit|Error|error|exception|cannot open|could not", re.I)


@settings(max_examples=30, deadline=None)
@given(extra=st.integers(-3, 3), fill=st.sampled_from("xé9 ;"), column=st.integers(0, 2),
       rows=st.integers(1, 3))
def test_a_cell_past_the_csv_field_limit_is_refused_in_words(tmp_path_factory, extra, fill, column, rows):
    """Up to csv's field limit a cell is read; one character more and the file is refused with
    the limit, in Indonesian and English, without the csv module's own message."""
    import frictionless.formats.csv.parser  # noqa: F401  raises csv's limit when first imported

    csv.field_size_limit(2**31 - 1)  # as Frictionless's import leaves it
    limit = CELL_LIMIT
    folder = tmp_path_factory.mktemp("long")
    header = ["a", "b", "c"]
    lines = [",".join(header)] + [",".join(fill * (limit + extra) if i == column else "1" for i in range(3))
                                  for _ in range(rows)]
    (folder / "t.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spec = ResourceSpec({"name": "t", "path": "t.csv",
                         "schema": {"fields": [{"name": n, "type": "string"} for n in header]}},
                        folder / "t.csv")
    problems = read(spec).problems
    if extra <= 0:
        assert problems == []
    else:
        assert [p.rule.id for p in problems] == ["berkas"] and problems[0].value is None
        texts = [t for lang in ("id", "en") for t in problems[0].texts(lang)]
        assert all(str(limit) in t for t in texts[::2]) and not any(LIBRARY_WORDS.search(t) for t in texts)


@given(kind=st.sampled_from(sorted(READ_REASONS)) | st.text(max_size=30))
def test_every_unreadable_file_reason_is_said_in_both_languages(kind):
    """Frictionless's file-error kinds and the csv reader's each in words of both languages
    (never the kind's own name); any other kind says the file cannot be opened, whatever it is."""
    problem = Problem("t.csv", UNREADABLE_FILE, details={"sebab": kind, "batas": 131072})
    other = Problem("t.csv", UNREADABLE_FILE, details={"sebab": None})
    for lang, start in (("id", "Berkas tidak dapat dibaca: "), ("en", "The file cannot be read: ")):
        message, fix = problem.texts(lang)
        assert message.startswith(start) and fix
        if kind in READ_REASONS:
            assert kind not in message
        else:
            assert message == other.texts(lang)[0]
