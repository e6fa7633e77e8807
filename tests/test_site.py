"""End to end: the real Karawang portal, built once, read back with an HTML parser."""

import csv
import io
import json
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from frictionless import Package

from monografi import fmt
from monografi.publishing.pipeline import build
from tests.conftest import REPO, copy_project, tree_digest
from tests.helpers import set_cell
from tests.htmlparse import read_page


def csv_rows(name):
    with (REPO / "datasets" / f"{name}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def page_of(site, code):
    return read_page(site / "kecamatan" / code.replace(".", "-") / "index.html")


def display(value):
    return fmt.angka(float(value)) if value else fmt.MISSING


def test_thirty_kecamatan_pages(built_site):
    pages = sorted((built_site / "kecamatan").glob("*/index.html"))
    assert len(pages) == 30
    for row in csv_rows("kecamatan"):
        page = page_of(built_site, row["kode_kecamatan"])
        assert page.lang == "id"
        assert f"Kecamatan {row['nama_kecamatan']}" in page.text
        assert row["kode_bps"] in page.text


@pytest.mark.parametrize("dataset", ["luas_kecamatan", "penduduk_kecamatan",
                                     "penduduk_dukcapil_kecamatan"])
def test_kecamatan_pages_show_each_figure_exactly_as_in_the_csv(built_site, dataset):
    measures = {"luas_kecamatan": ["luas_km2"], "penduduk_kecamatan": ["laki_laki", "perempuan",
                "jumlah"], "penduduk_dukcapil_kecamatan": ["jumlah", "kepadatan_dilaporkan"]}
    for row in csv_rows(dataset):
        period = row.get("tahun") or row["periode"]
        page = page_of(built_site, row["kode_kecamatan"])
        expected = [display(row[m]) for m in measures[dataset]]
        matching = [r for r in page.rows if r and r[0] == period and row["sumber"] in r
                    and all(v in r for v in expected)]
        assert matching, (row, [r for r in page.rows if r and r[0] == period])


def test_desa_list_with_codes_and_postal_codes(built_site):
    for row in csv_rows("desa"):
        page = page_of(built_site, row["kode_kecamatan"])
        assert [row["kode_desa"], row["nama_desa"], row["jenis"], row["kode_pos"] or "–"] in page.rows


def test_topics_without_data_collapse_into_one_public_line(built_site):
    klari = page_of(built_site, "32.15.05")
    assert "190.523" in klari.text  # its Dukcapil figure is shown
    assert "Belum ada data: Luas wilayah desa/kelurahan menurut sumber, Penduduk kecamatan (BPS), " \
           "Penduduk desa/kelurahan (BPS), Pendidikan, Kesehatan, Agama." in klari.text
    assert any(link.endswith("kelengkapan/") for link in klari.links)
    for path in ("kecamatan/32-15-05", "kecamatan/32-15-02", "desa/32-15-05-2001"):
        html = (built_site / path / "index.html").read_text()
        assert "Belum tersedia untuk" not in html and "untuk mengisinya" not in html
        assert 'id="pendidikan"' not in html and 'id="kesehatan"' not in html  # no empty heading


def test_home_leads_to_every_kecamatan_before_any_table(built_site):
    html = (built_site / "index.html").read_text()
    home = read_page(built_site / "index.html")
    assert "Kabupaten Karawang" in home.text
    assert "2.554.384" in home.text and "S10" in home.text  # BPS mid-2024
    assert "1.385.556,69" in home.text and "ton GKP" in home.text
    grid = html[html.index('class="kisi"'):html.index("</ul>", html.index('class="kisi"'))]
    assert grid.count('href="./kecamatan/') == 30 and html.index('class="kisi"') < html.index("<table")
    assert "Cibuaya</a> <span" in grid and "117,98" in grid
    assert "luas_kecamatan-perbandingan" not in html  # the 30-row table lives on its data page


def test_approximate_figure_is_shown_as_approximate(built_site):
    home = read_page(built_site / "index.html")
    assert "± 101.000" in home.text and "angka perkiraan sumber" in home.text


def test_every_chart_has_alt_text_and_a_table(built_site):
    for page_path in built_site.rglob("*.html"):
        page = read_page(page_path)
        for image in page.images:
            assert len(image.get("alt", "")) > 40, (page_path, image)
        if page.images:
            assert page.rows, page_path


def test_dataset_pages_document_fields_units_licence_and_sources(built_site):
    page = read_page(built_site / "data" / "luas_kecamatan" / "index.html")
    field_row = next(r for r in page.rows if r and r[0] == "luas_km2")
    assert field_row[1:] == ["Luas wilayah", "km²", "nilai (bilangan desimal)"]
    assert "CC BY 4.0" in page.text or "CC-BY-4.0" in page.text
    assert "S3" in page.text and "S4" in page.text
    assert "unduh/luas_kecamatan.csv" in " ".join(page.links)
    empty = read_page(built_site / "data" / "sekolah_kecamatan" / "index.html")
    assert "Belum ada data" in empty.text


def test_content_pages_are_rendered(built_site):
    for slug, title in (("tentang", "Tentang"), ("metodologi", "Metodologi"),
                        ("lisensi", "Lisensi")):
        assert title in read_page(built_site / slug / "index.html").text


def _target(site: Path, page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    path = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
    if path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


def test_every_link_and_download_resolves(built_site):
    site = built_site.resolve()
    checked = 0
    for page_path in site.rglob("*.html"):
        page = read_page(page_path)
        for link in page.links:
            if urlsplit(link).scheme in ("http", "https", "mailto"):
                continue
            target, fragment = _target(site, page_path, link)
            assert target.is_relative_to(site), (page_path, link)
            assert target.is_file(), (page_path, link)
            if fragment and target.suffix == ".html":
                assert fragment in read_page(target).ids, (page_path, link)
            checked += 1
    assert checked > 1000


def test_downloads_match_the_datasets(built_site):
    for source in sorted((REPO / "datasets").glob("*.csv")):
        if source.name == "sumber.csv":  # published as the package's `sources`, not a table
            package = json.loads((built_site / "unduh" / "datapackage.json").read_text(encoding="utf-8"))
            assert len(package["sources"]) == len(source.read_text(encoding="utf-8").splitlines()) - 1
            continue
        assert (built_site / "unduh" / source.name).read_bytes() == source.read_bytes()
    archive = zipfile.ZipFile(built_site / "unduh" / "monografi-karawang.zip")
    assert archive.read("kecamatan.csv") == (REPO / "datasets" / "kecamatan.csv").read_bytes()


def test_downloaded_zip_is_a_valid_data_package(built_site, tmp_path):
    zipfile.ZipFile(built_site / "unduh" / "monografi-karawang.zip").extractall(tmp_path)
    assert Package(str(tmp_path / "datapackage.json")).validate().valid


@pytest.mark.slow
def test_data_from_staff_is_escaped(tmp_path):
    project = copy_project(tmp_path / "proyek")
    set_cell(project, "kecamatan", 3, "nama_kecamatan", "<script>alert('x')</script>")
    set_cell(project, "luas_kecamatan", 2, "catatan", "<img src=x onerror=alert(1)>")
    result = build(project, project / "output")
    assert result.ok, result.report.format_text()
    html = (project / "output" / "kecamatan" / "32-15-02" / "index.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    home = (project / "output" / "index.html").read_text()
    assert "<script>alert" not in home and "<img src=x" not in home


@pytest.mark.slow
def test_two_builds_are_byte_identical(built_site, tmp_path):
    project = copy_project(tmp_path / "lagi")
    result = build(project, project / "output")
    assert result.ok and result.charts["drawn"] > 0  # fresh cache: charts drawn again
    assert tree_digest(project / "output") == tree_digest(built_site)


def test_downloaded_csv_parses_to_the_same_values(built_site):
    text = (built_site / "unduh" / "luas_kecamatan.csv").read_text(encoding="utf-8")
    assert list(csv.DictReader(io.StringIO(text))) == csv_rows("luas_kecamatan")


def test_indicator_page_ranks_all_kecamatan_with_a_sortable_table(built_site):
    page = read_page(built_site / "indikator" / "luas_kecamatan-luas_km2" / "index.html")
    ranked = [r for r in page.rows if len(r) == 3 and r[0].isdigit()]
    s3 = ranked[:30]
    assert s3[0] == ["1", "Cibuaya", "117,98"] and len(s3) == 30
    assert "Jumlah" in page.text and "1.918,64" in page.text
    assert any("urutkan.js" in link for link in page.links)


def test_kecamatan_page_states_its_rank(built_site):
    klari = page_of(built_site, "32.15.05")
    assert "peringkat 10 dari 30" in klari.text
    assert "peringkat 9 dari 25 kecamatan berdata" in klari.text


def test_desa_page_links_its_kecamatan_and_neighbours(built_site):
    page = read_page(built_site / "desa" / "32-15-01-1001" / "index.html")
    assert "Kelurahan Karawang Kulon" in page.text and "41311" in page.text
    assert "Kelurahan Mekarjati" in page.text  # a neighbour in Karawang Barat
    assert any(link.endswith("kecamatan/32-15-01/") for link in page.links)
    assert "20.299" in page.text and "S6" in page.text  # its BPS 2023 population


def test_sitemap_robots_404_and_canonical(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    assert sitemap.count("<url>") == sum(1 for _ in built_site.rglob("index.html"))
    assert "<loc>http://127.0.0.1:8000/kecamatan/32-15-05/</loc>" in sitemap
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in (built_site / "robots.txt").read_text()
    not_found = (built_site / "404.html").read_text()
    assert 'href="http://127.0.0.1:8000/cari/"' in not_found
    klari = (built_site / "kecamatan" / "32-15-05" / "index.html").read_text()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/kecamatan/32-15-05/">' in klari
    assert '<meta property="og:title" content="Kecamatan Klari' in klari


def test_search_page_lists_everything_without_javascript(built_site):
    page = read_page(built_site / "cari" / "index.html")
    assert len([link for link in page.links if "/desa/32-15-" in link]) == 309
    assert len([link for link in page.links if "/kecamatan/32-15-" in link]) == 30
    assert (built_site / "pagefind" / "pagefind-ui.js").is_file()


def test_kecamatan_pages_stay_within_the_100_kb_budget(built_site):
    from monografi.site.weight import BUDGET_BYTES, median_weight, page_weight

    pages = sorted((built_site / "kecamatan").glob("*/index.html"))
    assert median_weight(pages) <= BUDGET_BYTES
    barat = page_weight(built_site / "kecamatan" / "32-15-01" / "index.html")
    html_only = len((built_site / "kecamatan" / "32-15-01" / "index.html").read_bytes())
    assert barat > html_only / 20  # assets are counted, not just the compressed HTML


DICT_METHODS = {name for name in dir(dict) if not name.startswith("_")}


@pytest.mark.parametrize("template", sorted(p.name for p in (REPO / "theme/templates").glob("*.html")))
def test_templates_never_read_an_attribute_that_a_dict_has_as_a_method(template):
    """`row.values` on a dict is dict.values, printed as '<built-in method … at 0x…>'."""
    from jinja2 import Environment, nodes

    source = (REPO / "theme/templates" / template).read_text(encoding="utf-8")
    tree = Environment(extensions=["jinja2.ext.do"]).parse(source)
    called = {id(call.node) for call in tree.find_all(nodes.Call)}  # d.items() is meant
    traps = [f"line {n.lineno}: .{n.attr}" for n in tree.find_all(nodes.Getattr)
             if n.attr in DICT_METHODS and id(n) not in called]
    assert not traps


def test_public_pages_carry_no_regex_python_or_git(built_site):
    """Rules in words, coverage computed from the data, releases explained without git."""
    for page_path in sorted((built_site / "data").glob("*/index.html")):
        html = page_path.read_text()
        assert "pola:" not in html and "^[0-9]" not in html and "[0-9]{" not in html, page_path
        assert " is None" not in html and "int(" not in html and "== jumlah" not in html
        assert "Saat ini hanya" not in html, page_path
    dukcapil = read_page(built_site / "data" / "penduduk_dukcapil_kecamatan" / "index.html")
    assert "Tersedia untuk 5 dari 30 kecamatan: Cikampek, Karawang Barat" in dukcapil.text
    for name in ("desa", "penduduk_kecamatan"):  # how to fill a table in is for staff
        page = read_page(built_site / "data" / name / "index.html")
        assert "format seperti" not in page.text and "wajib diisi" not in page.text
        assert "Aturan" not in page.text and "sumber.csv" not in page.text.replace("unduh/sumber.csv", "")
    rilis = (built_site / "rilis" / "index.html").read_text()
    assert "git" not in rilis.lower().replace("digit", "")


def test_dataset_preview_names_every_area(built_site):
    page = read_page(built_site / "data" / "luas_kecamatan" / "index.html")
    preview = [r for r in page.rows if r and r[0] == "Cibuaya"]
    assert preview and "117,98" in preview[0]
