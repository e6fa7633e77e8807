"""The list of sources every figure points to (anchors S1, S2, …)."""

from __future__ import annotations

from dataclasses import dataclass

from ...model.areas import Model
from .common import SourceView, known_sources


@dataclass(frozen=True)
class SourcesView:
    sources: list[SourceView]


def sources_view(model: Model) -> SourcesView:
    return SourcesView(known_sources(model, model.sources))
