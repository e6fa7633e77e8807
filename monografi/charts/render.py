"""Deterministic SVG: fixed hash salt, no dates, text kept as text; cached by content hash."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from .. import urls
from .base import Chart
from .registry import CHART_KINDS

SVG_RC = {"svg.hashsalt": "monografi", "svg.fonttype": "none", "font.family": "DejaVu Sans",
          "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def render_svg(chart: Chart) -> bytes:
    with matplotlib.rc_context(SVG_RC):
        figure = Figure()
        FigureCanvasSVG(figure)
        CHART_KINDS[chart.kind].draw(figure, chart)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata=SVG_METADATA)
    return buffer.getvalue()


def write_charts(charts: list[Chart], site_dir: Path, cache_dir: Path) -> dict[str, int]:
    """Write each chart's SVG into the site, drawing only those not already cached."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    counts = {"drawn": 0, "reused": 0}
    for chart in charts:
        cached = cache_dir / f"{chart.key}.svg"
        if cached.exists():
            counts["reused"] += 1
        else:
            tmp = cached.with_suffix(".tmp")
            tmp.write_bytes(render_svg(chart))
            tmp.replace(cached)
            counts["drawn"] += 1
        target = site_dir / urls.chart_path(chart.id)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return counts
