"""Put chosen templates of the pack into a project's datasets/, all or nothing.

A template arrives as three things a hand-made dataset has too: its CSV (the header; a code
list's codes), its schema in schemas/, and its entry in datapackage.json. The code lists its
columns point to come along unless the project already has them. The area code column takes
the pattern and example of the project's own master table, so the templates fit any portal
(one kecamatan, a kabupaten, the whole country). Nothing that exists is ever replaced: a table
name or file already there refuses the whole install, and the files are written through the
import journal (state.commit), so a crash leaves datasets/ as it was or finishes rolling back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..messages import Message
from ..project import Project
from ..state import BuildBusy, CommitFailed, build_lock, commit, recover
from ..validation.catalog import PACKAGE_FILE, Catalog, ResourceSpec, load_catalog
from .pack import Template, templates

LICENCE = "CC-BY-4.0"  # the licence a new table takes from the package, as `dataset-baru` does
ENTRY_KEYS = ("title", "description")


class TemplateError(ValueError):
    """The templates cannot be installed; nothing was changed. `text(lang)` says why and how."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values

    def text(self, lang: str = "id") -> str:
        message = MESSAGES[self.key]
        return f"{message.text(lang)} {message.fix(lang)}".format(**self.values)


MESSAGES = {
    "templat_tak_dikenal": Message(
        "Templat {names} tidak ada di paket templat.",
        "Template {names} is not in the template pack.",
        "Pakai nama dari daftar templat: {known}.",
        "Use names from the template list: {known}."),
    "templat_paket_rusak": Message(
        "Paket data di datasets/ belum sah ({problems}); templat tidak dipasang.",
        "The data package in datasets/ is not valid yet ({problems}); no template was installed.",
        "Jalankan `monografi check`, perbaiki yang disebut, lalu pasang lagi.",
        "Run `monografi check`, fix what it names, then install again."),
    "templat_sudah_ada": Message(
        "Tabel {names} sudah ada di datasets/ ({files}); tidak ada yang diubah.",
        "Table {names} already exists in datasets/ ({files}); nothing was changed.",
        "Templat tidak pernah menimpa tabel. Pilih templat lain, atau hapus dulu tabel lama bila "
        "memang ingin menggantinya.",
        "Templates never replace a table. Choose other templates, or remove the old table first "
        "if you mean to replace it."),
    "templat_tanpa_induk": Message(
        "Templat {names} merujuk tabel induk {master}, yang tidak ada di datasets/datapackage.json; "
        "tidak ada yang diubah.",
        "Template {names} refers to the master table {master}, which is not in "
        "datasets/datapackage.json; nothing was changed.",
        "Tambahkan dulu tabel {master} (daftar wilayah atau daftar sumber), atau pilih templat "
        "tingkat lain.",
        "Add the {master} table first (the area list or the source list), or choose templates of "
        "another level."),
    "templat_daftar_beda": Message(
        "Tabel {names} sudah ada tetapi tidak punya kolom {column} yang dirujuk templat; tidak ada "
        "yang diubah.",
        "Table {names} exists but lacks the column {column} the templates refer to; nothing was "
        "changed.",
        "Ganti nama tabel lama itu, atau tambahkan kolom {column} dengan isian daftar kodenya.",
        "Rename that old table, or add the column {column} with the code list's values."),
    "templat_sibuk": Message(
        "Build atau impor lain sedang berjalan; tidak ada yang diubah.",
        "Another build or import is running; nothing was changed.",
        "Tunggu sampai selesai, lalu pasang lagi.",
        "Wait until it finishes, then install again."),
    "templat_impor_terputus": Message(
        "Impor yang terputus menunggu dipulihkan ({files}); templat tidak dipasang.",
        "An interrupted import waits to be recovered ({files}); no template was installed.",
        "Jalankan `monografi check` untuk memulihkannya, lalu pasang lagi.",
        "Run `monografi check` to recover it, then install again."),
    "templat_gagal_terputus": Message(
        "{path} tidak dapat ditulis ({error}) dan berkas yang sudah diganti belum dapat dikembalikan.",
        "{path} cannot be written ({error}) and the files already replaced could not be put back yet.",
        "Jalankan `monografi check`: pemeriksaan lebih dulu mengembalikan datasets/ seperti semula.",
        "Run `monografi check`: it first puts datasets/ back as it was."),
    "templat_gagal": Message(
        "{path} tidak dapat ditulis ({error}); tidak ada yang diubah.",
        "{path} cannot be written ({error}); nothing was changed.",
        "Tutup berkas yang sedang terbuka (mis. di Excel) dan periksa izin tulis folder, lalu pasang "
        "lagi.",
        "Close files that are open (e.g. in Excel) and check the folder's write permission, then "
        "install again."),
}


def chosen(names: Iterable[str] | None) -> list[Template]:
    """The named templates (all when None) and every code list they point to, in pack order."""
    wanted = {t.name for t in templates()} if names is None else set(names)
    by_name = {t.name: t for t in templates()}
    unknown = sorted(n for n in wanted if n not in by_name)
    if unknown:
        raise TemplateError("templat_tak_dikenal", names=", ".join(unknown),
                            known=", ".join(t.name for t in templates()))
    wanted |= {name for n in list(wanted) for name in by_name[n].code_lists}
    return [t for t in templates() if t.name in wanted]


