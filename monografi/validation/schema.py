"""Schema mistakes Frictionless would crash on or describe in English, located at their key.

Frictionless compiles a field's pattern only when it reads the data (a broken regex raises),
accepts a foreign key to a table that does not exist, and reports descriptor mistakes as
jsonschema sentences ("'x' is not of type 'array' at property 'licenses'") without saying which
resource they are in. Here each becomes one Indonesian/English configuration Problem at the
file and key staff edit.
"""

from __future__ import annotations

import re

from frictionless import FrictionlessException, Package, Resource

from ..messages import Message
from .catalog import Catalog
from .report import Problem
from .rules import Kind, Rule
from .spec import PACKAGE_FILE, ResourceSpec

_PROPERTY = re.compile(r" at property '(?P<key>[^']*)'$")
# Frictionless/jsonschema notes on a descriptor (regex over the English note) -> the reason in
# words. Groups: the offending value and, when the note names one, what was expected.
METADATA_NOTES = (
    (r'field type "(?P<found>.*)" is not supported',
     Message("tipe kolom {found!r} tidak dikenal; pakai string, integer, number, date, boolean, year",
      "field type {found!r} is not supported; use string, integer, number, date, boolean, year")),
    (r"(?P<found>.*) is not of type '(?P<expected>\w+)'",
     Message("nilai {found} bertipe salah (seharusnya {expected})",
      "value {found} has the wrong type (expected {expected})")),
    (r"(?P<found>.*) does not match '.*'",
     Message("nilai {found} tidak sesuai format yang diminta", "value {found} does not match the format")),
    (r"(?P<found>.*) is a required property",
     Message("kunci {found} wajib ada", "key {found} is required")),
    (r"(?P<found>.*) is not one of \[(?P<expected>.*)\]",
     Message("nilai {found} bukan salah satu dari {expected}", "value {found} is not one of {expected}")),
    (r'primary key "(?P<found>.*)" does not match the fields',
     Message("kunci utama {found} menyebut kolom yang tidak ada", "primary key {found} names a column "
      "that does not exist")),
    (r"(?P<found>.*) is not valid under any of the given schemas",
     Message("bentuk nilai {found} tidak sah", "value {found} has an invalid shape")),
    (r"(?P<found>.*)",
     Message("bentuknya tidak sesuai spesifikasi Frictionless Data Package",
      "it does not follow the Frictionless Data Package specification")),
)
_NOTES = [(re.compile(pattern, re.S), reason) for pattern, reason in METADATA_NOTES]


def _reason_words(details: dict, lang: str) -> dict:
    """The note Frictionless gave (`catatan`: the index of its pattern) in the reader's words."""
    return {"alasan": METADATA_NOTES[details["catatan"]][1].text(lang).format(**details)}


INVALID_SCHEMA = Rule("skema", Kind.CONFIGURATION, Message(
    "Skema atau deskripsi tidak sah: {alasan}.",
    "Schema or description is invalid: {alasan}.",
    "Perbaiki kunci ini di datasets/datapackage.json atau di berkas skemanya.",
    "Fix this key in datasets/datapackage.json or in its schema file.",
), words=_reason_words)

BROKEN_PATTERN = Rule("pola_rusak", Kind.CONFIGURATION, Message(
    "Pola {value!r} bukan ekspresi reguler yang sah.",
    "Pattern {value!r} is not a valid regular expression.",
    "Perbaiki polanya (kurung dan tanda [ ] harus berpasangan), mis. \"^[0-9]{{2}}$\".",
    "Fix the pattern (brackets and [ ] must be balanced), e.g. \"^[0-9]{{2}}$\".",
))

KEY_COLUMN = Rule("kunci_kolom", Kind.CONFIGURATION, Message(
    "Kolom {value!r} tidak ada di skema tabel {tabel}.",
    "Column {value!r} is not in the schema of table {tabel}.",
    "Pakai salah satu kolom: {batas}.",
    "Use one of the columns: {batas}.",
))

KEY_TABLE = Rule("kunci_tabel", Kind.CONFIGURATION, Message(
    "Tabel rujukan {value!r} tidak ada di datapackage.json.",
    "Referenced table {value!r} is not in datapackage.json.",
    "Pakai salah satu nama tabel: {batas}.",
    "Use one of the table names: {batas}.",
))


