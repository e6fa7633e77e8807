"""The message catalogue: one typed table, every entry in both languages, used everywhere."""

import string

import pytest

from monografi import messages
from monografi.messages import RULES, UI, Message
from monografi.publishing.pipeline import BuildResult
from monografi.validation.report import Report


def fields(text: str) -> set[str]:
    """Placeholders of a text, with the English variants (tipe_en) named like the Indonesian."""
    return {name.removesuffix("_en") for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_says_what_is_wrong_and_how_to_fix_it_in_both_languages(rule):
    message = RULES[rule]
    assert all((message.id_text, message.en_text, message.id_fix, message.en_fix)), rule
    assert fields(message.id_text) == fields(message.en_text)
    assert fields(message.id_fix) == fields(message.en_fix)


def test_every_entry_of_every_table_is_a_message_in_both_languages():
    tables = {name: table for name, table in vars(messages).items()
              if isinstance(table, dict) and table and name.isupper()}
    assert {"RULES", "UI", "STAGE_NAMES", "JSON_KIND_NAMES", "RULE_WORDS"} <= set(tables)
    for name, table in tables.items():
        if name == "TYPE_NAMES":
            continue
        for key, message in table.items():
            assert isinstance(message, Message), (name, key)
            assert message.id_text and message.en_text, (name, key)
    assert all(fields(m.id_text) == fields(m.en_text) for m in UI.values())


def test_the_build_summary_and_notes_speak_the_requested_language():
    result = BuildResult(Report(), timings={"validasi": 0.25, "grafik": 1.5},
                         charts={"drawn": 3, "reused": 4}, page_counts={"written": 5, "reused": 6},
                         reused_stages=["ekspor"],
                         notes=[("note_no_boundaries", {}), ("note_site_changed", {"n": 2, "first": "a"})])
    english, indonesian = result.summary("en"), result.summary()
    assert "Charts: 3 drawn, 4 from the cache. Pages: 5 written, 6 reused; reused whole: exports." in english
    assert "Maps skipped" in english and "(2 files, e.g. a); rebuilt" in english
    assert "validation 0.25 s · charts 1.50 s" in english
    for word in ("Grafik", "Halaman", "Peta", "dibangun", "validasi", "ekspor"):
        assert word not in english
    assert "Grafik: 3 digambar" in indonesian and "Peta dilewati" in indonesian
    noop = BuildResult(Report(), timings={"periksa perubahan": 0.1}, noop=True)
    assert noop.summary("en").startswith("Nothing changed") and "change check" in noop.summary("en")
