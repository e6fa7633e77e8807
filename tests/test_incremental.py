"""Incremental builds: what is reused must be exactly what a cold build would write."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from conftest import copy_project, tree_digest
from helpers import set_cell

from monografi.model.areas import build_model
from monografi.publishing.pipeline import build
from monografi.site.digest import ValueDigest
from monografi.validation.catalog import load_catalog


def test_noop_row_and_template_rebuilds_equal_a_cold_build(built_copy, tmp_path):
    project = built_copy  # built once for the session, copied with its state
    published = os.readlink(project / "output")

    again = build(project, project / "output", quiet=True)
    assert again.noop and again.ok and again.pages == sum(1 for _ in (project / "output").rglob("*.html"))
    assert os.readlink(project / "output") == published
    assert "Tidak ada perubahan" in again.summary()

    set_cell(project, "luas_kecamatan", 2, "luas_km2", "41.57")
    row = build(project, project / "output", quiet=True, workers=2)
    assert row.ok and not row.noop and os.readlink(project / "output") != published
    assert row.page_counts["written"] > 0 and row.page_counts["reused"] > 0
    assert 0 < row.charts["drawn"] < row.charts["reused"]

    template = project / "theme" / "templates" / "base.html"
    template.write_text(template.read_text(encoding="utf-8") + "{# diubah #}\n", encoding="utf-8")
    styled = build(project, project / "output", quiet=True, workers=2)
    assert not styled.noop and styled.page_counts["reused"] == 0 and styled.charts["drawn"] == 0
    assert styled.reused_stages == ["ekspor"]

    cold = copy_project(tmp_path / "dingin")
    for part in ("datasets", "theme"):
        for path in (project / part).rglob("*"):
            if path.is_file():
                (cold / path.relative_to(project)).write_bytes(path.read_bytes())
    assert build(cold, cold / "output", quiet=True, workers=1).ok
    assert tree_digest(project / "output") == tree_digest(cold / "output")


@dataclass
class _Box:
    value: object


def test_page_digest_names_areas_by_code_and_never_trusts_unknown_objects(project):
    catalog, _ = load_catalog(project / "datasets")
    model = build_model(catalog)
    digest = ValueDigest(model)
    area = next(a for a in model.areas.values() if a.level == "kecamatan")
    assert digest({"a": area, "b": [1, "x"]}) == digest({"b": [1, "x"], "a": area})
    assert digest(_Box(area)) != digest(_Box(area.parent))
    assert digest(_Box(object())) != digest(_Box(object()))  # unknown: never reused


def test_page_digest_follows_closures(project):
    catalog, _ = load_catalog(project / "datasets")
    digest = ValueDigest(build_model(catalog))

    def label(text):
        return lambda: text

    assert digest(label("a")) != digest(label("b")) and digest(label("a")) == digest(label("a"))


def _git(project, *args):
    import subprocess

    env = {**os.environ, "GIT_AUTHOR_NAME": "Staf Uji", "GIT_AUTHOR_EMAIL": "staf@uji.invalid",
           "GIT_COMMITTER_NAME": "Staf Uji", "GIT_COMMITTER_EMAIL": "staf@uji.invalid",
           "GIT_AUTHOR_DATE": "2026-11-01T08:00:00+07:00",
           "GIT_COMMITTER_DATE": "2026-11-01T08:00:00+07:00"}
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


@pytest.mark.slow
def test_commits_in_a_repository_rebuild_only_what_changed(tmp_path):
    project = copy_project(tmp_path / "repo")
    (project / ".gitignore").write_text("output\n.monografi/\n")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "Data awal")
    assert build(project, project / "output", quiet=True, workers=1).ok

    (project / "README.md").write_text("Catatan yang tidak memengaruhi portal.\n")
    _git(project, "add", "README.md")
    _git(project, "commit", "-q", "-m", "Tambah README")
    assert build(project, project / "output", quiet=True).noop  # HEAD moved, data did not

    set_cell(project, "luas_kecamatan", 2, "luas_km2", "41.57")
    _git(project, "commit", "-q", "-am", "Perbaiki luas Karawang Barat")
    row = build(project, project / "output", quiet=True, workers=2)
    assert row.ok and not row.noop
    assert 0 < row.page_counts["written"] < row.page_counts["reused"]

    cold = tmp_path / "klon"
    import subprocess

    subprocess.run(["git", "clone", "-q", str(project), str(cold)], check=True)
    assert build(cold, cold / "output", quiet=True, workers=1).ok
    assert tree_digest(project / "output") == tree_digest(cold / "output")


def test_two_writers_of_one_path_are_refused(project):
    import pytest

    from monografi.safe_write import RefusedWrite
    from monografi.site.pages import Page
    from monografi.site.plugin import _check_unique

    pages = [Page("data/index.html", "datasets"), Page("data/index.html", "datasets")]
    with pytest.raises(RefusedWrite, match="data/index.html"):
        _check_unique(pages, {})
    _check_unique(pages[:1], {})


def test_damaged_cache_or_published_files_never_stay_published(built_copy, tmp_path):
    """Truncate a cache entry, then published files: no-op and one-row builds repair, and the
    result equals a clean build byte for byte."""
    project = built_copy
    (project / "content" / "extra").mkdir()
    (project / "content" / "extra" / "CNAME").write_text("monografi.contoh.go.id\n")
    assert build(project, project / "output", quiet=True, workers=1).ok
    clean = tree_digest(project / "output")
    assert clean["CNAME"] == b"monografi.contoh.go.id\n"

    entries = sorted((project / ".monografi" / "cache").glob("*.svg"))
    for entry in entries:
        entry.write_bytes(b"")  # the whole chart cache damaged
    assert tree_digest(project / "output") == clean, "the live charts share no storage with the cache"
    assert build(project, project / "output", quiet=True, workers=1).noop
    assert tree_digest(project / "output") == clean

    site = project / "output"
    page = next(p for p in sorted(site.glob("*/index.html")) if p.parent.name != "pagefind")
    for damaged in (page, next(iter(sorted((site / "unduh").rglob("*.csv")))),
                    next(iter(sorted((site / "grafik").glob("*.svg"))))):
        damaged.write_bytes(damaged.read_bytes()[:10])
    repaired = build(project, project / "output", quiet=True, workers=1)
    assert repaired.ok and not repaired.noop and "dibangun ulang" in repaired.summary()
    assert tree_digest(project / "output") == clean

    set_cell(project, "luas_kecamatan", 2, "luas_km2", "41.57")
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-40])  # damaged again, differently
    row = build(project, project / "output", quiet=True, workers=1)
    assert row.ok and not row.noop
    cold = copy_project(tmp_path / "dingin")
    (cold / "content" / "extra").mkdir()
    (cold / "content" / "extra" / "CNAME").write_text("monografi.contoh.go.id\n")
    set_cell(cold, "luas_kecamatan", 2, "luas_km2", "41.57")
    assert build(cold, cold / "output", quiet=True, workers=1).ok
    assert tree_digest(project / "output") == tree_digest(cold / "output")


def _page_keys(project) -> dict[str, str]:
    """Every page's key as the plugin computes it (context digest), without rendering."""
    from monografi.charts import plan_charts
    from monografi.exports import Downloads
    from monografi.model.context import build_context
    from monografi.site.context import SiteData
    from monografi.site.pages import collect

    model = build_model(load_catalog(project / "datasets")[0])
    context = build_context(model, project)
    digest = ValueDigest(model)
    return {page.path: digest((page.path, page.template, page.view))
            for page in collect(SiteData(context, plan_charts(context), Downloads(context)))}


