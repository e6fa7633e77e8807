"""Every page type read in Chromium at a phone and a desktop width (issue 10).

One built site and one browser for the whole module. Per page and width: no sideways scrolling
of the page, no clipped table cell, chart text of at least 12 px as rendered, axe-core clean,
and a full-page screenshot in test-artifacts/ for people to review.
"""

from __future__ import annotations

import re

import pytest

from tests.test_browser import ARTIFACTS, axe_api, browser, server  # noqa: F401 (fixtures)

PAGES = {
    "beranda": "",
    "kecamatan-miskin-data": "kecamatan/32-15-02/",
    "kecamatan-kaya-data": "kecamatan/32-15-01/",
    "desa": "desa/32-15-01-1001/",
    "desa-tanpa-angka": "desa/32-15-05-2001/",
    "dataset": "data/luas_kecamatan/",
    "daftar-data": "data/",
    "riwayat": "data/luas_kecamatan/riwayat/",
    "indikator": "indikator/luas_kecamatan-luas_km2/",
    "indikator-satu-wilayah": "indikator/turunan-kepadatan_penduduk/",
    "kelengkapan": "kelengkapan/",
    "api": "api/",
    "metodologi": "metodologi/",
    "panduan-data": "panduan-data/",
    "rilis": "rilis/",
    "sumber": "sumber/",
    "cari": "cari/?q=Klari",
    "404": "404.html",
}
WIDTHS = (390, 1366)
MIN_CHART_PX = 12

MEASURE = """() => {
  const root = document.documentElement;
  const cells = [...document.querySelectorAll('td, th')]
    .filter(c => c.getClientRects().length && c.scrollWidth > c.clientWidth + 1)
    .map(c => c.textContent.trim().slice(0, 40));
  const charts = [...document.querySelectorAll('img[src*="grafik/"]')]
    .map(i => ({src: i.getAttribute('src'), width: i.getBoundingClientRect().width}));
  return {overflow: root.scrollWidth - root.clientWidth, cells, charts,
          height: root.scrollHeight};
}"""


def svg_text_px(svg: str) -> tuple[float, float]:
    """(smallest font size, viewBox width) of a chart, both in SVG user units."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
    return min(float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)), width


@pytest.fixture(scope="module")
def measured(browser, server, built_site):  # noqa: F811
    """Each page at each width, measured once (and screenshotted) for the tests below."""
    ARTIFACTS.mkdir(exist_ok=True)
    results = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(f"{server}/{path}")
            page.wait_for_load_state("networkidle")
            for image in page.locator("img").all():
                image.evaluate("i => { i.loading = 'eager'; }")
            page.wait_for_function("[...document.images].every(i => i.complete)")
            result = page.evaluate(MEASURE)
            violations = axe_api.Axe().run(page).response["violations"]
            result["axe"] = [(v["id"], [n["target"] for n in v["nodes"]][:2]) for v in violations]
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
            results[name, width] = result
        context.close()
    return results


def test_no_page_scrolls_sideways_and_no_cell_is_clipped(measured):
    wrong = {key: (r["overflow"], r["cells"]) for key, r in measured.items()
             if r["overflow"] > 0 or r["cells"]}
    assert wrong == {}


def test_chart_text_renders_at_least_12_px(measured, built_site):
    sizes = {}
    for key, result in measured.items():
        for chart in result["charts"]:
            svg = (built_site / "grafik" / chart["src"].split("grafik/")[-1]).read_text()
            font, view_width = svg_text_px(svg)
            sizes[key, chart["src"]] = round(font * chart["width"] / view_width, 1)
    assert sizes, "no chart measured"
    small = {key: px for key, px in sizes.items() if px < MIN_CHART_PX}
    assert small == {}


def test_axe_reports_no_violations_on_any_page_type(measured):
    assert {key: r["axe"] for key, r in measured.items() if r["axe"]} == {}


def test_data_poor_kecamatan_fits_about_two_screens_and_home_reaches_every_kecamatan(
        measured, browser, server):  # noqa: F811
    assert measured["kecamatan-miskin-data", 1366]["height"] <= 2 * 900  # was 4,328, then 2,682 px
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/")
    links = page.locator(".kisi a")
    assert links.count() == 30
    bottoms = links.evaluate_all("ls => ls.map(l => l.getBoundingClientRect().bottom)")
    assert max(bottoms) <= 900  # every kecamatan within the first screen
    context.close()


def test_narrowest_phone_does_not_scroll_sideways(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    wide = {}
    for name in ("beranda", "kecamatan-kaya-data", "dataset", "api", "panduan-data"):
        page.goto(f"{server}/{PAGES[name]}")
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            wide[name] = overflow
    context.close()
    assert wide == {}


def test_kecamatan_prints_to_a4_without_clipping_or_half_empty_pages(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/kecamatan/32-15-01/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 1000})  # A4 less 15 mm margins, at 96 dpi
    clipped = page.evaluate("""() => [...document.querySelectorAll('table, img, pre')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(e => e.tagName + ':' + Math.round(e.getBoundingClientRect().right))""")
    assert clipped == []
    height = page.evaluate("document.documentElement.scrollHeight")
    pdf = page.pdf(format="A4", margin={"top": "18mm", "bottom": "18mm", "left": "15mm",
                                        "right": "15mm"})
    (ARTIFACTS / "kecamatan-karawang-barat-cetak.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    usable = (297 - 36) / 25.4 * 96
    assert pages <= int(height / usable) + 2  # page breaks leave no run of half-empty pages
    context.close()


def test_search_shows_results_only_and_keeps_the_query_in_the_header(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{server}/cari/?q=Klari")
    page.locator(".pagefind-ui__result-link", has_text="Klari").first.wait_for(timeout=15000)
    page.locator(".pagefind-ui__result-excerpt").first.wait_for()
    assert page.input_value("#kotak-cari") == "Klari"
    assert not page.locator("#tanpa-kueri").is_visible()  # the no-JS list of 309 desa
    assert page.get_by_role("link", name="Desa Duren").count() == 0
    snippets = page.locator(".pagefind-ui__result-excerpt").all_inner_texts()
    assert not [s for s in snippets if re.search(r"[a-z)][A-Z0-9]", s)], snippets
    page.screenshot(path=str(ARTIFACTS / "cari-klari-390.png"), full_page=True)
    page.fill(".pagefind-ui__search-input", "")
    page.locator(".pagefind-ui__search-input").dispatch_event("input")
    assert page.locator("#tanpa-kueri").is_visible() and page.input_value("#kotak-cari") == ""
    context.close()
