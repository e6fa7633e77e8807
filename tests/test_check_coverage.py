"""`check` validates everything the build reads, at its file/row/column or datapackage.json key."""

import contextlib
import io
import re
from pathlib import Path
from unittest import mock

import pytest

from monografi.commands import main
from monografi.validation import check as check_module
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from monografi.validation.dialect import read_raw
from monografi.validation.suggestions import suggest
from tests.helpers import append_line, edit_package, resource_of, set_cell

ENGLISH = re.compile(r"\b(is not|does not|at property|the source|must be|expected)\b")


def check(project, *extra):
    """(exit code, report) of `build.py check` on the project: the report the command printed,
    recorded as it is made instead of validating the package a second time."""
    reports = []

    def recording(*args, **kwargs):
        catalog, report = validate_datasets(*args, **kwargs)
        reports.append(report)
        return catalog, report

    with mock.patch.object(check_module, "validate_datasets", recording), \
            contextlib.redirect_stdout(io.StringIO()):
        code = main(["--proyek", str(project), *extra, "check"])
    [report] = reports
    return code, report


def at_key(report, rule):
    found = [p for p in report.problems if p.rule.id == rule]
    assert found, report.format_text()
    return found


def assert_indonesian(report):
    for problem in report.problems:
        message, fix = problem.texts("id")
        assert not ENGLISH.search(message + fix), (message, fix)
        assert all(problem.texts("en"))


@pytest.mark.parametrize("name", [
    "../../../../datasets/penduduk_kecamatan", "a/b", "penduduk.kecamatan", "Penduduk",
    "penduduk kecamatan", "penduduk\n", "-awal", "", 5,
])
def test_unsafe_resource_name_is_refused_at_its_key(project, name):
    edit_package(project, lambda d: resource_of(d, "luas_desa").update(name=name))
    code, report = check(project)
    [problem] = at_key(report, "nama_tidak_aman")
    assert code == 2 and problem.column == "resources[5].name"
    assert_indonesian(report)


def test_unsafe_package_name_is_refused(project):
    edit_package(project, lambda d: d.update(name="../situs"))
    code, report = check(project)
    assert code == 2 and at_key(report, "nama_tidak_aman")[0].column == "name"


def test_duplicate_resource_name_names_both_positions(project):
    edit_package(project, lambda d: d["resources"][5].update(name="desa"))
    code, report = check(project)
    [problem] = at_key(report, "nama_ganda")
    assert code == 2 and (problem.column, problem.value) == ("resources[5].name", "desa")
    assert "resources[2].name" in problem.texts("id")[0]


def _hint(name, change):
    return lambda d: change(resource_of(d, name).setdefault("monografi", {}))


