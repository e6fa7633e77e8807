"""The sources table (datasets/sumber.csv): one row per source every `sumber` cell points to.

Staff register a source by adding a CSV row, not by editing JSON. Inside datasets/ the table is
an ordinary resource: `check` validates it like any other, and every `sumber` column is a
foreign key to its `id` (declared in the bundled schemas; added when a hand-written schema
forgets it, so no table escapes the check). The published package keeps the Data Package
convention instead: the rows become the package's `sources` (and fill in the titles of each
resource's `sources`), so a download is unchanged when the data is unchanged.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from ..address import public_url
from .catalog import PACKAGE_FILE, Catalog, ResourceSpec
from .report import Problem

NAME = "sumber"  # the resource (and the column that refers to it)
KEY = "id"
# Column of sumber.csv -> key of a Data Package `sources` entry, in the order they are published.
PUBLISHED_KEYS = {"id": "id", "judul": "title", "url": "path", "catatan": "description",
                  "penerbit": "penerbit", "tahun": "tahun", "lisensi": "lisensi"}
REFERENCE = {"fields": NAME, "reference": {"resource": NAME, "fields": KEY}}


def spec_of(catalog: Catalog) -> ResourceSpec | None:
    return next((r for r in catalog.resources if r.name == NAME), None)


def read_sources(spec: ResourceSpec) -> dict[str, dict]:
    """id -> `sources` entry, from whatever rows of the table can be read."""
    from .dialect import read  # dialect imports catalog: read lazily

    table = read(spec)
    return {} if table.unreadable else entries(table.header, table.rows)


def entries(header: list[str], rows: list[list[str]]) -> dict[str, dict]:
    """id -> `sources` entry for rows of the table in canonical text."""
    found = {}
    for row in rows:
        cells = dict(zip(header, row, strict=False))
        entry = {key: cells[column].strip() for column, key in PUBLISHED_KEYS.items()
                 if cells.get(column, "").strip()}
        if entry.get("id"):
            found.setdefault(entry["id"], entry)
    return found


def source_problems(catalog: Catalog) -> list[Problem]:
    """What Frictionless cannot say about sources: the table is missing, the old JSON list is
    still there, a resource lists an unknown id, or a URL could not be published as a link."""
    problems = []
    if "sources" in catalog.descriptor:
        problems.append(Problem(PACKAGE_FILE, "sumber_di_json", column="sources",
                                value=", ".join(str(s.get("id")) for s in catalog.descriptor["sources"]
                                                if isinstance(s, dict))))
    spec = spec_of(catalog)
    if spec is None:
        if any(f["name"] == NAME for r in catalog.resources for f in r.fields):
            problems.append(Problem(PACKAGE_FILE, "sumber_tanpa_tabel", column="resources",
                                    value=f"{NAME}.csv"))
        return problems
    known = catalog.sources
    for index, resource in enumerate(catalog.resources):
        listed = resource.descriptor.get("sources", [])
        for number, entry in enumerate(listed if isinstance(listed, list) else []):
            source = entry.get("id") if isinstance(entry, dict) else entry
            if source not in known:
                problems.append(Problem(PACKAGE_FILE, "petunjuk_sumber",
                                        column=f"resources[{index}].sources[{number}].id",
                                        value=str(source), details={"batas": ", ".join(known)}))
    return problems + url_problems(catalog, spec)


def referenced(schema: dict) -> dict:
    """The schema with its `sumber` column a foreign key to the sources table."""
    keys = schema.get("foreignKeys", [])
    if not any(f.get("name") == NAME for f in schema["fields"]) or not isinstance(keys, list) or any(
            _refers_to_sources(fk) for fk in keys if isinstance(fk, dict)):
        return schema
    return {**schema, "foreignKeys": [*keys, REFERENCE]}


def _refers_to_sources(fk: dict) -> bool:
    fields = fk.get("fields")
    reference = fk.get("reference") or {}
    return fields in (NAME, [NAME]) and reference.get("resource") == NAME and \
        reference.get("fields") in (KEY, [KEY])


def url_problems(catalog: Catalog, spec: ResourceSpec) -> list[Problem]:
    """A source URL is published as a link: http(s) only (the same rule as datapackage.json)."""
    header, rows = catalog.tables.get(spec.name) or ([], [])
    if "url" not in header:
        return []
    column = header.index("url")
    return [Problem(spec.relpath, "alamat_sel", number, "url", row[column],
                    {"batas": "http(s)://…"})
            for number, row in enumerate(rows, start=2)
            if len(row) > column and row[column].strip() and public_url(row[column].strip()) is None]


def published(catalog: Catalog) -> Catalog:
    """The catalog as the site publishes it: the table folded into `sources` (package and
    resources, titles filled in), and no longer a resource nor a foreign key target."""
    spec = spec_of(catalog)
    if spec is None:
        return catalog
    known = catalog.sources
    resources = []
    for resource in catalog.resources:
        if resource is spec:
            continue
        descriptor = copy.deepcopy(resource.descriptor)
        if isinstance(descriptor.get("sources"), list):
            descriptor["sources"] = [{"title": known[s["id"]]["title"], "id": s["id"]}
                                     for s in descriptor["sources"] if s.get("id") in known]
        schema = descriptor["schema"]
        if "foreignKeys" in schema:
            schema["foreignKeys"] = [fk for fk in schema["foreignKeys"] if not _refers_to_sources(fk)]
            if not schema["foreignKeys"]:
                del schema["foreignKeys"]
        resources.append(replace(resource, descriptor=descriptor))
    descriptor = {}
    for key, value in catalog.descriptor.items():  # `sources` before Monografi's own keys
        if key in ("monografi", "resources") and "sources" not in descriptor:
            descriptor["sources"] = list(known.values())
        descriptor[key] = value
    descriptor["resources"] = [r.descriptor for r in resources]
    return replace(catalog, descriptor=descriptor, resources=resources)
