"""One `Project` for the layout: folder names spelled once, one list of protected folders."""

from __future__ import annotations

import ast
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi import project as layout
from monografi.forms.form import TargetError, check_target
from monografi.project import PROTECTED, Project
from monografi.publishing.publish import UnsafeOutput, check_output
from tests.test_architecture import PACKAGE, module_of

SEGMENT = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)


def _strings(tree: ast.AST):
    """The string constants of a module that are values: not docstrings, not dict keys, not a
    command's name (`add_parser`), and of an f-string only its start."""
    skip = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            skip |= {id(key) for key in node.keys}
        elif isinstance(node, ast.JoinedStr):
            skip |= {id(part) for part in node.values[1:]}
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "add_parser"):
            skip |= {id(arg) for arg in node.args[:1]}
    return [node for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in skip]


# Words that are a folder's name but mean something else where they are written.
NOT_LAYOUT = {"monografi.site.pages.datasets: 'datasets'"}  # the template datasets.html


def layout_spellings(modules: dict[str, str]) -> list[str]:
    """`module: 'text'` for every string that names a project folder or file outside project.py."""
    names = {layout.DATASETS, layout.CONTENT, layout.THEME, layout.SETTINGS, layout.OUTPUT,
             layout.INBOX, layout.STATE, "extra", "builds", "cache", "impor"}
    spelled = re.compile(rf"^(?:{'|'.join(map(re.escape, sorted(names)))})(?:/|$)")
    found = {f"{module}: {node.value!r}" for module, source in modules.items()
             if module != "monografi.project" for node in _strings(ast.parse(source))
             if spelled.match(node.value)}
    return sorted(found - NOT_LAYOUT)


def test_the_project_layout_is_spelled_only_in_project():
    """A folder name written anywhere else drifts from the layout (two lists of protected
    folders already had)."""
    modules = {module_of(p): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}
    assert layout_spellings(modules) == []
    caught = layout_spellings({"monografi.x": 'P / "datasets"\nf"content/extra/{n}"\n'
                                              'x = {"theme": 1}\nstate / "cache"\n'
                                              'f"{w}.monografi"\nc.add_parser("impor")\n'
                                              'def f():\n    """output/ is ours."""\n'})
    assert caught == ["monografi.x: 'cache'", "monografi.x: 'content/extra/'",
                      "monografi.x: 'datasets'"]


def test_a_project_is_its_root_whatever_it_is_made_from(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    project = Project("proyek")
    assert Project(project) == project == Project(tmp_path / "proyek")
    assert str(project) == str(tmp_path / "proyek") and project.root.is_absolute()
    assert Project.of_datasets(project.datasets) == project
    assert project.relpath(project.extra / "CNAME") == "content/extra/CNAME"
    assert project.cache.parent == project.builds.parent == project.import_stage.parent == project.state


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(folder=st.sampled_from(PROTECTED), below=st.lists(SEGMENT, max_size=3),
       spelling=st.sampled_from(["plain", "dotdot", "symlink"]))
def test_output_and_forms_refuse_the_same_protected_folders(tmp_path, folder, below, spelling):
    """The build's output and a fill-in form are kept out of one list of folders, however the
    path is spelled: directly, through '..', or through a symlink that leads inside."""
    project = Project(tmp_path / "proyek")
    (project.root / folder).mkdir(parents=True, exist_ok=True)
    target = project.root / folder
    if spelling == "dotdot":
        target = project.root / "x" / ".." / folder
    elif spelling == "symlink":
        link = tmp_path / f"tautan-{folder.strip('.')}"
        if not link.is_symlink():
            link.symlink_to(project.root / folder)
        target, below = link, below or ["baru"]  # the link itself is replaced, not followed
    target = target.joinpath(*below)
    assert project.protected_holder(target) == folder
    with pytest.raises(UnsafeOutput) as refused:
        check_output(project, target)
    assert refused.value.reason == "protected" and refused.value.part == folder

    class Catalog:
        root = project.datasets

    target.parent.mkdir(parents=True, exist_ok=True)
    with pytest.raises(TargetError) as refused_form:
        check_target(Catalog, target.with_name("f.xlsx") if below else target / "f.xlsx")
    assert refused_form.value.values["folder"] == folder


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=SEGMENT.filter(lambda n: n not in PROTECTED))
def test_other_folders_of_the_project_are_not_protected(tmp_path, name):
    project = Project(tmp_path / "proyek")
    assert project.protected_holder(project.root / name / "situs") is None
    assert project.protected_holder(project.root / f"{layout.DATASETS}-lama") is None
    assert project.protected_holder(project.output, also=(project.output,)) == layout.OUTPUT
