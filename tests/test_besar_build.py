"""A very large table builds in bounded time: page keys from cheap digests, capped page tables,
the API rendered per file from grouped rows, XLSX streamed and withheld beyond Excel's rows.

Small synthetic or bundled tables with the limits monkeypatched low: fast, and each test fails
on the code before the change (unbounded pages, the API built whole, XLSX always offered)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from openpyxl import load_workbook
from pelican.settings import read_settings

from monografi import fmt, urls
from monografi.exports import Downloads, api, dcat, xlsx
from monografi.exports.base import cell_value
from monografi.exports.formats import by_key, offered, withheld
from monografi.exports.portal import export_datasets
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.site.context import SiteData
from monografi.site.digest import ValueDigest
from monografi.site.markup import THEME_FILTERS
from monografi.site.pages import datasets as dataset_pages
from monografi.site.views import area as area_views
from monografi.site.views import tables
from monografi.site.views.dataset import downloads
from monografi.validation.catalog import load_catalog
from monografi.validation.publisher import publisher
from tests.conftest import REPO
from tests.helpers import set_cell


@pytest.fixture(scope="module")
def context():
    catalog, problems = load_catalog(REPO / "datasets")
    assert not problems
    return build_context(build_model(catalog))


def _model(project: Path):
    catalog, _ = load_catalog(project / "datasets")
    return build_model(catalog)


# --- page keys --------------------------------------------------------------------------------

def _table(texts: list[str]) -> tables.TableView:
    return tables.TableView("Contoh", [tables.Cell("Nilai", numeric=True)],
                            [[tables.Cell(t, numeric=True, href=f"unduh/{i}.csv", title="S1")]
                             for i, t in enumerate(texts)])


@pytest.mark.parametrize("change", [
    lambda c: replace(c, text="1.235"), lambda c: replace(c, href="unduh/lain.csv"),
    lambda c: replace(c, title="S2"), lambda c: replace(c, numeric=False),
    lambda c: replace(c, title=None), lambda c: replace(c, text=1234)])
def test_page_key_changes_when_any_shown_cell_changes(context, change):
    digest = ValueDigest(context.model)
    page = {"view": {"sections": [_table(["1.234", "5"])]}}
    assert digest(page) == digest({"view": {"sections": [_table(["1.234", "5"])]}})
    changed = _table(["1.234", "5"])
    changed.rows[1][0] = change(changed.rows[1][0])
    assert digest({"view": {"sections": [changed]}}) != digest(page)


def test_page_key_follows_a_changed_figure_on_a_real_area_page(project):
    """One figure of one desa changed in the CSV: its page gets a new key; unchanged data, the same."""
    before, again = _model(project), _model(project)
    desa = before.datasets["penduduk_desa"].table["kode_desa"].iloc[0]
    value = before.datasets["penduduk_desa"].table["jumlah"].iloc[0]
    set_cell(project, "penduduk_desa", 2, "jumlah", str(int(value) + 1))
    after = _model(project)

    def key(model):
        return ValueDigest(model)(area_views.area_view(model, {}, model.areas[desa], []))

    assert key(before) == key(again) and key(after) != key(before)


def test_page_key_is_the_same_in_every_process(context):
    """No set or dict order, no object address: keys match across runs (and hash seeds)."""
    script = ("from tests.test_besar_build import _table; from monografi.site.digest import "
              "ValueDigest; from monografi.model.context import build_context; from monografi.model."
              "areas import build_model; from monografi.validation.catalog import load_catalog; "
              "from tests.conftest import REPO; m = build_model(load_catalog(REPO / 'datasets')[0]);"
              " print(ValueDigest(m)({'t': _table(['1', '2']), 's': {'b', 'a'}, 'd': m.datasets"
              "['penduduk_desa'], 'a': m.areas['32.15.01']}))")
    keys = {subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
            for seed in ("1", "2")}
    model = context.model
    here = ValueDigest(model)({"t": _table(["1", "2"]), "s": {"a", "b"},
                               "d": model.datasets["penduduk_desa"], "a": model.areas["32.15.01"]})
    assert keys == {here + "\n"}


# --- rows listed on a page --------------------------------------------------------------------

def _theme() -> jinja2.Environment:
    """The theme's templates with the site's Jinja settings (pelicanconf.py), without Pelican."""
    settings = read_settings(str(REPO / "pelicanconf.py"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "theme" / "templates"),
                             **settings["JINJA_ENVIRONMENT"])
    env.filters.update(settings["JINJA_FILTERS"] | THEME_FILTERS)  # as publishing.pipeline does
    env.globals.update(settings["JINJA_GLOBALS"])
    return env


def _render_table(table: tables.TableView) -> str:
    return _theme().from_string('{% import "_macros.html" as m with context %}{{ m.table(t) }}').render(
        t=table, SITEURL=".")


def test_a_table_longer_than_the_cap_shows_the_first_rows_and_links_the_csv(context, monkeypatch):
    model = context.model
    dataset = model.datasets["luas_kecamatan"]
    rows = dataset.sorted_rows(dataset.table)
    monkeypatch.setattr(tables, "PAGE_ROWS", 4)
    capped = tables.capped_table(model, dataset, rows.head(5).to_dict("records"), "Luas", True)
    assert len(capped.rows) == 4 and capped.total == 5
    assert capped.full.href == urls.csv_path("luas_kecamatan") == "unduh/luas_kecamatan.csv"
    assert [r[0].title for r in capped.rows] == list(rows["kode_kecamatan"].head(4))  # stable order
    html = _render_table(capped)
    assert html.count("<tr>") == 5  # header + 4 rows
    assert ('Menampilkan 4 baris pertama dari 5 baris; semua baris ada di '
            '<a href="./unduh/luas_kecamatan.csv">berkas CSV</a>.') in html

    exact = tables.capped_table(model, dataset, rows.head(4).to_dict("records"), "Luas", True)
    assert len(exact.rows) == 4 and exact.total is None and exact.full is None
    assert "Menampilkan" not in _render_table(exact)


def test_every_table_of_an_area_page_is_capped(context, monkeypatch):
    """Own rows, the rows of the areas below, and the derived figures: none grows with the data."""
    model = context.model
    monkeypatch.setattr(tables, "PAGE_ROWS", 1)
    monkeypatch.setattr(area_views, "PAGE_ROWS", 1)
    kecamatan = model.areas["32.15.01"]
    view = area_views.area_view(model, {}, kecamatan, [])
    shown = [b.table for s in view.sections for b in s.blocks] + [view.derived]
    assert all(len(t.rows) <= 1 for t in shown)
    long = [t for t in shown if t.total]
    assert long and all(t.total > 1 and t.full.href for t in long)
    assert view.derived.total == len(model.derived_for(kecamatan.code)) + sum(
        len(model.derived_for(c.code)) for c in kecamatan.children)
    assert view.derived.full.href == urls.url(urls.API_PAGE)  # figures of several areas
    home = area_views.derived_table(model, next(iter(model.roots)))
    assert home.total and home.full.href == urls.api_area_path(next(iter(model.roots)))


# --- API --------------------------------------------------------------------------------------

def _figures_filtered_per_area(model, area) -> list[dict]:
    """The API's figures as first written: every table filtered for the area, row by row."""
    result = []
    for dataset in model.topics(area.level):
        declared = ", ".join(dataset.source_ids)
        table = dataset.table[dataset.table[dataset.area_field] == area.code]
        for row in dataset.sorted_rows(table).to_dict("records"):
            categories = {f.name: cell_value(row.get(f.name)) for f in dataset.categories}
            for measure in dataset.measures:
                value = cell_value(row.get(measure.name))
                if value is None:
                    continue
                source = cell_value(row.get("sumber")) or declared
                result.append({
                    "dataset": dataset.name, "kolom": measure.name, "judul": measure.title,
                    "nilai": value, "satuan": fmt.satuan(measure.unit),
                    "periode": cell_value(row.get(dataset.period_field))
                    if dataset.period_field else None,
                    "sumber": source, "judul_sumber": model.sources.get(source, {}).get("title"),
                    "kategori": categories, "catatan": cell_value(row.get("catatan"))})
    return result


