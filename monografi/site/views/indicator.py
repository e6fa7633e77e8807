"""The indicator pages: every kecamatan ranked within one source and period, and their list."""

from __future__ import annotations

from dataclasses import dataclass

from ... import fmt, urls
from ...charts import Chart
from ...charts.indicators import INDICATOR_AREA, chart_ids
from ...model.areas import Dataset, Model
from ...model.indicators import MIN_RANKED, Indicator, Ranking
from .common import Link, SourceView, source_view
from .tables import Cell, TableView


@dataclass(frozen=True)
class RankingSummary:
    """One comparison: its source (and categories), period, and how many areas it covers."""

    label: str
    period: str
    count: int
    out_of: int


@dataclass
class RankingBlock:
    ranking: RankingSummary
    source: SourceView
    summary_label: str  # 'Jumlah' or 'Rata-rata (tidak tertimbang)'
    summary_value: str
    reference: str | None  # the home area's own figure from the same source and period
    charts: list[Chart]
    table: TableView
    compared: bool = True  # enough areas (MIN_RANKED) share the source and period to rank them
    min_ranked: int = MIN_RANKED


@dataclass
class IndicatorView:
    title: str
    unit: str
    description: str
    breadcrumbs: list[Link]
    home_kind: str  # 'Kabupaten', for 'Angka kabupaten (sumber sama)'
    dataset: Link | None  # the table it is computed from (none for a derived indicator)
    blocks: list[RankingBlock]


@dataclass(frozen=True)
class IndicatorItem:
    title: str
    unit: str
    url: str
    rankings: list[RankingSummary]  # the latest of each source


@dataclass(frozen=True)
class IndicatorsView:
    indicators: list[IndicatorItem]


def ranking_summary(ranking: Ranking) -> RankingSummary:
    return RankingSummary(ranking.label, ranking.period, len(ranking.entries), ranking.out_of)


def ranking_table(indicator: Indicator, ranking: Ranking) -> TableView:
    """Every kecamatan of the portal; in a province, also its kabupaten and its place there."""
    nested = any(e.area.subdivision for e in ranking.entries)
    inner = {}
    if nested:
        parents = {p.code: p for e in ranking.entries if (p := e.area.parent) is not None}
        inner = {e.area.code: e.rank for p in parents.values() for e in ranking.within(p).entries}
    rows = []
    for e in ranking.entries:
        row = [Cell(fmt.angka(e.rank), numeric=True),
               Cell(e.area.name, href=urls.url(urls.area_path(e.area)), title=e.area.code)]
        if nested:
            parent = e.area.parent
            assert parent is not None  # nested: the compared level lies below a subdivision
            row += [Cell(parent.name, href=urls.url(urls.area_path(parent)), title=parent.code),
                    Cell(fmt.angka(inner[e.area.code]), numeric=True)]
        rows.append([*row, Cell(fmt.angka(e.value), numeric=True)])
    if not ranking.compared:  # fewer than MIN_RANKED areas: listed, never ranked
        rows = [row[1:] for row in rows]
    caption = f"{indicator.title} per kecamatan, {ranking.period} (sumber {ranking.label})"
    columns = [Cell("Peringkat", numeric=True), Cell("Kecamatan")]
    if nested:
        columns += [Cell("Kabupaten/kota"), Cell("Peringkat di kabupaten/kota", numeric=True)]
    columns.append(Cell(f"{indicator.title} ({indicator.unit})", numeric=True))
    if not ranking.compared:
        columns = columns[1:]
        caption = caption.replace(" per kecamatan,", " (belum diperingkat),", 1)
    return TableView(caption, columns, rows)


def _block(model: Model, indicator: Indicator, ranking: Ranking, charts: dict[str, Chart]) -> RankingBlock:
    label, value = indicator.summary(ranking)
    reference = indicator.reference.get((ranking.source, ranking.period))
    return RankingBlock(ranking_summary(ranking), source_view(model, ranking.source), label,
                        fmt.angka(value), None if reference is None else fmt.angka(reference),
                        [charts[i] for i in chart_ids(indicator, ranking) if i in charts],
                        ranking_table(indicator, ranking), ranking.compared)


def _dataset_link(dataset: Dataset | None) -> Link | None:
    return Link(dataset.title, urls.url(urls.dataset_path(dataset.name))) if dataset else None


def indicator_view(model: Model, charts_by_block: dict, indicator: Indicator) -> IndicatorView:
    charts = {c.id: c for c in charts_by_block.get((INDICATOR_AREA, indicator.id), [])}
    crumbs = [Link("Beranda", urls.url(urls.HOME)), Link("Indikator", urls.url(urls.INDICATORS_PAGE)),
              Link(indicator.title, urls.url(urls.indicator_path(indicator.id)))]
    return IndicatorView(indicator.title, indicator.unit, indicator.description, crumbs,
                         model.home.kind, _dataset_link(model.datasets.get(indicator.dataset)),
                         [_block(model, indicator, r, charts) for r in indicator.latest()])


def indicators_view(indicators: list[Indicator]) -> IndicatorsView:
    return IndicatorsView([IndicatorItem(i.title, i.unit, urls.url(urls.indicator_path(i.id)),
                                         [ranking_summary(r) for r in i.latest()])
                           for i in indicators])
