"""The command line's words: options, commands, help and argparse's own messages, in
Indonesian (English with --lang en, even for an error found while the options are read)."""

from __future__ import annotations

import argparse
import contextlib
import gettext
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from ..messages import Message, ui
from ..project import Project
from . import build, check, form, import_form, inbox, merge, new_dataset, parts, serve
from .common import EXIT_USAGE, whole_number

PROG = "monografi"
LANGS = ("id", "en")  # --lang: Message.text reads "en" as English, anything else as Indonesian


class Command(Protocol):
    """A module of this package that runs one command (and may add options with `arguments`)."""

    HELP: Message

    def run(self, args: argparse.Namespace) -> int: ...


# The command words staff type → the module that runs each (its HELP, `arguments`, `run`).
COMMANDS: dict[str, Command] = {
    "build": build, "check": check, "formulir": form, "impor": import_form, "dataset-baru": new_dataset,
    "kotak-masuk": inbox, "bagian": parts, "gabung": merge, "serve": serve}

DESCRIPTION = Message(
    "Monografi: validasi data monografi kecamatan dan bangun portal data terbuka.",
    "Monografi: validate monografi kecamatan data and build the open-data portal.")
EPILOG = Message("""\
Kode keluar:
  0    berhasil: data sah (peringatan boleh ada)
  1    ada galat data: situs terbit dan datasets/ tidak diubah
  2    salah pemakaian atau konfigurasi (perintah, opsi, berkas atau folder yang disebut,
       datapackage.json, berkas bukan formulir, folder hasil, templat, disk penuh, izin):
       tidak ada yang diubah
  3    kesalahan (bug) di Monografi sendiri; situs terbit tidak diubah
  130  dibatalkan dengan Ctrl+C: tidak ada yang diubah

Contoh (`python -m monografi …` sama saja):
  monografi check                       validasi cepat, pesan dalam bahasa Indonesia
  monografi --lang en check --format github   anotasi GitHub Actions dalam bahasa Inggris
  monografi formulir --kecamatan 32.15.05 --periode 2025
  monografi impor formulir-32.15.05-2025.xlsx
  monografi dataset-baru sekolah_desa --tingkat desa
  monografi kotak-masuk                 impor setiap formulir di kotak-masuk/ (GitHub Actions)
""", """\
Exit codes:
  0    success: the data are valid (warnings allowed)
  1    data errors: the published site and datasets/ were left as they were
  2    usage or configuration error (command, option, a file or folder named, datapackage.json,
       a file that is not a form, output folder, template, disk full, permission): nothing
       was changed
  3    a bug in Monografi itself; the published site was left as it was
  130  cancelled with Ctrl+C: nothing was changed

Examples (`python -m monografi …` is the same):
  monografi check                       quick validation, messages in Indonesian
  monografi --lang en check --format github   GitHub Actions annotations in English
  monografi formulir --kecamatan 32.15.05 --periode 2025
  monografi impor formulir-32.15.05-2025.xlsx
  monografi dataset-baru sekolah_desa --tingkat desa
  monografi kotak-masuk                 import every form in kotak-masuk/ (GitHub Actions)
""")
OPTIONS = {
    "lang": Message("bahasa pesan (id = Indonesia, en = English)",
                    "language of the messages (id = Indonesian, en = English)"),
    "project": Message("folder proyek berisi datasets/, content/, theme/ (bawaan: folder ini)",
                       "the project folder holding datasets/, content/, theme/ (default: this "
                       "folder)"),
    "output_folder": Message("folder hasil (bawaan: output/ di folder proyek)",
                             "the output folder (default: output/ in the project folder)"),
    "quiet": Message("tanpa bilah kemajuan (untuk CI)", "no progress bars (for CI)"),
    "jobs": Message("jumlah proses untuk grafik dan halaman (bawaan: semua inti)",
                    "processes for charts and pages (default: all cores)"),
    "part": Message("bangun satu bagian saja (build terbagi): kode wilayah tepat di bawah beranda "
                    "(mis. 32) atau 'umum'; lihat perintah `bagian`",
                    "build one part only (sharded build): the code of an area right below the "
                    "front page (e.g. 32) or 'umum'; see the `bagian` command"),
    "command": Message("PERINTAH", "COMMAND"),
}
# argparse marks its own texts for gettext and looks them up when it uses them; these are its
# texts that reach staff (Python 3.11-3.13), in Indonesian.
ARGPARSE_ID = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r tidak dikenal; pilih salah satu dari %(choices)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal; pilih salah satu dari %(choices)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "the following arguments are required: %s": "wajib diisi: %s",
    "one of the arguments %s is required": "salah satu dari %s wajib diisi",
    "unrecognized arguments: %s": "tidak dikenal: %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi %(option)s kurang lengkap: bisa berarti %(matches)s",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "not allowed with argument %s": "tidak boleh bersama %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai oleh opsi ini",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
}