def test_api_area_documents_equal_the_per_area_filter_on_the_bundled_data(context):
    model = context.model
    downloads = Downloads(context)
    files = {**api.export_api(downloads), **api.export_area_api(downloads)}
    assert set(files) == {urls.API_INDEX, *(urls.api_dataset_path(n) for n in model.datasets),
                          *(urls.api_area_path(a) for a in model.areas.values())}
    assert sum(len(api.figures(model, a)) for a in model.areas.values()) > 0
    for area in model.areas.values():
        assert api.figures(model, area) == _figures_filtered_per_area(model, area), area.code
        assert model.derived_for(area.code) == [d for d in model.derived if d.code == area.code]
        document = json.loads(files[urls.api_area_path(area)])
        assert document["angka"] == json.loads(json.dumps(_figures_filtered_per_area(model, area)))


def test_api_files_are_rendered_one_at_a_time_as_they_are_written(context, monkeypatch):
    """Building every area document first held a million-row table's whole API in memory."""
    rendered = []
    original = api.area_document
    monkeypatch.setattr(api, "area_document", lambda e, a: rendered.append(a.code) or original(e, a))
    files = api.export_area_api(Downloads(context))
    assert rendered == []
    for count, (path, data) in enumerate((p, d) for p, d in files.items() if "/api/v1/" not in p):
        assert isinstance(data, bytes) and data.endswith(b"\n")
        assert len(rendered) <= count + 1, path
    assert len(rendered) == len(context.model.areas)


