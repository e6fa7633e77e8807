"""The whole package: datapackage.json and one zip with data, licences, README and CITATION.cff."""

from __future__ import annotations

import json

from .. import urls
from . import citation
from .base import LICENCE_DIR, Exports, deterministic_zip, json_bytes
from .csv_utf8 import FORMAT as CSV
from .datapackage import package_descriptor


def readme(exports: Exports, date: str | None) -> str:
    """What is inside the zip, where it comes from, when it changed and how to cite it."""
    model = exports.model
    package = model.catalog.descriptor
    lines = [f"# {package.get('title', package['name'])}", "", package.get("description", ""), "",
             f"Versi: {package.get('version', '-')} (data terakhir berubah {date or 'tidak diketahui'})",
             "", "## Isi", ""]
    for dataset in model.datasets.values():
        updated = exports.updated(dataset).date or "tidak diketahui"
        lines.append(f"- `{dataset.name}.csv` — {dataset.title} (diperbarui {updated})")
    lines += ["", "Struktur setiap tabel (kolom, tipe, satuan, definisi, aturan) ada di",
              "`datapackage.json` (Frictionless Data Package).", "", "## Sumber", ""]
    lines += [f"- {s['id']}: {s.get('title', '')}" for s in package.get("sources", []) if "id" in s]
    lines += ["", "## Lisensi", ""]
    lines += [f"- {lic.get('title', lic.get('name'))} ({lic.get('path', '')})"
              for lic in package.get("licenses", [])]
    lines += ["", "Lisensi per tabel tercantum pada properti `licenses` setiap sumber daya.",
              "Teks lisensi ada di folder `lisensi/`.", "", "## Cara mengutip", "",
              citation.for_package(exports, date).text, "",
              "Format mesin: `CITATION.cff` (Citation File Format 1.2.0).", ""]
    return "\n".join(lines)


def citation_cff(exports: Exports, date: str | None) -> str:
    """CITATION.cff 1.2.0; strings are JSON-quoted, which YAML reads as double-quoted scalars."""
    model = exports.model
    package = model.catalog.descriptor
    cite = citation.for_package(exports, date)
    q = json.dumps
    lines = ["cff-version: 1.2.0",
             f"message: {q('Bila Anda memakai data ini, mohon kutip seperti di bawah.')}",
             "type: dataset", f"title: {q(cite.title)}",
             f"version: {q(str(package.get('version', date or '')))}"]
    if date:
        lines.append(f"date-released: {date}")
    if cite.url.startswith(("http://", "https://")):
        lines.append(f"url: {q(cite.url)}")
    if package.get("description"):
        lines.append(f"abstract: {q(package['description'])}")
    lines.append("authors:")
    lines += [f"  - name: {q(author)}" for author in cite.authors]
    licences = [lic["name"] for lic in package.get("licenses", []) if lic.get("name")]
    if licences:
        lines.append("license:")
        lines += [f"  - {q(name)}" for name in licences]
    if package.get("keywords"):
        lines.append("keywords:")
        lines += [f"  - {q(k)}" for k in package["keywords"]]
    return "\n".join(lines) + "\n"


def package_zip(exports: Exports, date: str | None) -> tuple[bytes, bytes]:
    """(datapackage.json, zip) for the model held by `exports`, cited at `date`."""
    datasets = list(exports.model.datasets.values())
    descriptor = package_descriptor(exports, datasets, {d.name: f"{d.name}.csv" for d in datasets})
    package_json = json_bytes(descriptor)
    members = {f"{d.name}.csv": exports.render(CSV, d) for d in datasets}
    members["datapackage.json"] = package_json
    members["README.md"] = readme(exports, date).encode()
    members["CITATION.cff"] = citation_cff(exports, date).encode()
    for licence in sorted(LICENCE_DIR.glob("*.md")):
        members[f"lisensi/{licence.name}"] = licence.read_bytes()
    return package_json, deterministic_zip(members)


def export_package(exports: Exports) -> dict[str, bytes]:
    package_json, archive = package_zip(exports, exports.package_date)
    name = exports.model.catalog.descriptor["name"]
    return {urls.PACKAGE_FILE: package_json, urls.zip_path(name): archive}
