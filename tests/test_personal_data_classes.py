"""Personal data as classes (issue 21): hypothesis writes NIK/KK, NIP, phone numbers and e-mail
addresses in every way a person could — any grouping and separator (en dash, Excel's thousands
separators), letters for digits, full-width and other digits, zero-width characters, "at"/"dot"
spelled out, wa.me and tel: links — and the guard must find each; codes with another structure
(wrong kecamatan, impossible date, BPS SLS codes, area codes) and ordinary figures must pass.

Generated cases per test are in each docstring (hypothesis `max_examples`).
"""

from __future__ import annotations

import phonenumbers
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from monografi.validation.personal_data import (
    EMAIL,
    NIK,
    NIK_EXCEL,
    NIP,
    PHONE,
    find,
    is_personal_column,
    split_number,
)
from monografi.validation.personal_numbers import is_nik, kecamatan_codes

CODES = sorted(kecamatan_codes())
MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What a digit may be typed as, beside itself.
LOOKALIKE = {"0": "Oo", "1": "Il|", "2": "Zz", "5": "Ss", "6": "Gb", "7": "T", "8": "B", "9": "gq"}
SEPARATORS = ["", " ", "  ", "-", "–", "—", "‐", "−", ".", "/", ",", "_", "·", " - ", " – ", "\u00a0",
              "\u202f", "\u3000", "．", "，"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202a", "\u202c"]
CONTEXT = [("", ""), ("NIK: ", ""), ("KK ", " (ayah)"), ("pelapor ", "; dibulatkan"), ("NIK", ""),
           ("No. KK: ", "."), ("RT 05 ", " ya"), ("NIP. ", ""), ("(", ")")]
ARABIC_INDIC = {str(d): chr(0x0660 + d) for d in range(10)}


def _wide(char: str) -> str:
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char


@st.composite
def niks(draw) -> str:
    """A valid NIK/No. KK: a real kecamatan, day (+40 for women), month, year, sequence."""
    day = draw(st.integers(1, 31)) + draw(st.sampled_from([0, 40]))
    return (f"{draw(st.sampled_from(CODES))}{day:02}{draw(st.integers(1, 12)):02}"
            f"{draw(st.integers(0, 99)):02}{draw(st.integers(0, 9999)):04}")


@st.composite
def nips(draw) -> str:
    """A valid NIP: birth date yyyymmdd, appointment yyyymm, sex 1/2, sequence."""
    born = draw(st.dates(min_value=__import__("datetime").date(1940, 1, 1),
                         max_value=__import__("datetime").date(2005, 12, 31)))
    return (f"{born:%Y%m%d}{draw(st.integers(1960, 2030))}{draw(st.integers(1, 12)):02}"
            f"{draw(st.sampled_from('12'))}{draw(st.integers(1, 999)):03}")


def _reads_as_codes_or_dates(groups: list[str], joiners: list[str]) -> bool:
    """Pieces written exactly like area codes (32.15, 32.15.05, 32.15.05.2001), dates
    (12-01-2001) or figures with thousands separators (3.215) and then a space: the boundary of
    the class, read as codes, dates or figures (personal_numbers._may_join)."""
    chunks, sizes, dots = [], [len(groups[0])], True
    for group, joiner in zip(groups[1:], joiners, strict=True):
        if joiner and not any(c.isspace() for c in joiner):
            sizes.append(len(group))
            dots = dots and joiner in (".", "．", "·")
        else:
            chunks.append((tuple(sizes), dots))
            sizes, dots = [len(group)], True
    chunks.append((tuple(sizes), dots))
    shapes = {(2, 2), (2, 2, 2), (2, 2, 2, 4)}
    return len(chunks) > 1 and any(dots and shape in shapes or shape in ((2, 2, 4), (4, 2, 2))
                                   or _figure_shaped(shape) for shape, dots in chunks)


def _figure_shaped(shape: tuple[int, ...]) -> bool:
    """3.215, 3,215 or 3215,05: a figure with a thousands separator or a decimal comma."""
    return len(shape) > 1 and (shape[0] <= 3 and all(size == 3 for size in shape[1:])
                               or len(shape) == 2 and shape[1] <= 2)


@st.composite
def written(draw, digits: str, letters: bool = True, context: bool = True) -> str:
    """`digits` as a person might type them: grouped (freely or as Excel's thousands), joined by
    one separator or several, some digits as look-alike letters (at least one digit kept), some
    characters full-width or Arabic-Indic, zero-width characters anywhere, words around."""
    if draw(st.booleans()) and len(digits) in (16, 18):
        cuts = list(range(len(digits) % 3 or 3, len(digits), 3))  # 3,215,011,203,900,001
        joiners = [draw(st.sampled_from([",", ".", " ", "\u00a0"]))] * len(cuts)
    else:
        cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=8)))
        if draw(st.booleans()):
            joiners = [draw(st.sampled_from(SEPARATORS))] * len(cuts)
        else:
            joiners = [draw(st.sampled_from(SEPARATORS)) for _ in cuts]
    groups = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    assume(not _reads_as_codes_or_dates(groups, joiners))
    chars = list(digits)
    if letters:
        swap = draw(st.lists(st.booleans(), min_size=len(chars), max_size=len(chars)))
        for i, char in enumerate(chars):
            if swap[i] and char in LOOKALIKE:
                chars[i] = draw(st.sampled_from(LOOKALIKE[char]))
        if not any(c.isdigit() for c in chars):
            chars[0] = digits[0]
        at = 0
        for group in groups:  # a lone "|" between separators is a table border, not a 1
            if set(chars[at:at + len(group)]) == {"|"}:
                chars[at] = "1"
            at += len(group)
    for i, char in enumerate(chars):
        style = draw(st.sampled_from(["plain", "plain", "wide", "arabic"]))
        chars[i] = {"wide": _wide(char), "arabic": ARABIC_INDIC.get(char, char)}.get(style, char)
    text, at = "", 0
    for index, group in enumerate(groups):
        text += "".join(chars[at:at + len(group)]) + (joiners[index] if index < len(joiners) else "")
        at += len(group)
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(text)))
        text = text[:where] + draw(st.sampled_from(INVISIBLE)) + text[where:]
    before, after = draw(st.sampled_from(CONTEXT)) if context else ("", "")
    if before[-1:].isalpha() and not text[:1].isdigit():
        before += " "  # "NIKI3215…": a letter touching a word is read as part of the word
    return before + text + after


