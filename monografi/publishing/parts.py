"""A sharded build: one part per machine, then a merge into one site.

A part is one area right below the front page (`Model.parts`: the provinces of a national
portal, the kabupaten of a province portal) or the shared part. Every part validates and models
the whole package — a kecamatan page shows its rank among all kecamatan — but draws the charts,
renders the pages and writes the API files of its own areas only; the shared part writes what
spans parts (front page, indicator rankings, dataset pages, downloads, catalogues). Pelican's own
files (content pages, theme) come out of every part, identical.

Each part leaves a summary (SUMMARY_FILE): the inputs digest, the sha256 of each file it wrote
and, from the shared part, the sitemap's address and dates. The merge reads only these
summaries and the part folders: it copies every file (checking its sha256, and that two parts
never disagree on a path), then writes the sitemap and the search index and copies
content/extra/, as the single-machine build does — so N parts + merge give the same bytes as
one build (tests/test_parts.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from stat import S_ISREG

from .. import urls
from ..files import scan_tree, tree_sums
from ..model.areas import SHARED_PART, build_model
from ..model.context import BuildContext
from ..project import Project
from ..refusal import Refused
from ..safe_write import write_file
from ..site.sitemap import dataset_dates, lastmod_of, sitemap_xml
from ..state import build_lock
from ..validation.report import Report
from .extras import copy_extras
from .noop import BuildResult
from .publish import check_output, publish_locked, scratch
from .search import index_site

SUMMARY_FILE = "_bagian.json"
SUMMARY_VERSION = 1


class MergeError(Refused, ValueError):
    """The parts cannot be joined."""


def parts_of(catalog) -> list[str]:
    """The parts of a validated package, for `build.py bagian` (a CI matrix)."""
    return build_model(catalog).parts()


def summary(context: BuildContext, inputs: str, site_dir: Path) -> bytes:
    """What the merge needs of one part, and nothing else."""
    document = {"versi": SUMMARY_VERSION, "bagian": context.part, "masukan": inputs,
                "semua_bagian": context.model.parts(), "berkas": {
                    path: sums[1] for path, sums in tree_sums(site_dir).items()}}
    if context.part == SHARED_PART:
        dates, newest = dataset_dates(context)
        document["peta_situs"] = {"alamat": context.base_url.rstrip("/"), "terbaru": newest,
                                  "tanggal": dates}
    return json.dumps(document, ensure_ascii=False, indent=0, sort_keys=True).encode()


def write_summary(context: BuildContext, inputs: str, site_dir: Path) -> None:
    write_file(site_dir, SUMMARY_FILE, summary(context, inputs, site_dir))


def _read_summary(folder: Path) -> dict:
    try:
        document = json.loads((folder / SUMMARY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MergeError("merge_no_summary", folder=str(folder)) from exc
    if not isinstance(document, dict) or document.get("versi") != SUMMARY_VERSION:
        raise MergeError("merge_no_summary", folder=str(folder))
    return document


def _check_parts(summaries: list[tuple[Path, dict]]) -> dict:
    """The shared part's summary, once every part is there exactly once, all from one input."""
    by_part: dict[str, dict] = {}
    for folder, document in summaries:
        part = document["bagian"]
        if part in by_part:
            raise MergeError("merge_part_twice", part=part, first=str(by_part[part]["folder"]),
                             second=str(folder))
        by_part[part] = {"folder": folder, **document}
    if len({d["masukan"] for _, d in summaries}) > 1:
        raise MergeError("merge_other_inputs")
    expected = summaries[0][1]["semua_bagian"]
    missing = [p for p in expected if p not in by_part]
    if missing or len(by_part) != len(expected):
        raise MergeError("merge_missing", parts=", ".join(missing) or "-",
                         extra=", ".join(sorted(set(by_part) - set(expected))) or "-")
    return by_part[SHARED_PART]


def _copy_parts(summaries: list[tuple[Path, dict]], site_dir: Path) -> None:
    """Every file of every part, as its summary recorded it."""
    owner: dict[str, tuple[str, Path]] = {}
    for folder, document in summaries:
        present = scan_tree(folder)  # what the part really holds: a summary names nothing else
        for path, digest in sorted(document["berkas"].items()):
            if path == SUMMARY_FILE:
                continue
            if path not in present or not S_ISREG(present[path].st_mode):  # '..', a symlink
                raise MergeError("merge_damaged", path=path, folder=str(folder))
            if path in owner:
                if owner[path][0] != digest:
                    raise MergeError("merge_conflict", path=path, first=str(owner[path][1]),
                                     second=str(folder))
                continue
            try:
                data = (folder / path).read_bytes()
            except OSError as exc:
                raise MergeError("merge_damaged", path=path, folder=str(folder)) from exc
            if hashlib.sha256(data).hexdigest() != digest:
                raise MergeError("merge_damaged", path=path, folder=str(folder))
            owner[path] = (digest, folder)
            write_file(site_dir, path, data)


def merge(project: Project, folders: list[Path], output: Path) -> BuildResult:
    """Join the built parts into `output`, which changes only if the merge succeeded."""
    project, output = Project(project), Path(output).absolute()
    project.refuse_links(project.extra, project.state)
    check_output(project, output)
    summaries = [(Path(f).absolute(), _read_summary(Path(f))) for f in folders]
    shared = _check_parts(summaries)
    sitemap = shared["peta_situs"]
    result = BuildResult(Report())

    def stages(site_dir: Path) -> None:
        _copy_parts(summaries, site_dir)
        lastmod = lastmod_of(sitemap["tanggal"], sitemap["terbaru"])
        write_file(site_dir, urls.SITEMAP, sitemap_xml(site_dir, sitemap["alamat"], lastmod).encode())
        with scratch(project) as folder:
            index_site(site_dir, folder)
        copy_extras(project, site_dir)
        result.pages = sum(1 for _ in site_dir.rglob("*.html"))

    with build_lock(project.state):
        publish_locked(project, output, stages)
    return result
