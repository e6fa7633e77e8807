"""A quote mark opened in a CSV cell and never closed is reported once, at the line it opens on
— not as the hundreds of errors the rest of the file, read as one cell, used to produce.

Hypothesis writes a table of plain cells (before the broken line also cells that need quoting:
commas, escaped "" quotes, line breaks inside a note, so well-quoted cells are not mistaken for
the open one), opens a quote at a random cell of a random line, and pads the file past csv's
cell-size limit in some cases (where csv stops with "field larger than field limit").
"""

from __future__ import annotations

import contextlib
import csv
import io
import json

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.validation import dialect
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO, copy_project

PLAIN = st.text(st.characters(categories=("L", "N"), include_characters=" .-/()"), max_size=12)
QUOTED = st.text(st.characters(categories=("L", "N"), include_characters=' ,"\n'), max_size=12)
SPEC = next(s for s in load_catalog(REPO / "datasets")[0].resources if s.name == "sumber")
WIDTH = len(SPEC.fields)


@st.composite
def broken_table(draw):
    """(file bytes, line of the open quote)."""
    before = draw(st.lists(st.lists(QUOTED, min_size=WIDTH, max_size=WIDTH), max_size=6))
    after = draw(st.lists(st.lists(PLAIN, min_size=WIDTH, max_size=WIDTH), max_size=6))
    if draw(st.booleans()):
        after += [["x" * 40] * WIDTH] * (csv.field_size_limit() // (41 * WIDTH) + 1)
    broken = draw(st.lists(PLAIN, min_size=WIDTH, max_size=WIDTH))
    at = draw(st.integers(0, WIDTH - 1))
    broken[at] = '"' + broken[at]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerows([[f["name"] for f in SPEC.fields], *before])
    line = buffer.getvalue().count(buffer.getvalue()[-1]) + 1  # rows may span lines
    text = buffer.getvalue() + ",".join(broken) + writer.dialect.lineterminator
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=writer.dialect.lineterminator).writerows(after)
    return (text + buffer.getvalue()).encode("utf-8"), line


@settings(max_examples=200, deadline=None, derandomize=True)
@given(broken_table())
def test_an_open_quote_is_one_problem_at_its_line(case):
    data, line = case
    table = dialect.read_data(SPEC, data)
    assert [(p.rule.id, p.row) for p in table.problems] == [("kutip_terbuka", line)]
    assert f"baris {line}" in table.problems[0].texts("id")[0]


@given(st.lists(st.lists(QUOTED, min_size=WIDTH, max_size=WIDTH), max_size=8))
def test_well_quoted_cells_are_not_an_open_quote(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[f["name"] for f in SPEC.fields], *rows])
    table = dialect.read_data(SPEC, buffer.getvalue().encode("utf-8"))
    assert "kutip_terbuka" not in {p.rule.id for p in table.problems}


@settings(max_examples=4, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(2, 1500), st.booleans())
def test_check_names_the_quote_once(tmp_path_factory, line, long):
    """End to end: `check` on the real project with a quote opened at any line of a table (short,
    or past csv's cell-size limit) reports that file once, at that line — no row, foreign-key or
    completeness errors that follow from it."""
    project = copy_project(tmp_path_factory.mktemp("kutip") / "proyek")
    path = project / "datasets" / "penduduk_desa.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines += lines[1:] * (250 if long else 0)  # past csv's cell-size limit once the quote opens
    line = min(line, len(lines))
    lines[line - 1] = lines[line - 1].replace(",", ',"', 1)
    path.write_text("".join(lines), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--proyek", str(project), "check", "--format", "json"])
    found = [p for p in json.loads(out.getvalue())["masalah"] if p["tingkat"] == "error"]
    assert code == 1 and [(p["berkas"], p["aturan"], p["baris"]) for p in found] == [
        ("penduduk_desa.csv", "kutip_terbuka", line)], found
