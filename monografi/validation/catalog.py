"""The Data Package in datasets/ as one object: its descriptor, its resources, its sources.

`load_catalog` checks the package (monografi.validation.package) and inlines every schema, so
the later stages and Frictionless never follow a path or URL themselves. The sources table
(datasets/sumber.csv) is part of the catalog: every `sumber` column becomes a foreign key to it,
and `Catalog.sources` are its rows.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import dialect, package
from .report import Problem
from .retraction import Retraction
from .spec import PACKAGE_FILE, ResourceSpec

SOURCES = "sumber"  # the sources table (and the column that refers to it)
SOURCE_KEY = "id"
# Column of sumber.csv -> key of a Data Package `sources` entry, in the order they are published.
PUBLISHED_KEYS = {"id": "id", "judul": "title", "url": "path", "catatan": "description",
                  "penerbit": "penerbit", "tahun": "tahun", "lisensi": "lisensi"}
SOURCE_REFERENCE = {"fields": SOURCES, "reference": {"resource": SOURCES, "fields": SOURCE_KEY}}


@dataclass
class Catalog:
    root: Path
    descriptor: dict
    resources: list[ResourceSpec]
    # name → (header, rows) in canonical text, as validation read them: no later stage parses a
    # CSV again (see Catalog.rows)
    tables: dict[str, tuple[list[str], list[list[str]]]] = dataclasses.field(
        default_factory=dict, repr=False, compare=False)
    # level → validation.boundaries.Boundaries as validation read and checked them (None: not
    # checked yet): the model draws its maps from these, never reading a GeoJSON file again
    boundaries: dict | None = dataclasses.field(default=None, repr=False, compare=False)
    # what staff withdrew from published history (validation.retraction), as validation read it
    retractions: list[Retraction] = dataclasses.field(default_factory=list, repr=False, compare=False)

    def resource(self, name: str) -> ResourceSpec:
        return next(r for r in self.resources if r.name == name)

    def find(self, name: str) -> ResourceSpec | None:
        return next((r for r in self.resources if r.name == name), None)

    def rows(self, spec: ResourceSpec) -> tuple[list[str], list[list[str]]]:
        """The file's canonical header and rows: those validation already read (so each file is
        parsed once per build), else read now."""
        return self.tables.get(spec.name) or dialect.read_raw(spec)

    @cached_property
    def sources(self) -> dict[str, dict]:
        """Registered sources by id: the rows of sumber.csv, read when first asked (so a form
        made now offers the sources registered now; as validation read them, when it did), or
        the `sources` the published catalog was given (monografi.validation.sources.published)."""
        spec = self.find(SOURCES)
        if spec is None:
            return {s["id"]: s for s in self.descriptor.get("sources", [])
                    if isinstance(s, dict) and "id" in s}
        read = self.tables.get(spec.name)
        if read and read[0]:
            return entries(*read)
        table = dialect.read(spec)
        return {} if table.unreadable else entries(table.header, table.rows)


def entries(header: list[str], rows: list[list[str]]) -> dict[str, dict]:
    """id -> `sources` entry for rows of the sources table in canonical text."""
    found: dict[str, dict] = {}
    for row in rows:
        cells = dict(zip(header, row, strict=False))
        entry = {key: cells[column].strip() for column, key in PUBLISHED_KEYS.items()
                 if cells.get(column, "").strip()}
        if entry.get("id"):
            found.setdefault(entry["id"], entry)
    return found


def refers_to_sources(fk: dict) -> bool:
    fields = fk.get("fields")
    reference = fk.get("reference") or {}
    return fields in (SOURCES, [SOURCES]) and reference.get("resource") == SOURCES and \
        reference.get("fields") in (SOURCE_KEY, [SOURCE_KEY])


def _referenced(schema: dict) -> dict:
    """The schema with its `sumber` column a foreign key to the sources table."""
    keys = schema.get("foreignKeys", [])
    if not any(f.get("name") == SOURCES for f in schema["fields"]) or not isinstance(keys, list) or any(
            refers_to_sources(fk) for fk in keys if isinstance(fk, dict)):
        return schema
    return {**schema, "foreignKeys": [*keys, SOURCE_REFERENCE]}


def load_catalog(root: Path) -> tuple[Catalog | None, list[Problem]]:
    """Load and sanitise datasets/datapackage.json. Returns (None, problems) when unusable."""
    root = Path(root)
    problems: list[Problem] = package.link_problems(root)
    if problems:
        return None, problems
    package_path = package.safe_path(root, PACKAGE_FILE, problems, PACKAGE_FILE, "")
    if package_path is None:
        return None, problems
    descriptor = package.read_json(package_path, problems, PACKAGE_FILE)
    if descriptor is None:
        return None, problems
    problems.extend(package.remote_references(descriptor, PACKAGE_FILE))
    problems.extend(package.url_problems(descriptor, PACKAGE_FILE))
    package.check_name(descriptor, "name", problems)
    raw_resources = descriptor.get("resources")
    if not isinstance(raw_resources, list) or not raw_resources:
        problems.append(package.json_kind_problem(PACKAGE_FILE, "resources", raw_resources,
                                                  "daftar_objek"))
        return None, problems
    has_sources = any(isinstance(r, dict) and r.get("name") == SOURCES for r in raw_resources)
    seen: dict[str, int] = {}
    resources = []
    for index, raw in enumerate(raw_resources):
        spec = _resource(root, index, raw, seen, problems)
        if spec is not None:
            if has_sources and spec.name != SOURCES:
                spec.descriptor["schema"] = _referenced(spec.schema)
            resources.append(spec)
    if problems:
        return None, problems
    clean = {**descriptor, "resources": [r.descriptor for r in resources]}
    return Catalog(root, clean, resources), problems


def _resource(root: Path, index: int, raw, seen: dict[str, int],
              problems: list[Problem]) -> ResourceSpec | None:
    """One entry of `resources`, its schema inlined; None (with its problems) when unusable."""
    if not isinstance(raw, dict):
        problems.append(package.json_kind_problem(PACKAGE_FILE, f"resources[{index}]", raw, "objek"))
        return None
    if not package.check_name(raw, f"resources[{index}].name", problems):
        return None
    if raw["name"] in seen:
        problems.append(Problem(PACKAGE_FILE, package.DUPLICATE_NAME,
                                column=f"resources[{index}].name", value=raw["name"],
                                details={"batas": f"resources[{seen[raw['name']]}].name"}))
        return None
    seen[raw["name"]] = index
    if "data" in raw:
        problems.append(Problem(PACKAGE_FILE, package.INLINE_DATA, column=f"resources[{index}].data",
                                value=raw["name"]))
        return None
    where = f"{PACKAGE_FILE}#resources[{index}]"
    problems.extend(package.remote_references(raw, where))
    problems.extend(package.url_problems(raw, where))
    file = package.safe_path(root, raw.get("path"), problems, where, "path")
    schema = raw.get("schema")
    if isinstance(schema, str):
        schema_path = package.safe_path(root, schema, problems, where, "schema")
        schema = package.read_json(schema_path, problems, schema) if schema_path else None
    if isinstance(schema, dict):
        problems.extend(package.remote_references(schema, where))
    if schema is None and "schema" not in raw:
        problems.append(Problem(where, package.MISSING_KEY, column="schema", value="schema",
                                details={"batas": raw["name"]}))
    if not isinstance(schema, dict) or not package.fields_ok(schema, where, problems) or file is None:
        return None
    schema_file = raw["schema"] if isinstance(raw["schema"], str) else None
    return ResourceSpec({**raw, "schema": schema}, file, schema_file)
