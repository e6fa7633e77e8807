"""Every module imports on its own: no import cycle hidden by the order the pipeline uses."""

import importlib
import pkgutil
import sys

import pytest

import monografi

MODULES = sorted(m.name for m in pkgutil.walk_packages(monografi.__path__, "monografi."))


@pytest.mark.parametrize("name", MODULES)
def test_module_imports_first(name):
    saved = {k: v for k, v in sys.modules.items() if k == "monografi" or k.startswith("monografi.")}
    for key in saved:
        del sys.modules[key]
    try:
        importlib.import_module(name)
    finally:
        for key in [k for k in sys.modules if k == "monografi" or k.startswith("monografi.")]:
            del sys.modules[key]
        sys.modules.update(saved)
