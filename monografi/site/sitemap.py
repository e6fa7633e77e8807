"""Pelican plugin: sitemap.xml and robots.txt, written once every page exists.

The sitemap lists what was really written (every index.html), so no page writer has to know
about the others; the order is sorted so the file is byte-identical across builds.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals

from .. import urls
from ..safe_write import write_file


def sitemap_xml(site_dir: Path, base: str) -> str:
    paths = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    entries = "".join(f"  <url><loc>{escape(base)}/{escape(path.removesuffix('index.html'))}</loc></url>\n"
                      for path in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")


def robots_txt(base: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {base}/{urls.SITEMAP}\n"


def write_sitemap(pelican) -> None:
    site_dir = Path(pelican.output_path)
    base = pelican.settings.get("SITEURL_PUBLIK", "").rstrip("/")
    write_file(site_dir, urls.SITEMAP, sitemap_xml(site_dir, base).encode())
    write_file(site_dir, urls.ROBOTS, robots_txt(base).encode())


def register():
    signals.finalized.connect(write_sitemap)
