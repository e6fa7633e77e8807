"""The type checker: the package passes mypy, strictly on the foundation modules and the model
stage, and the registries' Protocols are real — mypy refuses what does not fit them (`print` as a
dataset renderer, a page module whose `pages` is not a page writer, a command without HELP, …)
and accepts what does, at the boundary between the two.

Planted registrations are generated (hypothesis), written as small modules beside each other and
checked in one mypy run per example, against the project's own configuration and cache.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass

from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# What the brief names as the foundation, and the model stage: strict at least on these.
STRICT_REQUIRED = ("monografi.project", "monografi.urls", "monografi.address", "monografi.refusal",
                   "monografi.state", "monografi.safe_write", "monografi.files", "monografi.fmt",
                   "monografi.messages", "monografi.validation.rules", "monografi.model.*")
IMPOSTORS = ("print", "len", "repr", "sorted", "id", "str", "bytes")  # builtins that fit no registry
PARAMS = ("Downloads", "Dataset", "object", "str", "int")
HEADER = """\
from __future__ import annotations
import argparse
from collections.abc import Iterable, Iterator, Mapping
from matplotlib.figure import Figure
from monografi.charts.base import Chart
from monografi.charts.registry import HintKind
from monografi.commands.parser import Command
from monografi.exports.base import DatasetFormat, Downloads
from monografi.exports.portal import PortalExporter
from monografi.messages import Message
from monografi.model.areas import Area, Dataset, Model
from monografi.site.context import SiteData
from monografi.site.pages import Page, PageWriter
"""


def run_mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", *args], cwd=REPO, capture_output=True,
                          text=True, check=False)


def test_the_package_passes_the_type_checker():
    done = run_mypy()
    assert done.returncode == 0 and "Success" in done.stdout, done.stdout + done.stderr


def test_the_foundation_and_the_model_are_checked_strictly():
    """Every flag `mypy --strict` turns on (asked of mypy itself) is on for the foundation modules
    and the model stage (mypy reads `strict` only for a whole run, so the flags are listed)."""
    from mypy.main import define_options

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = [o for o in config.get("overrides", []) if "disallow_untyped_defs" in o]
    assert len(strict) == 1 and set(STRICT_REQUIRED) <= set(strict[0]["module"])
    effective = {**config, **strict[0]}
    _, _, flags = define_options()
    missing = [dest for dest, value in flags
               if effective.get(dest) != value and effective.get(f"no_{dest}") != (not value)]
    assert flags and missing == []


def test_every_registry_is_declared_with_its_protocol():
    """What mypy checks the planted registrations below against is what each registry says it
    holds: a registry without its Protocol in its type would accept anything again."""
    import typing

    from monografi.charts import registry
    from monografi.commands import parser
    from monografi.exports import base, formats, portal
    from monografi.site import pages

    declared = {
        (formats, "DATASET_FORMATS"): tuple[base.DatasetFormat, ...],
        (portal, "PORTAL_EXPORTERS"): tuple[portal.PortalExporter, ...],
        (registry, "HINT_KINDS"): dict[str, registry.HintKind],
        (registry, "MAP_KINDS"): dict[str, registry.ChartKind],
        (pages, "WRITERS"): tuple[pages.PageWriter, ...],
        (parser, "COMMANDS"): dict[str, parser.Command],
    }
    assert {(m.__name__, name): typing.get_type_hints(m)[name] for m, name in declared} == {
        (m.__name__, name): kind for (m, name), kind in declared.items()}
    assert typing.get_type_hints(base.DatasetFormat)["render"] is base.RenderDataset


@dataclass(frozen=True)
class Case:
    """One planted registration: the module holding the candidate (if it is a module), the
    registration, and whether it fits the registry's Protocol."""

    registration: str
    fits: bool
    module: str | None = None  # source of a candidate module, imported as `candidate`


def _function(name: str, params: list[str], names: tuple[str, ...], returns: str) -> str:
    signature = ", ".join(f"{n}: {t}" for n, t in zip(names, params, strict=False))
    return f"def {name}({signature}) -> {returns}:\n    raise NotImplementedError\n"


@st.composite
def renderers(draw) -> Case:
    """RenderDataset: (downloads: Downloads, dataset: Dataset) -> bytes."""
    params = draw(st.lists(st.sampled_from(PARAMS), max_size=3))
    returns = draw(st.sampled_from(("bytes", "str", "None", "object", "int")))
    fits = (len(params) == 2 and params[0] in ("Downloads", "object")
            and params[1] in ("Dataset", "object") and returns == "bytes")
    body = _function("render", params, ("downloads", "dataset", "extra"), returns)
    return Case(body + 'X = DatasetFormat("k", "K", ".k", "text/plain", "d", render)\n', fits)


@st.composite
def portal_exporters(draw) -> Case:
    """PortalExporter: (downloads: Downloads) -> Mapping[str, bytes]."""
    params = draw(st.lists(st.sampled_from(PARAMS), max_size=2))
    good = ("dict[str, bytes]", "Mapping[str, bytes]")
    returns = draw(st.sampled_from((*good, "dict[str, str]", "list[bytes]", "bytes", "None")))
    fits = len(params) == 1 and params[0] in ("Downloads", "object") and returns in good
    body = _function("export", params, ("downloads", "extra"), returns)
    return Case(body + "X: tuple[PortalExporter, ...] = (export,)\n", fits)


