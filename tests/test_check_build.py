"""Property: whatever `check` accepts, `build` builds (exit 0, no traceback).

The package is SYNTHETIC and tiny (one kabupaten 99.01, two kecamatan, three desa, one
population table; names and figures invented) so that a build takes a second or two. It uses the
real schemas, content and theme. Mutations hit what staff edit: cell values, resource names,
presentation hints, row rules, CSV headers and schema fields (made optional or required,
retyped, dropped, given the missing-value marker "-"). The build runs only for examples check accepts.
"""

import contextlib
import io
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi.commands import main
from tests.conftest import REPO, copy_project

pytestmark = pytest.mark.slow  # every example builds a portal

TABLES = ("kabupaten", "kecamatan", "desa", "penduduk_kecamatan", "sumber")
CSV = {  # synthetic rows
    "kabupaten": "kode_kabupaten,nama_kabupaten,jenis,kode_bps,nama_provinsi\n"
                 "99.01,Sintetis,kabupaten,9901,Provinsi Sintetis\n",
    "kecamatan": "kode_kecamatan,nama_kecamatan,kode_bps,kode_kabupaten,nama_lain\n"
                 "99.01.01,Contoh Satu,9901010,99.01,\n99.01.02,Contoh Dua,9901020,99.01,\n",
    "desa": "kode_desa,nama_desa,jenis,kode_kecamatan,kode_pos\n"
            "99.01.01.2001,Desa A,desa,99.01.01,99999\n99.01.01.1002,Kelurahan B,kelurahan,99.01.01,99999\n"
            "99.01.02.2001,Desa C,desa,99.01.02,99998\n",
    "penduduk_kecamatan": "kode_kecamatan,tahun,jenis_angka,laki_laki,perempuan,jumlah,sumber,catatan\n"
                          "99.01.01,2020,sensus,10,12,22,S6,\n99.01.01,2023,proyeksi,11,12,23,S6,\n"
                          "99.01.02,2020,sensus,20,21,41,S6,\n99.01.02,2023,proyeksi,21,22,43,S6,\n",
    "sumber": "id,judul,penerbit,tahun,url,lisensi,catatan\n"
              "S1,Daftar wilayah sintetis,,2020,,,\nS2,Kode pos sintetis,,2020,,,\n"
              "S5,Kode BPS sintetis,,2020,,,\nS6,Penduduk sintetis,,2020,https://contoh.go.id/s,,\n",
}
CELLS = ["5", "2021", "S6", "-", "Contoh Tiga", "catatan sintetis", "", "0", "-1", "1e3", "12,5",
         "1.234", "abc", "=1+1", "99.01.03", "99.1.1", "S99",
         "2024", "KONTOH SATU", "Contoh  Satu", "x" * 300, "\"", "sensus"]
NAMES = ["penduduk_kecamatan", "penduduk-kec", "p2", "jiwa_kecamatan", "tabel-2", "../p", "a.b",
         "A", "desa", ""]
KINDS = ["deret_waktu", "menurut_sumber", "perbandingan", "deret_waktu", "menurut_sumber",
         "perbandingan", "piramida", "peta", "lokasi", "x"]
COLUMNS = ["jumlah", "laki_laki", "perempuan", "jumlah", "jenis_angka", "sumber", "tahun",
           "kode_kecamatan", "catatan", "tidak_ada"]
FORMULAS = ["jumlah > 0", "laki_laki + perempuan == jumlah", "jumlah >= 0 and tahun != '1'",
            "jumlah >", "jumlh > 1",
            "laki_laki is None or laki_laki < jumlah", "int(tahun) > 2000", "str(jumlah)",
            "rand() > 1", "catatan.upper() == ''"]


