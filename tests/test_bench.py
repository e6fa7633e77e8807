"""The benchmark generator writes valid, clearly synthetic projects (one kabupaten only here)."""

from __future__ import annotations

import csv
import json
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
