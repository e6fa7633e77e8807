"""`monografi check`: validate datasets/ only, as text, JSON or GitHub annotations."""

from __future__ import annotations

from ..messages import Message
from ..publishing.history_guard import project_problems
from ..validation.content import page_problems
from ..validation.report import FORMATS
from .common import exit_code, validated

HELP = Message("validasi datasets/ dan halaman di content/, tanpa membangun situs",
               "validate datasets/ and the pages in content/, without building the site")
FORMAT_HELP = Message("teks (bawaan), json (untuk mesin), github (anotasi GitHub Actions)",
                      "teks (text, the default), json (for machines), github (GitHub Actions "
                      "annotations)")


def arguments(parser, lang: str) -> None:
    parser.add_argument("--format", choices=(*FORMATS, "text"), default="teks",
                        help=FORMAT_HELP.text(lang))


def run(args) -> int:
    catalog, report = validated(args.project, published=args.output)
    if catalog is not None and report.ok:  # what the build publishes from git history too
        report.extend(project_problems(args.project, catalog))
    report.extend(page_problems(args.project))  # the build refuses them too (publishing.pipeline)
    print(report.format(args.format, args.lang))
    return exit_code(report)
