"""content/extra/ (CNAME, verification files, .nojekyll): copied into the site as they are, last,
by the single-machine build and by the merge of a sharded one alike."""

from __future__ import annotations

from pathlib import Path

from ..safe_write import RefusedWrite, write_file

EXTRA_DIR = Path("content") / "extra"


def copy_extras(project: Path, site_dir: Path) -> None:
    """Copy content/extra/ (CNAME, verification files, .nojekyll) into the site as they are;
    a symlink or a file that would replace one of the portal's own files is refused."""
    extra = project / EXTRA_DIR
    for path in sorted(extra.rglob("*")):
        relpath = path.relative_to(extra).as_posix()
        if path.is_symlink():
            raise RefusedWrite(f"{EXTRA_DIR.as_posix()}/{relpath}", "symlink")
        if path.is_file():
            if (site_dir / relpath).exists():
                raise RefusedWrite(f"{EXTRA_DIR.as_posix()}/{relpath}", "exists")
            write_file(site_dir, relpath, path.read_bytes())
