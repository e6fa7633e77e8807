"""What every export format shares: the canonical rows, rendered downloads, safe cells, zips.

The build context (model.context.BuildContext) carries the model, dates and URLs; one
`Downloads` per build holds what only the exports need on top of it, so the exporters and the
page writers that list a file's size see the same bytes, and each file is rendered once.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from .. import fmt, urls
from ..model.areas import Dataset
from ..model.context import BuildContext

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ZIP_TIMESTAMP = (2000, 1, 1, 0, 0, 0)
LICENCE_DIR = Path(__file__).parent.parent / "lisensi"


def neutralise(cell: str) -> str:
    """Stop Excel/LibreOffice from executing a text cell as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def deterministic_zip(members: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on its members: sorted names, fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def json_bytes(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode() + b"\n"


@runtime_checkable
class RenderDataset(Protocol):
    """How a format turns one dataset of the build into the bytes of its download."""

    def __call__(self, downloads: Downloads, dataset: Dataset) -> bytes: ...


@dataclass(frozen=True)
class DatasetFormat:
    """One download offered for every dataset (sdg-build style: one small module per format)."""

    key: str
    label: str
    suffix: str
    media_type: str
    description: str
    render: RenderDataset

    def path(self, name: str) -> str:
        return f"{urls.DOWNLOADS}/{name}{self.suffix}"


def cell_value(value):
    """pandas cell → plain Python (Int64 → int, Float64 → float, <NA> → None)."""
    if fmt.is_missing(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


class Downloads:
    """Every dataset download of one build, each rendered once (however many pages list it and
    exporters embed it), from the files' canonical rows. Not the build context: it reads one."""

    def __init__(self, context: BuildContext):
        self.context = context
        self._rendered: dict[tuple[str, str], bytes] = {}

    def raw(self, dataset: Dataset) -> tuple[list[str], list[list[str]]]:
        return self.context.model.catalog.rows(dataset.spec)

    def records(self, dataset: Dataset) -> list[dict]:
        """Typed rows in file order (numbers as numbers, empty cells as None)."""
        return list(self.iter_records(dataset))

    def iter_records(self, dataset: Dataset, chunk: int = 10_000) -> Iterator[dict]:
        """The records one chunk at a time: a million rows never sit in memory as dicts."""
        table = dataset.table
        for start in range(0, len(table), chunk):
            for row in table.iloc[start:start + chunk].to_dict("records"):
                yield {k: cell_value(v) for k, v in row.items()}

    def render(self, fmt: DatasetFormat, dataset: Dataset) -> bytes:
        key = (fmt.key, dataset.name)
        if key not in self._rendered:
            self._rendered[key] = fmt.render(self, dataset)
        return self._rendered[key]


def canonical_csv(header: list[str], rows: list[list[str]], guarded: set[str]) -> str:
    """Comma-separated, '\\n' line ends, minimal quoting; formula-like text in the `guarded`
    columns neutralised (only in files meant for spreadsheets)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) if column in guarded else cell
                         for column, cell in zip(header, row, strict=False)])
    return buffer.getvalue()


def text_columns(dataset: Dataset, header: list[str]) -> set[str]:
    """Columns that may hold formula-like text: everything the schema does not type as a number."""
    numeric = {f.name for f in dataset.fields if f.numeric}
    return {c for c in header if c not in numeric}
