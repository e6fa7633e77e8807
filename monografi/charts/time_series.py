"""Time series: one line per source (and per hinted category), never a mixed line."""

from __future__ import annotations

from matplotlib.figure import Figure

from .. import fmt
from ..model.areas import Area, Dataset, Model
from .base import (
    COLOURS,
    MARKER_POINTS,
    MAX_LINES,
    WIDTH_IN,
    Chart,
    largest,
    number_axis,
    points_text,
    shown_note,
    source_label,
    thin_ticks,
)


class TimeSeries:

    name = "deret_waktu"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        measure, period = hint["ukuran"], dataset.period_field
        rows = dataset.rows_for(area.code)
        split = hint.get("pisah", ["sumber"])
        if rows.empty or period is None:
            return None
        series = []
        for key, group in rows.groupby(split, sort=True):
            key = key if isinstance(key, tuple) else (key,)
            points = tuple((str(r[period]), r[measure]) for r in group.to_dict("records")
                           if not fmt.is_missing(r[measure]))
            if points:
                series.append((" · ".join(str(k) for k in key), points))
        if max((len(p) for _, p in series), default=0) < 2:
            return None
        field = dataset.field(measure)
        title = f"{field.title} – {area.label}"
        alt = f"Grafik garis {field.title.lower()} {area.label} ({fmt.satuan(field.unit)}). " + " ".join(
            f"Menurut {source_label(model, s.split(' · ')[0])}: {points_text(p)}." for s, p in series)
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name, title,
                     fmt.satuan(field.unit), tuple(series), alt, area.code, dataset.name)

    def draw(self, figure: Figure, chart: Chart) -> None:
        ax = figure.add_axes((0.17, 0.2, 0.8, 0.72))
        series = largest(list(chart.series), MAX_LINES, lambda s: s[1][-1][1])
        labels = sorted({x for _, points in series for x, _ in points})
        position = {x: i for i, x in enumerate(labels)}
        for index, (label, points) in enumerate(series):
            ax.plot([position[x] for x, _ in points], [v for _, v in points],
                    marker="o" if len(points) <= MARKER_POINTS else None,
                    color=COLOURS[index % len(COLOURS)], label=f"Sumber {label}")
        thin_ticks(ax.xaxis, labels)
        ax.set_ylim(bottom=0)
        number_axis(ax.yaxis)
        ax.set_ylabel(chart.unit)
        ax.legend(loc="lower right", frameon=False)
        figure.set_size_inches(WIDTH_IN, 3.4)
        shown_note(figure, len(series), len(chart.series), "garis teratas")
