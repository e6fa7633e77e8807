"""What the page writers receive: the model, the planned charts, and where the project lives."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .charts import Chart
from .model import Model


@dataclass
class SiteData:
    model: Model
    charts: list[Chart]
    project: Path

    @cached_property
    def charts_by_block(self) -> dict[tuple[str, str], list[Chart]]:
        grouped: dict[tuple[str, str], list[Chart]] = {}
        for chart in self.charts:
            grouped.setdefault((chart.area, chart.dataset), []).append(chart)
        return grouped
