"""Personal data as people write it (grouped NIK/KK, phone, e-mail) is refused; figures are not."""

import pytest

from monografi.validation import personal_rows
from monografi.validation.check import validate_datasets
from monografi.validation.personal_data import EMAIL, NIK, PHONE, find, is_personal_column
from monografi.validation.spec import ResourceSpec
from tests.helpers import set_cell
from tests.test_forms import find_row, form, imported, klari_form  # noqa: F401  (fixtures)

POSITIVES = {
 "3215011203900001": NIK, "3215 0512 0356 0001": NIK, "3215-05-120356-0001": NIK,
 "32.15.05.120356.0001": NIK, "32/15/05/120356/0001": NIK, "NIK: 3215 0512 0356 0001 (ayah)": NIK,
 "KK 3215010101010001": NIK, "321505 120356 0001": NIK, "RT 05 3215 0512 0356 0001": NIK,
 "0812-3456-7890": PHONE, "081234567890": PHONE, "0812 3456 7890": PHONE, "+62 812 3456 7890": PHONE,
 "+6281234567890": PHONE, "628123456789": PHONE, "62 812-3456-7890": PHONE, "(0267) 123456": PHONE,
 "0267-123456": PHONE, "(021) 765-4321": PHONE, "021 7654321": PHONE, "hubungi 0812.3456.7890 ya": PHONE,
 "Telp: +62-267-123456": PHONE, "WA 0857 1234 5678": PHONE, "+62 (267) 123456": PHONE,
 "hubungi 081234567890": PHONE,
 "staf.klari@gmail.com": EMAIL, "kontak: camat@example.go.id": EMAIL, "nama [at] mail.com": EMAIL,
 "nama (at) mail (dot) com": EMAIL, "nama[at]mail[dot]co[dot]id": EMAIL, "nama @ mail.com": EMAIL,
 "nama {at} desa.go.id": EMAIL, "Nama [AT] Mail [DOT] Com": EMAIL,
}
NEGATIVES = ["32.15.05.2001", "32.15.05.2001 32.15.05.2002", "41311", "kode pos 41311", "2024", "2024/2025",
 "2024-S1", "40.57", "1234.5678", "0,8 %", "naik 2.572.553 jiwa; 0,8 %", "RT 002 RW 005", "0001",
 "periode 2017–2022", "33.68", "Kepmendagri 100.1.1-6117/2022", "SK No. 050/123/2020",
 "0.123456789", "1999 2000 2001 2002", "2019 2020 2021 2022", "12345678.12345678",
 "3215.05", "32.15", "harga @ Rp5.000", "@pemkabkarawang", "jumlah 2.345.678.901",
 "Angka lama BPS/Pemda yang dikutip RPIJM 2017–2022", "luas 1.234,56 ha", "2024-01-15",
 "kode BPS 3215010", "Perda No. 1 Tahun 2023", "1.000.000", "-6.3215, 107.3012",
 "koordinat -6.321512 107.301234", "4.344,5", "1:25.000", "pukul 08.00-16.00",
 "tanggal 12-08-2024", "S1 S2 S3", "101 2024 0001"]


@pytest.mark.parametrize(("text", "kind"), sorted(POSITIVES.items()))
def test_personal_data_is_found_in_every_common_spelling(text, kind):
    assert find(text) == kind


@pytest.mark.parametrize("text", NEGATIVES)
def test_codes_postal_codes_years_periods_and_decimals_are_not_personal_data(text):
    assert find(text) is None


@pytest.mark.parametrize("name", ["nik", "NIK_ayah", "no_kk", "telepon", "nomor_hp", "email",
                                  "surel_kantor"])
def test_personal_column_names(name):
    assert is_personal_column(name)


@pytest.mark.parametrize("name", ["nama_kecamatan", "kode_pos", "hektar", "sumber", "periode"])
def test_ordinary_column_names(name):
    assert not is_personal_column(name)