def _package() -> dict:
    real = json.loads((REPO / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    resources = [next(r for r in real["resources"] if r["name"] == name) for name in TABLES]
    resources[3]["monografi"].pop("jumlah_desa")  # its desa table is not part of this package
    return {**real, "name": "sintetis", "title": "Paket SINTETIS untuk uji", "resources": resources}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("sintetis")
    project = copy_project(root / "proyek")
    for path in (project / "datasets").glob("*.csv"):
        path.unlink()
    for name, text in CSV.items():
        (project / "datasets" / f"{name}.csv").write_text(text, encoding="utf-8")
    (project / "datasets" / "datapackage.json").write_text(json.dumps(_package()), encoding="utf-8")
    yield project
    shutil.rmtree(root, ignore_errors=True)


@st.composite
def mutation(draw):
    """A list of (kind, arguments) edits; at most three, like one careless commit."""
    edits = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["cell", "cell", "name", "hint", "hint", "rule", "header",
                                     "schema", "schema"]))
        if kind == "cell":
            edits.append((kind, draw(st.sampled_from(TABLES)), draw(st.integers(1, 4)),
                          draw(st.integers(0, 7)), draw(st.sampled_from(CELLS))))
        elif kind == "name":
            edits.append((kind, draw(st.sampled_from([3, 3, 3, 0, 1, 2])),  # the topic table
                          draw(st.sampled_from(NAMES))))
        elif kind == "hint":
            hint = {"jenis": draw(st.sampled_from(KINDS)), "ukuran": draw(st.sampled_from(COLUMNS))}
            for key in draw(st.lists(st.sampled_from(["pisah", "kelompok", "sumber"]),
                                     max_size=2, unique=True)):
                column = draw(st.sampled_from(COLUMNS))
                hint[key] = [column] if key == "pisah" else ("S6" if key == "sumber" else column)
            edits.append((kind, hint))
        elif kind == "rule":
            rule = {"rumus": draw(st.sampled_from(FORMULAS))}
            if draw(st.booleans()):
                rule["pesan"] = "Aturan sintetis."
            edits.append((kind, rule))
        elif kind == "schema":  # a field of the topic table: optional, retyped, dropped, …
            edits.append((kind, draw(st.integers(0, 7)), draw(st.sampled_from(SCHEMA_EDITS))))
        else:
            edits.append((kind, draw(st.sampled_from(TABLES)), draw(st.integers(0, 4)),
                          draw(st.sampled_from(["", "Jumlah", "kolom_baru", "kode_desa"]))))
    return edits


SCHEMA_EDITS = ["optional", "required", "number", "string", "integer", "year", "drop", "marker"]


def _edit_field(schema: dict, index: int, change: str) -> None:
    """One change to one field of a schema, as staff editing schemas/NAME.json make it."""
    fields = schema["fields"]
    field = fields[index % len(fields)]
    if change in ("optional", "required"):
        field.setdefault("constraints", {})["required"] = change == "required"
    elif change == "drop":
        fields.remove(field)
    elif change == "marker":
        schema["missingValues"] = ["", "-"]
        field.setdefault("constraints", {})["required"] = False
    else:
        field["type"] = change


def _apply(project, edits) -> None:
    datasets = project / "datasets"
    package = json.loads((datasets / "datapackage.json").read_text(encoding="utf-8"))
    for edit in edits:
        if edit[0] in ("cell", "header"):  # a header edit is a cell edit on row 0
            _, table, row, column, value = edit if edit[0] == "cell" else (edit[0], edit[1], 0,
                                                                              edit[2], edit[3])
            path = datasets / f"{table}.csv"
            lines = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]
            if row < len(lines) and column < len(lines[row]):
                lines[row][column] = value.replace(",", ";")
            path.write_text("\n".join(",".join(line) for line in lines) + "\n", encoding="utf-8")
        elif edit[0] == "name":
            package["resources"][edit[1]]["name"] = edit[2]
        elif edit[0] == "schema":
            path = datasets / package["resources"][3]["schema"]
            schema = json.loads(path.read_text(encoding="utf-8"))
            _edit_field(schema, edit[1], edit[2])
            path.write_text(json.dumps(schema), encoding="utf-8")
        elif edit[0] == "hint":
            package["resources"][3]["monografi"]["grafik"].append(edit[1])
        else:
            package["resources"][3]["monografi"]["aturan_baris"].append(edit[1])
    (datasets / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def _run(*argv) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(list(argv))


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=mutation())
def test_check_passing_means_build_passes(base, tmp_path_factory, edits):
    project = tmp_path_factory.mktemp("p") / "proyek"
    shutil.copytree(base, project, symlinks=True)
    _apply(project, edits)
    code = _run("--proyek", str(project), "check")  # a traceback fails the test
    assert code in (0, 1, 2)
    if code == 0:
        assert _run("--proyek", str(project), "--quiet", "--jobs", "1", "build") == 0, edits
    shutil.rmtree(project.parent, ignore_errors=True)


def test_synthetic_package_itself_builds(base, tmp_path):
    project = tmp_path / "proyek"
    shutil.copytree(base, project, symlinks=True)
    assert _run("--proyek", str(project), "check") == 0
    assert _run("--proyek", str(project), "--quiet", "--jobs", "1", "build") == 0
