"""Read and write CSV files as staff's Excel saves them, per the dialect declared in the package.

An Indonesian-locale Excel writes `;` between columns, `1.234` for a thousand and `12,5` for a
decimal, in Windows-1252 or UTF-8 with a BOM. The resource declares what to expect (`encoding`,
`dialect.delimiter`, and `groupChar`/`decimalChar` on number fields, as in Frictionless), and
everything downstream sees one canonical text: comma-separated, numbers with no grouping and `.`
as decimal point. Anything that does not fit the declaration is refused, never guessed, because
`1.234` silently read as 1.234 instead of 1234 would publish a wrong figure.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

from ..messages import Message
from . import decoding, number_cells
from .quotes import UNCLOSED_QUOTE, UnclosedQuote, refuse_open_quote
from .report import Problem
from .rules import Kind, Rule
from .spec import ResourceSpec

# csv's field limit is process-wide and Frictionless's CSV parser raises it to 2**31 when first
# imported; the reader sets it back before every read, so one cell's limit is the same in every
# command, whichever module happened to load Frictionless first.
CELL_LIMIT = 131_072

NUMERIC = ("integer", "number")
CANDIDATE_DELIMITERS = (",", ";", "\t", "|")
FRICTIONLESS_DIALECT_KEYS = ("encoding", "dialect", "format", "mediatype", "bytes", "hash")
FIELD_DIALECT_KEYS = ("groupChar", "decimalChar", "bareNumber")
DELIMITER_NAMES = {"\t": Message("tab", "tab"), ",": Message("koma (,)", "comma (,)"),
                   ";": Message("titik koma (;)", "semicolon (;)"),
                   "|": Message("garis tegak (|)", "vertical bar (|)")}
GROUPED = Message("pemisah ribuan {sign!r}", "thousand separator {sign!r}")
UNGROUPED = Message("tanpa pemisah ribuan", "no thousand separator")
DECIMAL = Message("pemisah desimal {sign!r}", "decimal separator {sign!r}")


def _delimiter_words(details: dict, lang: str) -> dict:
    return {key: DELIMITER_NAMES[char].text(lang) if char in DELIMITER_NAMES else repr(char)
            for key, char in details.items() if key in ("batas", "dinyatakan")}


def _format_words(details: dict, lang: str) -> dict:
    """The declared number format in words: 'pemisah ribuan '.', pemisah desimal ','."""
    group = details["ribuan"]
    parts = [GROUPED.text(lang).format(sign=group) if group else UNGROUPED.text(lang)]
    if details["type"] == "number":
        parts.append(DECIMAL.text(lang).format(sign=details["desimal"]))
    return {"batas": ", ".join(parts)}


NUMBER_FORMAT = Rule("angka_dialek", Kind.DATA, Message(
    "Nilai {value!r} tidak sesuai format angka yang dinyatakan untuk kolom ini ({batas}).",
    "Value {value!r} does not fit the number format declared for this column ({batas}).",
    "Tulis angka seperti {contoh}: pemisah ribuan tepat tiap tiga digit, tanpa huruf, spasi, "
    "Rp atau %. Angka ini tidak ditebak agar 1.234 tidak terbaca 1,234.",
    "Write it like {contoh}: thousand separators exactly every three digits, no letters, "
    "spaces, Rp or %. The figure is not guessed so that 1.234 is never misread.",
), words=_format_words)

WRONG_DELIMITER = Rule("pemisah_kolom", Kind.DATA, Message(
    "Baris judul terbaca sebagai satu kolom: berkas memakai pemisah {batas}, padahal "
    "datapackage.json menyatakan {dinyatakan}.",
    "The header reads as a single column: the file is separated by {batas}, but "
    "datapackage.json declares {dinyatakan}.",
    "Simpan ulang dari Excel sebagai \"CSV UTF-8 (dipisah koma)\", atau nyatakan pemisahnya di "
    "datapackage.json: \"dialect\": {{\"delimiter\": \";\"}} (lihat panduan data).",
    "Save again from Excel as \"CSV UTF-8 (comma delimited)\", or declare the separator in "
    "datapackage.json: \"dialect\": {{\"delimiter\": \";\"}} (see the data guide).",
), words=_delimiter_words)

EMPTY_FILE = Rule("berkas_kosong", Kind.DATA, Message(
    "Berkas kosong: tidak ada baris judul kolom.",
    "The file is empty: there is no header row.",
    "Tulis baris judul kolom di baris pertama: {batas} (lalu satu baris per data, bila ada).",
    "Write the header row on the first line: {batas} (then one row per record, if any).",
))

