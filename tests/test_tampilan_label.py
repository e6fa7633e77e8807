"""Honest labels (issue 18): no repeated headline label on a page, one source and period for a
list that places areas side by side, an older figure quoted later said to be one, and no
ranking of fewer than MIN_RANKED areas."""

from __future__ import annotations

import csv
import re

from hypothesis import given
from hypothesis import strategies as st

from monografi import fmt
from monografi.model.headlines import is_approximate, is_quoted
from monografi.model.indicators import MIN_RANKED
from tests.conftest import REPO
from tests.htmlparse import read_page


def _labels(html: str) -> list[str]:
    return [" ".join(t.split()).lower() for t in re.findall(r'<span class="judul">([^<]*)</span>', html)]


def test_no_area_page_repeats_a_headline_label(built_site):
    pages = [built_site / "index.html", *sorted(built_site.glob("kecamatan/*/index.html")),
             *sorted(built_site.glob("desa/*/index.html"))]
    for page in pages:
        labels = _labels(page.read_text(encoding="utf-8"))
        assert len(labels) == len(set(labels)), (page, labels)
    home = _labels((built_site / "index.html").read_text(encoding="utf-8"))
    assert "penduduk kabupaten (bps)" in home and "penduduk terdaftar kabupaten (dukcapil)" in home


def test_the_kecamatan_list_uses_one_source_and_period_and_says_which(built_site):
    page = read_page(built_site / "index.html")
    caption = next(line for line in page.text.split("Angka: ")[1:2])
    assert "2011" in caption and "S3" in caption and "30 dari 30" in caption
    with open(REPO / "datasets" / "luas_kecamatan.csv", encoding="utf-8") as f:
        s3 = {r["kode_kecamatan"]: fmt.angka(float(r["luas_km2"]))
              for r in csv.DictReader(f) if r["sumber"] == "S3" and r["tahun"] == "2011"}
    html = (built_site / "index.html").read_text(encoding="utf-8")
    item = r'href="[^"]*kecamatan/(32-15-\d\d)/">[^<]*</a> <span class="angka-kecil">([^<]*)<'
    shown = dict(re.findall(item, html))
    assert {code.replace("-", "."): value for code, value in shown.items()} == s3


def test_an_older_figure_quoted_later_is_labelled_so(built_site):
    klari = read_page(built_site / "kecamatan" / "32-15-05" / "index.html").text
    assert "angka lama, dikutip 2017" in klari


words = st.text("abcdefghijklmnopqrstuvwxyz ", max_size=30)


@given(before=words, after=words, spelling=st.sampled_from(["angka lama", "Angka lama", "ANGKA LAMA"]))
def test_quoted_and_approximate_notes_are_read_from_whole_words(before, after, spelling):
    assert is_quoted({"catatan": f"{before} {spelling} {after}"})
    other = f"{before} angka lamanya {after}".replace("angka lama ", "")
    assert not is_quoted({"catatan": other})  # only the whole words
    assert not is_quoted({"catatan": None}) and not is_approximate({"catatan": None})


def test_an_indicator_page_never_ranks_fewer_than_the_minimum(built_site):
    for page_path in sorted(built_site.glob("indikator/*/index.html")):
        html = page_path.read_text(encoding="utf-8")
        for section in html.split("<section")[1:]:
            count = re.search(r"Data tersedia untuk (\d+) dari", section)
            if count and int(count[1]) < MIN_RANKED:
                assert "Peringkat</th>" not in section and "belum diperingkat" in section, page_path
