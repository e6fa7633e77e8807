"""Personal data committed once and removed later is never published from git history (issue 21).

A scripted repository (the bundled project, committed in a temporary folder): a NIK is typed
into a note cell with a phone number in the commit's `Catatan-publik:` trailer, a release is
tagged, and a later commit removes the NIK. Hypothesis draws the NIK (structurally valid, a real
Karawang kecamatan), its spelling, the row, and the phone number and its spelling. The gate must
refuse naming where, and after the retraction lines it suggests are recorded, nothing the
portal publishes from history (history pages, the feed, release zips) holds either number.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.exports import feed
from monografi.exports.releases import build_releases, export_releases
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.publishing.history_guard import IN_HISTORY, project_problems
from monografi.site.views.history import history_view
from monografi.site.views.releases import releases_view
from monografi.validation.check import validate_datasets
from tests.conftest import REPO, copy_project
from tests.helpers import set_cell
from tests.test_history import commit, git

KECAMATAN = [row[0].replace(".", "") for row in
             csv.reader(io.StringIO((REPO / "datasets/kecamatan.csv").read_text("utf-8")))][1:]
LUAS_ROWS = len((REPO / "datasets/luas_kecamatan.csv").read_text("utf-8").splitlines())
TAG = "2026.01.11"
MOBILE = ["0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0878", "0896"]


@st.composite
def niks(draw) -> str:
    """A structurally valid NIK: kecamatan, birth date (+40 for women), serial."""
    area = draw(st.sampled_from(KECAMATAN))
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 40]))
    month, year = draw(st.integers(1, 12)), draw(st.integers(0, 99))
    return f"{area}{day:02d}{month:02d}{year:02d}{draw(st.integers(1, 9999)):04d}"


@st.composite
def nik_spellings(draw) -> tuple[str, str]:
    """(digits, as staff typed it): plain, in fours, or area.birth.serial, one separator."""
    digits = draw(niks())
    separator = draw(st.sampled_from([" ", ".", "-"]))
    groups = draw(st.sampled_from([[16], [4, 4, 4, 4], [6, 6, 4], [2, 2, 2, 6, 4]]))
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start:start + size])
        start += size
    text = separator.join(parts)
    return digits, draw(st.sampled_from(["{}", "NIK {}", "warga {} pindah", "KK: {}"])).format(text)


@st.composite
def phones(draw) -> tuple[str, str]:
    """(national digits without the leading 0, as typed): a mobile number in common spellings."""
    digits = draw(st.sampled_from(MOBILE))[1:] + "".join(
        draw(st.lists(st.sampled_from("0123456789"), min_size=7, max_size=8)))
    spelled = draw(st.sampled_from(["0{a}-{b}-{c}", "0{a} {b} {c}", "+62 {a} {b} {c}", "0{a}{b}{c}"]))
    return digits, spelled.format(a=digits[:3], b=digits[3:7], c=digits[7:])


def _flat(text: str) -> str:
    """Digits with the separators people put between them removed."""
    return re.sub(r"(?<=\d)[\s.\-/+()]+(?=\d)", "", text)


def published_holds(text: str, *secrets: str) -> bool:
    flat = _flat(text)
    return any(secret in flat for secret in secrets)


def zip_texts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The bundled project committed once; each example branches from it."""
    project = copy_project(tmp_path_factory.mktemp("riwayat") / "repo")
    git(project, "init", "-q", "-b", "main")
    commit(project, "first import", "2026-01-10T09:00:00+07:00")
    git(project, "tag", "base")
    return project


def reset(project) -> None:
    git(project, "checkout", "-q", "-f", "-B", "contoh", "base")
    git(project, "clean", "-q", "-f", "-d", "-x")
    tags = subprocess.run(["git", "-C", str(project), "tag", "--list"], capture_output=True,
                          text=True, check=True).stdout.split()
    for tag in tags:
        if tag != "base":
            git(project, "tag", "-d", tag)


