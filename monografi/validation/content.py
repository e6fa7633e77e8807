"""Content pages (content/pages/, content/pembaruan/): every problem a staff message, before
Pelican runs.

Pelican drops a page it cannot read with an English warning, and lets a page's metadata
(`Save_as:`, `URL:`, `Slug:`, `Template:`, in any case, since its reader lowercases the keys)
write anywhere in the site — over a download, datapackage.json or the API. Each page is read
here with Pelican's own reader and settings, so what is checked is what Pelican would do: every
key is one Pelican knows, the title and dates are there and valid, the status and template are
ones the theme has, and the page's output path is a safe .html path outside what the portal
generates (`portal_path`) and no other page's. The build refuses on any of these (exit 2).
"""

from __future__ import annotations

import difflib
import logging
from pathlib import Path, PurePosixPath
from typing import Any

from .. import urls
from ..messages import Message
from ..project import Project
from . import AREA_LEVELS
from .published_text import personal_content_problems
from .report import Problem
from .rules import Kind, Rule

MARKDOWN = ("md", "markdown", "mkd", "mdown")
# The metadata Pelican gives a meaning to for pages and update notes (lowercase, as its reader
# makes every key); anything else is a typo or a key of another tool, silently ignored by Pelican.
KNOWN_KEYS = ("title", "slug", "date", "modified", "summary", "status", "template", "save_as",
              "url", "lang", "translation", "tags", "category", "author", "authors")
SINGLE = ("title", "slug", "date", "modified", "status", "template", "save_as", "url", "lang")
STATUSES = ("published", "hidden", "draft")
TEMPLATES = {"page": "page", "article": "article"}  # content kind → the theme's template for it
# What the portal writes: folders whose every path is its own, and single files.
PORTAL_FOLDERS = frozenset({
    *AREA_LEVELS, *(PurePosixPath(path).parts[0] for path in (
        urls.DOWNLOADS, urls.CHARTS, urls.API_ROOT, urls.DATA_INDEX, urls.THEME_STATIC,
        urls.SEARCH_INDEX, urls.API_PAGE, urls.COMPLETENESS_PAGE, urls.INDICATORS_PAGE,
        urls.RELEASES_PAGE, urls.SEARCH_PAGE, urls.SOURCES_PAGE, urls.indicator_path("x"),
        urls.dataset_path("x")))})
PORTAL_FILES = frozenset({urls.HOME, urls.NOT_FOUND_PAGE, urls.SITEMAP, urls.ROBOTS, urls.DCAT_FILE,
                          urls.DATA_JSON_FILE, urls.NOTES_PAGE, urls.NOTES_FEED, urls.DATA_FEED})


REASONS = {
    "absolute": Message("jalur mutlak atau memuat \\", "an absolute path or one holding \\"),
    "escape": Message("keluar dari folder situs (..)", "it leaves the site folder (..)"),
    "html": Message("halaman harus berakhiran .html", "a page must end in .html"),
    "slug": Message("Slug hanya boleh huruf kecil, angka, - dan _", "a Slug may only hold lowercase "
                    "letters, digits, - and _"),
}


def _reason(details: dict, lang: str) -> dict:
    return {"sebab": REASONS[details["sebab"]].text(lang)} if "sebab" in details else {}


KIND = Rule("konten_jenis", Kind.CONFIGURATION, Message(
    "Berkas {value!r} bukan halaman Markdown (.md), jadi tidak akan terbit.",
    "File {value!r} is not a Markdown page (.md), so it would not be published.",
    "Simpan halaman sebagai .md, atau pindahkan berkas lain ke content/extra/ bila memang harus "
    "disalin apa adanya.",
    "Save the page as .md, or move other files to content/extra/ if they must be copied as they are."))
ENCODING = Rule("konten_pengkodean", Kind.CONFIGURATION, Message(
    "Halaman ini bukan teks UTF-8 (baris {value}); hurufnya akan rusak di situs.",
    "This page is not UTF-8 text (line {value}); its letters would be garbled on the site.",
    "Simpan ulang sebagai UTF-8 (di Notepad: Simpan sebagai → Pengodean UTF-8).",
    "Save it again as UTF-8 (in Notepad: Save as → Encoding UTF-8)."))
UNREADABLE = Rule("konten_rusak", Kind.CONFIGURATION, Message(
    "Halaman ini tidak dapat dibaca: {value}.",
    "This page cannot be read: {value}.",
    "Periksa bagian atas halaman: setiap baris metadata ditulis `Kunci: nilai`, lalu satu baris "
    "kosong sebelum isi.",
    "Check the top of the page: each metadata line is `Key: value`, then one empty line before "
    "the text."))
UNKNOWN_KEY = Rule("konten_metadata", Kind.CONFIGURATION, Message(
    "Metadata {value!r} tidak dikenal{saran}; Pelican akan mengabaikannya diam-diam.",
    "Metadata {value!r} is not known{saran}; Pelican would silently ignore it.",
    "Pakai salah satu dari: {batas}; atau hapus baris itu.",
    "Use one of: {batas}; or delete that line."))
