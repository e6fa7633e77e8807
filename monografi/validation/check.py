"""Validate the package: Frictionless for what it can express, monograph checks for the rest.

Every file is first read through its declared dialect (monografi.validation.dialect), so Frictionless and
everything after it see canonical text. Frictionless errors become Problems at a spreadsheet's row
and column (monografi.validation.frictionless_errors) instead of being printed raw; the checks it
cannot express (personal data, parent codes, sources, hints, warnings declared in the package)
live here and in the modules named below, each with its rules.
"""

from __future__ import annotations

from pathlib import Path

from frictionless import FrictionlessException, Package

from ..messages import Message
from ..project import Project
from ..state import recover
from . import dialect, personal_rows, published_text, retraction, screening, sources
from .boundaries import load_boundaries
from .catalog import Catalog, load_catalog
from .frictionless_errors import frictionless_problems
from .hidden_chars import hidden_problems
from .hints import hint_problems
from .placeholders import placeholder_problems
from .published import reference_rows, shrink_problems
from .publisher import publisher_problems
from .report import Problem, Report
from .rules import Kind, Rule
from .schema import metadata_problems, schema_problems
from .spec import ResourceSpec
from .template_hints import template_hint_problems
from .uniqueness import duplicate_problems
from .warnings import warnings_for

WRONG_PARENT = Rule("kode_induk", Kind.DATA, Message(
    "Kode {value!r} tidak berada di bawah {batas}.",
    "Code {value!r} does not belong to {batas}.",
    "Kode wilayah harus diawali kode induknya; periksa kolom kode.",
    "An area code must start with its parent's code; check the code columns.",
))

WRONG_DESA_KIND = Rule("jenis_desa", Kind.DATA, Message(
    "Jenis {value!r} tidak cocok dengan kode wilayah ({batas}).",
    "Type {value!r} does not match the area code ({batas}).",
    "Segmen keempat kode 1xxx berarti kelurahan, 2xxx berarti desa (Kepmendagri).",
    "Fourth code segment 1xxx means kelurahan, 2xxx means desa (Kepmendagri).",
))

IMPORT_LEFT_CHANGED = Rule("impor_terputus_diubah", Kind.DATA, Message(
    "Impor sebelumnya terhenti setengah jalan, dan berkas ini sudah diubah lagi sesudahnya.",
    "An earlier import stopped half-way, and this file was changed again since.",
    "Tidak ada yang ditimpa. Bandingkan berkas ini dengan salinan sebelum impor di {value}, "
    "pulihkan yang benar (mis. `git checkout`), lalu hapus folder itu.",
    "Nothing was overwritten. Compare the file with the pre-import copies in {value}, restore "
    "the right one (e.g. `git checkout`), then delete that folder.",
))

IMPORT_RESTORED = Rule("impor_dipulihkan", Kind.DATA, Message(
    "Impor sebelumnya terhenti setengah jalan; berkas ini dikembalikan seperti sebelum impor itu.",
    "An earlier import stopped half-way; this file was put back as it was before it.",
    "Impor ulang formulir yang terhenti itu bila perubahannya masih diperlukan.",
    "Import that form again if its changes are still needed.",
), severity="warning")


def finish_pending_import(project: Project) -> list[Problem]:
    """Undo an import that stopped half-way before anything reads datasets/ (call under the
    build's lock): a warning per file given back its old bytes, or an error per file edited
    since (nothing is undone then, so the import's backups wait for staff)."""
    found = recover(project)
    return ([Problem(relpath, IMPORT_LEFT_CHANGED, value=str(found.backups)) for relpath in found.changed]
            + [Problem(relpath, IMPORT_RESTORED) for relpath in found.restored])