def install(datasets: Path, names: Iterable[str] | None = None) -> list[str]:
    """Install the templates named (all when None) into the project whose datasets/ folder this
    is; returns the files written, relative to datasets/. Raises TemplateError having changed
    nothing — or, if even the roll-back failed, leaving the journal the next command undoes."""
    project = Project.of_datasets(datasets)
    try:
        with build_lock(project.state):
            found = recover(project)
            if found.changed:
                raise TemplateError("templat_impor_terputus", files=", ".join(found.changed))
            catalog, problems = load_catalog(project.datasets)
            if catalog is None:
                raise TemplateError("templat_paket_rusak", problems="; ".join(
                    f"{p.file} {p.column or ''} {p.rule}".replace("  ", " ") for p in problems[:3]))
            files = planned_files(catalog, chosen(names))
            try:
                commit(project, files)
            except CommitFailed as exc:
                key = "templat_gagal" if exc.rolled_back else "templat_gagal_terputus"
                raise TemplateError(key, path=exc.relpath, error=exc.reason) from exc
            except OSError as exc:  # while staging, before anything in datasets/ was touched
                raise TemplateError("templat_gagal", path=exc.filename or project.import_stage,
                                    error=exc.strerror or exc) from exc
    except BuildBusy as exc:
        raise TemplateError("templat_sibuk") from exc
    return sorted(files)


def planned_files(catalog: Catalog, wanted: list[Template]) -> dict[str, bytes]:
    """Every file the install writes (path in datasets/ -> bytes), or TemplateError."""
    present = {spec.name: spec for spec in catalog.resources}
    shared = [t for t in wanted if t.is_code_list and t.name in present and t.name not in _asked(wanted)]
    for code_list in shared:
        _check_shared(present[code_list.name])
    new = [t for t in wanted if t not in shared]
    _refuse_taken(catalog, new, present)
    _refuse_missing_masters(new, present)
    package = json.loads((catalog.root / PACKAGE_FILE).read_text(encoding="utf-8"))
    licences = [lic for lic in package.get("licenses", [])
                if isinstance(lic, dict) and lic.get("name") == LICENCE]
    files = {}
    for item in new:
        files[f"{item.name}.csv"] = item.csv
        files[f"schemas/{item.name}.json"] = _json(_fitted(item.schema, present))
        package["resources"].append(_entry(item, licences))
    files[PACKAGE_FILE] = _json(package)
    return files


def _asked(wanted: list[Template]) -> set[str]:
    """Code lists are shared: one that is already there is reused, unless it was asked for by
    name alone (then it is a table like any other and refused if present)."""
    referenced = {name for t in wanted for name in t.code_lists}
    return {t.name for t in wanted if t.is_code_list and t.name not in referenced}


def _check_shared(spec: ResourceSpec) -> None:
    if "nama" not in {f["name"] for f in spec.fields}:
        raise TemplateError("templat_daftar_beda", names=spec.name, column="nama")


def _refuse_taken(catalog: Catalog, new: list[Template], present: dict[str, ResourceSpec]) -> None:
    taken, files = [], []
    for item in new:
        paths = [p for p in (f"{item.name}.csv", f"schemas/{item.name}.json")
                 if (catalog.root / p).exists() or (catalog.root / p).is_symlink()]
        if item.name in present or paths:
            taken.append(item.name)
            files.extend(paths or [PACKAGE_FILE])
    if taken:
        raise TemplateError("templat_sudah_ada", names=", ".join(taken),
                            files=", ".join(dict.fromkeys(files)))


def _refuse_missing_masters(new: list[Template], present: dict[str, ResourceSpec]) -> None:
    """A template points to its level's master table (kode_desa, kode_kecamatan) and to the
    sources table (id): both must be there, with that column."""
    needs: dict[tuple[str, str], list[str]] = {}
    for item in new:
        if item.level:
            needs.setdefault((item.level, f"kode_{item.level}"), []).append(item.name)
            needs.setdefault(("sumber", "id"), []).append(item.name)
    for (master, column), names in needs.items():
        if master not in present or column not in {f["name"] for f in present[master].fields}:
            raise TemplateError("templat_tanpa_induk", names=", ".join(names), master=master)


def _fitted(schema: dict, present: dict[str, ResourceSpec]) -> dict:
    """The area code column with the pattern and example of the project's master table."""
    fields = []
    for field in schema["fields"]:
        level = field["name"].removeprefix("kode_")
        master = present.get(level) if field["name"].startswith("kode_") else None
        own = next((f for f in master.fields if f["name"] == field["name"]), None) if master else None
        if own is not None:
            field = {**field, "constraints": dict(field["constraints"])}
            pattern = (own.get("constraints") or {}).get("pattern")
            if pattern:
                field["constraints"]["pattern"] = pattern
            if "example" in own:
                field["example"] = own["example"]
        fields.append(field)
    return {**schema, "fields": fields}


def _entry(item: Template, licences: list[dict]) -> dict:
    """The datapackage.json entry, laid out like the bundled ones."""
    entry = {"name": item.name, "path": f"{item.name}.csv", "profile": "tabular-data-resource",
             **{key: item.entry[key] for key in ENTRY_KEYS},
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "schema": f"schemas/{item.name}.json"}
    if licences:
        entry["licenses"] = licences
    entry["monografi"] = item.hints
    return entry


def _json(document) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
