"""The official template pack (issue 20): complete against the reference, empty, described in
Indonesian, free of personal-data columns, installed all-or-nothing, and checked by `check`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monografi import state as journal
from monografi.forms.form import write_form
from monografi.project import Project
from monografi.publishing.pipeline import build
from monografi.templates import TemplateError, coverage, install, templates
from monografi.templates.guide import guide_page, page_path
from monografi.validation.catalog import load_catalog
from monografi.validation.check import finish_pending_import, validate_datasets
from monografi.validation.hints import RESOURCE_KEYS
from monografi.validation.package import SAFE_NAME
from monografi.validation.personal_data import is_personal_column
from monografi.validation.template_hints import FORM_BOOKS, KEYS, STATUSES, UNSURE, template_hint_problems
from tests.conftest import REPO, copy_project, tree_digest

# The sections of the official structure (reference/monografi-standar.md), written out here so
# the pack's own coverage map is checked against the reference, not against itself.
REFERENCE_SECTIONS = [
    "monografi/identitas", "monografi/A", "monografi/B", "monografi/C", "monografi/D", "monografi/E",
    "monografi/F",
    "kcda/1", "kcda/2", "kcda/3", "kcda/4", "kcda/5", "kcda/6", "kcda/7",
    "kode/agama", "kode/pendidikan", "kode/pekerjaan", "kode/kelompok_umur", "kode/jenis_sekolah",
    "kode/sarana_kesehatan", "kode/tempat_ibadah",
]
# Stricter than the guard itself: a template must not even look like it holds personal data.
PERSONAL = re.compile(r"(^|_)(nik|nip|kk|no_kk|nomor|telepon|telp|hp|ponsel|whatsapp|wa|email|e_mail|"
                      r"surel|alamat|rumah|rt_rw_rumah|tanggal_lahir|tempat_lahir)($|_)")
ENGLISH = re.compile(r"\b(the|and|of|with|number|total|village|district|per village|population)\b", re.I)
PACK = templates()
FORMS = [t for t in PACK if not t.is_code_list]
DESA, KELURAHAN = "32.15.05.2001", "32.15.01.1001"  # a desa and a kelurahan of the bundled list


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A copy of the bundled project with the whole pack installed (read-only for tests)."""
    project = copy_project(tmp_path_factory.mktemp("templat") / "proyek")
    install(project / "datasets")
    return project


# --- the pack against the reference ------------------------------------------------------------

def test_every_section_of_the_reference_is_covered():
    sections = coverage()
    assert set(REFERENCE_SECTIONS) <= set(sections)
    for section in REFERENCE_SECTIONS:
        assert sections[section]["templat"], f"{section} has no template"
    names = {t.name for t in PACK}
    listed = [name for section in sections.values() for name in section["templat"]]
    assert set(listed) <= names and len(listed) == len(set(listed))
    assert set(listed) == names  # every template is placed in exactly one section


def test_the_coverage_map_agrees_with_each_templates_form_layout():
    sections = coverage()
    for item in PACK:
        section = (f"kode/{item.name.removeprefix('kode_')}" if item.is_code_list
                   else "/".join(item.layout[:2]))
        assert item.name in sections[section]["templat"], (item.name, section)
    for book, declared in FORM_BOOKS.items():
        assert {f"{book}/{s}" for s in declared.sections} <= set(sections)


def test_every_template_names_its_official_item_and_status():
    for item in PACK:
        assert item.references, item.name
        for reference in item.references:
            assert reference["dokumen"].strip() and reference["butir"].strip(), item.name
            assert reference["status"] in STATUSES, item.name
            if reference["status"] in UNSURE:  # says what is practice or inferred
                assert reference["catatan"].strip(), item.name
        assert item.status == item.references[0]["status"]
    assert {t.status for t in PACK} == set(STATUSES)  # all three kinds occur and are said


def test_the_template_hints_are_declared_with_the_other_hints():
    assert set(KEYS) <= set(RESOURCE_KEYS)


def test_form_templates_have_a_place_in_an_official_form_and_code_lists_have_none():
    for item in FORMS:
        book, section, order = item.layout
        assert section in FORM_BOOKS[book].sections and isinstance(order, int) and order >= 1
    orders = [t.layout for t in FORMS]
    assert len(orders) == len(set(orders))
    assert all(t.layout is None and "rekap" not in t.hints for t in PACK if t.is_code_list)
    assert all(t.level == "desa" for t in PACK if "rekap" in t.hints)


