"""Nothing from outside the repository: a symlink in any input folder is refused, by name.

Git stores symlinks, so a pull request can add one. Hypothesis plants one link per example —
to a file or a folder, outside the project or inside it, written absolute or relative, replacing
an existing file or folder or beside them, at any depth — in every folder a command reads
(datasets/, content/ with its pages, notes and extra/, theme/ with templates and static files,
pelicanconf.py, the state folder .monografi/, the inbox kotak-masuk/), and asserts that every
command reading that folder refuses (exit 1 or 2, the link named), publishes nothing, and
reads, writes and deletes nothing outside the project: the outside folder's files are byte for
byte what they were, and its secret never reaches a page.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.project import OutsideProject, Project
from tests.conftest import copy_project, tree_digest

SECRET = "RAHASIA-LUAR-1337"
# Each input folder, and the commands that read it (and so must refuse a link in it).
READERS = {
    "datasets": ("check", "build"),
    "datasets/schemas": ("check", "build"),
    "content": ("build",),
    "content/pages": ("build",),
    "content/pembaruan": ("build",),
    "content/extra": ("build",),
    "theme": ("build",),
    "theme/templates": ("build",),
    "theme/static/css": ("build",),
    ".monografi": ("check", "build", "kotak-masuk"),
    ".monografi/cache": ("check", "build", "kotak-masuk"),
    "kotak-masuk": ("kotak-masuk",),
}
# Whole inputs a link may replace (the folder itself, or pelicanconf.py), and who reads them.
REPLACED = {"datasets": ("check", "build"), "content": ("build",), "theme": ("build",),
            "pelicanconf.py": ("build",), ".monografi": ("check", "build", "kotak-masuk"),
            "kotak-masuk": ("kotak-masuk",)}
INSIDE = ["datasets/kecamatan.csv", "content/pages/tentang.md", "theme/templates/base.html",
          "theme/templates", "datasets/schemas", "pelicanconf.py"]
NAMES = st.sampled_from(["tautan.csv", "rahasia.md", "page.html", "kecamatan.csv", "gaya.css",
                         "CNAME", "sub", "laporan.pickle", "formulir.xlsx", "tentang.md"])


def _outside(root: Path) -> Path:
    """A folder beside the project with something worth stealing in every form a link may
    point to: a page, a table, a template that would run, a folder of them."""
    outside = root / "luar"
    (outside / "folder").mkdir(parents=True)
    for folder in (outside, outside / "folder"):
        (folder / "rahasia.md").write_text(f"Title: Rahasia\n\n{SECRET}\n", encoding="utf-8")
        (folder / "rahasia.csv").write_text(f"kode_kecamatan\n{SECRET}\n", encoding="utf-8")
        (folder / "page.html").write_text(f"{{{{ '{SECRET}' }}}}", encoding="utf-8")
    return outside


@st.composite
def planted(draw):
    """(link path relative to the project, target, absolute?, commands that must refuse)."""
    if draw(st.integers(0, 4)) == 0:
        name = draw(st.sampled_from(sorted(REPLACED)))
        place, readers = "", REPLACED[name]
    else:
        place = draw(st.sampled_from(sorted(READERS)))
        readers = READERS[place]
        depth = draw(st.lists(st.sampled_from(["a", "b", "lapis"]), max_size=2))
        name = "/".join([place, *depth, draw(NAMES)])
    target = draw(st.sampled_from(["luar/rahasia.md", "luar/rahasia.csv", "luar/page.html",
                                   "luar/folder", "luar", *(f"proyek/{p}" for p in INSIDE)]))
    return name.lstrip("/"), target, draw(st.booleans()), readers


def _run(*argv) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


def _plant(project: Path, name: str, target: Path, absolute: bool) -> Path:
    link = project / name
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    elif link.exists() or link.is_symlink():
        link.unlink()
    link.symlink_to(target if absolute else os.path.relpath(target, link.parent))
    return link


def _link_named(text: str, project: Path, link: Path) -> bool:
    """The message names the planted link (or, for one inside a linked folder, that folder)."""
    relpath = Path(os.path.relpath(link, project))
    return any(p.as_posix() in text for p in [relpath, *relpath.parents] if p != Path("."))


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=planted())
def test_a_symlink_in_any_input_folder_is_refused_and_nothing_outside_is_touched(
        tmp_path_factory, case):
    name, target, absolute, readers = case
    root = tmp_path_factory.mktemp("tautan")
    project, outside = copy_project(root / "proyek"), _outside(root)
    (project / "kotak-masuk").mkdir(exist_ok=True)
    (project / ".monografi" / "cache").mkdir(parents=True)
    before = tree_digest(outside)
    link = _plant(project, name, root / target, absolute)
    for command in readers:
        code, text = _run("--proyek", str(project), "--quiet", command)
        assert code in (1, 2), (command, case, text)
        assert _link_named(text, project, link), (command, case, text)
        assert "Traceback" not in text and SECRET not in text
    assert not (project / "output").exists()  # nothing was published
    assert tree_digest(outside) == before  # nothing outside written or deleted
    assert link.is_symlink()  # and the link itself left for staff to replace
    shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spelling=st.sampled_from(["absolute", "dotdot", "nested_dotdot", "linked", "under_link"]),
       upload=st.sampled_from(["penduduk_desa.csv", "formulir.xlsx", "catatan.txt"]))
def test_the_inbox_folder_is_inside_the_project_or_refused(tmp_path_factory, spelling, upload):
    """`kotak-masuk --folder` naming a folder outside the project (absolute, with '..', through
    a link): refused, and the files there neither imported nor deleted."""
    root = tmp_path_factory.mktemp("kotak")
    project, outside = copy_project(root / "proyek"), root / "luar"
    outside.mkdir()
    shutil.copyfile(project / "datasets" / "penduduk_desa.csv", outside / upload)
    datasets = tree_digest(project / "datasets")
    folder = {"absolute": str(outside), "dotdot": "../luar",
              "nested_dotdot": "kotak-masuk/../../luar", "linked": "kotak", "under_link": "kotak/x"}
    if spelling in ("linked", "under_link"):
        (outside / "x").mkdir()
        (project / "kotak").symlink_to(outside)
    code, text = _run("--proyek", str(project), "kotak-masuk", "--folder", folder[spelling])
    assert code == 2, text
    assert "luar" in text or "kotak" in text
    assert (outside / upload).is_file() and tree_digest(project / "datasets") == datasets
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("where", ["form", "folder"])
def test_a_symlinked_form_is_not_imported(project, tmp_path, where):
    form = tmp_path / "formulir.xlsx"
    form.write_bytes(b"PK\x03\x04 not read")
    if where == "form":
        link = project / "formulir.xlsx"
        link.symlink_to(form)
    else:
        (project / "unggahan").symlink_to(tmp_path)
        link = project / "unggahan" / "formulir.xlsx"
    code, text = _run("--proyek", str(project), "impor", str(link))
    assert code == 2 and ("formulir.xlsx" in text or "unggahan" in text), text


@given(parts=st.lists(st.sampled_from(["a", "..", ".", "b", "datasets", "lapis"]), max_size=6))
def test_project_inside_agrees_with_where_a_path_really_leads(tmp_path_factory, parts):
    """Project.inside accepts a path exactly when it stays inside the project by its names,
    and then it is the path the system would open."""
    root = tmp_path_factory.mktemp("dalam", numbered=True)
    project = Project(root / "proyek")
    for folder in ("a", "b", "datasets", "lapis", "a/b", "a/lapis"):
        (project.root / folder).mkdir(parents=True, exist_ok=True)
    relative = "/".join(parts) or "."
    lexical = Path(os.path.normpath(project.root / relative))
    try:
        found = project.inside(relative)
    except OutsideProject:
        assert not lexical.is_relative_to(project.root)
    else:
        assert found == lexical and found.is_relative_to(project.root)


def _git(project: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", "-C", str(project), "-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid",
                    *args], check=True, capture_output=True)


@pytest.mark.slow
def test_a_tag_that_committed_symlinks_still_builds_without_them(project, tmp_path):
    """A link committed once and tagged (absolute, relative, to a folder) stays in git history;
    the release snapshot of that tag leaves the links out, and every later build works."""
    outside = _outside(tmp_path)
    datasets = project / "datasets"
    (datasets / "mutlak.csv").symlink_to(outside / "rahasia.csv")
    (datasets / "relatif.csv").symlink_to("kecamatan.csv")
    (datasets / "folder").symlink_to(outside / "folder")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "tautan")
    _git(project, "tag", "v2026.1")
    for name in ("mutlak.csv", "relatif.csv", "folder"):
        (datasets / name).unlink()
    _git(project, "commit", "-qam", "tanpa tautan")
    code, text = _run("--proyek", str(project), "--quiet", "--jobs", "1", "build")
    assert code == 0, text
    import zipfile

    (release,) = (project / "output" / "unduh" / "rilis" / "v2026.1").glob("*.zip")
    names = zipfile.ZipFile(release).namelist()
    assert "kecamatan.csv" in names or "datasets/kecamatan.csv" in names
    assert not any(n.endswith(("mutlak.csv", "relatif.csv")) or "/folder/" in n for n in names)
    assert not any(SECRET.encode() in p.read_bytes() for p in (project / "output").rglob("*")
                   if p.is_file())
