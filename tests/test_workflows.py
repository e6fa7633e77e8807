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


PUBLISHED = ("bangun-nasional.yml", "kotak-masuk.yml", "periksa-data.yml", "terbitkan.yml")


def test_every_workflow_is_audited():
    assert sorted(p.name for p in WORKFLOWS.glob("*.y*ml")) == sorted(PUBLISHED)


@pytest.mark.parametrize("name", PUBLISHED)
def test_workflows_have_no_zizmor_findings(name):
    """The auditor persona is the strictest: it reports everything the other personas do and more."""
    command = [_zizmor(), "--offline", "--format", "json", "--persona", "auditor", str(WORKFLOWS / name)]
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
    installs = [line.strip() for run in runs for line in run.splitlines() if "pip install" in line]
    # the base branch's locked versions and its package: never the pull request's pyproject.toml
    assert installs == ["python -m pip install --require-hashes -r alat/requirements.lock",
                        "python -m pip install --no-deps ./alat"]


SHELL_OPERATORS = {">", ">>", "|", "&&", "||", ";", "2>"}


def _monografi_commands(script: str) -> list[list[str]]:
    """The arguments of every `monografi` command line in a run step, up to a redirection or
    the next command."""
    import shlex

    commands = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        cut = next((i for i, w in enumerate(words) if w in SHELL_OPERATORS), len(words))
        if words[:1] == ["monografi"]:
            commands.append(words[1:cut])
    return commands


def test_every_command_a_workflow_runs_exists():
    """The workflows call the console script; its options must parse (a renamed option would
    only fail on GitHub)."""
    from monografi.commands.parser import build_parser

    seen = set()
    for name, workflow in _workflows().items():
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                for command in _monografi_commands(step.get("run", "")):
                    args = build_parser().parse_args(command)  # exits (fails the test) on a bad option
                    seen.add(args.command or "build")
                assert "build.py" not in step.get("run", ""), name
    assert {"check", "build", "bagian", "gabung", "kotak-masuk"} <= seen


def test_command_lines_are_found_past_redirections_and_on_every_line():
    assert _monografi_commands("monografi bagian > bagian.json\nmonografi --quiet build") == [
        ["bagian"], ["--quiet", "build"]]


def test_the_national_build_runs_every_part_from_its_cache_then_merges_and_publishes():
    """rencana lists the parts, one matrix job per part restores that part's state and uploads
    it, gabung merges every uploaded part; only the deploy job may write."""
    workflow = _workflows()["bangun-nasional.yml"]
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {} and list(jobs) == ["rencana", "bagian", "gabung", "terbit"]
    plan = jobs["rencana"]
    listing = next(s for s in plan["steps"] if "monografi bagian" in s.get("run", ""))
    assert plan["outputs"]["bagian"] == "${{ steps.bagian.outputs.bagian }}" and listing
    part = jobs["bagian"]
    assert part["strategy"]["matrix"]["bagian"] == "${{ fromJSON(needs.rencana.outputs.bagian) }}"
    cache = next(s["with"] for s in part["steps"] if "actions/cache@" in s.get("uses", ""))
    assert cache["key"].startswith("bagian-${{ matrix.bagian }}-${{ hashFiles(")
    assert all(f"'{d}/**'" in cache["key"] for d in ("datasets", "content", "theme", "monografi"))
    assert cache["restore-keys"] == "bagian-${{ matrix.bagian }}-"
    assert ".monografi" in cache["path"].split()
    [build] = [c for s in part["steps"] for c in _monografi_commands(s.get("run", ""))]
    assert build[build.index("--bagian") + 1] == "$BAGIAN" and part["env"]["BAGIAN"] == "${{ matrix.bagian }}"
    upload = next(s["with"] for s in part["steps"] if "upload-artifact@" in s.get("uses", ""))
    download = next(s["with"] for s in jobs["gabung"]["steps"] if "download-artifact@" in s.get("uses", ""))
    assert upload["name"] == "bagian-${{ matrix.bagian }}" and download["pattern"] == "bagian-*"
    [merge] = [c for s in jobs["gabung"]["steps"] for c in _monografi_commands(s.get("run", ""))]
    assert merge[merge.index("gabung") + 1] == f"{download['path']}/*"
    # The same public address for every part and the merge: else parts differ from one build.
    assert part["env"]["MONOGRAFI_URL"] == jobs["gabung"]["env"]["MONOGRAFI_URL"]
    writers = {n for n, j in jobs.items() if "write" in j.get("permissions", {}).values()}
    assert writers == {"terbit"}
    assert jobs["terbit"]["needs"] == "gabung" and "bagian" in jobs["gabung"]["needs"]


def test_one_publisher_for_pages():
    """A portal publishes with terbitkan.yml or, once the switch variable is set, with the
    sharded workflow: never both (two deploys of one site race)."""
    switch = "vars.MONOGRAFI_BANGUN_PER_BAGIAN"
    workflows = _workflows()
    assert workflows["terbitkan.yml"]["jobs"]["bangun"]["if"] == f"{switch} != 'ya'"
    assert workflows["bangun-nasional.yml"]["jobs"]["rencana"]["if"] == f"{switch} == 'ya'"
