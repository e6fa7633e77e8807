"""The data index (every table, download and catalogue), and the list of datasets of the front page."""

from __future__ import annotations

from dataclasses import dataclass

from ... import urls
from ...exports.citation import Citation, for_package
from ...exports.formats import withheld
from ...model.areas import Dataset, Model
from ...model.context import BuildContext
from .dataset import coverage


@dataclass(frozen=True)
class DatasetSummary:
    """One line about a dataset in a list: how much it holds, for how many areas, up to when."""

    dataset: Dataset
    url: str
    rows: int
    coverage: str
    latest: str | None  # its latest period
    updated: str | None = None  # ISO date of its last change, where the list shows it


@dataclass(frozen=True)
class DataIndexView:
    datasets: list[DatasetSummary]  # the topic tables
    masters: list[DatasetSummary]  # the tables of areas
    xlsx_withheld: list[str]  # titles of the tables too long for one Excel sheet
    citation: Citation  # of the whole package


def summary(model: Model, dataset: Dataset, updated: str | None = None) -> DatasetSummary:
    return DatasetSummary(dataset, urls.url(urls.dataset_path(dataset.name)), len(dataset.table),
                          coverage(model, dataset), dataset.periods[-1] if dataset.periods else None,
                          updated)


def availability(model: Model, dates: dict[str, str | None] | None = None) -> list[DatasetSummary]:
    """Which datasets have data, for how many areas, up to which period (and, given their
    dates by name, when each last changed)."""
    return [summary(model, d, (dates or {}).get(d.name)) for d in model.topics()]


def data_index_view(context: BuildContext) -> DataIndexView:
    model = context.model
    datasets = list(model.datasets.values())
    dates = {d.name: context.updated(d).date for d in datasets}
    return DataIndexView(availability(model, dates),
                         [summary(model, d) for d in datasets if d.is_master],
                         [d.title for d in datasets if withheld(d)], for_package(context))
