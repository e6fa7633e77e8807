"""Command line for staff and CI. Talks Indonesian by default; --lang en for English.

Exit codes: 0 success, 1 data errors (nothing published or imported), 2 usage or configuration
errors (unknown command or option, broken datapackage.json, a file that is not a form, an output
folder that is not ours, a broken template, …), 3 a bug in Monografi itself.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import http.server
import json
import os
import sys
import traceback
from http import HTTPStatus
from pathlib import Path

from . import urls
from .messages import STAGE_NAMES, ui
from .project import INBOX as FOLDER
from .project import Project
from .publishing.publish import UnsafeOutput
from .publishing.search import SearchIndexError
from .safe_write import RefusedWrite
from .state import BuildBusy, interrupted, waiting_lock
from .validation import AREA_LEVELS
from .validation.report import FORMATS, Report

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3

EPILOG = """\
Kode keluar / exit codes:
  0  berhasil: data sah (peringatan boleh ada) / success: data valid (warnings allowed)
  1  ada galat data: situs terbit dan datasets/ tidak diubah / data errors: nothing changed
  2  salah pemakaian atau konfigurasi (perintah, opsi, datapackage.json, berkas bukan formulir,
     folder hasil, templat) / usage or configuration error
  3  kesalahan (bug) di Monografi sendiri; situs terbit tidak diubah / a bug in Monografi

