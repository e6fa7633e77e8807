"""What each page shows, as plain data: the templates only lay it out.

Keeping selection and formatting here (not in Jinja) makes the page content testable without
Pelican and keeps every number formatted the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import fmt, urls
from ..charts import Chart
from ..exports.standard_data import constraint_text
from ..model.areas import Area, Dataset, Field, Model
from ..model.indicators import COMPARED_LEVEL, Indicator

SECTION_ORDER = ("Wilayah", "Kependudukan", "Pertanian", "Pendidikan", "Kesehatan", "Agama")
LEVEL_PLURAL = {"kabupaten": "kabupaten", "kecamatan": "kecamatan", "desa": "desa/kelurahan"}
LEVEL_TITLE = {"kabupaten": "Kabupaten", "kecamatan": "Kecamatan", "desa": "Desa/kelurahan"}


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


@dataclass
class Block:
    """One dataset on one page: its table and charts, or the honest 'belum tersedia'."""

    dataset: Dataset
    title: str
    table: TableView | None
    charts: list[Chart] = field(default_factory=list)

    @property
    def url(self) -> str:
        return urls.url(urls.dataset_path(self.dataset.name))


def column_title(f: Field) -> str:
    unit = fmt.satuan(f.unit)
    return f"{f.title} ({unit})" if unit else f.title


def _cell(dataset: Dataset, f: Field, value, model: Model) -> Cell:
    if f.name == "sumber" and not fmt.is_missing(value):
        title = model.sources.get(value, {}).get("title")
        return Cell(str(value), href=urls.source_anchor(value), title=title)
    if f.numeric:
        return Cell(fmt.angka(value), numeric=True)
    return Cell(fmt.MISSING if fmt.is_missing(value) else str(value))


def _visible_fields(dataset: Dataset, skip: set[str]) -> list[Field]:
    return [f for f in dataset.fields if f.name not in skip]


def rows_table(model: Model, dataset: Dataset, records: list[dict], caption: str,
               name_areas: bool) -> TableView:
    """A dataset's rows; with name_areas the area column becomes a linked name."""
    skip = {dataset.area_field} if dataset.area_field else set()
    fields = _visible_fields(dataset, skip)
    columns = [Cell(column_title(f), numeric=f.numeric) for f in fields]
    if name_areas:
        columns.insert(0, Cell(LEVEL_TITLE[dataset.level]))
    rows = []
    for record in records:
        row = [_cell(dataset, f, record.get(f.name), model) for f in fields]
        if name_areas:
            area = model.areas[record[dataset.area_field]]
            row.insert(0, Cell(area.name, href=urls.url(urls.area_path(area)), title=area.code))
        rows.append(row)
    return TableView(caption, columns, rows)


LOCATOR_DATASET = "lokasi"


def _charts_for(charts: dict, area: Area, dataset: Dataset | str) -> list[Chart]:
    name = dataset if isinstance(dataset, str) else dataset.name
    return charts.get((area.code, name), [])


def own_block(model: Model, charts: dict, area: Area, dataset: Dataset) -> Block:
    records = dataset.rows_for(area.code).to_dict("records")
    table = rows_table(model, dataset, records, f"{dataset.title} – {area.label}", False) \
        if records else None
    return Block(dataset, dataset.title, table, _charts_for(charts, area, dataset) if table else [])


def children_block(model: Model, charts: dict, area: Area, dataset: Dataset) -> Block:
    codes = {c.code for c in area.children}
    table = dataset.table[dataset.table[dataset.area_field].isin(codes)]
    records = dataset.sorted_rows(table).to_dict("records")
    caption = f"{dataset.title} per {LEVEL_PLURAL[dataset.level]} di {area.label}"
    table = rows_table(model, dataset, records, caption, True) if records else None
    return Block(dataset, dataset.title, table, _charts_for(charts, area, dataset) if table else [])