# Why a file cannot be read, by the reader's or Frictionless's kind of failure, in words: the
# libraries' own (English) texts never reach staff. Any other kind: the file cannot be opened.
READ_REASONS = {
    "csv": Message("bentuknya bukan CSV yang dapat dibaca", "it is not a CSV that can be read"),
    "cell_too_long": Message("ada sel yang lebih panjang dari {batas} karakter",
                             "a cell is longer than {batas} characters"),
    "encoding-error": Message("pengodean karakternya bukan yang dinyatakan",
                              "its character encoding is not the one declared"),
    "format-error": Message("formatnya bukan CSV", "its format is not CSV"),
    "compression-error": Message("kompresinya rusak", "its compression is broken"),
    "hash-count": Message("isinya tidak sesuai hash yang dinyatakan",
                          "its content does not match the declared hash"),
    "byte-count": Message("ukurannya bukan yang dinyatakan", "its size is not the one declared"),
}
CANNOT_OPEN = Message("berkasnya tidak dapat dibuka", "the file cannot be opened")


def _read_words(details: dict, lang: str) -> dict:
    return {"alasan": READ_REASONS.get(details.get("sebab", ""), CANNOT_OPEN).text(lang).format(**details)}


UNREADABLE_FILE = Rule("berkas", Kind.DATA, Message(
    "Berkas tidak dapat dibaca: {alasan}.",
    "The file cannot be read: {alasan}.",
    "Simpan ulang sebagai CSV UTF-8 (Excel: Simpan Sebagai → CSV UTF-8).",
    "Save it again as CSV UTF-8 (Excel: Save As → CSV UTF-8).",
), words=_read_words)

INVALID_DESCRIPTION = Rule("metadata", Kind.CONFIGURATION, Message(
    "Deskripsi paket data tidak sah: {value}",
    "The data package description is invalid: {value}",
    "Perbaiki datasets/datapackage.json atau skemanya sesuai spesifikasi Frictionless.",
    "Fix datasets/datapackage.json or its schema per the Frictionless specification.",
))


@dataclass
class Table:
    """A file read into canonical text. `bad_cells` holds (row, column) already reported."""

    header: list[str]
    rows: list[list[str]]
    problems: list[Problem] = field(default_factory=list)
    bad_cells: set[tuple[int, str]] = field(default_factory=set)
    unreadable: bool = False


def delimiter(spec: ResourceSpec) -> str:
    dialect = spec.descriptor.get("dialect") or {}
    nested = dialect["csv"] if isinstance(dialect.get("csv"), dict) else {}
    return str(nested.get("delimiter") or dialect.get("delimiter") or ",")


def encoding(spec: ResourceSpec) -> str:
    name = str(spec.descriptor.get("encoding") or "utf-8")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def number_format(raw_field: dict) -> tuple[str, str]:
    """(group separator, decimal separator) declared on a number field; '' = no grouping."""
    return raw_field.get("groupChar", ""), raw_field.get("decimalChar", ".")


def canonical_number(text: str, kind: str, group: str, decimal: str) -> str | None:
    """'1.234,5' → '1234.5' under the declared separators, or None if it does not fit them.

    Groups must be exactly three digits, so '1.23' with '.' as group separator is refused
    rather than read as 123 (Frictionless itself accepts any placement of the group char).
    """
    if text == "" or (group == "" and decimal == "."):
        return text
    g, d = re.escape(group), re.escape(decimal)
    integer_part = rf"\d{{1,3}}(?:{g}\d{{3}})+|\d+" if group else r"\d+"
    fraction = "" if kind == "integer" else rf"(?:{d}\d+)?"
    match = re.fullmatch(rf"(-?)({integer_part}){fraction}", text)
    if not match:
        return None
    digits = text.replace(group, "") if group else text
    return digits.replace(decimal, ".") if decimal != "." else digits


def _csv_failure(exc: Exception) -> dict:
    """What csv could not read, as data: its message is English (a cell past the field limit is
    the one staff can cause with a readable file)."""
    if "field larger than field limit" in str(exc):
        return {"sebab": "cell_too_long", "batas": CELL_LIMIT}
    return {"sebab": "csv"}


