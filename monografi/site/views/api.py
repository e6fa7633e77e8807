"""The API documentation page, with working examples built from the real index.

The examples run as written (a test runs them against a local server) and read every code
column of the example file as text: read as numbers, 32.10 would become 32.1.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...exports.formats import by_key
from ...model.areas import Dataset
from ...model.context import BuildContext

AREA_PLACEHOLDER = "{kode-dengan-tanda-hubung}"


@dataclass(frozen=True)
class ApiView:
    index: str  # absolute addresses, as a program asks for them
    area_label: str
    area_doc: str
    area_pattern: str
    dataset_doc: str
    csv: str
    dtype: str  # pandas `dtype=` for the CSV's code columns
    levels: list[str]


def text_dtype(dataset: Dataset) -> str:
    """pandas `dtype=` for this file's code columns, e.g. {"kode_kecamatan": str}."""
    return "{" + ", ".join(f'"{f.name}": str' for f in dataset.fields
                           if f.name.startswith("kode_")) + "}"


def api_view(context: BuildContext) -> ApiView:
    """The examples use the first kecamatan (or the top area) and the first topic table."""
    model = context.model
    area = next(iter(model.level("kecamatan")), None) or model.roots[0]
    dataset = next(iter(model.topics()), None) or next(iter(model.datasets.values()))
    return ApiView(context.url(urls.API_INDEX), area.label, context.url(urls.api_area_path(area)),
                   context.url(urls.api_area_path(area, AREA_PLACEHOLDER)),
                   context.url(urls.api_dataset_path(dataset.name)),
                   context.url(by_key("csv").path(dataset.name)), text_dtype(dataset),
                   sorted({a.level for a in model.areas.values()}))
