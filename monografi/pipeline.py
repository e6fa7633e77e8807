"""The build, stage by stage: validate → model → charts → exports → Pelican → search → publish.

Cost follows what changed: unchanged inputs publish nothing new (no-op); charts come from a
cache keyed by their data and code; exports and pages whose key matches the published build
are linked from it; what is left runs in a process pool. The output is byte-identical to a
cold build whatever was reused and whatever the worker count.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican
from pelican.log import console as pelican_console
from pelican.settings import read_settings

from . import cache
from .charts import plan_charts, write_charts
from .exports import exports_of
from .exports.portal import write_exports
from .model import build_model
from .progress import Progress
from .publish import build_lock, publish_locked, state_dir
from .report import Report
from .search import index_site
from .site import PageBuild, SiteData
from .validate import validate_datasets

REPORT_FILE = "laporan.pickle"


@dataclass
class BuildResult:
    report: Report
    pages: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    charts: dict[str, int] = field(default_factory=dict)  # drawn / reused
    page_counts: dict[str, int] = field(default_factory=dict)  # written / reused
    reused_stages: list[str] = field(default_factory=list)
    noop: bool = False  # nothing changed: the published site was kept as it is
    notes: list[str] = field(default_factory=list)  # what the build skipped, and why

    @property
    def ok(self) -> bool:
        return self.report.ok

    def summary(self) -> str:
        """What was rebuilt, what was reused, and how long each stage took (for staff and CI)."""
        times = " · ".join(f"{stage} {secs:.2f} s" for stage, secs in self.timings.items())
        if self.noop:
            return f"Tidak ada perubahan sejak build terakhir; situs yang terbit tetap dipakai.\n  {times}"
        charts, pages = self.charts, self.page_counts
        stages = f"; dipakai ulang utuh: {', '.join(self.reused_stages)}" if self.reused_stages else ""
        notes = "".join(f"\n  {note}" for note in self.notes)
        return (f"Grafik: {charts.get('drawn', 0)} digambar, {charts.get('reused', 0)} dari cache. "
                f"Halaman: {pages.get('written', 0)} ditulis, {pages.get('reused', 0)} dipakai ulang"
                f"{stages}.{notes}\n  {times}")


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
    pelican_console.quiet = True  # its English "Done: Processed …" line; our summary says it
    Pelican(settings).run()
    return sum(1 for _ in site_dir.rglob("*.html"))


def _files(site_dir: Path) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}


def cached_stage(name: str, key: str, site_dir: Path, build: PageBuild, run: Callable[[], object]) -> bool:
    """Run a stage that writes files, or link its files from the published build when its key
    is unchanged. Returns True when reused."""
    tag = f"{name}:{key}"
    manifest = build.manifest
    previous = sorted(p for p, k in manifest.files.items() if k == tag)
    reused = bool(previous) and all(manifest.previous(p, tag) for p in previous)
    if reused:
        for path in previous:
            cache.reuse(manifest.site / path, site_dir / path)
    else:
        before = _files(site_dir)
        run()
        previous = sorted(_files(site_dir) - before)
    build.files.update(dict.fromkeys(previous, tag))
    return reused


def _noop(state: Path, manifest: cache.Manifest, result: BuildResult) -> BuildResult:
    try:
        result.report = pickle.loads((state / REPORT_FILE).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return result
    result.noop = True
    result.pages = sum(1 for _ in manifest.site.rglob("*.html"))
    return result


def build(project: Path, output: Path, *, quiet: bool = False, workers: int | None = None) -> BuildResult:
    """Build the portal; `output` changes only if every stage succeeded.

    quiet: no progress bars (CI). workers: processes for charts and pages (None: all cores).
    The lock covers reading the previous build's manifest too: a second build waiting on the
    first must not reuse files from a build folder the first one has since removed.
    """
    project, output = Path(project).absolute(), Path(output).absolute()
    with build_lock(state_dir(output)):
        return _build_locked(project, output, quiet, workers)


def _build_locked(project: Path, output: Path, quiet: bool, workers: int | None) -> BuildResult:
    state = state_dir(output)
    timings: dict[str, float] = {}
    timer = _Timer(timings)
    progress = Progress(quiet)
    inputs = cache.inputs_digest(project)
    manifest = cache.Manifest.load(state, output)
    result = BuildResult(Report(), timings=timings)
    if manifest.inputs == inputs and _noop(state, manifest, result).noop:
        timer.lap("periksa perubahan")
        return result
    catalog, report = validate_datasets(project / "datasets", published=output)
    timer.lap("validasi")
    result.report = report
    if catalog is None or not report.ok:
        return result
    model = build_model(catalog)
    if not model.boundaries:
        result.notes.append("Peta dilewati: datapackage.json tidak mendeklarasikan batas wilayah "
                            "(monografi.batas_wilayah).")
    if not os.environ.get("MONOGRAFI_URL"):
        result.notes.append("Alamat publik belum diatur (MONOGRAFI_URL): tautan kanonik, sitemap, "
                            "katalog, API, dan kutipan memakai alamat lokal.")
    exports_of(model, project, state / "cache")  # the build's Exports keeps release snapshots
    charts = plan_charts(model)
    timer.lap("model")
    page_build = PageBuild(cache.presentation_digest(project), manifest, workers=workers,
                           progress=progress)
    data_key = cache.data_digest(project)

    def stages(site_dir: Path) -> None:
        result.charts = write_charts(charts, site_dir, state / "cache", workers=workers,
                                     progress=progress)
        timer.lap("grafik")
        if cached_stage("ekspor", data_key, site_dir, page_build, lambda: write_exports(model, site_dir)):
            result.reused_stages.append("ekspor")
        timer.lap("ekspor")
        result.pages = render_site(project, site_dir, SiteData(model, charts, project, page_build))
        result.page_counts = page_build.counts
        timer.lap("halaman")
        index_site(site_dir)
        timer.lap("indeks pencarian")
        published.append(site_dir)

    published: list[Path] = []
    publish_locked(output, stages)
    tmp = state / f"{REPORT_FILE}.tmp"
    tmp.write_bytes(pickle.dumps(report))
    tmp.replace(state / REPORT_FILE)
    cache.Manifest(inputs, page_build.files).save(state, published[0])
    timer.lap("terbit")
    return result
