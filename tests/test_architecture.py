"""The stage packages import only downwards (docs/arsitektur.md): no cycles, no reaching up."""

from __future__ import annotations

import ast
import functools
import pkgutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

PACKAGE = Path(__file__).resolve().parent.parent / "monografi"
# Stage → the stages it may import. "foundation" is every module directly in monografi/.
ALLOWED = {
    "foundation": set(),
    "validation": {"foundation"},
    "model": {"foundation", "validation"},
    "charts": {"foundation", "validation", "model"},  # validation: the chart kinds hints may name
    "exports": {"foundation", "validation", "model"},
    "site": {"foundation", "validation", "model", "charts", "exports"},  # validation: hints, publisher
    "publishing": {"foundation", "validation", "model", "charts", "exports", "site"},
    "forms": {"foundation", "validation", "exports"},  # exports: one way to write XLSX bytes
    "templates": {"foundation", "validation"},  # the template pack: reads and writes datasets/
    "commands": {"foundation", "validation", "publishing", "forms"},
}


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()):
        return parts[1]
    return "commands" if parts[-1] == "__main__" else "foundation"


def module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST):
    """Every node that can run: all of them but the body of `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _type_checking(node.test):
            stack.extend(node.orelse)
        else:
            stack.extend(ast.iter_child_nodes(node))


def imports_of(source: str, module: str, is_package: bool = False) -> set[str]:
    """Absolute names of the monografi modules (or packages) a source imports, at module level
    or inside a function: a lazy import still closes a cycle, it only hides it until a call.
    `from . import x` names module x when there is one. Imports for type checkers never run."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in _runtime_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            names.update(f"{base}.{a.name}" if _is_module(f"{base}.{a.name}") else base
                         for a in node.names)
    return {n for n in names if n.startswith("monografi.")}


def imported(path: Path) -> set[str]:
    """The monografi modules a file of the package imports."""
    return imports_of(path.read_text(encoding="utf-8"), module_of(path), path.name == "__init__.py")


