"""What every chart kind shares: the Chart record, colours, sizes and wording helpers."""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from dataclasses import asdict, dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import fmt
from ..files import code_fingerprint
from ..model.areas import Model

# Okabe-Ito: distinguishable with any colour vision; series are also labelled, never colour alone.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
# Text is never smaller than FONT points of a WIDTH_IN-wide viewBox: the page shows the chart
# 100 % wide up to 30rem, so at 390 px (358 px of chart) a point renders 1.24 px: 11 pt = 13.7 px.
WIDTH_IN = 4.0
FONT = 11
TITLE_FONT = 12
LINE_IN = 1.3 / 72  # one line of text per point of font size
WRAP = 40  # characters per line of notes at FONT on WIDTH_IN (titles: bold and larger)
TITLE_WRAP = 32
MUTED = "#444444"
# Drawing time and legibility stay bounded whatever the row count; the table beside each chart
# and its text alternative keep every number.
MAX_TICKS = 4  # fewer ticks rather than smaller text
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
    credit: str = ""  # "Sumber: …" with source names, printed inside the chart

    @property
    def key(self) -> str:
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256((payload + code_fingerprint()).encode()).hexdigest()


def points_text(points) -> str:
    return "; ".join(f"{x}: {fmt.angka(v)}" for x, v in points)


def source_label(model: Model, source_id: str) -> str:
    return f"{source_id} – {model.sources.get(source_id, {}).get('title', source_id)}"


def credit(model: Model, source_ids) -> str:
    """'Sumber: <name> (S3); …': a saved SVG still says where its numbers come from."""
    ids = list(dict.fromkeys(source_ids))
    return "Sumber: " + "; ".join(f"{short_title(model, s)} ({s})" for s in ids) if ids else ""


def short_title(model: Model, source_id: str) -> str:
    """A source's title up to its first bracket or comma: the name, without the citation detail."""
    title = model.sources.get(source_id, {}).get("title", source_id)
    return textwrap.shorten(re.split(r"\s*[(,]", title)[0] or title, 60, placeholder=" …")


def _lines(text: str, width: int = WRAP) -> list[str]:
    return textwrap.wrap(text, width) if text else []


def framed_axes(figure: Figure, chart: Chart, plot_in: float, left_in: float = 0.75,
                right_in: float = 0.2, below_in: float = 0.35, note: str = "") -> Axes:
    """Title and unit above the plot, sources and notes below: the SVG stands alone.

    Sizes are in inches so the text keeps its size whatever the number of bars or lines.
    """
    head, foot = _lines(chart.title, TITLE_WRAP), _lines(chart.credit) + _lines(note)
    head_in = 0.1 + len(head) * TITLE_FONT * LINE_IN + (FONT * LINE_IN if chart.unit else 0) + 0.12
    foot_in = len(foot) * FONT * LINE_IN + 0.08
    height = head_in + plot_in + below_in + foot_in
    figure.set_size_inches(WIDTH_IN, height)
    figure.text(0.02, 1 - 0.1 / height, "\n".join(head), va="top", fontsize=TITLE_FONT,
                fontweight="bold")
    if chart.unit:
        figure.text(0.02, 1 - (0.1 + len(head) * TITLE_FONT * LINE_IN) / height, chart.unit,
                    va="top", fontsize=FONT, color=MUTED)
    if foot:
        figure.text(0.02, 0.04 / height, "\n".join(foot), va="bottom", fontsize=FONT,
                    color=MUTED, linespacing=1.2)
    return figure.add_axes((left_in / WIDTH_IN, (foot_in + below_in) / height,
                            1 - (left_in + right_in) / WIDTH_IN, plot_in / height))


def largest(items: list, limit: int, value) -> list:
    """The `limit` items with the largest value, in their original order."""
    if len(items) <= limit:
        return items
    keep = set(sorted(range(len(items)), key=lambda i: (-value(items[i]), i))[:limit])
    return [item for i, item in enumerate(items) if i in keep]


def shown_note(shown: int, total: int, what: str) -> str:
    """What the chart leaves out, said on the chart itself."""
    if shown < total:
        return f"Menampilkan {shown} {what} dari {fmt.angka(total)}; semua angka ada di tabel."
    return ""


# "2022", "2022-S1", "2023/2024": the middle of the year, semester or school year it covers.
_PERIOD = re.compile(r"(\d{4})(?:-S([12])|/(\d{4}))?")


def period_date(label: str) -> float | None:
    """A period as a fractional year, so periods sit on a true time axis; None if unknown."""
    match = _PERIOD.fullmatch(label.strip())
    if match is None:
        return None
    year = int(match[1])
    if match[2]:
        return year + (0.25 if match[2] == "1" else 0.75)
    return year + (1.0 if match[3] else 0.5)


def few_ticks(axis, count: int = 4, integer: bool = False) -> None:
    """Fewer ticks rather than smaller text."""
    axis.set_major_locator(MaxNLocator(count, integer=integer))


def number_axis(axis) -> None:
    """Tick labels in Indonesian number format."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(v, 0)))


class Bars:
    """Horizontal bars with the value written at the end: readable on a narrow phone."""

    def draw(self, figure: Figure, chart: Chart) -> None:
        (_, all_points), = chart.series
        points = largest(list(all_points), MAX_BARS, lambda p: p[1])
        labels = [x for x, _ in points][::-1]
        values = [v for _, v in points][::-1]
        ax = framed_axes(figure, chart, 0.26 * len(points) + 0.1, left_in=1.45, right_in=0.7,
                         below_in=0.3, note=shown_note(len(points), len(all_points), "teratas"))
        ax.barh(range(len(values)), values, color=COLOURS[0])
        ax.set_yticks(range(len(labels)), labels)
        ax.set_ylim(-0.6, len(values) - 0.4)
        few_ticks(ax.xaxis, 3)
        number_axis(ax.xaxis)
        for y, value in enumerate(values):
            ax.annotate(fmt.angka(value), (value, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=FONT)