Contoh / examples (`python -m monografi …` sama saja / is the same):
  monografi check                       validasi cepat, pesan dalam bahasa Indonesia
  monografi --lang en check --format github   anotasi GitHub Actions dalam bahasa Inggris
  monografi formulir --kecamatan 32.15.05 --periode 2025
  monografi impor formulir-32.15.05-2025.xlsx
  monografi dataset-baru sekolah_desa --tingkat desa
  monografi kotak-masuk                 impor setiap formulir di kotak-masuk/ (GitHub Actions)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monografi",
        description="Monografi: validasi data monografi kecamatan dan bangun portal data terbuka.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id",
                        help="bahasa pesan (id = Indonesia, en = English)")
    parser.add_argument("--proyek", type=Path, default=Path.cwd(), metavar="FOLDER",
                        help="folder proyek berisi datasets/, content/, theme/ (bawaan: folder ini)")
    parser.add_argument("--output", type=Path, default=None, metavar="FOLDER",
                        help="folder hasil (bawaan: output/ di folder proyek)")
    parser.add_argument("--quiet", action="store_true", help="tanpa bilah kemajuan (untuk CI)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="jumlah proses untuk grafik dan halaman (bawaan: semua inti)")
    commands = parser.add_subparsers(dest="perintah", metavar="PERINTAH")
    commands.add_parser("build", help="validasi lalu bangun situs ke output/ (bawaan)")
    check = commands.add_parser("check", help="hanya validasi datasets/, tanpa membangun situs")
    check.add_argument("--format", choices=(*FORMATS, "text"), default="teks",
                       help="teks (bawaan), json (untuk mesin), github (anotasi GitHub Actions)")
    form = commands.add_parser("formulir", help="tulis formulir isian XLSX untuk satu kecamatan")
    form.add_argument("--kecamatan", required=True, metavar="KODE", help="mis. 32.15.05")
    form.add_argument("--periode", metavar="PERIODE", help="mis. 2025, 2025-S1 atau 2024/2025")
    form.add_argument("--keluar", type=Path, metavar="BERKAS",
                      help="nama berkas XLSX (bawaan: formulir-KODE[-PERIODE].xlsx)")
    form.add_argument("--timpa", action="store_true",
                      help="ganti berkas yang sudah ada (bawaan: tidak pernah menimpa)")
    impor = commands.add_parser("impor", help="periksa formulir terisi lalu gabungkan ke datasets/")
    impor.add_argument("berkas", type=Path, metavar="BERKAS.xlsx")
    scaffold = commands.add_parser("dataset-baru", help="buat CSV, skema, dan entri paket dataset baru")
    scaffold.add_argument("nama", metavar="NAMA", help="nama tabel, mis. sekolah_desa")
    scaffold.add_argument("--tingkat", required=True, choices=AREA_LEVELS,
                          help="wilayah yang diterangkan setiap baris")
    inbox = commands.add_parser("kotak-masuk",
                                help="impor formulir/CSV di kotak-masuk/ ke datasets/ (semua atau tidak)")
    inbox.add_argument("--folder", default=FOLDER, metavar="FOLDER",
                       help=f"folder kotak masuk di dalam proyek (bawaan: {FOLDER})")
    inbox.add_argument("--format", choices=(*FORMATS, "text"), default="teks",
                       help="teks (bawaan), json, github (anotasi per sel untuk GitHub Actions)")
    inbox.add_argument("--commit", action="store_true", help="buat satu commit git bila berhasil")
    parser.add_argument("--bagian", metavar="KODE", default=None,
                        help="bangun satu bagian saja (build terbagi): kode wilayah tepat di bawah "
                             "beranda (mis. 32) atau 'umum'; lihat perintah `bagian`")
    commands.add_parser("bagian", help="cetak daftar bagian build terbagi (JSON)")
    merge = commands.add_parser("gabung", help="gabungkan bagian-bagian yang sudah dibangun ke --output")
    merge.add_argument("folder", nargs="+", type=Path, metavar="FOLDER", help="output tiap bagian")
    serve = commands.add_parser("serve", help="sajikan output/ di http://127.0.0.1:8000")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    return parser


def _exit_code(report: Report) -> int:
    return report.exit_code  # from the kind of each broken rule (validation.rules.Kind)


def _show_report(report: Report, lang: str, refused: str) -> bool:
    """Errors to stderr with what was left alone, or warnings to stdout; True if valid."""
    if not report.ok:
        print(report.format_text(lang), file=sys.stderr)
        print(ui(refused, lang), file=sys.stderr)
        return False
    if report.problems:
        print(report.format_text(lang))
    return True


def _validated(args, published: Path | None = None):
    """validate_datasets on a settled datasets/: an import that stopped half-way is rolled back
    first, under the lock builds and imports share, so nothing is checked half-imported."""
    from .validation.check import finish_pending_import, validate_datasets

    project = Project(args.proyek)
    pending = []
    if interrupted(project):
        with waiting_lock(project.state):
            pending = finish_pending_import(project)
    catalog, report = validate_datasets(project.datasets, published=published)
    report.problems[:0] = pending
    return catalog, report


def _check(args) -> int:
    _, report = _validated(args, published=args.output)
    print(report.format(args.format, args.lang))
    return _exit_code(report)


def _valid_catalog(args):
    """The catalog for formulir/impor, or the exit code after printing why it is unusable."""
    catalog, report = _validated(args)
    if catalog is None or not report.ok:
        print(report.format_text(args.lang), file=sys.stderr)
        return None, _exit_code(report)
    return catalog, EXIT_OK


def _formulir(args) -> int:
    from .forms.form import FormError, TargetError, areas_of, write_form
    from .validation.dialect import read_raw
    from .validation.suggestions import did_you_mean, suggest

    catalog, code = _valid_catalog(args)
    if catalog is None:
        return code
    try:
        kecamatan = areas_of(catalog, args.kecamatan)["kecamatan"][0]
    except FormError:
        hint = suggest(*read_raw(catalog.resource("kecamatan")), "kecamatan", args.kecamatan)
        print(ui("unknown_kecamatan", args.lang, code=args.kecamatan,
                 **did_you_mean(hint, args.lang)), file=sys.stderr)
        return EXIT_USAGE
    suffix = f"-{args.periode.replace('/', '-')}" if args.periode else ""
    target = args.keluar or Path(f"formulir-{kecamatan.code}{suffix}.xlsx")
    try:
        target = write_form(catalog, kecamatan.code, target, args.periode, overwrite=args.timpa)
    except TargetError as refused:
        print(ui(refused.key, args.lang, **refused.values), file=sys.stderr)
        return EXIT_USAGE
    print(ui("form_written", args.lang, name=kecamatan.name, code=kecamatan.code, path=target))
    return EXIT_OK


def _impor(args) -> int:
    from .forms.importer import import_form

    if not args.berkas.is_file():
        print(ui("no_file", args.lang, path=args.berkas), file=sys.stderr)
        return EXIT_USAGE
    catalog, code = _valid_catalog(args)
    if catalog is None:
        return code
    result = import_form(catalog, args.berkas)
    if not _show_report(result.report, args.lang, "import_refused"):
        return _exit_code(result.report)
    if not result.written:
        print(ui("import_nothing", args.lang))
        return EXIT_OK
    empty = ui("empty", args.lang)
    if result.added:
        print(ui("import_added", args.lang, n=len(result.added)))
        for dataset, key in result.added:
            print(f"  + {dataset}: {' / '.join(key)}")
    if result.changed:
        print(ui("import_changed", args.lang, n=len(result.changed)))
        for change in result.changed:
            print(f"  ~ {change.dataset}: {' / '.join(change.key)}, {change.column}: "
                  f"{change.old or empty} → {change.new or empty}")
    print(ui("import_written", args.lang, files=", ".join(result.written)))
    return EXIT_OK


def _dataset_baru(args) -> int:
    """Needs a usable package only: data errors (or another new dataset still to be filled in)
    do not stop a dataset from being added."""
    from .forms.scaffold import ScaffoldError, create_dataset
    from .validation.check import validate_datasets

    catalog, report = validate_datasets(Project(args.proyek).datasets)
    if catalog is None:
        print(report.format_text(args.lang), file=sys.stderr)
        return _exit_code(report)
    try:
        files = create_dataset(catalog, args.nama, args.tingkat)
    except ScaffoldError as refused:
        print(ui(refused.key, args.lang, **refused.values), file=sys.stderr)
        return EXIT_USAGE
    except BuildBusy:
        print(ui("busy", args.lang), file=sys.stderr)
        return EXIT_USAGE
    print(ui("scaffold_done", args.lang, name=args.nama, files=", ".join(files)))
    return EXIT_OK


def _kotak_masuk(args) -> int:
    from .forms.inbox import git_commit, process_inbox

    if not Project(args.proyek).folder(args.folder).is_dir():
        print(ui("inbox_empty", args.lang, folder=args.folder))
        return EXIT_OK
    try:
        result = process_inbox(args.proyek, args.folder)
    except BuildBusy:
        print(ui("busy", args.lang), file=sys.stderr)
        return EXIT_USAGE
    report = result.report
    if report.problems or args.format in ("json", "github"):  # github: one annotation per cell
        print(report.format(args.format, args.lang, prefix=""),
              file=sys.stdout if report.ok or args.format in ("json", "github") else sys.stderr)
    if not report.ok:
        print(ui("inbox_refused", args.lang, folder=args.folder), file=sys.stderr)
        return _exit_code(report)
    if not result.imported:
        print(ui("inbox_empty", args.lang, folder=args.folder))
        return EXIT_OK
    if args.commit:
        git_commit(args.proyek, result)
    print(ui("inbox_done", args.lang, n=len(result.imported), folder=args.folder,
             files=", ".join(result.written) or "-"))
    return EXIT_OK


def _parts(args) -> int:
    from .publishing.parts import parts_of

    catalog, code = _valid_catalog(args)
    if catalog is None:
        return code
    print(json.dumps(parts_of(catalog)))
    return EXIT_OK


def _merge(args, output: Path) -> int:
    from .publishing.parts import MergeError, merge

    try:
        result = merge(args.proyek, args.folder, output)
    except MergeError as refused:
        print(ui(refused.key, args.lang, **refused.values), file=sys.stderr)
        print(ui("site_kept", args.lang), file=sys.stderr)
        return EXIT_USAGE
    except UnsafeOutput as exc:
        print(ui(f"output_{exc.reason}", args.lang, path=exc.path, part=exc.part), file=sys.stderr)
        return EXIT_USAGE
    print(ui("merge_done", args.lang, n=len(args.folder), path=output, pages=result.pages))
    return EXIT_OK


def _build(args, output: Path) -> int:
    from .publishing.noop import unchanged_build

    try:
        result = unchanged_build(args.proyek, output, args.bagian)  # before any heavy import
        if result is None:
            from .publishing.pipeline import UnknownPart, build

            try:
                result = build(args.proyek, output, quiet=args.quiet, workers=args.jobs,
                               part=args.bagian)
            except UnknownPart as unknown:
                print(ui("unknown_part", args.lang, part=unknown.part, known=", ".join(unknown.known)),
                      file=sys.stderr)
                return EXIT_USAGE
    except BuildBusy:
        print(ui("busy", args.lang), file=sys.stderr)
        return EXIT_USAGE
    except UnsafeOutput as exc:
        print(ui(f"output_{exc.reason}", args.lang, path=exc.path, part=exc.part), file=sys.stderr)
        return EXIT_USAGE
    if not _show_report(result.report, args.lang, "build_failed"):
        return _exit_code(result.report)
    print(ui("build_done", args.lang, path=output, pages=result.pages,
             secs=sum(result.timings.values())))
    print(result.summary(args.lang))
    return EXIT_OK


def _causes(error: BaseException) -> list[BaseException]:
    """The error and what caused it, outermost first."""
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain


def _template_of(error: BaseException) -> str | None:
    """'area.html:12' when a Jinja template raised the error, else None."""
    import jinja2

    for exc in _causes(error):
        if isinstance(exc, jinja2.TemplateError):
            name, line = getattr(exc, "filename", None) or getattr(exc, "name", None), \
                getattr(exc, "lineno", None)
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
            if not name and frames:
                name, line = frames[-1].filename, frames[-1].lineno
            return f"{Path(name).name if name else '?'}{f':{line}' if line else ''}"
    return None


def failure_message(error: Exception, lang: str, command: str = "build") -> tuple[str, int]:
    """What a failed command tells staff, and its exit code: the build stage (if any), the real
    cause, and a hint that blames theme/ only for template errors and Monografi itself for
    anything unexpected."""
    cause = getattr(error, "cause", error)
    text = f"{type(cause).__name__}: {cause}"
    stage = getattr(error, "stage", None)
    lines = [ui("command_failed", lang, command=command, error=text) if stage is None else
             ui("stage_failed", lang, stage=STAGE_NAMES[stage].text(lang) if stage in STAGE_NAMES else stage,
                error=text)]
    causes = _causes(cause)
    refused = next((c for c in causes if isinstance(c, RefusedWrite)), None)
    template = _template_of(cause)
    code = EXIT_USAGE
    if refused is not None:
        lines[0] = ui("write_refused", lang, path=refused.relpath,
                      reason=ui(f"write_{refused.reason}", lang))
    elif template is not None:
        lines.append(ui("stage_template", lang, template=template))
    elif any(isinstance(c, SearchIndexError) for c in causes):
        lines.append(ui("stage_search", lang))
    elif any(isinstance(c, OSError) for c in causes):
        lines.append(ui("stage_system", lang))
    else:
        lines.append(ui("stage_bug", lang))
        code = EXIT_BUG
    lines.append(ui("site_kept", lang))
    return "\n".join(lines), code


class PortalHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; a missing page gets the portal's own 404.html, in Indonesian."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / urls.NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def portal_server(output: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer(
        (host, port), functools.partial(PortalHandler, directory=str(output)))


