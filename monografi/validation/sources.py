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
from ..messages import Message
from .catalog import SOURCES, Catalog, refers_to_sources
from .report import Problem
from .rules import Kind, Rule
from .spec import PACKAGE_FILE, ResourceSpec

UNKNOWN_SOURCE = Rule("sumber_tidak_dikenal", Kind.DATA, Message(
    "Sumber {value!r} tidak terdaftar di tabel sumber (datasets/sumber.csv).",
    "Source {value!r} is not listed in the sources table (datasets/sumber.csv).",
    "Pakai kode sumber yang ada ({batas}) atau tambahkan satu baris untuk sumber baru di "
    "datasets/sumber.csv (id, judul, tahun, lisensi; lihat Panduan data).",
    "Use an existing source id ({batas}) or add a row for the new source to "
    "datasets/sumber.csv (id, judul, tahun, lisensi; see the data guide).",
))

HINT_SOURCE = Rule("petunjuk_sumber", Kind.CONFIGURATION, Message(
    "Sumber {value!r} tidak terdaftar di tabel sumber (datasets/sumber.csv).",
    "Source {value!r} is not listed in the sources table (datasets/sumber.csv).",
    "Pakai kode sumber yang ada: {batas}.",
    "Use an existing source id: {batas}.",
))

SOURCES_IN_JSON = Rule("sumber_di_json", Kind.CONFIGURATION, Message(
    "Daftar sumber ({value}) masih ditulis di bagian \"sources\" datapackage.json; sumber "
    "kini dicatat di tabel datasets/sumber.csv.",
    "Sources ({value}) are still listed under \"sources\" in datapackage.json; sources now "
    "live in the table datasets/sumber.csv.",
    "Pindahkan setiap sumber menjadi satu baris di datasets/sumber.csv (id, judul, penerbit, "
    "tahun, url, lisensi, catatan), lalu hapus bagian \"sources\" dari datapackage.json.",
    "Move each source to a row of datasets/sumber.csv (id, judul, penerbit, tahun, url, "
    "lisensi, catatan), then delete \"sources\" from datapackage.json.",
))

NO_SOURCES_TABLE = Rule("sumber_tanpa_tabel", Kind.CONFIGURATION, Message(
    "Ada tabel dengan kolom sumber, tetapi tabel sumber ({value}) tidak terdaftar di "
    "datapackage.json.",
    "Some tables have a sumber column, but the sources table ({value}) is not in "
    "datapackage.json.",
    "Daftarkan datasets/sumber.csv sebagai sumber daya bernama \"sumber\" dengan skema "
    "schemas/sumber.json (lihat paket bawaan).",
    "Register datasets/sumber.csv as a resource named \"sumber\" with schema "
    "schemas/sumber.json (see the bundled package).",
))

UNSAFE_SOURCE_URL = Rule("alamat_sel", Kind.DATA, Message(
    "Alamat {value!r} tidak dapat diterbitkan sebagai tautan: yang diterima hanya {batas} "
    "(tanpa spasi atau karakter tersembunyi).",
    "Address {value!r} cannot be published as a link: only {batas} is accepted "
    "(no spaces or hidden characters).",
    "Tulis alamat lengkapnya, mis. \"https://karawangkab.bps.go.id/\", atau kosongkan sel ini "
    "bila sumbernya tidak punya alamat web.",
    "Write the full address, e.g. \"https://karawangkab.bps.go.id/\", or leave the cell empty "
    "if the source has no web address.",
))


def source_problems(catalog: Catalog) -> list[Problem]:
    """What Frictionless cannot say about sources: the table is missing, the old JSON list is
    still there, a resource lists an unknown id, or a URL could not be published as a link."""
    problems = []
    if "sources" in catalog.descriptor:
        problems.append(Problem(PACKAGE_FILE, SOURCES_IN_JSON, column="sources",
                                value=", ".join(str(s.get("id")) for s in catalog.descriptor["sources"]
                                                if isinstance(s, dict))))
    spec = catalog.find(SOURCES)
    if spec is None:
        if any(f["name"] == SOURCES for r in catalog.resources for f in r.fields):
            problems.append(Problem(PACKAGE_FILE, NO_SOURCES_TABLE, column="resources",
                                    value=f"{SOURCES}.csv"))
        return problems
    known = catalog.sources
    for index, resource in enumerate(catalog.resources):
        listed = resource.descriptor.get("sources", [])
        for number, entry in enumerate(listed if isinstance(listed, list) else []):
            source = entry.get("id") if isinstance(entry, dict) else entry
            if source not in known:
                problems.append(Problem(PACKAGE_FILE, HINT_SOURCE,
                                        column=f"resources[{index}].sources[{number}].id",
                                        value=str(source), details={"batas": ", ".join(known)}))
    return problems + url_problems(catalog, spec)


def url_problems(catalog: Catalog, spec: ResourceSpec) -> list[Problem]:
    """A source URL is published as a link: http(s) only (the same rule as datapackage.json)."""
    header, rows = catalog.tables.get(spec.name) or ([], [])
    if "url" not in header:
        return []
    column = header.index("url")
    return [Problem(spec.relpath, UNSAFE_SOURCE_URL, number, "url", row[column],
                    {"batas": "http(s)://…"})
            for number, row in enumerate(rows, start=2)
            if len(row) > column and row[column].strip() and public_url(row[column].strip()) is None]


def published(catalog: Catalog) -> Catalog:
    """The catalog as the site publishes it: the table folded into `sources` (package and
    resources, titles filled in), and no longer a resource nor a foreign key target."""
    spec = catalog.find(SOURCES)
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
            schema["foreignKeys"] = [fk for fk in schema["foreignKeys"] if not refers_to_sources(fk)]
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