def declaration_problems(spec: ResourceSpec) -> list[Problem]:
    """A dialect the reader cannot follow is a configuration error, reported before reading."""
    where = f"{spec.relpath}"
    problems = []
    if len(delimiter(spec)) != 1 or delimiter(spec) in "\"\r\n0123456789":
        problems.append(Problem(where, INVALID_DESCRIPTION, column="dialect.delimiter",
                                value=repr(delimiter(spec))))
    try:
        codecs.lookup(encoding(spec))
    except LookupError:
        problems.append(Problem(where, INVALID_DESCRIPTION, column="encoding", value=encoding(spec)))
    for raw in spec.fields:
        group, decimal = number_format(raw)
        clash = raw.get("type") == "number" and group == decimal
        if not isinstance(group, str) or not isinstance(decimal, str) or len(group) > 1 \
                or len(decimal) != 1 or clash or (group + decimal).isdigit():
            problems.append(Problem(where, INVALID_DESCRIPTION, column=raw.get("name"),
                                    value=f"groupChar={group!r}, decimalChar={decimal!r}"))
    return problems


def read(spec: ResourceSpec) -> Table:
    """The file as canonical text, with a Problem for everything that does not fit its dialect."""
    declared = declaration_problems(spec)
    if declared:
        return Table([], [], declared, unreadable=True)
    return read_data(spec, spec.file.read_bytes())


def read_data(spec: ResourceSpec, data: bytes) -> Table:
    """`data` (a version of the table's file: an upload, one from git) read like `read`."""
    refused = decoding.binary_problem(spec.relpath, data, encoding(spec)) \
        or decoding.utf8_problem(spec.relpath, data, encoding(spec))
    if refused:
        return Table([], [], [refused], unreadable=True)
    try:
        records = _records(spec, data)
    except UnclosedQuote as exc:
        return Table([], [], [Problem(spec.relpath, UNCLOSED_QUOTE, row=exc.line, value=str(exc.line))],
                     unreadable=True)
    except (UnicodeDecodeError, csv.Error) as exc:
        problem = decoding.decode_problem(spec.relpath, data, encoding(spec))  # say where
        return Table([], [], [problem or Problem(spec.relpath, UNREADABLE_FILE, details=_csv_failure(exc))],
                     unreadable=True)
    while records and not any(records[-1]):
        records.pop()
    if not records:  # not even a header: say so in words (Frictionless: "the source is empty")
        return Table([], [], [Problem(spec.relpath, EMPTY_FILE,
                                      details={"batas": ",".join(f["name"] for f in spec.fields)})],
                     unreadable=True)
    header, rows = records[0], records[1:]
    for row in rows:  # Excel pads rows with ";;;" beyond the header: empty cells, not columns
        while len(row) > len(header) and row[-1] == "":
            row.pop()
    table = Table(header, rows)
    if _wrong_delimiter(spec, table):
        return table
    _blank_missing(spec, table)
    _normalise_numbers(spec, table)
    return table


def _blank_missing(spec: ResourceSpec, table: Table) -> None:
    """A cell holding a declared missing-value marker ("-", "NA") becomes empty: canonical
    text has one spelling of 'no value', the one every later stage (Frictionless, the number
    checks, the model, the exports) reads as missing, so "-" is never refused as not a number
    nor taken for one."""
    declared = spec.schema.get("missingValues", [""])
    markers = {v for v in declared if isinstance(v, str) and v} if isinstance(declared, list) else set()
    for row in table.rows if markers else ():
        for index, cell in enumerate(row):
            if cell in markers:
                row[index] = ""


def _records(spec: ResourceSpec, data: bytes) -> list[list[str]]:
    """Stripped cells, decoded while parsing (no full copy of the text) and interned per table:
    a million rows repeat a few thousand distinct values, so equal cells share one str and
    later checks can work on the distinct values (`distinct`)."""
    name = encoding(spec)
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=name, newline="")
    interned: dict[str, str] = {}
    share = interned.setdefault
    records = []
    csv.field_size_limit(CELL_LIMIT)
    reader = csv.reader(stream, delimiter=delimiter(spec))
    start = last = 1  # the line the record being read starts on, and the last one read
    record: list[str] = []
    try:
        for record in reader:
            cells = list(map(str.strip, record))
            records.append(list(map(share, cells, cells)))
            last, start = start, reader.line_num + 1
    except csv.Error:
        refuse_open_quote(stream, delimiter(spec), start, too_long=True)
        raise
    if any("\n" in cell or "\r" in cell for cell in record):  # perhaps a quote never closed
        refuse_open_quote(stream, delimiter(spec), last)
    return records


def distinct(rows: list[list[str]], index: int) -> set[str]:
    """The distinct values of one column (short rows have none there)."""
    return {row[index] for row in rows if index < len(row)}