# --- XLSX -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("rows", "fits"), [(0, True), (1_048_575, True), (1_048_576, False),
                                            (5_000_000, False)])
def test_xlsx_fits_only_up_to_excels_rows_per_sheet(rows, fits):
    assert xlsx.fits(SimpleNamespace(table=range(rows))) is fits


def test_xlsx_is_neither_written_nor_listed_for_a_table_beyond_excels_limit(context, monkeypatch):
    model = context.model
    big = model.datasets["luas_kecamatan"]
    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROWS", len(big.table))  # header + rows: one too many
    small = model.datasets["luas_desa"]
    assert by_key("xlsx") not in offered(big) and by_key("xlsx") in offered(small)
    files = Downloads(context)
    assert "unduh/luas_kecamatan.xlsx" not in export_datasets(files)
    assert {"unduh/luas_kecamatan.csv", "unduh/luas_desa.xlsx"} <= export_datasets(files).keys()
    assert [d.label for d in downloads(files, big)] == [
        f.label for f in offered(big)] and "XLSX" not in [f.label for f in offered(big)]
    entries = {e["identifier"].rstrip("/").rsplit("/", 1)[1]: e
               for e in dcat.data_json(context)["dataset"]}
    assert "XLSX" not in [d["format"] for d in entries["luas_kecamatan"]["distribution"]]
    assert "XLSX" in [d["format"] for d in entries["luas_desa"]["distribution"]]
    catalog = json.dumps(dcat.dcat_catalog(context))
    assert "luas_kecamatan.xlsx" not in catalog and "luas_desa.xlsx" in catalog
    index = {d["nama"]: d["unduhan"] for d in api.index_document(context)["dataset"]}
    assert "xlsx" not in index["luas_kecamatan"] and "xlsx" in index["luas_desa"]
    assert withheld(small) == []
    assert withheld(big) == [f"XLSX tidak tersedia: tabel ini berisi {len(big.table)} baris, lebih "
                             f"dari {len(big.table) - 1} baris data yang muat dalam satu lembar "
                             "Excel. Unduh CSV atau JSON untuk semua baris."]