def _names(value) -> list:
    return [value] if isinstance(value, str) else value if isinstance(value, list) else [value]


def schema_problems(catalog: Catalog) -> list[Problem]:
    """Patterns that do not compile and keys that name missing columns or tables."""
    problems: list[Problem] = []
    tables = {spec.name: spec for spec in catalog.resources}
    for index, spec in enumerate(catalog.resources):
        columns = [f["name"] for f in spec.fields]

        def add(rule: Rule, key: str, value, table: str = spec.name, known=columns,
                index=index, spec=spec) -> None:
            file, where = spec.schema_key(index, key)
            problems.append(Problem(file, rule, column=where, value=str(value),
                                    details={"tabel": table, "batas": ", ".join(known)}))

        for number, field in enumerate(spec.fields):
            pattern = (field.get("constraints") or {}).get("pattern") if isinstance(
                field.get("constraints"), dict) else None
            if isinstance(pattern, str):
                try:
                    re.compile(pattern)
                except re.error:
                    add(BROKEN_PATTERN, f"fields[{number}].constraints.pattern", pattern)
        for number, column in enumerate(_names(spec.schema.get("primaryKey", []))):
            if column not in columns:
                add(KEY_COLUMN, f"primaryKey[{number}]", column)
        keys = spec.schema.get("foreignKeys", [])
        for number, key in enumerate(keys if isinstance(keys, list) else []):
            at = f"foreignKeys[{number}]"
            if not isinstance(key, dict) or not isinstance(key.get("reference"), dict):
                continue  # a shape error: Frictionless' own check names it (metadata_problems)
            for column in _names(key.get("fields")):
                if column not in columns:
                    add(KEY_COLUMN, f"{at}.fields", column)
            target_name = key["reference"].get("resource") or spec.name
            target = tables.get(target_name)
            if target is None:
                add(KEY_TABLE, f"{at}.reference.resource", target_name, known=list(tables))
                continue
            target_columns = [f["name"] for f in target.fields]
            for column in _names(key["reference"].get("fields")):
                if column not in target_columns:
                    add(KEY_COLUMN, f"{at}.reference.fields", column, target.name,
                        target_columns)
    return problems


def metadata_problems(catalog: Catalog, resources: list[dict],
                      exc: FrictionlessException) -> list[Problem]:
    """Frictionless' descriptor errors, located per resource and put into words.

    The package-level exception does not say which resource is wrong, so each resource is
    validated alone; what remains belongs to the package itself.
    """
    problems: list[Problem] = []
    for index, (spec, descriptor) in enumerate(zip(catalog.resources, resources, strict=True)):
        try:
            Resource(descriptor).to_descriptor(validate=True)
        except FrictionlessException as error:
            problems += [_problem(spec, index, e) for e in error.to_errors()]
    if not problems:
        try:
            Package({**catalog.descriptor, "resources": []}).to_descriptor(validate=True)
        except FrictionlessException as error:
            problems += [_problem(None, None, e) for e in error.to_errors()]
    if not problems:
        problems = [_problem(None, None, e) for e in exc.to_errors()]
    return problems


def _problem(spec: ResourceSpec | None, index: int | None, error) -> Problem:
    note = error.note or ""
    found = _PROPERTY.search(note)
    key = found.group("key") if found else ""
    note = note[:found.start()] if found else note
    if error.type in ("schema-error", "field-error") and spec is not None and index is not None:
        file, where = spec.schema_key(index, key or "fields")
    elif spec is not None:
        file, where = PACKAGE_FILE, f"resources[{index}]" + (f".{key}" if key else "")
    else:
        file, where = PACKAGE_FILE, key
    # The last pattern matches any note, so a sentence is always found.
    number, match = next((n, m) for n, (pattern, _) in enumerate(_NOTES)
                         if (m := pattern.fullmatch(note)))
    values = {"found": "", "expected": "", **match.groupdict()}
    return Problem(file, INVALID_SCHEMA, column=where or None, value=values["found"][:80],
                   details={"catatan": number, **values})
