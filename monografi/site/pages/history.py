"""One 'Riwayat perubahan' page per dataset, from the git history of its files."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.history import history_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    for dataset in site.model.datasets.values():
        yield Page(urls.history_path(dataset.name), "riwayat", history_view(site.context, dataset))
