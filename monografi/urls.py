"""Where each thing lives in the built site: the one place any output path is written down.

Stable: URLs are keyed by codes and dataset names, never by titles. Page writers, exporters,
catalogues and the sitemap all take their paths from here, so a link and its target agree.
Templates and pelicanconf.py read them too: the module is the Jinja global `urls` and `url`
below its filter, so a template links `{{ SITEURL }}/{{ urls.SEARCH_PAGE|url }}` (as Pelican's
own templates link `{{ SITEURL }}/{{ article.url }}`), never a path of its own.
"""

from __future__ import annotations

from typing import Protocol

HOME = "index.html"
DOWNLOADS = "unduh"
CHARTS = "grafik"
API_ROOT = "api/v1"
PACKAGE_FILE = f"{DOWNLOADS}/datapackage.json"
RELEASES = f"{DOWNLOADS}/rilis"
DATA_INDEX = "data/index.html"  # the package's landing page: every table, download and catalogue
# Pelican's own pages: content/pages/<slug>.md, and the update notes (content/pembaruan/) with
# their list and feed. The data feed, written from the data itself, sits next to the notes' feed.
CONTENT_PAGE = "{slug}/index.html"
NOTES = "pembaruan"
NOTES_PAGE = f"{NOTES}/index.html"
NOTE_PAGE = f"{NOTES}/{{slug}}/index.html"
NOTES_FEED = f"{NOTES}/atom.xml"
DATA_FEED = f"{NOTES}/data.atom.xml"
# theme/static/ as Pelican copies it (THEME_STATIC_DIR), and Pagefind's bundle.
THEME_STATIC = "tema"
STYLESHEET = f"{THEME_STATIC}/css/monografi.css"
SORT_SCRIPT = f"{THEME_STATIC}/js/urutkan.js"
SEARCH_INDEX = "pagefind"
SEARCH_UI_STYLESHEET = f"{SEARCH_INDEX}/pagefind-ui.css"
SEARCH_UI_SCRIPT = f"{SEARCH_INDEX}/pagefind-ui.js"
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
# The content pages the theme links to (their slugs are the file names in content/pages/).
ABOUT_PAGE = CONTENT_PAGE.format(slug="tentang")
METHODOLOGY_PAGE = CONTENT_PAGE.format(slug="metodologi")
LICENCE_PAGE = CONTENT_PAGE.format(slug="lisensi")
DATA_GUIDE_PAGE = CONTENT_PAGE.format(slug="panduan-data")


class Located(Protocol):
    """What a path needs of an area (monografi.model.areas.Area, which this module cannot import)."""

    @property
    def home(self) -> bool: ...
    @property
    def level(self) -> str: ...
    @property
    def slug(self) -> str: ...


def area_path(area: Located) -> str:
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


def api_area_path(area: Located, slug: str | None = None) -> str:
    """The area's API document; with `slug`, the path of that slug at the area's level (the API
    page shows the pattern with a placeholder)."""
    return f"{API_ROOT}/{area.level}/{slug or area.slug}.json"


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