TWICE = Rule("konten_metadata_ganda", Kind.CONFIGURATION, Message(
    "Metadata {value!r} ditulis lebih dari sekali; hanya satu yang akan dipakai.",
    "Metadata {value!r} is written more than once; only one would be used.",
    "Hapus baris yang berlebih.", "Delete the extra lines."))
NO_TITLE = Rule("konten_judul", Kind.CONFIGURATION, Message(
    "Halaman ini tidak punya judul (`Title:`), sehingga tidak akan terbit.",
    "This page has no title (`Title:`), so it would not be published.",
    "Tulis `Title: Judul halaman` di baris pertama, lalu satu baris kosong.",
    "Write `Title: The page title` on the first line, then an empty line."))
BAD_DATE = Rule("konten_tanggal", Kind.CONFIGURATION, Message(
    "Tanggal {value!r} tidak dapat dibaca.", "Date {value!r} cannot be read.",
    "Tulis tanggal sebagai TTTT-BB-HH, boleh dengan jam: `Date: 2026-11-29 12:16`.",
    "Write the date as YYYY-MM-DD, optionally with the time: `Date: 2026-11-29 12:16`."))
NO_DATE = Rule("konten_tanpa_tanggal", Kind.CONFIGURATION, Message(
    "Catatan pembaruan ini tidak punya tanggal, sehingga tidak akan terbit.",
    "This update note has no date, so it would not be published.",
    "Tulis `Date: 2026-11-29` di bagian atas, atau awali nama berkas dengan tanggalnya.",
    "Write `Date: 2026-11-29` at the top, or start the file name with its date."))
STATUS = Rule("konten_status", Kind.CONFIGURATION, Message(
    "Status {value!r} tidak dikenal.", "Status {value!r} is not known.",
    "Pakai salah satu dari: {batas}; atau hapus baris Status.",
    "Use one of: {batas}; or delete the Status line."))
TEMPLATE = Rule("konten_templat", Kind.CONFIGURATION, Message(
    "Templat {value!r} bukan templat untuk halaman ini.",
    "Template {value!r} is not a template for this page.",
    "Hapus baris Template (bawaannya {batas}); templat halaman portal lain tidak dapat dipakai.",
    "Delete the Template line (the default is {batas}); the portal's other page templates cannot "
    "be used."))
UNSAFE = Rule("konten_jalur", Kind.CONFIGURATION, Message(
    "Jalur {value!r} ({kunci}) tidak aman: {sebab}.",
    "Path {value!r} ({kunci}) is not safe: {sebab}.",
    "Hapus baris Save_as/URL (jalurnya dibuat dari Slug), atau tulis jalur relatif yang berakhiran "
    ".html, tanpa `..`, di luar folder portal.",
    "Delete the Save_as/URL line (the path is made from the Slug), or write a relative path "
    "ending in .html, without `..`, outside the portal's folders."), words=_reason)
PORTAL = Rule("konten_timpa_portal", Kind.CONFIGURATION, Message(
    "Jalur {value!r} ({kunci}) milik portal sendiri ({batas}); halaman ini "
    "akan menimpa data atau halaman yang dibuat portal.",
    "Path {value!r} ({kunci}) belongs to the portal ({batas}); this page would overwrite data or a "
    "page the portal makes.",
    "Pilih Slug atau Save_as lain yang tidak diawali nama folder portal.",
    "Choose another Slug or Save_as that does not start with one of the portal's folders."))
DUPLICATE = Rule("konten_ganda", Kind.CONFIGURATION, Message(
    "Halaman ini dan {batas} sama-sama ditulis ke {value!r}; satu akan hilang.",
    "This page and {batas} are both written to {value!r}; one would be lost.",
    "Beri salah satunya Slug lain.", "Give one of them another Slug."))


def portal_path(path: str) -> str | None:
    """The portal's own folder or file that `path` (a site-relative output path) falls in, else
    None. Update notes live in the notes folder, but never on its list or feeds."""
    parts = PurePosixPath(path).parts
    if path in PORTAL_FILES:
        return path
    return f"{parts[0]}/" if parts and parts[0] in PORTAL_FOLDERS else None


def _unsafe(path: str, html: bool) -> str | None:
    if not path or path.startswith(("/", "~")) or "\\" in path or "\0" in path or ":" in path:
        return "absolute"
    if ".." in PurePosixPath(path).parts:
        return "escape"
    return "html" if html and not path.endswith(".html") else None


def _slug_problem(where: str, slug: str) -> Problem | None:
    safe = slug and all(c.isascii() and (c.islower() or c.isdigit() or c in "-_") for c in slug)
    return None if safe else Problem(where, UNSAFE, column="slug", value=slug,
                                     details={"kunci": "Slug", "sebab": "slug"})


