"""The chart kinds, in two registries: what a dataset hint may name, and the maps.

A hint kind is planned from `monografi.grafik` in datapackage.json (the names `check` accepts
are declared in monografi.validation.hints; a declared name without a class here fails at
import, not in the middle of a build). Map kinds are planned from indicators and boundaries,
never from a hint. Both draw through the same `ChartKind` protocol.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from matplotlib.figure import Figure

from ..model.areas import Area, Dataset, Model
from ..validation.hints import CHART_HINTS
from .bars import BySource, Comparison
from .base import Chart
from .maps import CHOROPLETH, LOCATOR
from .pyramid import Pyramid
from .time_series import TimeSeries


@runtime_checkable
class ChartKind(Protocol):
    name: str

    def draw(self, figure: Figure, chart: Chart) -> None: ...


@runtime_checkable
class HintKind(ChartKind, Protocol):
    """A kind a dataset hint names: planned per (dataset, hint, area)."""

    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None: ...


HINT_KINDS: dict[str, HintKind] = {k.name: k for k in (TimeSeries(), BySource(), Comparison(), Pyramid())}
MAP_KINDS: dict[str, ChartKind] = {k.name: k for k in (CHOROPLETH, LOCATOR)}
CHART_KINDS: dict[str, ChartKind] = {**HINT_KINDS, **MAP_KINDS}
if set(HINT_KINDS) != set(CHART_HINTS):
    raise ImportError(f"chart hints {sorted(CHART_HINTS)} and hint kinds {sorted(HINT_KINDS)} differ")
