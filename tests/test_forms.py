"""Fill-in forms: generate → fill with openpyxl → import → CSV changed exactly as filled."""

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.forms.form import FormError, write_form
from monografi.forms.importer import import_form
from monografi.validation.catalog import load_catalog
from tests.conftest import tree_digest
from tests.excel_helpers import encrypted_workbook, find_row, form_made_once

KLARI = "32.15.05"


def catalog_of(project):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return catalog


@pytest.fixture(scope="session")
def klari_form(tmp_path_factory) -> bytes:
    return form_made_once(tmp_path_factory, KLARI, "2025")


@pytest.fixture
def form(project, tmp_path, klari_form):
    """What write_form(catalog_of(project), KLARI, tmp_path / "formulir.xlsx", "2025") writes."""
    path = tmp_path / "formulir.xlsx"
    path.write_bytes(klari_form)
    return path


def rows_of(sheet):
    keys = [c.value for c in sheet[2]]
    return keys, [dict(zip(keys, (c.value for c in row), strict=True))
                  for row in sheet.iter_rows(min_row=3) if row[0].value]


def imported(project, path):
    return import_form(catalog_of(project), path)


def csv_lines(project, name):
    return (project / "datasets" / f"{name}.csv").read_text(encoding="utf-8").splitlines()


def test_form_has_guide_prefilled_codes_units_and_validation(form):
    book = openpyxl.load_workbook(form)
    assert book.sheetnames[0] == "Petunjuk"
    guide = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "Klari" in guide and "monografi impor" in guide and "tanpa titik" in guide
    sheet = book["penduduk_dukcapil_kecamatan"]
    assert "Jumlah penduduk terdaftar (jiwa) *" in [c.value for c in sheet[1]]
    keys, rows = rows_of(sheet)
    assert keys[:3] == ["kode_kecamatan", "#nama", "periode"]
    assert [(r["periode"], r["jumlah"]) for r in rows] == [
        ("2022-S1", 190523), ("2022-S2", 195489), ("2025", None)]
    assert {r["#nama"] for r in rows} == {"Klari"}
    kinds = {(v.type, v.operator, v.formula1) for v in sheet.data_validations.dataValidation}
    assert ("whole", "greaterThanOrEqual", "0") in kinds
    assert any(kind == "list" for kind, _, _ in kinds)
    desa = rows_of(book["luas_desa"])[1]
    assert len(desa) == 13 and all(r["kode_desa"].startswith(KLARI + ".") for r in desa)
    school = rows_of(book["sekolah_kecamatan"])[1]
    assert [r["jenjang"] for r in school] == ["TK/RA", "SD/MI", "SMP/MTs", "SMA/SMK/MA"]
    assert {r["tahun_ajaran"] for r in school} == {None}  # 2025 is not a school year: left to fill
    assert book["_formulir"].sheet_state == "hidden"


def test_form_is_identical_for_identical_input(project, tmp_path, klari_form):
    """Whatever the target and the project folder (the session's klari_form came from another
    copy of the project): the `form` fixtures rely on it."""
    catalog = catalog_of(project)
    first = write_form(catalog, KLARI, tmp_path / "a.xlsx", "2025").read_bytes()
    assert write_form(catalog, KLARI, tmp_path / "b.xlsx", "2025").read_bytes() == first == klari_form


def test_unknown_kecamatan_is_refused(project, tmp_path):
    with pytest.raises(FormError):
        write_form(catalog_of(project), "32.15.99", tmp_path / "x.xlsx")


