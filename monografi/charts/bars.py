"""Bar charts: the same measure by source, and all areas of a level ranked."""

from __future__ import annotations

from .. import fmt
from ..model.areas import Area, Dataset, Model
from .base import Bars, Chart, credit, points_text, source_label


class BySource(Bars):
    """The same measure as reported by each source: differences stay visible."""

    name = "menurut_sumber"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        measure, period = hint["ukuran"], dataset.period_field
        rows = [r for r in dataset.records_for(area.code) if not fmt.is_missing(r[measure])]
        if len(rows) < 2 or period is None:  # `check` refuses a chart hint on a table without one
            return None
        points = tuple((f"{r['sumber']} ({r[period]})", r[measure]) for r in rows)
        field = dataset.field(measure)
        alt = (f"Grafik batang {field.title.lower()} {area.label} menurut sumber "
               f"({fmt.satuan(field.unit)}): "
               + "; ".join(f"{source_label(model, r['sumber'])} tahun {r[period]}: "
                           f"{fmt.angka(r[measure])}" for r in rows) + ".")
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name,
                     f"{field.title} menurut sumber – {area.label}", fmt.satuan(field.unit),
                     (("sumber", points),), alt, area.code, dataset.name,
                     credit(model, (r["sumber"] for r in rows)))


class Comparison(Bars):
    """All areas one level below, one source, latest period each: who is largest."""

    name = "perbandingan"

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:
        measure, period = hint["ukuran"], dataset.period_field
        children = {c.code: c for c in area.children if c.level == dataset.level}
        source = hint.get("sumber")
        latest = [r for r in (_latest(dataset.records_for(code, file_order=True), measure, period,
                                      source) for code in children) if r is not None]
        if len(latest) < 2:
            return None
        records = sorted(latest, key=lambda r: (-r[measure], r[dataset.area_field]))
        points = tuple((children[r[dataset.area_field]].name, r[measure]) for r in records)
        field = dataset.field(measure)
        periods = sorted({str(r[period]) for r in records})
        source_text = f", {source_label(model, source)}" if source else ""
        alt = (f"Grafik batang {field.title.lower()} {len(points)} {dataset.level} di {area.label}"
               f" ({fmt.satuan(field.unit)}, {', '.join(periods)}{source_text}), dari terbesar: "
               + points_text(points) + ".")
        return Chart(f"{area.slug}-{dataset.name}-{self.name}", self.name,
                     f"{field.title} per {dataset.level} ({', '.join(periods)})",
                     fmt.satuan(field.unit), (("", points),), alt, area.code, dataset.name,
                     credit(model, [source] if source else sorted({r["sumber"] for r in latest})))


def _latest(records: list[dict], measure: str, period: str | None, source: str | None) -> dict | None:
    """An area's row of its latest period with a value (of `source`, when given): of equal
    periods the last in the file, and a row without a period sorts last, as pandas sorts."""
    def order(item: tuple[int, dict]) -> tuple:
        position, row = item
        missing = fmt.is_missing(row[period])
        return missing, None if missing else row[period], position

    rows = [(i, r) for i, r in enumerate(records) if not fmt.is_missing(r[measure]) and (
        source is None or (not fmt.is_missing(r["sumber"]) and r["sumber"] == source))]
    return max(rows, key=order)[1] if rows else None
