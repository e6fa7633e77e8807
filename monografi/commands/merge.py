"""`monografi gabung`: merge the built parts of a sharded build into --output."""

from __future__ import annotations

from pathlib import Path

from ..messages import Message, ui
from .common import EXIT_OK

HELP = Message("gabungkan bagian-bagian yang sudah dibangun ke --output",
               "merge the built parts into --output")
FOLDERS = Message("output tiap bagian", "each part's output")


def arguments(parser, lang: str) -> None:
    parser.add_argument("folders", nargs="+", type=Path, metavar="FOLDER", help=FOLDERS.text(lang))


def run(args) -> int:
    from ..publishing.parts import merge

    result = merge(args.project, args.folders, args.output)
    print(ui("merge_done", args.lang, n=len(args.folders), path=args.output, pages=result.pages))
    return EXIT_OK
