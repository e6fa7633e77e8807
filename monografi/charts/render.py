"""Deterministic SVG: fixed hash salt, no dates, text kept as text; cached by content hash."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from .. import urls
from ..cache import reuse
from ..progress import Progress
from ..workers import ordered_map
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


def write_charts(charts: list[Chart], site_dir: Path, cache_dir: Path, *, workers: int | None = 1,
                 progress: Progress | None = None) -> dict[str, int]:
    """Put each chart's SVG into the site, drawing (in a process pool) only those not cached."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = [c for c in {c.key: c for c in charts}.values()
               if not (cache_dir / f"{c.key}.svg").exists()]
    with (progress or Progress(quiet=True)).bar("grafik", len(missing), "grafik") as bar:
        for chart, svg in zip(missing, ordered_map(render_svg, missing, workers), strict=True):
            tmp = cache_dir / f"{chart.key}.tmp"
            tmp.write_bytes(svg)
            tmp.replace(cache_dir / f"{chart.key}.svg")
            bar.update()
    for chart in charts:
        reuse(cache_dir / f"{chart.key}.svg", site_dir / urls.chart_path(chart.id))
    return {"drawn": len(missing), "reused": len(charts) - len(missing)}
