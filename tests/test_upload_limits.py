"""Bounded resources (issue 21): forms and CSV uploads are read streaming, with limits on file
size, unpacked size (zip bombs), rows and cells (monografi.forms.limits). Over a limit is a staff
message with exit 1, never MemoryError — also under a 1.5 GB memory limit (resource.setrlimit
in a subprocess), which the old reader (openpyxl loading the whole workbook, twice) exhausted
with a 527 KB form of 100,000 extra rows.

The oversized files are generated: a real form with rows, far-away cells or a packed entry
added to its zip; CSV uploads with too many rows or cells.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.forms import limits
from monografi.forms.form import write_form
from monografi.validation.catalog import load_catalog
from tests.conftest import tree_digest
from tests.test_kotak_masuk import DUKCAPIL, KLARI, run

MEMORY_LIMIT = 1536 * 2**20  # 1.5 GB of address space for the whole `impor` process


def _form(project: Path, name: str = "formulir.xlsx") -> Path:
    catalog, _ = load_catalog(project / "datasets")
    return write_form(catalog, KLARI, project.parent / name, "2025-S1", overwrite=True)


def _sheet_entry(archive: zipfile.ZipFile, title: str) -> str:
    """The zip entry holding the sheet called `title`."""
    book = archive.read("xl/workbook.xml").decode()
    rid = re.search(rf'<sheet[^>]*name="{re.escape(title)}"[^>]*r:id="(rId\d+)"', book).group(1)
    rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target.group(1).removeprefix("/xl/")


def _rewrite(form: Path, change) -> None:
    """Copy the zip with `change(name, data) -> data` applied to each entry."""
    source = form.read_bytes()
    with zipfile.ZipFile(form.with_suffix(".tmp"), "w", zipfile.ZIP_DEFLATED) as out, \
            zipfile.ZipFile(__import__("io").BytesIO(source)) as old:
        for entry in old.infolist():
            out.writestr(entry.filename, change(entry.filename, old.read(entry.filename)))
    form.with_suffix(".tmp").replace(form)


def add_rows(form: Path, extra: int, column: int = 3, sheet: str = DUKCAPIL) -> None:
    """`extra` rows (a figure in `column`) appended to the sheet's XML — cheap to make, a
    100,000-row form is some hundred kilobytes."""
    with zipfile.ZipFile(form) as archive:
        entry = _sheet_entry(archive, sheet)
    letters = "".join(chr(65 + d) for d in _digits(column))

    def change(name: str, data: bytes) -> bytes:
        if name != entry:
            return data
        text = data.decode()
        start = 1000
        rows = "".join(f'<row r="{n}"><c r="{letters}{n}"><v>{n}</v></c></row>'
                       for n in range(start, start + extra))
        text = re.sub(r"<dimension [^>]*/>", "", text)
        return text.replace("</sheetData>", rows + "</sheetData>").encode()

    _rewrite(form, change)


def _digits(column: int) -> list[int]:
    """Excel's column letters (1 → A, 28 → AB) as 0-based letter indexes."""
    out = []
    while column:
        column, rest = divmod(column - 1, 26)
        out.insert(0, rest)
    return out