def test_dataset_page_says_where_the_xlsx_download_would_be(context, monkeypatch):
    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROWS", 1)  # every table with a row is too long
    pages = {p.path: p for p in dataset_pages.pages(SiteData(context, [], Downloads(context)))}
    page = pages[urls.dataset_path("luas_kecamatan")]
    package = context.model.catalog.descriptor
    site = {"SITEURL": ".", "MONOGRAFI_PACKAGE": package,  # what the plugin adds to every page
            "MONOGRAFI_PUBLISHER": publisher(package)}
    html = _theme().get_template("dataset.html").render(view=page.view, **site)
    unduh = html[html.index('id="unduh"'):html.index("</section>", html.index('id="unduh"'))]
    assert "XLSX tidak tersedia: tabel ini berisi 56 baris" in unduh and ".xlsx" not in unduh
    index = _theme().get_template("datasets.html").render(view=pages[urls.DATA_INDEX].view, **site)
    assert "Kecuali XLSX untuk " in index and context.model.datasets["luas_kecamatan"].title in index


def _sheets(data: bytes) -> dict:
    book = load_workbook(__import__("io").BytesIO(data))
    return {s.title: [[(c.value, c.quotePrefix, c.font.b) for c in row] for row in s.iter_rows()]
            for s in book.worksheets} | {"panes": [s.freeze_panes for s in book.worksheets]}


def test_a_streamed_workbook_holds_the_same_cells_as_the_usual_one(context, monkeypatch):
    dataset = context.model.datasets["luas_kecamatan"]
    usual = xlsx.render(Downloads(context), dataset)
    monkeypatch.setattr(xlsx, "STREAMED_ROWS", 0)
    streamed = xlsx.render(Downloads(context), dataset)
    assert streamed != usual  # the write-only path ran (it leaves out <dimension>)
    assert _sheets(streamed) == _sheets(usual)
    assert xlsx.render(Downloads(context), dataset) == streamed  # still reproducible


# --- numbers ----------------------------------------------------------------------------------

def _babel_angka(value, decimals=None) -> str:
    """fmt.angka as it was: Babel's pattern for the Indonesian locale (the reference)."""
    from decimal import Decimal, localcontext

    from babel.numbers import format_decimal

    if fmt.is_missing(value) or isinstance(value, str):
        return fmt.angka(value)
    number = float(value)
    if decimals is None:
        decimals = 0 if number.is_integer() else fmt._decimals(number)
    rounded = Decimal(f"{number:.{decimals}f}")
    with localcontext(prec=max(28, len(rounded.as_tuple().digits))):
        return format_decimal(rounded, format="#,##0." + "0" * decimals if decimals else "#,##0",
                              locale=fmt.LOCALE)


def _numbers() -> list:
    import random

    rng = random.Random(13)
    values = [0, -0.0, 0.0, 1, -1, 999, 1000, -1000, 123456789, 10**15, 2**63, 1e20, -1e20, 0.5,
              1.5, 2.5, -2.5, 0.0004, -0.00012, 1e-9, 12.345, 12.3456, 99999.9995, True, 0.1 + 0.2]
    for digits in range(1, 16):
        values += [rng.randrange(-10**digits, 10**digits) for _ in range(20)]
        values += [round(rng.uniform(-10**digits, 10**digits), rng.randrange(0, 4)) for _ in range(20)]
    return values


def test_numbers_are_written_as_babel_wrote_them_for_indonesian():
    """The page formatter skips Babel (11 µs a number, minutes on a million-row table): same text."""
    import numpy as np

    for value in _numbers():
        for decimals in (None, 0, 1, 2, 3):
            assert fmt.angka(value, decimals) == _babel_angka(value, decimals), (value, decimals)
    assert fmt.angka(np.int64(-1234567)) == "-1.234.567" and fmt.angka(np.float64(1234.5)) == "1.234,5"


def test_the_large_table_benchmark_records_every_stage_of_the_build():
    sys.path.insert(0, str(REPO / "bench"))
    from check_besar import stage_times

    output = ("Situs selesai dibangun (393 halaman, 6.0 detik).\n  validasi 0.32 s · model 12 s · "
              "indeks pencarian 0.57 s · berkas tambahan 0.00 s · terbit 0.07 s\n")
    assert stage_times(output) == {"validasi": 0.32, "model": 12.0, "indeks pencarian": 0.57,
                                   "berkas tambahan": 0.0, "terbit": 0.07}
    assert stage_times("gagal sebelum tahap mana pun\n") == {}
