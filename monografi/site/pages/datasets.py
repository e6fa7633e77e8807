"""The data catalogue: one page per dataset (downloads, standar data, citation, history link)
and the list of all datasets."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports import changes, citation, formats, versions
from ...exports.standard_data import COLUMN_TITLES, COLUMNS, standar_data
from .. import views
from ..context import SiteData
from . import Page


def pages(site: SiteData) -> Iterator[Page]:
    model = site.model
    context = site.context
    for dataset in model.datasets.values():
        view = views.dataset_view(model, dataset)
        revisions = context.revisions(dataset)
        content = next((r for r in revisions if not r.structure_only), None)
        view.update(
            last_change=versions.revision_view(content, content is revisions[-1],
                                              changes.fields_of(dataset))
            if content else None,
            updated=versions.updated_text(context.updated(dataset)),
            downloads=versions.downloads(site.downloads, dataset), withheld=formats.withheld(dataset),
            standar=standar_data(dataset), standar_columns=list(zip(COLUMNS, COLUMN_TITLES,
                                                                     strict=True)),
            citation=citation.for_dataset(context, dataset),
            riwayat=urls.url(urls.history_path(dataset.name)))
        yield Page(urls.dataset_path(dataset.name), "dataset", {"view": view})
    items = views.availability(model)
    for item in items:
        item["updated"] = context.updated(item["dataset"]).date
    yield Page(urls.DATA_INDEX, "datasets",
               {"items": items,
                "masters": [d for d in model.datasets.values() if d.is_master],
                "xlsx_withheld": [d.title for d in model.datasets.values() if formats.withheld(d)],
                "catalogues": {"dcat": urls.DCAT_FILE, "data_json": urls.DATA_JSON_FILE,
                               "api": urls.API_INDEX, "feed": urls.DATA_FEED},
                "package_citation": citation.for_package(context)})
