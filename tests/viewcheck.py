"""What a reader can see of the numbers on a page (issue 18: every number in view), measured.

The measuring runs in the page (tests/viewcheck.js, evaluated through Playwright) because only
the browser knows where a table's scroll edge is and on which line a digit landed; these
wrappers return plain dicts that bench/tampilan.py prints and browser tests assert on.

- `cells`: table cells behind a scroll edge (of their scroll box or of the viewport).
- `numbers`: number tokens broken across lines, or reaching behind a scroll edge.
- `layout`: sideways scroll, page height, header height, first data row against the column
  rules, repeated headline-card labels, tall table rows.
- `print_check`: an A4 print through Chromium, read back page by page with pypdf.
- `first_search_result`: the first Pagefind hit on the search page, for `query_variants`.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit

WIDTHS = (320, 390, 1366)
SCREEN_HEIGHT = 844  # a common phone screen (the "200 of 844 px")
SCRIPT = (Path(__file__).with_name("viewcheck.js")).read_text(encoding="utf-8")


def _call(page, function: str, arg=None):
    """Run one function of viewcheck.js in the page (the library is sent with every call, so
    nothing is left behind in the page and navigation needs no re-injection)."""
    return page.evaluate(f"(arg) => {{ {SCRIPT}\nreturn {function}(arg); }}", arg)


def open_page(page, url: str) -> None:
    """Load a page as a reader ends up seeing it: network quiet and every image (lazy ones
    included) loaded, so heights and positions no longer move."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]')"
                  ".forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every(i => i.complete)")


def cells(page) -> dict:
    """{total, numeric, behind: [{text, numeric, starts_behind, hidden_px, edge, …}]} over every
    rendered table cell (cells in a closed <details> are not rendered, so not counted).

    A cell is behind a scroll edge when its box starts at or past the right edge of the band
    visible without scrolling sideways, or any of its text lies outside that band. A cell is
    numeric when it has class `angka` or its text is one Indonesian number with an optional
    short unit (years, codes and periods are not)."""
    return _call(page, "cells")


def numbers(page, root: str | None = None) -> dict:
    """{total, broken: [{number, value, lines, context}], behind: [{number, hidden_px, edge,
    context}]} over every number token of the visible text under `root` (a selector; default
    body), code blocks, addresses and screen-reader-only text excluded. A token is broken when
    its characters' client rects (Range.getClientRects) lie on more than one line; `value` says
    it is a figure (1.918,64) rather than a code, period or decree number."""
    return _call(page, "numbers", root)


def layout(page, *, tall_row_px: int = 80, card_labels: str = "ul.kartu .judul",
           header: str = "header.kepala", data_row: str | None = None,
           rules: str | None = None) -> dict:
    """Page geometry: viewport, scroll_width, overflow (sideways scroll in px), height,
    header_height, first_data_row_y and rules_y (document y; None when absent or folded),
    card_labels and repeated_labels, rows and tall_rows (taller than `tall_row_px`).

    Without selectors, the rules are a table with an "Aturan…"/"Tipe" column or a heading or
    fold titled "Struktur kolom", "Standar data" or "Aturan…", and the first data row is the
    first body row of another rendered table in <main>."""
    return _call(page, "layout", {"tallRowPx": tall_row_px, "cardLabels": card_labels,
                                  "header": header, "dataRow": data_row, "rules": rules})


def measure(page) -> dict:
    """`cells`, `numbers` and `layout` of the loaded page, in one dict."""
    return {"cells": cells(page), "numbers": numbers(page), "layout": layout(page)}


def _flat(text: str | None) -> str:
    """Text with every space and line break removed (NFKC): PDF extraction breaks lines and
    splits words differently from the DOM, so texts are compared without them."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, top to bottom (pypdf's layout mode orders text by position)."""
    from pypdf import PdfReader

    return [p.extract_text(extraction_mode="layout") for p in PdfReader(io.BytesIO(pdf)).pages]


def _stranded(text: str, headings: list[str]) -> str | None:
    """The heading that is the last text of a page (up to its last three lines), if any."""
    lines = [line for line in text.splitlines() if line.strip()]
    flat_headings = {_flat(h): " ".join(h.split()) for h in headings if _flat(h)}
    for count in range(1, min(3, len(lines)) + 1):
        tail = _flat("".join(lines[-count:]))
        if tail in flat_headings:
            return flat_headings[tail]
    return None


