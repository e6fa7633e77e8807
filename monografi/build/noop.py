"""The no-op build, decided before any heavy library is imported.

A rebuild with nothing changed must be instant, yet importing pandas, Frictionless, matplotlib
and Pelican alone takes most of a second. Whether anything changed needs only hashes of the
inputs (monografi.build.cache) and the published build's manifest, so this module imports
nothing heavy: `build.py` asks it first and imports the pipeline only when there is work.
The pipeline takes the same decision again under its own lock (monografi.build.pipeline).
"""

from __future__ import annotations

import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..files import Manifest
from ..state import build_lock, state_dir
from ..validation.report import Report
from . import cache
from .publish import check_output

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


def check_unchanged(project: Path, output: Path, result: BuildResult) -> tuple[str, Manifest]:
    """(inputs digest, published manifest); sets result.noop when the published site is intact
    and was built from exactly these inputs (its report is then the one of that build)."""
    state = state_dir(project)
    inputs = cache.inputs_digest(project)
    manifest = Manifest.load(state, output)
    if manifest.inputs != inputs:
        return inputs, manifest
    damaged = manifest.damaged()
    if damaged:
        result.notes.append(f"Situs terbit berubah sejak build terakhir ({len(damaged)} berkas, "
                            f"mis. {damaged[0]}); dibangun ulang.")
        return inputs, manifest
    try:
        result.report = pickle.loads((state / REPORT_FILE).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return inputs, manifest
    result.noop = True
    result.pages = sum(1 for _ in manifest.site.rglob("*.html"))
    return inputs, manifest


def unchanged_build(project: Path, output: Path) -> BuildResult | None:
    """The published build's result when nothing changed since it, else None: run the pipeline."""
    project, output = Path(project).absolute(), Path(output).absolute()
    check_output(project, output)
    result = BuildResult(Report())
    start = time.perf_counter()
    with build_lock(state_dir(project)):
        check_unchanged(project, output, result)
    result.timings["periksa perubahan"] = round(time.perf_counter() - start, 3)
    return result if result.noop else None
