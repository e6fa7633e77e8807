"""The template pack as data: every table it offers, read from the files in paket/.

A table of the pack is two files in paket/<group>/: NAME.json (its package entry, its own
columns as a Table Schema fragment, and its hints: form layout, roll-up, official reference)
and NAME.csv (the header a project receives; a code list's codes). The columns every template
shares — the area code, the period, `sumber` and `catatan` — are declared once in
paket/kolom_baku.json and put around each template's own columns here. Adding a template is
adding two files; nothing in this module names one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..validation.template_hints import FORM_BOOKS

PACK = resources.files(__package__) / "paket"
STANDARD_COLUMNS = "kolom_baku.json"
COVERAGE = "cakupan.json"
CODE_LIST_GROUP = "kode"


@dataclass(frozen=True)
class Template:
    """One table of the pack, as a project will receive it (before the area code is fitted to
    the project's own master table)."""

    name: str
    group: str  # the folder in paket/: monografi, kcda, kecamatan, kode
    entry: dict  # the package entry without path and schema: title, description, hints
    schema: dict  # the whole Table Schema
    csv: bytes  # the CSV file as shipped: a header only, or a code list's codes

    @property
    def level(self) -> str | None:
        """The master table each row points to (desa, kecamatan), None for a code list."""
        return self.entry.get("tingkat")

    @property
    def is_code_list(self) -> bool:
        return self.level is None

    @property
    def hints(self) -> dict:
        return self.entry.get("monografi", {})

    @property
    def references(self) -> list[dict]:
        """The official items it implements (`rujukan`), each with its status."""
        return self.hints.get("rujukan", [])

    @property
    def status(self) -> str:
        """The status of the item it implements: its first reference (the others name related
        items, e.g. a code list's correspondence with a form's columns)."""
        return self.references[0]["status"]

    @property
    def layout(self) -> tuple[str, str, int] | None:
        """(book, section, order) in the official forms (`formulir`); None for a code list."""
        form = self.hints.get("formulir")
        return (form["buku"], form["bagian"], form["urutan"]) if form else None

    @property
    def code_lists(self) -> list[str]:
        """The pack's code lists its columns point to (foreign keys), in column order."""
        return [key["reference"]["resource"] for key in self.schema.get("foreignKeys", [])
                if key["reference"]["resource"] in code_list_names()]

    @property
    def rows(self) -> list[str]:
        """The data lines shipped with it: none for a template, the codes for a code list."""
        return self.csv.decode("utf-8").splitlines()[1:]


def _read_json(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _wrap(spec: dict, standard: dict) -> dict:
    """The whole schema: area and period first, the template's own columns, then sumber and
    catatan; keys and foreign keys in the same order."""
    own = spec["schema"]
    level, period = spec.get("tingkat"), spec.get("periode")
    if level is None:
        return {"fields": own["fields"], "missingValues": [""], "primaryKey": own["primaryKey"],
                **({"foreignKeys": own["foreignKeys"]} if own.get("foreignKeys") else {})}
    area = standard["wilayah"][level]
    when = standard["periode"][period]
    source, note = standard["sumber"], standard["catatan"]
    return {
        "fields": [area, when, *own["fields"], source, note],
        "missingValues": [""],
        "primaryKey": [area["name"], when["name"], *own.get("primaryKey", []), source["name"]],
        "foreignKeys": [
            {"fields": area["name"], "reference": {"resource": level, "fields": area["name"]}},
            *own.get("foreignKeys", []),
            {"fields": source["name"], "reference": {"resource": "sumber", "fields": "id"}},
        ],
    }


@cache
def templates() -> tuple[Template, ...]:
    """Every table of the pack: code lists first, then the templates in the order of the
    official forms (book, section, order)."""
    standard = _read_json(PACK / STANDARD_COLUMNS)
    found = []
    for group in sorted((p for p in PACK.iterdir() if p.is_dir()), key=lambda p: p.name):
        for path in sorted((p for p in group.iterdir() if p.name.endswith(".json")), key=lambda p: p.name):
            spec = _read_json(path)
            entry = {k: v for k, v in spec.items() if k != "schema"}
            csv = (group / f"{spec['name']}.csv").read_bytes()
            found.append(Template(spec["name"], group.name, entry, _wrap(spec, standard), csv))
    return tuple(sorted(found, key=_order))


def _order(template: Template) -> tuple:
    """Code lists first, then book, section and order as the official forms declare them."""
    if template.layout is None:
        return (0, 0, 0, template.name)
    book, section, order = template.layout
    books = list(FORM_BOOKS)
    return (1 + books.index(book), list(FORM_BOOKS[book].sections).index(section), order, template.name)


@cache
def code_list_names() -> frozenset[str]:
    return frozenset(p.name.removesuffix(".json") for p in (PACK / CODE_LIST_GROUP).iterdir()
                     if p.name.endswith(".json"))


def coverage() -> dict[str, dict]:
    """The pack's map of the reference's sections (Permendagri 13/2012 identity block and
    sections A–F, KCDA chapters 1–7, the kecamatan's own tables, the standard code lists):
    section id -> {"judul": title, "templat": [tables implementing it]}."""
    return _read_json(PACK / COVERAGE)
