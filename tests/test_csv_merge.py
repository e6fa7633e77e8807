"""One merge for every upload path (issue 21): a CSV uploaded to the inbox is merged three-way
like a form, so a stale upload never reverts a colleague's newer correction.

Two staff edit the same table: a colleague commits corrections to datasets/, while the other
uploads a copy of the table as it was before, with their own edits. Hypothesis draws which
cells each one edits and the values (disjoint and overlapping edits, rows deleted too), and the
order of a form and a CSV for the same table in one upload. No update is ever lost: either every
edit lands (the colleague's where only they changed a cell, the upload's where only it did), or
the inbox refuses naming the cells both changed, and nothing is written.
"""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.test_kotak_masuk import DUKCAPIL, KLARI, fill_form, git, repo, run

__all__ = ["repo"]

TABLE = f"datasets/{DUKCAPIL}.csv"
COLUMNS = ("jumlah", "kepadatan_dilaporkan")
ROWS = 7  # data rows of the table
CELLS = st.tuples(st.integers(0, ROWS - 1), st.sampled_from(COLUMNS))
EDITS = st.dictionaries(CELLS, st.integers(1000, 999_999), max_size=5)
SETTINGS = settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.reuse,
                                                             Phase.generate],
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _read(text: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def _write(header, rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


def _edited(text: str, edits: dict) -> str:
    header, rows = _read(text)
    for (row, column), value in edits.items():
        rows[row][header.index(column)] = str(value)
    return _write(header, rows)


def _fresh(repo) -> str:
    first = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    git(repo, "reset", "--quiet", "--hard", first)
    git(repo, "clean", "--quiet", "-fdx", "kotak-masuk", "datasets")
    return (repo / TABLE).read_text(encoding="utf-8")


def _colleague(repo, text: str, edits: dict) -> None:
    (repo / TABLE).write_text(_edited(text, edits), encoding="utf-8")
    git(repo, "commit", "--quiet", "--allow-empty", "-am", "Koreksi rekan")


def _expected(text: str, *edit_sets: dict) -> list[list[str]]:
    merged = text
    for edits in edit_sets:
        merged = _edited(merged, edits)
    return _read(merged)[1]


def _cell(table_rows, row, column, header) -> str:
    return table_rows[row][header.index(column)]


@SETTINGS
@given(mine=EDITS, theirs=EDITS)
def test_a_stale_csv_upload_never_reverts_a_colleague_s_correction(repo, mine, theirs):
    original = _fresh(repo)
    header, _ = _read(original)
    _colleague(repo, original, theirs)
    after_colleague = (repo / TABLE).read_bytes()
    (repo / "kotak-masuk" / f"{DUKCAPIL}.csv").write_text(_edited(original, mine),
                                                           encoding="utf-8")
    code, out, err = run(repo, "--format", "github")
    both = {cell for cell in mine.keys() & theirs.keys() if mine[cell] != theirs[cell]}
    if both:
        assert code == 1, out + err
        assert (repo / TABLE).read_bytes() == after_colleague  # nothing written
        named = [line for line in out.splitlines() if "konflik_csv" in line]
        assert {(int(line.split("line=")[1].split(",")[0]) - 2,
                 next(c for c in COLUMNS if f"{c})" in line)) for line in named} == both
        return
    if code == 1:  # only when the upload cannot be told from an old copy (see csv_merge)
        assert "nilai_lama_csv" in out and (repo / TABLE).read_bytes() == after_colleague
        return
    assert code == 0, out + err
    _, now = _read((repo / TABLE).read_text(encoding="utf-8"))
    assert now == _expected(original, theirs, mine)  # every edit of both, none lost
    for (row, column), value in theirs.items():
        if (row, column) not in mine:
            assert _cell(now, row, column, header) == str(value)


@SETTINGS
@given(deleted=st.sets(st.integers(0, ROWS - 1), min_size=1, max_size=3), theirs=EDITS)
def test_rows_deleted_in_a_stale_upload_merge_or_are_refused(repo, deleted, theirs):
    original = _fresh(repo)
    header, rows = _read(original)
    _colleague(repo, original, theirs)
    after_colleague = (repo / TABLE).read_bytes()
    kept = [row for n, row in enumerate(rows) if n not in deleted]
    (repo / "kotak-masuk" / f"{DUKCAPIL}.csv").write_text(_write(header, kept), encoding="utf-8")
    code, out, err = run(repo, "--format", "github")
    touched = {row for row, _ in theirs} & deleted
    if touched:  # deleted here, corrected there
        assert code == 1 and "konflik_baris_csv" in out
        assert (repo / TABLE).read_bytes() == after_colleague
        return
    assert code == 0, out + err
    _, now = _read((repo / TABLE).read_text(encoding="utf-8"))
    expected = [row for n, row in enumerate(_expected(original, theirs)) if n not in deleted]
    assert now == expected


@SETTINGS
@given(form_first=st.booleans(), form_value=st.integers(1000, 999_999),
       csv_edits=EDITS, same_cell=st.booleans())
def test_a_form_and_a_csv_for_the_same_table_in_one_upload_are_merged_or_refused(
        repo, form_first, form_value, csv_edits, same_cell):
    """Whatever their order, neither file silently overwrites the other."""
    original = _fresh(repo)
    header, rows = _read(original)
    klari = next(n for n, r in enumerate(rows) if r[0] == KLARI and r[1] == "2022-S2")
    if same_cell:
        csv_edits = {**csv_edits, (klari, "jumlah"): form_value + 1}
    else:
        csv_edits = {k: v for k, v in csv_edits.items() if k != (klari, "jumlah")}
    fill_form(repo, "0-formulir.xlsx" if form_first else "zz-formulir.xlsx", "2022-S2",
              {"jumlah": form_value})
    (repo / "kotak-masuk" / f"{DUKCAPIL}.csv").write_text(_edited(original, csv_edits),
                                                           encoding="utf-8")
    before = (repo / TABLE).read_bytes()
    code, out, err = run(repo, "--format", "github")
    if same_cell:
        assert code == 1, out + err
        assert "konflik" in out and (repo / TABLE).read_bytes() == before
        return
    assert code == 0, out + err
    _, now = _read((repo / TABLE).read_text(encoding="utf-8"))
    assert _cell(now, klari, "jumlah", header) == str(form_value)  # the form's edit
    for (row, column), value in csv_edits.items():  # and every one of the CSV's
        assert _cell(now, row, column, header) == str(value)


def test_an_upload_emptied_to_its_header_is_refused_without_any_previous_build(repo):
    """A fresh clone in CI: no output/, the guard compares with git."""
    original = _fresh(repo)
    (repo / "kotak-masuk" / f"{DUKCAPIL}.csv").write_text(original.splitlines()[0] + "\n",
                                                           encoding="utf-8")
    assert not (repo / "output").exists()
    code, out, _ = run(repo, "--format", "github")
    assert code == 1 and "tabel_dikosongkan" in out
    assert (repo / TABLE).read_text(encoding="utf-8") == original


TABLES = st.sampled_from(["penduduk_dukcapil_kecamatan", "luas_kecamatan", "sumber"])


@settings(max_examples=5, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=TABLES)
def test_a_committed_emptied_table_is_refused_against_the_pull_request_base(repo, monkeypatch,
                                                                            table):
    """CI checks a pull request whose commit emptied a table: HEAD holds the empty table, no
    build exists, and MONOGRAFI_DASAR (the workflow sets it to the base commit) still finds
    the rows it had."""
    from monografi import commands
    from monografi.validation.git_base import BASE_VARIABLE

    _fresh(repo)
    base = git(repo, "rev-parse", "HEAD").strip()
    path = repo / "datasets" / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "Kosongkan")
    monkeypatch.delenv(BASE_VARIABLE, raising=False)
    code_without = commands.main(["--proyek", str(repo), "--quiet", "check"])
    monkeypatch.setenv(BASE_VARIABLE, base)
    code_with = commands.main(["--proyek", str(repo), "--quiet", "check"])
    assert (code_without, code_with) == (0, 1) or table == "sumber" and code_with != 0