def impor_limited(project: Path, form: Path) -> subprocess.CompletedProcess:
    """`monografi impor` in a subprocess whose address space is capped at MEMORY_LIMIT."""
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))
        from monografi.commands import main
        sys.exit(main(["--proyek", {str(project)!r}, "impor", {str(form)!r}]))
    """)
    env = {"PATH": "/usr/bin:/bin", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
           "MPLBACKEND": "Agg", "HOME": str(project.parent)}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=False, env=env, timeout=600)


def _refused(done: subprocess.CompletedProcess, limit: str) -> None:
    assert done.returncode == 1, done.stderr[-2000:]
    assert "MemoryError" not in done.stderr and "Traceback" not in done.stderr
    assert "melampaui batas unggahan" in done.stderr and limit in done.stderr


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(extra=st.integers(limits.MAX_SHEET_ROWS + 1, 120_000))
def test_a_form_with_too_many_rows_is_refused_under_a_memory_limit(project, extra):
    form = _form(project)
    add_rows(form, extra)
    before = tree_digest(project / "datasets")
    done = impor_limited(project, form)
    _refused(done, "baris per lembar")
    assert tree_digest(project / "datasets") == before


def test_the_issue_form_100000_extra_rows_527_kb_is_refused_under_1_5_gb(project):
    form = _form(project)
    add_rows(form, 100_000)
    assert form.stat().st_size < 2 * 2**20  # a small file …
    _refused(impor_limited(project, form), "baris per lembar")  # … that used to need > 1.5 GB


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(column=st.integers(200, 16_384))
def test_a_form_with_a_cell_far_to_the_right_stops_at_the_cell_limit(project, column):
    """Streaming pads every row to the widest one: a value in column XFD makes every row 16,384
    cells wide, so the cell limit, not memory, ends the reading."""
    form = _form(project)
    rows = limits.MAX_FORM_CELLS // column + 2
    add_rows(form, rows, column=column)
    catalog, _ = load_catalog(project / "datasets")
    from monografi.forms.importer import import_form

    result = import_form(catalog, form)
    assert [p.rule.id for p in result.report.errors] == ["berkas_terlalu_besar"]
    assert result.report.exit_code == 1 and not result.written


@pytest.mark.parametrize("kind", ["unpacked", "size"])
def test_a_zip_bomb_or_an_oversized_file_is_refused_before_openpyxl_reads_it(project, kind):
    form = _form(project)
    if kind == "unpacked":  # 150 MB of zeros, packed into some hundred kilobytes
        with zipfile.ZipFile(form, "a", zipfile.ZIP_DEFLATED) as archive, \
                archive.open("xl/media/bom.bin", "w", force_zip64=True) as entry:
            for _ in range(150):
                entry.write(bytes(2**20))
    else:  # incompressible bytes over the file size limit
        with zipfile.ZipFile(form, "a", zipfile.ZIP_STORED) as archive:
            archive.writestr("xl/media/foto.bin", __import__("os").urandom(limits.MAX_FORM_BYTES))
    assert form.stat().st_size < limits.MAX_FORM_BYTES or kind == "size"
    done = impor_limited(project, form)
    _refused(done, {"unpacked": "setelah dibuka", "size": "ukuran berkas"}[kind])


@given(limit=st.integers(1, 50), rows=st.integers(0, 100), width=st.integers(0, 5))
def test_the_budget_stops_exactly_past_its_limits(limit, rows, width):
    """The boundary: `limit` rows pass, `limit` + 1 do not; the same for cells."""
    budget = limits.Budget(Path("x.xlsx"), limit, limit * 3)
    source = [(None,) * width] * rows
    over = rows > limit or rows * width > limit * 3
    if over:
        with pytest.raises(limits.OverLimit):
            list(budget.rows(iter(source)))
    else:
        assert list(budget.rows(iter(source))) == source


def _upload(project: Path, text_or_size) -> Path:
    (project / "kotak-masuk").mkdir(exist_ok=True)
    target = project / "kotak-masuk" / f"{DUKCAPIL}.csv"
    if isinstance(text_or_size, int):
        with target.open("wb") as stream:  # sparse: the size is what counts
            stream.truncate(text_or_size)
    else:
        target.write_text(text_or_size, encoding="utf-8")
    return target


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(["rows", "cells", "size"]), over=st.integers(1, 1000))
def test_a_csv_upload_over_a_limit_is_refused_in_words(project, kind, over):
    header = (project / "datasets" / f"{DUKCAPIL}.csv").read_text(encoding="utf-8").splitlines()[0]
    if kind == "rows":
        _upload(project, header + "\n" + "x\n" * (limits.MAX_UPLOAD_ROWS + over))
    elif kind == "cells":
        _upload(project, header + "\n" + "," * (limits.MAX_UPLOAD_CELLS + over) + "\n")
    else:
        _upload(project, limits.MAX_UPLOAD_BYTES + over)
    before = tree_digest(project / "datasets")
    code, out, err = run(project)
    assert code == 1, err
    assert "melampaui batas unggahan" in err and "Traceback" not in err
    assert f"kotak-masuk/{DUKCAPIL}.csv" in err
    assert tree_digest(project / "datasets") == before


def test_the_limits_are_stated_in_the_staff_guide():
    guide = (Path(__file__).parents[1] / "content" / "pages" / "panduan-data.md").read_text(
        encoding="utf-8")
    for number in (f"{limits.MAX_FORM_BYTES // 2**20} MB", f"{limits.MAX_FORM_UNPACKED // 2**20} MB",
                   f"{limits.MAX_SHEET_ROWS:,}".replace(",", "."),
                   f"{limits.MAX_FORM_CELLS:,}".replace(",", "."),
                   f"{limits.MAX_UPLOAD_BYTES // 2**20} MB",
                   f"{limits.MAX_UPLOAD_ROWS:,}".replace(",", ".")):
        assert number in guide, number
    assert "berkas_terlalu_besar" in guide
