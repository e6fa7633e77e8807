"""The GitHub workflows publish a government office's data: audit them like code (zizmor, offline)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def _zizmor() -> str:
    found = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    if not Path(found).exists():
        pytest.fail("zizmor is a test dependency: pip install -e '.[test]'")
    return found


def test_workflows_have_no_zizmor_findings():
    """The auditor persona is the strictest: it reports everything the other personas do and more."""
    command = [_zizmor(), "--offline", "--format", "json", "--persona", "auditor", str(WORKFLOWS)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.stdout.strip(), done.stderr
    findings = json.loads(done.stdout)
    assert findings == [], [(f["ident"], f["desc"]) for f in findings]


def test_audit_catches_an_unpinned_action(tmp_path):
    """The audit is live: the same check fails on a workflow written the old way."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n", encoding="utf-8")
    done = subprocess.run([_zizmor(), "--offline", "--format", "json", str(bad)],
                          capture_output=True, text=True, check=False)
    idents = {f["ident"] for f in json.loads(done.stdout)}
    assert {"unpinned-uses", "artipacked"} <= idents


def _workflows() -> dict[str, dict]:
    import yaml

    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(WORKFLOWS.glob("*.yml"))}


def test_no_workflow_runs_with_write_rights_for_outsiders():
    """pull_request_target and workflow_run hand a write token to runs a fork can start."""
    for name, workflow in _workflows().items():
        triggers = workflow.get(True, workflow.get("on"))  # YAML 1.1 reads `on` as True
        assert not {"pull_request_target", "workflow_run"} & set(triggers), name


def test_the_inbox_runs_base_branch_code_on_pull_request_data_only():
    job = _workflows()["kotak-masuk.yml"]["jobs"]["impor"]
    assert job["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
    assert job["permissions"] == {"contents": "write"}
    checkouts = {s["with"]["path"]: s["with"] for s in job["steps"] if "checkout" in s.get("uses", "")}
    assert checkouts["alat"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert checkouts["data"]["sparse-checkout"].split() == ["/datasets/", "/kotak-masuk/"]
    assert checkouts["data"]["sparse-checkout-cone-mode"] is False  # cone mode adds root files
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert "python -m pip install ./alat" in runs  # never the pull request's pyproject.toml


def test_every_command_a_workflow_runs_exists():
    """The workflows call the console script; its options must parse (a renamed option would
    only fail on GitHub)."""
    import shlex

    from monografi.cli import _parser

    for name, workflow in _workflows().items():
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                command = shlex.split(step.get("run", ""))
                if command[:1] == ["monografi"]:
                    _parser().parse_args(command[1:])  # exits (fails the test) on a bad option
                assert "build.py" not in step.get("run", ""), name
