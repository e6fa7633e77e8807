"""`monografi dataset-baru`: three files with every rule and hint, all or nothing, safe names only."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from monografi import commands, safe_write
from monografi.model.areas import build_model
from monografi.validation.check import validate_datasets
from monografi.validation.hints import RESOURCE_KEYS
from monografi.validation.placeholders import PLACEHOLDER
from monografi.validation.template_hints import KEYS as TEMPLATE_KEYS
from tests.conftest import tree_digest


def run(project, *argv) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = commands.main(["--proyek", str(project), "dataset-baru", *argv])
    return code, out.getvalue()


def fill_in(project, name):
    """What staff do next: replace every placeholder text."""
    for path in (project / "datasets" / "datapackage.json",
                 project / "datasets" / "schemas" / f"{name}.json"):
        path.write_text(path.read_text(encoding="utf-8").replace(PLACEHOLDER, ""), encoding="utf-8")


@pytest.mark.parametrize("level", ["kabupaten", "kecamatan", "desa"])
def test_a_new_dataset_is_refused_until_filled_in_then_valid_and_modelled(project, level):
    name = f"pasar_{level}"
    code, out = run(project, name, "--tingkat", level)
    assert code == 0 and f"schemas/{name}.json" in out and "monografi check" in out
    datasets = project / "datasets"
    assert (datasets / f"{name}.csv").read_text() == f"kode_{level},tahun,sumber,jumlah,catatan\n"
    schema = json.loads((datasets / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    assert {"fields": "sumber", "reference": {"resource": "sumber", "fields": "id"}} in schema["foreignKeys"]
    assert schema["primaryKey"] == [f"kode_{level}", "tahun", "sumber"]

    catalog, report = validate_datasets(datasets)
    assert {p.rule.id for p in report.errors} == {"isian_kerangka"} and report.exit_code == 2
    keys = {(p.file, p.column) for p in report.errors}
    assert (f"schemas/{name}.json", "fields[3].satuan") in keys
    assert any(column.endswith(".monografi.bagian") for _, column in keys)

    fill_in(project, name)
    with (datasets / f"{name}.csv").open("a", encoding="utf-8") as stream:
        code = {"kabupaten": "32.15", "kecamatan": "32.15.05", "desa": "32.15.05.2003"}[level]
        stream.write(f"{code},2024,S7,12,\n")
    catalog, report = validate_datasets(datasets)
    assert report.ok, report.format_text()
    model = build_model(catalog)  # `check` passing means the build can read it
    assert model.datasets[name].table["jumlah"].tolist() == [12]


def test_every_presentation_hint_but_the_desa_totals_is_present(project):
    """jumlah_desa needs a matching desa table, which a new table cannot have yet (see the guide);
    the template pack's hints say which official item a table implements, which a new one does not."""
    run(project, "pasar", "--tingkat", "kecamatan")
    package = json.loads((project / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    entry = package["resources"][-1]
    assert entry["name"] == "pasar"
    assert set(entry["monografi"]) == set(RESOURCE_KEYS) - {"jumlah_desa", *TEMPLATE_KEYS}
    assert entry["schema"] == "schemas/pasar.json" and entry["licenses"][0]["name"] == "CC-BY-4.0"


@pytest.mark.parametrize("name", ["../pasar", "Pasar", "pasar.baru", "pasar baru", "", "_pasar",
                                  "p" * 61, "desa", "sumber", "penduduk_desa", "ada_skema"])
def test_unsafe_or_taken_names_change_nothing(project, name):
    (project / "datasets" / "schemas" / "ada_skema.json").write_text("{}", encoding="utf-8")
    before = tree_digest(project / "datasets")
    code, out = run(project, name, "--tingkat", "desa")
    assert code == 2 and ("tidak ada yang diubah" in out or "tidak boleh dipakai" in out)
    assert tree_digest(project / "datasets") == before


def test_a_failed_package_write_removes_the_new_files(project, monkeypatch):
    before = tree_digest(project / "datasets")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied", "datapackage.json")

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    code, out = run(project, "pasar", "--tingkat", "desa")
    assert code == 2 and "Tidak ada yang diubah" in out
    assert tree_digest(project / "datasets") == before
