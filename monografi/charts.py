"""Charts: planned from the data package's hints, drawn as deterministic SVG, cached by hash.

Each chart kind is one class registered in CHART_KINDS (a new kind touches nothing else). A
kind turns (dataset, hint, area) into a Chart — plain data with its own text alternative —
and draws it; the SVG bytes depend only on that data and this module's version.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from . import fmt, urls
from .model import Area, Dataset, Model

SVG_RC = {"svg.hashsalt": "monografi", "svg.fonttype": "none", "font.family": "DejaVu Sans",
          "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
COLOURS = ("#1f5f8b", "#b5522b", "#2e7d32", "#6a3d9a", "#8c6d1f", "#37474f")
WIDTH_IN = 4.8
CODE_VERSION = hashlib.sha256(
    Path(__file__).read_bytes() + matplotlib.__version__.encode()).hexdigest()[:16]


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


def _points_text(points) -> str:
    return "; ".join(f"{x}: {fmt.angka(v)}" for x, v in points)


def _source_label(model: Model, source_id: str) -> str:
    return f"{source_id} – {model.sources.get(source_id, {}).get('title', source_id)}"


class TimeSeries:
    """One line per source (and per category the hint splits by): never a mixed line."""

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
            f"Menurut {_source_label(model, s.split(' · ')[0])}: {_points_text(p)}." for s, p in series)
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name, title,
                     fmt.satuan(field.unit), tuple(series), alt, area.code, dataset.name)

    def draw(self, figure: Figure, chart: Chart) -> None:
        ax = figure.add_axes((0.17, 0.2, 0.8, 0.72))
        labels = sorted({x for _, points in chart.series for x, _ in points})
        position = {x: i for i, x in enumerate(labels)}
        for index, (label, points) in enumerate(chart.series):
            ax.plot([position[x] for x, _ in points], [v for _, v in points], marker="o",
                    color=COLOURS[index % len(COLOURS)], label=f"Sumber {label}")
        ax.set_xticks(range(len(labels)), labels)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(v, 0)))
        ax.set_ylabel(chart.unit)
        ax.legend(loc="lower right", frameon=False)
        figure.set_size_inches(WIDTH_IN, 3.4)


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
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(v, 0)))
        ax.set_xlabel(chart.unit)
        for y, value in enumerate(values):
            ax.annotate(fmt.angka(value), (value, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)


class BySource(Bars):
    """The same measure as reported by each source: differences stay visible."""

    name = "menurut_sumber"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        measure, period = hint["ukuran"], dataset.period_field
        rows = [r for r in dataset.rows_for(area.code).to_dict("records")
                if not fmt.is_missing(r[measure])]
        if len(rows) < 2:
            return None
        points = tuple((f"{r['sumber']} ({r[period]})", r[measure]) for r in rows)
        field = dataset.field(measure)
        alt = (f"Grafik batang {field.title.lower()} {area.label} menurut sumber "
               f"({fmt.satuan(field.unit)}): "
               + "; ".join(f"{_source_label(model, r['sumber'])} tahun {r[period]}: "
                           f"{fmt.angka(r[measure])}" for r in rows) + ".")
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name,
                     f"{field.title} menurut sumber – {area.label}", fmt.satuan(field.unit),
                     (("sumber", points),), alt, area.code, dataset.name)


class Ranking(Bars):
    """All areas one level below, one source, latest period each: who is largest."""

    name = "perbandingan"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        measure, period = hint["ukuran"], dataset.period_field
        children = {c.code: c for c in area.children if c.level == dataset.level}
        table = dataset.table
        rows = table[table[dataset.area_field].isin(children)]
        if "sumber" in hint:
            rows = rows[rows["sumber"] == hint["sumber"]]
        rows = rows.dropna(subset=[measure]).sort_values([dataset.area_field, period])
        latest = rows.groupby(dataset.area_field).tail(1)
        if len(latest) < 2:
            return None
        records = sorted(latest.to_dict("records"),
                         key=lambda r: (-r[measure], r[dataset.area_field]))
        points = tuple((children[r[dataset.area_field]].name, r[measure]) for r in records)
        field = dataset.field(measure)
        periods = sorted({str(r[period]) for r in records})
        source = hint.get("sumber")
        source_text = f", {_source_label(model, source)}" if source else ""
        alt = (f"Grafik batang {field.title.lower()} {len(points)} {dataset.level} di {area.label}"
               f" ({fmt.satuan(field.unit)}, {', '.join(periods)}{source_text}), dari terbesar: "
               + _points_text(points) + ".")
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name,
                     f"{field.title} per {dataset.level} ({', '.join(periods)})",
                     fmt.satuan(field.unit), (("", points),), alt, area.code, dataset.name)


CHART_KINDS = {kind.name: kind for kind in (TimeSeries(), BySource(), Ranking())}


def plan_charts(model: Model) -> list[Chart]:
    """Every chart the site shows, in a stable order."""
    charts = []
    for dataset in model.topics():
        for hint in dataset.chart_hints:
            kind = CHART_KINDS[hint["jenis"]]
            for area in model.areas.values():
                chart = kind.plan(model, dataset, hint, area)
                if chart is not None:
                    charts.append(chart)
    return charts


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
