"""Numbers that name one person: NIK and No. KK, NIP, phone numbers — known by their structure.

A NIK (and a family card number, No. KK) is 16 digits: the kecamatan code of the place it was
issued (six digits of a real kecamatan in the national area list), then a date — day 01–31, plus
40 for women, and a month 01–12 — then a sequence. A NIP (civil servants) is 18 digits: birth
date yyyymmdd, appointment yyyymm, sex 1 or 2, a sequence. Other 16-digit codes (a BPS SLS code,
an area code, a code column) do not have that structure and pass. Phone numbers are what
libphonenumber (Google's metadata for Indonesia) calls a valid number, in any written form.

People write these numbers in groups joined by spaces, dots, dashes, commas (Excel's thousands
separators) or slashes, with letters for digits ("O" for 0) and across two cells of one row. The
digit groups of a text are read as runs of groups; within a run, "chunks" are the groups joined
without a space. A number is a single group, a whole chunk or whole consecutive chunks: so a
desa code followed by another number ("32.15.05.2001 123.456") is not read as one 16-digit number.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

import phonenumbers

from .personal_text import DIGITLIKE, LOOKALIKE_LETTERS, LOOKALIKES

NIK_DIGITS, NIP_DIGITS = 16, 18
# The national kecamatan list (idn-area-data, ODbL; monografi/wilayah/README.md).
KECAMATAN_FILE = "districts.csv.gz"


@cache
def kecamatan_codes() -> frozenset[str]:
    """Every kecamatan code of the national list as six digits ("321505"), read once."""
    data = (files("monografi") / "wilayah" / KECAMATAN_FILE).read_bytes()
    with gzip.open(io.BytesIO(data), "rt", encoding="utf-8") as handle:
        return frozenset(row["code"].replace(".", "") for row in csv.DictReader(handle))


@cache
def _code_starts() -> frozenset[str]:
    """The first 2 to 6 digits of every kecamatan code: what a NIK mangled by Excel still shows."""
    return frozenset(code[:n] for code in kecamatan_codes() for n in range(2, 7))


def is_nik(digits: str) -> bool:
    """16 digits: a real kecamatan code, a day 01–31 or 41–71, a month 01–12 (NIK or No. KK)."""
    if len(digits) != NIK_DIGITS:
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    return (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12 and digits[:6] in kecamatan_codes()


def is_nip(digits: str) -> bool:
    """18 digits: a real birth date yyyymmdd, an appointment yyyymm, sex 1 or 2."""
    if len(digits) != NIP_DIGITS or digits[14] not in "12":
        return False
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        appointed = date(int(digits[8:12]), int(digits[12:14]), 1)
    except ValueError:
        return False
    return 1900 <= born.year <= 2099 and 1900 <= appointed.year <= 2099


@dataclass(frozen=True)
class Group:
    """Digits typed together; `real` of them were digits (the rest letters read as digits)."""

    digits: str
    real: int
    start: int
    end: int
    joiner: str  # what joins it to the group before it in its run ("" for the first)
    typed: str = ""  # as it was typed, letters and all


# A word with a digit in it, or a word of letters that all stand for digits ("OOOl").
_CANDIDATE = re.compile(r"(?<![0-9A-Za-z|])(?:[A-Za-z|]*[0-9][0-9A-Za-z|]*|[OoIliZzSsGbTBgq|]+)"
                        r"(?![0-9A-Za-z|])")
_DIGITLIKE_PART = re.compile(r"[0-9OoIliZzSsGbTBgq|]+")
_EDGE_LETTERS = "".join(sorted(LOOKALIKE_LETTERS))
# Between two groups of one number: spaces and at most one separator mark.
_JOINER = re.compile(r"[ \t]*[-.,/_'][ \t]*|[ \t]+")


def _group(token: str, start: int) -> Group | None:
    if set(token) <= {"|"}:  # a table border
        return None
    return Group(token.translate(LOOKALIKES), sum(c.isdigit() for c in token), start, start + len(token), "",
                 token)


def _groups(text: str) -> Iterator[Group]:
    """Digit groups of canonical `text`; inside a word ("NIK3215…", "SP2010") only the part with
    digits, without the letters that belong to the word."""
    for match in _CANDIDATE.finditer(text):
        token, start = match.group(), match.start()
        if all(c in DIGITLIKE for c in token):
            found = _group(token, start)
            if found:
                yield found
            continue
        for part in _DIGITLIKE_PART.finditer(token):
            piece, left = part.group(), part.start()
            if left > 0:
                stripped = piece.lstrip(_EDGE_LETTERS)
                left, piece = left + len(piece) - len(stripped), stripped
            if left + len(piece) < len(token):
                piece = piece.rstrip(_EDGE_LETTERS)
            if any(c.isdigit() for c in piece):
                found = _group(piece, start + left)
                if found:
                    yield found


def runs(text: str) -> list[list[Group]]:
    """The groups of canonical `text`, as runs of groups joined by separators."""
    found: list[list[Group]] = []
    previous: Group | None = None
    for group in _groups(text):
        gap = text[previous.end:group.start] if previous else None
        if gap is not None and _JOINER.fullmatch(gap):
            found[-1].append(Group(group.digits, group.real, group.start, group.end, gap, group.typed))
        else:
            found.append([group])
        previous = group
    return found


def chunks(run: list[Group]) -> list[list[Group]]:
    """A run cut where a space joins two groups."""
    cut: list[list[Group]] = []
    for group in run:
        if not cut or not group.joiner or group.joiner.strip(" \t") != group.joiner:
            cut.append([group])
        else:
            cut[-1].append(group)
    return cut


def _area_code(chunk: list[Group]) -> str | None:
    """"desa", "kecamatan" or "kabupaten" if the chunk is a real area code in dot notation."""
    sizes = tuple(len(g.digits) for g in chunk)
    if (sizes not in _AREA_SHAPES or any(g.real != len(g.digits) for g in chunk)
            or any(g.joiner != "." for g in chunk[1:])):
        return None
    digits = "".join(g.digits for g in chunk)
    known = digits[:6] in kecamatan_codes() if len(digits) >= 6 else digits in _code_starts()
    return _AREA_SHAPES[sizes] if known and (len(digits) < 10 or digits[6] in "12") else None


_AREA_SHAPES = {(2, 2): "kabupaten", (2, 2, 2): "kecamatan", (2, 2, 2, 4): "desa"}


def _is_date(chunk: list[Group]) -> bool:
    """A real date written dd-mm-yyyy or yyyy-mm-dd (12-01-2001, 2001.01.12)."""
    sizes = tuple(len(g.digits) for g in chunk)
    if sizes not in ((2, 2, 4), (4, 2, 2)) or len({g.joiner for g in chunk[1:]}) != 1:
        return False
    year, month, day = (chunk[2], chunk[1], chunk[0]) if sizes == (2, 2, 4) else chunk
    try:
        return 1900 <= date(int(year.digits), int(month.digits), int(day.digits)).year <= 2099
    except ValueError:
        return False


def _is_figure(chunk: list[Group]) -> bool:
    """A figure with thousands separators or a decimal comma (1.201, 10.000.000, 2,572,553,
    4.344,5, 0,00), or a semester period (2024S1): what a monograph prints, never a NIK's part."""
    if len(chunk) == 1:
        return bool(_PERIOD.fullmatch(chunk[0].typed))
    typed = chunk[0].typed + "".join(g.joiner + g.typed for g in chunk[1:])
    return bool(_FIGURE.fullmatch(typed))


_FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}", re.ASCII)
_PERIOD = re.compile(r"(?:19|20)\d\d[Ss][12]", re.ASCII)


def _may_join(chunks: list[list[Group]], first: int, last: int) -> bool:
    """Whether chunks first..last may be read as one number: a NIK never has an area code, a date
    or a figure with thousands separators inside it, and never starts with a whole desa code
    (32.15.05.2001 123.456 is a code and a figure, 12-01-2001 01-01-1990 two dates, 1.201, 2.001,
    10.000.000 three figures)."""
    return (_area_code(chunks[first]) != "desa"
            and not any(_is_date(chunks[i]) or _is_figure(chunks[i]) for i in range(first, last + 1))
            and not any(_area_code(chunks[i]) for i in range(first + 1, last + 1)))


def windows(run: list[Group], size: int) -> Iterator[list[Group]]:
    """Ways to read `size` digits in one run: one group, a whole chunk, or whole consecutive
    chunks (_may_join); at least one real digit."""
    for group in run:
        if len(group.digits) == size and group.real:
            yield [group]
    cut = chunks(run)
    for first in range(len(cut)):
        taken: list[Group] = []
        for last in range(first, len(cut)):
            if last > first and not _may_join(cut, first, last):
                break
            taken += cut[last]
            if sum(len(g.digits) for g in taken) >= size:
                break
        if len(taken) > 1 and sum(len(g.digits) for g in taken) == size and any(g.real for g in taken):
            yield taken


def identity_number(text: str) -> tuple[str, str] | None:
    """("nik" or "nip", where) if canonical `text` holds a NIK/No. KK or a NIP in any grouping,
    ("nik_excel", where) for a NIK that Excel turned into scientific notation (3,21501E+15)."""
    if not any(c.isdigit() for c in text):
        return None
    for run in runs(text):
        if sum(len(g.digits) for g in run) < NIK_DIGITS:
            continue
        for kind, size, valid in (("nik", NIK_DIGITS, is_nik), ("nip", NIP_DIGITS, is_nip)):
            for found in windows(run, size):
                if valid("".join(g.digits for g in found)):
                    return kind, text[found[0].start:found[-1].end]
    lost = excel_number(text)
    return ("nik_excel", lost) if lost else None


