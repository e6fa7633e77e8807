"""Every number in view (issue 18), proved in Chromium at 320, 390 and 1366 px.

Two kinds of proof. Generated tables (hypothesis) of every shape the portal can make — one to
eight columns, values from 0 to a billion with up to three decimals, long column titles, long
notes, periods and codes — are laid out by the theme's own table macro and stylesheet and
measured with tests/viewcheck.py: no value behind a scroll edge, no number broken across
lines, no sideways page scroll. Then every page type of the bundled (real) portal is measured
the same way, and screenshots at the three widths are kept in test-artifacts/.
"""

from __future__ import annotations

import re

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from pelican.settings import read_settings

from monografi import fmt, urls
from monografi.site.markup import THEME_FILTERS, unbroken
from monografi.site.views.tables import Cell, TableView, footnoted
from tests import viewcheck
from tests.conftest import REPO
from tests.test_browser import browser, server  # noqa: F401 (fixtures)

slow = pytest.mark.slow
CSS = (REPO / "theme" / "static" / "css" / "monografi.css").read_text(encoding="utf-8")
ARTIFACTS = REPO / "test-artifacts"


def _theme() -> jinja2.Environment:
    settings_ = read_settings(str(REPO / "pelicanconf.py"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "theme" / "templates"),
                             **settings_["JINJA_ENVIRONMENT"])
    env.filters.update(settings_["JINJA_FILTERS"] | THEME_FILTERS)
    env.globals.update(settings_["JINJA_GLOBALS"])
    return env


MACRO = _theme().from_string('{% import "_macros.html" as m with context %}{{ m.table(t, sortable=s) }}')


@pytest.fixture(scope="module")
def sheet(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def show(page, body: str) -> None:
    page.set_content(f"<!doctype html><html lang='id'><head><meta charset='utf-8'>"
                     f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
                     f"<style>{CSS}</style></head><body><main>{body}</main></body></html>")


# What a table of the portal can hold: area names (real Karawang ones and long made-up words),
# values as the portal writes them, periods and codes, free-text notes and column titles.
NAMES = ["Klari", "Karawang Barat", "Telukjambe Timur", "Rengasdengklok", "Cilamaya Wetan",
         "Tegalwaru", "Desa/kelurahan", "Pakisjaya"]
words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14)
phrases = st.lists(words, min_size=1, max_size=12).map(" ".join)
values = st.builds(lambda whole, frac, decimals: fmt.angka(whole + frac / 1000, decimals),
                   st.integers(0, 10**9), st.integers(0, 999), st.sampled_from([None, 0, 1, 2, 3]))
periods = st.sampled_from(["2024", "2024-S1", "2023/2024", "32.15.05", "32.15.01.1001", "2010–2023"])
units = st.sampled_from(["", " (jiwa)", " (km²)", " (jiwa/km²)", " (ton GKP)", " (%)"])
titles = st.tuples(phrases, units).map("".join)


@st.composite
def tables(draw) -> TableView:
    kinds = draw(st.lists(st.sampled_from(["angka", "angka", "periode", "teks"]), min_size=0, max_size=7))
    rows = draw(st.integers(1, 6))
    columns = [Cell(draw(st.sampled_from(["Kecamatan", "Tahun", "Desa/kelurahan", "Indikator"])))]
    columns += [Cell(draw(titles), numeric=k == "angka") for k in kinds]
    body = []
    for _ in range(rows):
        row = [Cell(draw(st.one_of(st.sampled_from(NAMES), phrases)))]
        for kind in kinds:
            if kind == "angka":
                row.append(Cell(draw(values), numeric=True))
            elif kind == "periode":
                row.append(Cell(draw(periods), whole=True))
            else:
                row.append(Cell(draw(phrases)))
        body.append(row)
    notes = st.one_of(st.none(), st.tuples(phrases, values).map(" ".join))
    return footnoted(TableView(draw(phrases), columns, body),
                     draw(st.lists(notes, min_size=rows, max_size=rows)))