@pytest.mark.parametrize(("change", "rule", "key"), [
    (lambda h: h.update(grafik=[{"jenis": "batang", "ukuran": "jumlah"}]), "petunjuk_jenis",
     "grafik[0].jenis"),
    (lambda h: h.update(grafik=[{"jenis": "peta", "ukuran": "jumlah"}]), "petunjuk_jenis",
     "grafik[0].jenis"),
    (lambda h: h.update(grafik=[{"ukuran": "jumlah"}]), "petunjuk_jenis", "grafik[0].jenis"),
    (lambda h: h.update(grafik=[{"jenis": "deret_waktu", "ukuran": "jumlh"}]), "petunjuk_kolom",
     "grafik[0].ukuran"),
    (lambda h: h.update(grafik=[{"jenis": "deret_waktu"}]), "kunci_wajib", "grafik[0].ukuran"),
    (lambda h: h.update(grafik=[{"jenis": "deret_waktu", "ukuran": ["jumlah"]}]), "tipe_json",
     "grafik[0].ukuran"),
    (lambda h: h.update(grafik=[{"jenis": "menurut_sumber", "ukuran": "sumber"}]),
     "petunjuk_tipe_kolom", "grafik[0].ukuran"),
    (lambda h: h.update(grafik=[{"jenis": "deret_waktu", "ukuran": "jumlah", "pisah": ["x"]}]),
     "petunjuk_kolom", "grafik[0].pisah[0]"),
    (lambda h: h.update(grafik=[{"jenis": "perbandingan", "ukuran": "jumlah", "sumber": "S99"}]),
     "petunjuk_sumber", "grafik[0].sumber"),
    (lambda h: h.update(grafik=[{"jenis": "piramida"}]), "petunjuk_kolom", "grafik[0].kelompok"),
    (lambda h: h.update(grafik={"jenis": "deret_waktu"}), "tipe_json", "grafik"),
    (lambda h: h.update(grafik=["deret_waktu"]), "tipe_json", "grafik"),
    (lambda h: h.update(bagian=["Kependudukan"]), "tipe_json", "bagian"),
    (lambda h: h.update(angka_utama=[{"ukuran": "sumber"}]), "petunjuk_tipe_kolom",
     "angka_utama[0].ukuran"),
    (lambda h: h.update(angka_utama=["jumlah"]), "tipe_json", "angka_utama"),
    (lambda h: h.update(angka_utama=[{"ukuran": "jumlah", "agregasi": "rata"}]),
     "angka_utama_agregasi", "angka_utama[0].agregasi"),
    (lambda h: h.update(angka_utama=[{"ukuran": "jumlah", "saring": {"jenjangg": "SD"}}]),
     "petunjuk_kolom", "angka_utama[0].saring.jenjangg"),
    (lambda h: h.update(aturan_baris={"rumus": "jumlah > 0"}), "tipe_json", "aturan_baris"),
    (lambda h: h.update(jumlah_desa={"rinci": "desa_x", "ukuran": ["jumlah"]}), "petunjuk_rinci",
     "jumlah_desa.rinci"),
    (lambda h: h.update(jumlah_desa={"rinci": "penduduk_desa", "ukuran": ["jumlahh"]}),
     "petunjuk_kolom", "jumlah_desa.ukuran[0]"),
    (lambda h: h.update(jumlah_desa={"rinci": "penduduk_desa", "ukuran": ["jumlah"],
                                     "toleransi": "5"}), "tipe_json", "jumlah_desa.toleransi"),
    (lambda h: h.update(boleh_kosong="ya"), "tipe_json", "boleh_kosong"),
])
def test_broken_hint_is_a_config_error_at_its_key(project, change, rule, key):
    edit_package(project, _hint("penduduk_kecamatan", change))
    code, report = check(project)
    problems = at_key(report, rule)
    assert code == 2
    assert f"resources[7].monografi.{key}" in {p.column for p in problems}
    assert_indonesian(report)


@pytest.mark.parametrize(("headline", "ok"), [
    ({"ukuran": "sekolah_negeri"}, False),  # one jenjang's row shown as if it were the total
    ({"ukuran": "murid", "agregasi": "terakhir"}, False),
    ({"ukuran": "sekolah_negeri", "agregasi": "jumlah"}, True),
    ({"ukuran": "guru", "saring": {"jenjang": "SD"}}, True),
])
def test_headline_over_categories_must_say_how_they_add_up(project, headline, ok):
    edit_package(project, _hint("sekolah_kecamatan",
                                lambda h: h.update(angka_utama=[headline])))
    code, report = check(project)
    assert code == (0 if ok else 2), report.format_text()
    if not ok:
        problems = at_key(report, "angka_utama_kategori")
        text = " ".join(problems[0].texts("id"))
        assert "jenjang" in text and '"agregasi": "jumlah"' in text and "sekolah_kecamatan" in text
        assert_indonesian(report)


def test_unknown_chart_kind_names_the_valid_ones(project):
    edit_package(project, _hint("luas_desa", lambda h: h.update(grafik=[{"jenis": "pie"}])))
    from monografi.validation.hints import CHART_HINTS

    [problem] = at_key(check(project)[1], "petunjuk_jenis")
    for kind in CHART_HINTS:
        assert kind in problem.texts("id")[1] and kind in problem.texts("en")[1]


