"""What area pages show, read from the model without Pelican: headline figures, rankings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from monografi.model import headlines
from monografi.model.areas import build_model
from monografi.model.headlines import HeadlineValue, is_approximate
from monografi.model.indicators import MIN_RANKED, build_indicators
from monografi.site.views.area import figure_text, key_figure_views
from monografi.site.views.ranks import ranks
from monografi.validation.catalog import load_catalog
from tests.helpers import append_line

SCHOOLS = ("32.15.05,2024/2025,SD,3,1,900,40,S7,\n32.15.05,2024/2025,SMP,2,4,800,50,S7,\n"
           "32.15.05,2024/2025,SMA,1,5,700,60,S7,\n32.15.05,2023/2024,SD,9,9,9,9,S7,")


def _model(project):
    catalog, _ = load_catalog(project / "datasets")
    return build_model(catalog)


def _card(model, code, title):
    return next(f for f in key_figure_views(model, model.areas[code]) if f.title == title)


def test_headline_adds_up_the_categories_of_the_latest_period(project):
    """Once schools per level exist, the card shows the total, never one level's row."""
    append_line(project, "sekolah_kecamatan", SCHOOLS)
    model = _model(project)
    card = _card(model, "32.15.05", "Sekolah negeri (semua jenjang)")
    assert (card.value, card.period) == ("6", "2024/2025")
    assert _card(model, "32.15.05", "Sekolah swasta (semua jenjang)").value == "10"


def test_the_model_chooses_headline_figures_as_numbers_and_the_site_writes_them(project):
    """The selection (which row, which sum) is the model's and returns numbers, not text."""
    append_line(project, "sekolah_kecamatan", SCHOOLS)
    model = _model(project)
    figures = {k.headline.title: k.figure for k in headlines.key_figures(model, model.areas["32.15.05"])}
    assert figures["Sekolah negeri (semua jenjang)"] == HeadlineValue(6, False, "2024/2025", "S7")
    assert figure_text(HeadlineValue(101000, True, "2020", "S1")) == "± 101.000"
    assert figure_text(HeadlineValue(1234.5, False, None, None)) == "1.234,5"


def test_undeclared_headline_of_a_table_with_categories_is_not_guessed(project):
    append_line(project, "sekolah_kecamatan", SCHOOLS)
    model = _model(project)
    model.datasets["sekolah_kecamatan"].spec.hints.pop("angka_utama")
    titles = {k.dataset.title for k in headlines.key_figures(model, model.areas["32.15.05"])}
    assert "Sekolah" not in " ".join(titles)


ESTIMATE_WORDS = st.sampled_from(["sekitar", "perkiraan", "kira-kira", "taksiran"])
OTHER_WORDS = st.lists(st.from_regex(r"[a-z0-9,.()]{1,10}", fullmatch=True).filter(
    lambda w: not is_approximate({"catatan": w})), max_size=5)


@given(before=OTHER_WORDS, word=ESTIMATE_WORDS, after=OTHER_WORDS,
       case=st.sampled_from([str.lower, str.upper, str.title]))
def test_a_note_that_calls_the_figure_an_estimate_marks_it_approximate(before, word, after, case):
    """Any spelling of 'sekitar …' in the note, in any case and place, makes the figure '± …'."""
    assert is_approximate({"catatan": " ".join([*before, case(word), *after])})


@given(word=ESTIMATE_WORDS, suffix=st.from_regex(r"[a-z]{1,6}", fullmatch=True))
def test_a_word_that_only_contains_an_estimate_word_does_not(word, suffix):
    """'sekitarnya' (the surroundings) is not an estimate; a missing note is none either."""
    assert not is_approximate({"catatan": f"wilayah {word}{suffix}"})
    assert not is_approximate({"catatan": None}) and not is_approximate({})


def test_ranking_needs_three_areas_of_one_source_and_period(project):
    model = _model(project)
    places = [r.place for r in ranks(build_indicators(model), model.areas["32.15.01"])]
    few = [p for p in places if p.of < MIN_RANKED]
    many = [p for p in places if p.of >= MIN_RANKED]
    assert few and many
    assert all(p.rank is None for p in few) and all(p.rank for p in many)
