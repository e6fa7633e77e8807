"""Every page shows a typed view model (monografi.site.views), never a loose dict.

A dict in a view reads in Jinja like an object until a key is called `values` or `items`, and
nothing tells a template author (or issue 18's redesign) which keys exist; a dataclass does.
"""

from __future__ import annotations

import dataclasses

import pytest

from monografi import urls
from monografi.exports import Downloads
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.site.context import SiteData
from monografi.site.pages import collect
from monografi.site.views.dataset import DatasetView
from monografi.validation.catalog import load_catalog
from tests.conftest import REPO

# A document another stage publishes as it is (the standar data JSON), shown field by field.
DOCUMENTS = {(DatasetView, "standar")}


@pytest.fixture(scope="module")
def pages():
    catalog, problems = load_catalog(REPO / "datasets")
    assert not problems
    context = build_context(build_model(catalog), REPO)
    return collect(SiteData(context, [], Downloads(context)))


def _untyped(value, where: str) -> list[str]:
    """Where a view holds a dict (or a view-less object where a view belongs)."""
    if isinstance(value, dict):
        return [where]
    if isinstance(value, list | tuple):
        return [found for i, item in enumerate(value) for found in _untyped(item, f"{where}[{i}]")]
    if dataclasses.is_dataclass(value) and type(value).__module__.startswith("monografi.site.views"):
        return [found for f in dataclasses.fields(value) if (type(value), f.name) not in DOCUMENTS
                for found in _untyped(getattr(value, f.name), f"{where}.{f.name}")]
    return []


def test_every_page_but_the_404_has_a_view_model_of_its_type(pages):
    kinds = {}
    for page in pages:
        if page.path == urls.NOT_FOUND_PAGE:
            assert page.view is None  # it shows nothing of the data
            continue
        assert dataclasses.is_dataclass(page.view), page.path
        assert type(page.view).__module__.startswith("monografi.site.views."), page.path
        kinds.setdefault(page.template, set()).add(type(page.view).__name__)
    assert all(len(names) == 1 for names in kinds.values()), kinds  # one view type per template
    assert len(kinds) >= 11


def test_no_view_holds_an_untyped_dict(pages):
    found = [f for page in pages for f in _untyped(page.view, page.path)]
    assert found == []
