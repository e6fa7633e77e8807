"""Full-text search index with Pagefind: static, offline, Indonesian stemming from lang="id".

The pagefind wheel ships its binary, so nothing is downloaded at build time; its output is
deterministic for the same pages. Pagefind writes into a scratch folder of ours and its files
are copied into the site through `write_file`, like every other file of the build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .. import urls
from ..safe_write import write_file


class SearchIndexError(RuntimeError):
    """Pagefind failed; the build stops and output/ stays as it was."""


def index_site(site_dir: Path, scratch: Path) -> None:
    bundle = scratch / urls.SEARCH_INDEX
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(bundle),
               "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(result.stderr.strip() or result.stdout.strip())
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(bundle).as_posix()
            write_file(site_dir, f"{urls.SEARCH_INDEX}/{relative}", path.read_bytes())