# (file, spreadsheet row, text column) in different tables of the bundled package
PLACES = [("luas_kecamatan", 2, "catatan"), ("penduduk_dukcapil_kecamatan", 3, "catatan"),
          ("desa", 5, "nama_desa")]


@pytest.mark.parametrize("place", PLACES, ids=[p[0] for p in PLACES])
@pytest.mark.parametrize("text", ["3215 0512 0356 0001", "3215-05-120356-0001",
                                  "32.15.05.120356.0001", "(0267) 123456", "nama [at] mail.com"])
def test_check_refuses_grouped_personal_data_in_any_text_column(project, place, text):
    name, row, column = place
    set_cell(project, name, row, column, f"ket. {text} ya")
    report = validate_datasets(project / "datasets")[1]
    found = [p for p in report.errors if p.rule.id == "data_pribadi"]
    assert [(p.file, p.row, p.column) for p in found] == [(f"{name}.csv", row, column)]
    assert report.exit_code == 1  # a data error: exit code 1


def test_import_refuses_a_grouped_nik_in_a_form(project, form):  # noqa: F811
    import openpyxl

    book = openpyxl.load_workbook(form)
    row = find_row(book["penduduk_dukcapil_kecamatan"], periode="2025")
    row["periode"].value = "2025-S1"
    row["jumlah"].value = 1000
    row["sumber"].value = "S7"
    row["catatan"].value = "pelapor NIK 3215.05.120356.0001"
    book.save(form)
    result = imported(project, form)
    assert not result.ok and result.written == []
    assert any(p.rule.id == "data_pribadi" and p.column == "catatan" for p in result.report.errors)


@pytest.mark.parametrize(("place", "pieces"), [
    (("sumber", 3, ("judul", "catatan")), ("Pelapor 3215 0512", "0356 0001 (ayah)")),
    (("penduduk_dukcapil_kecamatan", 3, ("jumlah", "catatan")), ("32150512", "03560001")),
    (("sumber", 2, ("penerbit", "tahun")), ("1980 0101 2005", "01 1 001")),  # a NIP
], ids=["two-text-cells", "number-and-text", "nip"])
def test_check_refuses_a_nik_split_over_two_cells_of_a_row(project, place, pieces):
    name, row, columns = place
    for column, piece in zip(columns, pieces, strict=True):
        set_cell(project, name, row, column, piece)
    report = validate_datasets(project / "datasets")[1]
    found = [p for p in report.errors if p.rule.id == "data_pribadi"]
    assert [(p.file, p.row, p.column) for p in found] == [(f"{name}.csv", row, " + ".join(columns))]
    assert report.exit_code == 1


def test_figures_beside_a_code_and_a_year_are_not_a_split_nik(project):
    """32.15.01 | 2012 | 123456 (a kecamatan code, a year, a figure) reads as 16 digits."""
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "periode", "2012")
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "jumlah", "1203560")
    set_cell(project, "penduduk_dukcapil_kecamatan", 3, "catatan", "angka 2012")
    report = validate_datasets(project / "datasets")[1]
    assert not [p for p in report.errors if p.rule.id == "data_pribadi"]


def test_a_sixteen_digit_code_in_a_code_column_is_a_code(tmp_path):
    """kode_sls holds codes: a value with a NIK's structure there is not refused, elsewhere it is;
    a phone number is refused in a code column too."""
    spec = ResourceSpec({"name": "sls", "path": "sls.csv", "schema": {"fields": [
        {"name": "kode_sls", "type": "string"}, {"name": "catatan", "type": "string"}]}},
        tmp_path / "sls.csv")
    rows = [["3215011005000100", ""], ["", "3215011005000100"], ["081234567890", ""]]
    found = personal_rows.table_problems(spec, ["kode_sls", "catatan"], rows)
    assert [(p.row, p.column, p.details["jenis"]) for p in found] == [
        (3, "catatan", NIK), (4, "kode_sls", PHONE)]