def stage_graph(files: dict[str, set[str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, targets in files.items():
        graph.setdefault(stage_of(module), set()).update(
            stage_of(t) for t in targets if stage_of(t) != stage_of(module))
    return graph


def module_graph(files: dict[str, set[str]]) -> dict[str, set[str]]:
    """Module → the modules of its own stage package (subpackages included) it imports."""
    return {module: {t for t in targets if t != module and t in files and stage_of(t) == stage_of(module)}
            for module, targets in files.items()}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path, or None."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = "active"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "active":
                loop = path + [node, nxt]
                return loop[loop.index(nxt):]
            if nxt not in state and (found := visit(nxt, path + [node])):
                return found
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node, [])):
            return found
    return None


def upward_imports(files: dict[str, set[str]]) -> list[str]:
    return sorted(f"{module} → {target}" for module, targets in files.items() for target in targets
                  if stage_of(target) != stage_of(module)
                  and stage_of(target) not in ALLOWED[stage_of(module)])


@pytest.fixture(scope="module")
def files() -> dict[str, set[str]]:
    return {module_of(p): imported(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_stage_is_known(files):
    assert {stage_of(m) for m in files} == set(ALLOWED)


def test_no_stage_imports_a_higher_one(files):
    assert upward_imports(files) == []


def test_no_cycle_between_stages(files):
    assert cycle(stage_graph(files)) is None


def test_no_cycle_inside_any_package(files):
    """Inside a stage too, modules import one way: exports had base → releases → package → base
    and validation catalog → sources → catalog, both hidden by imports inside functions."""
    assert cycle(module_graph(files)) is None


def test_the_cycle_check_counts_imports_inside_functions():
    """A planted cycle closed by a lazy import is found; an import only for type checkers is not
    an import."""
    planted = {
        "monografi.exports.base": "def releases(self):\n    from .releases import build_releases\n",
        "monografi.exports.releases": "from .package import package_zip\n",
        "monografi.exports.package": "from . import base\n",
        "monografi.exports.feed": "from .. import fmt\nfrom ..model import areas\n",
    }
    files = {module: imports_of(source, module) for module, source in planted.items()}
    assert files["monografi.exports.base"] == {"monografi.exports.releases"}
    assert files["monografi.exports.feed"] == {"monografi.fmt", "monografi.model.areas"}
    assert cycle(module_graph(files)) == ["monografi.exports.base", "monografi.exports.releases",
                                          "monografi.exports.package", "monografi.exports.base"]
    del files["monografi.exports.package"]
    assert cycle(module_graph(files)) is None
    typed = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .areas import Model\n"
    assert imports_of(typed, "monografi.model.derived") == set()


def test_the_checks_catch_what_they_are_for():
    """The detectors themselves: a model module importing the site is both upward and a cycle."""
    files = {"monografi.model.areas": {"monografi.site.views"},
             "monografi.site.views": {"monografi.model.areas"}, "monografi.fmt": set()}
    assert upward_imports(files) == ["monografi.model.areas → monografi.site.views"]
    assert cycle(stage_graph(files)) == ["model", "site", "model"]
    assert cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


MAX_MODULE_LINES = 400  # a module longer than this holds more than one idea: split it


def long_modules(root: Path, limit: int = MAX_MODULE_LINES) -> dict[str, int]:
    """Python modules under root (sub-packages too) longer than `limit` lines, by relative path;
    every line counts, blank and comment lines too, with or without a final newline."""
    lengths = {p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
               for p in sorted(root.rglob("*.py"))}
    return {name: n for name, n in lengths.items() if n > limit}


def test_no_module_is_over_400_lines():
    assert long_modules(PACKAGE) == {}


LINES = st.sampled_from(("", "# a comment", "x = 1", '"""text"""', "    pass"))


@settings(max_examples=25, deadline=None)
@given(modules=st.lists(st.tuples(st.integers(MAX_MODULE_LINES - 3, MAX_MODULE_LINES + 3)
                                  | st.integers(0, 3 * MAX_MODULE_LINES),
                                  st.booleans(), st.booleans(), LINES), min_size=1, max_size=6))
def test_the_length_check_flags_exactly_the_modules_over_the_limit(tmp_path_factory, modules):
    """Around the boundary (400 lines pass, 401 fail) and far from it, in a package or a
    sub-package, whatever the lines are and whether the file ends in a newline."""
    root = tmp_path_factory.mktemp("package")
    expected = {}
    for index, (count, nested, final_newline, line) in enumerate(modules):
        name = f"{'sub/' if nested else ''}m{index}.py"
        (root / name).parent.mkdir(exist_ok=True)
        text = "\n".join([line] * count) + ("\n" if final_newline and count else "")
        (root / name).write_text(text, encoding="utf-8")
        lines = count - (count > 0 and not final_newline and line == "")  # '' unended is no line
        if lines > MAX_MODULE_LINES:
            expected[name] = lines
    assert long_modules(root) == dict(sorted(expected.items()))


def test_only_what_validates_imports_the_validator(files):
    """Reading a file is dialect's job: model, history and forms must not pull in the validator
    (and Frictionless) only to read a CSV."""
    users = sorted(m for m, targets in files.items() if "monografi.validation.check" in targets)
    assert users == ["monografi.commands.common", "monografi.exports.releases", "monografi.forms.importer",
                     "monografi.forms.inbox", "monografi.publishing.pipeline"]


def test_every_registry_entry_follows_its_protocol():
    """Chart kinds, page writers and export formats: a registry each, typed by a Protocol; a
    dataset hint can name a chart kind but never a map."""
    from monografi.charts.registry import CHART_KINDS, HINT_KINDS, MAP_KINDS, ChartKind, HintKind
    from monografi.exports.base import RenderDataset
    from monografi.exports.formats import DATASET_FORMATS
    from monografi.exports.portal import PORTAL_EXPORTERS, PortalExporter
    from monografi.site import pages
    from monografi.validation.hints import CHART_HINTS

    assert all(isinstance(kind, HintKind) for kind in HINT_KINDS.values())
    assert all(isinstance(kind, ChartKind) for kind in CHART_KINDS.values())
    assert set(HINT_KINDS) == set(CHART_HINTS) and not set(MAP_KINDS) & set(CHART_HINTS)
    assert all(isinstance(w, pages.PageWriter) for w in pages.WRITERS)
    assert all(isinstance(f.render, RenderDataset) for f in DATASET_FORMATS)
    assert all(isinstance(e, PortalExporter) for e in PORTAL_EXPORTERS)


def test_every_page_module_is_a_registered_writer():
    """A module in site/pages/ that WRITERS does not name would never write its pages: every
    one but `base` (Page, PageWriter) is registered, once, in module-name order."""
    from monografi.site import pages

    modules = sorted(m.name for m in pkgutil.iter_modules(pages.__path__) if m.name != "base")
    assert [w.__name__.rpartition(".")[2] for w in pages.WRITERS] == modules


def test_the_build_context_lives_in_the_model_and_builds_no_release():
    """One BuildContext in model/context.py; snapshots of old releases are built by the release
    exporter when the pipeline asks (exports.releases.build_releases), never by a property that
    quietly re-validates every git tag."""
    from monografi.exports import base, releases
    from monografi.model.context import BuildContext

    assert BuildContext.__module__ == "monografi.model.context"
    assert callable(releases.build_releases)
    for owner in (BuildContext, base.Downloads):
        assert not any("release" in name for name, value in vars(owner).items()
                       if isinstance(value, property | functools.cached_property)), owner


def test_no_class_name_names_two_classes():
    """`Ranking`, `Area` and `Table` each named two different things; one name, one class."""
    names = [node.name for path in PACKAGE.rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.ClassDef)]
    assert sorted({name for name in names if names.count(name) > 1}) == []
