"""History from a temporary git repository with scripted, dated commits (never /work's own)."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest

from monografi.exports import Downloads
from monografi.exports import feed as data_feed
from monografi.exports.package import export_package
from monografi.exports.releases import build_releases, export_releases
from monografi.files import load
from monografi.model import history as history_module
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.model.history import CellChange, History
from monografi.publishing.pipeline import build
from monografi.validation.catalog import load_catalog
from tests.conftest import copy_project, tree_digest
from tests.helpers import append_line, set_cell
from tests.htmlparse import read_page

RELEASE = "2026.01.10"
# Commit subjects as developers write them: never shown on the site.
FIRST, CORRECTION, SCHEMA_EDIT = ("chore: initial import", "fix(luas): bump 32.15.01 area, drop dup",
                                  "docs(schema): clarify catatan field")
NOTE = "Luas Karawang Barat dikoreksi menurut Perda 2011."


def git(project, *args, date="2026-01-10T09:00:00+07:00"):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Petugas Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.invalid",
           "GIT_COMMITTER_NAME": "Petugas Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.invalid",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-C", str(project), "-c", "commit.gpgsign=false", *args], env=env,
                   check=True, capture_output=True)


def commit(project, message, date):
    git(project, "add", "-A", date=date)
    git(project, "commit", "-q", "-m", message, date=date)


def scripted_repo(project):
    """Three commits: first publication (tagged), a data correction, a schema-only edit."""
    git(project, "init", "-q", "-b", "main")
    commit(project, FIRST, "2026-01-10T09:00:00+07:00")
    git(project, "tag", RELEASE)
    set_cell(project, "luas_kecamatan", 2, "luas_km2", "41.00")  # 32.15.01 / 2011 / S3
    lines = (project / "datasets/luas_kecamatan.csv").read_text().splitlines(keepends=True)
    removed = lines.pop(2)  # 32.15.01 / 2017 / S4
    (project / "datasets/luas_kecamatan.csv").write_text("".join(lines))
    append_line(project, "luas_kecamatan", "32.15.02,2024,S6,99.5,baris uji")
    commit(project, f"{CORRECTION}\n\nWIP, see #12.\n\nCatatan-publik: {NOTE}",
           "2026-02-15T10:00:00+07:00")
    schema = project / "datasets/schemas/luas_kecamatan.json"
    data = json.loads(schema.read_text())
    data["fields"][4]["description"] += " (diperjelas)"
    schema.write_text(json.dumps(data, ensure_ascii=False, indent=2))
    commit(project, SCHEMA_EDIT, "2026-03-01T08:00:00+07:00")
    return removed


@pytest.fixture
def repo(tmp_path):
    project = copy_project(tmp_path / "repo")
    scripted_repo(project)
    return project


def model_of(project):
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return build_model(catalog)


def spec(project, name):
    return model_of(project).datasets[name].spec


def test_last_update_is_the_newest_commit_touching_the_dataset_files(repo):
    history = History(repo)
    luas = history.updated(spec(repo, "luas_kecamatan"))
    assert (luas.date, luas.basis, luas.commit.note, luas.uncommitted) == (
        "2026-03-01", "git", "", False)
    assert history.updated(spec(repo, "desa")).date == "2026-01-10"


def test_revisions_list_rows_added_removed_and_changed_by_primary_key(repo):
    structure, correction, first = History(repo).revisions(spec(repo, "luas_kecamatan"))
    assert structure.structure_only and structure.commit.note == ""
    assert correction.commit.note == NOTE
    assert correction.key == ["kode_kecamatan", "tahun", "sumber"]
    assert correction.counts == {"tambah": 1, "hapus": 1, "ubah": 1}
    record, changes = correction.changed[0]
    assert (record["kode_kecamatan"], record["tahun"], record["sumber"]) == ("32.15.01", "2011", "S3")
    assert changes == [CellChange("luas_km2", "40.57", "41.00")]
    assert [(r["kode_kecamatan"], r["tahun"], r["sumber"]) for r in correction.removed] == [
        ("32.15.01", "2017", "S4")]
    assert correction.added[0]["luas_km2"] == "99.5"
    assert first.counts["tambah"] == 56
    assert not first.removed and not first.changed


def test_uncommitted_edits_are_flagged(repo):
    set_cell(repo, "luas_kecamatan", 2, "luas_km2", "42")
    assert History(repo).updated(spec(repo, "luas_kecamatan")).uncommitted


def test_fallback_without_a_repository_uses_the_package_date(project):
    history = History(project)
    assert not history.available
    updated = history.updated(spec(project, "luas_kecamatan"))
    assert (updated.date, updated.basis, updated.commit) == ("2026-11-29", "metadata", None)
    assert history.revisions(spec(project, "luas_kecamatan")) == [] and history.tags() == []


def test_fallback_when_git_is_not_installed(repo, monkeypatch):
    monkeypatch.setattr(history_module.shutil, "which", lambda _name: None)
    assert History(repo).updated(spec(repo, "desa")).basis == "metadata"


def test_release_snapshot_keeps_the_tagged_data(repo):
    context = build_context(model_of(repo), repo)
    snapshots = export_releases(build_releases(context))
    path = f"unduh/rilis/{RELEASE}/monografi-karawang.zip"
    assert list(snapshots) == [path]
    old = zipfile.ZipFile(io.BytesIO(snapshots[path]))
    assert "32.15.01,2011,S3,40.57," in old.read("luas_kecamatan.csv").decode()
    assert "date-released: 2026-01-10" in old.read("CITATION.cff").decode()
    current = zipfile.ZipFile(io.BytesIO(export_package(Downloads(context))["unduh/monografi-karawang.zip"]))
    assert "32.15.01,2011,S3,41.00," in current.read("luas_kecamatan.csv").decode()
    assert "date-released: 2026-03-01" in current.read("CITATION.cff").decode()


def test_tags_are_snapshotted_only_by_build_releases_and_everyone_reads_its_result(repo, tmp_path,
                                                                                  monkeypatch):
    """The exporters and the release page read the releases the pipeline built; neither page
    writers nor exports snapshot a tag on their own (a cached property on the context did:
    whoever asked first re-validated and re-modelled every tag)."""
    from monografi.exports import releases as releases_module
    from monografi.exports.portal import write_exports
    from monografi.site.context import SiteData
    from monografi.site.pages import releases as release_pages

    real, snapshotted = releases_module.snapshot, []
    monkeypatch.setattr(releases_module, "snapshot",
                        lambda context, tag: snapshotted.append(tag.name) or real(context, tag))
    context = build_context(model_of(repo), repo)
    downloads = Downloads(context)
    (page,) = release_pages.pages(SiteData(context, [], downloads))
    written = write_exports(downloads, [], tmp_path / "tanpa-rilis")
    assert snapshotted == [] and page.view.releases == []
    assert not [path for path in written if "/rilis/" in path]
    releases = build_releases(context)
    assert snapshotted == [RELEASE]
    (page,) = release_pages.pages(SiteData(context, [], downloads, releases))
    write_exports(downloads, releases, tmp_path / "situs")
    (listed,) = page.view.releases
    zip_file = tmp_path / "situs" / listed.path
    assert listed.tag == RELEASE and listed.bytes == zip_file.stat().st_size > 0
    assert zip_file.read_bytes() == releases[0].data and snapshotted == [RELEASE]


def test_release_snapshots_are_reused_from_the_cache(repo, tmp_path):
    cache, path = tmp_path / "cache", f"unduh/rilis/{RELEASE}/monografi-karawang.zip"
    first = export_releases(build_releases(build_context(model_of(repo), repo, cache)))
    cached = sorted((cache / "rilis").glob(f"{RELEASE}-*.zip"))
    assert len(cached) == 1 and load(cached[0]) == first[path]
    cached[0].write_bytes(hashlib.sha256(b"dari cache").hexdigest().encode() + b"\ndari cache")
    assert export_releases(build_releases(build_context(model_of(repo), repo, cache)))[path] == b"dari cache"
    cached[0].write_bytes(cached[0].read_bytes()[:-3])  # damaged: made again, never published
    assert export_releases(build_releases(build_context(model_of(repo), repo, cache)))[path] == first[path]


def test_a_broken_tagged_commit_neither_breaks_history_nor_loses_its_release(repo):
    csv_file = repo / "datasets/luas_kecamatan.csv"
    good = csv_file.read_bytes()
    csv_file.write_bytes(b"\xff\xfe\x00 bukan CSV \x00\x81")
    commit(repo, "Berkas rusak", "2026-04-01T08:00:00+07:00")
    git(repo, "tag", "rusak-1")
    csv_file.write_bytes(good)
    commit(repo, "Perbaiki berkas", "2026-04-02T08:00:00+07:00")
    fixed, broken, *_ = History(repo).revisions(spec(repo, "luas_kecamatan"))
    assert fixed.unreadable and broken.unreadable
    snapshots = export_releases(build_releases(build_context(model_of(repo), repo)))
    raw = zipfile.ZipFile(io.BytesIO(snapshots["unduh/rilis/rusak-1/monografi-karawang.zip"]))
    assert raw.read("datasets/luas_kecamatan.csv").startswith(b"\xff\xfe\x00 bukan CSV")
    assert "lisensi/CC-BY-4.0.md" in raw.namelist()


def test_data_change_feed_has_one_entry_per_commit_with_row_counts(repo):
    feed = ElementTree.fromstring(data_feed.atom(build_context(model_of(repo), repo)))
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == [
        "Perubahan data 1 Maret 2026", NOTE, "Perubahan data 10 Januari 2026"]
    assert feed.find(f"{atom}updated").text == "2026-03-01T08:00:00+07:00"
    correction = entries[1]
    assert correction.find(f"{atom}summary").text == (
        f"{NOTE}\nLuas wilayah kecamatan menurut sumber: 1 baris ditambah (32.15.02 / 2024 / S6). "
        "1 baris diubah (32.15.01 / 2011 / S3, Luas wilayah: 40,57 → 41,00). "
        "1 baris dihapus (32.15.01 / 2017 / S4).")
    feed_text = data_feed.atom(build_context(model_of(repo), repo))
    assert not [s for s in (FIRST, CORRECTION, SCHEMA_EDIT, "WIP") if s in feed_text]
    assert "Hanya struktur (skema) yang berubah" in feed_text
    assert correction.find(f"{atom}link").get("href").endswith(
        "/data/luas_kecamatan/riwayat/#r-" + History(repo).commits(
            ["datasets/luas_kecamatan.csv"])[0].short)


def test_data_change_feed_without_git_is_empty_and_dated_by_the_package(project):
    feed = ElementTree.fromstring(data_feed.atom(build_context(model_of(project), project)))
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findall(f"{atom}entry") == []
    assert feed.find(f"{atom}updated").text == "2026-11-29T00:00:00Z"


@pytest.mark.slow
def test_history_pages_and_release_in_a_built_site(repo, tmp_path):
    twin = tmp_path / "kembar"
    shutil.copytree(repo, twin, symlinks=True)  # the same commits, built from another folder
    result = build(repo, repo / "output", workers=1)
    assert result.ok, result.report.format_text()
    site = repo / "output"
    page = read_page(site / "data/luas_kecamatan/riwayat/index.html")
    assert ["32.15.01 / 2011 / S3", "luas_km2", "40.57", "41.00"] in page.rows
    assert ["32.15.02 / 2024 / S6", "luas_km2 = 99.5; catatan = baris uji"] in page.rows
    assert ["32.15.01 / 2017 / S4",
            "luas_km2 = 33.68; catatan = Angka lama BPS/Pemda yang dikutip RPIJM 2017–2022"
            ] in page.rows
    assert "built-in method" not in page.text and " at 0x" not in page.text
    assert build(twin, twin / "output", workers=1).ok
    assert tree_digest(twin / "output") == tree_digest(site)
    assert NOTE in page.text and "1 Maret 2026" in page.text
    assert "40,57 → 41,00" in page.text and "Terbit pertama: 56 baris" in page.text
    published = "\n".join(p.read_text("utf-8", "replace") for p in site.rglob("*")
                          if p.suffix in (".html", ".xml", ".json", ".txt") and p.is_file())
    assert not [s for s in (FIRST, CORRECTION, SCHEMA_EDIT, "WIP, see") if s in published]
    assert "riwayat git" not in published and "di-commit" not in published
    luas = read_page(site / "data/luas_kecamatan/index.html").text
    assert "Terakhir diperbarui: 1 Maret 2026" in luas
    assert ("Perubahan isi terakhir (15 Februari 2026): 1 baris ditambah, 1 dihapus, 1 diubah"
            in luas)
    desa = read_page(site / "data/desa/index.html").text
    assert "Terakhir diperbarui: 10 Januari 2026" in desa and "Perubahan isi terakhir" not in desa
    releases = read_page(site / "rilis/index.html")
    assert any(RELEASE in row for row in releases.rows)
    assert (site / f"unduh/rilis/{RELEASE}/monografi-karawang.zip").is_file()
