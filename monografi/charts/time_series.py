"""Time series: one line per source (and per hinted category), never a mixed line."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure

from .. import fmt
from ..model.areas import Area, Dataset, Model
from .base import (
    COLOURS,
    FONT,
    LINE_IN,
    MARKER_POINTS,
    MAX_LINES,
    MAX_TICKS,
    Chart,
    credit,
    few_ticks,
    framed_axes,
    largest,
    number_axis,
    period_date,
    points_text,
    shown_note,
    source_label,
)


class TimeSeries:

    name = "deret_waktu"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        measure, period = hint["ukuran"], dataset.period_field
        rows = dataset.records_for(area.code)
        split = hint.get("pisah", ["sumber"])
        if not rows or period is None:
            return None
        groups: dict[tuple, list[dict]] = {}
        for r in rows:
            key = tuple(r[column] for column in split)
            if not any(fmt.is_missing(k) for k in key):  # as pandas groupby: no line for a blank
                groups.setdefault(key, []).append(r)
        series = []
        for key in sorted(groups):
            points = tuple((str(r[period]), r[measure]) for r in groups[key]
                           if not fmt.is_missing(r[measure]))
            if points:
                series.append((" · ".join(str(k) for k in key), points))
        if max((len(p) for _, p in series), default=0) < 2:
            return None
        field = dataset.field(measure)
        title = f"{field.title} – {area.label}"
        sources = [s.split(" · ")[0] for s, _ in series]
        alt = f"Grafik garis {field.title.lower()} {area.label} ({fmt.satuan(field.unit)}). " + " ".join(
            f"Menurut {source_label(model, s.split(' · ')[0])}: {points_text(p)}." for s, p in series)
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name, title,
                     fmt.satuan(field.unit), tuple(series), alt, area.code, dataset.name,
                     credit(model, sources if "sumber" in split else
                            (r["sumber"] for r in rows if not fmt.is_missing(r["sumber"]))))

    def draw(self, figure: Figure, chart: Chart) -> None:
        series = largest(list(chart.series), MAX_LINES, lambda s: s[1][-1][1])
        labels = sorted({x for _, points in series for x, _ in points})
        dates = {x: date for x in labels if (date := period_date(x)) is not None}
        on_time_axis = len(dates) == len(labels)
        position: dict[str, float] = dates if on_time_axis else {x: i for i, x in enumerate(labels)}
        legend_in = len(series) * FONT * LINE_IN * 1.3 if len(series) > 1 else 0
        ax = framed_axes(figure, chart, 1.9, left_in=0.85, right_in=0.25,
                         below_in=0.35 + legend_in,
                         note=shown_note(len(series), len(chart.series), "garis teratas"))
        for index, (label, points) in enumerate(series):
            ax.plot([position[x] for x, _ in points], [v for _, v in points],
                    marker="o" if len(points) <= MARKER_POINTS else None, clip_on=False,
                    color=COLOURS[index % len(COLOURS)], label=textwrap.shorten(label, 40))
        if on_time_axis:
            few_ticks(ax.xaxis, MAX_TICKS, integer=True)
            ax.xaxis.set_major_formatter(lambda v, _: str(int(v)))
            low, high = min(dates.values()), max(dates.values())
            ax.set_xlim(int(low), max(int(high) + 1, low + 1))
        else:
            step = max(1, -(-len(labels) // MAX_TICKS))
            ticks = list(range(len(labels) - 1, -1, -step))[::-1]
            ax.set_xticks(ticks, [labels[i] for i in ticks])
        ax.set_ylim(bottom=0, top=max(v for _, p in series for _, v in p) * 1.12)
        few_ticks(ax.yaxis, MAX_TICKS)
        number_axis(ax.yaxis)
        if legend_in:
            ax.legend(loc="upper left", bbox_to_anchor=(-0.2, -0.35 / 1.9), frameon=False,
                      borderaxespad=0, fontsize=FONT)
