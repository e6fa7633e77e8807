"""Read the Data Package in datasets/ without ever leaving it.

Frictionless would happily open URLs or paths outside the folder; a staff commit must not be
able to make the build read /etc/passwd or the network, so every path is checked here first
and the package reaches Frictionless with its schemas already inlined.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

from ..address import links
from . import AREA_LEVELS
from .report import Problem

PACKAGE_FILE = "datapackage.json"
MAX_FILE_BYTES = 50 * 1024 * 1024
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
PERIOD_FIELDS = ("periode", "tahun", "tahun_ajaran")
REFERENCE_KEYS = ("profile", "$schema")
# Names become file names in the site (unduh/<name>.csv, data/<name>/): no dots, no slashes.
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass
class ResourceSpec:
    """One resource of the package, with its schema inlined and its file located."""

    descriptor: dict
    file: Path
    schema_file: str | None = None  # the schema's path in datasets/, when not inline

    def schema_key(self, index: int, key: str) -> tuple[str, str]:
        """(file, key) naming `key` of this resource's schema where staff would edit it."""
        if self.schema_file:
            return self.schema_file, key
        return PACKAGE_FILE, f"resources[{index}].schema.{key}"

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def relpath(self) -> str:
        return self.descriptor["path"]

    @property
    def schema(self) -> dict:
        return self.descriptor["schema"]

    @property
    def fields(self) -> list[dict]:
        return self.schema.get("fields", [])

    @property
    def primary_key(self) -> list[str]:
        """The schema's primaryKey as a list (the spec allows a single string)."""
        keys = self.schema.get("primaryKey", [])
        return [keys] if isinstance(keys, str) else list(keys)

    @property
    def hints(self) -> dict:
        """Presentation hints; a malformed block reads as none (monografi.validation.hints reports it)."""
        hints = self.descriptor.get("monografi", {})
        return hints if isinstance(hints, dict) else {}

    @property
    def area_field(self) -> str | None:
        """The column naming the area a row is about (kode_kecamatan, kode_desa, …)."""
        names = [f["name"] for f in self.fields]
        for level in AREA_LEVELS[::-1]:
            if f"kode_{level}" in names:
                return f"kode_{level}"
        return None

    @property
    def level(self) -> str | None:
        area = self.area_field
        return area.removeprefix("kode_") if area else None

    @property
    def is_master(self) -> bool:
        """Master lists are the area tables themselves: their key is their own code."""
        return self.name in AREA_LEVELS

    @property
    def period_field(self) -> str | None:
        names = {f["name"] for f in self.fields}
        return next((p for p in PERIOD_FIELDS if p in names), None)


@dataclass
class Catalog:
    root: Path
    descriptor: dict
    resources: list[ResourceSpec]
    # name → (header, rows) in canonical text, as validation read them: no later stage parses a
    # CSV again (see validation.dialect.rows_of)
    tables: dict[str, tuple[list[str], list[list[str]]]] = dataclasses.field(
        default_factory=dict, repr=False, compare=False)
    # level → validation.boundaries.Boundaries as validation read and checked them (None: not
    # checked yet): the model draws its maps from these, never reading a GeoJSON file again
    boundaries: dict | None = dataclasses.field(default=None, repr=False, compare=False)

    def resource(self, name: str) -> ResourceSpec:
        return next(r for r in self.resources if r.name == name)

    @cached_property
    def sources(self) -> dict[str, dict]:
        """Registered sources by id: the rows of sumber.csv, read when first asked (so a form
        made now offers the sources registered now), or the `sources` the published catalog
        was given (monografi.validation.sources.published)."""
        from .sources import entries, read_sources, spec_of

        spec = spec_of(self)
        if spec is None:
            return {s["id"]: s for s in self.descriptor.get("sources", [])
                    if isinstance(s, dict) and "id" in s}
        read = self.tables.get(spec.name)  # as validation read it: the CSV is parsed once
        return entries(*read) if read and read[0] else read_sources(spec)


def url_problems(descriptor: dict, where: str) -> list[Problem]:
    """Every URL of a descriptor that would not be published, at its datapackage.json key."""
    return [Problem(where, "alamat_tidak_aman", column=key, value=str(holder[field]),
                    details={"batas": forms})
            for key, holder, field, decide, forms in links(descriptor)
            if decide(holder[field]) is None]


def safe_path(root: Path, relative, problems: list[Problem], where: str, column: str) -> Path | None:
    """Resolve `relative` inside `root`, or record why it may not be followed."""
    text = relative if isinstance(relative, str) else repr(relative)
    unsafe = (
        not isinstance(relative, str)
        or not relative
        or _SCHEME.match(relative)
        or relative.startswith(("/", "\\", "~"))
        or ".." in PurePosixPath(relative.replace("\\", "/")).parts
    )
    candidate = None if unsafe else root / relative
    if candidate is not None:
        resolved = candidate.resolve()
        if not resolved.is_relative_to(root.resolve()):
            unsafe = True
    if unsafe:
        problems.append(Problem(where, "jalur_tidak_aman", column=column, value=text))
        return None
    if not candidate.is_file():
        problems.append(Problem(where, "berkas_hilang", column=column, value=text))
        return None
    if candidate.stat().st_size > MAX_FILE_BYTES:
        problems.append(Problem(where, "terlalu_besar", column=column, value=text,
                                details={"batas": f"{MAX_FILE_BYTES // 2**20} MB"}))
        return None
    return candidate


