"""What a person sees, in a real headless Chromium (Debian's package, driven by Playwright).

Skipped with a reason when Chromium is missing, except in CI (CI=true), where it must run.
Screenshots of the main pages are saved in test-artifacts/ for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI must run the browser tests: install Debian's chromium package")
    pytest.skip("Chromium tidak terpasang (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def server(built_site):
    yield from _serve(built_site)


@pytest.fixture(scope="module")
def merged_server(sharded_portal):
    """The SYNTHETIC two-province portal, built as three parts and merged."""
    yield from _serve(sharded_portal["merged"])


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 412, "height": 900}, accept_downloads=True,
                                  locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_find_klari_open_desa_dataset_and_download(page, server, built_site):
    page.goto(f"{server}/")
    shot(page, "beranda")
    page.fill("#kotak-cari", "Klari")
    page.click("form.cari button")
    page.wait_for_url("**/cari/?q=Klari")
    result = page.locator(".pagefind-ui__result-link", has_text="Klari").first
    result.wait_for(timeout=15000)
    shot(page, "cari")
    result.click()
    page.wait_for_url("**/kecamatan/32-15-05/")
    assert page.locator("h1").inner_text() == "Kecamatan Klari"
    shot(page, "kecamatan-klari")
    page.locator("#daftar-wilayah").scroll_into_view_if_needed()
    page.get_by_role("link", name="Duren", exact=True).click()
    assert page.locator("h1").inner_text() == "Desa Duren"
    shot(page, "desa-duren")
    page.get_by_role("link", name="Kecamatan Klari").first.click()
    page.locator("a", has_text="Tentang dataset ini dan unduhan").first.click()
    assert page.locator("h1").inner_text().startswith("Luas wilayah")
    shot(page, "dataset")
    with page.expect_download() as download:
        page.locator('a[href$="unduh/luas_kecamatan.csv"]').first.click()
    downloaded = Path(download.value.path()).read_bytes()
    name = download.value.suggested_filename
    assert downloaded == (REPO / "datasets" / name).read_bytes()


def test_pages_read_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/cari/?q=Klari")
    assert page.locator(".tanpa-js").is_visible()
    page.get_by_role("link", name="Kecamatan Klari").click()
    assert page.locator("h1").inner_text() == "Kecamatan Klari"
    assert page.locator("table").first.is_visible()
    context.close()


def test_sortable_table_sorts_by_name(page, server):
    page.goto(f"{server}/indikator/luas_kecamatan-luas_km2/")
    table = page.locator("table[data-urutkan]").first
    table.locator("thead button", has_text="Kecamatan").click()
    first = table.locator("tbody tr").first.locator("td, th").nth(1).inner_text()
    assert first == "Banyusari"
    assert table.locator("thead th").nth(1).get_attribute("aria-sort") == "ascending"
    shot(page, "indikator")


def test_print_gives_a_clean_a4_booklet(page, server):
    page.goto(f"{server}/kecamatan/32-15-01/")
    page.emulate_media(media="print")
    assert page.locator("header nav").is_hidden()
    cover = page.locator(".sampul")
    assert cover.is_visible() and "Buku Monografi" in cover.inner_text()
    assert "Data per 29 November 2026" in cover.inner_text()
    page.emulate_media(media="screen")
    assert cover.is_hidden()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "kecamatan-karawang-barat.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2


@pytest.mark.parametrize("path", ["", "kecamatan/32-15-01/", "desa/32-15-01-1001/",
                                  "data/luas_kecamatan/", "indikator/luas_kecamatan-luas_km2/",
                                  "cari/?q=Karawang", "kelengkapan/", "panduan-data/",
                                  "data/luas_kecamatan/riwayat/", "api/"])
def test_axe_reports_no_violations(page, server, path):
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    results = axe_api.Axe().run(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                  for v in results.response["violations"]]
    assert violations == []


def test_merged_national_portal_leads_from_front_page_to_ranked_kecamatan(page, merged_server):
    """Front page → province → city → kecamatan, each from its own part; the kecamatan is ranked
    among all kecamatan and within its city; one search finds pages of every part."""
    page.goto(f"{merged_server}/")
    page.get_by_role("link", name="Banten", exact=True).first.click()
    page.wait_for_url("**/provinsi/36/")
    page.get_by_role("link", name="Cilegon").first.click()
    page.wait_for_url("**/kabupaten/36-72/")
    assert page.locator("#peringkat-kecamatan").is_visible()
    page.locator("#daftar-wilayah ~ ul a, section[aria-labelledby=daftar-wilayah] ul a").first.click()
    page.wait_for_url("**/kecamatan/36-72-*/")
    headers = page.locator("#peringkat ~ div th[scope=col]").all_inner_texts()
    assert "Peringkat di seluruh portal" in headers and "Peringkat di Kota Cilegon" in headers
    shot(page, "nasional-kecamatan")
    for name in ("Kejaksan", "Cilegon"):  # a kecamatan of part 32, a city of part 36
        page.goto(f"{merged_server}/cari/?q={name}")
        page.locator(".pagefind-ui__result-link", has_text=name).first.wait_for(timeout=15000)
