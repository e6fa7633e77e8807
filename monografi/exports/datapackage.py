"""Frictionless descriptors: one per dataset (beside its CSV) and one for the whole package."""

from __future__ import annotations

import hashlib

from ..model.areas import Dataset, Model
from ..validation.dialect import FRICTIONLESS_DIALECT_KEYS, canonical_schema
from .base import DatasetFormat, Downloads, json_bytes
from .csv_utf8 import FORMAT as CSV

_PACKAGE_KEYS = ("version", "created", "keywords", "licenses", "contributors", "homepage")


def resource(downloads: Downloads, dataset: Dataset, path: str) -> dict:
    """The resource as downloaded: schema inline, the CSV's size and hash.

    Downloads are normalised CSV, so a staff file's encoding, delimiter and number separators
    must not travel into the published descriptor.
    """
    data = downloads.render(CSV, dataset)
    entry = {k: v for k, v in dataset.spec.descriptor.items()
             if k not in ("path", "schema", *FRICTIONLESS_DIALECT_KEYS)}
    entry.update(path=path, bytes=len(data), hash=f"sha256:{hashlib.sha256(data).hexdigest()}",
                 schema=canonical_schema(dataset.spec.schema))
    return entry


def licences(model: Model, dataset: Dataset) -> list[dict]:
    """The table's own licences, else the package's."""
    return dataset.spec.descriptor.get("licenses", model.catalog.descriptor.get("licenses", []))


def used_licences(model: Model, datasets: list[Dataset]) -> list[dict]:
    """The union of the tables' licences, first seen first: what a package of them is under."""
    found: dict[str, dict] = {}
    for dataset in datasets:
        for licence in licences(model, dataset):
            found.setdefault(licence.get("name") or licence.get("path", ""), licence)
    return list(found.values())


def _used_sources(model: Model, datasets: list[Dataset]) -> list[dict]:
    used = {s for d in datasets for s in d.source_ids}
    return [s for s in model.catalog.descriptor.get("sources", []) if s.get("id") in used]


def package_descriptor(downloads: Downloads, datasets: list[Dataset], paths: dict[str, str],
                       main: Dataset | None = None) -> dict:
    """The whole package, or (with `main`) a package named after one dataset."""
    model = downloads.context.model
    package = model.catalog.descriptor
    descriptor = {k: v for k, v in package.items() if k != "resources"}
    if main is not None:
        descriptor.update(name=main.name.replace("_", "-"), title=main.title,
                          description=main.description)
        descriptor = {k: v for k, v in descriptor.items()
                      if k in ("name", "title", "description", *_PACKAGE_KEYS)}
        descriptor["sources"] = _used_sources(model, datasets)
    descriptor["licenses"] = used_licences(model, datasets)
    descriptor["resources"] = [resource(downloads, d, paths[d.name]) for d in datasets]
    return descriptor


def with_references(model: Model, dataset: Dataset) -> list[Dataset]:
    """The dataset and every table its foreign keys reach, so the package validates alone."""
    found = [dataset]
    for current in found:
        for fk in current.spec.schema.get("foreignKeys", []):
            target = model.datasets.get(fk.get("reference", {}).get("resource") or current.name)
            if target is not None and target not in found:
                found.append(target)
    return found


def render(downloads: Downloads, dataset: Dataset) -> bytes:
    datasets = with_references(downloads.context.model, dataset)
    paths = {d.name: CSV.path(d.name).rsplit("/", 1)[1] for d in datasets}
    return json_bytes(package_descriptor(downloads, datasets, paths, dataset))


FORMAT = DatasetFormat("datapackage", "datapackage.json", ".datapackage.json",
                       "application/json",
                       "Frictionless Data Package untuk tabel ini beserta tabel wilayah yang dirujuknya",
                       render)
