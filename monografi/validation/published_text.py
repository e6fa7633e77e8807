"""Personal data in the texts staff write beside the tables: the package's and every dataset's
titles and descriptions (datapackage.json, schemas/*.json) and the content pages (content/**.md,
metadata and body). The portal publishes them all, so they are asked the same question as every
data cell (personal_data.find); sumber.csv is a table and is checked as one.

`check` and the build both call these (validate_datasets, commands.check, publishing.pipeline), so a
text that `check` accepts builds and a text it refuses is never published. A report shows only
the first and last characters of what it found: reports are read in public CI logs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..messages import Message
from ..project import CONTENT, Project
from . import personal_data
from .catalog import Catalog
from .publisher import publisher
from .report import Problem
from .rules import Kind, Rule
from .spec import PACKAGE_FILE

PERSONAL_DATA_IN_TEXT = Rule("data_pribadi_teks", Kind.DATA, Message(
    "Teks ini memuat sesuatu yang tampak seperti data pribadi ({batas}): {value}.",
    "This text holds something that looks like personal data ({batas}): {value}.",
    "Data pribadi (NIK, No. KK, NIP, telepon, surel) tidak boleh diterbitkan di mana pun di situs: "
    "hapus dari teks ini. Laporan hanya menampilkan awal dan akhirnya agar tidak ikut menyebarkannya.",
    "Personal data (NIK, family card no., NIP, phone, e-mail) must never be published anywhere on "
    "the site: remove it from this text. The report shows only its start and end so as not to "
    "spread it.",
), words=lambda details, lang: {"batas": personal_data.KIND_NAMES[details["jenis"]].text(lang)})

# Keys whose values are not prose: identifiers, paths, regular expressions, types.
_NOT_TEXT = frozenset({"name", "path", "pattern", "type", "format", "mediatype", "encoding", "profile",
                       "$schema", "scheme", "hash", "bytes"})
# Files under content/ that are published as text: pages, update notes, extras a browser shows.
_TEXT_FILES = ("*.md", "*.markdown", "*.html", "*.htm", "*.txt")


def _strings(value, key: str) -> Iterator[tuple[str, str]]:
    """(key path, text) for every string under `value` that is prose."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in _NOT_TEXT:
                yield from _strings(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{key}[{index}]")
    elif isinstance(value, str):
        yield key, value


def _found(file: str, row: int | None, key: str | None, text: str) -> list[Problem]:
    located = personal_data.locate(text)
    if not located:
        return []
    kind, fragment = located
    return [Problem(file, PERSONAL_DATA_IN_TEXT, row, key, personal_data.masked(fragment), {"jenis": kind})]


def descriptor_problems(catalog: Catalog) -> list[Problem]:
    """Personal data in the package's metadata and in every resource's metadata and schema, named
    by the file and key where staff write it (datapackage.json, schemas/x.json)."""
    problems = []
    package = {k: v for k, v in catalog.descriptor.items() if k != "resources"}
    contact = publisher(catalog.descriptor).key  # published on purpose: the body's own address
    for key, text in _strings(package, ""):
        if key != contact:
            problems += _found(PACKAGE_FILE, None, key, text)
    for index, spec in enumerate(catalog.resources):
        resource = {k: v for k, v in spec.descriptor.items() if k != "schema"}
        for key, text in _strings(resource, f"resources[{index}]"):
            problems += _found(PACKAGE_FILE, None, key, text)
        schema_file, prefix = spec.schema_key(index, "")
        for key, text in _strings(spec.schema, prefix.rstrip(".")):
            problems += _found(schema_file, None, key, text)
    return problems


def personal_content_problems(project: Project) -> list[Problem]:
    """Personal data in the content pages and other text files under content/, each named by its
    file and line (a page's metadata line names its key: "Title", "Summary")."""
    root = Path(project.content)
    if not root.is_dir():
        return []
    problems = []
    files = sorted({path for pattern in _TEXT_FILES for path in root.rglob(pattern)
                    if path.is_file() and not path.is_symlink()})
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue  # unreadable pages are the page build's to report
        name = f"{CONTENT}/{path.relative_to(root).as_posix()}"
        in_metadata = path.suffix in (".md", ".markdown")
        for number, line in enumerate(lines, start=1):
            in_metadata = in_metadata and bool(line.strip())
            key, _, _ = line.partition(":")
            column = f"metadata {key.strip()}" if in_metadata and ":" in line else None
            problems += _found(name, number, column, line)
    return problems
