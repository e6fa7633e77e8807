"""`monografi kotak-masuk`: import every form or table staff uploaded to the inbox, all or nothing."""

from __future__ import annotations

import sys

from ..messages import Message, ui
from ..project import INBOX
from ..validation.report import FORMATS
from .common import EXIT_OK, exit_code, say

HELP = Message("impor formulir/CSV di kotak-masuk/ ke datasets/ (semua atau tidak)",
               "import the forms/CSVs in kotak-masuk/ into datasets/ (all or nothing)")
FOLDER = Message(f"folder kotak masuk di dalam proyek (bawaan: {INBOX})",
                 f"the inbox folder inside the project (default: {INBOX})")
FORMAT = Message("teks (bawaan), json, github (anotasi per sel untuk GitHub Actions)",
                 "teks (text, the default), json, github (one annotation per cell for GitHub "
                 "Actions)")
COMMIT = Message("buat satu commit git bila berhasil", "make one git commit when it succeeds")


def arguments(parser, lang: str) -> None:
    parser.add_argument("--folder", default=INBOX, metavar="FOLDER", help=FOLDER.text(lang))
    parser.add_argument("--format", choices=(*FORMATS, "text"), default="teks", help=FORMAT.text(lang))
    parser.add_argument("--commit", action="store_true", help=COMMIT.text(lang))


def run(args) -> int:
    from ..forms.inbox import process_inbox

    if not args.project.folder(args.folder).is_dir():
        print(ui("inbox_empty", args.lang, folder=args.folder))
        return EXIT_OK
    result = process_inbox(args.project, args.folder, git=args.commit)
    report = result.report
    machine = args.format in ("json", "github")  # github: one annotation per cell
    if report.problems or machine:
        print(report.format(args.format, args.lang, prefix=""),
              file=sys.stdout if report.ok or machine else sys.stderr)
    if not report.ok:
        if not any(p.rule.id == "kotak_masuk_git_pulih" for p in report.errors):  # it says what is left
            say(ui("inbox_refused", args.lang, folder=args.folder))
        return exit_code(report)
    if not result.imported:
        print(ui("inbox_empty", args.lang, folder=args.folder))
        return EXIT_OK
    print(ui("inbox_done", args.lang, n=len(result.imported), folder=args.folder,
             files=", ".join(result.written) or "-"))
    return EXIT_OK
