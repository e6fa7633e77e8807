"""`monografi impor`: check a filled-in form and merge it into datasets/, all or nothing."""

from __future__ import annotations

from pathlib import Path

from ..messages import Message, ui
from .common import EXIT_OK, exit_code, given_file, show_report, valid_catalog

HELP = Message("periksa formulir terisi lalu gabungkan ke datasets/",
               "check a filled-in form, then merge it into datasets/")


def arguments(parser, lang: str) -> None:
    parser.add_argument("form", type=Path, metavar=ui("value_file", lang) + ".xlsx")


def run(args) -> int:
    from ..forms.importer import import_form

    given_file(args.form, args.project)
    catalog, code = valid_catalog(args)
    if catalog is None:
        return code
    result = import_form(catalog, args.form)
    if not show_report(result.report, args.lang, "import_refused"):
        return exit_code(result.report)
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
