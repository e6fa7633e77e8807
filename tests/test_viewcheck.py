"""The measuring instrument of issue 18 (tests/viewcheck.py) catches what it claims to.

Each detector meets small synthetic pages in Chromium: a planted case must be caught and a
clean one passed. Numbers are spelled by the portal's own formatter (monografi.fmt.angka), so
the instrument is proved on what the portal writes. Nothing here asserts on the real portal's
layout: bench/tampilan.py measures that.
"""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monografi.fmt import angka
from tests import viewcheck
from tests.conftest import REPO
from tests.test_browser import browser, server  # noqa: F401 (fixtures)

sys.path.insert(0, str(REPO / "bench"))

import tampilan  # noqa: E402

slow = pytest.mark.slow
BASE_CSS = "body { margin: 0; font: 16px/20px sans-serif; } table { border-collapse: collapse; }"


@pytest.fixture(scope="module")
def sheet(browser):  # noqa: F811
    """One page for the whole module: each test writes its own content into it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def show(page, body: str, css: str = "", width: int = 390) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.set_content(f"<!doctype html><html lang='id'><head><meta charset='utf-8'>"
                     f"<style>{BASE_CSS}{css}</style></head><body>{body}</body></html>")


values = st.builds(lambda whole, cents, decimals: angka(whole + cents / 100, decimals),
                   st.integers(0, 10**9), st.integers(0, 99), st.sampled_from([None, 0, 1, 2]))
long_values = values.filter(lambda v: len(v) >= 4)
units = st.sampled_from(["", " jiwa", " km²", " %", " ha", " jiwa/km²", " laki-laki per seratus"])
not_values = st.one_of(st.integers(1900, 2099).map(str),                       # years
                       st.integers(1, 9).map(lambda s: f"2024-S{s % 2 + 1}"),  # periods
                       st.integers(1000000, 9999999).map(str),                 # BPS codes
                       st.just("32.15.05"), st.just("peringkat 3 dari 30"),
                       st.just("72,73 km² / 1.918,64 km² × 100"), st.just("S4"), st.just("–"))


# Cells behind a scroll edge

@slow
@settings(max_examples=25, deadline=None)
@given(box=st.integers(150, 700), columns=st.integers(1, 8), column=st.integers(40, 150))
def test_cells_past_the_scroll_box_edge_are_caught_and_visible_ones_are_not(sheet, box, columns, column):
    row = "".join(f"<td>{i}</td>" for i in range(columns))
    show(sheet, f"<div style='width:{box}px; overflow-x:auto'><table style='width:{columns * column}px'>"
                f"<tr>{row}</tr></table></div>",
         css=f"table {{ table-layout: fixed; }} td {{ width: {column}px; padding: 0; }}", width=1366)
    behind = {int(c["text"]) for c in viewcheck.cells(sheet)["behind"]}
    for i in range(columns):
        if i * column >= box:  # the cell starts past the edge
            assert i in behind
        elif i * column + 20 <= box:  # its one digit is in view
            assert i not in behind


@slow
def test_a_table_wider_than_the_viewport_hides_cells_behind_its_edge(sheet):
    cells = "".join(f"<td style='min-width:200px'>{angka(1000 * i)}</td>" for i in range(1, 5))
    folded = f"<details><summary>Rincian</summary><table><tr><td>{cells}</td></tr></table></details>"
    show(sheet, f"<table><tr><th style='min-width:150px'>Klari</th>{cells}</tr></table>{folded}", width=320)
    found = viewcheck.cells(sheet)
    assert found["total"] == 5 and found["numeric"] == 4
    assert {c["text"] for c in found["behind"]} == {"2.000", "3.000", "4.000"}
    assert {c["edge"] for c in found["behind"]} == {"viewport"}
    assert viewcheck.layout(sheet)["overflow"] > 0
    show(sheet, f"<div style='overflow-x:auto'><table><tr><th>Klari</th>{cells}</tr></table></div>",
         width=1366)
    assert viewcheck.cells(sheet)["behind"] == []


@slow
@settings(max_examples=20, deadline=None)
@given(value_cells=st.lists(st.tuples(values, units), min_size=1, max_size=6),
       other_cells=st.lists(not_values, min_size=1, max_size=6))
def test_numeric_cells_are_indonesian_numbers_with_a_unit_not_years_codes_or_periods(
        sheet, value_cells, other_cells):
    texts = [v + u for v, u in value_cells] + other_cells
    rows = "".join(f"<tr><td style='padding-left:400px'></td><td>{t}</td></tr>" for t in texts)
    show(sheet, f"<div style='width:300px; overflow-x:auto'><table>{rows}"
                f"<tr><td></td><td class='angka'>–</td></tr></table></div>")
    behind = [c for c in viewcheck.cells(sheet)["behind"] if c["starts_behind"]]
    assert [c["numeric"] for c in behind] == [True] * len(value_cells) + [False] * len(other_cells) + [True]


# Numbers broken across lines, or behind an edge

@slow
@settings(max_examples=25, deadline=None)
@given(value=long_values, prefix=st.sampled_from(["", "± ", "≈"]), unit=units)
def test_a_number_split_by_a_narrow_column_is_caught_and_an_unbroken_one_is_not(sheet, value, prefix, unit):
    number = prefix + value
    text = f"Jumlah {number}{unit}"
    show(sheet, f"<p style='width:1ch; word-break:break-all'>{text}</p>"
                f"<p style='white-space:nowrap'>{text}</p>")
    found = viewcheck.numbers(sheet)
    assert found["total"] == 2
    assert [(b["number"], b["value"]) for b in found["broken"]] == [(number, True)]


@slow
@pytest.mark.parametrize("token", ["2024-S1", "32.15.05", "100.1.1-6117", "3/16", "± 101.000"])
def test_codes_periods_and_fractions_are_caught_whole(sheet, token):
    show(sheet, f"<p style='width:1ch; word-break:break-all'>({token}).</p>")
    assert [b["number"] for b in viewcheck.numbers(sheet)["broken"]] == [token]


@slow
def test_numbers_in_addresses_code_and_screen_reader_text_are_not_counted(sheet):
    narrow = "style='width:1ch; word-break:break-all'"
    show(sheet, f"<p {narrow}>https://contoh.invalid/kecamatan/32-15-05/ v1 km2 S3 123dok.com</p>"
                f"<pre {narrow}>1.234.567</pre><code {narrow}>2.554.384</code>"
                f"<label style='position:absolute; width:1px; height:1px; overflow:hidden;"
                f" clip-path:inset(50%)'>Jumlah 2.554.384 jiwa</label>"
                f"<details><summary>Rincian</summary><p {narrow}>2.554.384</p></details>")
    assert viewcheck.numbers(sheet) == {"total": 0, "broken": [], "behind": []}


@slow
def test_a_number_behind_a_scroll_edge_is_caught(sheet):
    show(sheet, "<div style='width:200px; overflow-x:auto'><p style='white-space:nowrap'>"
                "Penduduk terdaftar Kecamatan Klari 195.489 jiwa</p></div><p>Klari 190.523 jiwa</p>")
    found = viewcheck.numbers(sheet)
    assert found["total"] == 2 and [b["number"] for b in found["behind"]] == ["195.489"]


# Page layout

@slow
def test_layout_reads_header_height_repeated_labels_and_tall_rows(sheet):
    show(sheet, "<header class='kepala' style='height:150px'>Monografi</header>"
                "<ul class='kartu'><li><span class='judul'>Jumlah penduduk</span> 1</li>"
                "<li><span class='judul'>Luas wilayah</span> 2</li>"
                "<li><span class='judul'>Jumlah  Penduduk</span> 3</li></ul>"
                "<table><tr><td>Klari</td><td style='width:3ch'>catatan yang panjang sekali dan dibaca"
                " kata demi kata</td></tr><tr><td>Pedes</td><td>–</td></tr></table>"
                "<div style='width:2000px'>lebar</div>", width=390)
    found = viewcheck.layout(sheet, tall_row_px=80)
    assert found["header_height"] == 150 and found["overflow"] == 2000 - 390
    assert found["repeated_labels"] == ["jumlah penduduk"]
    assert [r["text"][:5] for r in found["tall_rows"]] == ["Klari"] and found["rows"] == 2
    show(sheet, "<ul class='kartu'><li><span class='judul'>Penduduk terdaftar (Dukcapil)</span></li>"
                "<li><span class='judul'>Penduduk (proyeksi BPS)</span></li></ul>"
                "<table><tr><td>Klari</td><td>catatan</td></tr></table>")
    clean = viewcheck.layout(sheet)
    assert clean["repeated_labels"] == [] and clean["tall_rows"] == [] and clean["overflow"] == 0
    assert clean["header_height"] is None


RULES = ("<h2>Struktur kolom</h2><table><thead><tr><th>Kolom</th><th>Tipe</th><th>Aturan</th></tr></thead>"
         "<tbody><tr><td>jumlah</td><td>bilangan</td><td>≥ 0</td></tr></tbody></table>")
DATA = ("<h2>Isi data</h2><table><thead><tr><th>Kecamatan</th><th>Jumlah</th></tr></thead>"
        "<tbody><tr><td>Klari</td><td>195.489</td></tr></tbody></table>")


@slow
@pytest.mark.parametrize("body, data_first", [
    (f"<main>{RULES}<p style='height:3000px'></p>{DATA}</main>", False),
    (f"<main>{DATA}<p style='height:3000px'></p>{RULES}</main>", True),
    (f"<main><details><summary>Kolom</summary>{RULES}</details>{DATA}</main>", True),
])
def test_first_data_row_is_placed_against_the_column_rules(sheet, body, data_first):
    show(sheet, body)
    found = viewcheck.layout(sheet)
    assert found["first_data_row_y"] is not None
    assert (found["rules_y"] is None or found["first_data_row_y"] < found["rules_y"]) is data_first
    show(sheet, f"<main>{RULES}<p class='belum'>Belum ada data.</p></main>")
    assert viewcheck.layout(sheet)["first_data_row_y"] is None


# Printing

PRINT_CSS = "@page { size: A4; margin: 15mm; }"
FOOTER = "<footer><p>Diterbitkan oleh Tim Uji · versi data 2026.11.29</p></footer>"
CITATION = ("<details class='kutip'{}><summary><h2>Cara mengutip</h2></summary>"
            "<blockquote class='kutipan'><p>Disdukcapil Karawang (2022), dihimpun oleh Tim Uji.</p>"
            "</blockquote></details>")


@slow
@pytest.mark.parametrize("body, footer_only, citation, stranded", [
    (f"<main><h1>Kecamatan Uji</h1><p>Isi</p>{CITATION.format('')}</main>"
     f"<div style='break-before:page'></div>{FOOTER}", True, False, [(1, "Cara mengutip")]),
    (f"<main><h1>Kecamatan Uji</h1><p>Isi</p><h2>Kependudukan</h2><p style='break-before:page'>Isi</p>"
     f"{CITATION.format(' open')}</main>{FOOTER}", False, True, [(1, "Kependudukan")]),
    (f"<main><h1>Kecamatan Uji</h1><p>Isi</p>{CITATION.format(' open')}</main>{FOOTER}", False, True, []),
])
def test_print_finds_a_footer_only_page_the_citation_and_stranded_headings(
        sheet, body, footer_only, citation, stranded):
    show(sheet, body, css=PRINT_CSS)
    found = viewcheck.print_check(sheet)
    assert found["pdf"].startswith(b"%PDF") and found["pages"] == (2 if footer_only or stranded else 1)
    assert (found["footer_only_last"], found["citation_printed"], found["stranded"]) == (
        footer_only, citation, stranded)


footer_words = st.lists(st.text("abcdefghij", min_size=1, max_size=8), min_size=2, max_size=12)


@settings(max_examples=200)
@given(footer=footer_words, cut=st.integers(0, 11), breaks=st.lists(st.sampled_from([" ", "\n", "   "])),
       body=st.text("KLMNOP", min_size=1, max_size=5))
def test_footer_only_last_page_is_told_from_a_page_with_content_however_lines_break(
        footer, cut, breaks, body):
    """The PDF's text breaks lines and spaces anywhere; any tail of the footer alone is still
    the footer, and a last page with any other word on it is not."""
    tail = footer[min(cut, len(footer) - 1):]
    seps = breaks + [" "] * len(tail)
    reflowed = "".join(w + s for w, s in zip(tail, seps, strict=False))
    footer_text = " ".join(footer)
    assert viewcheck.analyse_print(["Isi", reflowed], footer_text, None, [])["footer_only_last"]
    for page in (body + "\n" + reflowed, reflowed + " " + body):
        assert not viewcheck.analyse_print(["Isi", page], footer_text, None, [])["footer_only_last"]
    assert not viewcheck.analyse_print([reflowed], footer_text, None, [])["footer_only_last"]


# Search

names = st.lists(st.sampled_from(["Teluk", "jambe", "Timur", "Cilamaya", "Wetan", "Kota", "Baru",
                                  "Lemahabang", "Klari", "Rengasdengklok"]), min_size=1, max_size=3)


@given(words=names)
def test_query_variants_are_other_spellings_of_the_same_name(words):
    name = " ".join(words)
    variants = viewcheck.query_variants(name)

    def letters(text):
        return text.lower().removeprefix("kec. ").replace(" ", "").replace("-", "")

    assert all(letters(q) == letters(name) for q in variants.values())
    assert len(set(variants.values()) | {name}) == len(variants) + 1
    assert ("tanpa_spasi" in variants) == (" " in name)


def test_query_variants_of_names_the_issue_quotes():
    assert viewcheck.query_variants("Cilamaya Wetan") == {
        "huruf_kecil": "cilamaya wetan", "tanpa_spasi": "cilamayawetan", "tanda_hubung": "Cilamaya-Wetan",
        "awalan_kec": "kec. cilamaya wetan"}
    assert viewcheck.query_variants("Telukjambe Timur")["spasi_tambahan"] == "Teluk jambe Timur"
    assert viewcheck.query_variants("Klari") == {"huruf_kecil": "klari", "awalan_kec": "kec. klari"}


def test_first_search_result_reads_the_search_page(sheet, server, built_site):  # noqa: F811
    names = viewcheck.kecamatan_names(built_site)
    assert len(names) == 30 and names["kecamatan/32-15-05/"] == "Klari"
    assert viewcheck.first_search_result(sheet, server, "Klari") == "/kecamatan/32-15-05/"
    assert viewcheck.first_search_result(sheet, server, "zqxwv") is None


# The bench's own bookkeeping

def test_bench_finds_every_page_type_in_the_sitemap(tmp_path):
    locs = ["", "kecamatan/32-15-01/", "data/", "data/luas_kecamatan/", "data/luas_kecamatan/riwayat/",
            "indikator/", "indikator/x-y/", "tentang/", "pembaruan/2026-11-29-terbit/"]
    locs += [f"desa/32-15-01-{n}/" for n in range(1001, 1021)]
    (tmp_path / "sitemap.xml").write_text("".join(f"<url><loc>https://contoh.invalid/{p}</loc></url>"
                                                  for p in locs))
    pages = tampilan.pages_of(tmp_path, desa=4)
    sample = [p for p in pages if p.startswith("desa/")]
    assert sample == [f"desa/32-15-01-{n}/" for n in (1001, 1006, 1011, 1016)]
    assert {tampilan.page_type(p) for p in pages} == {
        "beranda", "kecamatan", "desa", "daftar-data", "dataset", "riwayat", "daftar-indikator", "indikator",
        "konten", "pembaruan", "cari", "404"}


def test_bench_sums_the_figures_the_issue_quotes():
    saved = json.loads((REPO / "bench" / "hasil-tampilan-sebelum.json").read_text(encoding="utf-8"))
    summary = tampilan.summarise(saved)
    at_1366 = [p for p in saved["halaman"] if p["lebar"] == 1366]
    assert summary[1366]["sel"] == sum(p["sel"] for p in at_1366) > 0
    assert summary["halaman_per_lebar"] == len(at_1366)
    assert "Sel tabel di balik tepi gulir, 1366 px" in tampilan.report(saved)
