"""Shared fixtures: a throw-away copy of the real project, and one real build of it.

A full build costs seconds; tests that need a built portal share the session's `built_project`
(read-only) or start from a copy of it (`copy_built`) instead of building their own. Tests
using either are marked `slow` automatically; `make test-cepat` leaves them out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from monografi.build.pipeline import build

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("datasets", "content", "theme", "pelicanconf.py")


TEST_CONTACT = "data@contoh.invalid"  # reserved domain: never a real address


def copy_project(target: Path, contact: str | None = TEST_CONTACT) -> Path:
    """A copy of the bundled project (real Karawang data) that a test may damage freely.

    The bundled data has no publisher e-mail (none is invented), so `check` warns; the copy gets
    a placeholder, as a configured portal would have, unless `contact` is None."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    if contact:
        package = target / "datasets" / "datapackage.json"
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        publisher = next(c for c in descriptor["contributors"] if c.get("role") == "publisher")
        publisher["email"] = contact
        package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def tree_digest(root: Path) -> dict[str, bytes]:
    """Every file under root (following the output symlink) with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted(Path(root).rglob("*")) if p.is_file()}


BUILT_FIXTURES = {"built_site", "built_project", "built_copy"}


def pytest_collection_modifyitems(items):
    """A test that reads the built portal pays for a full build (and for a browser): `slow`."""
    for item in items:
        if BUILT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "proyek")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The real project, built once for all end-to-end tests (never change it: copy_built)."""
    root = copy_project(tmp_path_factory.mktemp("situs") / "proyek")
    result = build(root, root / "output", quiet=True, workers=1)
    assert result.ok, result.report.format_text()
    return root


@pytest.fixture(scope="session")
def built_site(built_project) -> Path:
    return built_project / "output"


def copy_built(built: Path, target: Path) -> Path:
    """A built project a test may change: its files, its state (cache, manifest, builds) and its
    output link, which is relative, so the next build there reuses what the first one made."""
    shutil.copytree(built, target, symlinks=True)
    return target


@pytest.fixture
def built_copy(built_project, tmp_path) -> Path:
    return copy_built(built_project, tmp_path / "proyek")