# --- NIK, No. KK, NIP ----------------------------------------------------------------------------

@MANY
@given(st.data())
def test_every_writing_of_a_valid_nik_is_found(data):
    """400 generated cases: valid NIKs (real kecamatan, dates, +40 for women) in any grouping,
    separator, letters for digits, width, zero-width characters and words around."""
    nik = data.draw(niks())
    assert find(data.draw(written(nik))) == NIK


@SOME
@given(st.data())
def test_every_writing_of_a_valid_nip_is_found(data):
    """200 generated cases: valid NIPs written like NIKs above."""
    assert find(data.draw(written(data.draw(nips())))) == NIP


@SOME
@given(niks(), st.integers(2, 14), st.sampled_from([".", ","]), st.sampled_from(["E+", "e+", "E", "E +"]))
def test_a_nik_excel_turned_into_scientific_notation_is_refused(nik, kept, point, exponent):
    """200 generated cases: 3.21501E+15 / 3,21501E+15 — the digits are lost, the attempt is not."""
    assert find(f"{nik[0]}{point}{nik[1:kept]}{exponent}15") == NIK_EXCEL


@st.composite
def not_niks(draw) -> str:
    """16 digits with a NIK's length but not its structure: an unknown kecamatan or no date."""
    day, month = draw(st.integers(1, 71)), draw(st.integers(1, 12))
    code = draw(st.sampled_from(CODES))
    broken = draw(st.sampled_from(["kecamatan", "day", "month"]))
    if broken == "kecamatan":
        code = f"{draw(st.integers(0, 999999).filter(lambda c: f'{c:06}' not in kecamatan_codes())):06}"
        day = day if day <= 31 or day >= 41 else day + 10
    elif broken == "day":
        day = draw(st.sampled_from([0, *range(32, 41), *range(72, 100)]))
    else:
        month = draw(st.sampled_from([0, *range(13, 100)]))
    digits = f"{code}{day:02}{month:02}{draw(st.integers(0, 99)):02}{draw(st.integers(0, 9999)):04}"
    assert not is_nik(digits)
    return digits


@MANY
@given(not_niks(), st.sampled_from(["", " ", ".", "-", "–"]), st.booleans())
def test_sixteen_digits_without_a_niks_structure_pass(digits, separator, grouped):
    """400 generated cases: unknown kecamatan or impossible day/month, bare or in 4-digit groups."""
    text = separator.join(digits[i:i + 4] for i in range(0, 16, 4)) if grouped else digits
    assume(not (separator in (" ", "") and _starts_like_a_phone(text)))
    assert find(text) is None


