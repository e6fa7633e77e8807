"""One 'Riwayat perubahan' page per dataset, from the git history of its files."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports import versions
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    context = site.context
    for dataset in site.model.datasets.values():
        view = {"title": dataset.title, "url": urls.url(urls.dataset_path(dataset.name)),
                "updated": versions.updated_text(context.updated(dataset)),
                "key": " + ".join(dataset.spec.primary_key),
                "revisions": versions.revisions_view(context, dataset)}
        yield Page(urls.history_path(dataset.name), "riwayat", {"view": view})
