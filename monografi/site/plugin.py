"""Pelican plugin: a generator that writes the model's pages with the project's theme.

build.py hands the prepared SiteData to Pelican under the MONOGRAFI setting; Pelican keeps doing
what it is good at (content/ pages, Markdown, theme static files, the writer). What pages exist
is decided by the page writers in monografi.site.pages.

A page whose key (shared presentation digest + its own context digest) matches the published
build is copied from it (once its sha256 is checked) instead of rendered; the others are
rendered in a forked process pool.

Markdown passes raw HTML through, so every content/ page and update note is sanitised here, in
one place, before any template or feed reads it.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import nh3
from pelican import signals
from pelican.generators import Generator

from .. import urls
from ..safe_write import RefusedWrite, write_file
from ..validation.publisher import publisher
from ..workers import batches, ordered_map
from .context import SiteData
from .digest import ValueDigest
from .pages import Page, collect

PAGES_PER_TASK = 16
# What content pages may keep (content/pages/panduan-data.md tells staff the same): nh3's
# default tags (headings, lists, tables, links, code, abbr, details/summary, figure/img, …) and
# attributes, plus ids and classes (table of contents, footnotes) and text alignment of cells.
CONTENT_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES, "*": {"id", "class", "title", "lang", "dir"},
    "img": nh3.ALLOWED_ATTRIBUTES["img"] | {"loading"},
    "td": nh3.ALLOWED_ATTRIBUTES["td"] | {"style"}, "th": nh3.ALLOWED_ATTRIBUTES["th"] | {"style"},
}
CONTENT_URL_SCHEMES = {"http", "https", "mailto"}  # and relative links within the site
_JOB: dict = {}  # what forked workers render: set just before the pool starts


def _render(indices: list[int]) -> int:
    generator, writer, pages = _JOB["generator"], _JOB["writer"], _JOB["pages"]
    for index in indices:
        generator.write_page(writer, pages[index])
    return len(indices)


class MonografiGenerator(Generator):
    def generate_context(self):
        site: SiteData | None = self.settings.get("MONOGRAFI")
        if site is None:
            raise RuntimeError("MONOGRAFI setting missing: build the portal with `python build.py`")
        self.site = site
        package = site.model.catalog.descriptor
        self.context["MONOGRAFI_PACKAGE"] = package
        self.context["MONOGRAFI_PUBLISHER"] = publisher(package)

    def write_page(self, writer, page: Page) -> None:
        writer.write_file(page.path, self.get_template(page.template), self.context,
                          relative_urls=self.settings.get("RELATIVE_URLS", False),
                          page_path=urls.url(page.path), view=page.view)

    def generate_output(self, writer):
        build = self.site.build
        pages = collect(self.site)
        _check_unique(pages, self.context)
        digest = ValueDigest(self.site.model)
        shared = hashlib.sha256((build.presentation + digest(self.context["MONOGRAFI_PACKAGE"]))
                                .encode()).hexdigest()
        todo = []
        for index, page in enumerate(pages):
            key = digest((shared, page.path, page.template, page.view))
            build.files[page.path] = key
            previous = build.manifest.previous(page.path, key)
            if previous is None:
                todo.append(index)
            else:
                write_file(self.output_path, page.path, previous)
        build.counts.update(written=len(todo), reused=len(pages) - len(todo))
        _JOB.update(generator=self, writer=writer, pages=pages)
        try:
            with build.progress.bar("halaman", len(todo), "halaman") as bar:
                for done in ordered_map(_render, list(batches(todo, PAGES_PER_TASK)), build.workers):
                    bar.update(done)
        finally:
            _JOB.clear()


def _check_unique(pages: list[Page], context: dict) -> None:
    """Two writers of one path: the second would silently replace the first."""
    content = [c.save_as for key in ("pages", "hidden_pages", "draft_pages", "articles")
               for c in context.get(key, [])]
    counts = Counter([p.path for p in pages] + content)
    duplicates = sorted(path for path, count in counts.items() if count > 1)
    if duplicates:  # a content page's Slug or Save_as that validation.content did not foresee
        raise RefusedWrite(", ".join(duplicates), "exists")


def sanitise(html: str) -> str:
    """Content HTML without scripts, styles, frames, event handlers or non-http(s) links."""
    return nh3.clean(html, tags=nh3.ALLOWED_TAGS, attributes=CONTENT_ATTRIBUTES, link_rel=None,
                     url_schemes=CONTENT_URL_SCHEMES, filter_style_properties={"text-align"})


def sanitise_content(content) -> None:
    """content_object_init: the body and the Markdown-formatted metadata (the summary)."""
    content._content = sanitise(content._content or "")
    for key in content.settings.get("FORMATTED_FIELDS", []):
        if isinstance(content.metadata.get(key), str):
            content.metadata[key] = sanitise(content.metadata[key])
    if hasattr(content, "_summary"):
        content._summary = content.metadata.get("summary", content._summary)


def get_generators(_pelican):
    return MonografiGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.content_object_init.connect(sanitise_content)
