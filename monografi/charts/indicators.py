"""Charts of the indicator pages: the ranking of all areas, and lines where periods repeat."""

from __future__ import annotations

from ..model.areas import Model
from ..model.indicators import Indicator, Ranking
from .base import Chart, credit, points_text, source_label
from .maps import CHOROPLETH, LOCATOR

INDICATOR_AREA = "indikator"


def chart_ids(indicator: Indicator, ranking: Ranking) -> tuple[str, str, str]:
    """Ids of the ranking chart, the time-series chart and the map for one ranking."""
    line = "-".join((ranking.source, *ranking.group)).lower()
    base = f"indikator-{indicator.id}"
    return f"{base}-{ranking.slug}", f"{base}-{line}-deret", f"{base}-{ranking.slug}-peta"


def ranking_chart(model: Model, indicator: Indicator, ranking: Ranking) -> Chart:
    points = tuple((e.area.name, e.value) for e in ranking.entries)
    alt = (f"Grafik batang {indicator.title.lower()} per kecamatan ({indicator.unit}, "
           f"{ranking.period}, {source_label(model, ranking.source)}), dari terbesar: "
           f"{points_text(points)}.")
    return Chart(chart_ids(indicator, ranking)[0], "perbandingan",
                 f"{indicator.title}, {ranking.period} ({ranking.label})", indicator.unit,
                 (("", points),), alt, INDICATOR_AREA, indicator.id,
                 credit(model, [ranking.source]))


def series_chart(model: Model, indicator: Indicator, ranking: Ranking) -> Chart | None:
    lines = indicator.series_by_area(ranking.source, ranking.group)
    if not lines:
        return None
    series = tuple((area.name, tuple(points)) for area, points in lines)
    alt = (f"Grafik garis {indicator.title.lower()} ({indicator.unit}, "
           f"{source_label(model, ranking.source)}): "
           + " ".join(f"{name}: {points_text(points)}." for name, points in series))
    return Chart(chart_ids(indicator, ranking)[1], "deret_waktu",
                 f"{indicator.title} menurut waktu ({ranking.label})", indicator.unit, series, alt,
                 INDICATOR_AREA, indicator.id, credit(model, [ranking.source]))


def indicator_charts(model: Model, indicators: list[Indicator]) -> list[Chart]:
    charts = []
    for indicator in indicators:
        for ranking in indicator.latest():
            if len(ranking.entries) >= 2:
                charts.append(ranking_chart(model, indicator, ranking))
            for chart in (series_chart(model, indicator, ranking),
                          CHOROPLETH.plan(model, indicator, ranking, chart_ids(indicator, ranking)[2])):
                if chart is not None:
                    charts.append(chart)
    return charts


def locator_charts(model: Model) -> list[Chart]:
    charts = [LOCATOR.plan(model, area) for area in model.areas.values()]
    return [chart for chart in charts if chart is not None]
