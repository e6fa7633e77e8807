"""Pelican settings for the Monografi portal (Kabupaten Karawang)."""

import os

from monografi import fmt, urls

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
THEME_STATIC_DIR = urls.THEME_STATIC

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%d %B %Y"

PLUGINS = ["monografi.site.plugin", "monografi.site.sitemap", "monografi.site.feed_links"]

# The model's pages come from the plugin; Pelican renders content/ pages and the update notes
# (content/pembaruan/, articles) with their list at pembaruan/.
DIRECT_TEMPLATES = ["index"]
# Every output path comes from monografi/urls.py, here as in the templates.
INDEX_SAVE_AS = urls.NOTES_PAGE
INDEX_URL = urls.url(urls.NOTES_PAGE)
DEFAULT_PAGINATION = False
PAGE_URL = urls.url(urls.CONTENT_PAGE)
PAGE_SAVE_AS = urls.CONTENT_PAGE
ARTICLE_URL = urls.url(urls.NOTE_PAGE)
ARTICLE_SAVE_AS = urls.NOTE_PAGE
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
FEED_ALL_ATOM = urls.NOTES_FEED
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
JINJA_FILTERS = {"angka": fmt.angka, "tanggal": fmt.tanggal, "satuan": fmt.satuan, "url": urls.url}
JINJA_GLOBALS = {"urls": urls}  # the one URL module: templates link `{{ urls.X|url }}`

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

MENU = [
    ("Beranda", urls.url(urls.HOME)),
    ("Indikator", urls.url(urls.INDICATORS_PAGE)),
    ("Data", urls.url(urls.DATA_INDEX)),
    ("Kelengkapan", urls.url(urls.COMPLETENESS_PAGE)),
    ("Pembaruan", urls.url(urls.NOTES_PAGE)),
    ("Tentang", urls.url(urls.ABOUT_PAGE)),
]
MENU_KAKI = [
    ("Sumber data", urls.url(urls.SOURCES_PAGE)),
    ("Metodologi", urls.url(urls.METHODOLOGY_PAGE)),
    ("Lisensi", urls.url(urls.LICENCE_PAGE)),
    ("Panduan data untuk staf", urls.url(urls.DATA_GUIDE_PAGE)),
    ("API", urls.url(urls.API_PAGE)),
    ("Rilis", urls.url(urls.RELEASES_PAGE)),
]

# Content is Markdown only; the reST reader would warn about the Indonesian locale.
READERS = {"rst": None}

# Absolute address of the published portal, for canonical links, sitemap.xml and citations.
# Pages themselves use relative links (RELATIVE_URLS), so the same build also works from disk.
SITEURL_PUBLIK = os.environ.get("MONOGRAFI_URL", "http://127.0.0.1:8000").rstrip("/")
FEED_DOMAIN = SITEURL_PUBLIK
