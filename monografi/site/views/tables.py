"""Tables as pages show them: cells (text, link, tooltip), a caption, and a cap on long tables.

Every table of every page is a TableView, laid out by one macro (`table` in _macros.html), so a
change to how tables show their numbers is made here and there, once. Tables are built around
their numbers (issue 18): the area or period first, then the values, then the source; a
dataset's notes (`catatan`) become numbered footnotes under the table instead of a narrow
column that sets the row height and pushes the values behind the table's scroll edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import fmt, urls
from ...model.areas import Dataset, Field, Model
from .common import LEVEL_TITLE

NOTE_FIELD = "catatan"
SOURCE_FIELD = "sumber"
# A table reflows on a phone into one block of 'label: value' lines per row (the stacked
# tables of GOV.UK and USWDS) when it has more columns than this, or when its widest cells
# need more characters side by side than a 320 px screen holds: beyond either, values would
# hide behind the scroll edge. Numbers, periods and codes never wrap, so a column needs its
# longest one; text wraps between words, so it needs its longest word.
STACK_ABOVE = 3
PHONE_CHARACTERS = 26  # 288 px of .92rem text, less the cells' padding, in average characters
WIDE_ABOVE = 6  # more columns than this: on a laptop the table takes the screen's width
# Rows of one table listed on a page; beyond it the page shows the first ones and links the
# CSV, so a page (and its rendering, key and search index) stays bounded however long the table.
PAGE_ROWS = 500


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False
    href: str | None = None
    title: str | None = None
    whole: bool = False  # a period or code, kept on one line (2024-S1 must not break at '-')


@dataclass
class TableView:
    caption: str
    columns: list[Cell]
    rows: list[list[Cell]]
    total: int | None = None  # set when `rows` are only the first PAGE_ROWS of `total`
    full: Cell | None = None  # then: where every row is (a download or the API), linked
    notes: list[str] = field(default_factory=list)  # footnote n is notes[n - 1]

    @property
    def stacked(self) -> bool:
        """Reflows into label–value blocks on a phone (see STACK_ABOVE)."""
        return len(self.columns) > STACK_ABOVE or sum(self.column_characters()) > PHONE_CHARACTERS

    def column_characters(self) -> list[int]:
        """The characters each column needs on one line: its longest unbreakable piece (a
        column's title wraps between words, a value or period in a cell does not)."""
        def need(cell: Cell, unbreakable: bool) -> int:
            pieces = [cell.text] if unbreakable else cell.text.split()
            return max((len(p) for p in pieces), default=0)
        return [max([need(self.columns[i], False)]
                    + [need(row[i], row[i].numeric or row[i].whole) for row in self.rows])
                for i in range(len(self.columns))]

    @property
    def wide(self) -> bool:
        return len(self.columns) > WIDE_ABOVE


def ordered_fields(dataset: Dataset) -> list[Field]:
    """The columns a page shows, around their numbers: keys (period, categories) first, then
    the values, then the source; the area column and the notes are shown otherwise."""
    shown = [f for f in dataset.fields if f.name not in (dataset.area_field, NOTE_FIELD)]
    return sorted(shown, key=lambda f: 2 if f.name == SOURCE_FIELD else 1 if f.numeric else 0)


def footnoted(table: TableView, notes: list) -> TableView:
    """Each row's note as a numbered footnote under the table, pointed to from a last, narrow
    column ('[1]'); rows with the same note share one number, so a note repeated on every row
    is printed once. A table without notes gets no such column."""
    numbers: dict[str, int] = {}
    marks = []
    for note in notes:
        text = "" if fmt.is_missing(note) else str(note).strip()
        marks.append(f"[{numbers.setdefault(text, len(numbers) + 1)}]" if text else "")
    if numbers:
        table.columns.append(Cell("Catatan"))
        table.rows = [[*row, Cell(mark)] for row, mark in zip(table.rows, marks, strict=True)]
        table.notes = list(numbers)
    return table


def column_title(f: Field) -> str:
    unit = fmt.satuan(f.unit)
    return f"{f.title} ({unit})" if unit else f.title


def _cell(f: Field, value, model: Model, period: str | None = None) -> Cell:
    if f.name == SOURCE_FIELD and not fmt.is_missing(value):
        title = model.sources.get(value, {}).get("title")
        return Cell(str(value), href=urls.source_anchor(value), title=title)
    if f.numeric:
        return Cell(fmt.angka(value), numeric=True)
    return Cell(fmt.MISSING if fmt.is_missing(value) else str(value),
                whole=f.name == period or f.type != "string")


def rows_table(model: Model, dataset: Dataset, records: list[dict], caption: str,
               name_areas: bool) -> TableView:
    """A dataset's rows, values before the source and notes as footnotes; with name_areas the
    area column becomes a linked name, the first column."""
    fields = ordered_fields(dataset)
    columns = [Cell(column_title(f), numeric=f.numeric) for f in fields]
    if name_areas:
        columns.insert(0, Cell(LEVEL_TITLE[dataset.level or ""]))
    rows = []
    for record in records:
        row = [_cell(f, record.get(f.name), model, dataset.period_field) for f in fields]
        if name_areas:
            area = model.areas[record[dataset.area_field]]
            row.insert(0, Cell(area.name, href=urls.url(urls.area_path(area)), title=area.code))
        rows.append(row)
    return footnoted(TableView(caption, columns, rows), [r.get(NOTE_FIELD) for r in records])


def capped_table(model: Model, dataset: Dataset, records: list[dict], caption: str,
                 name_areas: bool) -> TableView | None:
    """rows_table of at most PAGE_ROWS sorted rows; a longer table links its CSV."""
    if not records:
        return None
    table = rows_table(model, dataset, records[:PAGE_ROWS], caption, name_areas)
    if len(records) > PAGE_ROWS:
        table.total, table.full = len(records), Cell("berkas CSV", href=urls.csv_path(dataset.name))
    return table
