"""Pelican settings for the Monografi portal (Kabupaten Karawang)."""

import os

from monografi import fmt

AUTHOR = "Tim Monografi"
SITENAME = "Monografi Kecamatan Kabupaten Karawang"
SITESUBTITLE = "Data terbuka profil 30 kecamatan dan 309 desa/kelurahan"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["pembaruan"]
STATIC_PATHS = []
THEME = "theme"
THEME_STATIC_DIR = "tema"

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%d %B %Y"

PLUGINS = ["monografi.site.plugin", "monografi.site.sitemap", "monografi.site.feed_links"]

# The model's pages come from the plugin; Pelican renders content/ pages and the update notes
# (content/pembaruan/, articles) with their list at pembaruan/.
DIRECT_TEMPLATES = ["index"]
INDEX_SAVE_AS = "pembaruan/index.html"
INDEX_URL = "pembaruan/"
DEFAULT_PAGINATION = False
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "pembaruan/{slug}/"
ARTICLE_SAVE_AS = "pembaruan/{slug}/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
# Atom feed of data updates (one entry per update note); FEED_DOMAIN makes its links absolute.
FEED_ALL_ATOM = "pembaruan/atom.xml"
FEED_ATOM = None
FEED_RSS = None
FEED_MAX_ITEMS = 50
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DELETE_OUTPUT_DIRECTORY = False
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
JINJA_FILTERS = {"angka": fmt.angka, "tanggal": fmt.tanggal, "satuan": fmt.satuan}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

MENU = [
    ("Beranda", ""),
    ("Indikator", "indikator/"),
    ("Data", "data/"),
    ("Kelengkapan", "kelengkapan/"),
    ("Pembaruan", "pembaruan/"),
    ("Tentang", "tentang/"),
]
MENU_KAKI = [
    ("Sumber data", "sumber/"),
    ("Metodologi", "metodologi/"),
    ("Lisensi", "lisensi/"),
    ("Panduan data untuk staf", "panduan-data/"),
    ("API", "api/"),
    ("Rilis", "rilis/"),
]

# Content is Markdown only; the reST reader would warn about the Indonesian locale.
READERS = {"rst": None}

# Absolute address of the published portal, for canonical links, sitemap.xml and citations.
# Pages themselves use relative links (RELATIVE_URLS), so the same build also works from disk.
SITEURL_PUBLIK = os.environ.get("MONOGRAFI_URL", "http://127.0.0.1:8000").rstrip("/")
FEED_DOMAIN = SITEURL_PUBLIK