def test_package_hints_are_checked(project):
    edit_package(project, lambda d: d["monografi"]["peringatan"].update(perubahan_maks="50%"))
    code, report = check(project)
    assert code == 2
    assert at_key(report, "tipe_json")[0].column == "monografi.peringatan.perubahan_maks"


def test_unknown_hint_key_is_a_warning_naming_the_known_ones(project):
    edit_package(project, _hint("luas_desa", lambda h: h.update(grafk=[])))
    code, report = check(project)
    [problem] = at_key(report, "petunjuk_tak_dikenal")
    assert code == 0 and problem.severity == "warning" and "grafik" in problem.texts("id")[1]


def test_chart_hint_kinds_are_declared_once_and_drawn_by_the_charts():
    from monografi.charts.registry import HINT_KINDS
    from monografi.validation.hints import CHART_HINTS

    assert set(HINT_KINDS) == set(CHART_HINTS)


@pytest.mark.parametrize(("formula", "rule"), [
    ("laki_laki + perempuan == = jumlah", "rumus_sintaks"),
    ("laki_laki + perempuan == jumlh", "rumus_kolom"),
    ("rand() < 2", "rumus_kolom"),
    ("(lambda: 1)()", "rumus_sintaks"),
])
def test_broken_row_rule_is_one_config_error_at_its_key(project, formula, rule):
    edit_package(project, _hint("penduduk_kecamatan",
                                lambda h: h["aturan_baris"][0].update(rumus=formula)))
    code, report = check(project)
    assert code == 2
    assert [p.column for p in report.errors] == ["resources[7].monografi.aturan_baris[0].rumus"]
    assert report.errors[0].rule.id == rule
    assert_indonesian(report)


def test_broken_rule_without_pesan_reads_the_rule_and_the_values(project):
    edit_package(project, _hint("penduduk_kecamatan", lambda h: h.update(
        aturan_baris=[{"rumus": "laki_laki is None or laki_laki + perempuan == jumlah"}])))
    set_cell(project, "penduduk_kecamatan", 4, "jumlah", "154605")
    code, report = check(project)
    [problem] = at_key(report, "aturan_baris")
    message, _ = problem.texts("id")
    assert code == 1 and problem.row == 4
    assert "kosong atau laki_laki + perempuan sama dengan jumlah" in message
    assert "laki_laki = 77255, perempuan = 77349, jumlah = 154605" in message
    assert "is empty or laki_laki + perempuan equals jumlah" in problem.texts("en")[0]


def test_two_rules_where_one_contains_the_other_are_told_apart(project):
    rules = [{"rumus": "jumlah > 0", "pesan": "positif", "message": "positive"},
             {"rumus": "jumlah > 0 and jumlah < 5", "pesan": "kecil", "message": "small"}]
    edit_package(project, _hint("penduduk_kecamatan", lambda h: h.update(aturan_baris=rules)))
    _, report = check(project)
    assert {p.texts("id")[0] for p in at_key(report, "aturan_baris")} == {
        "Aturan baris dilanggar: kecil."}


@pytest.mark.parametrize(("resource", "row", "column", "value"), [
    ("kecamatan", 3, "nama_kecamatan", "KLARI"),
    ("kecamatan", 3, "nama_kecamatan", " klari "),
    ("kecamatan", 3, "nama_kecamatan", "Kl  ari".replace("  ", "")),
    ("kecamatan", 3, "kode_bps", "3215050"),
])
def test_case_and_space_variants_break_uniqueness_naming_the_other_row(project, resource, row,
                                                                       column, value):
    header, rows = read_raw(load_catalog(project / "datasets")[0].resource(resource))
    other = next(n for n, r in enumerate(rows, start=2)
                 if r[header.index(column)].casefold() == value.strip().casefold())
    set_cell(project, resource, row, column, value)
    code, report = check(project)
    [problem] = at_key(report, "unik")
    first, second = sorted((row, other))
    assert code == 1 and (problem.row, problem.column) == (second, column)
    assert f"baris {first}" in problem.texts("id")[0] and f"row {first}" in problem.texts("en")[0]


