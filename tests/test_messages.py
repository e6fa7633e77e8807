"""Rules as objects next to their checks, the interface words, and no text built outside them."""

import ast
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monografi import messages
from monografi.messages import STAGE_NAMES, Message
from monografi.publishing.pipeline import BuildResult
from monografi.validation.report import Problem, Report
from monografi.validation.rules import Kind, Rule
from tests.catalogue import PACKAGE, RULE_PACKAGES, all_rules, definitions, staff_facing_sources
from tests.textscan import ARGPARSE_CALLS, ARGPARSE_TEXT, scan

RULES = all_rules()
MAX_LINES = 400


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def defects(rule: Rule) -> list[str]:
    """What a rule lacks: a text or fix in either language, or the same placeholders in both."""
    message = rule.message
    found = [f"{rule.id}: no {name}" for name in ("id_text", "en_text", "id_fix", "en_fix")
             if not getattr(message, name).strip()]
    if fields(message.id_text) != fields(message.en_text):
        found.append(f"{rule.id}: message placeholders differ")
    if fields(message.id_fix) != fields(message.en_fix):
        found.append(f"{rule.id}: fix placeholders differ")
    if not isinstance(rule.kind, Kind) or rule.severity not in ("error", "warning"):
        found.append(f"{rule.id}: no kind or severity")
    return found


def test_every_rule_says_what_is_wrong_and_how_to_fix_it_in_both_languages():
    assert len(RULES) >= 90
    assert [d for rule in RULES.values() for d in defects(rule)] == []


def test_a_rule_missing_a_text_or_placeholder_is_caught():
    whole = Message("Nilai {value!r} salah ({batas}).", "Value {value!r} is wrong ({batas}).",
                    "Tulis {batas}.", "Write {batas}.")
    assert defects(Rule("uji", Kind.DATA, whole)) == []
    no_english_fix = Rule("uji", Kind.DATA, Message(whole.id_text, whole.en_text, whole.id_fix, " "))
    one_sided = Rule("uji", Kind.DATA, Message(whole.id_text, "Value is wrong.", whole.id_fix,
                                               whole.en_fix))
    assert defects(no_english_fix) == ["uji: no en_fix", "uji: fix placeholders differ"]
    assert defects(one_sided) == ["uji: message placeholders differ"]


def test_each_rule_is_defined_once_in_the_module_of_its_check():
    written = definitions()
    ids = [rule_id for _, rule_id in written]
    assert sorted(ids) == sorted(RULES) and len(set(ids)) == len(ids)
    assert {module.split(".")[1] for module, _ in written} <= set(RULE_PACKAGES)
    assert "monografi.messages" not in {module for module, _ in written}


def test_a_problem_points_at_its_rule_never_at_a_name():
    with pytest.raises(TypeError):
        Problem("x.csv", "tipe")
    named = [f"{path.relative_to(PACKAGE)}:{node.lineno}" for path in PACKAGE.rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem"
             and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)]
    assert named == []


def test_the_exit_code_follows_the_kind_of_the_worst_broken_rule():
    def rule(kind: Kind, severity: str = "error") -> Rule:
        return Rule(kind.label, kind, Message("x", "x", "y", "y"), severity)

    def code(*rules: Rule) -> int:
        return Report([Problem("x.csv", r) for r in rules]).exit_code

    assert code() == 0 and code(rule(Kind.CONFIGURATION, "warning")) == 0
    assert code(rule(Kind.DATA)) == 1
    assert code(rule(Kind.DATA), rule(Kind.CONFIGURATION)) == 2
    assert code(rule(Kind.USAGE)) == 2 and code(rule(Kind.DATA), rule(Kind.BUG)) == 3
    assert RULES["metadata"].kind is Kind.CONFIGURATION and RULES["bukan_xlsx"].kind is Kind.USAGE
    assert RULES["tipe"].kind is Kind.DATA and RULES["perubahan_besar"].severity == "warning"


def test_details_are_put_into_words_in_the_reader_s_language():
    """A detail is data (a type, a share, a suggestion); the rule words it per language."""
    bad_number = Problem("a.csv", RULES["tipe"], 2, "jumlah", "1.234", {"type": "integer", "ribuan": "1234"})
    indonesian, english = bad_number.texts("id")[0], bad_number.texts("en")[0]
    assert "bilangan bulat" in indonesian and "bila maksudnya 1234" in indonesian
    assert "whole number" in english and "if you mean 1234" in english
    code = Problem("a.csv", RULES["kode_tidak_dikenal"], 2, "kode_kecamatan", "32.15.5",
                   {"batas": "kecamatan", "mirip": "32.15.05", "nama_mirip": "Klari"})
    assert code.texts("id")[1].endswith("maksud Anda '32.15.05' (Klari)?.")
    assert code.texts("en")[1].endswith("did you mean '32.15.05' (Klari)?.")
    repaired = Problem("b.geojson", RULES["peta_diperbaiki"], 3, "code", "32.15.05",
                       {"nama": "Klari", "perubahan": 0.0012, "batas": "Self-intersection"})
    assert "0,12 %" in repaired.texts("id")[0] and "0.12 %" in repaired.texts("en")[0]
    separated = Problem("c.csv", RULES["pemisah_kolom"], 1, None, "a;b", {"batas": ";", "dinyatakan": ","})
    assert "titik koma (;)" in separated.texts("id")[0] and "semicolon (;)" in separated.texts("en")[0]
    for problem in (bad_number, code, repaired, separated):
        assert "maksud" not in " ".join(problem.texts("en")) and "koma" not in " ".join(problem.texts("en"))


