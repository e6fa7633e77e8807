"""`monografi formulir`: write a fill-in XLSX form for one kecamatan."""

from __future__ import annotations

from pathlib import Path

from ..messages import Message, ui
from .common import EXIT_OK, EXIT_USAGE, say, valid_catalog

HELP = Message("tulis formulir isian XLSX untuk satu kecamatan",
               "write a fill-in XLSX form for one kecamatan")
KECAMATAN = Message("mis. 32.15.05", "e.g. 32.15.05")
PERIOD = Message("mis. 2025, 2025-S1 atau 2024/2025", "e.g. 2025, 2025-S1 or 2024/2025")
TARGET = Message("nama berkas XLSX (bawaan: formulir-KODE[-PERIODE].xlsx)",
                 "the XLSX file name (default: formulir-CODE[-PERIOD].xlsx)")
OVERWRITE = Message("ganti berkas yang sudah ada (bawaan: tidak pernah menimpa)",
                    "replace an existing file (default: never overwrite)")


def arguments(parser, lang: str) -> None:
    parser.add_argument("--kecamatan", required=True, metavar=ui("value_code", lang),
                        help=KECAMATAN.text(lang))
    parser.add_argument("--periode", dest="period", metavar=ui("value_period", lang), help=PERIOD.text(lang))
    parser.add_argument("--keluar", dest="target", type=Path, metavar=ui("value_file", lang),
                        help=TARGET.text(lang))
    parser.add_argument("--timpa", dest="overwrite", action="store_true", help=OVERWRITE.text(lang))


def run(args) -> int:
    from ..forms.form import FormError, areas_of, write_form
    from ..validation.dialect import read_raw
    from ..validation.suggestions import did_you_mean, suggest

    catalog, code = valid_catalog(args)
    if catalog is None:
        return code
    try:
        kecamatan = areas_of(catalog, args.kecamatan)["kecamatan"][0]
    except FormError:
        hint = suggest(*read_raw(catalog.resource("kecamatan")), "kecamatan", args.kecamatan)
        say(ui("unknown_kecamatan", args.lang, code=args.kecamatan, **did_you_mean(hint, args.lang)))
        return EXIT_USAGE
    suffix = f"-{args.period.replace('/', '-')}" if args.period else ""
    target = args.target or Path(f"formulir-{kecamatan.code}{suffix}.xlsx")
    target = write_form(catalog, kecamatan.code, target, args.period, overwrite=args.overwrite)
    print(ui("form_written", args.lang, name=kecamatan.name, code=kecamatan.code, path=target))
    return EXIT_OK
