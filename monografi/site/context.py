"""What the page writers receive: the build context, the planned charts, the rendered downloads,
the release snapshots, and how pages are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..charts import Chart
from ..exports import Downloads
from ..exports.releases import Release
from ..files import Manifest
from ..model.areas import Model
from ..model.context import BuildContext
from ..progress import Progress


@dataclass
class PageBuild:
    """How this build writes pages: what the published build holds, and what it records."""

    presentation: str = ""  # digest of theme, content/, settings and code shared by every page
    manifest: Manifest = field(default_factory=Manifest)
    files: dict[str, str] = field(default_factory=dict)  # output path → key, for the next build
    counts: dict[str, int] = field(default_factory=dict)
    workers: int | None = 1
    progress: Progress = field(default_factory=lambda: Progress(quiet=True))


@dataclass
class SiteData:
    context: BuildContext  # the build's one context (model.context.build_context)
    charts: list[Chart]
    downloads: Downloads  # the exports' rendered files: a dataset page lists their sizes
    releases: list[Release] = field(default_factory=list)  # exports.releases.build_releases
    build: PageBuild = field(default_factory=PageBuild)

    @property
    def model(self) -> Model:
        return self.context.model

    @cached_property
    def charts_by_block(self) -> dict[tuple[str, str], list[Chart]]:
        grouped: dict[tuple[str, str], list[Chart]] = {}
        for chart in self.charts:
            grouped.setdefault((chart.area, chart.dataset), []).append(chart)
        return grouped