@dataclass
class Section:
    title: str
    blocks: list[Block]

    @property
    def anchor(self) -> str:
        return self.title.lower().replace(" ", "-")


def _sections(blocks: list[Block]) -> list[Section]:
    order = {name: i for i, name in enumerate(SECTION_ORDER)}
    titles = sorted({b.dataset.section for b in blocks}, key=lambda t: (order.get(t, 99), t))
    return [Section(t, [b for b in blocks if b.dataset.section == t]) for t in titles]


def key_figures(model: Model, area: Area) -> list[dict]:
    """Latest value of each dataset's headline measures, with period and source."""
    figures = []
    for dataset in model.topics(area.level):
        rows = dataset.rows_for(area.code)
        for measure in dataset.headline_measures:
            present = rows.dropna(subset=[measure.name])
            if present.empty:
                continue
            latest = present.iloc[-1]
            figures.append({"title": measure.title, "dataset": dataset.title,
                            "value": fmt.angka(latest[measure.name]),
                            "unit": fmt.satuan(measure.unit), "period": latest[dataset.period_field],
                            "source": latest.get("sumber"), "href": urls.source_anchor(latest.get("sumber"))})
    return figures


def derived_table(model: Model, area: Area) -> TableView | None:
    """Derived figures of the area and of the areas directly below it."""
    items = [(a, d) for a in (area, *area.children) for d in model.derived_for(a.code)]
    if not items:
        return None
    rows = [[Cell(a.name, title=a.code), Cell(d.title), Cell(d.period),
             Cell(fmt.angka(d.value), numeric=True), Cell(fmt.satuan(d.unit)),
             Cell(d.source, href=urls.source_anchor(d.source),
                  title=model.sources.get(d.source, {}).get("title")),
             Cell(d.basis)] for a, d in items]
    columns = [Cell("Wilayah"), Cell("Indikator"), Cell("Periode"), Cell("Nilai", numeric=True),
               Cell("Satuan"), Cell("Sumber"), Cell("Dihitung dari")]
    return TableView(f"Indikator turunan – {area.label}", columns, rows)


def identity(model: Model, area: Area) -> list[tuple[str, str]]:
    attrs = area.attrs
    items = [("Nama", area.name), ("Tingkat", area.kind), ("Kode Kemendagri", area.code)]
    for key, label in (("kode_bps", "Kode BPS"), ("nama_lain", "Ejaan lain"),
                       ("kode_pos", "Kode pos"), ("nama_provinsi", "Provinsi")):
        if attrs.get(key):
            items.append((label, str(attrs[key])))
    if area.parent is not None:
        items.append(("Wilayah induk", area.parent.label))
    descendants, level = [], list(area.children)
    while level:
        descendants += level
        level = [child for a in level for child in a.children]
    for kind in dict.fromkeys(a.kind for a in descendants):
        count = sum(1 for a in descendants if a.kind == kind)
        items.append((f"Jumlah {kind}", fmt.angka(count)))
    return items


def children_table(area: Area) -> TableView | None:
    if not area.children:
        return None
    extra = [k for k in ("kode_bps", "kode_pos") if any(k in c.attrs for c in area.children)]
    columns = [Cell("Kode"), Cell("Nama"), Cell("Jenis")] + [
        Cell({"kode_bps": "Kode BPS", "kode_pos": "Kode pos"}[k]) for k in extra]
    rows = []
    for child in area.children:
        link = urls.url(urls.area_path(child))
        rows.append([Cell(child.code), Cell(child.name, href=link), Cell(child.kind)]
                    + [Cell(str(child.attrs.get(k, fmt.MISSING))) for k in extra])
    label = LEVEL_PLURAL.get(area.children[0].level, area.children[0].level)
    return TableView(f"Daftar {label} di {area.label}", columns, rows)


