"""A declared missing-value marker ("-", "NA", …) means "no value" everywhere: never refused as
not a number, never taken for one, the same as an empty cell (issue 21).

Hypothesis declares markers in the schema's `missingValues` and writes them into the optional
number cells of a real table; `check` then finds exactly what it finds for the same cells left
empty, and the model reads None there.
"""

from __future__ import annotations

import json
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.model.areas import build_model
from monografi.validation.check import validate_datasets
from tests.conftest import copy_project

TABLE = "penduduk_kecamatan"
OPTIONAL = ("laki_laki", "perempuan")  # integer, not required
MARKER = st.sampled_from(["-", "NA", "n/a", "—", "x", "..", "tidak ada", "?"])


def _rewrite(project, markers, cells, fill):
    schema_path = project / "datasets" / "schemas" / f"{TABLE}.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["missingValues"] = ["", *markers]
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    path = project / "datasets" / f"{TABLE}.csv"
    lines = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]
    header = lines[0]
    for (row, column), marker in zip(cells, fill, strict=True):
        lines[1 + row % (len(lines) - 1)][header.index(column)] = marker
    path.write_text("\n".join(",".join(line) for line in lines) + "\n", encoding="utf-8")


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(markers=st.lists(MARKER, min_size=1, max_size=3, unique=True),
       cells=st.lists(st.tuples(st.integers(0, 500), st.sampled_from(OPTIONAL)), min_size=1,
                      max_size=5, unique=True), data=st.data())
def test_a_declared_marker_is_an_empty_cell(tmp_path_factory, markers, cells, data):
    root = tmp_path_factory.mktemp("penanda")
    marked, empty = copy_project(root / "a"), copy_project(root / "b")
    fill = [data.draw(st.sampled_from(markers)) for _ in cells]
    _rewrite(marked, markers, cells, fill)
    _rewrite(empty, markers, cells, [""] * len(cells))
    catalog, report = validate_datasets(marked / "datasets")
    _, expected = validate_datasets(empty / "datasets")
    assert [(p.rule.id, p.row, p.column) for p in report.problems] == \
        [(p.rule.id, p.row, p.column) for p in expected.problems]
    assert report.ok, report.format_text()
    rows = catalog.tables[TABLE][1]
    assert not any(cell in markers for row in rows for cell in row)
    build_model(catalog)  # the model takes the blanked cells as missing
    shutil.rmtree(root, ignore_errors=True)