def test_round_trip_changes_exactly_what_was_filled(project, form):
    before = {name: csv_lines(project, name) for name in
              ("penduduk_dukcapil_kecamatan", "luas_desa", "sekolah_kecamatan", "luas_kecamatan")}
    book = openpyxl.load_workbook(form)
    dukcapil = book["penduduk_dukcapil_kecamatan"]
    find_row(dukcapil, periode="2022-S2")["jumlah"].value = 195500  # synthetic correction
    new = find_row(dukcapil, periode="2025")
    new["periode"].value, new["jumlah"].value, new["sumber"].value = "2025-S1", 201234, "S7"
    desa = find_row(book["luas_desa"], kode_desa="32.15.05.2003")
    desa["luas_km2"].value, desa["sumber"].value = 4.25, "S3"
    school = find_row(book["sekolah_kecamatan"], jenjang="SD/MI")
    school["tahun_ajaran"].value, school["sekolah_negeri"].value = "2024/2025", 31
    school["sumber"].value = "S7"
    book.save(form)

    result = imported(project, form)
    assert result.ok, result.report.format_text()
    assert result.written == ["luas_desa.csv", "penduduk_dukcapil_kecamatan.csv",
                              "sekolah_kecamatan.csv"]
    assert [(c.key, c.column, c.old, c.new) for c in result.changed] == [
        (("32.15.05", "2022-S2", "S7"), "jumlah", "195489", "195500")]
    assert sorted(result.added) == [
        ("luas_desa", ("32.15.05.2003", "2025", "S3")),
        ("penduduk_dukcapil_kecamatan", ("32.15.05", "2025-S1", "S7")),
        ("sekolah_kecamatan", ("32.15.05", "2024/2025", "SD/MI"))]

    dukcapil_after = csv_lines(project, "penduduk_dukcapil_kecamatan")
    expected = [line.replace("32.15.05,2022-S2,195489", "32.15.05,2022-S2,195500")
                for line in before["penduduk_dukcapil_kecamatan"]]
    assert dukcapil_after == expected + ["32.15.05,2025-S1,201234,,S7,"]
    assert csv_lines(project, "luas_desa") == before["luas_desa"] + ["32.15.05.2003,2025,S3,4.25,"]
    assert csv_lines(project, "sekolah_kecamatan") == before["sekolah_kecamatan"] + [
        "32.15.05,2024/2025,SD/MI,31,,,,S7,"]
    assert csv_lines(project, "luas_kecamatan") == before["luas_kecamatan"]


def test_importing_an_untouched_form_changes_nothing(project, form):
    before = tree_digest(project / "datasets")
    result = imported(project, form)
    assert result.ok and result.written == [] and result.changed == [] and result.added == []
    assert tree_digest(project / "datasets") == before


def _fill_new_dukcapil(form, **values):
    book = openpyxl.load_workbook(form)
    row = find_row(book["penduduk_dukcapil_kecamatan"], periode="2025")
    for column, value in values.items():
        row[column].value = value
    book.save(form)


@pytest.mark.parametrize(("values", "rule", "column"), [
    ({"jumlah": -5, "sumber": "S7"}, "minimum", "jumlah"),
    ({"jumlah": "1.234", "sumber": "S7"}, "tipe", "jumlah"),
    ({"jumlah": 1000, "sumber": "S99"}, "sumber_tidak_dikenal", "sumber"),
    ({"jumlah": 1000}, "wajib", "sumber"),
    ({"jumlah": 1000, "sumber": "S7", "catatan": "hubungi 0812-3456-7890"}, "data_pribadi",
     "catatan"),
    ({"jumlah": 1000, "sumber": "S7", "kode_kecamatan": "32.15.01"}, "bukan_wilayah_formulir",
     "kode_kecamatan"),
])
def test_invalid_form_writes_nothing_and_points_at_the_form_cell(project, form, values, rule,
                                                                  column):
    _fill_new_dukcapil(form, periode="2025-S1", **values)
    before = tree_digest(project / "datasets")
    result = imported(project, form)
    assert not result.ok and result.written == []
    problem = next(p for p in result.report.errors if p.rule.id == rule)
    assert (problem.file, problem.row, problem.column) == (
        "formulir.xlsx › penduduk_dukcapil_kecamatan", 5, column)
    assert tree_digest(project / "datasets") == before


def test_one_bad_cell_blocks_every_other_change(project, form):
    book = openpyxl.load_workbook(form)
    find_row(book["penduduk_dukcapil_kecamatan"], periode="2022-S1")["jumlah"].value = 190600
    find_row(book["luas_kecamatan"], tahun="2011")["luas_km2"].value = "tujuh puluh"
    book.save(form)
    before = tree_digest(project / "datasets")
    result = imported(project, form)
    assert not result.ok and [p.rule.id for p in result.report.errors] == ["tipe"]
    assert tree_digest(project / "datasets") == before


