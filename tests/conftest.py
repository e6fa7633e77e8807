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
from hypothesis import settings

from monografi.publishing.pipeline import build

REPO = Path(__file__).resolve().parent.parent
# Speed goals live in bench/, not in tests: hypothesis's 200 ms per example failed property tests
# at random on a loaded machine (xdist workers beside other builds), so no test has a deadline.
settings.register_profile("monografi", deadline=None)
settings.load_profile("monografi")
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


BUILT_FIXTURES = {"built_site", "built_project", "built_copy", "sharded_portal"}
SHARDED_REGENCIES = ["32.74", "32.79", "36.72"]  # Kota Cirebon, Kota Banjar (Jawa Barat), Kota Cilegon


@pytest.fixture(scope="session")
def sharded_portal(tmp_path_factory) -> dict:
    """A SYNTHETIC two-province package (bench/generate.py: real names and codes, random
    figures), built once on one machine and once as its three parts + merge (read-only)."""
    import sys

    from monografi.publishing.parts import merge

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    root = tmp_path_factory.mktemp("terbagi")
    project = generate("nasional", root / "proyek", only=SHARDED_REGENCIES)
    single = root / "satu"
    assert build(project, single, quiet=True, workers=2).ok
    parts = {}
    for part in ("36", "umum", "32"):  # any order
        parts[part] = root / f"bagian-{part}"
        assert build(project, parts[part], quiet=True, workers=2, part=part).ok
    merge(project, list(parts.values()), root / "gabung")
    return {"project": project, "single": single, "parts": parts, "merged": root / "gabung"}


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
