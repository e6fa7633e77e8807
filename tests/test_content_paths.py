"""Content pages cannot overwrite the portal's files, and every content problem is a staff
message (exit 2), never a silent drop, Pelican's English warning, or exit 3.

Hypothesis writes metadata keys in any case Pelican accepts (`save_as`, `SAVE_AS`, `Save_As`)
with values naming what the portal generates (downloads, datapackage.json, catalogues, API,
sitemap, feeds, search index, area and dataset pages), spelled with `/`, `./`, `..` detours, or
leaving the site; and malformed pages (bad dates, unknown keys, missing titles, other
encodings, duplicate slugs). The oracle for "the portal's files" is the real built site.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.project import Project
from monografi.validation.content import content_problems
from tests.conftest import copy_built, copy_project, tree_digest

KEYS = ["save_as", "url", "slug", "template", "status", "date", "title"]
PORTAL = ["unduh/datapackage.json", "api/v1/index.json", "sitemap.xml", "pembaruan/atom.xml",
          "pembaruan/data.atom.xml", "katalog.jsonld", "data.json", "unduh/desa.csv",
          "pagefind/pagefind.js", "kecamatan/karawang-barat/index.html", "data/desa/index.html",
          "data/index.html", "index.html", "404.html", "robots.txt", "pembaruan/index.html",
          "grafik/x.svg", "tema/css/monografi.css", "sumber/index.html", "desa/x/index.html",
          "indikator/index.html", "api/v1/kecamatan/karawang-barat.json", "cari/index.html"]
SLUGS = ["data", "unduh", "api", "kecamatan", "desa", "sumber", "indikator", "cari", "grafik",
         "tema", "pagefind", "rilis", "kelengkapan", "kabupaten", "pembaruan", "../x", "a/b",
         "Data", "data/../unduh", "tentang", "baru"]


def spelled(key: str):
    """A key in any case: Pelican's reader lowercases every key."""
    return st.lists(st.booleans(), min_size=len(key), max_size=len(key)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(key, upper, strict=True)))


def detour(path: str):
    return st.sampled_from([path, f"/{path}", f"./{path}", f"x/../{path}", f"{path}#",
                            f"../{path}", f"../../{path}", f"{path}".replace("/", "\\")])


@st.composite
def metadata(draw):
    key = draw(st.sampled_from(KEYS))
    if key in ("save_as", "url"):
        value = draw(st.one_of(st.sampled_from(PORTAL).flatmap(detour),
                               st.sampled_from(SLUGS).map(lambda s: f"{s}/index.html")))
    elif key == "slug":
        value = draw(st.sampled_from(SLUGS))
    elif key == "template":
        value = draw(st.sampled_from(["page", "dataset", "area", "base", "index", "404", "tidak-ada"]))
    elif key == "status":
        value = draw(st.sampled_from(["published", "Hidden", "draft", "rahasia", "terbit", ""]))
    elif key == "date":
        value = draw(st.sampled_from(["2026-11-29", "29/11/2026", "kemarin", "2026-13-45", "0"]))
    else:
        value = draw(st.sampled_from(["", " ", "Judul"]))
    return draw(spelled(key)), value


@pytest.fixture(scope="module")
def site_files(built_site) -> set[str]:
    return {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}


def _read_page(project: Path):
    from pelican.contents import Page
    from pelican.readers import Readers
    from pelican.settings import read_settings

    settings = read_settings(str(project / "pelicanconf.py"))
    return Readers(settings).read_file(str(project / "content"), "pages/uji.md", content_class=Page)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(metadata(), min_size=1, max_size=3))
def test_a_page_passes_only_if_it_writes_no_file_of_the_portal(tmp_path_factory, site_files, lines):
    project = copy_project(tmp_path_factory.mktemp("konten") / "proyek")
    body = "".join(f"{key}: {value}\n" for key, value in lines)
    title = "" if any(k.lower() == "title" for k, _ in lines) else "Title: Uji\n"
    (project / "content" / "pages" / "uji.md").write_text(f"{title}{body}\nIsi.\n", encoding="utf-8")
    problems = content_problems(Project(project))
    if problems:
        assert all(p.texts("id")[0] and p.texts("en")[1] for p in problems)
        return
    page = _read_page(project)
    target = PurePosixPath(os.path.normpath(page.save_as)).as_posix()
    assert page.save_as.endswith(".html") and not target.startswith(("..", "/")), lines
    assert target not in site_files, lines
    tops = {PurePosixPath(f).parts[0] for f in site_files if "/" in f} - {"tentang", "metodologi",
                                                                          "lisensi", "panduan-data",
                                                                          "panduan-templat"}
    assert PurePosixPath(target).parts[0] not in tops - {"pembaruan"} or target.startswith("drafts/"), lines
    shutil.rmtree(project.parent, ignore_errors=True)


