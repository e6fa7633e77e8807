"""content/extra/ (CNAME, verification files, .nojekyll): copied into the site as they are, last,
by the single-machine build and by the merge of a sharded one alike."""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..safe_write import RefusedWrite, write_file


def copy_extras(project: Project, site_dir: Path) -> None:
    """Copy content/extra/ (CNAME, verification files, .nojekyll) into the site as they are;
    a symlink or a file that would replace one of the portal's own files is refused."""
    project = Project(project)
    for path in sorted(project.extra.rglob("*")):
        relpath = path.relative_to(project.extra).as_posix()
        if path.is_symlink():
            raise RefusedWrite(project.relpath(path), "symlink")
        if path.is_file():
            if (site_dir / relpath).exists():
                raise RefusedWrite(project.relpath(path), "exists")
            write_file(site_dir, relpath, path.read_bytes())