def ranks(indicators: list[Indicator], area: Area) -> list[dict]:
    """'Peringkat 3 dari 30': the area's place for each indicator, within one source and period."""
    if area.level != COMPARED_LEVEL:
        return []
    result = []
    for indicator in indicators:
        for ranking, entry in indicator.rank_of(area.code):
            result.append({"title": indicator.title, "unit": indicator.unit,
                           "url": urls.url(urls.indicator_path(indicator.id)),
                           "value": fmt.angka(entry.value), "period": ranking.period,
                           "source": ranking.label, "source_href": urls.source_anchor(ranking.source),
                           "rank": entry.rank, "of": len(ranking.entries),
                           "out_of": ranking.out_of})
    return result


def siblings(area: Area) -> list[tuple[str, str]]:
    """Other areas under the same parent, for moving between neighbouring desa."""
    if area.parent is None or area.level != "desa":
        return []
    return [(a.label, urls.url(urls.area_path(a))) for a in area.parent.children if a is not area]


def area_view(model: Model, charts: dict, area: Area, indicators: list[Indicator]) -> dict:
    child_level = area.children[0].level if area.children else None
    blocks = [own_block(model, charts, area, d) for d in model.topics(area.level)]
    if child_level:
        blocks += [children_block(model, charts, area, d) for d in model.topics(child_level)]
    sections = _sections(blocks)
    used = sorted({cell.text for s in sections for b in s.blocks if b.table
                   for row in b.table.rows for cell in row if cell.href
                   and cell.href.startswith(urls.url(urls.SOURCES_PAGE))})
    return {
        "area": area,
        "title": area.label,
        "breadcrumbs": [(a.label, urls.url(urls.area_path(a))) for a in area.lineage],
        "identity": identity(model, area),
        "key_figures": key_figures(model, area),
        "sections": sections,
        "derived": derived_table(model, area),
        "children": children_table(area),
        "ranks": ranks(indicators, area),
        "locator": _charts_for(charts, area, LOCATOR_DATASET),
        "siblings": siblings(area),
        "sources": [model.sources[s] | {"id": s} for s in used if s in model.sources],
    }


def dataset_view(model: Model, dataset: Dataset, preview_rows: int = 25) -> dict:
    spec = dataset.spec
    schema = spec.schema
    fields = [{"name": f.name, "title": f.title, "type": f.type, "unit": fmt.satuan(f.unit),
               "description": f.description, "constraints": constraint_text(f)}
              for f in dataset.fields]
    areas_total = len(model.level(dataset.level)) if dataset.level else 0
    covered = dataset.table[dataset.area_field].nunique() if dataset.area_field else 0
    preview = dataset.sorted_rows(dataset.table).head(preview_rows).to_dict("records")
    sources = [model.sources[s] | {"id": s} for s in dataset.source_ids if s in model.sources]
    return {
        "dataset": dataset,
        "title": dataset.title,
        "fields": fields,
        "primary_key": spec.primary_key,
        "foreign_keys": schema.get("foreignKeys", []),
        "row_rules": spec.hints.get("aturan_baris", []),
        "licenses": spec.descriptor.get("licenses", model.catalog.descriptor.get("licenses", [])),
        "sources": sources,
        "rows": len(dataset.table),
        "coverage": f"{covered} dari {areas_total} {LEVEL_PLURAL.get(dataset.level, '')}"
        if areas_total else "",
        "periods": dataset.periods,
        "preview": rows_table(model, dataset, preview, f"Cuplikan {dataset.title}",
                              False) if preview else None,
        "preview_all": dataset.area_field is None or len(dataset.table) <= preview_rows,
    }


def availability(model: Model) -> list[dict]:
    """Which datasets have data, for how many areas, up to which period."""
    items = []
    for dataset in model.topics():
        view = dataset_view(model, dataset, preview_rows=0)
        items.append({"dataset": dataset, "rows": view["rows"], "coverage": view["coverage"],
                      "latest": view["periods"][-1] if view["periods"] else None,
                      "url": urls.url(urls.dataset_path(dataset.name))})
    return items