def _wrong_delimiter(spec: ResourceSpec, table: Table) -> bool:
    """A header read as one cell holding another separator: the file uses a different dialect."""
    declared = delimiter(spec)
    if len(table.header) != 1 or len(spec.fields) < 2:
        return False
    found = next((d for d in CANDIDATE_DELIMITERS if d != declared and d in table.header[0]), None)
    if found is None:
        return False
    table.problems.append(Problem(spec.relpath, WRONG_DELIMITER, 1, None, table.header[0][:60],
                                  {"batas": found, "dinyatakan": declared}))
    table.unreadable = True
    return True


def _normalise_numbers(spec: ResourceSpec, table: Table) -> None:
    """Every numeric cell into canonical text, refused (and blanked) when it does not fit the
    declared format or is not a figure the model can hold (monografi.validation.number_cells).

    Each distinct value is judged once; rows are visited only when some value changes."""
    formats = {f["name"]: (f["type"], *number_format(f)) for f in spec.fields
               if f.get("type") in NUMERIC}
    changes = []  # (column index, name, {cell: canonical text or (rule, details)})
    for index, name in enumerate(table.header):
        if name not in formats:
            continue
        kind, group, decimal = formats[name]
        verdicts = {}
        for cell in distinct(table.rows, index):
            value = canonical_number(cell, kind, group, decimal)
            refused = (NUMBER_FORMAT, {"type": kind, "ribuan": group, "desimal": decimal,
                                       "contoh": _example(kind, group, decimal)}) \
                if value is None else number_cells.problem(value, kind)
            if refused or value != cell:
                verdicts[cell] = refused or value
        if verdicts:
            changes.append((index, name, verdicts))
    for number, row in enumerate(table.rows, start=2) if changes else ():
        for index, name, verdicts in changes:
            verdict = verdicts.get(row[index]) if index < len(row) else None
            if isinstance(verdict, tuple):
                table.problems.append(Problem(spec.relpath, verdict[0], number, name, row[index],
                                              dict(verdict[1])))
                table.bad_cells.add((number, name))
                row[index] = ""
            elif verdict is not None:
                row[index] = verdict


def _example(kind: str, group: str, decimal: str) -> str:
    whole = f"1{group}234" if group else "1234"
    return whole if kind == "integer" else f"{whole} / 12{decimal}5"


def frictionless_descriptor(spec: ResourceSpec, table: Table) -> dict:
    """The resource as Frictionless should see it: canonical inline data, no dialect left."""
    resource = {k: v for k, v in spec.descriptor.items()
                if k not in ("path", *FRICTIONLESS_DIALECT_KEYS)}
    resource["schema"] = canonical_schema(spec.schema)
    resource["data"] = [table.header, *table.rows]
    return resource


def canonical_schema(schema: dict) -> dict:
    """The schema as it applies to canonical text (number formats already normalised)."""
    fields = [{k: v for k, v in f.items() if k not in FIELD_DIALECT_KEYS} for f in schema["fields"]]
    return {**schema, "fields": fields, "missingValues": [""]}  # markers blanked (_blank_missing)


def local_number(text: str, group: str, decimal: str) -> str:
    """'1234567.5' → '1.234.567,5': canonical text in the declared number format."""
    if not re.fullmatch(r"-?\d+(\.\d+)?", text) or (group == "" and decimal == "."):
        return text
    whole, _, fraction = text.partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    if group:
        digits = f"{int(digits):,}".replace(",", group)
    return sign + digits + (decimal + fraction if fraction else "")


def write(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> bytes:
    """Canonical rows back into the file's own dialect (encoding, delimiter, number format, BOM,
    line ending), so an import changes only the rows it meant to change."""
    original = spec.file.read_bytes() if spec.file.exists() else b""
    terminator = "\r\n" if b"\r\n" in original else "\n"
    formats = {f["name"]: number_format(f) for f in spec.fields if f.get("type") in NUMERIC}
    columns = [formats.get(name, ("", ".")) for name in header]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter(spec), lineterminator=terminator)
    writer.writerow(header)
    for row in rows:
        writer.writerow([local_number(cell, *fmt) for cell, fmt in zip(row, columns, strict=False)])
    name = encoding(spec)
    bom = codecs.BOM_UTF8 if name == "utf-8" and original.startswith(codecs.BOM_UTF8) else b""
    return bom + buffer.getvalue().encode(name)


def read_raw(spec: ResourceSpec) -> tuple[list[str], list[list[str]]]:
    """Header and rows in canonical text (comma-free numbers, '.' decimals), whatever dialect
    the staff file uses. Only for files that passed validation: anything unreadable raises."""
    table = read(spec)
    if table.problems:
        raise ValueError(f"{spec.relpath}: {table.problems[0].texts('en')[0]}")
    return table.header, table.rows
