"""The build, stage by stage: validate → model → charts → exports → Pelican → search → extra
files → publish.

Cost follows what changed: unchanged inputs publish nothing new (no-op) as long as the published
site is intact; charts come from a cache keyed by their data and code; exports and pages whose
key matches the published build are copied from it once their sha256 is checked; what is left
runs in a process pool. The output is byte-identical to a cold build whatever was reused and
whatever the worker count. Every file goes into the build folder through `write_file`, and a
failing stage raises `StageFailed` naming the stage and the real cause.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import pickle
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pelican import Pelican, signals
from pelican.log import console as pelican_console
from pelican.settings import read_settings
from pelican.writers import Writer

from .. import files
from ..charts import plan_charts, write_charts
from ..exports import Downloads
from ..exports.portal import write_exports
from ..exports.releases import build_releases
from ..model.areas import SHARED_PART, build_model
from ..model.context import build_context
from ..progress import Progress
from ..project import Project
from ..refusal import Refused
from ..safe_write import RefusedWrite, write_atomic, write_file
from ..site.context import PageBuild, SiteData
from ..site.markup import THEME_FILTERS
from ..state import build_lock
from ..validation.check import finish_pending_import, validate_datasets
from ..validation.content import page_problems
from ..validation.report import Report
from . import cache, parts
from .extras import copy_extras
from .history_guard import guard_problems
from .noop import REPORT_FILE, BuildResult, check_unchanged, part_inputs, refuse_links
from .publish import check_output, publish_locked, scratch
from .search import index_site


class UnknownPart(Refused, ValueError):
    """--bagian names no part of this package; `known` lists those it has."""

    def __init__(self, part: str, known: list[str]):
        super().__init__("unknown_part", part=part, known=", ".join(known))
        self.part, self.known = part, known


class StageFailed(RuntimeError):
    """A build stage raised: `stage` names it, `cause` is the real error."""

    def __init__(self, stage: str, cause: Exception):
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage, self.cause = stage, cause


class _Stages:
    """Times each stage, and turns its failure into StageFailed(stage, cause)."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.last = time.perf_counter()

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        except (StageFailed, UnknownPart):
            raise
        except Exception as exc:
            raise StageFailed(name, exc) from exc
        now = time.perf_counter()
        self.timings[name] = round(now - max(start, self.last), 3)  # without stages run inside
        self.last = now


class _PendingFile(io.StringIO):
    """What Pelican writes to one file, handed to write_file whole when its `with` block ends."""

    def __init__(self, root: str, relpath: str, encoding: str):
        super().__init__()
        self.target = (root, relpath, encoding)

    def __exit__(self, kind, *rest):
        if kind is None:
            root, relpath, encoding = self.target
            write_file(root, relpath, self.getvalue().encode(encoding))
        return super().__exit__(kind, *rest)


class SafeWriter(Writer):
    """Pelican's writer, with every page and feed going into the site through write_file."""

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files or (filename in self._written_files and not override):
            return super()._open_w(filename, encoding, override)  # refuses, or discards to devnull
        relpath = os.path.relpath(filename, self.output_path)
        if os.path.lexists(filename):  # a download, an export or a page already written
            raise RefusedWrite(relpath, "exists")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _PendingFile(self.output_path, relpath, encoding)


def _safe_writer(_pelican) -> type[Writer]:
    return SafeWriter


def render_site(project: Project, site_dir: Path, data: SiteData) -> int:
    """Run Pelican into site_dir; returns the number of HTML pages written."""
    logging.getLogger("pelican").setLevel(logging.WARNING)
    settings = read_settings(str(project.settings),
                             override={"OUTPUT_PATH": str(site_dir), "MONOGRAFI": data})
    # the theme's own filters, whatever the project's pelicanconf.py lists
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), **THEME_FILTERS}
    pelican_console.quiet = True  # its English "Done: Processed …" line; our summary says it
    signals.get_writer.connect(_safe_writer)
    Pelican(settings).run()
    return sum(1 for _ in site_dir.rglob("*.html"))


def _files(site_dir: Path) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}


