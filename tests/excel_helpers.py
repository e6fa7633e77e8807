"""Turn a bundled CSV into what an Indonesian-locale Excel saves, and declare that dialect."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.helpers import edit_package, resource_of

ID_GROUP, ID_DECIMAL = ".", ","


def _id_number(text: str, kind: str) -> str:
    """'1234567.5' → '1.234.567,5' as Excel shows numbers with an Indonesian locale."""
    if not text:
        return text
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    grouped = sign + ".".join([digits, *groups])
    return grouped + (f",{fraction}" if fraction and kind == "number" else "")


def excel_bytes(project: Path, resource: str, encoding: str = "cp1252", bom: bool = False) -> bytes:
    """The resource as Excel (id-ID) writes it: ';', CRLF, grouped numbers, decimal commas,
    stray spaces around cells and empty trailing rows."""
    schema = json.loads((project / "datasets" / "schemas" / f"{resource}.json").read_text("utf-8"))
    kinds = {f["name"]: f.get("type") for f in schema["fields"]}
    text = (project / "datasets" / f"{resource}.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows[1:]:
        writer.writerow([f" {_id_number(cell, kinds[name])} " if kinds[name] in ("integer", "number")
                         else cell for name, cell in zip(header, row, strict=True)])
    writer.writerow([""] * len(header))
    writer.writerow([""] * len(header))
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


def declare_excel_dialect(project: Path, resource: str, encoding: str = "windows-1252",
                          group: str | None = ID_GROUP, decimal: str = ID_DECIMAL) -> None:
    """Declare in the package what the file really is, as staff would after reading the guide."""
    edit_package(project, lambda d: resource_of(d, resource).update(
        encoding=encoding, dialect={"delimiter": ";"}))
    path = project / "datasets" / "schemas" / f"{resource}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    for field in schema["fields"]:
        if field.get("type") in ("integer", "number"):
            if group:
                field["groupChar"] = group
            if field["type"] == "number":
                field["decimalChar"] = decimal
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


def find_row(sheet, **wanted):
    """The data row of a form sheet whose cells equal `wanted` (keys from the codes row, row 2)."""
    keys = [c.value for c in sheet[2]]
    for row in sheet.iter_rows(min_row=3):
        cells = dict(zip(keys, row, strict=False))
        if all(str(cells[k].value or "") == v for k, v in wanted.items()):
            return cells
    raise AssertionError(wanted)


def form_made_once(tmp_path_factory, kecamatan: str, periode: str, prepare=None) -> bytes:
    """The fill-in form of a fresh copy of the bundled project (changed by `prepare`), for a
    session-scoped fixture: forms are byte-identical for the same data wherever the project is
    (test_forms), so tests copy these bytes instead of each spending ~0.15 s making the same one."""
    from monografi.forms.form import write_form
    from monografi.validation.catalog import load_catalog
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("formulir") / "proyek")
    if prepare:
        prepare(project)
    catalog, problems = load_catalog(project / "datasets")
    assert not problems
    return write_form(catalog, kecamatan, project.parent / "formulir.xlsx", periode).read_bytes()


def encrypted_workbook(info: bytes, package: bytes) -> bytes:
    """A password-protected .xlsx as Excel saves one: not a zip but an OLE compound file
    (MS-CFB, version 3) holding the streams EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO).
    Both streams are padded to 4096 bytes so they live in ordinary sectors (no mini stream)."""
    import struct

    sector, end, free, fat_sector, none = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    streams = [info.ljust(4096, b"\0")[:4096], package.ljust(4096, b"\0")[:4096]]
    fat = [fat_sector, end]
    for _ in streams:
        first = len(fat)
        fat += [first + i + 1 for i in range(7)] + [end]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, none, right,
                           child, b"", 0, 0, 0, start, size)

    directory = (entry("Root Entry", 5, 1, none, end, 0)
                 + entry("EncryptionInfo", 2, none, 2, 2, 4096)
                 + entry("EncryptedPackage", 2, none, none, 10, 4096) + bytes(128))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"",
                         0x3E, 3, 0xFFFE, 9, 6, b"", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *[free] * 108)
    assert len(header) == sector and len(directory) == sector
    return header + struct.pack("<128I", *fat) + directory + b"".join(streams)
