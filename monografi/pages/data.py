"""The data catalogue: one page per dataset and the list of all datasets."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls, views
from ..site import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    model = site.model
    for dataset in model.datasets.values():
        yield Page(urls.dataset_path(dataset.name), "dataset",
                   {"view": views.dataset_view(model, dataset)})
    yield Page("data/index.html", "datasets",
               {"items": views.availability(model),
                "masters": [d for d in model.datasets.values() if d.is_master]})
