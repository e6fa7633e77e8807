"""write_file: the one door into a build folder refuses every way out of it."""

import os
import stat

import pytest

from monografi.safe_write import RefusedWrite, write_file


@pytest.fixture
def layout(tmp_path):
    """A build folder beside a datasets/ folder that no build may touch."""
    site, datasets = tmp_path / "builds" / "build-1", tmp_path / "datasets"
    site.mkdir(parents=True)
    datasets.mkdir()
    (datasets / "x.csv").write_text("asli\n")
    return site, datasets


def outside_files(tmp_path, site):
    return sorted(p for p in tmp_path.rglob("*") if p.is_file() and site not in p.parents)


@pytest.mark.parametrize("relpath", ["../../datasets/x.csv", "../x", "a/../../x", "a/b/../../../x",
                                     "..", "", "a\\..\\..\\x", "a/\0.html"])
def test_relative_escapes_are_refused(layout, tmp_path, relpath):
    site, datasets = layout
    before = outside_files(tmp_path, site)
    with pytest.raises(RefusedWrite):
        write_file(site, relpath, b"jahat")
    assert (datasets / "x.csv").read_text() == "asli\n"
    assert outside_files(tmp_path, site) == before and not list(site.iterdir())


def test_absolute_paths_are_refused(layout):
    site, datasets = layout
    for target in (str(datasets / "x.csv"), "/tmp/monografi-uji.txt"):
        with pytest.raises(RefusedWrite, match="absolute"):
            write_file(site, target, b"jahat")
    assert (datasets / "x.csv").read_text() == "asli\n"


def test_symlinks_inside_the_build_folder_are_never_followed(layout):
    site, datasets = layout
    (site / "keluar").symlink_to(datasets)  # a folder link pointing out
    (site / "data.csv").symlink_to(datasets / "x.csv")  # a file link pointing out
    for relpath in ("keluar/x.csv", "keluar/baru/y.csv", "data.csv"):
        with pytest.raises(RefusedWrite, match="symlink"):
            write_file(site, relpath, b"jahat")
    assert sorted(p.name for p in datasets.iterdir()) == ["x.csv"]
    assert (datasets / "x.csv").read_text() == "asli\n"
    with pytest.raises(RefusedWrite, match="symlink"):
        write_file(site / "keluar", "x.csv", b"jahat")  # the build folder itself a link


def test_writes_replace_atomically_and_never_write_through_a_shared_inode(layout, tmp_path):
    site, _ = layout
    published = tmp_path / "terbit.html"
    published.write_text("situs yang terbit")
    os.link(published, site / "a.html")  # an old build left a hard link to the live site
    write_file(site, "a.html", b"versi baru")
    write_file(site, "dalam/folder/b.html", b"isi")
    assert (site / "a.html").read_bytes() == b"versi baru"
    assert published.read_text() == "situs yang terbit"
    assert stat.S_IMODE((site / "dalam" / "folder" / "b.html").stat().st_mode) == 0o644
    assert sorted(p.name for p in site.rglob("*")) == ["a.html", "b.html", "dalam", "folder"]


def test_pelican_pages_go_through_the_same_door(layout):
    """The plugin's and Pelican's own pages: a symlinked folder in the site is refused too."""
    import jinja2

    from monografi.publishing.pipeline import SafeWriter

    site, datasets = layout
    (site / "keluar").symlink_to(datasets)
    writer = SafeWriter(str(site), settings={"RELATIVE_URLS": True, "PAGINATED_TEMPLATES": {}})
    template = jinja2.Template("halo {{ nama }}")
    writer.write_file("ok/index.html", template, {}, nama="dunia")
    assert (site / "ok" / "index.html").read_text() == "halo dunia"
    with pytest.raises(RefusedWrite):
        writer.write_file("keluar/index.html", template, {}, nama="jahat")
    assert sorted(p.name for p in datasets.iterdir()) == ["x.csv"]


def test_extra_files_are_copied_but_never_through_links_or_over_portal_files(tmp_path):
    from monografi.project import Project
    from monografi.publishing.extras import copy_extras

    project, site = tmp_path / "proyek", tmp_path / "situs"
    extra = Project(project).extra
    (extra / "sub").mkdir(parents=True)
    site.mkdir()
    (extra / "CNAME").write_text("monografi.contoh.go.id\n")
    (extra / ".nojekyll").write_text("")
    (extra / "sub" / "google123.html").write_text("google-site-verification: google123.html")
    copy_extras(project, site)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == \
        [".nojekyll", "CNAME", "sub/google123.html"]
    (extra / "index.html").write_text("beranda palsu")
    portal = tmp_path / "situs-portal"
    portal.mkdir()
    (portal / "index.html").write_text("beranda portal")
    with pytest.raises(RefusedWrite, match="exists") as refused:
        copy_extras(project, portal)
    assert refused.value.relpath == "content/extra/index.html"
    assert (portal / "index.html").read_text() == "beranda portal"
    (extra / "index.html").unlink()
    (extra / "rahasia").symlink_to(tmp_path)
    with pytest.raises(RefusedWrite, match="symlink"):
        copy_extras(project, tmp_path / "situs-2")


def test_atomic_writes_work_without_fchmod(tmp_path, monkeypatch):
    """Staff import forms on Windows, where Python before 3.13 has no os.fchmod."""
    import os

    from monografi.safe_write import FILE_MODE, write_atomic

    monkeypatch.delattr(os, "fchmod", raising=False)
    target = tmp_path / "sumber.csv"
    write_atomic(target, b"id\n", durable=True)
    assert target.read_bytes() == b"id\n" and (target.stat().st_mode & 0o777) == FILE_MODE
    assert [p.name for p in tmp_path.iterdir()] == ["sumber.csv"]