def analyse_print(pages: list[str], footer: str, citation: str | None,
                  headings: list[str]) -> dict:
    """What an A4 print shows, from the text of its pages.

    footer_only_last: the last page holds nothing but (a part of) the footer; blank_pages: pages
    without text; citation_printed: None without a citation on the page, else whether its whole
    text is in the print; stranded: (page, heading) where a heading ends a page that is not
    the last."""
    flat = [_flat(p) for p in pages]
    last = flat[-1] if flat else ""
    stranded = [(number, heading) for number, text in enumerate(pages[:-1], 1)
                if (heading := _stranded(text, headings))]
    return {
        "pages": len(pages),
        "blank_pages": [n for n, text in enumerate(flat, 1) if not text],
        "footer_only_last": bool(last) and len(pages) > 1 and last in _flat(footer),
        "citation_printed": None if citation is None else _flat(citation) in "".join(flat),
        "stranded": stranded,
        "last_page": " ".join(unicodedata.normalize("NFKC", pages[-1]).split())[:120] if pages else "",
    }


def print_check(page, *, footer: str = "footer", citation: str = "blockquote.kutipan") -> dict:
    """Print the loaded page to A4 as Chromium's print dialog would (the page's own @page size
    and margins) and analyse it (`analyse_print`); `pdf` holds the bytes for a person to view."""
    page.emulate_media(media="print")
    try:
        texts = _call(page, "printTexts", {"footer": footer, "citation": citation})
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.emulate_media(media="screen")
    result = analyse_print(pdf_pages(pdf), texts["footer"], texts["citation"], texts["headings"])
    return result | {"pdf": pdf}


def site_pages(site: Path) -> list[str]:
    """Every page of a built site's sitemap, as paths without the leading slash."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [re.sub(r"^https?://[^/]+/?", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


def kecamatan_names(site: Path) -> dict[str, str]:
    """{page path: kecamatan name} of a built site, the name read from each page's <h1>."""
    names = {}
    for path in site_pages(site):
        if re.fullmatch(r"kecamatan/[^/]+/", path):
            text = (site / path / "index.html").read_text(encoding="utf-8")
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
            names[path] = html.unescape(re.sub(r"<[^>]+>", "", heading[1])).removeprefix("Kecamatan ").strip()
    return names


# Words that Karawang's compound names are made of, so a name can be written with an extra
# space the way people type it ("Teluk Jambe", "Rengas Dengklok", "Lemah Abang").
NAME_PARTS = ("teluk", "rengas", "batu", "tirta", "pakis", "jati", "telaga", "rawa", "lemah",
              "tegal", "purwa", "kuta", "banyu", "jaya")


def query_variants(name: str) -> dict[str, str]:
    """Spellings of an area name a reader may search with, each differing from `name`:
    lower case, without spaces, hyphenated, with an extra space inside a compound word, and
    with the "kec." prefix. A variant equal to the name or to an earlier variant is left out."""
    split = name
    for word in name.split():
        part = next((p for p in NAME_PARTS if word.lower().startswith(p) and len(word) > len(p) + 2), None)
        if part:
            split = name.replace(word, f"{word[:len(part)]} {word[len(part):].lower()}", 1)
            break
    variants = {"huruf_kecil": name.lower(), "tanpa_spasi": name.replace(" ", "").lower(),
                "tanda_hubung": name.replace(" ", "-"), "spasi_tambahan": split,
                "awalan_kec": f"kec. {name.lower()}"}
    kept: dict[str, str] = {}
    for kind, query in variants.items():
        if query not in (name, *kept.values()):
            kept[kind] = query
    return kept


SEARCH_DONE = """() => {
  const message = document.querySelector('.pagefind-ui__message');
  if (!message || /^(Mencari|Searching)/.test(message.textContent.trim())) return false;
  const first = document.querySelector('.pagefind-ui__result');
  return !first || !!first.querySelector('a.pagefind-ui__result-link[href]');
}"""


def first_search_result(page, base: str, query: str, timeout: float = 15000) -> str | None:
    """The path of the first result the search page shows for `query` (None: no result)."""
    page.goto(f"{base}/cari/?q={quote(query)}")
    page.wait_for_function(SEARCH_DONE, timeout=timeout)
    href = page.evaluate("""() => { const a = document.querySelector(
        '.pagefind-ui__result a.pagefind-ui__result-link'); return a && a.getAttribute('href'); }""")
    return urlsplit(href).path if href else None