def measured(page, width: int) -> tuple[dict, dict, dict]:
    page.set_viewport_size({"width": width, "height": 844})
    return viewcheck.cells(page), viewcheck.numbers(page), viewcheck.layout(page)


def problems(width: int, cells: dict, numbers: dict, layout: dict) -> list:
    """What a reader would miss: at 1366 any cell behind a scroll edge, on a phone any value
    cell; at every width a number broken across lines or a page scrolling sideways."""
    behind = [c for c in cells["behind"] if width == 1366 or c["numeric"]]
    return behind + numbers["broken"] + ([{"overflow": layout["overflow"]}] if layout["overflow"] else [])


@slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables(), sortable=st.booleans())
def test_any_table_shows_its_numbers_whole_at_every_width(sheet, table, sortable):
    show(sheet, MACRO.render(t=table, s=sortable, SITEURL=".", urls=urls))
    for width in viewcheck.WIDTHS:
        assert problems(width, *measured(sheet, width)) == [], (width, table)


@slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=phrases, text=st.lists(st.one_of(words, values, periods, st.tuples(values, units).map("".join)),
                                   min_size=1, max_size=30).map(" ".join))
def test_figures_in_running_text_never_break(sheet, label, text):
    """Source titles, notes and descriptions pass through the `utuh` filter: in a paragraph and
    in the definition lists beside a label (the sources list, the identity block), no figure or
    code breaks and none pushes the page sideways."""
    show(sheet, f"<p>{unbroken(text)}</p><dl class='sumber'><dt>S10</dt><dd>{unbroken(text)}</dd></dl>"
                f"<dl class='identitas'><dt>{label}</dt><dd>{unbroken(text)}</dd></dl>")
    for width in viewcheck.WIDTHS:
        _, numbers, layout = measured(sheet, width)
        assert numbers["broken"] == [] and layout["overflow"] == 0, (width, text)


def test_unbroken_keeps_the_text_and_escapes_it():
    text = 'Luas 1.918,64 km² <b>"BIG"</b>, Kepmendagri 300.2.2-2138/2025, 2024-S1 & 12 desa'
    html = str(unbroken(text))
    assert re.sub(r"<[^>]+>", "", html).replace("\u00a0", " ") == str(escape(text))
    assert '<span class="utuh">1.918,64\u00a0km²</span>' in html
    assert '<span class="utuh">300.2.2-2138/2025</span>' in html and "<b>" not in html
    assert '<span class="utuh">2024-S1</span>' in html and " 12 desa" in html


# The bundled portal, page type by page type

PAGES = ["", "kecamatan/32-15-01/", "kecamatan/32-15-05/", "kecamatan/32-15-08/", "desa/32-15-01-1001/",
         "desa/32-15-05-2001/", "data/", "data/penduduk_kecamatan/", "data/luas_kecamatan/",
         "data/penduduk_desa/", "data/sekolah_kecamatan/", "data/desa/", "indikator/",
         "indikator/luas_kecamatan-luas_km2/", "indikator/penduduk_kecamatan-jumlah/",
         "indikator/turunan-kepadatan_penduduk/", "indikator/penduduk_dukcapil_kecamatan-jumlah/",
         "kelengkapan/", "sumber/", "rilis/"]


@slow
@pytest.mark.parametrize("width", viewcheck.WIDTHS)
def test_every_page_type_shows_its_numbers(browser, server, width):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": viewcheck.SCREEN_HEIGHT})
    found = {}
    for path in PAGES:
        viewcheck.open_page(page, f"{server}/{path}")
        measured_page = viewcheck.cells(page), viewcheck.numbers(page), viewcheck.layout(page)
        if issues := problems(width, *measured_page):
            found[path] = issues[:3]
        name = re.sub(r"[^a-z0-9-]+", "-", path).strip("-") or "beranda"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    page.close()
    assert found == {}