def test_rollup_never_adds_up_distances_heights_shares_or_averages():
    for item in PACK:
        units = {f["name"]: f.get("satuan") for f in item.schema["fields"]}
        for measure in item.hints.get("rekap", {}).get("ukuran", []):
            assert units[measure] not in {"km", "m dpl", "%", "°C", "mm", "hari"}, (item.name, measure)
            assert not measure.startswith(("jarak", "rata", "penghasilan", "tunjangan")), (item.name, measure)


# --- empty, described, no personal data ---------------------------------------------------------

@pytest.mark.parametrize("item", FORMS, ids=lambda t: t.name)
def test_every_template_ships_with_zero_data_rows(item):
    assert item.rows == []
    assert item.csv == (",".join(f["name"] for f in item.schema["fields"]) + "\n").encode()


@pytest.mark.parametrize("item", [t for t in PACK if t.is_code_list], ids=lambda t: t.name)
def test_code_lists_carry_their_codes_under_the_schema_header(item):
    rows = list(csv.reader(io.StringIO(item.csv.decode())))
    assert rows[0] == [f["name"] for f in item.schema["fields"]] and len(rows) > 2
    names = [dict(zip(rows[0], r, strict=True))["nama"] for r in rows[1:]]
    assert len(names) == len(set(names)) and all(n.strip() == n and n for n in names)


@pytest.mark.parametrize("item", PACK, ids=lambda t: t.name)
def test_every_field_has_an_indonesian_title_and_description_and_numbers_a_unit(item):
    for field in item.schema["fields"]:
        assert field["title"].strip() and field["description"].strip(), (item.name, field["name"])
        assert not ENGLISH.search(field["title"] + " " + field["description"]), (item.name, field)
        if field["type"] in ("integer", "number"):
            assert field.get("satuan", "").strip(), (item.name, field["name"])
    assert item.entry["title"].strip() and item.entry["description"].strip()
    assert not ENGLISH.search(item.entry["title"] + " " + item.entry["description"])


def test_no_template_has_a_personal_data_column():
    for item in PACK:
        for field in item.schema["fields"]:
            assert not is_personal_column(field["name"]), (item.name, field["name"])
            assert not PERSONAL.search(field["name"]), (item.name, field["name"])


