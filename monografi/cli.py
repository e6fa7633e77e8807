"""Command line for staff and CI. Talks Indonesian by default; --lang en for English.

Exit codes: 0 success, 1 data errors (nothing published), 2 usage or configuration errors.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from pathlib import Path

from .messages import ui
from .publish import BuildBusy

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Monografi: validasi data monografi kecamatan dan bangun portal data terbuka.",
        epilog="Kode keluar: 0 berhasil, 1 ada galat data (situs tidak diubah), 2 salah pemakaian.",
    )
    parser.add_argument("--lang", choices=("id", "en"), default="id",
                        help="bahasa pesan (id = Indonesia, en = English)")
    parser.add_argument("--proyek", type=Path, default=Path.cwd(), metavar="FOLDER",
                        help="folder proyek berisi datasets/, content/, theme/ (bawaan: folder ini)")
    parser.add_argument("--output", type=Path, default=None, metavar="FOLDER",
                        help="folder hasil (bawaan: output/ di folder proyek)")
    commands = parser.add_subparsers(dest="perintah", metavar="PERINTAH")
    commands.add_parser("build", help="validasi lalu bangun situs ke output/ (bawaan)")
    commands.add_parser("check", help="hanya validasi datasets/, tanpa membangun situs")
    serve = commands.add_parser("serve", help="sajikan output/ di http://127.0.0.1:8000")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    return parser


def _check(args) -> int:
    from .validate import validate_datasets

    _, report = validate_datasets(args.proyek / "datasets")
    print(report.format_text(args.lang))
    return EXIT_OK if report.ok else EXIT_DATA


def _build(args, output: Path) -> int:
    from .pipeline import build

    try:
        result = build(args.proyek, output)
    except BuildBusy:
        print(ui("busy", args.lang), file=sys.stderr)
        return EXIT_USAGE
    if not result.ok:
        print(result.report.format_text(args.lang), file=sys.stderr)
        print(ui("build_failed", args.lang), file=sys.stderr)
        return EXIT_DATA
    if result.report.problems:
        print(result.report.format_text(args.lang))
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
    print(ui("build_done", args.lang, path=output, pages=result.pages,
             secs=sum(result.timings.values())))
    print(f"  {stages}; grafik: {result.charts}")
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
    if command == "serve":
        return _serve(args, output)
    return _build(args, output)
