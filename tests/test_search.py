"""What Pagefind indexes: the snippet text readers see under each search result."""

from __future__ import annotations

import gzip
import html
import json
import re

PAGE_TYPES = ("kecamatan/32-15-01/", "desa/32-15-05-2001/", "data/luas_kecamatan/", "api/",
              "indikator/luas_kecamatan-luas_km2/", "data/luas_kecamatan/riwayat/", "kelengkapan/")


def fragments(site) -> dict[str, str]:
    """Indexed text per page URL (Pagefind fragments are gzip with a short signature)."""
    result = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        result[fragment["url"].strip("/") + "/"] = fragment["content"]
    return result


def labels(page: str) -> set[str]:
    """Texts of label cells (dt, th): each must be followed by a space in the snippet."""
    found = re.findall(r"<(?:dt|th)\b[^>]*>(.*?)</(?:dt|th)>", page, re.S)
    return {t for t in (html.unescape(re.sub(r"<[^>]+>", "", f)).strip() for f in found)
            if len(t) >= 4}


def test_snippets_separate_labels_from_values_on_every_page(built_site):
    content = fragments(built_site)
    assert {p for p in PAGE_TYPES} <= content.keys()
    joined = []
    for url, text in content.items():
        page = built_site / url / "index.html"
        for label in labels(page.read_text("utf-8")) if page.is_file() else ():
            match = re.search(rf"(?<!\w){re.escape(label)}[A-Z0-9(]", text)
            if match:
                joined.append((url, text[match.start():match.end() + 20]))
    assert joined == []
    assert "Nama Duren Tingkat desa" in content["desa/32-15-05-2001/"]


def test_snippets_leave_out_the_print_cover_and_the_citation(built_site):
    text = fragments(built_site)["kecamatan/32-15-05/"]
    assert text.startswith("Kecamatan Klari")
    assert "Buku Monografi" not in text and "BibTeX" not in text