def test_desa_names_repeat_only_across_kecamatan(project):
    header, rows = read_raw(load_catalog(project / "datasets")[0].resource("desa"))
    name_at, parent_at = header.index("nama_desa"), header.index("kode_kecamatan")
    same = next(n for n, r in enumerate(rows[1:], start=3) if r[parent_at] == rows[0][parent_at])
    set_cell(project, "desa", same, "nama_desa", rows[0][name_at].upper())
    [problem] = at_key(check(project)[1], "unik")
    assert problem.row == same and "baris 2" in problem.texts("id")[0]


@pytest.mark.parametrize(("level", "parent", "rows", "flagged"), [
    ("kabupaten", "kode_provinsi", [["32.01", "Bogor", "kabupaten", "32"],
                                    ["32.71", "Bogor", "kota", "32"]], []),
    ("kabupaten", "kode_provinsi", [["32.01", "Bogor", "kabupaten", "32"],
                                    ["32.02", "BOGOR ", "kabupaten", "32"]], [3]),
    ("kabupaten", "kode_provinsi", [["32.01", "Bogor", "kabupaten", "32"],
                                    ["36.01", "Bogor", "kabupaten", "36"]], []),
    ("desa", "kode_kecamatan", [["32.15.01.1001", "Sukamaju", "kelurahan", "32.15.01"],
                                ["32.15.01.2001", "Sukamaju", "desa", "32.15.01"],
                                ["32.15.01.2002", "sukamaju", "desa", "32.15.01"]], [4]),
])
def test_area_names_are_unique_within_parent_and_kind(level, parent, rows, flagged):
    """Kabupaten Bogor and Kota Bogor (a desa and a kelurahan) are shown with their kind: both
    are real areas of one parent, not a name typed twice."""
    from monografi.validation.catalog import ResourceSpec
    from monografi.validation.uniqueness import duplicate_problems

    header = [f"kode_{level}", f"nama_{level}", "jenis", parent]
    spec = ResourceSpec({"name": level, "path": f"{level}.csv",
                         "schema": {"fields": [{"name": n, "type": "string"} for n in header]}},
                        Path(f"{level}.csv"))
    assert [p.row for p in duplicate_problems(spec, header, rows)] == flagged


def test_duplicate_primary_key_names_the_other_row(project):
    row = append_line(project, "luas_kecamatan", "32.15.02,2011,S3,1.5,")
    [problem] = at_key(check(project)[1], "kunci_ganda")
    header, rows = read_raw(load_catalog(project / "datasets")[0].resource("luas_kecamatan"))
    first = next(n for n, r in enumerate(rows, start=2) if r[:3] == ["32.15.02", "2011", "S3"])
    assert problem.row == row and f"baris {first}" in problem.texts("id")[0]


def _publish(project, name, rows):
    """A stand-in for the published build's CSV (synthetic rows: only their count matters)."""
    folder = project / "output" / "unduh"
    folder.mkdir(parents=True, exist_ok=True)
    header = (project / "datasets" / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
    (folder / f"{name}.csv").write_text("\n".join([header] + ["x"] * rows) + "\n", encoding="utf-8")


def _keep_rows(project, name, count):
    path = project / "datasets" / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:count + 1]) + "\n", encoding="utf-8")


def test_emptied_table_is_an_error_unless_declared(project):
    _publish(project, "penduduk_dukcapil_kecamatan", 7)
    _keep_rows(project, "penduduk_dukcapil_kecamatan", 0)
    code, report = check(project)
    [problem] = at_key(report, "tabel_dikosongkan")
    assert code == 1 and problem.file == "penduduk_dukcapil_kecamatan.csv"
    assert "7" in problem.texts("id")[0] and "boleh_kosong" in problem.texts("id")[1]
    edit_package(project, _hint("penduduk_dukcapil_kecamatan",
                                lambda h: h.update(boleh_kosong=True)))
    assert check(project)[0] == 0


