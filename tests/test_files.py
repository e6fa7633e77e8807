"""monografi.files: the manifest and cache entries trusted only while their sha256 matches, and
the one code fingerprint; monografi.safe_write.write_atomic is the one way anything is written."""

import os
import re
import time
from pathlib import Path

import pytest

from monografi import files
from monografi.project import Project
from monografi.safe_write import write_atomic

PACKAGE = Path(files.__file__).parent


def test_failed_write_leaves_the_target_and_no_temporary_file(tmp_path):
    target = tmp_path / "laporan.pickle"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["laporan.pickle"]


def test_manifest_gives_back_only_intact_files_while_output_points_at_its_build(tmp_path):
    project = Project(tmp_path)
    site = project.builds / "build-1"
    site.mkdir(parents=True)
    (site / "index.html").write_text("x")
    output = tmp_path / "output"
    output.symlink_to(site)
    files.Manifest("inputs", {"index.html": "k"}).save(project, site, output)
    loaded = files.Manifest.load(project, output)
    assert loaded.previous("index.html", "k") == b"x" and loaded.damaged() == []
    assert loaded.previous("index.html", "other") is None
    (site / "index.html").write_text("y")  # changed since: neither reused nor trusted
    assert loaded.previous("index.html", "k") is None and loaded.damaged() == ["index.html"]
    assert files.Manifest.load(project, tmp_path / "elsewhere").site is None


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    entry = tmp_path / "cache" / "a.svg"
    files.store(entry, b"<svg/>")
    assert files.load(entry) == b"<svg/>"
    entry.write_bytes(entry.read_bytes()[:-2])
    assert files.load(entry) is None and files.load(tmp_path / "missing") is None


def test_the_code_fingerprint_covers_code_and_licence_texts(tmp_path, monkeypatch):
    package = tmp_path / "monografi"
    (package / "lisensi").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "lisensi" / "CC-BY-4.0.md").write_text("teks")
    monkeypatch.setattr(files, "PACKAGE_DIR", package)
    seen = set()
    for path, text in ((None, None), ("a.py", "x = 2\n"), ("lisensi/CC-BY-4.0.md", "teks baru")):
        if path:
            (package / path).write_text(text)
        files.code_fingerprint.cache_clear()
        seen.add(files.code_fingerprint())
    files.code_fingerprint.cache_clear()
    assert len(seen) == 3


@pytest.mark.parametrize(("pattern", "allowed"), [
    (r"mkstemp\(", {"safe_write.py"}),
    (r"(?<!os)\.replace\(\w+ / |tmp\.write_", set()),
    (r"\.tmp\"", {"safe_write.py", "publishing/publish.py"}),
    (r"os\.replace\(", {"safe_write.py", "state.py", "publishing/publish.py"}),
    (r"CODE_VERSION|code_digest|rglob\(\"\*\.py\"\)", set()),
])
def test_no_module_writes_atomically_or_fingerprints_code_on_its_own(pattern, allowed):
    """One helper for each: a second copy would drift (temp names, permissions, what is hashed).
    The other renames are the import journal's swaps of staged files and the output symlink."""
    offenders = {p.relative_to(PACKAGE).as_posix() for p in sorted(PACKAGE.rglob("*.py"))
                 if re.search(pattern, p.read_text(encoding="utf-8"))}
    assert offenders <= allowed


def test_a_file_changed_in_place_is_found_even_with_its_size_kept(tmp_path):
    """The no-op trusts size + modification time (as git does); a change that keeps the size
    still changes the time, and is hashed and found."""
    project = Project(tmp_path)
    site = project.builds / "build-1"
    site.mkdir(parents=True)
    (site / "a.html").write_text("abc")
    (site / "b.html").write_text("def")
    output = tmp_path / "output"
    output.symlink_to(site)
    files.Manifest("inputs", {}).save(project, site, output)
    loaded = files.Manifest.load(project, output)
    assert loaded.damaged() == []
    time.sleep(0.01)
    (site / "a.html").write_text("xyz")  # same size, new content
    assert loaded.damaged() == ["a.html"]
    (site / "b.html").unlink()
    (site / "c.html").write_text("new")
    assert loaded.damaged() == ["a.html", "b.html", "c.html"]
