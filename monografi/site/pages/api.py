"""The API documentation page, with working examples built from the real index.

The examples run as written (a test runs them against a local server) and read every code
column of the example file as text: read as numbers, 32.10 would become 32.1.
"""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports.formats import by_key
from ...model.areas import Dataset
from ..context import SiteData
from . import Page


def text_dtype(dataset: Dataset) -> str:
    """pandas `dtype=` for this file's code columns, e.g. {"kode_kecamatan": str}."""
    return "{" + ", ".join(f'"{f.name}": str' for f in dataset.fields
                           if f.name.startswith("kode_")) + "}"


def pages(site: SiteData) -> Iterator[Page]:
    model = site.model
    context = site.context
    area = next(iter(model.level("kecamatan")), None) or model.roots[0]
    dataset = next(iter(model.topics()), None) or next(iter(model.datasets.values()))
    view = {
        "index": context.url(urls.API_INDEX),
        "area": area, "area_doc": context.url(urls.api_area_path(area)),
        "area_pattern": context.url(f"{urls.API_ROOT}/{area.level}/") + "{kode-dengan-tanda-hubung}.json",
        "dataset": dataset, "dataset_doc": context.url(urls.api_dataset_path(dataset.name)),
        "csv": context.url(by_key("csv").path(dataset.name)),
        "dtype": text_dtype(dataset),
        "levels": sorted({a.level for a in model.areas.values()}),
    }
    yield Page(urls.API_PAGE, "api", {"view": view})