def test_no_user_facing_text_is_built_outside_the_catalogue():
    """Indonesian words that reach a Problem, print(), ui() or a raised error come from a
    Message or a Rule, so --lang en can say them in English."""
    assert scan(staff_facing_sources()) == []


PLANTED = {
    "monografi.validation.bad": '''
from ..messages import Message
from .report import Problem
from .wording import reason
RULE = Rule("contoh", Kind.DATA, Message("Nilai {value!r} salah.", "Wrong.", "Tulis.", "Write."))
LABELS = {",": "koma (,)", ";": "ok"}

def _show(char):
    return LABELS.get(char, repr(char))

def check(path, geometry, found):
    """Ada yang tidak sah: a docstring is no message."""
    why = "kosong" if geometry.is_empty else geometry.kind
    details = {"batas": f"{geometry.kind}: {why}", "tidak_dihitung": 1}
    details.update(persen="tak terhingga")
    if found == "tidak ada":  # a condition is no text
        return [Problem(path, RULE, details={"pemisah": _show(found)})]
    print(f"Berkas {path} rusak")
    problems = [Problem(path, RULE, value=reason(found), details=details)]
    add(RULE, "key", geometry, batas="di luar batas")
    raise ValueError("nilai tidak sah")
''',
    "monografi.validation.wording": '''
def reason(found):
    parts = [f"pemisah ribuan {found!r}"]
    parts.append("tanpa desimal")
    return ", ".join(parts)
''',
}


def test_the_text_scan_catches_planted_violations():
    found = {line.split(": ", 1)[1] for line in scan(PLANTED)}
    assert found == {repr(text) for text in (
        "koma (,)", "kosong", "tak terhingga", "Berkas ", " rusak", "pemisah ribuan ",
        "tanpa desimal", "di luar batas", "nilai tidak sah")}


# How a command's help text can be built, and whether the words stay in the catalogue.
HELP_BUILDERS = {
    "literal": ('', '"{text}"', False), "f-string": ('', 'f"{text} {{lang}}"', False),
    "joined": ('', '"{text} " + lang', False), "constant": ('TEXT = "{text}"\n', 'TEXT', False),
    "local": ('', 'words', False), "function": ('def _words():\n    return "{text}"\n', '_words()', False),
    "catalogue": ('', 'Message("{text}", "in English").text(lang)', True),
}
INDONESIAN_WORDS = st.sampled_from(("tidak", "berkas", "untuk", "kolom", "impor", "dengan", "baris"))
ENGLISH_WORDS = st.sampled_from(("write", "the", "form", "output", "folder", "quiet", "number"))


@settings(max_examples=60, deadline=None)
@given(call=st.sampled_from(sorted(ARGPARSE_CALLS)),
       keyword=st.sampled_from([*sorted(ARGPARSE_TEXT), "default"]),
       builder=st.sampled_from(sorted(HELP_BUILDERS)), indonesian=st.booleans(), data=st.data())
def test_the_text_scan_catches_help_text_outside_the_catalogue(call, keyword, builder, indonesian, data):
    """argparse shows help, description, epilog, usage, title and metavar to staff: Indonesian
    words there outside a Message ignore --lang en, however the text is built; English words,
    a Message, and a keyword argparse does not show are never reported."""
    words = data.draw(st.lists(ENGLISH_WORDS, min_size=1, max_size=3))
    if indonesian:
        words.insert(data.draw(st.integers(0, len(words))), data.draw(INDONESIAN_WORDS))
    text = " ".join(words)
    header, expression, catalogued = (part.format(text=text) if isinstance(part, str) else part
                                      for part in HELP_BUILDERS[builder])
    receiver = "argparse." if call == "ArgumentParser" else "" if call == "Parser" else "parser."
    source = (f"import argparse\nfrom ..messages import Message\n{header}\n"
              f"def arguments(parser, lang):\n    words = \"{text}\"\n"
              f"    {receiver}{call}(\"--x\", {keyword}={expression})\n")
    found = scan({"monografi.commands.planted": source})
    assert bool(found) == (indonesian and keyword in ARGPARSE_TEXT and not catalogued), (source, found)


def test_every_entry_of_the_interface_tables_is_a_message_in_both_languages():
    tables = {name: table for name, table in vars(messages).items()
              if isinstance(table, dict) and table and name.isupper()}
    assert set(tables) == {"UI", "STAGE_NAMES"}
    for name, table in tables.items():
        for key, message in table.items():
            assert isinstance(message, Message), (name, key)
            assert message.id_text and message.en_text, (name, key)
            assert fields(message.id_text) == fields(message.en_text), (name, key)
    assert STAGE_NAMES["validasi"].text("en") == "validation"


@pytest.mark.parametrize("module", ["messages.py", *(f"{p}/" for p in RULE_PACKAGES)])
def test_the_catalogue_modules_stay_short(module):
    paths = [PACKAGE / module] if module.endswith(".py") else sorted((PACKAGE / module).glob("*.py"))
    long = {str(p.relative_to(PACKAGE)): n for p in paths
            if (n := len(Path(p).read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


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
