"""A rebuild with nothing changed is decided before any heavy library is imported (issue 13)."""

import json
import os
import subprocess
import sys

from monografi.publishing.noop import unchanged_build
from tests.conftest import REPO

HEAVY = ("pandas", "numpy", "matplotlib", "pelican", "frictionless", "openpyxl", "jinja2")
SCRIPT = ("import json, sys\nfrom monografi.commands import main\n"
          "code = main(['--proyek', sys.argv[1], '--quiet', '--jobs', '1'])\n"
          f"print(json.dumps([code, sorted(m for m in {HEAVY!r} if m in sys.modules)]))")


def test_noop_build_imports_nothing_heavy(built_site):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(built_site.parent)], cwd=REPO,
                          env=env, capture_output=True, text=True, check=False)
    assert "Tidak ada perubahan" in done.stdout, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [0, []]


def test_fast_path_leaves_every_other_build_to_the_pipeline(project, built_site):
    assert unchanged_build(project, project / "output") is None  # never built
    result = unchanged_build(built_site.parent, built_site)
    assert result.noop and result.ok and result.pages > 300