_SCIENTIFIC = re.compile(r"(?<![\w.,])(\d)[.,](\d{1,15})\s*[eE]\s*\+?\s*0?(\d{1,2})(?![\w.,])")


def excel_number(text: str) -> str | None:
    """A 16-digit number Excel shows as 3.21501E+15 whose digits start like a kecamatan code: the
    NIK itself is lost, but it was there."""
    for match in _SCIENTIFIC.finditer(text):
        digits = (match.group(1) + match.group(2))[:6]
        if int(match.group(3)) == NIK_DIGITS - 1 and len(digits) >= 2 and digits in _code_starts():
            return match.group()
    return None


# Numbers that are not a person's: toll-free, premium, shared-cost and other service numbers.
_PERSONAL_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
                   phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE, phonenumbers.PhoneNumberType.VOIP,
                   phonenumbers.PhoneNumberType.PERSONAL_NUMBER, phonenumbers.PhoneNumberType.PAGER,
                   phonenumbers.PhoneNumberType.UNKNOWN}
_INDONESIA = 62
# 62 opening a number without "+" (wa.me/62812…, "62 812…"): the country code.
_COUNTRY_CODE = re.compile(r"(?<![\w+.,])(?<!\d[ \t.-])62(?=[ \t.-]*[1-9](?:[ \t.-]*\d){5})")
# An area code in dot notation (62.02, 32.15.05, 32.15.05.2001), which is never a phone number.
_AREA_CODE = re.compile(r"(?<![\d.])\d\d\.\d\d(?:\.\d\d(?:\.\d{4})?)?(?![\d]|\.\d)", re.ASCII)
# Where a phone number may start: "+", a trunk prefix 0 or the country code 62 opening a number.
_PHONE_START = re.compile(r"\+|(?<![\d.,])(?:0\d|62)")


def _digits_read(text: str) -> str:
    """Canonical `text` with the letters inside numbers read as digits ("0812 3456 789O")."""
    return _CANDIDATE.sub(lambda m: m.group().translate(LOOKALIKES)
                          if all(c in DIGITLIKE for c in m.group()) and any(c.isdigit() for c in m.group())
                          else m.group(), text)


# A date (03-10-1990, 1990.10.03) or a time range (08.00-16.00) standing alone, not inside a longer
# run of digit groups: libphonenumber may read either as a landline.
_DATE = re.compile(r"(?<!\d)(?<!\d[-./,])(?:(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})"
                   r"|(\d{4})([-./])(\d{1,2})\6(\d{1,2})"
                   r"|(\d{1,2})[.:](\d{2}) ?- ?(\d{1,2})[.:](\d{2}))(?!\d|[-./,]\d)", re.ASCII)


def _no_date(match: re.Match) -> str:
    """A real date or time range blanked out; anything else as it is."""
    if match.group(9):
        hours, minutes = (int(match.group(i)) for i in (9, 11)), (int(match.group(i)) for i in (10, 12))
        real = all(h <= 24 for h in hours) and all(m < 60 for m in minutes)
    else:
        day, month, year = ((match.group(1), match.group(3), match.group(4)) if match.group(1)
                            else (match.group(8), match.group(7), match.group(5)))
        try:
            real = bool(date(int(year) if len(year) == 4 else 2000 + int(year), int(month), int(day)))
        except ValueError:
            real = False
    return "#" * len(match.group()) if real else match.group()


def _no_area_code(match: re.Match) -> str:
    """A real area code blanked out; anything else as it is."""
    return "#" * len(match.group()) if match.group().replace(".", "")[:4] in _code_starts() else match.group()


def phone_number(text: str) -> str | None:
    """The first phone number a person can be reached at in canonical `text`: an Indonesian one
    written with its trunk prefix 0 or country code 62 (in any grouping, in brackets, in a wa.me
    or tel: link), or any country's written with "+"."""
    if not any(c.isdigit() for c in text):
        return None
    read = _digits_read(text)
    if sum(c.isdigit() for c in read) < 7:
        return None
    read = _AREA_CODE.sub(_no_area_code, _DATE.sub(_no_date, read))
    read = _COUNTRY_CODE.sub("+62", read)
    if not _PHONE_START.search(read):
        return None  # libphonenumber's matcher is slow: only where a number could start
    for match in phonenumbers.PhoneNumberMatcher(read, "ID", leniency=phonenumbers.Leniency.VALID):
        number, raw = match.number, match.raw_string.lstrip("(")
        if "/" in raw:
            continue  # 021/001/1990 is a decree number
        if number.country_code == _INDONESIA:
            if raw.startswith(("0", "+", "62")) and phonenumbers.number_type(number) in _PERSONAL_TYPES:
                return match.raw_string
        elif raw.startswith("+"):
            return match.raw_string
    return None
