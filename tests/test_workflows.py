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
