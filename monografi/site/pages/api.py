"""The API documentation page, with working examples built from the real index."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports.formats import by_key
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    model = site.model
    exports = site.exports
    area = next(iter(model.level("kecamatan")), None) or model.roots[0]
    dataset = next(iter(model.topics()), None) or next(iter(model.datasets.values()))
    view = {
        "index": exports.url(urls.API_INDEX),
        "area": area, "area_doc": exports.url(urls.api_area_path(area)),
        "area_pattern": exports.url(f"{urls.API_ROOT}/{area.level}/") + "{kode-dengan-tanda-hubung}.json",
        "dataset": dataset, "dataset_doc": exports.url(urls.api_dataset_path(dataset.name)),
        "csv": exports.url(by_key("csv").path(dataset.name)),
        "levels": sorted({a.level for a in model.areas.values()}),
    }
    yield Page(urls.API_PAGE, "api", {"view": view})