def test_names_are_safe_unique_fit_a_form_sheet_and_leave_the_bundled_tables_alone():
    names = [t.name for t in PACK]
    bundled = {r["name"] for r in json.loads(
        (REPO / "datasets" / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert len(names) == len(set(names)) and not set(names) & bundled
    assert all(SAFE_NAME.fullmatch(n) and len(n) <= 31 for n in names)  # Excel sheet names


def test_the_guide_page_is_the_one_written_from_the_pack():
    text = page_path(Project(REPO)).read_text(encoding="utf-8")
    assert text == guide_page(), "regenerate the page: page_path(project).write_text(guide_page())"
    for item in PACK:
        assert f"`{item.name}`" in text
    for status in STATUSES:
        assert f"**{status}**" in text


# --- installing ---------------------------------------------------------------------------------

def test_the_whole_pack_installed_into_the_bundled_package_passes_check(installed):
    catalog, report = validate_datasets(installed / "datasets")
    assert report.ok and not report.problems, report.format_text()
    assert {t.name for t in PACK} <= {r.name for r in catalog.resources}
    for item in PACK:
        assert (installed / "datasets" / f"{item.name}.csv").read_bytes() == item.csv


@pytest.mark.slow
def test_the_whole_pack_builds(installed, tmp_path):
    result = build(installed, tmp_path / "situs", quiet=True, workers=2)
    assert result.ok, result.report.format_text()
    site = tmp_path / "situs"
    for page in ("data/penduduk_umur_desa/index.html", "data/kode_agama/index.html",
                 "panduan-templat/index.html", "desa/32-15-05-2001/index.html"):
        assert (site / page).is_file(), page
    guide = (site / "panduan-templat" / "index.html").read_text(encoding="utf-8")
    assert "penduduk_monografi_desa" in guide and "disimpulkan" in guide


def test_the_pack_fits_a_portal_of_another_regency(tmp_path):
    """A portal generated for Kota Cilegon (kelurahan only; SYNTHETIC figures from bench/generate)
    takes the whole pack and still passes check."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    project = generate("nasional", tmp_path / "cilegon", only=["36.72"])
    install(project / "datasets")
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    assert {t.name for t in PACK} <= {r.name for r in catalog.resources}


def test_the_area_code_takes_the_pattern_and_example_of_the_projects_master_table(installed):
    catalog, _ = load_catalog(installed / "datasets")
    for level in ("desa", "kecamatan"):
        master = next(f for f in catalog.resource(level).fields if f["name"] == f"kode_{level}")
        for item in FORMS:
            if item.level == level:
                field = next(f for f in catalog.resource(item.name).fields if f["name"] == f"kode_{level}")
                assert field["constraints"]["pattern"] == master["constraints"]["pattern"]
                assert field["example"] == master["example"]


def test_installing_twice_refuses_and_changes_nothing(installed, tmp_path):
    project = copy_project(tmp_path / "lagi", contact=None)
    install(project / "datasets", ["penduduk_umur_desa"])
    before = tree_digest(project)
    for names in (None, ["penduduk_umur_desa"], ["kode_kelompok_umur"]):
        with pytest.raises(TemplateError) as refused:
            install(project / "datasets", names)
        assert refused.value.key == "templat_sudah_ada"
        assert tree_digest(project) == before
    assert "penduduk_umur_desa" in refused.value.text() or "kode_kelompok_umur" in refused.value.text()


def test_a_file_left_behind_under_a_templates_name_is_never_overwritten(tmp_path):
    project = copy_project(tmp_path / "sisa")
    (project / "datasets" / "schemas" / "bank_desa.json").write_text("{}", encoding="utf-8")
    before = tree_digest(project / "datasets")
    with pytest.raises(TemplateError) as refused:
        install(project / "datasets", ["bank_desa"])
    assert refused.value.key == "templat_sudah_ada" and "schemas/bank_desa.json" in refused.value.text()
    assert tree_digest(project / "datasets") == before


def test_unknown_template_names_are_refused_with_the_list(tmp_path):
    project = copy_project(tmp_path / "salah")
    with pytest.raises(TemplateError) as refused:
        install(project / "datasets", ["penduduk_umur", "sekolah_desa"])
    assert refused.value.key == "templat_tak_dikenal"
    assert "penduduk_umur" in refused.value.text() and "penduduk_umur_desa" in refused.value.text("en")


def _without_desa(project: Path) -> None:
    """The bundled package cut down to kabupaten, kecamatan and sources: no desa master table."""
    path = project / "datasets" / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    keep = {"kabupaten", "kecamatan", "sumber", "luas_kecamatan", "penduduk_kecamatan"}
    package["resources"] = [r for r in package["resources"] if r["name"] in keep]
    for resource in package["resources"]:
        resource.get("monografi", {}).pop("jumlah_desa", None)
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_installing_into_a_package_without_the_desa_master_table_refuses_clearly(tmp_path):
    project = copy_project(tmp_path / "tanpa-desa")
    _without_desa(project)
    before = tree_digest(project / "datasets")
    with pytest.raises(TemplateError) as refused:
        install(project / "datasets")
    assert refused.value.key == "templat_tanpa_induk" and refused.value.values["master"] == "desa"
    assert "desa" in refused.value.text() and "penduduk_umur_desa" in refused.value.text()
    assert tree_digest(project / "datasets") == before
    install(project / "datasets", ["pns_kecamatan", "iklim_kecamatan"])  # kecamatan tables fit
    assert validate_datasets(project / "datasets")[1].ok


def test_a_subset_brings_its_code_lists_and_a_later_one_reuses_them(tmp_path):
    project = copy_project(tmp_path / "sebagian")
    datasets = project / "datasets"
    first = install(datasets, ["penduduk_pendidikan_desa"])
    assert "kode_pendidikan.csv" in first and "schemas/kode_pendidikan.json" in first
    before = (datasets / "kode_pendidikan.csv").read_bytes()
    second = install(datasets, ["pns_kecamatan", "personil_desa"])
    assert "kode_pendidikan.csv" not in second and (datasets / "kode_pendidikan.csv").read_bytes() == before
    assert validate_datasets(datasets)[1].ok


def _fail_swap(monkeypatch, number: int, error: OSError) -> None:
    """The `number`-th file swapped into datasets/ by the commit fails with `error`."""
    real, calls = journal.os.replace, []

    def replace(source, target):
        if Path(target).parent.name != "baru":  # staging writes go through os.replace too
            calls.append(target)
        if len(calls) == number:
            raise error
        return real(source, target)

    monkeypatch.setattr(journal.os, "replace", replace)


def test_a_write_that_fails_half_way_leaves_datasets_as_it_was(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "gagal")
    before = tree_digest(project / "datasets")
    _fail_swap(monkeypatch, 7, PermissionError(13, "Permission denied"))
    with pytest.raises(TemplateError) as refused:
        install(project / "datasets")
    assert refused.value.key == "templat_gagal"
    assert tree_digest(project / "datasets") == before


def test_an_install_cut_off_mid_way_is_undone_by_the_next_command(tmp_path, monkeypatch):
    """The roll-back itself fails after some files were created: the journal stays, and the next
    command that reads datasets/ removes them again."""
    project = copy_project(tmp_path / "putus")
    before = tree_digest(project / "datasets")
    _fail_swap(monkeypatch, 9, OSError(5, "Input/output error"))
    monkeypatch.setattr(journal, "_roll_back", lambda *a: (_ for _ in ()).throw(OSError("mati")))
    with pytest.raises(TemplateError) as refused:
        install(project / "datasets")
    assert refused.value.key == "templat_gagal_terputus"
    assert tree_digest(project / "datasets") != before  # half-way, but journaled
    monkeypatch.undo()
    notes = finish_pending_import(Project(project))  # as `check` does
    assert notes and {p.rule.id for p in notes} == {"impor_dipulihkan"}
    assert tree_digest(project / "datasets") == before


def test_a_disk_that_fills_up_while_staging_changes_nothing(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "penuh")
    before = tree_digest(project / "datasets")

    def full(target, data, durable=False):
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(journal, "write_atomic", full)
    with pytest.raises(TemplateError) as refused:
        install(project / "datasets")
    assert refused.value.key == "templat_gagal" and "No space left" in refused.value.text()
    assert tree_digest(project / "datasets") == before


def test_forms_can_be_made_with_every_template_installed(installed, tmp_path):
    catalog, _ = load_catalog(installed / "datasets")
    target = write_form(catalog, "32.15.05", tmp_path / "formulir.xlsx", "2024")
    import openpyxl

    sheets = openpyxl.load_workbook(target).sheetnames
    assert {t.name for t in FORMS if t.level in ("desa", "kecamatan")} <= set(sheets)


# --- what the templates' rules refuse -----------------------------------------------------------

def _with_rows(installed: Path, tmp_path: Path, table: str, rows: list[list[str]]):
    project = copy_project(tmp_path / table, contact=None)
    install(project / "datasets", [table])
    header = (project / "datasets" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    (project / "datasets" / f"{table}.csv").write_bytes(_csv([header, *rows]))
    return validate_datasets(project / "datasets")[1]


def test_the_row_rules_and_code_lists_refuse_what_does_not_add_up(installed, tmp_path):
    report = _with_rows(installed, tmp_path, "penduduk_umur_desa", [
        [DESA, "2024", "0–4 tahun", "10", "12", "22", "S1", ""],
        [DESA, "2024", "5–9 tahun", "10", "12", "23", "S1", ""],  # 10 + 12 != 23
        [DESA, "2024", "5-9 tahun", "1", "1", "2", "S1", ""]])  # not a name in the code list
    rules = sorted((p.rule.id, p.row) for p in report.problems if p.severity == "error")
    assert rules == [("aturan_baris", 3), ("kode_tidak_dikenal", 4)]


def test_desa_only_and_kelurahan_only_tables_refuse_the_other_kind(installed, tmp_path):
    report = _with_rows(installed, tmp_path, "keuangan_desa", [
        [DESA, "2025-06", *[""] * 15, "S1", ""], [KELURAHAN, "2025-06", *[""] * 15, "S1", ""]])
    assert [(p.rule.id, p.row) for p in report.problems if p.severity == "error"] == [("aturan_baris", 3)]
    report = _with_rows(installed, tmp_path, "personil_desa", [
        [KELURAHAN, "2025-06", "Lurah", "Siti", "perempuan", "Strata II", "", "", "", "S1", ""],
        [DESA, "2025-06", "Lurah", "Budi", "laki-laki", "", "", "", "", "S1", ""],
        [DESA, "2025-13", "Kepala Desa", "Budi", "laki-laki", "", "", "", "", "S1", ""]])
    found = sorted((p.rule.id, p.row) for p in report.problems if p.severity == "error")
    assert found == [("aturan_baris", 3), ("pola", 4)]


def test_a_personal_number_in_a_personil_template_is_refused(installed, tmp_path):
    report = _with_rows(installed, tmp_path, "personil_desa", [
        [DESA, "2025-06", "Kepala Desa", "Budi 3215052001900001", "", "", "", "", "", "S1", ""]])
    assert [p.rule.id for p in report.problems if p.severity == "error"] == ["data_pribadi"]


# --- the hints check: each input class at its boundary ------------------------------------------

@pytest.fixture(scope="module")
def catalog(installed):
    loaded, _ = load_catalog(installed / "datasets")
    return loaded


def _problems(catalog, table: str, key: str, value) -> list:
    hints = catalog.resource(table).descriptor["monografi"]
    old = hints.get(key)
    hints[key] = value
    try:
        return [p for p in template_hint_problems(catalog) if f".monografi.{key}" in (p.column or "")]
    finally:
        if old is None:
            del hints[key]
        else:
            hints[key] = old


def _spellings(word: str):
    return st.sampled_from([word, word.upper(), word.capitalize(), f" {word}", f"{word} ", word[:-1],
                            word + "s", word.replace("a", "а")])  # the last: a Cyrillic a


SETTINGS = settings(max_examples=60, deadline=None)


@SETTINGS
@given(book=st.one_of(st.sampled_from(list(FORM_BOOKS)), st.text(max_size=12),
                      st.sampled_from(list(FORM_BOOKS)).flatmap(_spellings)),
       order=st.one_of(st.integers(-3, 40), st.floats(allow_nan=False), st.booleans(), st.text(max_size=3)))
def test_form_layout_is_accepted_exactly_for_a_known_book_and_a_whole_positive_order(catalog, book, order):
    section = next(iter(FORM_BOOKS[book].sections)) if book in FORM_BOOKS else "A"
    problems = _problems(catalog, "penduduk_umur_desa", "formulir",
                         {"buku": book, "bagian": section, "urutan": order})
    valid = book in FORM_BOOKS and type(order) is int and order >= 1
    assert (problems == []) == valid, (book, order, problems)


@SETTINGS
@given(section=st.one_of(st.sampled_from(["identitas", "A", "F", "1", "7", "I", "II"]),
                         st.text(max_size=10)),
       book=st.sampled_from(list(FORM_BOOKS)))
def test_a_section_must_belong_to_its_book(catalog, book, section):
    problems = _problems(catalog, "sekolah_desa", "formulir", {"buku": book, "bagian": section, "urutan": 1})
    assert (problems == []) == (section in FORM_BOOKS[book].sections)
    assert all(p.rule.id == "petunjuk_pilihan" for p in problems)


@SETTINGS
@given(status=st.one_of(st.sampled_from(STATUSES), st.sampled_from(STATUSES).flatmap(_spellings),
                        st.text(max_size=14)),
       note=st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["", "  ", "\n", "bukan ketentuan"])))
def test_a_reference_needs_a_known_status_and_says_what_is_not_confirmed(catalog, status, note):
    reference = {"dokumen": "Permendagri 13/2012", "butir": "Form 2, A.5", "status": status}
    if note is not None:
        reference["catatan"] = note
    problems = _problems(catalog, "sekolah_desa", "rujukan", [reference])
    explained = isinstance(note, str) and bool(note.strip())
    valid = status == STATUSES[0] or (status in UNSURE and explained)
    assert (problems == []) == valid, (status, note, problems)


@SETTINGS
@given(columns=st.lists(st.sampled_from(["laki_laki", "perempuan", "jumlah", "kelompok_umur", "tahun",
                                         "sumber", "catatan", "umur"]), min_size=1, max_size=4),
       table=st.sampled_from(["penduduk_umur_desa", "pns_kecamatan"]))
def test_rollup_names_numeric_columns_of_a_desa_table_only(catalog, columns, table):
    problems = _problems(catalog, table, "rekap", {"ukuran": columns})
    numeric = {"laki_laki", "perempuan", "jumlah"}
    valid = set(columns) <= numeric and table.endswith("_desa")
    assert (problems == []) == valid, (table, columns, problems)
    if table == "pns_kecamatan" and set(columns) <= numeric:
        assert [p.rule.id for p in problems] == ["petunjuk_tingkat"]
