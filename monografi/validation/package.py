"""Read datapackage.json and the files it names without ever leaving datasets/.

Frictionless would happily open URLs or paths outside the folder; a staff commit must not be
able to make the build read /etc/passwd or the network, so every path and reference is checked
here first, and names that become file names in the site are refused unless they are slugs.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePosixPath

from ..address import links
from ..messages import Message
from ..project import Project
from .report import Problem
from .rules import Kind, Rule, looked_up
from .spec import PACKAGE_FILE

MAX_FILE_BYTES = 50 * 1024 * 1024
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
REFERENCE_KEYS = ("profile", "$schema")
# Names become file names in the site (unduh/<name>.csv, data/<name>/): no dots, no slashes.
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
# The JSON kinds a key may have to be (monografi.validation.hints.JSON_KINDS), in words.
JSON_KIND_NAMES = {
    "teks": Message("teks dalam tanda kutip, mis. \"…\"", "a quoted text, e.g. \"…\""),
    "angka": Message("angka, mis. 0.5", "a number, e.g. 0.5"),
    "benar_salah": Message("true atau false", "true or false"),
    "objek": Message("objek { … }", "an object { … }"),
    "daftar_teks": Message("daftar teks [\"…\", \"…\"]", "a list of texts [\"…\", \"…\"]"),
    "daftar_objek": Message("daftar objek [{ … }]", "a list of objects [{ … }]"),
}


UNSAFE_PATH = Rule("jalur_tidak_aman", Kind.CONFIGURATION, Message(
    "Jalur {value!r} menunjuk ke luar folder datasets/ atau ke jaringan.",
    "Path {value!r} points outside datasets/ or to the network.",
    "Pakai jalur relatif di dalam datasets/, mis. \"penduduk_kecamatan.csv\".",
    "Use a relative path inside datasets/, e.g. \"penduduk_kecamatan.csv\".",
))

SYMLINK = Rule("tautan_simbolik", Kind.CONFIGURATION, Message(
    "{value} adalah tautan (symlink) atau berada di folder tautan; Monografi tidak membaca data "
    "lewat tautan, karena tautan bisa membawa berkas dari luar repositori ke situs publik.",
    "{value} is a symlink or lies in a linked folder; Monografi reads no data through a link, as "
    "a link can bring files from outside the repository onto the public site.",
    "Ganti tautan itu dengan berkasnya yang sebenarnya di dalam datasets/, atau hapus tautannya.",
    "Replace the link with the real file inside datasets/, or delete the link.",
))

MISSING_FILE = Rule("berkas_hilang", Kind.CONFIGURATION, Message(
    "Berkas {value!r} tidak ditemukan.",
    "File {value!r} was not found.",
    "Periksa nama berkas di datapackage.json atau tambahkan berkasnya.",
    "Check the file name in datapackage.json or add the file.",
))

FILE_TOO_LARGE = Rule("terlalu_besar", Kind.DATA, Message(
    "Berkas {value!r} terlalu besar (lebih dari {batas}).",
    "File {value!r} is too large (more than {batas}).",
    "Periksa apakah berkasnya benar (bukan ekspor seluruh basis data atau berkas biner); "
    "bagi menjadi beberapa tabel bila memang sebesar itu.",
    "Check it is the right file (not a whole database export or a binary file); split it into "
    "several tables if it really is that large.",
))

BROKEN_JSON = Rule("json_rusak", Kind.CONFIGURATION, Message(
    "Berkas JSON ini tidak dapat dibaca di sekitar {value!r}.",
    "This JSON file cannot be read around {value!r}.",
    "Periksa tanda kutip, koma (tidak boleh ada koma sebelum }} atau ]) dan kurung {{ }} [ ] "
    "di baris ini atau baris sebelumnya; simpan sebagai UTF-8.",
    "Check quotes, commas (no comma before }} or ]) and brackets {{ }} [ ] on this line or "
    "the one before; save as UTF-8.",
))

JSON_KIND = Rule("tipe_json", Kind.CONFIGURATION, Message(
    "Isi {value} di kunci ini harus berupa {jenis}.",
    "The value {value} at this key must be {jenis}.",
    "Tulis kunci ini sebagai {jenis} di datasets/datapackage.json (lihat Panduan data).",
    "Write this key as {jenis} in datasets/datapackage.json (see the data guide).",
), words=looked_up("jenis", JSON_KIND_NAMES))

MISSING_KEY = Rule("kunci_wajib", Kind.CONFIGURATION, Message(
    "Kunci {value!r} wajib ada di {batas}, tetapi belum diisi.",
    "Key {value!r} is required in {batas} but missing.",
    "Tambahkan kunci {value!r} (lihat contoh di Panduan data).",
    "Add the key {value!r} (see the examples in the data guide).",
))

UNSAFE_NAME = Rule("nama_tidak_aman", Kind.CONFIGURATION, Message(
    "Nama {value!r} tidak boleh dipakai: nama menjadi nama berkas di situs.",
    "Name {value!r} cannot be used: names become file names in the site.",
    "Pakai huruf kecil, angka, _ atau - saja, diawali huruf atau angka (tanpa titik, garis "
    "miring, spasi), mis. \"penduduk_kecamatan\".",
    "Use lower-case letters, digits, _ or - only, starting with a letter or digit (no dots, "
    "slashes or spaces), e.g. \"penduduk_kecamatan\".",
))

DUPLICATE_NAME = Rule("nama_ganda", Kind.CONFIGURATION, Message(
    "Nama tabel {value!r} sudah dipakai di {batas}.",
    "Table name {value!r} is already used at {batas}.",
    "Setiap tabel perlu nama sendiri: ganti salah satu nama, atau hapus entri yang ganda.",
    "Each table needs its own name: rename one of them, or delete the duplicate entry.",
))

INLINE_DATA = Rule("data_sebaris", Kind.CONFIGURATION, Message(
    "Tabel {value!r} menyimpan datanya di dalam datapackage.json.",
    "Table {value!r} keeps its data inside datapackage.json.",
    "Pindahkan data ke berkas CSV di datasets/ dan tulis \"path\": \"NAMA.csv\".",
    "Move the data into a CSV file in datasets/ and set \"path\": \"NAME.csv\".",
))

UNSAFE_URL = Rule("alamat_tidak_aman", Kind.CONFIGURATION, Message(
    "Alamat {value!r} tidak dapat diterbitkan sebagai tautan: yang diterima hanya {batas} "
    "(tanpa spasi atau karakter tersembunyi).",
    "Address {value!r} cannot be published as a link: only {batas} is accepted "
    "(no spaces or hidden characters).",
    "Tulis alamat lengkapnya, mis. \"https://creativecommons.org/licenses/by/4.0/\" "
    "(atau surel \"nama@contoh.go.id\" untuk kontak), atau hapus kunci ini bila alamatnya "
    "tidak ada.",
    "Write the full address, e.g. \"https://creativecommons.org/licenses/by/4.0/\" "
    "(or an e-mail \"nama@contoh.go.id\" for a contact), or delete this key if there is "
    "no address.",
))


def url_problems(descriptor: dict, where: str) -> list[Problem]:
    """Every URL of a descriptor that would not be published, at its datapackage.json key."""
    return [Problem(where, UNSAFE_URL, column=key, value=str(holder[field]),
                    details={"batas": forms})
            for key, holder, field, decide, forms in links(descriptor)
            if decide(holder[field]) is None]


def link_problems(root: Path) -> list[Problem]:
    """Every symlink in datasets/ (the folder itself, a file, a folder at any depth, to
    anywhere): refused before anything in the package is read."""
    project = Project.of_datasets(root)
    return [Problem(Path(os.path.relpath(link, root)).as_posix(), SYMLINK,
                    value=project.relpath(link)) for link in project.links(Path(root))]


def safe_path(root: Path, relative, problems: list[Problem], where: str, column: str) -> Path | None:
    """Resolve `relative` inside `root`, or record why it may not be followed."""
    text = relative if isinstance(relative, str) else repr(relative)
    unsafe = (
        not isinstance(relative, str)
        or not relative
        or _SCHEME.match(relative)
        or relative.startswith(("/", "\\", "~"))
        or ".." in PurePosixPath(relative.replace("\\", "/")).parts
    )
    candidate = None if unsafe else root / relative
    if candidate is not None and not candidate.resolve().is_relative_to(root.resolve()):
        unsafe = True
    if unsafe or candidate is None:
        problems.append(Problem(where, UNSAFE_PATH, column=column, value=text))
        return None
    if not candidate.is_file():
        problems.append(Problem(where, MISSING_FILE, column=column, value=text))
        return None
    if candidate.stat().st_size > MAX_FILE_BYTES:
        problems.append(Problem(where, FILE_TOO_LARGE, column=column, value=text,
                                details={"batas": f"{MAX_FILE_BYTES // 2**20} MB"}))
        return None
    return candidate


def remote_references(descriptor: dict, where: str) -> list[Problem]:
    """Profiles and dialects given as URLs or files would make Frictionless fetch them."""
    problems = [Problem(where, UNSAFE_PATH, column=key, value=str(descriptor[key]))
                for key in REFERENCE_KEYS
                if isinstance(descriptor.get(key), str) and _SCHEME.match(descriptor[key])]
    if "dialect" in descriptor and not isinstance(descriptor["dialect"], dict):
        problems.append(Problem(where, UNSAFE_PATH, column="dialect",
                                value=str(descriptor["dialect"])))
    return problems


def read_json(path: Path, problems: list[Problem], where: str) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(where, BROKEN_JSON, value=repr(exc.object[exc.start:exc.end])))
        return None
    except json.JSONDecodeError as exc:
        line = exc.doc.splitlines()[exc.lineno - 1] if exc.doc.strip() else ""
        problems.append(Problem(where, BROKEN_JSON, exc.lineno, str(exc.colno), line.strip()[:80]))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(where, JSON_KIND, value=json.dumps(data)[:80],
                                details={"jenis": "objek"}))
        return None
    return data


def check_name(descriptor: dict, key: str, problems: list[Problem]) -> bool:
    """A package or resource name must be a slug: it becomes a path in the built site."""
    name = descriptor.get("name")
    if isinstance(name, str) and SAFE_NAME.fullmatch(name):
        return True
    problems.append(Problem(PACKAGE_FILE, UNSAFE_NAME, column=key,
                            value=name if isinstance(name, str) else json.dumps(name)))
    return False


def fields_ok(schema: dict, where: str, problems: list[Problem]) -> bool:
    """Every later stage reads fields[i]["name"]: they must be objects with a text name."""
    fields = schema.get("fields")
    if not isinstance(fields, list):
        problems.append(Problem(where, MISSING_KEY if fields is None else JSON_KIND,
                                column="schema.fields", value="fields" if fields is None else
                                json.dumps(fields, ensure_ascii=False)[:80],
                                details={"batas": "schema", "jenis": "daftar_objek"}))
        return False
    bad = [(index, field) for index, field in enumerate(fields)
           if not isinstance(field, dict) or not isinstance(field.get("name"), str)]
    problems.extend(json_kind_problem(where, f"schema.fields[{index}].name", field, "teks")
                    for index, field in bad)
    return not bad


def json_kind_problem(where: str, key: str, value, kind: str) -> Problem:
    """`value` at `key` is not of the JSON kind (JSON_KIND_NAMES) the key needs."""
    return Problem(where, JSON_KIND, column=key, value=json.dumps(value, ensure_ascii=False)[:80],
                   details={"jenis": kind})
