"""Where each thing lives in the built site: the one place any output path is written down.

Stable: URLs are keyed by codes and dataset names, never by titles. Page writers, exporters,
catalogues and the sitemap all take their paths from here, so a link and its target agree.
"""

from __future__ import annotations

HOME = "index.html"
DOWNLOADS = "unduh"
CHARTS = "grafik"
API_ROOT = "api/v1"
PACKAGE_FILE = f"{DOWNLOADS}/datapackage.json"
RELEASES = f"{DOWNLOADS}/rilis"
DATA_INDEX = "data/index.html"  # the package's landing page: every table, download and catalogue
DATA_FEED = "pembaruan/data.atom.xml"
API_INDEX = f"{API_ROOT}/index.json"
DCAT_FILE = "katalog.jsonld"
DATA_JSON_FILE = "data.json"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
# Pages of their own (the model's pages have path functions below).
API_PAGE = "api/index.html"
COMPLETENESS_PAGE = "kelengkapan/index.html"
INDICATORS_PAGE = "indikator/index.html"
RELEASES_PAGE = "rilis/index.html"
SEARCH_PAGE = "cari/index.html"
SOURCES_PAGE = "sumber/index.html"
NOT_FOUND_PAGE = "404.html"


def area_path(area) -> str:
    if area.home:
        return HOME
    return f"{area.level}/{area.slug}/index.html"


def dataset_path(name: str) -> str:
    return f"data/{name}/index.html"


def history_path(name: str) -> str:
    return f"data/{name}/riwayat/index.html"


def csv_path(name: str) -> str:
    return f"{DOWNLOADS}/{name}.csv"


def zip_path(package_name: str) -> str:
    return f"{DOWNLOADS}/{package_name}.zip"


def release_path(tag: str, package_name: str) -> str:
    return f"{RELEASES}/{tag}/{package_name}.zip"


def chart_path(chart_id: str) -> str:
    return f"{CHARTS}/{chart_id}.svg"


def api_area_path(area) -> str:
    return f"{API_ROOT}/{area.level}/{area.slug}.json"


def api_dataset_path(name: str) -> str:
    return f"{API_ROOT}/dataset/{name}.json"


def source_anchor(source_id: str) -> str:
    """Site-relative link to one source on the sources page."""
    return f"{url(SOURCES_PAGE)}#{source_id}"


def url(path: str) -> str:
    """Site-relative URL for an output path ('x/index.html' → 'x/')."""
    return path.removesuffix("index.html")


def indicator_path(indicator_id: str) -> str:
    return f"indikator/{indicator_id}/index.html"
