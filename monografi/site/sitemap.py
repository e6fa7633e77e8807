"""Pelican plugin: sitemap.xml and robots.txt, written once every page exists.

The sitemap lists what was really written (every index.html), so no page writer has to know
about the others; the order is sorted so the file is byte-identical across builds. `lastmod`
comes from git, never from the clock: a dataset's pages carry that dataset's last change, every
other page the newest change of the package.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals

from .. import urls
from ..safe_write import write_file


def lastmod_of(dates: dict[str, str], newest: str | None):
    """path → its date: the dataset's own date under data/<name>/, else `newest`."""
    def lastmod(path: str) -> str | None:
        parts = path.split("/")
        if parts[0] == "data" and len(parts) > 2:
            return dates.get(parts[1], newest)
        return newest
    return lastmod


def sitemap_xml(site_dir: Path, base: str, lastmod=lambda path: None) -> str:
    paths = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    entries = []
    for path in paths:
        date = lastmod(path)
        stamp = f"<lastmod>{date}</lastmod>" if date else ""
        entries.append(f"  <url><loc>{escape(base)}/{escape(urls.url(path))}</loc>{stamp}</url>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "".join(entries)
            + "</urlset>\n")


def robots_txt(base: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {base}/{urls.SITEMAP}\n"


def dataset_dates(context) -> tuple[dict[str, str], str | None]:
    """(dataset → its last change, the package's newest): what `lastmod_of` needs, from git."""
    dates = {name: context.updated(d).date for name, d in context.model.datasets.items()
             if context.updated(d).date}
    return dates, context.package_date


def _git_dates(pelican):
    site = pelican.settings.get("MONOGRAFI")
    if site is None:
        return lambda path: None
    return lastmod_of(*dataset_dates(site.context))


def write_sitemap(pelican) -> None:
    """A part of a sharded build sees only its own pages: the merge writes the sitemap there,
    from the dates the shared part records (monografi.publishing.parts)."""
    site_dir = Path(pelican.output_path)
    base = pelican.settings.get("SITEURL_PUBLIK", "").rstrip("/")
    site = pelican.settings.get("MONOGRAFI")
    if site is None or not site.context.sharded:
        write_file(site_dir, urls.SITEMAP, sitemap_xml(site_dir, base, _git_dates(pelican)).encode())
    write_file(site_dir, urls.ROBOTS, robots_txt(base).encode())


def register():
    signals.finalized.connect(write_sitemap)
