"""The data catalogue: one page per dataset (downloads, standar data, citation, history link)
and the list of all datasets."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.data_index import data_index_view
from ..views.dataset import dataset_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    for dataset in site.model.datasets.values():
        yield Page(urls.dataset_path(dataset.name), "dataset",
                   dataset_view(site.context, site.downloads, dataset))
    yield Page(urls.DATA_INDEX, "datasets", data_index_view(site.context))
