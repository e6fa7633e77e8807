"""Full-text search index with Pagefind: static, offline, Indonesian stemming from lang="id".

The pagefind wheel ships its binary, so nothing is downloaded at build time; its output is
deterministic for the same pages.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

INDEX_DIR = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed; the build stops and output/ stays as it was."""


def index_site(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
               INDEX_DIR, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip())
