"""Pieces several pages show: a link, a source, the names of area levels."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...model.areas import Model

LEVEL_PLURAL = {"provinsi": "provinsi", "kabupaten": "kabupaten", "kecamatan": "kecamatan",
                "desa": "desa/kelurahan"}
LEVEL_TITLE = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kecamatan": "Kecamatan",
               "desa": "Desa/kelurahan"}


@dataclass(frozen=True)
class Link:
    text: str
    url: str  # site-relative (urls.url of an output path)


@dataclass(frozen=True)
class SourceView:
    """One row of sumber.csv as pages cite it (anchors S1, S2, … on the sources page)."""

    id: str
    title: str = ""
    year: str = ""
    publisher: str = ""
    description: str = ""
    licence: str = ""
    reference_url: str = ""  # where the source itself can be read (http(s) only)

    @property
    def url(self) -> str:
        return urls.source_anchor(self.id)


def source_view(model: Model, source_id: str) -> SourceView:
    """The source as registered; an id nobody registered keeps only its id."""
    entry = model.sources.get(source_id, {})
    return SourceView(source_id, entry.get("title", ""), entry.get("tahun", ""),
                      entry.get("penerbit", ""), entry.get("description", ""),
                      entry.get("lisensi", ""), entry.get("path", ""))


def known_sources(model: Model, ids) -> list[SourceView]:
    """The registered ones of `ids`, in their order."""
    return [source_view(model, s) for s in ids if s in model.sources]
