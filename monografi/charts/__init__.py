"""Charts: planned from the data package's hints, drawn as deterministic SVG, cached by hash.

Each chart kind is one class in its own module, registered in `registry` (a new kind touches
nothing else): a hint kind turns (dataset, hint, area) into a Chart — plain data with its own
text alternative —, a map kind is planned from indicators; every kind draws its Charts, and the
SVG bytes depend only on that data and the code fingerprint.
"""

from __future__ import annotations

from ..model.context import BuildContext
from .base import Chart
from .indicators import indicator_charts, locator_charts
from .registry import CHART_KINDS, HINT_KINDS
from .render import render_svg, write_charts


def plan_charts(context: BuildContext) -> list[Chart]:
    """Every chart the site shows, in a stable order."""
    model = context.model
    charts = indicator_charts(model, context.indicators) + locator_charts(model)
    for dataset in model.topics():
        for hint in dataset.chart_hints:
            kind = HINT_KINDS[hint["jenis"]]
            for area in model.areas.values():
                chart = kind.plan(model, dataset, hint, area)
                if chart is not None:
                    charts.append(chart)
    return charts

__all__ = ["CHART_KINDS", "Chart", "plan_charts", "render_svg", "write_charts"]
