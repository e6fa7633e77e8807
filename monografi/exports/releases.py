"""Release snapshots: the zip of every tagged version stays at unduh/rilis/<tag>/.

A journalist who cited "versi 2026.11.29" must still be able to download exactly that data
after newer figures land. Each git tag of the project is rebuilt from the tag's own datasets/
tree (not today's), so the snapshot holds the data, schemas and README as they were, and its
README and CITATION.cff cite the tag as the version, the tag's date and the zip's own URL. A tag
whose data no longer passes today's validation still gets its zip: the files exactly as
committed, with the licences, so its URL never breaks. What staff withdrew (datasets/
penarikan.csv) is taken out of every snapshot, which then says so in PENARIKAN.txt; a withdrawn
release has no zip at all, only its note on the release page.
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import urls
from ..files import code_fingerprint, load, store
from ..model.areas import build_model
from ..model.context import BuildContext
from ..model.history import History, Tag
from ..model.withdrawn import WITHDRAWN_FILE, withdrawn_tree
from ..project import DATASETS
from ..validation.check import validate_datasets
from . import citation
from .base import LICENCE_DIR, Downloads, deterministic_zip
from .package import package_zip

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Release:
    tag: Tag
    path: str  # the zip, relative to the site root ('' when withdrawn)
    data: bytes = field(repr=False)  # the zip itself (b'' when withdrawn)
    withdrawn: str = ""  # the public note of a release staff withdrew (datasets/penarikan.csv)

    @property
    def date(self) -> str:
        return self.tag.commit.date[:10]


def release_citation(context: BuildContext, tag: Tag, path: str) -> citation.Citation:
    """A release is cited by its tag, the tag's date and the URL of its frozen zip."""
    return citation.for_package(context, tag.commit.date[:10], tag.name, context.url(path))


def _raw_zip(datasets: Path) -> bytes:
    """The tag's datasets/ files as committed, plus the licence texts."""
    members = {f"{DATASETS}/{p.relative_to(datasets).as_posix()}": p.read_bytes()
               for p in sorted(datasets.rglob("*")) if p.is_file()}
    members.update({f"lisensi/{p.name}": p.read_bytes() for p in sorted(LICENCE_DIR.glob("*.md"))})
    return deterministic_zip(members)


def _with_note(archive: bytes, note: str) -> bytes:
    """The zip with WITHDRAWN_FILE saying what staff withdrew from it (unchanged when nothing)."""
    if not note:
        return archive
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        members = {name: opened.read(name) for name in opened.namelist()}
    return deterministic_zip({**members, WITHDRAWN_FILE: note.encode()})


def snapshot(context: BuildContext, tag: Tag) -> tuple[str, bytes] | None:
    """The package zip as of `tag`, without what staff withdrew; None only when git cannot
    produce the tag's tree."""
    package_name = context.model.catalog.descriptor["name"]
    with tempfile.TemporaryDirectory() as folder:
        datasets, changed = withdrawn_tree(context.history, context.withdrawn, context.model.catalog,
                                           tag, Path(folder))
        if datasets is None or not datasets.is_dir():
            log.warning("Rilis %s dilewati: tag itu tidak memuat folder datasets/", tag.name)
            return None
        note = context.withdrawn.release_note(changed)
        catalog, report = validate_datasets(datasets)
        if catalog is None or not report.ok:
            log.warning("Rilis %s: data pada tag itu tidak lolos validasi sekarang; "
                        "zip berisi berkas apa adanya", tag.name)
            return urls.release_path(tag.name, package_name), _with_note(_raw_zip(datasets), note)
        history = History(context.project, tag.commit.sha, datasets)
        old = BuildContext(build_model(catalog), context.project, context.base_url, history)
        path = urls.release_path(tag.name, package_name)
        _, archive = package_zip(Downloads(old), release_citation(old, tag, path))
        return path, _with_note(archive, note)


def cached_snapshot(context: BuildContext, tag: Tag) -> tuple[str, bytes] | None:
    """A snapshot from context.cache when one was built for the same commit, code and URL."""
    if context.cache is None:
        return snapshot(context, tag)
    withdrawals = context.withdrawn.fingerprint  # a new retraction makes every snapshot again
    key = hashlib.sha256(f"{tag.commit.sha}|{context.base_url}|{code_fingerprint()}|{withdrawals}"
                         .encode())
    file = context.cache / "rilis" / f"{tag.name}-{key.hexdigest()[:16]}.zip"
    path = urls.release_path(tag.name, context.model.catalog.descriptor["name"])
    data = load(file)  # None when missing or damaged: then the snapshot is made again
    if data is not None:
        return path, data
    result = snapshot(context, tag)
    if result:
        store(file, result[1])
    return result


def build_releases(context: BuildContext) -> list[Release]:
    """Tagged versions that have a snapshot, oldest first. Costly (each tag is validated and
    modelled again, unless cached): the pipeline calls it once, for the part that writes the
    shared outputs, and hands the result to export_releases and the release page."""
    built = []
    for tag in context.history.tags():
        retraction = context.withdrawn.releases.get(tag.name)
        if retraction is not None:
            built.append(Release(tag, "", b"", retraction.public_note))
            continue
        result = cached_snapshot(context, tag)
        if result:
            built.append(Release(tag, *result))
    return built


def export_releases(releases: list[Release]) -> dict[str, bytes]:
    return {release.path: release.data for release in releases if not release.withdrawn}
