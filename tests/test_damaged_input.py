"""Property: random damage to a valid CSV never raises and never publishes a broken package."""

import contextlib
import io
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from monografi.publishing.pipeline import build
from monografi.validation.check import validate_datasets
from tests.conftest import copy_project

TARGET = "penduduk_dukcapil_kecamatan.csv"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("rusak") / "proyek")
    original = (project / "datasets" / TARGET).read_bytes()
    yield project, original
    shutil.rmtree(project, ignore_errors=True)


def _flip(data: bytes, draw) -> bytes:
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def damaged(draw, original: bytes) -> bytes:
    """One to three real-life accidents applied to the file's bytes."""
    data = original
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "cell", "drop", "duplicate", "delimiter", "truncate",
                                     "encoding", "junk"]))
        lines = _lines(data)
        if kind == "flip":
            data = _flip(data, draw)
        elif kind == "cell" and len(lines) > 2:
            row = draw(st.integers(1, len(lines) - 2))
            cells = lines[row].split(b",")
            column = draw(st.integers(0, len(cells) - 1))
            cells[column] = draw(st.sampled_from(
                [b"", b"-1", b"1.234", b"12,5", b"abc", b"=1+1", b"3215011203900001", b"\"",
                 b"32.15.99", b"2024 S1", "é–".encode()]))
            lines[row] = b",".join(cells)
            data = b"\n".join(lines)
        elif kind == "drop" and len(lines) > 1:
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = b"\n".join(lines)
        elif kind == "duplicate" and len(lines) > 1:
            row = draw(st.integers(0, len(lines) - 1))
            lines.insert(row, lines[row])
            data = b"\n".join(lines)
        elif kind == "delimiter":
            data = data.replace(b",", draw(st.sampled_from([b";", b"\t", b"|"])))
        elif kind == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif kind == "encoding":
            data = data.decode("utf-8", "replace").encode("utf-16")
        else:
            data += draw(st.binary(max_size=40))
    return data


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@pytest.mark.slow
@given(data=st.data())
def test_damage_never_raises_and_never_publishes(workspace, tmp_path_factory, data):
    project, original = workspace
    broken = data.draw(damaged(original))
    (project / "datasets" / TARGET).write_bytes(broken)
    try:
        _, report = validate_datasets(project / "datasets")
        for problem in report.problems:
            assert problem.texts("id")[0] and problem.texts("en")[1]
        report.format_text("en")
        report.format_json()
        report.format_github()
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["--proyek", str(project), "check", "--format", "github"])
        assert code == (0 if report.ok else 1)
        if not report.ok:
            output = tmp_path_factory.mktemp("situs") / "output"
            assert not build(project, output).ok
            assert not output.exists()
    finally:
        (project / "datasets" / TARGET).write_bytes(original)
