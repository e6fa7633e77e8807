"""A file the portal did not make in output/ (a CNAME put there by hand) is never deleted
silently: the next build or merge refuses, names it and points to content/extra/.

output/ links to a build folder that the next build replaces whole. publish_locked records what
it published; a file found there beyond that record is the staff's. Hypothesis generates where
such files appear (top level, inside the portal's folders, hidden files, new folders) and how
many; only the publishing step runs, with a tiny stand-in build.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.project import Project
from monografi.publishing.publish import UnsafeOutput, check_output, publish
from monografi.safe_write import write_file
from tests.conftest import tree_digest

SITE = ["index.html", "unduh/datapackage.json", "data/desa/index.html", "tema/css/a.css"]
NAME = st.from_regex(r"\.?[A-Za-z0-9][A-Za-z0-9_-]{0,10}(\.[a-z]{2,4})?", fullmatch=True)
FOLDER = st.sampled_from(["", "", "unduh/", "data/desa/", "tema/", "baru/", ".well-known/"])


def _portal(site: Path) -> None:
    for relpath in SITE:
        write_file(site, relpath, relpath.encode())


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(added=st.lists(st.tuples(FOLDER, NAME), min_size=1, max_size=3, unique=True))
def test_a_file_added_to_the_published_site_stops_the_next_publish(tmp_path_factory, added):
    project = Project(tmp_path_factory.mktemp("proyek"))
    output = project.root / "output"
    publish(project, output, _portal)
    paths = sorted({f"{folder}{name}" for folder, name in added} - set(SITE))
    for relpath in paths:
        (output / relpath).parent.mkdir(parents=True, exist_ok=True)
        (output / relpath).write_text("monografi.contoh.go.id\n", encoding="utf-8")
    before = tree_digest(output)
    if not paths:
        return
    with pytest.raises(UnsafeOutput) as refused:
        publish(project, output, _portal)
    assert refused.value.reason == "staff_files" and paths[0] in refused.value.text("id")
    assert "content/extra/" in refused.value.text("id") and "content/extra/" in refused.value.text("en")
    assert tree_digest(output) == before  # the staff's files and the site are as they were
    for relpath in paths:
        (output / relpath).unlink()
    check_output(project, output)  # once they are gone, the next build may go ahead
    publish(project, output, _portal)


def test_a_file_the_portal_made_may_be_replaced_and_the_staff_one_is_kept(tmp_path):
    """Only files that no build wrote count: a damaged page of the portal is rebuilt."""
    project = Project(tmp_path / "proyek")
    output = project.root / "output"
    publish(project, output, _portal)
    (output / "index.html").write_text("diubah tangan", encoding="utf-8")
    publish(project, output, _portal)
    assert (output / "index.html").read_text(encoding="utf-8") == "index.html"


def test_build_with_a_cname_in_output_refuses_and_keeps_it(built_copy):
    """End to end, as the issue found it: CNAME copied into output/ by hand, then `build`
    (a no-op otherwise) exits 2, says content/extra/, and the CNAME stays."""
    cname = built_copy / "output" / "CNAME"
    cname.write_text("monografi.contoh.go.id\n", encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--proyek", str(built_copy), "--quiet", "build"])
    assert code == 2 and "CNAME" in err.getvalue() and "content/extra/" in err.getvalue()
    assert cname.read_text(encoding="utf-8") == "monografi.contoh.go.id\n"
