"""The whole package: datapackage.json and one zip with data, licences, README and CITATION.cff.

Licences travel with the data: the zip holds the full text of every licence its tables are
under (the union of the tables' licences, MIT for the postal codes included), and the README
says which table is under which licence and whom to credit.
"""

from __future__ import annotations

import math

import yaml

from .. import urls
from ..model.context import BuildContext
from ..validation.publisher import publisher
from . import citation
from .base import LICENCE_DIR, Downloads, deterministic_zip, json_bytes
from .csv_utf8 import FORMAT as CSV
from .datapackage import licences, package_descriptor, used_licences


def licence_texts(used: list[dict]) -> dict[str, bytes]:
    """zip member → text for every used licence whose text ships in monografi/lisensi/."""
    files = [LICENCE_DIR / f"{lic.get('name', '')}.md" for lic in used]
    return {f"lisensi/{f.name}": f.read_bytes() for f in files if f.is_file()}


def _licence_text(licence: dict) -> str:
    return f"{licence.get('title') or licence.get('name')} ({licence.get('path', '')})"


def readme(context: BuildContext, cite: citation.Citation) -> str:
    """What is inside the zip, under which licence, from whom, when it changed, how to cite it."""
    model = context.model
    package = model.catalog.descriptor
    who = publisher(package)
    lines = [f"# {package.get('title', package['name'])}", "", package.get("description", ""), "",
             f"Versi: {cite.version or '-'} (data terakhir berubah {cite.date or 'tidak diketahui'})",
             f"Penerbit: {who.name}" + "".join(f" · {x}" for x in (who.url, who.email) if x),
             "", "## Isi", ""]
    for dataset in model.datasets.values():
        updated = context.updated(dataset).date or "tidak diketahui"
        empty = "; belum ada data" if dataset.table.empty else ""
        sources = [f"{s} ({model.sources[s].get('title', '')})" for s in dataset.source_ids
                   if s in model.sources]
        lines += [f"- `{dataset.name}.csv` — {dataset.title} (diperbarui {updated}{empty})",
                  "  - Lisensi: " + "; ".join(_licence_text(lic)
                                             for lic in licences(model, dataset)),
                  f"  - Atribusi: {who.name}" + "".join(f"; {s}" for s in sources)]
    lines += ["", "Struktur setiap tabel (kolom, tipe, satuan, definisi, aturan) ada di",
              "`datapackage.json` (Frictionless Data Package).", "", "## Sumber", ""]
    lines += [f"- {s['id']}: {s.get('title', '')}" for s in package.get("sources", []) if "id" in s]
    used = used_licences(model, list(model.datasets.values()))
    lines += ["", "## Lisensi", "", "Paket ini berada di bawah gabungan lisensi tabel-tabelnya:", ""]
    lines += [f"- {_licence_text(lic)}" for lic in used]
    lines += ["", "Teks lengkap setiap lisensi ada di folder `lisensi/`.", "", "## Cara mengutip",
              "", cite.text, "", "Format mesin: `CITATION.cff` (Citation File Format 1.2.0).", ""]
    return "\n".join(lines)


def yaml_string(text: str) -> str:
    """`text` as one YAML double-quoted scalar on one line."""
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=math.inf).rstrip("\n")


def citation_cff(context: BuildContext, cite: citation.Citation) -> str:
    """CITATION.cff 1.2.0; every string a YAML double-quoted scalar written by PyYAML, so an
    emoji, a quote, a line break or a control character reads back exactly (JSON's escapes
    wrote an emoji as two surrogate halves, which YAML reads as two broken characters)."""
    model = context.model
    package = model.catalog.descriptor
    who = publisher(package)
    q = yaml_string
    lines = ["cff-version: 1.2.0",
             f"message: {q('Bila Anda memakai data ini, mohon kutip seperti di bawah.')}",
             "type: dataset", f"title: {q(cite.title)}"]
    if cite.version:
        lines.append(f"version: {q(cite.version)}")
    if cite.date:
        lines.append(f"date-released: {cite.date}")
    if cite.url.startswith(("http://", "https://")):
        lines.append(f"url: {q(cite.url)}")
    if package.get("description"):
        lines.append(f"abstract: {q(package['description'])}")
    lines.append("authors:")
    for author in cite.authors:
        lines.append(f"  - name: {q(author)}")
        if author == who.name:
            lines += [f"    {key}: {q(value)}" for key, value in
                      (("email", who.email), ("website", who.url)) if value]
    names = [lic["name"] for lic in used_licences(model, list(model.datasets.values()))
             if lic.get("name")]
    if names:
        lines.append("license:")
        lines += [f"  - {q(name)}" for name in names]
    if package.get("keywords"):
        lines.append("keywords:")
        lines += [f"  - {q(k)}" for k in package["keywords"]]
    return "\n".join(lines) + "\n"


def package_zip(downloads: Downloads, cite: citation.Citation) -> tuple[bytes, bytes]:
    """(datapackage.json, zip) for the model of `downloads`' context, cited as `cite`."""
    context = downloads.context
    datasets = list(context.model.datasets.values())
    descriptor = package_descriptor(downloads, datasets, {d.name: f"{d.name}.csv" for d in datasets})
    if cite.version:
        descriptor["version"] = cite.version
    package_json = json_bytes(descriptor)
    members = {f"{d.name}.csv": downloads.render(CSV, d) for d in datasets}
    members["datapackage.json"] = package_json
    members["README.md"] = readme(context, cite).encode()
    members["CITATION.cff"] = citation_cff(context, cite).encode()
    members.update(licence_texts(descriptor["licenses"]))
    return package_json, deterministic_zip(members)


def export_package(downloads: Downloads) -> dict[str, bytes]:
    package_json, archive = package_zip(downloads, citation.for_package(downloads.context))
    name = downloads.context.model.catalog.descriptor["name"]
    return {urls.PACKAGE_FILE: package_json, urls.zip_path(name): archive}
