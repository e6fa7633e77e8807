"""Text left as "ISI: …" by `monografi dataset-baru`: refused until staff write the real text.

A title, unit or description that still says "ISI: …" would be published as it stands; each one
is reported at its key (datapackage.json or the schema file), so `check` doubles as the list of
what is left to fill in for a new dataset.
"""

from __future__ import annotations

from ..messages import Message
from .catalog import Catalog
from .report import Problem
from .rules import Kind, Rule
from .spec import PACKAGE_FILE

PLACEHOLDER = "ISI: "

PLACEHOLDER_TEXT = Rule("isian_kerangka", Kind.CONFIGURATION, Message(
    "Teks contoh dari `monografi dataset-baru` belum diganti: {value!r}.",
    "Placeholder text from `monografi dataset-baru` is still there: {value!r}.",
    "Ganti seluruh teks \"ISI: …\" di kunci ini dengan teks yang sebenarnya (judul, satuan, "
    "keterangan; lihat Panduan data, bagian Menambah dataset).",
    "Replace the whole \"ISI: …\" text at this key with the real text (title, unit, "
    "description; see the data guide, Adding a dataset).",
))


def _strings(value, key: str):
    """(key path, text) for every string inside a JSON value."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, f"{key}.{name}" if key else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{key}[{index}]")


def placeholder_problems(catalog: Catalog) -> list[Problem]:
    problems = []
    for index, spec in enumerate(catalog.resources):
        entry = {k: v for k, v in spec.descriptor.items() if k != "schema"}
        for key, text in _strings(entry, f"resources[{index}]"):
            if text.startswith(PLACEHOLDER):
                problems.append(Problem(PACKAGE_FILE, PLACEHOLDER_TEXT, column=key, value=text))
        for key, text in _strings(spec.schema, ""):
            if text.startswith(PLACEHOLDER):
                file, where = spec.schema_key(index, key)
                problems.append(Problem(file, PLACEHOLDER_TEXT, column=where, value=text))
    return problems
