"""`monografi dataset-baru NAMA --tingkat …`: the three files of a new dataset, ready to fill.

Adding a dataset used to mean writing a CSV header, a Table Schema and a datapackage.json entry
by hand, with hint keys nobody had documented. The scaffold writes all three with every column
rule and presentation hint present; what only staff can know (titles, units, descriptions) is
marked "ISI: …", and `check` refuses the dataset until each of those is filled in
(monografi.validation.placeholders), so a half-described table never reaches the site.
All or nothing: the new files are created exclusively and datapackage.json is swapped in last;
if that fails the new files are removed again.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from ..project import Project
from ..refusal import Refused
from ..safe_write import write_atomic
from ..state import build_lock, no_turning_back
from ..validation import AREA_LEVELS
from ..validation.catalog import SOURCE_REFERENCE, SOURCES, Catalog
from ..validation.package import SAFE_NAME
from ..validation.placeholders import PLACEHOLDER
from ..validation.spec import PACKAGE_FILE

MAX_NAME = 60  # the name becomes file names and URLs
PERIOD = {"name": "tahun", "type": "string", "title": "Tahun",
          "description": "Tahun keadaan data, empat digit (mis. 2024), seperti dinyatakan sumbernya.",
          "example": "2024", "constraints": {"required": True, "pattern": "^[0-9]{4}$"}}
MEASURE = {"name": "jumlah", "type": "integer", "title": f"{PLACEHOLDER}judul kolom angka",
           "description": f"{PLACEHOLDER}apa yang dihitung, menurut definisi sumbernya; kosongkan sel "
                          "bila belum diketahui.",
           "satuan": f"{PLACEHOLDER}satuan (mis. unit, jiwa, km²)",
           "constraints": {"required": False, "minimum": 0}}
NOTE = {"name": "catatan", "type": "string", "title": "Catatan",
        "description": "Keterangan tambahan: definisi khusus, pembulatan, atau kutipan dari sumber. "
                       "Kosongkan bila tidak ada.", "constraints": {"required": False}}


class ScaffoldError(Refused, ValueError):
    """The dataset may not be created."""


def _area_field(catalog: Catalog, level: str) -> dict:
    """The area code column, with the pattern and example of the master table's own code."""
    master = next(f for f in catalog.resource(level).fields if f["name"] == f"kode_{level}")
    constraints = {"required": True}
    if "pattern" in master.get("constraints", {}):
        constraints["pattern"] = master["constraints"]["pattern"]
    field = {"name": f"kode_{level}", "type": "string", "title": f"Kode {level}",
             "description": f"Kode {level} menurut Kemendagri; harus terdaftar di tabel {level}.",
             "constraints": constraints}
    if "example" in master:
        field["example"] = master["example"]
    return field


def _source_field(catalog: Catalog) -> dict:
    """The sumber column as every other table declares it (same pattern, same description)."""
    for spec in catalog.resources:
        found = next((f for f in spec.fields if f["name"] == SOURCES), None)
        if found is not None and spec.name != SOURCES:
            return found
    return {"name": SOURCES, "type": "string", "title": "Sumber",
            "description": "Kode sumber data, terdaftar di datasets/sumber.csv.",
            "constraints": {"required": True}}


def schema_for(catalog: Catalog, level: str) -> dict:
    area = _area_field(catalog, level)
    return {
        "fields": [area, PERIOD, _source_field(catalog), MEASURE, NOTE],
        "missingValues": [""],
        "primaryKey": [area["name"], PERIOD["name"], SOURCES],
        "foreignKeys": [
            {"fields": area["name"], "reference": {"resource": level, "fields": area["name"]}},
            SOURCE_REFERENCE,
        ],
    }


def resource_for(catalog: Catalog, name: str) -> dict:
    """The package entry: every presentation hint present (see the guide for each key)."""
    licences = [lic for lic in catalog.descriptor.get("licenses", [])
                if isinstance(lic, dict) and lic.get("name") == "CC-BY-4.0"]
    entry: dict[str, object] = {
        "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
        "title": f"{PLACEHOLDER}judul tabel", "description": f"{PLACEHOLDER}isi tabel ini. Satu baris "
        "= satu wilayah pada satu tahun menurut satu sumber.",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "schema": f"schemas/{name}.json",
    }
    if licences:
        entry["licenses"] = licences
    entry["monografi"] = {
        "bagian": f"{PLACEHOLDER}bagian portal (mis. Pendidikan)",
        "grafik": [{"jenis": "deret_waktu", "ukuran": MEASURE["name"]}],
        "aturan_baris": [],
        "angka_utama": [{"ukuran": MEASURE["name"], "agregasi": "terakhir"}],
        "boleh_kosong": False,
    }
    return entry


def check_name(catalog: Catalog, name: str, level: str) -> None:
    """Refuse a name that is unsafe, taken (as a table or as a file), or a level without a
    master table to point at."""
    if not SAFE_NAME.fullmatch(name) or len(name) > MAX_NAME:
        raise ScaffoldError("scaffold_name", name=name)
    if level not in AREA_LEVELS or level not in {r.name for r in catalog.resources}:
        raise ScaffoldError("scaffold_level", level=level)
    taken = [str(p.relative_to(catalog.root)) for p in (catalog.root / f"{name}.csv",
                                                        catalog.root / "schemas" / f"{name}.json")
             if p.exists() or p.is_symlink()]
    if name in {r.name for r in catalog.resources} or name in AREA_LEVELS or taken:
        raise ScaffoldError("scaffold_exists", name=name, files=", ".join(taken) or PACKAGE_FILE)


def _json(document) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def create_dataset(catalog: Catalog, name: str, level: str) -> list[str]:
    """Write NAME.csv, schemas/NAME.json and the package entry; the paths written, in datasets/."""
    check_name(catalog, name, level)
    schema = schema_for(catalog, level)
    package_file = catalog.root / PACKAGE_FILE
    package = json.loads(package_file.read_text(encoding="utf-8"))  # as written, not inlined
    package["resources"].append(resource_for(catalog, name))
    files = {f"{name}.csv": (",".join(f["name"] for f in schema["fields"]) + "\n").encode(),
             f"schemas/{name}.json": _json(schema)}
    created: list[Path] = []
    with build_lock(Project.of_datasets(catalog.root).state):
        no_turning_back()  # three files, made together
        try:
            for relpath, data in files.items():
                target = catalog.root / relpath
                target.parent.mkdir(exist_ok=True)
                with target.open("xb") as stream:  # never replace a file made meanwhile
                    created.append(target)
                    stream.write(data)
            write_atomic(package_file, _json(package))
        except FileExistsError as exc:
            _remove(created)
            raise ScaffoldError("scaffold_exists", name=name, files=Path(exc.filename).name) from None
        except OSError as exc:
            _remove(created)
            where = exc.filename or (created[-1] if created else package_file)  # a write names none
            raise ScaffoldError("scaffold_failed",
                                error=OSError(exc.errno, exc.strerror, str(where))) from exc
    return [*files, PACKAGE_FILE]


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
