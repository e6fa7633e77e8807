"""datasets/penarikan.csv: its form is checked, each entry must point at something in git, and a
build with history that held personal data publishes nothing of it once retracted (issue 21)."""

from __future__ import annotations

import csv
import datetime
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from monografi.publishing.history_guard import project_problems
from monografi.validation import retraction
from monografi.validation.check import validate_datasets
from tests.test_history import commit, git
from tests.test_history_guard import (  # noqa: F401
    TAG,
    base,
    leak_and_remove,
    nik_spellings,
    phones,
    published_holds,
    record_suggestions,
    reset,
)

NAMES = {"luas_kecamatan", "desa", "kecamatan"}
KINDS = list(retraction.NEEDS)


def write(folder: Path, rows: list[list[str]], header=retraction.COLUMNS) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([list(header), *rows])
    (folder / retraction.FILE).write_text(out.getvalue(), encoding="utf-8")
    return folder


@st.composite
def entries(draw) -> dict[str, str]:
    """A well-formed entry of any kind: only the columns its kind needs are filled."""
    kind = draw(st.sampled_from(KINDS))
    date = draw(st.dates(min_value=datetime.date(2000, 1, 1))).isoformat()
    filled = {"dataset": draw(st.sampled_from(sorted(NAMES))),
              "versi": draw(st.from_regex(r"[0-9a-f]{7,40}|20[0-9]{2}\.[0-9]{2}\.[0-9]{2}", fullmatch=True)),
              "baris": str(draw(st.integers(2, 10**6))),
              "kolom": draw(st.sampled_from(["catatan", "luas_km2", "nama_desa"]))}
    cells = {c: (filled[c] if c in retraction.NEEDS[kind] else "") for c in retraction.COLUMNS[2:6]}
    reason = draw(st.sampled_from(["Data pribadi warga", "Baris uji", "Nomor pribadi di catatan",
                                   "Permintaan warga tanggal 3 Desember"]))
    return {"tanggal": date, "jenis": kind, **cells, "alasan": reason}


def problems_of(tmp_path: Path, entry: dict[str, str]):
    folder = write(tmp_path, [[entry[c] for c in retraction.COLUMNS]])
    return retraction.read(folder, NAMES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries())
def test_well_formed_entries_are_accepted_as_written(tmp_path, entry):
    found, problems = problems_of(tmp_path, entry)
    assert problems == []
    (one,) = found
    assert (one.date, one.kind, one.dataset, one.version, one.column, one.reason) == (
        entry["tanggal"], entry["jenis"], entry["dataset"], entry["versi"], entry["kolom"], entry["alasan"])


# Each class of malformed cell, drawn widely: (column, strategy of bad text).
NOT_A_DATE = st.one_of(st.text(max_size=12).filter(lambda t: t.strip() and not t.strip()[:1].isdigit()),
                       st.from_regex(r"20[0-9]{2}-(1[3-9]|00)-[0-2][0-9]", fullmatch=True),
                       st.from_regex(r"20[0-9]{2}-02-3[01]", fullmatch=True),
                       st.from_regex(r"[0-3][0-9]/[01][0-9]/20[0-9]{2}", fullmatch=True))
