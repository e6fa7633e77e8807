"""Deterministic SVG: fixed hash salt, no dates, text kept as text; cached by content hash."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from .. import files, urls
from ..progress import Progress
from ..safe_write import write_file
from ..workers import ordered_map
from .base import FONT, Chart
from .registry import CHART_KINDS

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

SVG_RC: dict[RcKeyType, Any] = {
    "svg.hashsalt": "monografi", "svg.fonttype": "none", "font.family": "DejaVu Sans",
    "font.size": FONT, "axes.spines.top": False, "axes.spines.right": False}
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
    """Put each chart's SVG into the site, drawing (in a process pool) only those not cached.

    The site gets a copy, never a link: a cache entry damaged later cannot touch the published
    chart, and a damaged entry (its sha256 no longer matches) is drawn again.
    """
    unique = {c.key: c for c in charts}
    svgs = {key: svg for key in unique if (svg := files.load(cache_dir / f"{key}.svg")) is not None}
    missing = [c for key, c in unique.items() if key not in svgs]
    with (progress or Progress(quiet=True)).bar("grafik", len(missing), "grafik") as bar:
        for chart, svg in zip(missing, ordered_map(render_svg, missing, workers), strict=True):
            files.store(cache_dir / f"{chart.key}.svg", svg)
            svgs[chart.key] = svg
            bar.update()
    for chart in charts:
        write_file(site_dir, urls.chart_path(chart.id), svgs[chart.key])
    return {"drawn": len(missing), "reused": len(charts) - len(missing)}