def leak_and_remove(project, nik_text: str, phone_text: str, row: int) -> str:
    """Commit the NIK (its note carrying the phone), tag a release, then remove the NIK;
    returns the leaking commit's short id."""
    set_cell(project, "luas_kecamatan", row, "catatan", nik_text)
    commit(project, f"catatan\n\nCatatan-publik: Koreksi, hubungi {phone_text}", "2026-01-11T09:00:00+07:00")
    git(project, "tag", TAG)
    set_cell(project, "luas_kecamatan", row, "catatan", "")
    commit(project, "hapus", "2026-01-12T09:00:00+07:00")
    out = subprocess.run(["git", "-C", str(project), "rev-parse", "--short=7", f"{TAG}^{{commit}}"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def as_row_retraction(entry: str) -> str:
    """A suggested value retraction turned into the withdrawal of its whole row."""
    date, kind, dataset, version, row, _column, reason = next(csv.reader([entry]))
    return ",".join([date, "baris" if kind == "nilai" else kind, dataset, version, row,
                     "" if kind == "nilai" else _column, reason])


def record_suggestions(project, problems, whole_rows: bool = False) -> str:
    """Write the penarikan.csv lines the refusal suggested, with a reason (as row withdrawals
    when `whole_rows`); returns the file."""
    lines = ["tanggal,jenis,dataset,versi,baris,kolom,alasan"]
    lines += [(as_row_retraction if whole_rows else str)(p.details["entri"]).replace(
        "<alasan>", "Data pribadi warga") for p in problems]
    text = "\n".join(lines) + "\n"
    (project / "datasets/penarikan.csv").write_text(text, encoding="utf-8")
    return text


def published_from_history(project) -> list[str]:
    """Every text the portal derives from git: feed, history pages, release page and zips."""
    catalog, report = validate_datasets(project / "datasets")
    assert report.ok, report.format_text()
    context = build_context(build_model(catalog), project)
    releases = build_releases(context)
    texts = [feed.atom(context), repr(releases_view(context, releases))]
    texts += [repr(history_view(context, d)) for d in context.model.datasets.values()]
    for data in export_releases(releases).values():
        texts += zip_texts(data)
    return texts


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nik=nik_spellings(), phone=phones(), row=st.integers(2, LUAS_ROWS), whole_rows=st.booleans())
def test_history_with_personal_data_is_refused_until_retracted(base, nik, phone, row, whole_rows):
    reset(base)
    (digits, nik_text), (phone_digits, phone_text) = nik, phone
    short = leak_and_remove(base, nik_text, phone_text, row)
    catalog, report = validate_datasets(base / "datasets")
    assert report.ok  # today's files are clean: only history holds the numbers
    problems = project_problems(base, catalog)
    assert {p.rule for p in problems} == {IN_HISTORY}
    where = {(p.file, p.row, p.column, p.details["jenis"]) for p in problems}
    assert (f"luas_kecamatan.csv @ {short}", row, "catatan", "nik") in where
    assert (f"Catatan-publik @ {short}", None, None, "phone") in where
    for problem in problems:
        message, fix = problem.texts()
        assert short in message + fix and "datasets/penarikan.csv" in fix
        assert not published_holds(message + fix, digits, phone_digits)  # never echoed
    recorded = record_suggestions(base, problems, whole_rows)
    assert not published_holds(recorded, digits, phone_digits)
    catalog, report = validate_datasets(base / "datasets")
    assert report.ok, report.format_text()
    assert project_problems(base, catalog) == []
    texts = published_from_history(base)
    for text in texts:
        assert not published_holds(text, digits, phone_digits)
    assert "[ditarik]" in "".join(texts) and "Catatan ini ditarik." in "".join(texts)


@pytest.mark.slow
def test_a_nik_added_and_removed_on_a_merged_branch_is_found_and_withdrawn(base):
    """History pages compare each change with its first parent: that version is screened too."""
    reset(base)
    git(base, "checkout", "-q", "-b", "cabang")
    set_cell(base, "luas_kecamatan", 4, "catatan", "NIK 3215054107900001")
    commit(base, "cabang: catatan", "2026-01-11T09:00:00+07:00")
    set_cell(base, "luas_kecamatan", 4, "catatan", "dikoreksi")
    set_cell(base, "luas_kecamatan", 5, "luas_km2", "12.5")
    commit(base, "cabang: koreksi", "2026-01-12T09:00:00+07:00")
    git(base, "checkout", "-q", "contoh")
    set_cell(base, "luas_kecamatan", 30, "catatan", "di cabang utama")
    commit(base, "utama", "2026-01-12T10:00:00+07:00")
    git(base, "merge", "-q", "--no-edit", "cabang", date="2026-01-13T09:00:00+07:00")
    catalog, report = validate_datasets(base / "datasets")
    assert report.ok
    problems = project_problems(base, catalog)
    assert [(p.row, p.column, p.details["jenis"]) for p in problems] == [(4, "catatan", "nik")]
    record_suggestions(base, problems)
    catalog, _ = validate_datasets(base / "datasets")
    assert project_problems(base, catalog) == []
    assert not any(published_holds(t, "3215054107900001") for t in published_from_history(base))
