"""Command line for staff and CI. Talks Indonesian by default; --lang en for English.

Exit codes: 0 success, 1 data errors (nothing published or imported), 2 usage or configuration
errors (unknown command or option, broken datapackage.json, a file that is not a form, …).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import sys
from pathlib import Path

from .messages import ui
from .publish import BuildBusy
from .report import FORMATS, Report

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
USAGE_RULES = frozenset({"formulir"})

EPILOG = """\
Kode keluar / exit codes:
  0  berhasil: data sah (peringatan boleh ada) / success: data valid (warnings allowed)
  1  ada galat data: situs terbit dan datasets/ tidak diubah / data errors: nothing changed
  2  salah pemakaian atau konfigurasi (perintah, opsi, datapackage.json, berkas bukan formulir)
     / usage or configuration error

Contoh / examples:
  python build.py check                       validasi cepat, pesan dalam bahasa Indonesia
  python build.py --lang en check --format github   anotasi GitHub Actions dalam bahasa Inggris
  python build.py formulir --kecamatan 32.15.05 --periode 2025
  python build.py impor formulir-32.15.05-2025.xlsx
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
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
    impor = commands.add_parser("impor", help="periksa formulir terisi lalu gabungkan ke datasets/")
    impor.add_argument("berkas", type=Path, metavar="BERKAS.xlsx")
    serve = commands.add_parser("serve", help="sajikan output/ di http://127.0.0.1:8000")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    return parser


def _exit_code(report: Report) -> int:
    if report.ok:
        return EXIT_OK
    usage = report.config_error or any(p.rule in USAGE_RULES for p in report.errors)
    return EXIT_USAGE if usage else EXIT_DATA


def _show_report(report: Report, lang: str, refused: str) -> bool:
    """Errors to stderr with what was left alone, or warnings to stdout; True if valid."""
    if not report.ok:
        print(report.format_text(lang), file=sys.stderr)
        print(ui(refused, lang), file=sys.stderr)
        return False
    if report.problems:
        print(report.format_text(lang))
    return True


def _check(args) -> int:
    from .validate import validate_datasets

    _, report = validate_datasets(args.proyek / "datasets", published=args.output)
    print(report.format(args.format, args.lang))
    return _exit_code(report)


def _valid_catalog(args):
    """The catalog for formulir/impor, or the exit code after printing why it is unusable."""
    from .validate import validate_datasets

    catalog, report = validate_datasets(args.proyek / "datasets")
    if catalog is None or not report.ok:
        print(report.format_text(args.lang), file=sys.stderr)
        return None, _exit_code(report)
    return catalog, EXIT_OK


def _formulir(args) -> int:
    from .formulir import FormError, areas_of, write_form
    from .saran import suggest
    from .validate import read_raw

    catalog, code = _valid_catalog(args)
    if catalog is None:
        return code
    try:
        kecamatan = areas_of(catalog, args.kecamatan)["kecamatan"][0]
    except FormError:
        hint = suggest(*read_raw(catalog.resource("kecamatan")), "kecamatan", args.kecamatan)
        print(ui("unknown_kecamatan", args.lang, code=args.kecamatan, saran=hint.get("saran", ""),
                 saran_en=hint.get("saran_en", "")), file=sys.stderr)
        return EXIT_USAGE
    suffix = f"-{args.periode.replace('/', '-')}" if args.periode else ""
    target = args.keluar or Path(f"formulir-{kecamatan.code}{suffix}.xlsx")
    write_form(catalog, kecamatan.code, target, args.periode)
    print(ui("form_written", args.lang, name=kecamatan.name, code=kecamatan.code, path=target))
    return EXIT_OK


def _impor(args) -> int:
    from .impor import import_form

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


def _build(args, output: Path) -> int:
    from .pipeline import build

    try:
        result = build(args.proyek, output, quiet=args.quiet, workers=args.jobs)
    except BuildBusy:
        print(ui("busy", args.lang), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a theme, content or Pagefind failure: say so, keep the old site
        if os.environ.get("MONOGRAFI_DEBUG"):
            raise
        print(ui("crashed", args.lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    if not _show_report(result.report, args.lang, "build_failed"):
        return _exit_code(result.report)
    print(ui("build_done", args.lang, path=output, pages=result.pages,
             secs=sum(result.timings.values())))
    print(result.summary())
    return EXIT_OK


def _serve(args, output: Path) -> int:
    if not output.is_dir():
        print(ui("no_output", args.lang, path=output), file=sys.stderr)
        return EXIT_USAGE
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(ui("serving", args.lang, host=args.host, port=args.port))
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.proyek = args.proyek.absolute()
    output = (args.output or args.proyek / "output").absolute()
    command = args.perintah or "build"
    if command == "check":
        return _check(args)
    if command == "formulir":
        return _formulir(args)
    if command == "impor":
        return _impor(args)
    if command == "serve":
        return _serve(args, output)
    return _build(args, output)