BROKEN = {
    "latin1": ("Title: Caf\xe9\n\nIsi.\n".encode("latin-1"), "konten_pengkodean"),
    "utf16": ("Title: Uji\n\nIsi.\n".encode("utf-16"), "konten_pengkodean"),
    "no_title": (b"Judul: Uji\n\nIsi.\n", "konten_metadata"),
    "title_missing": (b"Slug: baru\n\nIsi.\n", "konten_judul"),
    "no_colon": (b"Title Uji tanpa titik dua\n\nIsi.\n", "konten_judul"),
    "title_twice": (b"Title: A\nTitle: B\n\nIsi.\n", "konten_metadata_ganda"),
    "bad_date": (b"Title: A\nDate: 31-02-2026\n\nIsi.\n", "konten_tanggal"),
    "text_file": (None, "konten_jenis"),
    "same_slug": (b"Title: A\nSlug: tentang\n\nIsi.\n", "konten_ganda"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_every_malformed_page_is_a_staff_message(project, case):
    data, rule = BROKEN[case]
    name = "uji.txt" if data is None else "uji.md"
    (project / "content" / "pages" / name).write_bytes(data or b"Title: Uji\n\nIsi.\n")
    problems = content_problems(Project(project))
    assert rule in {p.rule.id for p in problems}, [p.rule.id for p in problems]
    assert all(p.file.startswith("content/pages/") for p in problems)


def test_an_update_note_without_a_date_is_named(project):
    (project / "content" / "pembaruan" / "catatan.md").write_text("Title: A\n\nIsi.\n", encoding="utf-8")
    assert [p.rule.id for p in content_problems(Project(project))] == ["konten_tanpa_tanggal"]


def test_build_refuses_a_page_over_datapackage_json_and_keeps_the_site(built_copy):
    """End to end: `Save_as: unduh/datapackage.json` ends in exit 2 with words, the published
    site is unchanged."""
    before = tree_digest(built_copy / "output")
    (built_copy / "content" / "pages" / "a.md").write_text(
        "Title: A\nSAVE_AS: unduh/datapackage.json\n\nTIMPA\n", encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--proyek", str(built_copy), "--quiet", "build"])
    assert code == 2 and "konten_jalur" in err.getvalue() and "Traceback" not in err.getvalue()
    assert tree_digest(built_copy / "output") == before


NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)


@pytest.fixture(scope="module")
def shared_built(built_project, tmp_path_factory) -> Path:
    """One built copy for the whole property test: every build below is refused before it
    writes, so the copy stays as it was (asserted each time)."""
    return copy_built(built_project, tmp_path_factory.mktemp("cek-bangun") / "proyek")


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stderr(out), contextlib.redirect_stdout(out):
        code = main(args)
    return code, out.getvalue()


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(sorted(BROKEN)), folder=st.lists(NAMES, max_size=2), name=NAMES,
       fmt=st.sampled_from(["teks", "json", "github"]))
def test_check_and_build_both_refuse_a_malformed_page(shared_built, case, folder, name, fmt):
    """check ⇒ build: a malformed page (any class above, at any name and depth under
    content/pages/) is refused by `check` with exit 2 naming the page's file as staff and git
    see it — content/…, never datasets/content/… — in every report format, and by the build
    with the same rule, the site left untouched."""
    data, rule = BROKEN[case]
    where = PurePosixPath("content", "pages", *folder, f"{name}{'.txt' if data is None else '.md'}")
    page = shared_built / where
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(data or b"Title: Uji\n\nIsi.\n")
    before = tree_digest(shared_built / "output")
    try:
        code, out = _run(["--proyek", str(shared_built), "check", "--format", fmt])
        assert code == 2 and rule in out and "Traceback" not in out, out[-2000:]
        if fmt == "github":
            assert f"file={where.as_posix()}," in out.replace("%2C", ","), out[-2000:]
            assert f"datasets/{where}" not in out
        elif fmt == "json":
            found = json.loads(out)["masalah"]
            assert {p["berkas"] for p in found if p["aturan"] == rule} == {where.as_posix()}, found
        else:
            assert f"== {where.as_posix()} ==" in out, out[-2000:]
        code, out = _run(["--proyek", str(shared_built), "--quiet", "build"])
        assert code == 2 and rule in out and "Traceback" not in out, out[-2000:]
        assert tree_digest(shared_built / "output") == before
    finally:
        page.unlink()
        for parent in page.parents:
            if parent == shared_built / "content" / "pages":
                break
            parent.rmdir()
