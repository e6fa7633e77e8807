"""Staff documentation says what the tool does: one command everywhere, every hint explained."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import openpyxl
import pytest

from monografi.commands.parser import EPILOG, build_parser
from monografi.forms.form import GUIDE_SHEET, write_form
from monografi.messages import UI
from monografi.validation import hints
from monografi.validation.catalog import load_catalog
from tests.catalogue import all_rules
from tests.conftest import REPO

GUIDE = (REPO / "content" / "pages" / "panduan-data.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def _staff_texts(tmp_path) -> dict[str, str]:
    catalog, _ = load_catalog(REPO / "datasets")
    form = openpyxl.load_workbook(write_form(catalog, "32.15.05", tmp_path / "f.xlsx"))
    sheet = " ".join(str(c.value) for row in form[GUIDE_SHEET].iter_rows() for c in row if c.value)
    texts = {f"rule {k}": " ".join(dataclasses.astuple(v.message)) for k, v in all_rules().items()}
    texts |= {f"UI[{k}]": " ".join(dataclasses.astuple(v)) for k, v in UI.items()}
    return texts | {"form": sheet, "guide": GUIDE, "README": README,
                    "help": build_parser().format_help() + build_parser("en").format_help(),
                    "epilog": EPILOG.text("id") + EPILOG.text("en"),
                    "inbox": (REPO / "kotak-masuk" / "README.md").read_text()}


def test_no_staff_text_sends_anyone_to_build_py(tmp_path):
    """`python build.py` fails outside the virtual environment; `monografi` works everywhere."""
    texts = _staff_texts(tmp_path)
    assert [name for name, text in texts.items() if "build.py" in text] == []
    assert "monografi impor" in texts["form"] and "monografi formulir" in texts["rule formulir_kode"]


@pytest.mark.parametrize("text", [GUIDE, README], ids=["guide", "README"])
def test_install_commands_for_windows_and_linux(text):
    """The locked versions, as CI installs them (tests/test_lock.py)."""
    for command in ("py -m venv .venv", ".venv\\Scripts\\Activate.ps1", "python3 -m venv .venv",
                    ". .venv/bin/activate", "python -m pip install --require-hashes -r requirements.lock",
                    "python -m pip install --no-deps -e ."):
        assert command in text


def test_readme_keeps_its_two_make_commands():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "make serve" in README and "make test" in README
    assert "\nserve: " in makefile and "\ntest: " in makefile and "-m monografi" in makefile


def _declared_keys() -> set[str]:
    keys = set(hints.RESOURCE_KEYS) | set(hints.ROW_RULE_KEYS) | set(hints.DESA_TOTAL_KEYS)
    keys |= set(hints.PACKAGE_KEYS) | set(hints.WARNING_KEYS) | {"jenis"}
    for chart in hints.CHART_HINTS.values():
        keys |= set(chart.keys)
    return keys


@pytest.mark.parametrize("key", sorted(_declared_keys()))
def test_every_hint_key_is_explained_with_an_example(key):
    """A hint `check` accepts but the guide does not explain is a hint staff cannot use."""
    assert f"`{key}`" in GUIDE and f'"{key}":' in GUIDE


@pytest.mark.parametrize("kind", sorted(hints.CHART_HINTS))
def test_every_chart_kind_has_an_example(kind):
    assert f'{{"jenis": "{kind}"' in GUIDE


def test_guide_covers_sources_datasets_and_the_web_path():
    schema = json.loads((REPO / "datasets" / "schemas" / "sumber.json").read_text(encoding="utf-8"))
    assert all(f"| `{f['name']}` |" in GUIDE for f in schema["fields"])  # every column of sumber.csv
    for heading in ("## Menambah sumber", "## Menambah dataset", "## Lewat GitHub tanpa terminal"):
        assert heading in GUIDE
    assert "monografi dataset-baru" in GUIDE and "Upload files" in GUIDE and "kotak-masuk" in GUIDE
    assert "ISI: " in GUIDE  # what check refuses after a scaffold, and how to fix it


def test_the_command_starts_where_fcntl_does_not_exist():
    """Windows has no fcntl: `monografi --help` must not end in ModuleNotFoundError there."""
    code = ("import subprocess, sys, types\n"  # subprocess picks its platform by msvcrt
            "sys.modules['fcntl'] = None\n"  # import fcntl -> ImportError, as on Windows
            "sys.modules['msvcrt'] = types.SimpleNamespace(LK_NBLCK=2, locking=lambda *a: None)\n"
            "from monografi import commands\n"
            "from monografi.publishing.publish import build_lock\n"
            "import tempfile, pathlib\n"
            "with build_lock(pathlib.Path(tempfile.mkdtemp())):\n"
            "    pass\n"
            "sys.exit(commands.main(['--help']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          check=False)
    assert done.returncode == 0 and "dataset-baru" in done.stdout, done.stderr
