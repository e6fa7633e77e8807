"""Command line for staff and CI, one module per command. Talks Indonesian by default; --lang en
for English.

Exit codes: 0 success, 1 data errors (nothing published or imported), 2 usage or configuration
errors (unknown command or option, a file or folder named that cannot be used, broken
datapackage.json, a file that is not a form, an output folder that is not ours, a broken
template, the system refusing: disk full, permission, …), 3 a bug in Monografi itself, 130
cancelled with Ctrl+C (nothing changed: the build publishes atomically, an import and the inbox
change datasets/ all or nothing).
"""

from __future__ import annotations

import os
import sys

from ..messages import ui
from ..state import BuildBusy, cancellable
from . import serve
from .common import EXIT_CANCELLED, EXIT_USAGE, say
from .failure import failure_message
from .parser import build_parser, language


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = language(argv)
    try:
        try:
            args = build_parser(lang).parse_args(argv)
        except SystemExit as done:  # --help, or a usage error already said in `lang`
            return EXIT_USAGE if done.code not in (0, None) else 0
        with cancellable():
            return _run(args)
    except KeyboardInterrupt:
        say(ui("cancelled", lang))
        return EXIT_CANCELLED


def _run(args) -> int:
    args.output = (args.output or args.project.output).absolute()
    try:
        if args.run is not serve.run and not args.project.datasets.is_dir():
            say(ui("not_a_project", args.lang, path=args.project))
            return EXIT_USAGE
        return args.run(args)
    except BuildBusy:
        say(ui("busy", args.lang))
        return EXIT_USAGE
    except Exception as exc:  # a failed stage, the system, or our own bug: said so, never a traceback
        if os.environ.get("MONOGRAFI_DEBUG"):
            raise
        text, code = failure_message(exc, args.lang, args.command or "build")
        say(text)
        return code