def _serve(args, output: Path) -> int:
    if not output.is_dir():
        print(ui("no_output", args.lang, path=output), file=sys.stderr)
        return EXIT_USAGE
    try:
        server = portal_server(output, args.host, args.port)
    except OSError as exc:
        key = "port_busy" if exc.errno == errno.EADDRINUSE else "serve_failed"
        print(ui(key, args.lang, host=args.host, port=args.port, next=args.port + 1, error=exc),
              file=sys.stderr)
        return EXIT_USAGE
    with server:
        print(ui("serving", args.lang, host=args.host, port=args.port))
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BuildBusy:
        print(ui("busy", args.lang), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a failed stage, the system, or our own bug: said so, never a traceback
        if os.environ.get("MONOGRAFI_DEBUG"):
            raise
        text, code = failure_message(exc, args.lang, args.perintah or "build")
        print(text, file=sys.stderr)
        return code


def _run(args) -> int:
    args.proyek = args.proyek.absolute()
    output = (args.output or Project(args.proyek).output).absolute()
    command = args.perintah or "build"
    handlers = {"check": _check, "formulir": _formulir, "impor": _impor, "dataset-baru": _dataset_baru,
                "kotak-masuk": _kotak_masuk, "bagian": _parts}
    if command in handlers:
        return handlers[command](args)
    return {"serve": _serve, "gabung": _merge}.get(command, _build)(args, output)
