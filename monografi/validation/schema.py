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

from ..messages import METADATA_NOTES
from .catalog import PACKAGE_FILE, Catalog, ResourceSpec
from .report import Problem

_PROPERTY = re.compile(r" at property '(?P<key>[^']*)'$")
_NOTES = [(re.compile(pattern, re.S), texts) for pattern, texts in METADATA_NOTES]


def _names(value) -> list:
    return [value] if isinstance(value, str) else value if isinstance(value, list) else [value]


def schema_problems(catalog: Catalog) -> list[Problem]:
    """Patterns that do not compile and keys that name missing columns or tables."""
    problems: list[Problem] = []
    tables = {spec.name: spec for spec in catalog.resources}
    for index, spec in enumerate(catalog.resources):
        columns = [f["name"] for f in spec.fields]

        def add(rule: str, key: str, value, table: str = spec.name, known=columns,
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
                    add("pola_rusak", f"fields[{number}].constraints.pattern", pattern)
        for number, column in enumerate(_names(spec.schema.get("primaryKey", []))):
            if column not in columns:
                add("kunci_kolom", f"primaryKey[{number}]", column)
        keys = spec.schema.get("foreignKeys", [])
        for number, key in enumerate(keys if isinstance(keys, list) else []):
            at = f"foreignKeys[{number}]"
            if not isinstance(key, dict) or not isinstance(key.get("reference"), dict):
                continue  # a shape error: Frictionless' own check names it (metadata_problems)
            for column in _names(key.get("fields")):
                if column not in columns:
                    add("kunci_kolom", f"{at}.fields", column)
            target_name = key["reference"].get("resource") or spec.name
            target = tables.get(target_name)
            if target is None:
                add("kunci_tabel", f"{at}.reference.resource", target_name, known=list(tables))
                continue
            target_columns = [f["name"] for f in target.fields]
            for column in _names(key["reference"].get("fields")):
                if column not in target_columns:
                    add("kunci_kolom", f"{at}.reference.fields", column, target.name,
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
    if error.type in ("schema-error", "field-error") and spec is not None:
        file, where = spec.schema_key(index, key or "fields")
    elif spec is not None:
        file, where = PACKAGE_FILE, f"resources[{index}]" + (f".{key}" if key else "")
    else:
        file, where = PACKAGE_FILE, key
    # The last pattern matches any note, so a sentence is always found.
    match, reason = next((m, texts) for pattern, texts in _NOTES if (m := pattern.fullmatch(note)))
    values = {"value": "", "kind": "", **match.groupdict()}
    return Problem(file, "skema", column=where or None, value=values["value"][:80],
                   details={"alasan": reason.text("id").format(**values),
                            "alasan_en": reason.text("en").format(**values)})
