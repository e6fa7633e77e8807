"""`monografi dataset-baru`: create a new dataset's CSV, schema and package entry."""

from __future__ import annotations

from ..messages import Message, ui
from ..validation import AREA_LEVELS
from .common import EXIT_OK, exit_code, say, validated

HELP = Message("buat CSV, skema, dan entri paket dataset baru",
               "create the CSV, schema and package entry of a new dataset")
NAME = Message("nama tabel, mis. sekolah_desa", "the table's name, e.g. sekolah_desa")
LEVEL = Message("wilayah yang diterangkan setiap baris", "the area each row describes")


def arguments(parser, lang: str) -> None:
    parser.add_argument("name", metavar=ui("value_name", lang), help=NAME.text(lang))
    parser.add_argument("--tingkat", dest="level", required=True, choices=AREA_LEVELS,
                        help=LEVEL.text(lang))


def run(args) -> int:
    """Needs a usable package only: data errors (or another new dataset still to be filled in)
    do not stop a dataset from being added."""
    from ..forms.scaffold import create_dataset

    catalog, report = validated(args.project)
    if catalog is None:
        say(report.format_text(args.lang))
        return exit_code(report)
    files = create_dataset(catalog, args.name, args.level)
    print(ui("scaffold_done", args.lang, name=args.name, files=", ".join(files)))
    return EXIT_OK