def test_table_losing_most_rows_is_a_warning_with_the_counts(project):
    _publish(project, "luas_kecamatan", 56)
    _keep_rows(project, "luas_kecamatan", 20)
    code, report = check(project)
    [problem] = at_key(report, "baris_berkurang")
    assert code == 0 and problem.severity == "warning"
    assert "20" in problem.texts("id")[0] and "56" in problem.texts("id")[0]


def test_without_published_build_an_empty_table_is_fine(project):
    _keep_rows(project, "luas_kecamatan", 0)
    assert not any(p.rule.id == "tabel_dikosongkan" for p in check(project)[1].problems)


@pytest.mark.parametrize(("change", "rule", "file", "key"), [
    (lambda d: resource_of(d, "desa")["schema"]["fields"][0].update(type="teks"), "skema",
     "datapackage.json", "resources[2].schema.fields"),
    (lambda d: resource_of(d, "desa").update(title=5), "skema", "datapackage.json",
     "resources[2].title"),
    (lambda d: d.update(licenses="CC-BY-4.0"), "skema", "datapackage.json", "licenses"),
    (lambda d: resource_of(d, "desa")["schema"].update(primaryKey=["kode"]), "kunci_kolom",
     "datapackage.json", "resources[2].schema.primaryKey[0]"),
    (lambda d: resource_of(d, "desa")["schema"]["fields"][0]["constraints"].update(pattern="[("),
     "pola_rusak", "datapackage.json", "resources[2].schema.fields[0].constraints.pattern"),
    (lambda d: resource_of(d, "desa")["schema"].update(foreignKeys=[
        {"fields": "kode_kecamatan", "reference": {"resource": "kecamatn",
                                                   "fields": "kode_kecamatan"}}]),
     "kunci_tabel", "datapackage.json", "resources[2].schema.foreignKeys[0].reference.resource"),
    (lambda d: resource_of(d, "desa").pop("schema"), "kunci_wajib", "datapackage.json#resources[2]",
     "schema"),
    (lambda d: resource_of(d, "desa").update(schema={"fields": [{"type": "string"}]}), "tipe_json",
     "datapackage.json#resources[2]", "schema.fields[0].name"),
])
def test_schema_mistakes_are_indonesian_config_errors_at_their_key(project, change, rule, file, key):
    def inline_desa(descriptor):
        import json
        desa = resource_of(descriptor, "desa")
        desa["schema"] = json.loads((project / "datasets" / desa["schema"]).read_text("utf-8"))
        change(descriptor)
    edit_package(project, inline_desa)
    code, report = check(project)
    problem = next((p for p in report.errors if p.rule.id == rule), None)
    assert problem is not None, report.format_text()
    assert code == 2 and (problem.file, problem.column) == (file, key)
    assert_indonesian(report)


def test_schema_file_mistake_names_the_schema_file(project):
    path = project / "datasets" / "schemas" / "desa.json"
    path.write_text(path.read_text("utf-8").replace('"type": "string"', '"type": "teks"', 1), "utf-8")
    code, report = check(project)
    [problem] = at_key(report, "skema")
    assert code == 2 and (problem.file, problem.column) == ("schemas/desa.json", "fields")
    assert "'teks'" in problem.texts("id")[0]
    assert_indonesian(report)


@pytest.mark.parametrize(("level", "typed", "expected"), [
    ("kecamatan", "32.15.5", "32.15.05"),
    ("kecamatan", "32.15.1", "32.15.01"),
    ("kecamatan", "KLARI", "32.15.05"),
    ("kecamatan", "  kota   baru ", "32.15.25"),
    ("desa", "32.15.5.2001", "32.15.05.2001"),
    ("desa", "32.15.05.201", "32.15.05.2001"),
    ("desa", "32.15.5.201", "32.15.05.2001"),
])
def test_code_with_dropped_zero_suggests_the_padded_code(project, level, typed, expected):
    rows = read_raw(load_catalog(project / "datasets")[0].resource(level))
    assert suggest(*rows, level, typed)["mirip"] == expected