def validate_datasets(root: Path, published: Path | None = None,
                      origin: Path | None = None) -> tuple[Catalog | None, Report]:
    """Validate everything under `root`; the catalog is returned only when it is usable.

    This is the one gate of the build: every stage after it reads only what is checked here
    (names, schemas, hints, rules, rows), so a package it accepts builds. `published` is the
    site the tables are compared with (emptied tables); default: the project's output/.
    `origin`: the real datasets/ folder when `root` is a scratch copy of it (an import, the
    inbox): its files and its git history are what the tables are compared with too.
    """
    report = Report()
    catalog, problems = load_catalog(root)
    report.extend(problems)
    if catalog is None:
        return None, report
    report.extend(schema_problems(catalog))
    catalog.retractions, found = retraction.read(root, {spec.name for spec in catalog.resources})
    report.extend(found)
    if not report.ok:
        return None, report  # Frictionless would crash on a broken pattern or a missing table
    report.extend(published_text.descriptor_problems(catalog))
    tables = {spec.name: dialect.read(spec) for spec in catalog.resources}
    catalog.tables = {name: (table.header, table.rows) for name, table in tables.items()}
    report.extend(hint_problems(catalog))
    report.extend(template_hint_problems(catalog))
    report.extend(sources.source_problems(catalog))
    report.extend(placeholder_problems(catalog))
    for table in tables.values():
        report.extend(table.problems)
    resources = _frictionless_resources(catalog, tables)
    try:
        package = Package({**catalog.descriptor, "resources": resources})  # validates the descriptor
    except FrictionlessException as exc:
        report.extend(metadata_problems(catalog, resources, exc))
        return None, report
    kept = screening.rows_to_validate(catalog, tables)
    looked_up = screening.looked_up(catalog)
    trimmed = {name: rows for name, rows in kept.items() if name not in looked_up}
    _load_rows(package, tables, trimmed)
    for spec in catalog.resources:
        table = tables[spec.name]
        if table.unreadable:
            continue
        if kept.get(spec.name) != []:  # screening cleared every row: Frictionless would agree
            report.extend(frictionless_problems(package, spec, tables, trimmed.get(spec.name)))
        report.extend(_monograph_problems(catalog, spec, table))
        report.extend(hidden_problems(spec, table))
        report.extend(duplicate_problems(spec, table.header, table.rows))
    loaded, problems = load_boundaries(catalog)
    catalog.boundaries = {b.level: b for b in loaded}
    report.extend(problems)
    rows = {name: (t.header, t.rows) for name, t in tables.items() if not t.unreadable}
    origin = Path(origin or root)
    before = reference_rows(catalog, published or Project.of_datasets(origin).output, origin)
    report.extend(shrink_problems(catalog, rows, before))
    if report.ok:
        report.extend(warnings_for(catalog, rows))
        report.extend(publisher_problems(catalog))
    return catalog, report


def _frictionless_resources(catalog: Catalog, tables: dict[str, dialect.Table]) -> list[dict]:
    """The resources as Frictionless validates their metadata: with the header as their only
    data row, since it deep-copies inline data, and before screening reads the schemas (which
    a malformed one would crash). Links to unreadable tables are dropped so one broken master
    list does not flood the report with foreign-key errors."""
    broken = {name for name, table in tables.items() if table.unreadable}
    resources = []
    for spec in catalog.resources:
        table = tables[spec.name]
        header = [f["name"] for f in spec.fields] if table.unreadable else table.header
        resource = dialect.frictionless_descriptor(spec, dialect.Table(header, []))
        keys = resource["schema"].get("foreignKeys", [])
        resource["schema"]["foreignKeys"] = [
            k for k in keys if (k.get("reference") or {}).get("resource") not in broken]
        resources.append(resource)
    return resources


def _load_rows(package: Package, tables: dict[str, dialect.Table], trimmed: dict[str, list[int]]) -> None:
    """Give each readable resource its canonical rows; of a `trimmed` table only the rows that
    may hold a problem (screening)."""
    for name, table in tables.items():
        if not table.unreadable:
            rows = screening.only_rows(table, trimmed[name]).rows if name in trimmed else table.rows
            package.get_resource(name).data = [table.header, *rows]


def _monograph_problems(catalog: Catalog, spec: ResourceSpec, table: dialect.Table) -> list[Problem]:
    """Personal data (validation.personal_rows), and in a master list codes that disagree with
    their parent (source ids are a foreign key to sumber.csv)."""
    problems = personal_rows.table_problems(spec, table.header, table.rows)
    if spec.is_master:
        for number, row in enumerate(table.rows, start=2):
            problems.extend(_parent_problems(spec, number, dict(zip(table.header, row, strict=False))))
    return problems


def _parent_problems(spec: ResourceSpec, number: int, cells: dict) -> list[Problem]:
    """Area codes nest (32.15 → 32.15.05 → 32.15.05.2001); a row must agree with itself."""
    problems = []
    own = cells.get(f"kode_{spec.name}", "") if spec.is_master else ""
    for parent in ("kode_provinsi", "kode_kabupaten", "kode_kecamatan"):
        code = cells.get(parent, "")
        if own and code and parent != f"kode_{spec.name}" and not own.startswith(code + "."):
            problems.append(Problem(spec.relpath, WRONG_PARENT, number, f"kode_{spec.name}", own,
                                    {"batas": f"{parent} {code}"}))
    if spec.name == "desa" and own.count(".") == 3 and cells.get("jenis") in ("desa", "kelurahan"):
        expected = "kelurahan" if own.rsplit(".", 1)[1].startswith("1") else "desa"
        if cells["jenis"] != expected:
            problems.append(Problem(spec.relpath, WRONG_DESA_KIND, number, "jenis", cells["jenis"],
                                    {"batas": f"{own} → {expected}"}))
    return problems
