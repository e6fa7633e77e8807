import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from monografi.project import Project
from monografi.publishing.publish import publish
from monografi.state import BuildBusy, build_lock


def write_site(text):
    def build(site):
        (site / "index.html").write_text(text)
        return text
    return build


def test_publish_swaps_output_to_the_new_build(tmp_path):
    output = tmp_path / "output"
    publish(tmp_path, output, write_site("satu"))
    publish(tmp_path, output, write_site("dua"))
    assert output.is_symlink() and (output / "index.html").read_text() == "dua"
    builds = list(Project(tmp_path).builds.iterdir())
    assert len(builds) == 1, "old builds are cleaned up"


def test_failed_build_leaves_output_untouched(tmp_path):
    output = tmp_path / "output"
    publish(tmp_path, output, write_site("lama"))
    before = os.readlink(output)

    def broken(site):
        (site / "index.html").write_text("setengah")
        raise RuntimeError("gagal di tengah jalan")

    with pytest.raises(RuntimeError):
        publish(tmp_path, output, broken)
    assert os.readlink(output) == before and (output / "index.html").read_text() == "lama"
    assert len(list(Project(tmp_path).builds.iterdir())) == 1


def test_an_empty_output_directory_is_replaced(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    publish(tmp_path, output, write_site("baru"))
    assert output.is_symlink() and (output / "index.html").read_text() == "baru"


def test_second_build_at_once_is_refused(tmp_path):
    output = tmp_path / "output"
    with build_lock(Project(tmp_path).state), pytest.raises(BuildBusy):
        publish(tmp_path, output, write_site("x"))


def test_sigkill_mid_build_keeps_the_previous_site(tmp_path):
    output = tmp_path / "output"
    publish(tmp_path, output, write_site("lama"))
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from monografi.publishing.publish import publish
        def slow(site):
            (site / "index.html").write_text("setengah")
            Path({str(tmp_path / "mulai")!r}).touch()
            time.sleep(60)
        publish(Path({str(tmp_path)!r}), Path({str(output)!r}), slow)
    """)
    process = subprocess.Popen([sys.executable, "-c", script])
    marker = tmp_path / "mulai"
    for _ in range(200):
        if marker.exists():
            break
        time.sleep(0.05)
    assert marker.exists(), "the build never started"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (output / "index.html").read_text() == "lama"
    publish(tmp_path, output, write_site("berikutnya"))  # the lock died with the process
    assert (output / "index.html").read_text() == "berikutnya"


def fake_project(root):
    """Folders a build must never replace, each holding an uncommitted staff file."""
    for part in ("datasets", "content/extra", "theme", ".git", "docs"):
        (root / part).mkdir(parents=True)
        (root / part / "catatan-staf.txt").write_text("belum di-commit")
    return root


@pytest.mark.parametrize(("output", "reason"), [
    (".", "project"), ("..", "project"), ("datasets", "protected"), ("datasets/baru", "protected"),
    ("content", "protected"), ("content/extra", "protected"), ("theme", "protected"),
    (".git", "protected"), (".monografi", "protected"), (".monografi/builds", "protected"),
    ("docs", "not_empty"), ("docs/catatan-staf.txt", "not_folder"),
])
def test_an_output_path_holding_project_files_is_refused_before_any_work(tmp_path, output, reason):
    from conftest import tree_digest

    from monografi.publishing.pipeline import build
    from monografi.publishing.publish import UnsafeOutput

    project = fake_project(tmp_path / "proyek")
    before = tree_digest(tmp_path)
    with pytest.raises(UnsafeOutput) as refused:
        build(project, project / output)
    assert refused.value.reason == reason
    with pytest.raises(UnsafeOutput):
        publish(project, project / output, write_site("x"))
    after = tree_digest(tmp_path)
    assert after.pop("proyek/.monografi/build.lock", b"") == b"" and after == before
    assert not (project / ".monografi" / "builds").exists()


def test_a_staff_file_in_a_real_output_folder_is_never_deleted(tmp_path):
    from monografi.publishing.publish import UnsafeOutput

    output = tmp_path / "output"
    output.mkdir()
    (output / "CNAME").write_text("monografi.contoh.go.id\n")
    with pytest.raises(UnsafeOutput, match="not_empty"):
        publish(tmp_path, output, write_site("baru"))
    assert (output / "CNAME").read_text() == "monografi.contoh.go.id\n"
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    link = tmp_path / "tautan"
    link.symlink_to(elsewhere)
    with pytest.raises(UnsafeOutput, match="foreign_link"):
        publish(tmp_path, link, write_site("baru"))
    assert link.resolve() == elsewhere


def test_state_lives_in_the_project_whatever_the_output(tmp_path):
    project, outside = tmp_path / "proyek", tmp_path / "di-luar"
    project.mkdir()
    outside.mkdir()
    publish(project, outside / "situs", write_site("satu"))
    assert (outside / "situs" / "index.html").read_text() == "satu"
    assert sorted(p.name for p in outside.iterdir()) == ["situs"], "no state beside --output"
    assert Project(project).builds.is_dir()


def test_only_builds_this_module_made_are_deleted(tmp_path):
    from monografi.publishing.publish import discard

    builds = Project(tmp_path).builds
    builds.mkdir(parents=True)
    (builds / "milik-staf").mkdir()
    (builds / "milik-staf" / "penting.txt").write_text("jangan dihapus")
    a, b = tmp_path / "a", tmp_path / "b"
    publish(tmp_path, a, write_site("a1"))
    publish(tmp_path, b, write_site("b1"))  # two outputs share one project: a stays live
    publish(tmp_path, b, write_site("b2"))
    assert (a / "index.html").read_text() == "a1" and (b / "index.html").read_text() == "b2"
    assert (builds / "milik-staf" / "penting.txt").read_text() == "jangan dihapus"
    assert len(list(builds.iterdir())) == 3  # a, b, and the folder nobody recorded
    for foreign in (builds / "milik-staf", tmp_path / "a", tmp_path):
        with pytest.raises(ValueError):
            discard(Project(tmp_path), foreign)
    assert (builds / "milik-staf" / "penting.txt").exists()
