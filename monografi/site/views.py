"""What each page shows, as plain data: the templates only lay it out.

Keeping selection and formatting here (not in Jinja) makes the page content testable without
Pelican and keeps every number formatted the same way everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import fmt, urls
from ..charts import Chart
from ..exports.standard_data import constraint_text, rule_text
from ..model.areas import Area, Dataset, Field, Model
from ..model.indicators import COMPARED_LEVEL, Entry, Indicator, Ranking
from ..validation.hints import category_columns
from ..validation.row_rules import valid_row_rules

SECTION_ORDER = ("Wilayah", "Kependudukan", "Pertanian", "Pendidikan", "Kesehatan", "Agama")
LEVEL_PLURAL = {"provinsi": "provinsi", "kabupaten": "kabupaten", "kecamatan": "kecamatan",
                "desa": "desa/kelurahan"}
LEVEL_TITLE = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kecamatan": "Kecamatan",
               "desa": "Desa/kelurahan"}
# Rows of one table listed on an area page; beyond it the page shows the first ones and links
# the CSV, so a page (and its rendering, key and search index) stays bounded however long the table.
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


def capped_table(model: Model, dataset: Dataset, records: list[dict], caption: str,
                 name_areas: bool) -> TableView | None:
    """rows_table of at most PAGE_ROWS sorted rows; a longer table links its CSV."""
    if not records:
        return None
    table = rows_table(model, dataset, records[:PAGE_ROWS], caption, name_areas)
    if len(records) > PAGE_ROWS:
        table.total, table.full = len(records), Cell("berkas CSV", href=urls.csv_path(dataset.name))
    return table


def own_block(model: Model, charts: dict, area: Area, dataset: Dataset) -> Block:
    table = capped_table(model, dataset, dataset.records_for(area.code),
                         f"{dataset.title} – {area.label}", False)
    return Block(dataset, dataset.title, table, _charts_for(charts, area, dataset) if table else [])


def children_block(model: Model, charts: dict, area: Area, dataset: Dataset) -> Block:
    """The rows of the areas below, in sorted_rows order (area code, period, source)."""
    records = [r for code in sorted(c.code for c in area.children)
               for r in dataset.records_for(code)]
    caption = f"{dataset.title} per {LEVEL_PLURAL[dataset.level]} di {area.label}"
    table = capped_table(model, dataset, records, caption, True)
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


# A row whose note says the source gave an estimate is shown as one ("± 101.000"), never as exact.
APPROXIMATE = re.compile(r"\b(sekitar|perkiraan|kira-kira|taksiran)\b", re.IGNORECASE)
MIN_RANKED = 3  # fewer areas sharing a source and period: no ranking, only how many have data


def is_approximate(record: dict) -> bool:
    note = record.get("catatan")
    return isinstance(note, str) and APPROXIMATE.search(note) is not None


@dataclass(frozen=True)
class Headline:
    """One declared 'angka utama' (see HEADLINE_KEYS in validation/hints.py)."""

    measure: Field
    aggregation: str
    chosen: dict
    title: str


def headlines(dataset: Dataset) -> list[Headline]:
    """The dataset's declared headlines; undeclared, only a table without categories gets one."""
    declared = dataset.spec.hints.get("angka_utama")
    if declared is None:
        primary = dataset.primary_measure
        if primary is None or category_columns(dataset.spec):
            return []
        declared = [{"ukuran": primary.name}]
    return [Headline(dataset.field(h["ukuran"]), h.get("agregasi", "terakhir"),
                     h.get("saring", {}), h.get("judul", dataset.field(h["ukuran"]).title))
            for h in declared]


def _same(a, b) -> bool:
    """Equality as a pandas mask reads it: a missing value equals nothing."""
    return not fmt.is_missing(a) and not fmt.is_missing(b) and a == b


def headline_value(dataset: Dataset, headline: Headline, records: list[dict]) -> dict | None:
    """Latest period's figure: its one row, or (agregasi jumlah) the sum over its categories.

    `records` are the area's rows (Dataset.records_for): plain dicts, because every area page
    and grid asks this for every dataset, and a DataFrame operation per call dominated pages."""
    for column, value in headline.chosen.items():
        records = [r for r in records if str(r[column]) == str(value)]
    measure = headline.measure.name
    records = [r for r in records if not fmt.is_missing(r[measure])]
    if not records:
        return None
    latest = records[-1]
    period = latest[dataset.period_field] if dataset.period_field else None
    same = records
    if dataset.period_field:
        same = [r for r in same if _same(r[dataset.period_field], period)]
    if "sumber" in latest:
        same = [r for r in same if _same(r["sumber"], latest["sumber"])]
    chosen = same if headline.aggregation == "jumlah" else [latest]
    value = sum(r[measure] for r in chosen)
    approximate = any(is_approximate(r) for r in chosen)
    return {"value": ("± " if approximate else "") + fmt.angka(value),
            "approximate": approximate, "period": period, "source": latest.get("sumber")}


