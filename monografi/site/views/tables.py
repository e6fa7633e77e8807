"""Tables as pages show them: cells (text, link, tooltip), a caption, and a cap on long tables.

Every table of every page is a TableView, laid out by one macro (`table` in _macros.html), so a
change to how tables show their numbers is made here and there, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import fmt, urls
from ...model.areas import Dataset, Field, Model
from .common import LEVEL_TITLE

# Rows of one table listed on a page; beyond it the page shows the first ones and links the
# CSV, so a page (and its rendering, key and search index) stays bounded however long the table.
PAGE_ROWS = 500


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False
    href: str | None = None
    title: str | None = None


@dataclass
class TableView:
    caption: str
    columns: list[Cell]
    rows: list[list[Cell]]
    total: int | None = None  # set when `rows` are only the first PAGE_ROWS of `total`
    full: Cell | None = None  # then: where every row is (a download or the API), linked


def column_title(f: Field) -> str:
    unit = fmt.satuan(f.unit)
    return f"{f.title} ({unit})" if unit else f.title


def _cell(f: Field, value, model: Model) -> Cell:
    if f.name == "sumber" and not fmt.is_missing(value):
        title = model.sources.get(value, {}).get("title")
        return Cell(str(value), href=urls.source_anchor(value), title=title)
    if f.numeric:
        return Cell(fmt.angka(value), numeric=True)
    return Cell(fmt.MISSING if fmt.is_missing(value) else str(value))


def rows_table(model: Model, dataset: Dataset, records: list[dict], caption: str,
               name_areas: bool) -> TableView:
    """A dataset's rows; with name_areas the area column becomes a linked name."""
    fields = [f for f in dataset.fields if f.name != dataset.area_field]
    columns = [Cell(column_title(f), numeric=f.numeric) for f in fields]
    if name_areas:
        columns.insert(0, Cell(LEVEL_TITLE[dataset.level or ""]))
    rows = []
    for record in records:
        row = [_cell(f, record.get(f.name), model) for f in fields]
        if name_areas:
            area = model.areas[record[dataset.area_field]]
            row.insert(0, Cell(area.name, href=urls.url(urls.area_path(area)), title=area.code))
        rows.append(row)
    return TableView(caption, columns, rows)


def capped_table(model: Model, dataset: Dataset, records: list[dict], caption: str,
                 name_areas: bool) -> TableView | None:
    """rows_table of at most PAGE_ROWS sorted rows; a longer table links its CSV."""
    if not records:
        return None
    table = rows_table(model, dataset, records[:PAGE_ROWS], caption, name_areas)
    if len(records) > PAGE_ROWS:
        table.total, table.full = len(records), Cell("berkas CSV", href=urls.csv_path(dataset.name))
    return table