@pytest.mark.parametrize(("name", "content", "seen_as"), [
    ("salah.xlsx", b"kode_kecamatan,jumlah\n32.15.05,1\n", "teks/CSV"),  # a CSV renamed .xlsx
    ("salah.xlsx", b"PK\x03\x04rusak", "zip/xlsx rusak"),
    ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "Excel 97-2003 (.xls)"),
    ("lama.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "Excel 97-2003 (.xls)"),
    ("data.csv", b"a,b\n1,2\n", "teks/CSV"),
])
def test_file_that_is_not_an_xlsx_is_refused_in_indonesian(project, tmp_path, name, content,
                                                            seen_as):
    path = tmp_path / name
    path.write_bytes(content)
    result = imported(project, path)
    (problem,) = result.report.errors
    assert problem.rule.id == "bukan_xlsx" and f"Terbaca sebagai: {seen_as}." in problem.texts("id")[0]
    message = " ".join(problem.texts("id"))
    assert "bukan berkas .xlsx; simpan sebagai Excel Workbook (.xlsx)" in message
    assert "openpyxl" not in message and "xlrd" not in message


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(info=st.binary(max_size=300), package=st.binary(max_size=300),
       name=st.sampled_from(["formulir.xlsx", "Formulir Klari.XLSX", "lama.xls", "data.xlsm"]))
def test_a_password_protected_workbook_is_named_as_such(project, tmp_path, info, package, name):
    """An .xlsx saved with a password is an OLE file like Excel 97-2003, but holds the
    EncryptionInfo/EncryptedPackage streams: it is named "dilindungi kata sandi", never
    "Excel 97-2003", whatever the encrypted bytes."""
    path = tmp_path / name
    path.write_bytes(encrypted_workbook(info, package))
    before = tree_digest(project / "datasets")
    result = imported(project, path)
    (problem,) = result.report.errors
    message = " ".join(problem.texts("id"))
    assert problem.rule.id == "xlsx_kata_sandi" and "dilindungi kata sandi" in message
    assert "97-2003" not in message and name in message
    assert tree_digest(project / "datasets") == before


def test_workbook_without_form_sheet_is_refused(project, tmp_path):
    path = tmp_path / "lain.xlsx"
    openpyxl.Workbook().save(path)
    result = imported(project, path)
    assert [p.rule.id for p in result.report.errors] == ["formulir"]
    assert "_formulir" in result.report.errors[0].texts("id")[0]


def test_same_key_filled_twice_in_the_form_is_refused(project, form):
    book = openpyxl.load_workbook(form)
    sheet = book["penduduk_dukcapil_kecamatan"]
    sheet.append(["32.15.05", "Klari", "2022-S1", 190999, None, "S7", None])  # row 6
    book.save(form)
    result = imported(project, form)
    problem = next(p for p in result.report.errors if p.rule.id == "kunci_ganda")
    assert (problem.row, problem.value) == (6, "32.15.05 / 2022-S1 / S7")
    assert result.written == []


def test_figures_without_an_area_code_are_refused(project, form):
    _fill_new_dukcapil(form, kode_kecamatan=None, jumlah=1000, sumber="S7")
    problem = next(p for p in imported(project, form).report.errors if p.rule.id == "wajib")
    assert (problem.row, problem.column) == (5, "kode_kecamatan")


def test_formula_in_a_prefilled_cell_stays_text(project, tmp_path):
    from tests.helpers import set_cell

    set_cell(project, "penduduk_dukcapil_kecamatan", 4, "catatan", "=HYPERLINK(\"http://x\")")
    path = write_form(catalog_of(project), KLARI, tmp_path / "f.xlsx", "2025")
    sheet = openpyxl.load_workbook(path)["penduduk_dukcapil_kecamatan"]
    cell = find_row(sheet, periode="2022-S1")["catatan"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    result = imported(project, path)  # the text comes back as text, not as an empty formula
    assert result.ok and result.changed == []


def test_character_the_file_encoding_cannot_hold_is_refused_at_the_form(project, form):
    import json

    path = project / "datasets" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "penduduk_dukcapil_kecamatan")
    resource["encoding"] = "windows-1252"
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    before = tree_digest(project / "datasets")
    book = openpyxl.load_workbook(form)
    find_row(book["penduduk_dukcapil_kecamatan"], periode="2022-S2")["catatan"].value = "angka ≥ 1"
    book.save(form)
    result = imported(project, form)
    assert not result.ok
    (problem,) = result.report.errors
    assert problem.rule.id == "pengkodean_tulis" and problem.value == "≥"
    assert "cp1252" in problem.texts("id")[0]
    assert tree_digest(project / "datasets") == before


