"""The lock files (requirements.lock, requirements-test.lock) agree with pyproject.toml, and the
environment the tests run in was installed from them: CI and staff get the same versions.

When a dependency is added, removed or re-bounded in pyproject.toml, `make lock` rewrites both
files (uv, the only step that needs it); these tests fail until it has been run.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import metadata

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PYPROJECT = "monografi (pyproject.toml)"  # how uv names a requirement of pyproject.toml
RUNTIME_LOCK = "requirements.lock"
HINT = "jalankan `make lock` lalu `make .venv/.installed`"


@dataclass
class Pin:
    version: str
    marker: str = ""
    hashes: list[str] = field(default_factory=list)
    via: set[str] = field(default_factory=set)


def parse_lock(text: str) -> dict[str, Pin]:
    """name → Pin from uv's requirements format (`name==v ; marker \\`, hashes, `# via` lines)."""
    pins: dict[str, Pin] = {}
    current: Pin | None = None
    in_via = False
    for line in text.splitlines():
        head = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$", line)
        if head:
            current = pins[canonicalize_name(head[1])] = Pin(head[2], (head[3] or "").strip())
            in_via = False
        elif current is not None and (digest := re.search(r"--hash=sha256:([0-9a-f]{64})", line)):
            current.hashes.append(digest[1])
        elif current is not None and (via := re.match(r"\s+# via(?: (.+))?$", line)):
            in_via = via[1] is None
            if via[1]:
                current.via.add(via[1].strip())
        elif current is not None and in_via and (item := re.match(r"\s+#   (.+)$", line)):
            current.via.add(item[1].strip())
    return pins


def declared(test: bool) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + (project["optional-dependencies"]["test"] if test else [])
    return [Requirement(r) for r in wanted]


def disagreements(requirements: list[Requirement], pins: dict[str, Pin]) -> list[str]:
    """What a lock says that pyproject.toml does not (or the reverse), one line each."""
    problems = []
    direct = {canonicalize_name(r.name): r for r in requirements}
    for name, requirement in sorted(direct.items()):
        pin = pins.get(name)
        if pin is None:
            problems.append(f"{name}: di pyproject.toml, tidak ada di berkas kunci")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{name}=={pin.version} tidak memenuhi '{requirement.specifier}'")
    for name, pin in sorted(pins.items()):
        if PYPROJECT in pin.via and name not in direct:
            problems.append(f"{name}: di berkas kunci sebagai dependensi langsung, tidak di pyproject.toml")
        if not pin.via & {*pins, PYPROJECT, f"-c {RUNTIME_LOCK}"}:
            problems.append(f"{name}: tidak dibutuhkan siapa pun ({', '.join(sorted(pin.via)) or '-'})")
        if not pin.hashes:
            problems.append(f"{name}: tanpa sha256 (pip --require-hashes menolaknya)")
    return problems


def _lock(name: str) -> dict[str, Pin]:
    return parse_lock((REPO / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("lock", "test"), [(RUNTIME_LOCK, False), ("requirements-test.lock", True)])
def test_each_lock_pins_what_pyproject_asks_and_nothing_else(lock, test):
    assert disagreements(declared(test), _lock(lock)) == [], HINT


def test_the_test_lock_keeps_every_runtime_pin():
    runtime, full = _lock(RUNTIME_LOCK), _lock("requirements-test.lock")
    changed = {n: (p.version, full[n].version if n in full else None) for n, p in runtime.items()
               if n not in full or (full[n].version, full[n].marker) != (p.version, p.marker)}
    assert changed == {}, HINT


def test_this_environment_was_installed_from_the_lock():
    """CI runs `make test`, which installs requirements-test.lock: what the tests import is what
    the lock names (packages for another platform, by their marker, are left out)."""
    wrong = {}
    for name, pin in _lock("requirements-test.lock").items():
        if pin.marker and not Marker(pin.marker).evaluate():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != pin.version:
            wrong[name] = (pin.version, installed)
    assert wrong == {}, HINT


NAMES = st.from_regex(r"[a-z][a-z0-9]{1,8}", fullmatch=True)
VERSIONS = st.tuples(st.integers(0, 30), st.integers(0, 30)).map(lambda v: f"{v[0]}.{v[1]}")


def _render(pins: dict[str, Pin]) -> str:
    """A lock written the way uv writes one (single or multi-line `# via`)."""
    lines = ["# This file was autogenerated by uv via the following command:", "#    make lock"]
    for name, pin in pins.items():
        marker = f" ; {pin.marker}" if pin.marker else ""
        lines.append(f"{name}=={pin.version}{marker} \\")
        lines += [f"    --hash=sha256:{h} \\" for h in pin.hashes[:-1]]
        lines += [f"    --hash=sha256:{h}" for h in pin.hashes[-1:]]
        via = sorted(pin.via)
        lines += [f"    # via {via[0]}"] if len(via) == 1 else ["    # via", *(f"    #   {v}" for v in via)]
    return "\n".join(lines) + "\n"


@given(direct=st.dictionaries(NAMES, VERSIONS, min_size=2, max_size=6),
       change=st.sampled_from(["added", "removed", "bound", "orphan", "unhashed"]), data=st.data())
def test_any_disagreement_between_pyproject_and_a_lock_is_reported(direct, change, data):
    """The checker itself: a lock made from the requirements agrees; each kind of drift, on any
    package, is named."""
    pins = {n: Pin(v, "sys_platform == 'win32'" if i == 0 else "", ["ab" * 32], {PYPROJECT})
            for i, (n, v) in enumerate(direct.items())}
    requirements = [Requirement(f"{n}>={v}") for n, v in direct.items()]
    assert disagreements(requirements, parse_lock(_render(pins))) == []
    target = data.draw(st.sampled_from(sorted(direct)))
    if change == "added":
        requirements.append(Requirement(f"{target}-baru>=1"))
    elif change == "removed":
        requirements = [r for r in requirements if r.name != target]
    elif change == "bound":
        major = int(direct[target].split(".")[0])
        requirements = [Requirement(f"{r.name}>={major + 1}") if r.name == target else r
                        for r in requirements]
    elif change == "orphan":
        pins["sisa"] = Pin("1.0", "", ["cd" * 32], {"paket-yang-dihapus"})
    else:
        pins[target].hashes = []
    problems = disagreements(requirements, parse_lock(_render(pins)))
    assert problems and all(re.match(r"[a-z0-9-]+[:=]", p) for p in problems)
