"""The build, stage by stage: validate → model → charts → exports → Pelican → publish."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from .charts import plan_charts, write_charts
from .exports import write_exports
from .model import build_model
from .publish import publish, state_dir
from .report import Report
from .search import index_site
from .site import SiteData
from .validate import validate_datasets


@dataclass
class BuildResult:
    report: Report
    pages: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    charts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.report.ok


class _Timer:
    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self.last, 3)
        self.last = now


def render_site(project: Path, site_dir: Path, data: SiteData) -> int:
    """Run Pelican into site_dir; returns the number of HTML pages written."""
    logging.getLogger("pelican").setLevel(logging.WARNING)
    settings = read_settings(str(project / "pelicanconf.py"),
                             override={"OUTPUT_PATH": str(site_dir), "MONOGRAFI": data})
    Pelican(settings).run()
    return sum(1 for _ in site_dir.rglob("*.html"))


def build(project: Path, output: Path) -> BuildResult:
    """Build the portal; `output` changes only if every stage succeeded."""
    project = Path(project).absolute()
    timings: dict[str, float] = {}
    timer = _Timer(timings)
    catalog, report = validate_datasets(project / "datasets")
    timer.lap("validasi")
    result = BuildResult(report, timings=timings)
    if catalog is None or not report.ok:
        return result
    model = build_model(catalog)
    charts = plan_charts(model)
    timer.lap("model")

    def stages(site_dir: Path) -> None:
        result.charts = write_charts(charts, site_dir, state_dir(Path(output).absolute()) / "cache")
        timer.lap("grafik")
        write_exports(model, site_dir)
        timer.lap("ekspor")
        result.pages = render_site(project, site_dir, SiteData(model, charts, project))
        timer.lap("halaman")
        index_site(site_dir)
        timer.lap("indeks pencarian")

    publish(output, stages)
    timer.lap("terbit")
    return result
