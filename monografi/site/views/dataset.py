"""The page of one dataset, for readers first: what it holds, its downloads and citation, the
data itself, then its column structure (folded); the rules for filling it in are staff material
(forms, data guide), not on this page (issue 18)."""

from __future__ import annotations

from dataclasses import dataclass

from ... import fmt, urls
from ...exports import Downloads
from ...exports.citation import Citation, for_dataset
from ...exports.csv_utf8 import FORMAT as CSV
from ...exports.formats import offered, withheld
from ...exports.read_snippets import Snippet, read_snippets
from ...exports.schema_org import dataset_markup, script_json
from ...exports.standard_data import standar_data
from ...model.areas import Dataset, Model
from ...model.context import BuildContext
from .common import LEVEL_PLURAL, SourceView, known_sources
from .history import RevisionView, last_content_change, updated_text
from .tables import TableView, rows_table

PREVIEW_ROWS = 25


@dataclass(frozen=True)
class LicenceView:
    name: str
    url: str  # '' when the licence names no address


@dataclass(frozen=True)
class DownloadView:
    label: str
    url: str
    file: str
    description: str
    media_type: str
    bytes: int


@dataclass
class DatasetView:
    dataset: Dataset
    title: str
    coverage: str  # '2 dari 30 kecamatan', '' for a table not about areas
    coverage_text: str  # the same as a sentence, naming the areas
    rows: int
    periods: list[str]
    updated: str
    last_change: RevisionView | None
    history_url: str
    downloads: list[DownloadView]
    withheld: list[str]  # why a download is missing, one sentence per format
    snippets: list[Snippet]  # the CSV read by pandas, R and DuckDB with the schema's types
    markup: str  # schema.org Dataset JSON-LD for the page's <head> (Google Dataset Search)
    licences: list[LicenceView]
    sources: list[SourceView]
    standar: dict  # exports.standard_data.standar_data: the folded column structure
    preview: TableView | None
    preview_all: bool  # the preview is the whole table
    citation: Citation


def coverage(model: Model, dataset: Dataset) -> str:
    """'2 dari 30 kecamatan': how many areas of its level the table has rows for."""
    areas_total = len(model.level(dataset.level)) if dataset.level else 0
    if not areas_total:
        return ""
    covered = dataset.table[dataset.area_field].nunique() if dataset.area_field else 0
    return f"{covered} dari {areas_total} {LEVEL_PLURAL.get(dataset.level or '', '')}"


def coverage_sentence(model: Model, dataset: Dataset, named: int = 8) -> str:
    """'Tersedia untuk 2 dari 30 kecamatan: Karawang Barat, Klari.' computed, never hand-written."""
    if not dataset.area_field or not dataset.level or dataset.is_master:
        return ""
    areas = model.level(dataset.level)
    codes = set(dataset.table[dataset.area_field].dropna())
    covered = sorted((a for a in areas if a.code in codes), key=lambda a: a.name)
    plural = LEVEL_PLURAL.get(dataset.level, dataset.level)
    if not covered:
        return f"Belum tersedia untuk {plural} mana pun."
    if len(covered) == len(areas):
        return f"Tersedia untuk semua {fmt.angka(len(areas))} {plural}."
    names = ", ".join(a.name for a in covered[:named]) + (", …" if len(covered) > named else "")
    return (f"Tersedia untuk {fmt.angka(len(covered))} dari {fmt.angka(len(areas))} {plural}: "
            f"{names}.")


def downloads(files: Downloads, dataset: Dataset) -> list[DownloadView]:
    """Every format offered for the dataset, with the size of the bytes the build publishes."""
    return [DownloadView(f.label, urls.url(path), path.rsplit("/", 1)[1], f.description,
                         f.media_type, len(files.render(f, dataset)))
            for f in offered(dataset) for path in (f.path(dataset.name),)]


def _licences(model: Model, dataset: Dataset) -> list[LicenceView]:
    licences = dataset.spec.descriptor.get("licenses", model.catalog.descriptor.get("licenses", []))
    return [LicenceView(entry.get("title") or entry.get("name", ""), entry.get("path", ""))
            for entry in licences]


def _preview(model: Model, dataset: Dataset, rows: int) -> TableView | None:
    preview = dataset.sorted_rows(dataset.table).head(rows).to_dict("records")
    if not preview:
        return None
    return rows_table(model, dataset, preview, f"Cuplikan {dataset.title}",
                      dataset.area_field is not None and not dataset.is_master)


def dataset_view(context: BuildContext, files: Downloads, dataset: Dataset,
                 preview_rows: int = PREVIEW_ROWS) -> DatasetView:
    model = context.model
    return DatasetView(
        dataset=dataset, title=dataset.title, coverage=coverage(model, dataset),
        coverage_text=coverage_sentence(model, dataset), rows=len(dataset.table),
        periods=dataset.periods, updated=updated_text(context.updated(dataset)),
        last_change=last_content_change(context, dataset),
        history_url=urls.url(urls.history_path(dataset.name)),
        downloads=downloads(files, dataset), withheld=withheld(dataset),
        snippets=read_snippets(dataset, context.url(CSV.path(dataset.name))),
        markup=script_json(dataset_markup(context, dataset)),
        licences=_licences(model, dataset), sources=known_sources(model, dataset.source_ids),
        standar=standar_data(dataset),
        preview=_preview(model, dataset, preview_rows),
        preview_all=dataset.area_field is None or len(dataset.table) <= preview_rows,
        citation=for_dataset(context, dataset))
