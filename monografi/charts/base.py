"""What every chart kind shares: the Chart record, colours, sizes and wording helpers."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from .. import fmt
from ..files import code_fingerprint
from ..model.areas import Model

COLOURS = ("#1f5f8b", "#b5522b", "#2e7d32", "#6a3d9a", "#8c6d1f", "#37474f")
WIDTH_IN = 4.8
# Drawing time and legibility stay bounded whatever the row count; the table beside each chart
# and its text alternative keep every number.
MAX_TICKS = 12
MAX_BARS = 30
MAX_LINES = 12
MARKER_POINTS = 40  # more points than this: a line without dots


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
        return hashlib.sha256((payload + code_fingerprint()).encode()).hexdigest()


def points_text(points) -> str:
    return "; ".join(f"{x}: {fmt.angka(v)}" for x, v in points)


def source_label(model: Model, source_id: str) -> str:
    return f"{source_id} – {model.sources.get(source_id, {}).get('title', source_id)}"


def largest(items: list, limit: int, value) -> list:
    """The `limit` items with the largest value, in their original order."""
    if len(items) <= limit:
        return items
    keep = set(sorted(range(len(items)), key=lambda i: (-value(items[i]), i))[:limit])
    return [item for i, item in enumerate(items) if i in keep]


def shown_note(figure: Figure, shown: int, total: int, what: str) -> None:
    """Say on the chart itself that it shows only part of the data."""
    if shown < total:
        figure.text(0.01, 0.005, f"menampilkan {shown} {what} dari {fmt.angka(total)}; "
                    "semua angka ada di tabel", fontsize=7, color="#555555", va="bottom")


def thin_ticks(axis, labels: list[str]) -> None:
    """At most MAX_TICKS evenly spaced labelled ticks, always including the last one."""
    step = max(1, -(-len(labels) // MAX_TICKS))
    positions = list(range(len(labels) - 1, -1, -step))[::-1]
    axis.set_ticks(positions, [labels[i] for i in positions])


def number_axis(axis) -> None:
    """Tick labels in Indonesian number format."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(v, 0)))


class Bars:
    """Horizontal bars with the value written at the end: readable on a narrow phone."""

    def draw(self, figure: Figure, chart: Chart) -> None:
        (_, all_points), = chart.series
        points = largest(list(all_points), MAX_BARS, lambda p: p[1])
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
        shown_note(figure, len(points), len(all_points), "teratas")