def test_form_bytes_do_not_depend_on_the_clock(project, tmp_path, monkeypatch):
    """openpyxl reads the clock twice on save: zip entry times (time.time) and the workbook's
    `modified` property (datetime.now in openpyxl.writer.excel): move both."""
    import datetime
    import time

    import openpyxl.writer.excel as excel_writer

    catalog = catalog_of(project)
    first = write_form(catalog, KLARI, tmp_path / "a.xlsx", "2025").read_bytes()
    later = time.time() + 3 * 86400

    class Later(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime.fromtimestamp(later, tz)

    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(excel_writer.datetime, "datetime", Later)
    assert write_form(catalog, KLARI, tmp_path / "b.xlsx", "2025").read_bytes() == first


def form_command(project, *args):
    from monografi import commands

    return commands.main(["--proyek", str(project), "formulir", "--kecamatan", KLARI, *args])


def test_an_existing_file_is_never_overwritten_without_timpa(project, tmp_path, capsys):
    filled = tmp_path / "formulir.xlsx"
    filled.write_bytes(b"formulir yang sudah diisi")
    assert form_command(project, "--keluar", str(filled)) == 2
    assert "--timpa" in capsys.readouterr().err and filled.read_bytes() == b"formulir yang sudah diisi"
    assert form_command(project, "--keluar", str(filled), "--timpa") == 0
    assert openpyxl.load_workbook(filled).sheetnames[0] == "Petunjuk"
    assert [p.name for p in tmp_path.iterdir()] == ["formulir.xlsx", "proyek"]  # no temp left


@pytest.mark.parametrize("inside", ["datasets/kecamatan.csv", "datasets/formulir.xlsx",
                                    "datasets/schemas/f.xlsx", "content/f.xlsx", "theme/f.xlsx",
                                    ".git/f.xlsx", ".monografi/f.xlsx"])
@pytest.mark.parametrize("timpa", [[], ["--timpa"]])
def test_a_form_is_never_written_into_the_project(project, capsys, inside, timpa):
    (project / inside).parent.mkdir(parents=True, exist_ok=True)
    before = tree_digest(project)
    assert form_command(project, "--keluar", str(project / inside), *timpa) == 2
    err = capsys.readouterr().err
    assert inside.split("/")[0] + "/" in err and "Traceback" not in err
    assert tree_digest(project) == before


@pytest.mark.parametrize(("name", "phrase"), [
    ("formulir.csv", ".xlsx"), ("formulir.xls", ".xlsx"), ("formulir", ".xlsx"),
    ("tidak-ada/formulir.xlsx", "tidak ada"),
])
def test_wrong_name_or_missing_folder_is_a_usage_message(project, tmp_path, capsys, name, phrase):
    assert form_command(project, "--keluar", str(tmp_path / name)) == 2
    err = capsys.readouterr().err
    assert phrase in err and "Traceback" not in err
    assert not (tmp_path / name).exists()


def test_a_symlink_into_datasets_is_refused(project, tmp_path, capsys):
    link = tmp_path / "pintasan"
    link.symlink_to(project / "datasets", target_is_directory=True)
    assert form_command(project, "--keluar", str(link / "f.xlsx")) == 2
    assert not (project / "datasets" / "f.xlsx").exists()


def test_a_mistyped_code_suggests_the_code_with_the_same_digits(project, tmp_path, capsys):
    from monografi import commands

    code = commands.main(["--proyek", str(project), "formulir", "--kecamatan", "32.15.5",
                     "--keluar", str(tmp_path / "x.xlsx")])
    assert code == 2 and "maksud Anda '32.15.05' (Klari)?" in capsys.readouterr().err