def _starts_like_a_phone(text: str) -> bool:
    return any(part.startswith(("0", "62")) for part in text.split())


@st.composite
def sls_codes(draw) -> str:
    """A BPS SLS code: regency (4), BPS kecamatan 010…990 (3), desa 001…099 (3), SLS (4), sub (2)."""
    regency = draw(st.sampled_from(sorted({c[:4] for c in CODES})))
    return (f"{regency}{draw(st.integers(1, 99)) * 10:03}{draw(st.integers(1, 99)):03}"
            f"{draw(st.integers(1, 9999)):04}{draw(st.integers(0, 99)):02}")


@MANY
@given(sls_codes(), st.sampled_from(["{}", "kode SLS {}", "SLS {} (RT 001)", "{}; lihat peta"]))
def test_bps_sls_codes_pass(code, sentence):
    """400 generated cases: 16-digit BPS SLS codes in a note are codes, not NIKs."""
    assert find(sentence.format(code)) is None


@st.composite
def area_codes(draw) -> str:
    code = draw(st.sampled_from(CODES))
    level = draw(st.sampled_from(["kabupaten", "kecamatan", "desa"]))
    dotted = f"{code[:2]}.{code[2:4]}" + (f".{code[4:6]}" if level != "kabupaten" else "")
    village = f".{draw(st.sampled_from('12'))}{draw(st.integers(1, 999)):03}"
    return dotted + (village if level == "desa" else "")


@MANY
@given(st.lists(area_codes(), min_size=1, max_size=6), st.sampled_from([" ", ", ", "; ", " dan ", "  "]))
def test_lists_of_area_codes_pass(codes, joiner):
    """400 generated cases: area codes (32.15, 32.15.05, 32.15.05.2001) listed side by side."""
    assert find(joiner.join(codes)) is None


@MANY
@given(st.lists(st.one_of(
    st.integers(0, 10**12).map(lambda n: f"{n:,}".replace(",", ".")),  # 2.572.553
    st.decimals(0, 10**6, places=2).map(lambda d: f"{d:,}".replace(",", " ").replace(".", ",")),
    st.integers(1900, 2100).map(str),  # years
    st.tuples(st.integers(2000, 2030), st.sampled_from(["S1", "S2", "-S1", "/2025"])).map(
        lambda t: f"{t[0]}{t[1]}"),
    st.integers(10000, 99999).map(lambda n: f"kode pos {n}"),
    st.tuples(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2030)).map(
        lambda t: f"{t[0]:02}-{t[1]:02}-{t[2]}"),
), min_size=1, max_size=5), st.sampled_from(["; ", " dan ", " jiwa, ", " ha; "]))
def test_figures_years_periods_dates_and_postal_codes_pass(parts, joiner):
    """400 generated cases: numbers as a monograph prints them, in one sentence. (Bare numbers
    joined only by spaces or commas can add up to 16 digits with a NIK's structure: that is the
    class boundary, docs/keandalan.md.)"""
    assert find(joiner.join(parts)) is None


# --- phone numbers ---------------------------------------------------------------------------------

MOBILE = ["811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816", "855",
          "856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "832", "833", "838",
          "895", "896", "897", "898", "899", "881", "882", "883", "888", "889"]
AREA = ["21", "22", "231", "251", "254", "264", "267", "274", "31", "341", "361", "411", "61", "711",
        "751", "761", "542"]
PERSONAL_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
                  phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _valid(national: str) -> bool:
    number = phonenumbers.parse("0" + national, "ID")
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in PERSONAL_TYPES


def _national(prefixes: list[str]):
    return st.tuples(st.sampled_from(prefixes), st.text("0123456789", min_size=5, max_size=9)).map(
        "".join).filter(_valid)


EXAMPLES = [str(phonenumbers.example_number_for_type("ID", kind).national_number)
            for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)]