def _path_problems(where: str, key: str, path: str, html: bool) -> list[Problem]:
    reason = _unsafe(path, html)
    if reason:
        return [Problem(where, UNSAFE, column=key, value=path, details={"kunci": key, "sebab": reason})]
    owner = portal_path(path.removeprefix("/") if key == "url" else path)
    return [Problem(where, PORTAL, column=key, value=path, details={"kunci": key, "batas": owner})] \
        if owner else []


def _raw_metadata(reader, source: Path) -> dict[str, list[str]]:
    """The front matter as written (keys lowercased, as Pelican does), before any processing."""
    from markdown import Markdown

    md = Markdown(**{**reader.settings["MARKDOWN"], "extensions": ["markdown.extensions.meta"]})
    md.convert(source.read_text(encoding="utf-8"))
    return {key.lower(): values for key, values in getattr(md, "Meta", {}).items()}


def _key_problems(where: str, meta: dict[str, list[str]], reader) -> list[Problem]:
    problems = []
    for key, values in meta.items():
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            problems.append(Problem(where, UNKNOWN_KEY, column=key, value=key, details={
                "saran": f" ({close[0]}?)" if close else "", "batas": ", ".join(KNOWN_KEYS)}))
        elif key in SINGLE and len(values) > 1:
            problems.append(Problem(where, TWICE, column=key, value=key))
    for key in ("date", "modified"):
        for value in meta.get(key, [])[:1]:
            try:
                reader.process_metadata(key, value)  # as Pelican reads it
            except (ValueError, OverflowError, TypeError):
                problems.append(Problem(where, BAD_DATE, column=key, value=value))
    return problems


def _page_problems(readers, project: Project, source: Path, kind: str) -> tuple[list[Problem], Any]:
    """The page's problems, and the page as Pelican makes it when it has none."""
    from pelican.contents import Article, Page

    where, base = project.relpath(source), project.content
    if source.suffix.lstrip(".").lower() not in MARKDOWN:
        return [Problem(where, KIND, value=source.name)], None
    data = source.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(where, ENCODING, value=str(data[:exc.start].count(b"\n") + 1))], None
    reader = readers.readers["md"]
    meta = _raw_metadata(reader, source)
    problems = _key_problems(where, meta, reader)
    if meta.get("slug") and meta["slug"][0].strip():
        problems += [p for p in [_slug_problem(where, meta["slug"][0].strip())] if p]
    for key, html in (("save_as", True), ("url", False)):
        if meta.get(key) and meta[key][0].strip():
            problems += _path_problems(where, key, meta[key][0].strip(), html)
    status = (meta.get("status") or ["published"])[0].strip().lower()
    if status not in STATUSES:
        problems.append(Problem(where, STATUS, column="status", value=status,
                                details={"batas": ", ".join(STATUSES)}))
    template = (meta.get("template") or [TEMPLATES[kind]])[0].strip()
    if template != TEMPLATES[kind]:
        problems.append(Problem(where, TEMPLATE, column="template", value=template,
                                details={"batas": TEMPLATES[kind]}))
    if problems:
        return problems, None
    logging.getLogger("pelican").disabled = True  # its English words: ours are above
    try:
        page = readers.read_file(str(base), str(source.relative_to(base)),
                                 content_class=Article if kind == "article" else Page)
    except Exception as exc:  # noqa: BLE001 – whatever the reader raised is the page's problem
        return [Problem(where, UNREADABLE, value=f"{type(exc).__name__}: {exc}")], None
    finally:
        logging.getLogger("pelican").disabled = False
    if not str(getattr(page, "title", "") or "").strip():
        return [Problem(where, NO_TITLE)], None
    if kind == "article" and not hasattr(page, "date"):
        return [Problem(where, NO_DATE)], None
    return _path_problems(where, "save_as", page.save_as, True) if page.save_as else [], page


def content_problems(project: Project) -> list[Problem]:
    """Every problem of every page and update note in content/, as Pelican would read them."""
    from pelican.readers import Readers
    from pelican.settings import read_settings

    project = Project(project)
    settings = read_settings(str(project.settings))
    readers = Readers(settings)
    problems: list[Problem] = []
    written: dict[str, str] = {}
    for kind, folders in (("page", settings["PAGE_PATHS"]), ("article", settings["ARTICLE_PATHS"])):
        for folder in folders:
            for source in sorted(p for p in (project.content / folder).rglob("*") if p.is_file()):
                found, page = _page_problems(readers, project, source, kind)
                problems += found
                if page is None or not page.save_as:
                    continue
                where = project.relpath(source)
                if page.save_as in written:
                    problems.append(Problem(where, DUPLICATE, column="save_as", value=page.save_as,
                                            details={"batas": written[page.save_as]}))
                written.setdefault(page.save_as, where)
    return problems


def page_problems(project: Project) -> list[Problem]:
    """Everything `check` and the build both refuse in content/: the pages as Pelican would read
    them, and personal data in any published text there. One function, so the two cannot drift."""
    return content_problems(project) + personal_content_problems(project)
