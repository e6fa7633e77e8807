"""A static JSON API under api/v1/: an index, one document per area, one per dataset.

URLs are keyed by codes and dataset names, never by titles, so they stay stable; v1 changes
only by adding keys. Each area document lists every figure about the area with its period,
unit and source, so one request answers "what do we know about Kecamatan X?".
"""

from __future__ import annotations

from .. import fmt, urls
from ..model.areas import Area, Model
from . import citation
from .base import Exports, cell_value, json_bytes
from .formats import DATASET_FORMATS, by_key


def _area_ref(exports: Exports, area: Area) -> dict:
    return {"kode": area.code, "nama": area.name, "jenis": area.kind,
            "api": exports.url(urls.api_area_path(area)), "halaman": exports.url(urls.area_path(area))}


def figures(model: Model, area: Area) -> list[dict]:
    """Every non-empty measure of every dataset about this area, oldest period first."""
    result = []
    for dataset in model.topics(area.level):
        declared = ", ".join(dataset.source_ids)
        for row in dataset.rows_for(area.code).to_dict("records"):
            categories = {f.name: cell_value(row.get(f.name)) for f in dataset.categories}
            for measure in dataset.measures:
                value = cell_value(row.get(measure.name))
                if value is None:
                    continue
                source = cell_value(row.get("sumber")) or declared
                result.append({
                    "dataset": dataset.name, "kolom": measure.name, "judul": measure.title,
                    "nilai": value, "satuan": fmt.satuan(measure.unit),
                    "periode": cell_value(row.get(dataset.period_field))
                    if dataset.period_field else None,
                    "sumber": source,
                    "judul_sumber": model.sources.get(source, {}).get("title"),
                    "kategori": categories, "catatan": cell_value(row.get("catatan")),
                })
    return result


def area_document(exports: Exports, area: Area) -> dict:
    model = exports.model
    derived = [{"indikator": d.indicator, "judul": d.title, "nilai": d.value,
                "satuan": d.unit, "periode": d.period, "sumber": d.source, "dasar": d.basis}
               for d in model.derived_for(area.code)]
    return {
        **_area_ref(exports, area), "tingkat": area.level,
        "induk": _area_ref(exports, area.parent) if area.parent else None,
        "bawahan": [_area_ref(exports, c) for c in area.children],
        "angka": figures(model, area), "turunan": derived,
        "kutipan": citation.for_area(exports, area).text,
    }


def index_document(exports: Exports) -> dict:
    model = exports.model
    package = model.catalog.descriptor
    return {
        "versi_api": 1, "judul": package.get("title"), "versi_data": package.get("version"),
        "terakhir_diperbarui": exports.package_date,
        "dataset": [{"nama": d.name, "judul": d.title,
                     "api": exports.url(urls.api_dataset_path(d.name)),
                     "halaman": exports.url(urls.dataset_path(d.name)),
                     "terakhir_diperbarui": exports.updated(d).date,
                     "unduhan": {f.key: exports.url(f.path(d.name)) for f in DATASET_FORMATS}}
                    for d in model.datasets.values()],
        "wilayah": {level: [_area_ref(exports, a) for a in model.level(level)]
                    for level in dict.fromkeys(a.level for a in model.areas.values())},
    }


def export_api(exports: Exports) -> dict[str, bytes]:
    """The API's index and one document per dataset (the shared part of a sharded build)."""
    files = {urls.API_INDEX: json_bytes(index_document(exports))}
    json_format = by_key("json")
    for dataset in exports.model.datasets.values():
        files[urls.api_dataset_path(dataset.name)] = exports.render(json_format, dataset)
    return files


def export_area_api(exports: Exports) -> dict[str, bytes]:
    """One document per area this build writes (in a sharded build, the areas of its part)."""
    return {urls.api_area_path(area): json_bytes(area_document(exports, area))
            for area in exports.model.areas.values() if exports.builds(area.code)}
