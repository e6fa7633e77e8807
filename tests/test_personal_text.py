"""Personal data outside the CSV cells (issue 21): in the package's and a dataset's title and
description, a column's description, a content page's metadata and body, an update note.
`check` refuses each with exit 1 and an Indonesian message naming the file and the key or line
(showing only the ends of what it found), and the build refuses the same, leaving the site alone.
"""

from __future__ import annotations

import json

import pytest

from monografi.project import Project
from monografi.publishing.pipeline import build
from monografi.validation.published_text import personal_content_problems
from tests.conftest import tree_digest
from tests.test_cli import run

# What a careless or hostile writer puts in a text, one of each class, in a spelling no plain
# match would catch.
WRITINGS = {"nik": "NIK 3215–0512–O356–0001", "telepon": "hubungi (+62) 812-3456-7890",
            "surel": "kirim ke nama at gmail dot com", "nip": "NIP 19800101 200501 1 001"}


def _edit_json(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _package_title(project, text):
    _edit_json(project / "datasets" / "datapackage.json", lambda d: d.update(title=d["title"] + " " + text))
    return "datapackage.json", "title"


def _dataset_description(project, text):
    def change(data):
        data["resources"][3]["description"] = f"Luas kecamatan; {text}"
    _edit_json(project / "datasets" / "datapackage.json", change)
    return "datapackage.json", "resources[3].description"


def _column_description(project, text):
    def change(schema):
        schema["fields"][2]["description"] += f" Tanya {text}."
    _edit_json(project / "datasets" / "schemas" / "penduduk_kecamatan.json", change)
    return "schemas/penduduk_kecamatan.json", "fields[2].description"


def _page_body(project, text):
    page = project / "content" / "pages" / "tentang.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(7, f"Kontak staf: {text}.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "content/pages/tentang.md", "baris 8"


def _page_metadata(project, text):
    page = project / "content" / "pages" / "metodologi.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(1, f"Summary: Metodologi, {text}")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "content/pages/metodologi.md", "metadata Summary"


def _update_note(project, text):
    note = project / "content" / "pembaruan" / "2026-12-01-catatan.md"
    note.write_text(f"Title: Catatan\nDate: 2026-12-01\n\nPertanyaan ke {text} saja.\n", encoding="utf-8")
    return "content/pembaruan/2026-12-01-catatan.md", "baris 4"


PLACES = [_package_title, _dataset_description, _column_description, _page_body, _page_metadata,
          _update_note]


@pytest.mark.parametrize("kind", sorted(WRITINGS))
@pytest.mark.parametrize("place", PLACES, ids=[p.__name__.strip("_") for p in PLACES])
def test_check_refuses_personal_data_in_every_published_text(project, place, kind):
    file, where = place(project, WRITINGS[kind])
    result = run(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout + result.stderr
    assert f"== {file} ==" in report and where.split()[-1] in report
    assert "data pribadi" in report and "hapus dari teks ini" in report
    digits = "".join(c for c in WRITINGS[kind] if c.isdigit())
    assert not digits or digits not in "".join(c for c in report if c.isdigit())  # never repeated whole


def test_check_json_names_content_pages_from_the_project_root(project):
    _page_body(project, WRITINGS["nik"])
    result = run(project, "check", "--format", "github")
    assert "file=content/pages/tentang.md" in result.stdout and "line=8" in result.stdout


def test_the_build_refuses_what_check_refuses_and_leaves_the_site_alone(built_copy):
    project = built_copy
    before = tree_digest(project / "output")
    _page_body(project, WRITINGS["telepon"])
    result = build(project, project / "output", quiet=True, workers=1)
    assert not result.report.ok and result.report.exit_code == 1
    assert [p.rule.id for p in result.report.errors] == ["data_pribadi_teks"]
    assert tree_digest(project / "output") == before


def test_another_contributors_address_is_refused(project):
    def change(data):
        data["contributors"].append({"title": "Budi", "role": "author", "email": "budi.s@gmail.com"})
    _edit_json(project / "datasets" / "datapackage.json", change)
    result = run(project, "check")
    assert result.returncode == 1 and "contributors[1].email" in result.stdout + result.stderr


def test_ordinary_pages_and_the_publishers_address_pass(project):
    """The bundled pages, and a contact address at contributors[].email, which is published on purpose."""
    assert personal_content_problems(Project(project)) == []
    assert run(project, "check").returncode == 0
