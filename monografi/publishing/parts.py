"""A sharded build: one part per machine, then a merge into one site.

A part is one area right below the front page (`Model.parts`: the provinces of a national
portal, the kabupaten of a province portal) or the shared part. Every part validates and models
the whole package — a kecamatan page shows its rank among all kecamatan — but draws the charts,
renders the pages and writes the API files of its own areas only; the shared part writes what
spans parts (front page, indicator rankings, dataset pages, downloads, catalogues). Pelican's own
files (content pages, theme) come out of every part, identical.

Each part leaves a summary (SUMMARY_FILE): the inputs digest, the sha256 of each file it wrote,
the parts and the area pages each part must hold (every part computes these on its own) and,
from the shared part, the sitemap's address and dates. The merge reads only these summaries and
the part folders, and trusts only what it verifies: all summaries agree on the parts and the
pages, each part lists exactly its own area pages, and its folder holds exactly the files its
summary names, each with its sha256 — so a summary edited to drop or add a kecamatan's page is
refused, never merged into a site without it. It copies every file (two parts never disagreeing
on a path), then writes the sitemap and the search index and copies content/extra/, as the
single-machine build does — so N parts + merge give the same bytes as one build
(tests/test_parts.py).
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
SUMMARY_VERSION = 2  # 2: the shared part lists the area pages of every part


class MergeError(Refused, ValueError):
    """The parts cannot be joined."""


def parts_of(catalog) -> list[str]:
    """The parts of a validated package, for `build.py bagian` (a CI matrix)."""
    return build_model(catalog).parts()


def area_pages(model) -> dict[str, list[str]]:
    """The area pages each part writes (model.part_of), what the merge holds every part to."""
    pages: dict[str, list[str]] = {part: [] for part in model.parts()}
    for area in model.pages():
        pages[model.part_of(area.code)].append(urls.area_path(area))
    return {part: sorted(paths) for part, paths in pages.items()}


def summary(context: BuildContext, inputs: str, site_dir: Path) -> bytes:
    """What the merge needs of one part, and nothing else."""
    document = {"versi": SUMMARY_VERSION, "bagian": context.part, "masukan": inputs,
                "semua_bagian": context.model.parts(), "halaman": area_pages(context.model),
                "berkas": {path: sums[1] for path, sums in tree_sums(site_dir).items()}}
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
    if not isinstance(document, dict) or document.get("versi") != SUMMARY_VERSION \
            or not isinstance(document.get("bagian"), str) \
            or not isinstance(document.get("semua_bagian"), list) \
            or not all(isinstance(p, str) for p in document["semua_bagian"]) \
            or not isinstance(document.get("berkas"), dict) \
            or not all(isinstance(v, str) for v in document["berkas"].values()):
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
    if len({str(d.get("masukan")) for _, d in summaries}) > 1:
        raise MergeError("merge_other_inputs")
    shared = by_part.get(SHARED_PART)
    expected = (shared or summaries[0][1])["semua_bagian"]
    missing = [p for p in expected if p not in by_part]
    if missing or len(by_part) != len(expected) or shared is None:
        raise MergeError("merge_missing", parts=", ".join(missing) or SHARED_PART,
                         extra=", ".join(sorted(set(by_part) - set(expected))) or "-")
    if any(d["semua_bagian"] != expected or d.get("halaman") != shared.get("halaman")
           for _, d in summaries):  # each part computed both itself: an edit shows
        raise MergeError("merge_other_inputs")
    _check_pages(shared, by_part)
    return shared


def _check_pages(shared: dict, by_part: dict[str, dict]) -> None:
    """Every part holds exactly the area pages the shared part expects of it: a summary edited
    to leave out (or take over) a kecamatan's page is refused, naming the part and the page."""
    pages = shared.get("halaman")
    sitemap = shared.get("peta_situs")
    if not isinstance(pages, dict) or set(pages) != set(by_part) \
            or not all(isinstance(p, list) and all(isinstance(x, str) for x in p)
                       for p in pages.values()) \
            or not isinstance(sitemap, dict) or not {"alamat", "terbaru", "tanggal"} <= set(sitemap):
        raise MergeError("merge_no_summary", folder=str(shared["folder"]))
    owner = {path: part for part, paths in pages.items() for path in paths}
    for part, document in sorted(by_part.items()):
        listed = set(document["berkas"])
        missing = sorted(set(pages[part]) - listed)
        foreign = sorted(p for p in listed if owner.get(p, part) != part)
        if missing or foreign:
            raise MergeError("merge_pages", part=part, folder=str(document["folder"]),
                             missing=", ".join(missing) or "-", foreign=", ".join(foreign) or "-")


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
        unlisted = sorted(set(present) - set(document["berkas"]) - {SUMMARY_FILE})
        if unlisted:  # a file the summary leaves out: the summary was edited, or the folder
            raise MergeError("merge_damaged", path=unlisted[0], folder=str(folder))


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
