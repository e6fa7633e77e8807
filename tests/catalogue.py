"""The rule catalogue as the tests see it: every Rule the checks define, found where it is written."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import monografi
from monografi.validation.rules import Rule

PACKAGE = Path(monografi.__file__).parent
# Where checks raise problems: each rule is defined in one of their modules.
RULE_PACKAGES = ("validation", "forms")
# Stages that write the public site: Indonesian by design, never switched by --lang.
PUBLIC_STAGES = ("model", "charts", "exports", "site")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def rule_modules() -> list:
    modules = []
    for package in RULE_PACKAGES:
        imported = importlib.import_module(f"monografi.{package}")
        modules.append(imported)
        modules += [importlib.import_module(info.name) for info in
                    pkgutil.walk_packages(imported.__path__, f"monografi.{package}.")]
    return modules


def all_rules() -> dict[str, Rule]:
    """id -> Rule, from the module globals of every module that may raise problems."""
    found: dict[str, Rule] = {}
    for module in rule_modules():
        for value in vars(module).values():
            if isinstance(value, Rule):
                assert found.setdefault(value.id, value) is value, f"two rules named {value.id!r}"
    return found


def definitions() -> list[tuple[str, str]]:
    """(module, rule id) of every `NAME = Rule("id", …)` written in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                    getattr(node.value.func, "id", None) == "Rule":
                found.append((module_name(path), node.value.args[0].value))
    return found


def staff_facing_sources() -> dict[str, str]:
    """Source of every module that speaks to staff (all but the public site's stages and the
    interface word list itself)."""
    return {module_name(path): path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))
            if path.relative_to(PACKAGE).parts[0] not in PUBLIC_STAGES and path.name != "messages.py"}
