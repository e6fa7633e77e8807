"""A static JSON API under api/v1/: an index, one document per area, one per dataset.

URLs are keyed by codes and dataset names, never by titles, so they stay stable; v1 changes
only by adding keys. Each area document lists every figure about the area with its period,
unit and source, so one request answers "what do we know about Kecamatan X?".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial

from .. import fmt, urls
from ..model.areas import Area, Model
from ..model.context import BuildContext
from . import citation
from .base import Downloads, cell_value, json_bytes
from .formats import by_key, offered


def _area_ref(context: BuildContext, area: Area) -> dict:
    return {"kode": area.code, "nama": area.name, "jenis": area.kind,
            "api": context.url(urls.api_area_path(area)), "halaman": context.url(urls.area_path(area))}


def figures(model: Model, area: Area) -> list[dict]:
    """Every non-empty measure of every dataset about this area, oldest period first.

    Rows come from the dataset's per-area groups (one pass over the table, not a filter per
    area); what is the same for every row is looked up once per dataset, not once per row."""
    result = []
    for dataset in model.topics(area.level):
        declared = ", ".join(dataset.source_ids)
        period = dataset.period_field
        categories = [f.name for f in dataset.categories]
        measures = [(m.name, m.title, fmt.satuan(m.unit)) for m in dataset.measures]
        for row in dataset.records_for(area.code):
            shared = None
            for name, title, unit in measures:
                value = cell_value(row.get(name))
                if value is None:
                    continue
                if shared is None:
                    source = cell_value(row.get("sumber")) or declared
                    shared = (source, model.sources.get(source, {}).get("title"),
                              cell_value(row.get(period)) if period else None,
                              {c: cell_value(row.get(c)) for c in categories},
                              cell_value(row.get("catatan")))
                source, source_title, row_period, row_categories, note = shared
                result.append({
                    "dataset": dataset.name, "kolom": name, "judul": title, "nilai": value,
                    "satuan": unit, "periode": row_period, "sumber": source,
                    "judul_sumber": source_title, "kategori": dict(row_categories),
                    "catatan": note,
                })
    return result


def area_document(context: BuildContext, area: Area) -> dict:
    model = context.model
    derived = [{"indikator": d.indicator, "judul": d.title, "nilai": d.value,
                "satuan": d.unit, "periode": d.period, "sumber": d.source, "dasar": d.basis}
               for d in model.derived_for(area.code)]
    return {
        **_area_ref(context, area), "tingkat": area.level,
        "induk": _area_ref(context, area.parent) if area.parent else None,
        "bawahan": [_area_ref(context, c) for c in area.children],
        "angka": figures(model, area), "turunan": derived,
        "kutipan": citation.for_area(context, area).text,
    }


def index_document(context: BuildContext) -> dict:
    model = context.model
    package = model.catalog.descriptor
    return {
        "versi_api": 1, "judul": package.get("title"), "versi_data": package.get("version"),
        "terakhir_diperbarui": context.package_date,
        "dataset": [{"nama": d.name, "judul": d.title,
                     "api": context.url(urls.api_dataset_path(d.name)),
                     "halaman": context.url(urls.dataset_path(d.name)),
                     "terakhir_diperbarui": context.updated(d).date,
                     "unduhan": {f.key: context.url(f.path(d.name)) for f in offered(d)}}
                    for d in model.datasets.values()],
        "wilayah": {level: [_area_ref(context, a) for a in model.level(level)]
                    for level in dict.fromkeys(a.level for a in model.areas.values())},
    }


class RenderedOnRead(Mapping[str, bytes]):
    """Path → file, each rendered when read: writing them one by one keeps a single document in
    memory, not the whole API of a million-row table."""

    def __init__(self, renderers: dict[str, Callable[[], bytes]]):
        self._renderers = renderers

    def __getitem__(self, path: str) -> bytes:
        return self._renderers[path]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._renderers)

    def __len__(self) -> int:
        return len(self._renderers)


def export_api(downloads: Downloads) -> Mapping[str, bytes]:
    """The API's index and one document per dataset (the shared part of a sharded build)."""
    json_format = by_key("json")
    renderers = {urls.API_INDEX: lambda: json_bytes(index_document(downloads.context))}
    for dataset in downloads.context.model.datasets.values():
        renderers[urls.api_dataset_path(dataset.name)] = partial(downloads.render, json_format, dataset)
    return RenderedOnRead(renderers)


def export_area_api(downloads: Downloads) -> Mapping[str, bytes]:
    """One document per area this build writes (in a sharded build, the areas of its part)."""
    context = downloads.context
    return RenderedOnRead({urls.api_area_path(area): partial(_area_file, context, area)
                           for area in context.model.areas.values() if context.builds(area.code)})


def _area_file(context: BuildContext, area: Area) -> bytes:
    return json_bytes(area_document(context, area))