def cached_stage(name: str, key: str, site_dir: Path, build: PageBuild, run: Callable[[], object]) -> bool:
    """Run a stage that writes files, or copy its files from the published build when its key
    is unchanged and every one of them is intact. Returns True when reused."""
    tag = f"{name}:{key}"
    manifest = build.manifest
    stored = {p: manifest.previous(p, tag) for p, k in sorted(manifest.files.items()) if k == tag}
    intact = {path: data for path, data in stored.items() if data is not None}
    reused = bool(stored) and len(intact) == len(stored)
    if reused:
        for path, data in intact.items():
            write_file(site_dir, path, data)
        written = list(intact)
    else:
        before = _files(site_dir)
        run()
        written = sorted(_files(site_dir) - before)
    build.files.update(dict.fromkeys(written, tag))
    return reused


def build(project: Project, output: Path, *, quiet: bool = False, workers: int | None = None,
          part: str | None = None) -> BuildResult:
    """Build the portal; `output` changes only if every stage succeeded.

    quiet: no progress bars (CI). workers: processes for charts and pages (None: all cores).
    part: build one part of a sharded build (monografi.publishing.parts) instead of the whole site.
    The lock covers reading the previous build's manifest too: a second build waiting on the
    first must not reuse files from a build folder the first one has since removed.
    """
    project, output = Project(project), Path(output).absolute()
    refuse_links(project)
    check_output(project, output)  # early, so a wrong --output is refused before any work
    with build_lock(project.state):
        return _build_locked(project, output, quiet, workers, part)


def _build_locked(project: Project, output: Path, quiet: bool, workers: int | None,
                  part: str | None) -> BuildResult:
    timings: dict[str, float] = {}
    stage = _Stages(timings)
    progress = Progress(quiet)
    result = BuildResult(Report(), timings=timings)
    with stage("periksa perubahan"):
        pending = finish_pending_import(project)  # never read half an import
        result.report.extend(pending)
        if not result.report.ok:
            return result
        inputs, manifest = check_unchanged(project, output, result, part)
        if result.noop:
            result.report.problems[:0] = pending
            return result
    with stage("validasi"):
        catalog, report = validate_datasets(project.datasets, published=output)
        report.extend(page_problems(project))  # as `check` does (commands.check)
    report.problems[:0] = pending
    result.report = report
    if catalog is None or not report.ok:
        return result
    with stage("model"):
        model = build_model(catalog)
        if part is not None and part not in model.parts():
            raise UnknownPart(part, model.parts())
        context = build_context(model, project.root, project.cache, part)
        charts = plan_charts(context)
    with stage("riwayat"):  # nothing personal published from git history (before any output)
        report.extend(guard_problems(context.history, catalog))
    if not report.ok:
        return result
    if not model.boundaries:
        result.notes.append(("note_no_boundaries", {}))
    if not os.environ.get("MONOGRAFI_URL"):
        result.notes.append(("note_no_public_url", {}))
    page_build = PageBuild(cache.presentation_digest(project), manifest, workers=workers,
                           progress=progress)
    data_key = part_inputs(cache.data_digest(project), part)

    def stages(site_dir: Path) -> None:
        with stage("grafik"):
            result.charts = write_charts([c for c in charts if context.builds(c.area)], site_dir,
                                         project.cache, workers=workers, progress=progress)
        with stage("ekspor"):
            downloads = Downloads(context)
            releases = build_releases(context) if context.builds(SHARED_PART) else []
            if cached_stage("ekspor", data_key, site_dir, page_build,
                            lambda: write_exports(downloads, releases, site_dir)):
                result.reused_stages.append("ekspor")
        with stage("halaman"):
            site = SiteData(context, charts, downloads, releases, page_build)
            result.pages = render_site(project, site_dir, site)
            result.page_counts = page_build.counts
        if context.sharded:  # search index and content/extra/ come with the merge
            parts.write_summary(context, cache.inputs_digest(project), site_dir)
        else:
            with stage("indeks pencarian"), scratch(project) as folder:
                index_site(site_dir, folder)
            with stage("berkas tambahan"):
                copy_extras(project, site_dir)

    def record(site_dir: Path) -> None:
        write_atomic(project.state / REPORT_FILE, pickle.dumps(report))
        files.Manifest(inputs, page_build.files).save(project, site_dir, output)

    with stage("terbit"):
        publish_locked(project, output, stages, record)
    return result
