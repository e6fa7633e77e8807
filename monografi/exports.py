"""Downloads: formula-safe CSVs, a self-contained datapackage.json and one zip of everything.

Each format is one function registered in EXPORTERS, so a new format is one more entry. All
bytes are deterministic (sorted members, fixed zip timestamps) so rebuilds diff cleanly.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

from . import urls
from .model import Model

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ZIP_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
LICENCE_DIR = Path(__file__).parent / "lisensi"


def neutralise(cell: str) -> str:
    """Stop Excel/LibreOffice from executing a text cell as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def safe_csv(model: Model, name: str) -> bytes:
    """The resource as published: text cells neutralised, numbers left exactly as typed."""
    dataset = model.datasets[name]
    text_columns = {f.name for f in dataset.fields if not f.numeric}
    with dataset.spec.file.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0] if rows else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        writer.writerow([neutralise(cell) if column in text_columns else cell
                         for column, cell in zip(header, row, strict=False)])
    return buffer.getvalue().encode("utf-8")


def package_descriptor(model: Model, files: dict[str, bytes]) -> dict:
    """datapackage.json for the downloads: schemas inline, paths beside it, sizes and hashes."""
    descriptor = dict(model.catalog.descriptor)
    resources = []
    for spec in model.catalog.resources:
        data = files[spec.name]
        resource = {k: v for k, v in spec.descriptor.items() if k not in ("path", "schema")}
        resource.update(path=f"{spec.name}.csv", bytes=len(data),
                        hash=f"sha256:{hashlib.sha256(data).hexdigest()}", schema=spec.schema)
        resources.append(resource)
    descriptor["resources"] = resources
    return descriptor


def readme(model: Model) -> str:
    """A plain-text README for the zip: what is inside, where it comes from, how to cite."""
    package = model.catalog.descriptor
    lines = [f"# {package.get('title', package['name'])}", "", package.get("description", ""), "",
             f"Versi: {package.get('version', '-')}", "", "## Isi", ""]
    for spec in model.catalog.resources:
        lines.append(f"- `{spec.name}.csv` — {spec.descriptor.get('title', spec.name)}")
    lines += ["", "Struktur setiap tabel (kolom, tipe, satuan, aturan) ada di `datapackage.json`",
              "(Frictionless Data Package).", "", "## Sumber", ""]
    lines += [f"- {s['id']}: {s.get('title', '')}" for s in package.get("sources", []) if "id" in s]
    lines += ["", "## Lisensi", ""]
    lines += [f"- {lic.get('title', lic.get('name'))} ({lic.get('path', '')})"
              for lic in package.get("licenses", [])]
    lines += ["", "Lisensi per tabel tercantum pada properti `licenses` setiap sumber daya.",
              "Teks lisensi ada di folder `lisensi/`.", ""]
    return "\n".join(lines)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def export_csv(model: Model) -> dict[str, bytes]:
    return {urls.csv_path(name): safe_csv(model, name) for name in model.datasets}


def export_package(model: Model) -> dict[str, bytes]:
    files = {name: safe_csv(model, name) for name in model.datasets}
    descriptor = package_descriptor(model, files)
    package_json = json.dumps(descriptor, ensure_ascii=False, indent=2).encode() + b"\n"
    members = {f"{name}.csv": data for name, data in files.items()}
    members["datapackage.json"] = package_json
    members["README.md"] = readme(model).encode()
    for licence in sorted(LICENCE_DIR.glob("*.md")):
        members[f"lisensi/{licence.name}"] = licence.read_bytes()
    return {urls.PACKAGE_FILE: package_json,
            urls.zip_path(model.catalog.descriptor["name"]): _zip(members)}


EXPORTERS = (export_csv, export_package)


def write_exports(model: Model, site_dir: Path) -> list[str]:
    written = []
    for exporter in EXPORTERS:
        for relative, data in exporter(model).items():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(relative)
    return written
