"""What every chart kind shares: the Chart record, colours, sizes and wording helpers."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import fmt
from ..model.areas import Model

COLOURS = ("#1f5f8b", "#b5522b", "#2e7d32", "#6a3d9a", "#8c6d1f", "#37474f")
WIDTH_IN = 4.8
# Any change to the chart code or to matplotlib redraws every chart (cache key).
CODE_VERSION = hashlib.sha256(
    b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    + matplotlib.__version__.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str
    title: str
    unit: str
    series: tuple  # ((label, ((x label, value), ...)), ...)
    alt: str
    area: str
    dataset: str

    @property
    def key(self) -> str:
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256((payload + CODE_VERSION).encode()).hexdigest()


def points_text(points) -> str:
    return "; ".join(f"{x}: {fmt.angka(v)}" for x, v in points)


def source_label(model: Model, source_id: str) -> str:
    return f"{source_id} – {model.sources.get(source_id, {}).get('title', source_id)}"


def number_axis(axis) -> None:
    """Tick labels in Indonesian number format."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(v, 0)))


class Bars:
    """Horizontal bars with the value written at the end: readable on a narrow phone."""

    def draw(self, figure: Figure, chart: Chart) -> None:
        (_, points), = chart.series
        height = 0.8 + 0.28 * len(points)
        figure.set_size_inches(WIDTH_IN, height)
        ax = figure.add_axes((0.36, 0.5 / height, 0.47, 1 - 0.65 / height))
        labels = [x for x, _ in points][::-1]
        values = [v for _, v in points][::-1]
        ax.barh(range(len(values)), values, color=COLOURS[0])
        ax.set_yticks(range(len(labels)), labels)
        number_axis(ax.xaxis)
        ax.set_xlabel(chart.unit)
        for y, value in enumerate(values):
            ax.annotate(fmt.angka(value), (value, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)
