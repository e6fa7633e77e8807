"""The no-op build, decided before any heavy library is imported.

A rebuild with nothing changed must be instant, yet importing pandas, Frictionless, matplotlib
and Pelican alone takes most of a second. Whether anything changed needs only hashes of the
inputs (monografi.publishing.cache) and the published build's manifest, so this module imports
nothing heavy: `build.py` asks it first and imports the pipeline only when there is work.
The pipeline takes the same decision again under its own lock (monografi.publishing.pipeline).
"""

from __future__ import annotations

import hashlib
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..files import Manifest
from ..messages import STAGE_NAMES, ui
from ..project import Project
from ..state import build_lock
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
    notes: list[tuple[str, dict]] = field(default_factory=list)  # message key and values: what was
    # skipped or redone, and why

    @property
    def ok(self) -> bool:
        return self.report.ok

    def summary(self, lang: str = "id") -> str:
        """What was rebuilt, what was reused, and how long each stage took (for staff and CI)."""
        def name(stage: str) -> str:
            return STAGE_NAMES[stage].text(lang)

        times = " · ".join(f"{name(stage)} {secs:.2f} s" for stage, secs in self.timings.items())
        if self.noop:
            return f"{ui('summary_noop', lang)}\n  {times}"
        stages = (ui("summary_stages", lang, stages=", ".join(map(name, self.reused_stages)))
                  if self.reused_stages else "")
        counts = ui("summary_counts", lang, drawn=self.charts.get("drawn", 0),
                    cached=self.charts.get("reused", 0), written=self.page_counts.get("written", 0),
                    reused=self.page_counts.get("reused", 0), stages=stages)
        notes = "".join(f"\n  {ui(key, lang, **values)}" for key, values in self.notes)
        return f"{counts}{notes}\n  {times}"


def part_inputs(inputs: str, part: str | None) -> str:
    """A part's own digest (monografi.publishing.parts): building another part of the package into
    the same output is never a no-op."""
    return inputs if part is None else hashlib.sha256(f"{inputs}:{part}".encode()).hexdigest()


def check_unchanged(project: Project, output: Path, result: BuildResult,
                    part: str | None = None) -> tuple[str, Manifest]:
    """(inputs digest, published manifest); sets result.noop when the published site is intact
    and was built from exactly these inputs (its report is then the one of that build)."""
    inputs = part_inputs(cache.inputs_digest(project), part)
    manifest = Manifest.load(project, output)
    if manifest.inputs != inputs:
        return inputs, manifest
    damaged = manifest.damaged()
    if damaged:
        result.notes.append(("note_site_changed", {"n": len(damaged), "first": damaged[0]}))
        return inputs, manifest
    try:
        result.report = pickle.loads((project.state / REPORT_FILE).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return inputs, manifest
    result.noop = True
    result.pages = sum(1 for path in manifest.sums if path.endswith(".html"))  # the site is intact
    return inputs, manifest


def refuse_links(project: Project) -> None:
    """A build reads nothing through a symlink: content/, theme/ and pelicanconf.py are published
    or executed, .monografi/ is written and its pickle loaded (datasets/: validation.package)."""
    project.refuse_links(project.content, project.theme, project.settings, project.state)


def unchanged_build(project: Project, output: Path, part: str | None = None) -> BuildResult | None:
    """The published build's result when nothing changed since it, else None: run the pipeline."""
    project, output = Project(project), Path(output).absolute()
    refuse_links(project)
    if any(project.links(project.datasets)):
        return None  # the pipeline reports them, each at its file (validation.package)
    check_output(project, output)
    result = BuildResult(Report())
    start = time.perf_counter()
    with build_lock(project.state):
        check_unchanged(project, output, result, part)
    result.timings["periksa perubahan"] = round(time.perf_counter() - start, 3)
    return result if result.noop else None
