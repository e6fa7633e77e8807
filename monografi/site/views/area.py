"""The area page (province, kabupaten/kota, kecamatan, desa/kelurahan, and the front page).

Built from what exists: headline figures first, then only topics with data. The kabupaten
(home) leads to its kecamatan instead of listing their long tables, which live on the dataset
pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ... import fmt, urls
from ...charts import Chart
from ...exports.citation import Citation
from ...model.areas import Area, Dataset, Model
from ...model.headlines import HeadlineValue, covering_figures, key_figures
from ...model.indicators import Indicator
from .common import LEVEL_PLURAL, Link, SourceView, known_sources
from .data_index import DatasetSummary, availability
from .ranks import ChildRankView, RankView, child_ranks, ranks
from .tables import PAGE_ROWS, Cell, TableView, capped_table

SECTION_ORDER = ("Wilayah", "Kependudukan", "Pertanian", "Pendidikan", "Kesehatan", "Agama")
LOCATOR_DATASET = "lokasi"


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


@dataclass
class Section:
    title: str
    blocks: list[Block]

    @property
    def anchor(self) -> str:
        return self.title.lower().replace(" ", "-")


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class KeyFigureView:
    """One headline card: the figure as written, its period and where it comes from."""

    title: str
    value: str
    unit: str
    approximate: bool
    period: str | None
    source: str | None
    source_title: str | None  # None (and no link) for a table without a `sumber` column
    href: str | None
    dataset: Dataset


@dataclass(frozen=True)
class GridItem:
    area: Area
    url: str
    value: str  # the grid's figure for this area, or '–'


@dataclass(frozen=True)
class Grid:
    """Every area one level down, each with the same headline figure (when one covers them)."""

    kind: str  # what the areas are, e.g. "Kecamatan"
    title: str | None  # the headline shown, None when no table covers any of them
    unit: str
    areas: list[GridItem]
    period: str | None = None  # the one period and source every figure of the grid is from
    source: SourceView | None = None
    covered: int = 0  # areas with a figure


@dataclass
class AreaView:
    area: Area
    title: str
    breadcrumbs: list[Link]
    identity: list[Fact]
    key_figures: list[KeyFigureView]
    sections: list[Section]
    missing: list[str]
    grid: Grid | None
    derived: TableView | None
    children: TableView | None
    ranks: list[RankView]
    child_ranks: list[ChildRankView]
    locator: list[Chart]
    siblings: list[Link]
    sources: list[SourceView]
    availability: list[DatasetSummary]  # the front page: which datasets have data
    citation: Citation | None = None


def figure_text(figure: HeadlineValue) -> str:
    """'± 101.000' for a figure the source gave as an estimate, else the figure as written."""
    return ("± " if figure.approximate else "") + fmt.angka(figure.value)


def _charts_for(charts: dict, area: Area, dataset: Dataset | str) -> list[Chart]:
    name = dataset if isinstance(dataset, str) else dataset.name
    return charts.get((area.code, name), [])


def own_block(model: Model, charts: dict, area: Area, dataset: Dataset) -> Block:
    table = capped_table(model, dataset, dataset.records_for(area.code),
                         f"{dataset.title} – {area.label}", False)
    return Block(dataset, dataset.title, table, _charts_for(charts, area, dataset) if table else [])


def children_block(model: Model, charts: dict, area: Area, dataset: Dataset) -> Block:
    """The rows of the areas below, in sorted_rows order (area code, period, source)."""
    records = [r for code in sorted(c.code for c in area.children)
               for r in dataset.records_for(code)]
    caption = f"{dataset.title} per {LEVEL_PLURAL[dataset.level or '']} di {area.label}"
    table = capped_table(model, dataset, records, caption, True)
    return Block(dataset, dataset.title, table, _charts_for(charts, area, dataset) if table else [])


def _sections(blocks: list[Block]) -> list[Section]:
    order = {name: i for i, name in enumerate(SECTION_ORDER)}
    titles = sorted({b.dataset.section for b in blocks}, key=lambda t: (order.get(t, 99), t))
    return [Section(t, [b for b in blocks if b.dataset.section == t]) for t in titles]


def period_text(figure: HeadlineValue) -> str | None:
    """The period a figure is about; for an older figure quoted later, says so."""
    if figure.period is not None and figure.quoted:
        return f"angka lama, dikutip {figure.period}"
    return None if figure.period is None else str(figure.period)


def key_figure_views(model: Model, area: Area) -> list[KeyFigureView]:
    """The model's headline figures of the area, formatted, with the title of their source.
    Two cards never share a label: where headlines of different tables would (two 'Jumlah
    penduduk', BPS and Dukcapil), each is named by its table instead."""
    figures = key_figures(model, area)
    titles = Counter(k.headline.title for k in figures)
    return [KeyFigureView(k.headline.title if titles[k.headline.title] == 1 else k.dataset.title,
                          figure_text(k.figure), fmt.satuan(k.headline.measure.unit),
                          k.figure.approximate, period_text(k.figure), k.figure.source,
                          *_source_link(model, k.figure.source), k.dataset)
            for k in figures]


def _source_link(model: Model, source: str | None) -> tuple[str | None, str | None]:
    """(title, link) of a headline's source on the sources page; none without a source."""
    if source is None:
        return None, None
    return model.sources.get(source, {}).get("title", source), urls.source_anchor(source)


def derived_table(model: Model, area: Area) -> TableView | None:
    """Derived figures of the area and of the areas directly below it (home: its own only,
    the kecamatan figures are on the indicator pages)."""
    shown = (area, *area.children) if not area.home else (area,)
    items = [(a, d) for a in shown for d in model.derived_for(a.code)]
    if not items:
        return None
    rows = [[Cell(a.name, title=a.code), Cell(d.title), Cell(d.period, whole=True),
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


def identity(area: Area) -> list[Fact]:
    attrs = area.attrs
    items = [Fact("Nama", area.name)]
    if area.code:  # not the front page of a portal spanning several top areas
        items += [Fact("Tingkat", area.kind), Fact("Kode Kemendagri", area.code)]
    for key, label in (("kode_bps", "Kode BPS"), ("nama_lain", "Ejaan lain"),
                       ("kode_pos", "Kode pos"), ("nama_provinsi", "Provinsi")):
        if attrs.get(key) and key != f"nama_{area.level}":  # a province's name is its Nama
            items.append(Fact(label, str(attrs[key])))
    if area.parent is not None:
        items.append(Fact("Wilayah induk", area.parent.label))
    descendants, level = [], list(area.children)
    while level:
        descendants += level
        level = [child for a in level for child in a.children]
    for kind in dict.fromkeys(a.kind for a in descendants):
        count = sum(1 for a in descendants if a.kind == kind)
        items.append(Fact(f"Jumlah {kind}", fmt.angka(count)))
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


def siblings(area: Area) -> list[Link]:
    """Other areas under the same parent, for moving between neighbouring desa."""
    if area.parent is None or area.level != "desa":
        return []
    return [Link(a.label, urls.url(urls.area_path(a))) for a in area.parent.children if a is not area]


def missing_topics(sections: list[Section]) -> list[str]:
    """What has no data here, in one line: a whole topic by its name, else its empty tables."""
    missing = []
    for section in sections:
        empty = [b.title for b in section.blocks if b.table is None]
        missing += [section.title] if len(empty) == len(section.blocks) else empty
    return missing


def kecamatan_grid(model: Model, area: Area) -> Grid | None:
    """Every area one level down with one figure, all from one source and period (stated)."""
    children = area.children
    if not children:
        return None
    covering = covering_figures(model, children)
    headline, figures = covering.headline, covering.figures
    items = [GridItem(c, urls.url(urls.area_path(c)), figure_text(f) if f else fmt.MISSING)
             for c, f in zip(children, figures, strict=True)]
    source = known_sources(model, [covering.source] if covering.source else [])
    return Grid(children[0].kind, headline.title if headline else None,
                fmt.satuan(headline.measure.unit) if headline else "", items, covering.period,
                source[0] if source else None, sum(1 for f in figures if f))


def _sources_shown(model: Model, sections: list[Section], figures: list[KeyFigureView]) -> list[SourceView]:
    """Every source a table cell or a headline card on the page points to, by id."""
    anchor = urls.url(urls.SOURCES_PAGE)
    used = {cell.text for s in sections for b in s.blocks if b.table for row in b.table.rows
            for cell in row
            if cell.href and cell.href.startswith(anchor)}
    return known_sources(model, sorted(used | {f.source for f in figures if f.source}))


def area_view(model: Model, charts: dict, area: Area, indicators: list[Indicator],
              citation: Citation | None = None) -> AreaView:
    """An area page built from what exists: figures first, then only topics with data."""
    child_level = area.children[0].level if area.children else None
    blocks = [own_block(model, charts, area, d) for d in model.topics(area.level)]
    if child_level and not area.home:
        blocks += [children_block(model, charts, area, d) for d in model.topics(child_level)]
    all_sections = _sections(blocks)
    sections = [Section(s.title, [b for b in s.blocks if b.table]) for s in all_sections]
    sections = [s for s in sections if s.blocks]
    figures = key_figure_views(model, area)
    return AreaView(
        area=area, title=area.label,
        breadcrumbs=[Link(a.label, urls.url(urls.area_path(a))) for a in model.trail(area)],
        identity=identity(area), key_figures=figures, sections=sections,
        missing=missing_topics(all_sections),
        grid=kecamatan_grid(model, area) if area.home else None,
        derived=derived_table(model, area),
        children=children_table(area) if not area.home else None,
        ranks=ranks(indicators, area), child_ranks=child_ranks(indicators, area),
        locator=_charts_for(charts, area, LOCATOR_DATASET), siblings=siblings(area),
        sources=_sources_shown(model, sections, figures),
        availability=availability(model) if area.home else [], citation=citation)
