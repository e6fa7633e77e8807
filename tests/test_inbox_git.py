"""`kotak-masuk --commit`: the git commit is part of the all or nothing (issue 21).

When git refuses the commit — no identity, a hook that says no (any hook, any exit code, any
message), a read-only .git — datasets/ and the uploads are exactly as before, nothing is staged,
no commit is made, and staff read why in Indonesian with exit 2 (never exit 3, never "untouched"
when something was touched).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_kotak_masuk import DUKCAPIL, GIT_ENV, data_of, git, repo, run, upload_form

__all__ = ["repo"]  # the fixture, shared with test_kotak_masuk


def _upload_csv(repo) -> None:
    """A CSV table upload next to the form: a new source row."""
    sources = (repo / "datasets" / "sumber.csv").read_text(encoding="utf-8")
    (repo / "kotak-masuk" / "sumber.csv").write_text(
        sources + "S12,Survei Kantor Kecamatan Klari 2025,Kantor Kecamatan Klari,2025,,,\n",
        encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "Unggah sumber.csv")


def _state(repo) -> tuple:
    return (data_of(repo), git(repo, "log", "--format=%H"), git(repo, "status", "--porcelain"),
            git(repo, "diff", "--cached", "--name-only"))


def _set_identity(monkeypatch) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


def _refused(repo, before, code, err) -> None:
    assert code == 2, err
    assert _state(repo) == before
    assert "Commit git gagal" in err and "dikembalikan seperti semula" in err
    assert "Traceback" not in err and "bug" not in err.lower()


def test_no_git_identity_puts_datasets_and_uploads_back(repo, monkeypatch, tmp_path):
    upload_form(repo, jumlah=201234, sumber="S7")
    _upload_csv(repo)
    for key in GIT_ENV:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "kosong"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(repo, "config", "user.useConfigOnly", "true")  # no name guessed from the host
    before = _state(repo)
    code, _, err = run(repo, "--commit")
    _refused(repo, before, code, err)
    assert "identitas git" in err and "git config user.email" in err


HOOKS = st.sampled_from(["pre-commit", "commit-msg", "prepare-commit-msg"])
WORDS = st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=1, max_size=30)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(hook=HOOKS, status=st.integers(1, 255), words=WORDS, with_csv=st.booleans())
def test_a_hook_that_rejects_the_commit_undoes_the_import(repo, monkeypatch, hook, status, words,
                                                          with_csv):
    _set_identity(monkeypatch)
    hooks = repo / ".git" / "hooks"
    for old in hooks.glob("*"):
        old.unlink()
    first = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    git(repo, "reset", "--quiet", "--hard", first)  # each example starts from the same repository
    upload_form(repo, jumlah=201234, sumber="S7")
    if with_csv:
        _upload_csv(repo)
    script = hooks / hook
    script.write_text(f"#!/bin/sh\necho 'ditolak: {words}' >&2\nexit {status}\n", encoding="utf-8")
    script.chmod(0o755)
    before = _state(repo)
    code, _, err = run(repo, "--commit")
    _refused(repo, before, code, err)
    assert "hook" in err and words in err
    script.unlink()
    code, _, err = run(repo, "--commit")  # the cause fixed: the same uploads import
    assert code == 0, err
    assert git(repo, "status", "--porcelain") == ""
    assert f"M\tdatasets/{DUKCAPIL}.csv" in git(repo, "show", "--name-status", "HEAD")


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("unshare") is None,
                    reason="needs a mount namespace (unshare) for a read-only .git")
def test_a_read_only_git_folder_undoes_the_import(repo):
    """.git mounted read-only in a private mount namespace: `git add` cannot write its index."""
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode:
        pytest.skip("no user namespaces here")
    upload_form(repo, jumlah=201234, sumber="S7")
    before = _state(repo)
    script = (f"mount --bind -o ro .git .git && mount -o remount,bind,ro .git && "
              f"exec {sys.executable} -m monografi --proyek . kotak-masuk --commit")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], cwd=repo, capture_output=True,
                          text=True, check=False, env={**GIT_ENV, "PATH": "/usr/bin:/bin"})
    _refused(repo, before, done.returncode, done.stderr)
    assert ".git tidak dapat ditulis" in done.stderr


def test_a_successful_commit_still_says_what_it_imported(repo, monkeypatch):
    _set_identity(monkeypatch)
    upload_form(repo, jumlah=201234, sumber="S7")
    code, out, err = run(repo, "--commit")
    assert code == 0, err
    assert "1 berkas diimpor" in out and git(repo, "status", "--porcelain") == ""
