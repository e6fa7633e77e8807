"""The key of a page: its context hashed generically, model objects named by their identity.

An Area is named by its code, a Dataset by its descriptor and shape (its cells reach a page
through view models, hashed by value), so a page does not hash the whole tree and a changed row
changes only the keys of the pages that show it; equal keys let the next build copy the published
page instead of rendering it again.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
from collections.abc import Callable

import pandas as pd

from ..model.areas import Area, Dataset, Model

_PLAIN = (str, int, float, bool, bytes)
_EXACT_PLAIN = frozenset({str, int, float, bool, bytes, type(None)})


def _is_instance_of_dataclass(value) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _fields_of(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


# Once per class (typeshed's cache wants a Hashable argument, which mypy denies a class object).
_field_names: Callable[[type], tuple[str, ...]] = functools.cache(_fields_of)


def table_digest(table: pd.DataFrame) -> str:
    hashed = pd.util.hash_pandas_object(table, index=False).values.tobytes()
    return hashlib.sha256(hashed + "\0".join(map(str, table.columns)).encode()).hexdigest()


class ValueDigest:
    """Hash of any page context: plain values walked, model objects named by their identity.

    Areas are hashed by code (their names and attributes are in the master tables, which are
    part of `areas_digest`); a Dataset by its descriptor and shape; the Model by all tables; a function by its
    name, its bound object and its closure. An object the walker does not know is hashed with
    its repr, which for plain objects includes its address: such a page is always re-rendered,
    never wrongly reused (a class whose repr hides what templates read would defeat this).
    """

    def __init__(self, model: Model):
        self._tables: dict[str, str] = {}
        self.model = model
        self.areas_digest = self._join(self._dataset(d) for d in model.datasets.values()
                                       if d.is_master)
        self.model_digest = self._join(self._dataset(d) for d in model.datasets.values())

    @staticmethod
    def _join(parts) -> str:
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def _dataset(self, dataset: Dataset) -> str:
        if dataset.name not in self._tables:
            self._tables[dataset.name] = dataset.name + ":" + table_digest(dataset.table)
        return self._tables[dataset.name]

    def _dataset_in_page(self, dataset: Dataset) -> str:
        """A Dataset as templates read it: descriptor, row count, periods, sources — not its
        cells, which reach a page only through view models hashed by value (TableView, figures),
        so one changed row re-renders only the pages that show it. A master table is hashed
        whole: area names and attributes reach pages through Areas, which are named by code."""
        if dataset.is_master:
            return self._dataset(dataset)
        key = f"meta:{dataset.name}"
        if key not in self._tables:
            shape = [dataset.spec.descriptor, len(dataset.table), dataset.periods, dataset.source_ids]
            self._tables[key] = hashlib.sha256(
                json.dumps(shape, sort_keys=True, default=str).encode()).hexdigest()
        return self._tables[key]

    def __call__(self, value) -> str:
        parts = [self.areas_digest]
        self._walk(value, parts.append, set())
        return hashlib.sha256("".join(parts).encode()).hexdigest()

    def _walk(self, value: object, out: Callable[[str], object], active: set[int]) -> None:
        """Appends text to `out`: reprs escape every character, so the joined text is unambiguous."""
        if value is None or isinstance(value, _PLAIN):
            out(f"{type(value).__name__}:{value!r};")
            return
        if isinstance(value, Area):
            out(f"Area:{value.code};")
            return
        if isinstance(value, Dataset):
            out(f"Dataset:{self._dataset_in_page(value)};")
            return
        if isinstance(value, Model):
            out(f"Model:{self.model_digest};")
            return
        if isinstance(value, pd.DataFrame | pd.Series):
            out(f"Frame:{table_digest(pd.DataFrame(value))};")
            return
        if id(value) in active:  # a cycle: its content is being hashed further up
            out(f"cycle:{type(value).__name__};")
            return
        if _is_instance_of_dataclass(value):
            values = [getattr(value, name) for name in _field_names(type(value))]
            if all(type(v) in _EXACT_PLAIN for v in values):  # a table's cell: one repr, no walk
                out(f"{type(value).__qualname__}{values!r};")
                return
        active.add(id(value))
        out(f"<{type(value).__qualname__}")
        if isinstance(value, dict):
            for key in sorted(value, key=repr):
                self._walk(key, out, active)
                self._walk(value[key], out, active)
        elif isinstance(value, list | tuple):
            for item in value:
                self._walk(item, out, active)
        elif isinstance(value, set | frozenset):
            for item in sorted(value, key=repr):
                self._walk(item, out, active)
        elif _is_instance_of_dataclass(value):
            for name in _field_names(type(value)):
                out(name)
                self._walk(getattr(value, name), out, active)
        elif callable(value) and hasattr(value, "__qualname__"):
            out(f"{getattr(value, '__module__', '')}.{value.__qualname__}")
            bound = getattr(value, "__self__", None)  # a bound method reads its object
            if bound is not None and not isinstance(bound, types.ModuleType):
                self._walk(bound, out, active)
            for cell in getattr(value, "__closure__", None) or ():  # a closure reads its cells
                self._walk(cell.cell_contents, out, active)
        else:
            out(repr(value))
        out(">")
        active.discard(id(value))