@pytest.mark.parametrize(("resource", "column", "shown_on"), [
    # a desa figure: its page, its kecamatan's table of desa rows, the dataset's preview
    ("penduduk_desa", "jumlah", {"desa/32-15-01-1001/index.html", "kecamatan/32-15-01/index.html",
                                 "data/penduduk_desa/index.html"}),
    # a kecamatan's 2010 census count (ranks unchanged): its page, the dataset's preview and the
    # indicator's ranking (not the other 29 kecamatan pages, nor the indicator list, which shows
    # how many kecamatan each ranking covers but no figure)
    ("penduduk_kecamatan", "jumlah", {"kecamatan/32-15-01/index.html",
                                      "indikator/penduduk_kecamatan-jumlah/index.html",
                                      "data/penduduk_kecamatan/index.html"}),
])
def test_one_changed_row_changes_the_keys_of_the_pages_that_show_it_only(project, resource, column,
                                                                          shown_on):
    """Cost follows the change: of 393 pages, only those showing (or ranking) the row re-render."""
    before = _page_keys(project)
    header, first = (project / "datasets" / f"{resource}.csv").read_text(
        encoding="utf-8").splitlines()[:2]
    value = first.split(",")[header.split(",").index(column)]
    set_cell(project, resource, 2, column, str(int(value) + 1))
    after = _page_keys(project)
    assert {p for p in before if before[p] != after[p]} == shown_on
