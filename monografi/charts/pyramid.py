"""Population pyramid: males left, females right, by age group, one source and period."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import fmt
from ..model.areas import Area, Dataset, Model
from .base import COLOURS, MAX_BARS, Chart, credit, framed_axes, shown_note, source_label


class Pyramid:
    name = "piramida"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        group = hint.get("kelompok", "kelompok_umur")
        rows = dataset.records_for(area.code)
        period_field = dataset.period_field  # `check` refuses a chart hint on a table without one
        if not rows or group not in dataset.table.columns or period_field is None:
            return None
        rows = [r for r in rows if not (fmt.is_missing(r["laki_laki"])
                                        or fmt.is_missing(r["perempuan"]))]
        dated = [r for r in rows if not fmt.is_missing(r[period_field])]
        newest = max((r[period_field] for r in dated), default=None)
        latest = [r for r in dated if r[period_field] == newest]
        sources = sorted({r["sumber"] for r in latest})
        if not latest or len(sources) != 1:
            return None  # one pyramid never blends sources
        order = dataset.field(group).constraints.get("enum") or list(
            dict.fromkeys(r[group] for r in latest))
        by_group = {r[group]: r for r in latest}
        points = tuple((g, (by_group[g]["laki_laki"], by_group[g]["perempuan"]))
                       for g in order if g in by_group)
        period = latest[0][period_field]
        alt = (f"Piramida penduduk {area.label} {period} ({source_label(model, sources[0])}), "
               f"laki-laki / perempuan per kelompok umur: "
               + "; ".join(f"{g}: {fmt.angka(m)} / {fmt.angka(f)}" for g, (m, f) in points) + ".")
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name,
                     f"Piramida penduduk {area.label}, {period}", "jiwa", (("", points),), alt,
                     area.code, dataset.name, credit(model, sources))

    def draw(self, figure: Figure, chart: Chart) -> None:
        (_, all_points), = chart.series
        points = all_points[:MAX_BARS]
        ax = framed_axes(figure, chart, 0.26 * len(points) + 0.4, left_in=0.8, below_in=0.35,
                         note=shown_note(len(points), len(all_points), "kelompok pertama"))
        positions = range(len(points))
        ax.barh(positions, [-m for _, (m, _) in points], color=COLOURS[0], label="Laki-laki")
        ax.barh(positions, [f for _, (_, f) in points], color=COLOURS[1], label="Perempuan")
        ax.set_yticks(positions, [g for g, _ in points])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(abs(v), 0)))
        ax.xaxis.set_major_locator(MaxNLocator(3, symmetric=True))
        ax.axvline(0, color="#333333", linewidth=0.6)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False,
                  borderaxespad=0)