NOT_A_KIND = st.text(min_size=1, max_size=12).filter(lambda t: t.strip() and t.strip() not in KINDS)
NOT_A_ROW = st.one_of(st.integers(-10**6, 1).map(str),
                      st.sampled_from(["²", "٣", "1.5", "dua", "3e2", "0x10"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries(), damage=st.sampled_from(["tanggal", "jenis", "baris", "kosong", "lebih",
                                                "dataset", "alasan", "ekstra"]), data=st.data())
def test_each_malformed_cell_is_refused_at_its_row_and_column(tmp_path, entry, damage, data):
    kind = entry["jenis"]
    needed = retraction.NEEDS[kind]
    unused = [c for c in retraction.COLUMNS[2:6] if c not in needed]
    column = damage
    if damage == "tanggal":
        entry["tanggal"] = data.draw(NOT_A_DATE)
    elif damage == "jenis":
        entry["jenis"] = data.draw(NOT_A_KIND)
    elif damage == "baris":
        assume("baris" in needed)
        entry["baris"] = data.draw(NOT_A_ROW)
    elif damage == "kosong":
        column = data.draw(st.sampled_from(needed))
        entry[column] = ""
    elif damage == "lebih":
        assume(unused)
        column = data.draw(st.sampled_from(unused))
        entry[column] = {"dataset": "desa", "versi": "abc1234", "baris": "3", "kolom": "catatan"}[column]
    elif damage == "dataset":
        assume("dataset" in needed)
        names = st.from_regex(r"[a-z_]{1,20}", fullmatch=True).filter(lambda n: n not in NAMES)
        entry["dataset"] = data.draw(names)
    elif damage == "alasan":
        entry["alasan"] = data.draw(st.one_of(st.just(""), nik_spellings().map(lambda n: n[1]),
                                              phones().map(lambda p: f"hubungi {p[1]}")))
    row = [entry[c] for c in retraction.COLUMNS]
    if damage == "ekstra":
        row.append(data.draw(st.text(min_size=1, max_size=5).filter(str.strip)))
        column = None
    found, problems = retraction.read(write(tmp_path, [row]), NAMES)
    assert found == [] and problems
    assert {(p.file, p.row) for p in problems} == {(retraction.FILE, 2)}
    assert column in {p.column for p in problems}
    if damage == "alasan":  # the refusal never repeats the personal data it found
        assert all(p.value == "" for p in problems if p.column == "alasan")


@given(header=st.lists(st.text(max_size=8), max_size=8).filter(lambda h: tuple(h) != retraction.COLUMNS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_other_header_is_refused_at_row_one(tmp_path, header):
    assume(tuple(c.strip() for c in header) != retraction.COLUMNS)
    (tmp_path / retraction.FILE).write_text(",".join(header) + "\n", encoding="utf-8")
    found, problems = retraction.read(tmp_path, NAMES)
    assert found == [] and [(p.rule.id, p.row) for p in problems] == [("penarikan_tidak_sah", 1)]


def test_no_file_means_nothing_withdrawn(tmp_path):
    assert retraction.read(tmp_path, NAMES) == ([], [])


# --- against git: every entry must point at something the history holds -----------------------

def reasons(project) -> list[tuple[int, str]]:
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    return [(p.row, p.details.get("sebab")) for p in project_problems(project, catalog)
            if p.rule.id == "penarikan_tidak_cocok"]


def leaked(project, row=5) -> str:
    reset(project)
    return leak_and_remove(project, "NIK 3215054107900001", "0812-3456-7890", row)


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(version=st.from_regex(r"[0-9a-f]{7,12}", fullmatch=True))
def test_a_version_that_is_no_commit_is_refused(base, version):  # noqa: F811
    reset(base)
    short = subprocess.run(["git", "-C", str(base), "rev-parse", "--short=7", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.strip()
    assume(not short.startswith(version) and not version.startswith(short))
    write(base / "datasets", [["2026-12-07", "nilai", "luas_kecamatan", version, "2", "catatan", "Uji"],
                              ["2026-12-07", "catatan", "", version, "", "", "Uji"]])
    assert reasons(base) == [(2, "version"), (3, "version")]


@pytest.mark.slow
def test_entries_must_name_a_row_column_cell_note_and_tag_that_exist(base):  # noqa: F811
    short = leaked(base)
    rows = len((base / "datasets/luas_kecamatan.csv").read_text().splitlines())
    first = subprocess.run(["git", "-C", str(base), "rev-parse", "--short=7", "base"],
                           capture_output=True, text=True, check=True).stdout.strip()
    write(base / "datasets", [
        ["2026-12-07", "nilai", "luas_kecamatan", short, str(rows + 1), "catatan", "Uji"],  # row beyond
        ["2026-12-07", "nilai", "luas_kecamatan", short, "5", "tidak_ada", "Uji"],  # no such column
        ["2026-12-07", "nilai", "luas_kecamatan", short, "2", "catatan", "Uji"],  # empty cell
        ["2026-12-07", "catatan", "", first, "", "", "Uji"],  # a commit without a public note
        ["2026-12-07", "rilis", "", "2099.01.01", "", "", "Uji"],  # no such release
        ["2026-12-07", "baris", "luas_kecamatan", "main", "5", "", "Uji"],  # a branch moves: refused
        ["2026-12-07", "nilai", "luas_kecamatan", TAG, "5", "catatan", "Uji"],  # a tag is a version
    ])
    assert reasons(base) == [(2, "row"), (3, "column"), (4, "blank"), (5, "note"), (6, "release"),
                             (7, "version")]


def _texts(name: str, data: bytes):
    """(name, text) of a published file, and of every member of a zip inside it."""
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from _texts(f"{name}!{member}", archive.read(member))
    else:
        yield name, data.decode("utf-8", "replace")


def monografi(project, *args):
    return subprocess.run([sys.executable, "-m", "monografi", "--quiet", *args], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})


@pytest.mark.slow
def test_build_refuses_then_publishes_nothing_of_what_was_retracted(base):  # noqa: F811
    nik, phone = "3215054107900001", "81234567890"
    short = leaked(base)
    git(base, "tag", "2026.01.12")  # a release of the cleaned data, which staff withdraw wholly
    refused = monografi(base, "build")
    assert refused.returncode == 1, refused.stderr
    assert short in refused.stderr and "datasets/penarikan.csv" in refused.stderr
    assert not published_holds(refused.stdout + refused.stderr, nik, phone)
    assert not (base / "output").exists()  # nothing published
    catalog, _ = validate_datasets(base / "datasets")
    record_suggestions(base, project_problems(base, catalog))
    with (base / "datasets/penarikan.csv").open("a", encoding="utf-8") as file:
        file.write("2026-12-07,rilis,,2026.01.12,,,Rilis ditarik untuk uji\n")
    commit(base, "penarikan", "2026-01-13T09:00:00+07:00")
    built = monografi(base, "build")
    assert built.returncode == 0, built.stderr
    output = base / "output"
    published = dict(text for path in sorted(output.rglob("*")) if path.is_file()
                     for text in _texts(path.relative_to(output).as_posix(), path.read_bytes()))
    assert [name for name, text in published.items() if published_holds(text, nik, phone)] == []
    zips = [name for name in published if name.startswith("unduh/rilis/")]
    assert any(name.startswith(f"unduh/rilis/{TAG}/") for name in zips)
    assert not any(name.startswith("unduh/rilis/2026.01.12/") for name in zips)  # withdrawn wholly
    assert f"unduh/rilis/{TAG}/monografi-karawang.zip!PENARIKAN.txt" in zips
    assert "Ditarik pada 2026-12-07: Rilis ditarik untuk uji" in published["rilis/index.html"]
    assert "[ditarik]" in published["data/luas_kecamatan/riwayat/index.html"]
    assert "Catatan ini ditarik." in published["pembaruan/data.atom.xml"]
