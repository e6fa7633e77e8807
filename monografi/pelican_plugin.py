"""Pelican plugin: a generator that writes the model's pages with the project's theme.

build.py hands the prepared SiteData to Pelican under the MONOGRAFI setting; Pelican keeps doing
what it is good at (content/ pages, Markdown, theme static files, the writer). What pages exist
is decided by the page writers in monografi.pages.
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from . import urls
from .pages import collect
from .site import SiteData


class MonografiGenerator(Generator):
    def generate_context(self):
        site: SiteData | None = self.settings.get("MONOGRAFI")
        if site is None:
            raise RuntimeError("MONOGRAFI setting missing: build the portal with `python build.py`")
        self.site = site
        package = site.model.catalog.descriptor
        self.context["MONOGRAFI_PACKAGE"] = package
        self.context["MONOGRAFI_ZIP"] = urls.zip_path(package["name"])
        self.context["MONOGRAFI_PACKAGE_JSON"] = urls.PACKAGE_FILE

    def generate_output(self, writer):
        relative = self.settings.get("RELATIVE_URLS", False)
        for page in collect(self.site):
            writer.write_file(page.path, self.get_template(page.template), self.context,
                              relative_urls=relative, page_path=urls.url(page.path), **page.context)


def get_generators(_pelican):
    return MonografiGenerator


def register():
    signals.get_generators.connect(get_generators)