@st.composite
def phones(draw) -> str:
    """An Indonesian mobile or landline number (libphonenumber's examples and random valid ones),
    as a person writes it: 0…, +62, 62, (+62), +62 (0), (0267) …, wa.me and tel: links, any
    grouping and dash, an O for a 0, full-width digits, zero-width characters."""
    national = draw(st.one_of(st.sampled_from(EXAMPLES), _national(MOBILE), _national(AREA)))
    form = draw(st.sampled_from(["0", "+62 ", "+62", "62 ", "62", "(+62) ", "+62 (0)", "+62 (0) ", "area",
                                 "wa.me/62", "https://wa.me/62", "https://api.whatsapp.com/send?phone=62",
                                 "tel:+62", "tel:0"]))
    if form == "area":
        area = next(a for a in sorted(AREA + MOBILE, key=len, reverse=True) if national.startswith(a))
        text = f"(0{area}) {national[len(area):]}"
    elif form.startswith(("wa.me", "https", "tel")):
        text = form + national
    else:
        cuts = sorted(draw(st.sets(st.integers(1, len(national) - 1), max_size=3)))
        separator = draw(st.sampled_from([" ", "-", "–", "—", ".", " - ", "\u00a0", ""]))
        text = form + separator.join(national[a:b] for a, b in zip([0, *cuts], [*cuts, len(national)],
                                                                  strict=True))
    chars = list(text)
    digits = [i for i, c in enumerate(chars) if c == "0" and 0 < i < len(chars) - 1
              and chars[i - 1].isdigit() and chars[i + 1].isdigit()]
    for i in draw(st.sets(st.sampled_from(digits), max_size=2)) if digits else []:
        chars[i] = "O"  # a letter O for a zero, inside the number
    if draw(st.booleans()):
        chars = [_wide(c) if c.isdigit() else c for c in chars]
    text = "".join(chars)
    if draw(st.booleans()):
        where = draw(st.integers(1, len(text) - 1))
        text = text[:where] + draw(st.sampled_from(INVISIBLE)) + text[where:]
    before, after = draw(st.sampled_from([("", ""), ("hubungi ", " ya"), ("WA ", ""), ("Telp: ", ".")]))
    return before + text + after


@MANY
@given(phones())
def test_every_writing_of_a_phone_number_is_found(text):
    """400 generated cases: Indonesian mobile and landline numbers in every written form."""
    assert find(text) == PHONE


@SOME
@given(st.one_of(
    st.integers(1, 10**9).map(lambda n: f"0.{n}"), st.integers(1, 10**9).map(lambda n: f"0,{n}"),
    st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23), st.integers(0, 59)).map(
        lambda t: f"pukul {t[0]:02}.{t[1]:02}-{t[2]:02}.{t[3]:02}"),
    st.tuples(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2030)).map(
        lambda t: f"tanggal {t[0]:02}-{t[1]:02}-{t[2]}"),
    st.tuples(st.integers(1, 999), st.integers(1, 999), st.integers(1990, 2030)).map(
        lambda t: f"SK No. {t[0]:03}/{t[1]:03}/{t[2]}")))
def test_decimals_times_dates_and_decree_numbers_are_not_phone_numbers(text):
    """200 generated cases."""
    assert find(text) is None


# --- e-mail addresses --------------------------------------------------------------------------------

AT = ["@", " @ ", "＠", "﹫", " at ", " AT ", " [at] ", "[at]", "(at)", " (at) ", "{at}", "<at>", "[ at ]",
      " (et) "]
DOT = [".", " dot ", " DOT ", "[dot]", " [dot] ", "(dot)", " titik ", " . ", "．", "{dot}"]


SPELLED = {"at", "et", "dot", "titik"}  # a part of an address that is itself a spelled-out @ or .


@MANY
@given(st.from_regex(r"[a-z][a-z0-9_]{0,12}(\.[a-z0-9]{1,6})?", fullmatch=True).filter(
           lambda local: not SPELLED & set(local.split("."))),
       st.lists(st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True).filter(
           lambda label: label not in SPELLED),
                min_size=1, max_size=2),
       st.sampled_from(["com", "id", "net", "org", "co.id", "go.id", "desa.id", "sch.id", "ac.id"]),
       st.sampled_from(AT), st.sampled_from(DOT), st.sampled_from(["", "\u200b", "\u00ad"]),
       st.sampled_from([("", ""), ("kirim ke ", " ya"), ("surel: ", "")]))
def test_every_spelling_of_an_email_address_is_found(local, domain, tld, at, dot, invisible, context):
    """400 generated cases: "@" and "." as symbols, full-width, bracketed or spelled out."""
    address = local.replace(".", dot) + at + dot.join(domain) + dot + tld.replace(".", dot)
    address = address[:1] + invisible + address[1:]
    assert find(context[0] + address + context[1]) == EMAIL


