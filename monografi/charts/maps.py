"""Maps from user-supplied boundaries: a choropleth per indicator and a locator per area.

Geometry travels inside the Chart (rounded rings), so the cache key changes when the
boundaries do; "tidak ada data" is hatched grey, never a colour of the scale.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .. import fmt
from ..model.areas import Area, Model
from ..model.indicators import Indicator, Ranking
from .base import FONT, Chart, credit, points_text, source_label

SCALE = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#f0f0f0"
HIGHLIGHT = "#D55E00"
MAP_WIDTH_IN = 4.0  # same width as the other charts: same rendered text size


def rings(geometry) -> tuple:
    polygons = getattr(geometry, "geoms", [geometry])
    return tuple(tuple((round(x, 5), round(y, 5)) for x, y in polygon.exterior.coords)
                 for polygon in polygons)


def class_breaks(values: list[float], classes: int = len(SCALE)) -> list[float]:
    """Upper bounds of quantile classes (fewer classes when there are few distinct values)."""
    distinct = sorted(set(values))
    if len(distinct) <= classes:
        return distinct
    ordered = sorted(values)
    return sorted({ordered[min(len(ordered) - 1, math.ceil(len(ordered) * (i + 1) / classes) - 1)]
                   for i in range(classes)})


def _draw_polygons(figure: Figure, chart: Chart, colours: list[str], hatches: list[str]) -> Axes:
    all_rings = [ring for _, _, polygons in chart.series for ring in polygons]
    xs = [x for ring in all_rings for x, _ in ring]
    ys = [y for ring in all_rings for _, y in ring]
    aspect = 1 / math.cos(math.radians((min(ys) + max(ys)) / 2))
    height = MAP_WIDTH_IN * (max(ys) - min(ys)) * aspect / max(max(xs) - min(xs), 1e-9)
    figure.set_size_inches(MAP_WIDTH_IN, min(max(height, 2.5), 6.0) + 0.9)
    ax = figure.add_axes((0.02, 0.16, 0.96, 0.82))
    ax.set_axis_off()
    ax.set_aspect(aspect)
    for (_, _, polygons), colour, hatch in zip(chart.series, colours, hatches, strict=True):
        ax.add_collection(PolyCollection(list(polygons), facecolors=colour, edgecolors="#555555",
                                         linewidths=0.4, hatch=hatch or None))
    ax.set_xlim(min(xs), max(xs))
    ax.set_ylim(min(ys), max(ys))
    return ax


class Choropleth:
    name = "peta"

    def plan(self, model: Model, indicator: Indicator, ranking: Ranking, chart_id: str) -> Chart | None:
        boundaries = model.boundaries.get(indicator.level_areas[0].level if indicator.level_areas
                                          else "")
        if boundaries is None or not ranking.entries:
            return None
        values = {e.area.code: e.value for e in ranking.entries}
        series = tuple((area.name, values.get(area.code), rings(boundaries.shapes[area.code]))
                       for area in indicator.level_areas if area.code in boundaries.shapes)
        missing = [name for name, value, _ in series if value is None]
        if len(missing) == len(series):
            return None
        alt = (f"Peta {indicator.title.lower()} per kecamatan ({indicator.unit}, {ranking.period}, "
               f"{source_label(model, ranking.source)}): "
               + points_text(tuple((n, v) for n, v, _ in series if v is not None)) + "."
               + (f" Tidak ada data: {', '.join(missing)}." if missing else ""))
        return Chart(chart_id, self.name, f"Peta {indicator.title}, {ranking.period} ({ranking.label})",
                     indicator.unit, series, alt, "indikator", indicator.id,
                     credit(model, [ranking.source]))

    def draw(self, figure: Figure, chart: Chart) -> None:
        values = [v for _, v, _ in chart.series if v is not None]
        breaks = class_breaks(values)
        colours, hatches = [], []
        for _, value, _ in chart.series:
            if value is None:
                colours.append(NO_DATA)
                hatches.append("///")
            else:
                index = next(i for i, bound in enumerate(breaks) if value <= bound)
                colours.append(SCALE[round(index * (len(SCALE) - 1) / max(len(breaks) - 1, 1))])
                hatches.append("")
        ax = _draw_polygons(figure, chart, colours, hatches)
        handles, lower = [], min(values)
        for index, bound in enumerate(breaks):
            colour = SCALE[round(index * (len(SCALE) - 1) / max(len(breaks) - 1, 1))]
            label = fmt.angka(bound) if lower == bound else f"{fmt.angka(lower)} – {fmt.angka(bound)}"
            handles.append(Patch(facecolor=colour, edgecolor="#555555", label=f"{label} {chart.unit}"))
            lower = bound
        if None in (v for _, v, _ in chart.series):
            handles.append(Patch(facecolor=NO_DATA, edgecolor="#555555", hatch="///",
                                 label="tidak ada data"))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2,
                  frameon=False, fontsize=FONT)


class Locator:
    name = "lokasi"

    def plan(self, model: Model, area: Area) -> Chart | None:
        boundaries = model.boundaries.get(area.level)
        if boundaries is None or area.code not in boundaries.shapes or area.parent is None:
            return None
        siblings = [a for a in area.parent.children if a.code in boundaries.shapes]
        series = tuple((a.name, 1.0 if a is area else 0.0, rings(boundaries.shapes[a.code]))
                       for a in siblings)
        alt = (f"Peta lokasi {area.label} (disorot) di antara {len(siblings)} wilayah "
               f"{area.parent.label}.")
        return Chart(f"{area.slug}-lokasi", self.name, f"Lokasi {area.label}", "", series, alt,
                     area.code, "lokasi")

    def draw(self, figure: Figure, chart: Chart) -> None:
        colours = [HIGHLIGHT if value else NO_DATA for _, value, _ in chart.series]
        ax = _draw_polygons(figure, chart, colours, [""] * len(colours))
        ax.legend(handles=[Patch(facecolor=HIGHLIGHT, label=chart.title.removeprefix("Lokasi "))],
                  loc="upper center", bbox_to_anchor=(0.5, 0.0), frameon=False, fontsize=FONT)


CHOROPLETH, LOCATOR = Choropleth(), Locator()