def key_figures(model: Model, area: Area) -> list[dict]:
    """Each dataset's declared headline figures for the area, with period and source."""
    figures = []
    for dataset in model.topics(area.level):
        records = dataset.records_for(area.code)
        for headline in headlines(dataset):
            figure = headline_value(dataset, headline, records)
            if figure is None:
                continue
            source = figure["source"]
            figures.append(figure | {
                "title": headline.title, "dataset": dataset.title,
                "unit": fmt.satuan(headline.measure.unit), "href": urls.source_anchor(source),
                "source_title": model.sources.get(source, {}).get("title", source)})
    return figures


def derived_table(model: Model, area: Area) -> TableView | None:
    """Derived figures of the area and of the areas directly below it (home: its own only,
    the kecamatan figures are on the indicator pages)."""
    shown = (area, *area.children) if not area.home else (area,)
    items = [(a, d) for a in shown for d in model.derived_for(a.code)]
    if not items:
        return None
    rows = [[Cell(a.name, title=a.code), Cell(d.title), Cell(d.period),
             Cell(fmt.angka(d.value), numeric=True), Cell(fmt.satuan(d.unit)),
             Cell(d.source, href=urls.source_anchor(d.source),
                  title=model.sources.get(d.source, {}).get("title")),
             Cell(d.basis)] for a, d in items[:PAGE_ROWS]]
    columns = [Cell("Wilayah"), Cell("Indikator"), Cell("Periode"), Cell("Nilai", numeric=True),
               Cell("Satuan"), Cell("Sumber"), Cell("Dihitung dari")]
    table = TableView(f"Indikator turunan – {area.label}", columns, rows)
    if len(items) > PAGE_ROWS:  # every figure is in the API document of its area
        table.total = len(items)
        table.full = Cell("API JSON wilayah ini", href=urls.api_area_path(area)) \
            if len(shown) == 1 else Cell("API JSON per wilayah", href=urls.url(urls.API_PAGE))
    return table


def identity(model: Model, area: Area) -> list[tuple[str, str]]:
    attrs = area.attrs
    items = [("Nama", area.name)]
    if area.code:  # not the front page of a portal spanning several top areas
        items += [("Tingkat", area.kind), ("Kode Kemendagri", area.code)]
    for key, label in (("kode_bps", "Kode BPS"), ("nama_lain", "Ejaan lain"),
                       ("kode_pos", "Kode pos"), ("nama_provinsi", "Provinsi")):
        if attrs.get(key) and key != f"nama_{area.level}":  # a province's name is its Nama
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


def _place(ranking: Ranking, entry: Entry) -> dict:
    """'peringkat 3 dari 30', or only how many have data when too few share a source and period."""
    return {"rank": entry.rank if len(ranking.entries) >= MIN_RANKED else None,
            "of": len(ranking.entries), "out_of": ranking.out_of}


def ranks(indicators: list[Indicator], area: Area) -> list[dict]:
    """The area's place for each indicator, within one source and period: among all areas of the
    portal and, when the portal spans several parents (a province), within its own parent."""
    if area.level != COMPARED_LEVEL:
        return []
    result = []
    for indicator in indicators:
        for ranking, entry in indicator.rank_of(area.code):
            within = None
            if area.in_subdivision:
                inner = ranking.within(area.parent)
                within = _place(inner, next(e for e in inner.entries if e.area is area))
            result.append({"title": indicator.title, "unit": indicator.unit,
                           "url": urls.url(urls.indicator_path(indicator.id)),
                           "value": fmt.angka(entry.value), "period": ranking.period,
                           "source": ranking.label, "source_href": urls.source_anchor(ranking.source),
                           **_place(ranking, entry), "within": within})
    return result


def child_ranks(indicators: list[Indicator], area: Area) -> list[dict]:
    """On a kabupaten of a province portal: its highest and lowest kecamatan for each indicator
    (the home page has the indicator pages for that, so it gets none)."""
    if area.home or not area.children or area.children[0].level != COMPARED_LEVEL:
        return []
    result = []
    for indicator in indicators:
        for ranking in indicator.latest():
            inner = ranking.within(area)
            if not inner.entries:
                continue
            ends = [{"name": e.area.name, "url": urls.url(urls.area_path(e.area)),
                     "value": fmt.angka(e.value)} for e in (inner.entries[0], inner.entries[-1])]
            result.append({"title": indicator.title, "unit": indicator.unit,
                           "url": urls.url(urls.indicator_path(indicator.id)),
                           "period": ranking.period, "source": ranking.label,
                           "source_href": urls.source_anchor(ranking.source),
                           "highest": ends[0], "lowest": ends[1],
                           "of": len(inner.entries), "out_of": inner.out_of})
    return result