class _Catalogue(gettext.NullTranslations):
    def __init__(self, texts: dict[str, str]):
        super().__init__()
        self.texts = texts

    def gettext(self, message: str) -> str:
        return self.texts.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


ARGPARSE_WORDS = {"id": _Catalogue(ARGPARSE_ID), "en": gettext.NullTranslations()}


@contextlib.contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own texts in `lang` while the block runs (the hook argparse's gettext calls
    leave for translations; restored afterwards)."""
    words = ARGPARSE_WORDS[lang]
    hooks: Any = argparse  # its gettext hooks (`_`, `ngettext`) are not in the typeshed stubs
    saved = hooks._, hooks.ngettext
    hooks._, hooks.ngettext = words.gettext, words.ngettext
    try:
        yield
    finally:
        hooks._, hooks.ngettext = saved


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks `lang` in its help and its errors, and ends a usage error
    with exit code 2 and where to read more, never with a traceback."""

    def __init__(self, *args, lang: str = "id", **kwargs):
        self.lang = lang
        with argparse_words(lang):
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with argparse_words(self.lang):
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with argparse_words(self.lang):
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        with argparse_words(self.lang):
            return super().format_help()

    def format_usage(self) -> str:
        with argparse_words(self.lang):
            return super().format_usage()

    def error(self, message: str):
        self.print_usage(sys.stderr)
        words = ARGPARSE_WORDS[self.lang]
        text = words.gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        self.exit(EXIT_USAGE, text + ui("usage_more", self.lang, prog=PROG) + "\n")


def language(argv: list[str]) -> str:
    """The --lang the command line asks for, read before argparse reads it: its own errors
    (an unknown option, a missing value) must already speak it. Abbreviations count, as for
    argparse ('--la en'); the last one wins."""
    lang = "id"
    words = iter(argv)
    for word in words:
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if len(name) > 2 and "--lang".startswith(name):
            value = value if equals else next(words, "")
            lang = value if value in LANGS else lang
    return lang


def build_parser(lang: str = "id") -> Parser:
    def say(key: str) -> str:
        return OPTIONS[key].text(lang)

    parser = Parser(prog=PROG, description=DESCRIPTION.text(lang), epilog=EPILOG.text(lang),
                    formatter_class=argparse.RawDescriptionHelpFormatter, lang=lang)
    parser.add_argument("--lang", choices=LANGS, default="id", help=say("lang"))
    parser.add_argument("--proyek", dest="project", type=Project, default=Project(Path.cwd()),
                        metavar="FOLDER", help=say("project"))
    parser.add_argument("--output", type=Path, default=None, metavar="FOLDER", help=say("output_folder"))
    parser.add_argument("--quiet", action="store_true", help=say("quiet"))
    parser.add_argument("--jobs", type=whole_number(lang, 1), default=None, metavar="N",
                        help=say("jobs"))
    parser.add_argument("--bagian", dest="part", metavar=ui("value_code", lang), default=None,
                        help=say("part"))
    commands = parser.add_subparsers(dest="command", metavar=say("command"))
    for word, command in COMMANDS.items():
        sub = commands.add_parser(word, help=command.HELP.text(lang), lang=lang,
                                  description=command.HELP.text(lang))
        if hasattr(command, "arguments"):
            command.arguments(sub, lang)
        sub.set_defaults(run=command.run)
    parser.set_defaults(run=build.run)
    return parser
