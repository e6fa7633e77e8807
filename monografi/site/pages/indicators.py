"""One page per indicator: every kecamatan ranked within one source and period."""

from __future__ import annotations

from collections.abc import Iterator

from ... import fmt, urls
from ...charts.indicators import INDICATOR_AREA, chart_ids
from ...model.indicators import Indicator
from ..context import SiteData
from ..views import Cell, TableView
from . import Page


def ranking_table(indicator: Indicator, ranking, model) -> TableView:
    """Every kecamatan of the portal; in a province, also its kabupaten and its place there."""
    nested = any(e.area.in_subdivision for e in ranking.entries)
    inner = {}
    if nested:
        parents = {e.area.parent.code: e.area.parent for e in ranking.entries}
        inner = {e.area.code: e.rank for p in parents.values() for e in ranking.within(p).entries}
    rows = []
    for e in ranking.entries:
        row = [Cell(fmt.angka(e.rank), numeric=True),
               Cell(e.area.name, href=urls.url(urls.area_path(e.area)), title=e.area.code)]
        if nested:
            parent = e.area.parent
            row += [Cell(parent.name, href=urls.url(urls.area_path(parent)), title=parent.code),
                    Cell(fmt.angka(inner[e.area.code]), numeric=True)]
        rows.append([*row, Cell(fmt.angka(e.value), numeric=True)])
    caption = f"{indicator.title} per kecamatan, {ranking.period} (sumber {ranking.label})"
    columns = [Cell("Peringkat", numeric=True), Cell("Kecamatan")]
    if nested:
        columns += [Cell("Kabupaten/kota"), Cell("Peringkat di kabupaten/kota", numeric=True)]
    columns.append(Cell(f"{indicator.title} ({indicator.unit})", numeric=True))
    return TableView(caption, columns, rows)


def indicator_view(site: SiteData, indicator: Indicator) -> dict:
    model = site.model
    charts = {c.id: c for c in site.charts_by_block.get((INDICATOR_AREA, indicator.id), [])}
    blocks = []
    for ranking in indicator.latest():
        label, value = indicator.summary(ranking)
        blocks.append({
            "ranking": ranking,
            "table": ranking_table(indicator, ranking, model),
            "charts": [charts[i] for i in chart_ids(indicator, ranking) if i in charts],
            "summary": (label, fmt.angka(value)),
            "reference": indicator.reference.get((ranking.source, ranking.period)),
            "source": model.sources.get(ranking.source, {}) | {"id": ranking.source},
            "source_href": urls.source_anchor(ranking.source),
        })
    dataset = model.datasets.get(indicator.dataset)
    return {"indicator": indicator, "title": indicator.title, "blocks": blocks, "home": model.home,
            "dataset": dataset, "dataset_url": urls.url(urls.dataset_path(dataset.name))
            if dataset else None}


def pages(site: SiteData) -> Iterator[Page]:
    indicators = site.context.indicators
    for indicator in indicators:
        yield Page(urls.indicator_path(indicator.id), "indicator",
                   {"view": indicator_view(site, indicator)})
    yield Page(urls.INDICATORS_PAGE, "indicators",
               {"indicators": [(i, urls.url(urls.indicator_path(i.id))) for i in indicators]})
