"""What area pages show, read from the model without Pelican: headline figures, rankings."""

from __future__ import annotations

from monografi.model.areas import build_model
from monografi.model.indicators import build_indicators
from monografi.site import views
from monografi.validation.catalog import load_catalog
from tests.helpers import append_line

SCHOOLS = ("32.15.05,2024/2025,SD,3,1,900,40,S7,\n32.15.05,2024/2025,SMP,2,4,800,50,S7,\n"
           "32.15.05,2024/2025,SMA,1,5,700,60,S7,\n32.15.05,2023/2024,SD,9,9,9,9,S7,")


def _model(project):
    catalog, _ = load_catalog(project / "datasets")
    return build_model(catalog)


def _card(model, code, title):
    return next(f for f in views.key_figures(model, model.areas[code]) if f["title"] == title)


def test_headline_adds_up_the_categories_of_the_latest_period(project):
    """Once schools per level exist, the card shows the total, never one level's row."""
    append_line(project, "sekolah_kecamatan", SCHOOLS)
    model = _model(project)
    card = _card(model, "32.15.05", "Sekolah negeri (semua jenjang)")
    assert (card["value"], card["period"]) == ("6", "2024/2025")
    assert _card(model, "32.15.05", "Sekolah swasta (semua jenjang)")["value"] == "10"


def test_undeclared_headline_of_a_table_with_categories_is_not_guessed(project):
    append_line(project, "sekolah_kecamatan", SCHOOLS)
    model = _model(project)
    model.datasets["sekolah_kecamatan"].spec.hints.pop("angka_utama")
    titles = {f["dataset"] for f in views.key_figures(model, model.areas["32.15.05"])}
    assert "Sekolah" not in " ".join(titles)


def test_ranking_needs_three_areas_of_one_source_and_period(project):
    model = _model(project)
    ranks = views.ranks(build_indicators(model), model.areas["32.15.01"])
    few = [r for r in ranks if r["of"] < views.MIN_RANKED]
    many = [r for r in ranks if r["of"] >= views.MIN_RANKED]
    assert few and many
    assert all(r["rank"] is None for r in few) and all(r["rank"] for r in many)