CHART_MEMBERS = {  # member -> (fitting source, misfits)
    "name": ('    name = "k"\n', ('    name = 1\n',)),
    "draw": ("    def draw(self, figure: Figure, chart: Chart) -> None:\n        return None\n",
             ("    def draw(self, figure: Figure) -> None:\n        return None\n",
              "    def draw(self, figure: Figure, chart: Chart) -> int:\n        return 1\n")),
    "plan": ("    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> Chart | None:\n"
             "        return None\n",
             ("    def plan(self, model: Model, dataset: Dataset, hint: dict) -> Chart | None:\n"
              "        return None\n",
              "    def plan(self, model: Model, dataset: Dataset, hint: dict, area: Area) -> str:\n"
              "        return ''\n")),
}


@st.composite
def chart_kinds(draw) -> Case:
    """HintKind: name, draw(figure, chart), plan(model, dataset, hint, area) -> Chart | None."""
    fits, members = True, []
    for fitting, misfits in CHART_MEMBERS.values():
        choice = draw(st.sampled_from(("fits", "misfits", "absent")))
        fits &= choice == "fits"
        members.append(fitting if choice == "fits" else
                       draw(st.sampled_from(misfits)) if choice == "misfits" else "")
    body = "class Kind:\n    kind_doc = ''\n" + "".join(members)
    return Case(body + 'X: dict[str, HintKind] = {"k": Kind()}\n', fits)


@st.composite
def page_writers(draw) -> Case:
    """A page module: pages(site: SiteData) -> Iterable[Page]."""
    good = ("Iterable[Page]", "Iterator[Page]", "list[Page]")
    kind = draw(st.sampled_from(("function", "impostor", "absent")))
    if kind == "function":
        params = draw(st.lists(st.sampled_from(("SiteData", "object", "str")), max_size=2))
        returns = draw(st.sampled_from((*good, "list[str]", "None", "Page")))
        fits = len(params) == 1 and params[0] in ("SiteData", "object") and returns in good
        module = _function("pages", params, ("site", "extra"), returns)
    else:
        fits, module = False, f"pages = {draw(st.sampled_from(IMPOSTORS))}\n" if kind == "impostor" else ""
    return Case("X: tuple[PageWriter, ...] = (candidate,)\n", fits, HEADER + module)


@st.composite
def commands(draw) -> Case:
    """A command module: HELP: Message and run(args: argparse.Namespace) -> int."""
    help_kind = draw(st.sampled_from(("message", "text", "absent")))
    helps = {"message": 'HELP = Message("a", "b")\n', "text": 'HELP = "a"\n', "absent": ""}
    run_kind = draw(st.sampled_from(("namespace", "untyped", "returns text", "impostor", "absent")))
    runs = {"namespace": _function("run", ["argparse.Namespace"], ("args",), "int"),
            "untyped": "def run(args) -> int:\n    return 0\n",
            "returns text": _function("run", ["argparse.Namespace"], ("args",), "str"),
            "impostor": f"run = {draw(st.sampled_from(IMPOSTORS))}\n", "absent": ""}
    fits = help_kind == "message" and run_kind in ("namespace", "untyped")
    return Case('X: dict[str, Command] = {"k": candidate}\n', fits,
                HEADER + helps[help_kind] + runs[run_kind])


def impostors() -> st.SearchStrategy[Case]:
    """A builtin registered where a registry's entry goes: never fits."""
    registrations = ('X = DatasetFormat("k", "K", ".k", "text/plain", "d", {})\n',
                     "X: tuple[PortalExporter, ...] = ({},)\n", 'X: dict[str, HintKind] = {{"k": {}}}\n')
    return st.builds(lambda r, b: Case(r.format(b), False), st.sampled_from(registrations),
                     st.sampled_from(IMPOSTORS))


# `print` as a dataset renderer is the case the issue names: it is in every run.
PRINT_AS_RENDERER = Case('X = DatasetFormat("k", "K", ".k", "text/plain", "d", print)\n', False)
CASES = st.lists(st.one_of(renderers(), portal_exporters(), chart_kinds(), page_writers(), commands(),
                           impostors()), min_size=12, max_size=24)


def _refused(cases: list[Case], folder) -> list[bool]:
    """Whether mypy reports an error in each case's registration, all checked in one run."""
    files = []
    for index, case in enumerate(cases):
        if case.module is not None:
            (folder / f"candidate_{index}.py").write_text(case.module, encoding="utf-8")
        head = HEADER + (f"import candidate_{index} as candidate\n" if case.module is not None else "")
        files.append(folder / f"case_{index}.py")
        files[-1].write_text(head + case.registration, encoding="utf-8")
    done = run_mypy("--no-error-summary", *map(str, files))
    assert "error: Cannot find" not in done.stdout and not done.stderr, done.stdout + done.stderr
    wrong = set(re.findall(r"(case_\d+)\.py:\d+: error", done.stdout))
    return [f"case_{index}" in wrong for index in range(len(cases))]


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(cases=CASES)
def test_mypy_refuses_exactly_what_does_not_fit_a_registry(cases, tmp_path_factory):
    """Dataset renderers, portal exporters, chart kinds, page writers and commands: a generated
    registration is refused by mypy if and only if it breaks its Protocol (arity, a parameter's
    type, the return type, a missing or mistyped member, a builtin in its place)."""
    cases = [PRINT_AS_RENDERER, *cases]
    refused = _refused(cases, tmp_path_factory.mktemp("planted"))
    assert [(c.module, c.registration) for c, r in zip(cases, refused, strict=True) if r == c.fits] == []
