"""How to cite a dataset, an area page or the whole package: text, BibTeX and CSL-JSON.

Every citation names the version (the package's "version", or a release's tag: one spelling
everywhere), the date of the last change of what is cited (from git) and the URL, so a figure
quoted in an article can be traced back to the exact state of the data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .. import fmt, urls
from ..model.areas import Area, Dataset, Model
from ..model.context import BuildContext
from ..validation.publisher import publisher

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    url: str
    date: str | None  # ISO date of the cited version
    authors: tuple[str, ...]
    publisher: str
    kind: str = "dataset"  # CSL type
    version: str | None = None  # the package version or release tag, written as is

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else "t.t."

    @property
    def date_text(self) -> str:
        return fmt.tanggal(self.date) if self.date else "tanpa tanggal"

    @property
    def text(self) -> str:
        """Author (year). Title [Data set], versi V, date. Publisher. URL"""
        label = "Data set" if self.kind == "dataset" else "Halaman web"
        publisher = f" {self.publisher}." if self.publisher != self.title else ""
        version = f"versi {self.version}, " if self.version else ""
        return (f"{'; '.join(self.authors)} ({self.year}). {self.title} [{label}], {version}"
                f"{self.date_text}.{publisher} {self.url}")

    @property
    def bibtex(self) -> str:
        def esc(text: str) -> str:
            return _BIBTEX_SPECIAL.sub(r"\\\1", text)

        lines = [f"@misc{{{self.key},",
                 f"  author = {{{' and '.join('{' + esc(a) + '}' for a in self.authors)}}},",
                 f"  title = {{{esc(self.title)}}},",
                 f"  year = {{{self.year}}},"]
        if self.version:
            lines.append(f"  version = {{{esc(self.version)}}},")
        lines += [f"  publisher = {{{esc(self.publisher)}}},",
                  f"  url = {{{self.url}}},",
                  f"  note = {{{'Data set' if self.kind == 'dataset' else 'Halaman web'}}},",
                  "  language = {indonesian}",
                  "}"]
        return "\n".join(lines)

    @property
    def csl(self) -> dict:
        item: dict[str, object] = {"id": self.key, "type": self.kind, "title": self.title,
                "author": [{"literal": a} for a in self.authors], "publisher": self.publisher,
                "URL": self.url, "language": "id"}
        if self.date:
            item["issued"] = {"date-parts": [[int(p) for p in self.date.split("-")]]}
        if self.version:
            item["version"] = self.version
        return item

    @property
    def csl_json(self) -> str:
        return json.dumps([self.csl], ensure_ascii=False, indent=2)


def authors(model: Model) -> tuple[str, ...]:
    """The named authors, else the publishing body (a data set is cited by its publisher)."""
    package = model.catalog.descriptor
    named = [c.get("title") for c in package.get("contributors", [])
             if c.get("title") and c.get("role", "author") == "author"]
    return tuple(named) or (publisher(package).name,)


def package_version(model: Model) -> str | None:
    version = model.catalog.descriptor.get("version")
    return str(version) if version is not None else None


def _key(*parts: str) -> str:
    return "_".join(re.sub(r"[^A-Za-z0-9]+", "", p) for p in parts if p)


def for_dataset(context: BuildContext, dataset: Dataset) -> Citation:
    model = context.model
    date = context.updated(dataset).date
    package = model.catalog.descriptor
    return Citation(_key("monografi", dataset.name.replace("_", ""), (date or "")[:4]),
                     dataset.title, context.url(urls.dataset_path(dataset.name)), date,
                     authors(model), package.get("title", package["name"]),
                     version=package_version(model))


def for_package(context: BuildContext, date: str | None = None, version: str | None = None,
                url: str | None = None) -> Citation:
    """The whole package; a release passes its tag, its date and the URL of its frozen zip."""
    model = context.model
    date = date or context.package_date
    package = model.catalog.descriptor
    title = package.get("title", package["name"])
    return Citation(_key(package["name"], (date or "")[:4]), title,
                    url or context.url(urls.DATA_INDEX), date, authors(model), title,
                    version=version or package_version(model))


def for_area(context: BuildContext, area: Area) -> Citation:
    """An area page: versioned by the newest change among the datasets it shows."""
    model = context.model
    levels = {area.level} | {c.level for c in area.children}
    dates = [date for d in model.topics() if d.level in levels if (date := context.updated(d).date)]
    package = model.catalog.descriptor
    return Citation(_key("monografi", area.slug, max(dates)[:4] if dates else ""),
                    f"Profil {area.label}", context.url(urls.area_path(area)),
                    max(dates) if dates else None, authors(model),
                    package.get("title", package["name"]), kind="webpage",
                    version=package_version(model))
