"""Portals spanning several kabupaten or provinces, and the sharded build (monografi.publishing.parts).

The packages are SYNTHETIC (bench/generate.py: real area names and codes, random figures): two
provinces with three small cities (17 kecamatan, 90 kelurahan/desa), and one province with two.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO, SHARDED_REGENCIES, tree_digest

from monografi.commands import main
from monografi.exports.dcat import spatial_label
from monografi.model.areas import PORTAL_LEVEL, SHARED_PART, build_model
from monografi.model.context import build_context
from monografi.publishing.parts import SUMMARY_FILE, MergeError, merge
from monografi.site.views.area import Fact, area_view, identity
from monografi.site.views.indicator import ranking_table
from monografi.site.views.ranks import child_ranks, ranks
from monografi.validation.check import validate_datasets

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402

ONE_PROVINCE = ["32.74", "32.79"]


def _package(target: Path, regencies: list[str]) -> Path:
    return generate("nasional", target, limit=None, only=regencies)


def _model(project: Path):
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    return build_model(catalog)


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Path:
    return _package(tmp_path_factory.mktemp("nasional"), SHARDED_REGENCIES)


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Path:
    return _package(tmp_path_factory.mktemp("provinsi"), ONE_PROVINCE)


def test_several_provinces_get_a_portal_front_page_leading_to_each(national):
    model = _model(national)
    home = model.home
    assert home.level == PORTAL_LEVEL and home.home and home.code == ""
    assert [a.name for a in home.children] == ["Jawa Barat", "Banten"]
    assert all(not a.home for a in model.areas.values())
    assert model.pages()[0] is home and len(model.pages()) == len(model.areas) + 1
    view = area_view(model, {}, home, [])
    assert [g.area.name for g in view.grid.areas] == ["Jawa Barat", "Banten"]
    assert Fact("Kode Kemendagri", "") not in view.identity
    kecamatan = model.level("kecamatan")[0]
    assert [a.label for a in model.trail(kecamatan)][0] == home.label  # breadcrumbs start at home


def test_one_province_is_the_home_page_and_kabupaten_get_their_own_pages(province):
    model = _model(province)
    assert model.home.level == "provinsi" and model.home.name == "Jawa Barat"
    assert [a.code for a in model.home.children] == ["32.74", "32.79"]
    from monografi import urls
    assert urls.area_path(model.home) == urls.HOME
    assert urls.area_path(model.areas["32.74"]) == "kabupaten/32-74/index.html"
    assert [f.label for f in identity(model.home)].count("Provinsi") == 0
    assert Fact("Wilayah induk", "Provinsi Jawa Barat") in identity(model.areas["32.74"])
    assert spatial_label(model) == "Provinsi Jawa Barat, Indonesia"


def test_parts_are_the_areas_below_the_front_page(national, province):
    model = _model(national)
    assert model.parts() == [SHARED_PART, "32", "36"]
    desa = model.level("desa")[0]
    assert model.part_of(desa.code) == desa.code[:2]
    assert model.part_of("") == SHARED_PART and model.part_of("indikator") == SHARED_PART
    assert _model(province).parts() == [SHARED_PART, "32.74", "32.79"]


def test_karawang_parts_are_its_kecamatan():
    catalog, _ = validate_datasets(REPO / "datasets")
    model = build_model(catalog)
    assert model.home.code == "32.15" and model.part_of("32.15") == SHARED_PART
    assert len(model.parts()) == 31 and model.part_of("32.15.01.1001") == "32.15.01"


def test_kecamatan_ranked_across_the_portal_and_within_their_kabupaten(province):
    model = _model(province)
    context = build_context(model, province)
    indicator = next(i for i in context.indicators if i.id == "penduduk_kecamatan-jumlah")
    ranking = indicator.latest()[0]
    assert len(ranking.entries) == len(model.level("kecamatan"))
    for kabupaten in model.home.children:
        inner = ranking.within(kabupaten)
        assert {e.area.parent.code for e in inner.entries} == {kabupaten.code}
        assert [e.rank for e in inner.entries] == list(range(1, len(inner.entries) + 1))
        values = [e.value for e in inner.entries]
        assert values == sorted(values, reverse=True)
    kecamatan = ranking.entries[-1].area
    place = next(r for r in ranks(context.indicators, kecamatan) if r.url.endswith(f"{indicator.id}/"))
    assert place.place.rank == len(ranking.entries)
    assert place.within.rank == len(kecamatan.parent.children)
    table = ranking_table(indicator, ranking)
    assert [c.text for c in table.columns][:4] == ["Peringkat", "Kecamatan", "Kabupaten/kota",
                                                   "Peringkat di kabupaten/kota"]
    highest = child_ranks(context.indicators, kecamatan.parent)
    top = next(r for r in highest if r.url.endswith(f"{indicator.id}/"))
    assert top.of == len(kecamatan.parent.children)
    assert child_ranks(context.indicators, model.home) == []  # the home has the rankings


def test_a_kabupaten_portal_shows_no_within_kabupaten_rank():
    catalog, _ = validate_datasets(REPO / "datasets")
    model = build_model(catalog)
    context = build_context(model, REPO)
    kecamatan = model.areas["32.15.01"]
    assert all(r.within is None for r in ranks(context.indicators, kecamatan))
    assert child_ranks(context.indicators, model.home) == []


def test_parts_and_merge_give_the_single_build_byte_for_byte(sharded_portal):
    single = tree_digest(sharded_portal["single"])
    written = {p: set(tree_digest(f)) for p, f in sharded_portal["parts"].items()}
    assert not any(path.startswith("desa/36") for path in written["32"] | written[SHARED_PART])
    assert any(path.startswith("desa/36") for path in written["36"])
    assert "sitemap.xml" not in written[SHARED_PART] and "unduh/desa.csv" not in written["32"]
    merged = tree_digest(sharded_portal["merged"])
    assert SUMMARY_FILE not in merged
    assert merged.keys() == single.keys()
    assert [p for p in single if single[p] != merged[p]] == []
    cover = merged["kabupaten/32-74/index.html"].decode()
    assert "Kota Cirebon · Provinsi Jawa Barat</p>" in cover  # the province named once
    assert "Banten" in merged["index.html"].decode() and "Jawa Barat" in merged["index.html"].decode()


def test_merge_refuses_incomplete_repeated_damaged_or_mixed_parts(sharded_portal, tmp_path):
    """Each refusal names the problem and leaves the merged site as it was."""
    project = sharded_portal["project"]
    folders = [shutil.copytree(f, tmp_path / name, symlinks=False)
               for name, f in sharded_portal["parts"].items()]
    merge(project, folders, tmp_path / "gabung")
    merged = tree_digest(tmp_path / "gabung")
    with pytest.raises(MergeError) as missing:
        merge(project, folders[:2], tmp_path / "gabung")
    assert missing.value.key == "merge_missing" and missing.value.values["parts"] == "32"
    with pytest.raises(MergeError) as twice:
        merge(project, [*folders, folders[0]], tmp_path / "gabung")
    assert twice.value.key == "merge_part_twice"
    page = next(folders[2].glob("kecamatan/*/index.html"))
    original = page.read_bytes()
    page.write_bytes(original + b"<!-- diubah -->")
    with pytest.raises(MergeError) as damaged:
        merge(project, folders, tmp_path / "gabung")
    assert damaged.value.key == "merge_damaged"
    page.write_bytes(original)
    outside = tmp_path / "rahasia.txt"  # a summary naming a file outside its part, or a link
    outside.write_text("bukan untuk situs", encoding="utf-8")
    digest = hashlib.sha256(outside.read_bytes()).hexdigest()
    (folders[2] / "tautan.txt").symlink_to(outside)
    for path in ("../rahasia.txt", "tautan.txt"):
        summary = json.loads((folders[2] / SUMMARY_FILE).read_text(encoding="utf-8"))
        (folders[2] / SUMMARY_FILE).write_text(json.dumps(
            {**summary, "berkas": {**summary["berkas"], path: digest}}), encoding="utf-8")
        with pytest.raises(MergeError) as escaped:
            merge(project, folders, tmp_path / "gabung")
        assert (escaped.value.key, escaped.value.values["path"]) == ("merge_damaged", path)
        (folders[2] / SUMMARY_FILE).write_text(json.dumps(summary), encoding="utf-8")
    (folders[2] / "tautan.txt").unlink()
    summary = json.loads((folders[1] / SUMMARY_FILE).read_text(encoding="utf-8"))
    summary["masukan"] = "0" * 64
    (folders[1] / SUMMARY_FILE).write_text(json.dumps(summary), encoding="utf-8")
    with pytest.raises(MergeError) as other:
        merge(project, folders, tmp_path / "gabung")
    assert other.value.key == "merge_other_inputs"
    assert tree_digest(tmp_path / "gabung") == merged


def test_unknown_part_is_refused_with_the_parts_named(national, tmp_path, capsys):
    code = main(["--proyek", str(national), "--output", str(tmp_path / "x"), "--quiet",
                 "--bagian", "99"])
    assert code == 2
    error = capsys.readouterr().err
    assert "Bagian '99' tidak ada" in error and "umum, 32, 36" in error
    assert not (tmp_path / "x").exists()


def test_parts_command_prints_the_parts_as_json(national, capsys):
    assert main(["--proyek", str(national), "bagian"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == [SHARED_PART, "32", "36"]


def test_merge_of_a_folder_that_is_no_part_is_refused(national, tmp_path, capsys):
    (tmp_path / "kosong").mkdir()
    code = main(["--proyek", str(national), "--output", str(tmp_path / "y"), "gabung",
                 str(tmp_path / "kosong")])
    assert code == 2
    assert "bukan hasil `build --bagian`" in capsys.readouterr().err
    assert not (tmp_path / "y").exists()


def test_parts_built_from_one_project_each_stay_a_no_op(sharded_portal):
    """Each output keeps its own manifest: rebuilding the first part after the others changed
    nothing is a no-op, not a cold build over a manifest another part overwrote."""
    from monografi.publishing.noop import unchanged_build

    for part, folder in sharded_portal["parts"].items():
        result = unchanged_build(sharded_portal["project"], folder, part)
        assert result is not None and result.noop, part
    assert unchanged_build(sharded_portal["project"], sharded_portal["parts"]["36"], "32") is None


def test_a_kabupaten_outside_its_province_code_is_refused(tmp_path):
    project = _package(tmp_path / "p", ONE_PROVINCE)
    path = project / "datasets" / "kabupaten.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("32.79,") and lines[2].endswith(",32")
    lines[2] = lines[2].removesuffix(",32") + ",36"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    provinces = project / "datasets" / "provinsi.csv"
    provinces.write_text(provinces.read_text(encoding="utf-8") + "36,Banten\n", encoding="utf-8")
    _, report = validate_datasets(project / "datasets")
    problem = next(p for p in report.errors if p.rule.id == "kode_induk")
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "kabupaten.csv", 3, "kode_kabupaten", "32.79")
