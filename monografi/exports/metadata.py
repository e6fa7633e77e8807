"""The metadata every self-describing download carries (JSON document, XLSX metadata sheet)."""

from __future__ import annotations

from .. import fmt, urls
from ..model.areas import Dataset
from ..model.context import BuildContext
from ..validation.publisher import publisher
from . import citation
from .datapackage import licences


def dataset_metadata(context: BuildContext, dataset: Dataset) -> dict:
    model = context.model
    updated = context.updated(dataset)
    who = publisher(model.catalog.descriptor)
    return {
        "nama": dataset.name,
        "judul": dataset.title,
        "deskripsi": dataset.description,
        "url": context.url(urls.dataset_path(dataset.name)),
        "terakhir_diperbarui": updated.date,
        "dasar_tanggal": updated.basis,
        "versi_paket": citation.package_version(model),
        "penerbit": {"nama": who.name, "url": who.url, "email": who.email},
        "lisensi": licences(model, dataset),
        "sumber": [model.sources[s] | {"id": s} for s in dataset.source_ids if s in model.sources],
        "kunci_utama": dataset.spec.primary_key,
        "kolom": [{"nama": f.name, "judul": f.title, "tipe": f.type,
                   "satuan": fmt.satuan(f.unit), "definisi": f.description}
                  for f in dataset.fields],
        "kutipan": citation.for_dataset(context, dataset).text,
    }
