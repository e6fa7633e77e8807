"""The benchmark generator writes valid, clearly synthetic projects (one kabupaten only here);
the benchmark's own measuring helpers do what their figures claim."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from conftest import REPO

from monografi.validation.check import validate_datasets

sys.path.insert(0, str(REPO / "bench"))

from generate import AREA_SOURCE, generate, load_regencies  # noqa: E402


def test_generated_kabupaten_is_valid_complete_and_labelled_synthetic(tmp_path):
    project = generate("kabupaten", tmp_path / "bench")
    catalog, report = validate_datasets(project / "datasets")
    assert catalog is not None and report.ok, report.format_text()

    package = json.loads((project / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    bundled = json.loads((REPO / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == [r["name"] for r in bundled["resources"]]
    assert "SINTETIS" in package["title"] and "SINTETIS" in package["description"]
    assert all("sintetis" in r["title"] and "SINTETIS" in r["description"] for r in package["resources"])
    with (project / "datasets" / "sumber.csv").open(encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle))
    assert sources and all("sintetis" in s["judul"] for s in sources if s["id"] != AREA_SOURCE)

    (regency,) = load_regencies("kabupaten")
    for resource in package["resources"]:
        with (project / "datasets" / resource["path"]).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert rows, f"{resource['name']} is empty"
        if resource["name"] == "desa":
            assert len(rows) == len(regency.villages) == 309
    kecamatan = (project / "datasets" / "kecamatan.csv").read_text(encoding="utf-8")
    assert "32.15.01,Karawang Barat," in kecamatan  # real names and codes


def test_parts_are_dealt_longest_first_each_once():
    from run import deal

    times = {"umum": 5.0, "11": 4.0, "12": 3.0, "13": 3.0, "14": 0.5}
    machines = deal(times, 2)
    assert sorted(p for m in machines for p in m) == sorted(times)
    assert max(sum(times[p] for p in m) for m in machines) == 8.0  # {umum, 12}, {11, 13, 14}
    assert deal(times, 9) == [[p] for p in ("umum", "11", "12", "13", "14")]  # idle machines left out


def test_bare_pelican_renders_the_pages_with_their_tables(tmp_path):
    """The comparison is only fair if Pelican really renders a table of the asked size per page."""
    from run import bare_pelican, table_shape

    done = bare_pelican(tmp_path, 3, {"baris": 4, "kolom": 5})
    assert done["detik"] > 0 and done["halaman_html"] >= 3
    assert not (tmp_path / "pelican-polos").exists()  # throwaway project removed

    from run import write_pelican_project

    project = write_pelican_project(tmp_path / "p", 2, 4, 5)
    subprocess.run([sys.executable, "-m", "pelican", "content", "-o", "output", "-s", "pelicanconf.py",
                    "-q"], cwd=project, check=True)
    pages = sorted((project / "output" / "pages").glob("*.html"))
    assert len(pages) == 2 and table_shape(pages) == {"baris": 5, "kolom": 5}  # header row + 4
    assert "halaman-000001" not in pages[0].read_text(encoding="utf-8")  # no menu of every page


def test_identical_trees_differ_by_one_byte_or_one_file(tmp_path):
    from run import same_tree

    for name in ("a", "b"):
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "i.html").write_text("<p>1</p>", encoding="utf-8")
    assert same_tree(tmp_path / "a", tmp_path / "b")
    (tmp_path / "b" / "x" / "i.html").write_text("<p>2</p>", encoding="utf-8")
    assert not same_tree(tmp_path / "a", tmp_path / "b")
    (tmp_path / "b" / "x" / "i.html").write_text("<p>1</p>", encoding="utf-8")
    (tmp_path / "b" / "extra.txt").write_text("", encoding="utf-8")
    assert not same_tree(tmp_path / "a", tmp_path / "b")