@SOME
@given(st.from_regex(r"[A-Za-z][A-Za-z0-9_]{1,15}", fullmatch=True),
       st.sampled_from(["@{}", "harga @ Rp{}", "logo@2x.png", "@{} di Instagram", "ikuti @{}.",
                        "lihat berkas {}.pdf"]))
def test_handles_and_prices_are_not_email_addresses(word, sentence):
    """200 generated cases."""
    assert find(sentence.format(word)) is None


# --- a NIK over several cells, columns named for personal data ----------------------------------------

@MANY
@given(st.data())
def test_a_nik_split_over_cells_of_one_row_is_found(data):
    """400 generated cases: a valid NIK or NIP cut into 2–4 cells (each written freely, without
    letters), beside other cells; at least one of its cells is free text."""
    digits = data.draw(st.one_of(niks(), nips()))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(digits) - 1), min_size=1, max_size=3)))
    pieces = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    cells = [data.draw(written(piece, letters=False, context=False)) if len(piece) > 1 else piece
             for piece in pieces]
    assume(all(find(cell) is None for cell in cells))  # a piece that is itself a phone: found anyway
    free = [data.draw(st.booleans()) for _ in cells]
    free[data.draw(st.integers(0, len(cells) - 1))] = True
    before = data.draw(st.sampled_from([[], ["Klari"], ["sensus"]]))
    found = split_number(before + cells + ["dibulatkan"], [True] * len(before) + free + [True])
    assert found is not None and found[1] == list(range(len(before), len(before) + len(cells)))


@MANY
@given(st.sampled_from(CODES), st.integers(1990, 2030),
       st.lists(st.integers(0, 10**7), min_size=1, max_size=4),
       st.sampled_from(["", "Sensus Penduduk", "angka sementara", "proyeksi BPS"]))
def test_codes_years_and_figures_in_one_row_are_not_a_split_nik(code, year, figures, note):
    """400 generated cases: a row of a code, a year, figures and a note without digits."""
    cells = [f"{code[:2]}.{code[2:4]}.{code[4:]}", str(year), *map(str, figures), note]
    assert split_number(cells, [False, False, *[False] * len(figures), True]) is None


PERSONAL_COLUMNS = [["nik"], ["no", "kk"], ["nomor", "kk"], ["telepon"], ["nomor", "telepon"], ["hp"],
                    ["no", "hp"], ["wa"], ["nomor", "wa"], ["whatsapp"], ["email"], ["e", "mail"], ["surel"],
                    ["nip"], ["alamat", "rumah"], ["alamat", "pribadi"], ["tanggal", "lahir"], ["no", "ktp"],
                    ["npwp"], ["nomor", "kartu", "keluarga"], ["telp"], ["handphone"],
                    ["nomor", "induk", "kependudukan"], ["nomor", "induk", "pegawai"]]
ORDINARY_COLUMNS = [["nama", "kecamatan"], ["kode", "pos"], ["jumlah", "kk"], ["jumlah", "penduduk"],
                    ["hektar"], ["sumber"], ["periode"], ["teknik"], ["alamat", "kantor"], ["catatan"],
                    ["nama", "kepala", "desa"], ["jumlah", "rumah"], ["wajib", "pajak"], ["kode", "desa"]]


@st.composite
def column_spellings(draw, words: list[str]) -> str:
    """A column name in any case and separator: nik, NIK, No. KK, NomorHP, e-Mail, nomor_wa_ayah."""
    extra = draw(st.sampled_from([[], ["ayah"], ["ibu"], ["kepala", "desa"]]))
    words = words + extra if draw(st.booleans()) else extra + words
    case = draw(st.sampled_from(["lower", "upper", "title", "camel"]))
    cased = [w.upper() if case == "upper" else w.title() if case in ("title", "camel") else w for w in words]
    if case == "camel":
        return cased[0].lower() + "".join(cased[1:])
    separator = draw(st.sampled_from(["_", "-", " ", ".", ". ", "–", "\u00a0"]))
    return separator.join(cased)


@MANY
@given(st.data())
def test_columns_named_for_personal_data_are_refused_in_any_spelling(data):
    """400 generated cases."""
    assert is_personal_column(data.draw(column_spellings(data.draw(st.sampled_from(PERSONAL_COLUMNS)))))


@SOME
@given(st.data())
def test_ordinary_columns_pass_in_any_spelling(data):
    """200 generated cases."""
    assert not is_personal_column(data.draw(column_spellings(data.draw(st.sampled_from(ORDINARY_COLUMNS)))))