def siblings(area: Area) -> list[tuple[str, str]]:
    """Other areas under the same parent, for moving between neighbouring desa."""
    if area.parent is None or area.level != "desa":
        return []
    return [(a.label, urls.url(urls.area_path(a))) for a in area.parent.children if a is not area]


def missing_topics(sections: list[Section]) -> list[str]:
    """What has no data here, in one line: a whole topic by its name, else its empty tables."""
    missing = []
    for section in sections:
        empty = [b.title for b in section.blocks if b.table is None]
        missing += [section.title] if len(empty) == len(section.blocks) else empty
    return missing


def kecamatan_grid(model: Model, area: Area) -> list[dict]:
    """Every area one level down with one figure: the first headline that covers most of them."""
    children = area.children
    best: tuple[int, list[dict]] = (0, [])
    for dataset in model.topics(children[0].level) if children else []:
        for headline in headlines(dataset)[:1]:
            figures = [headline_value(dataset, headline, dataset.records_for(c.code))
                       for c in children]
            found = sum(1 for f in figures if f)
            if found > best[0]:
                best = (found, [f and f | {"title": headline.title,
                                          "unit": fmt.satuan(headline.measure.unit)}
                                for f in figures])
    figures = best[1] or [None] * len(children)
    return [{"area": c, "url": urls.url(urls.area_path(c)), "figure": f}
            for c, f in zip(children, figures, strict=True)]


def area_view(model: Model, charts: dict, area: Area, indicators: list[Indicator]) -> dict:
    """An area page built from what exists: figures first, then only topics with data.

    The kabupaten (home) leads to its kecamatan instead of listing their long tables, which
    live on the dataset pages.
    """
    child_level = area.children[0].level if area.children else None
    blocks = [own_block(model, charts, area, d) for d in model.topics(area.level)]
    if child_level and not area.home:
        blocks += [children_block(model, charts, area, d) for d in model.topics(child_level)]
    all_sections = _sections(blocks)
    sections = [Section(s.title, [b for b in s.blocks if b.table]) for s in all_sections]
    sections = [s for s in sections if s.blocks]
    used = sorted({cell.text for s in sections for b in s.blocks
                   for row in b.table.rows for cell in row if cell.href
                   and cell.href.startswith(urls.url(urls.SOURCES_PAGE))})
    used = sorted(set(used) | {f["source"] for f in key_figures(model, area) if f["source"]})
    return {
        "area": area,
        "title": area.label,
        "breadcrumbs": [(a.label, urls.url(urls.area_path(a))) for a in model.trail(area)],
        "identity": identity(model, area),
        "key_figures": key_figures(model, area),
        "sections": sections,
        "missing": missing_topics(all_sections),
        "grid": kecamatan_grid(model, area) if area.home else [],
        "derived": derived_table(model, area),
        "children": children_table(area) if not area.home else None,
        "ranks": ranks(indicators, area),
        "child_ranks": child_ranks(indicators, area),
        "locator": _charts_for(charts, area, LOCATOR_DATASET),
        "siblings": siblings(area),
        "sources": [model.sources[s] | {"id": s} for s in used if s in model.sources],
    }


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


def dataset_view(model: Model, dataset: Dataset, preview_rows: int = 25) -> dict:
    spec = dataset.spec
    schema = spec.schema
    examples = {raw["name"]: raw.get("example") for raw in spec.fields}
    fields = [{"name": f.name, "title": f.title, "type": f.type, "unit": fmt.satuan(f.unit),
               "description": f.description,
               "constraints": constraint_text(f, examples.get(f.name))}
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
        "row_rules": [rule_text(rule) for rule in valid_row_rules(spec)],
        "licenses": spec.descriptor.get("licenses", model.catalog.descriptor.get("licenses", [])),
        "sources": sources,
        "rows": len(dataset.table),
        "coverage": f"{covered} dari {areas_total} {LEVEL_PLURAL.get(dataset.level, '')}"
        if areas_total else "",
        "coverage_text": coverage_sentence(model, dataset),
        "periods": dataset.periods,
        "preview": rows_table(model, dataset, preview, f"Cuplikan {dataset.title}",
                              dataset.area_field is not None and not dataset.is_master)
        if preview else None,
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