def _remote_references(descriptor: dict, where: str) -> list[Problem]:
    """Profiles and dialects given as URLs or files would make Frictionless fetch them."""
    problems = [Problem(where, "jalur_tidak_aman", column=key, value=str(descriptor[key]))
                for key in REFERENCE_KEYS
                if isinstance(descriptor.get(key), str) and _SCHEME.match(descriptor[key])]
    if "dialect" in descriptor and not isinstance(descriptor["dialect"], dict):
        problems.append(Problem(where, "jalur_tidak_aman", column="dialect",
                                value=str(descriptor["dialect"])))
    return problems


def _read_json(path: Path, problems: list[Problem], where: str) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(where, "json_rusak", value=repr(exc.object[exc.start:exc.end])))
        return None
    except json.JSONDecodeError as exc:
        line = exc.doc.splitlines()[exc.lineno - 1] if exc.doc.strip() else ""
        problems.append(Problem(where, "json_rusak", exc.lineno, str(exc.colno), line.strip()[:80]))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(where, "tipe_json", value=json.dumps(data)[:80],
                                details={"jenis": "objek"}))
        return None
    return data


def _check_name(descriptor: dict, key: str, problems: list[Problem]) -> bool:
    """A package or resource name must be a slug: it becomes a path in the built site."""
    name = descriptor.get("name")
    if isinstance(name, str) and SAFE_NAME.fullmatch(name):
        return True
    problems.append(Problem(PACKAGE_FILE, "nama_tidak_aman", column=key,
                            value=name if isinstance(name, str) else json.dumps(name)))
    return False


def _fields_ok(schema: dict, where: str, problems: list[Problem]) -> bool:
    """Every later stage reads fields[i]["name"]: they must be objects with a text name."""
    fields = schema.get("fields")
    if not isinstance(fields, list):
        problems.append(Problem(where, "kunci_wajib" if fields is None else "tipe_json",
                                column="schema.fields", value="fields" if fields is None else
                                json.dumps(fields, ensure_ascii=False)[:80],
                                details={"batas": "schema", "jenis": "daftar_objek"}))
        return False
    bad = [(index, field) for index, field in enumerate(fields)
           if not isinstance(field, dict) or not isinstance(field.get("name"), str)]
    for index, field in bad:
        problems.append(Problem(where, "tipe_json", column=f"schema.fields[{index}].name",
                                value=json.dumps(field, ensure_ascii=False)[:80],
                                details={"jenis": "teks"}))
    return not bad


def load_catalog(root: Path) -> tuple[Catalog | None, list[Problem]]:
    """Load and sanitise datasets/datapackage.json. Returns (None, problems) when unusable."""
    root = Path(root)
    problems: list[Problem] = []
    package_path = safe_path(root, PACKAGE_FILE, problems, PACKAGE_FILE, "")
    if package_path is None:
        return None, problems
    descriptor = _read_json(package_path, problems, PACKAGE_FILE)
    if descriptor is None:
        return None, problems
    problems.extend(_remote_references(descriptor, PACKAGE_FILE))
    problems.extend(url_problems(descriptor, PACKAGE_FILE))
    _check_name(descriptor, "name", problems)
    resources = []
    raw_resources = descriptor.get("resources")
    if not isinstance(raw_resources, list) or not raw_resources:
        problems.append(Problem(PACKAGE_FILE, "tipe_json", column="resources",
                                value=json.dumps(raw_resources, ensure_ascii=False)[:80],
                                details={"jenis": "daftar_objek"}))
        return None, problems
    from .sources import NAME as SOURCES
    from .sources import referenced

    has_sources = any(isinstance(r, dict) and r.get("name") == SOURCES for r in raw_resources)
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_resources):
        where = f"{PACKAGE_FILE}#resources[{index}]"
        if not isinstance(raw, dict):
            problems.append(Problem(PACKAGE_FILE, "tipe_json", column=f"resources[{index}]",
                                    value=json.dumps(raw, ensure_ascii=False)[:80],
                                    details={"jenis": "objek"}))
            continue
        if not _check_name(raw, f"resources[{index}].name", problems):
            continue
        if raw["name"] in seen:
            problems.append(Problem(PACKAGE_FILE, "nama_ganda", column=f"resources[{index}].name",
                                    value=raw["name"],
                                    details={"batas": f"resources[{seen[raw['name']]}].name"}))
            continue
        seen[raw["name"]] = index
        if "data" in raw:
            problems.append(Problem(PACKAGE_FILE, "data_sebaris", column=f"resources[{index}].data",
                                    value=raw["name"]))
            continue
        problems.extend(_remote_references(raw, where))
        problems.extend(url_problems(raw, where))
        file = safe_path(root, raw.get("path"), problems, where, "path")
        schema = raw.get("schema")
        if isinstance(schema, str):
            schema_path = safe_path(root, schema, problems, where, "schema")
            schema = _read_json(schema_path, problems, schema) if schema_path else None
        if isinstance(schema, dict):
            problems.extend(_remote_references(schema, where))
        if schema is None and "schema" not in raw:
            problems.append(Problem(where, "kunci_wajib", column="schema", value="schema",
                                    details={"batas": raw["name"]}))
        if not isinstance(schema, dict) or not _fields_ok(schema, where, problems):
            continue
        if file is None:
            continue
        schema_file = raw["schema"] if isinstance(raw["schema"], str) else None
        if has_sources and raw["name"] != SOURCES:
            schema = referenced(schema)
        resources.append(ResourceSpec({**raw, "schema": schema}, file, schema_file))
    if problems:
        return None, problems
    clean = {**descriptor, "resources": [r.descriptor for r in resources]}
    return Catalog(root, clean, resources), problems
