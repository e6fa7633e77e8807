"""`monografi build` (the default command): validate, build, publish atomically to --output."""

from __future__ import annotations

from ..messages import Message, ui
from .common import EXIT_OK, exit_code, show_report

HELP = Message("validasi lalu bangun situs ke output/ (bawaan)",
               "validate, then build the site into output/ (the default)")
# Its options (--bagian, --jobs, --quiet) are the main parser's: it is the default command.


def run(args) -> int:
    from ..publishing.noop import unchanged_build

    result = unchanged_build(args.project, args.output, args.part)  # before any heavy import
    if result is None:
        from ..publishing.pipeline import build

        result = build(args.project, args.output, quiet=args.quiet, workers=args.jobs, part=args.part)
    if not show_report(result.report, args.lang, "build_failed"):
        return exit_code(result.report)
    print(ui("build_done", args.lang, path=args.output, pages=result.pages,
             secs=sum(result.timings.values())))
    print(result.summary(args.lang))
    return EXIT_OK
