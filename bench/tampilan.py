"""How much of its numbers the bundled portal shows (issue 18), page type by page type, measured
in Chromium at 320, 390 and 1366 px with tests/viewcheck.py.

    python bench/tampilan.py [--situs output/] [--desa 10] [--json bench/hasil-tampilan.json]
    python bench/tampilan.py --dari bench/hasil-tampilan-sebelum.json   # reprint, no measuring

Builds the bundled (real) Karawang project in a temporary folder unless --situs names a built
site, serves it, and visits every page of its sitemap (a sample of --desa desa pages), the
search results page and the 404 page at each width; prints every kecamatan to A4; and asks the
search page for each kecamatan by its name and by other spellings. Prints one table of the
figures the issue quotes, next to the issue's figures and targets, and writes all measurements
as JSON. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from tests import viewcheck  # noqa: E402

SEARCH_PAGE = "cari/?q=Klari"
# Spellings the issue itself reports (query → kecamatan codes any of which may come first).
ISSUE_QUERIES = {"teluk jambe": ("32-15-03", "32-15-27"), "cilamayawetan": ("32-15-15",)}
PRINTED = {"32-15-01": "Karawang Barat", "32-15-05": "Klari"}  # the two the figures name
PAGE_TYPES = [  # (type, path pattern), first match wins
    ("beranda", r""), ("kecamatan", r"kecamatan/[^/]+/"), ("desa", r"desa/[^/]+/"),
    ("daftar-data", r"data/"), ("riwayat", r"data/[^/]+/riwayat/"), ("dataset", r"data/[^/]+/"),
    ("daftar-indikator", r"indikator/"), ("indikator", r"indikator/[^/]+/"),
    ("kelengkapan", r"kelengkapan/"), ("sumber", r"sumber/"), ("cari", r"cari/(\?.*)?"),
    ("rilis", r"rilis/"), ("api", r"api/"), ("pembaruan", r"pembaruan/(.+/)?"), ("404", r"404\.html"),
]


def page_type(path: str) -> str:
    return next((kind for kind, pattern in PAGE_TYPES if re.fullmatch(pattern, path)), "konten")


def pages_of(site: Path, desa: int) -> list[str]:
    """Every page of the sitemap (paths without a leading slash), `desa` desa pages spread evenly
    over the list, the search page showing results, and the 404 page."""
    paths = viewcheck.site_pages(site)
    villages = [p for p in paths if page_type(p) == "desa"]
    sample = [villages[i * len(villages) // desa] for i in range(min(desa, len(villages)))]
    return [p for p in paths if page_type(p) != "desa"] + sample + [SEARCH_PAGE, "404.html"]


def built_site(folder: Path) -> Path:
    """The bundled project built afresh in `folder` (real data; the repository is not touched)."""
    from run import copy_inputs

    from monografi.publishing.pipeline import build

    project = copy_inputs(REPO, folder / "proyek")
    result = build(project, project / "output", quiet=True, workers=1)
    if not result.ok:
        sys.exit(result.report.format_text())
    return project / "output"


def _page_record(page, path: str, width: int) -> dict:
    measured = viewcheck.measure(page)
    cells, numbers, layout = measured["cells"], measured["numbers"], measured["layout"]
    return {
        "halaman": path, "jenis": page_type(path), "lebar": width,
        "sel": cells["total"], "sel_angka": cells["numeric"],
        "sel_di_balik_tepi": len(cells["behind"]),
        "sel_mulai_di_balik_tepi": sum(c["starts_behind"] for c in cells["behind"]),
        "sel_angka_perlu_geser": sum(c["numeric"] for c in cells["behind"]),
        "contoh_sel": cells["behind"][:3],
        "angka": numbers["total"], "angka_terpotong": numbers["broken"],
        "angka_di_balik_tepi": len(numbers["behind"]),
        "geser_halaman": layout["overflow"], "tinggi": layout["height"],
        "tinggi_kepala": layout["header_height"], "baris_data_y": layout["first_data_row_y"],
        "aturan_y": layout["rules_y"], "label_berulang": layout["repeated_labels"],
        "baris": layout["rows"], "baris_tinggi": len(layout["tall_rows"]),
        "baris_tertinggi": max((r["height"] for r in layout["tall_rows"]), default=None),
    }


def measure_site(site: Path, desa: int, search: bool, printing: bool, shots: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, _serve

    serving = _serve(site)
    base = next(serving)
    paths = pages_of(site, desa)
    data = {"halaman": [], "cetak": [], "cari": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in viewcheck.WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": viewcheck.SCREEN_HEIGHT},
                                          locale="id-ID")
            page = context.new_page()
            for path in paths:
                viewcheck.open_page(page, f"{base}/{path}")
                data["halaman"].append(_page_record(page, path, width))
                if shots:
                    name = re.sub(r"[^a-z0-9-]+", "-", path).strip("-") or "beranda"
                    page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
                print(f"\r{width} px: {path:<60}", end="", file=sys.stderr, flush=True)
            context.close()
        print(file=sys.stderr)
        kecamatan = viewcheck.kecamatan_names(site)
        page = browser.new_page(viewport={"width": 1366, "height": viewcheck.SCREEN_HEIGHT})
        if printing:
            for path, name in kecamatan.items():
                viewcheck.open_page(page, f"{base}/{path}")
                printed = viewcheck.print_check(page)
                printed.pop("pdf")
                data["cetak"].append({"halaman": path, "nama": name} | printed)
        if search:
            for path, name in kecamatan.items():
                for kind, query in {"nama": name, **viewcheck.query_variants(name)}.items():
                    first = viewcheck.first_search_result(page, base, query)
                    data["cari"].append({"halaman": path, "nama": name, "ejaan": kind, "kueri": query,
                                         "pertama": first, "tepat": first == f"/{path}"})
            for query, codes in ISSUE_QUERIES.items():
                first = viewcheck.first_search_result(page, base, query)
                data["cari"].append({"halaman": None, "nama": None, "ejaan": "contoh_isu", "kueri": query,
                                     "pertama": first,
                                     "tepat": any(first == f"/kecamatan/{c}/" for c in codes)})
        browser.close()
    next(serving, None)
    return data


def _at(records: list[dict], width: int, **match) -> list[dict]:
    return [r for r in records if r["lebar"] == width and all(r[k] == v for k, v in match.items())]


def _one(records: list[dict], width: int, path: str, key: str):
    found = _at(records, width, halaman=path)
    return found[0][key] if found else None


def summarise(data: dict) -> dict:
    """The figures the issue quotes, from the per-page measurements."""
    pages = data["halaman"]
    summary = {"halaman_per_lebar": len(_at(pages, 1366))}
    for width in viewcheck.WIDTHS:
        at = _at(pages, width)
        summary[width] = {
            "sel": sum(r["sel"] for r in at), "sel_di_balik_tepi": sum(r["sel_di_balik_tepi"] for r in at),
            "sel_mulai_di_balik_tepi": sum(r["sel_mulai_di_balik_tepi"] for r in at),
            "sel_angka": sum(r["sel_angka"] for r in at),
            "sel_angka_perlu_geser": sum(r["sel_angka_perlu_geser"] for r in at),
            "angka": sum(r["angka"] for r in at),
            "angka_terpotong": sum(len(r["angka_terpotong"]) for r in at),
            "angka_terpotong_nilai": sum(sum(b["value"] for b in r["angka_terpotong"]) for r in at),
            "angka_di_balik_tepi": sum(r["angka_di_balik_tepi"] for r in at),
            "halaman_geser": sum(r["geser_halaman"] > 0 for r in at),
            "baris_tinggi": sum(r["baris_tinggi"] for r in at),
            "baris_tertinggi": max((r["baris_tertinggi"] or 0 for r in at), default=0),
            "tinggi_beranda": _one(pages, width, "", "tinggi"),
            "tinggi_kepala": max((r["tinggi_kepala"] or 0 for r in at), default=0),
        }
    datasets = _at(pages, 390, jenis="dataset")
    empty = [r for r in datasets if r["baris_data_y"] is None]
    summary["dataset"] = {
        "jumlah": len(datasets),
        "data_setelah_aturan": sum(r["baris_data_y"] is not None and r["aturan_y"] is not None
                                   and r["baris_data_y"] > r["aturan_y"] for r in datasets),
        "penduduk_kecamatan_390": {k: _one(pages, 390, "data/penduduk_kecamatan/", k)
                                   for k in ("baris_data_y", "aturan_y", "tinggi")},
        "kosong": {r["halaman"]: {w: _one(pages, w, r["halaman"], "tinggi") for w in (390, 1366)}
                   for r in empty},
    }
    summary["label_berulang"] = sorted({r["halaman"] for r in pages if r["label_berulang"]})
    printed = data["cetak"]
    summary["cetak"] = {
        "kecamatan": len(printed),
        "halaman": {p["nama"]: p["pages"] for p in printed if p["halaman"].split("/")[1] in PRINTED},
        "kaki_saja": sorted(p["nama"] for p in printed if p["footer_only_last"]),
        "kutipan_tercetak": sum(bool(p["citation_printed"]) for p in printed),
        "judul_terdampar": sum(len(p["stranded"]) for p in printed),
    }
    tally = Counter((s["ejaan"], s["tepat"]) for s in data["cari"])
    summary["cari"] = {kind: {"tepat": tally[kind, True], "dari": tally[kind, True] + tally[kind, False]}
                       for kind in dict.fromkeys(s["ejaan"] for s in data["cari"])}
    return summary


def report(data: dict) -> str:
    s = summarise(data)
    w320, w390, w1366 = s[320], s[390], s[1366]
    ds, pr = s["dataset"], s["cetak"]
    pk = ds["penduduk_kecamatan_390"]
    rows = [
        ("Halaman diukur per lebar", s["halaman_per_lebar"], ""),
        ("Sel tabel di balik tepi gulir, 1366 px", f"{w1366['sel_di_balik_tepi']} dari {w1366['sel']}"
         f" ({w1366['sel_mulai_di_balik_tepi']} mulai di baliknya)", "≈160 dari 1.860 → 0"),
        ("Sel angka perlu digeser, 390 px", f"{w390['sel_angka_perlu_geser']} dari {w390['sel_angka']}",
         "≈180 dari 420 → 0"),
        ("Sel angka perlu digeser, 320 px", f"{w320['sel_angka_perlu_geser']} dari {w320['sel_angka']}",
         "≈205 → 0"),
    ]
    for width in viewcheck.WIDTHS:
        w = s[width]
        rows += [(f"Angka terpotong baris, {width} px",
                  f"{w['angka_terpotong']} dari {w['angka']} ({w['angka_terpotong_nilai']} nilai)", "→ 0"),
                 (f"Angka di balik tepi gulir, {width} px", w["angka_di_balik_tepi"], "→ 0"),
                 (f"Halaman menggulir ke samping, {width} px", w["halaman_geser"], "→ 0"),
                 (f"Baris tabel > 80 px, {width} px",
                  f"{w['baris_tinggi']} (tertinggi {w['baris_tertinggi']} px)", "80–280 px")]
    rows += [
        ("Tinggi beranda, 1366 px", w1366["tinggi_beranda"], "≈6.500 → ≤ 5.000"),
        ("Tinggi beranda, 390 px", w390["tinggi_beranda"], "≈9.400 → ≤ 8.000"),
        ("Tinggi kepala (ponsel), 390 / 320 px", f"{w390['tinggi_kepala']} / {w320['tinggi_kepala']}",
         "≈200 → ≤ 120"),
        ("/data/penduduk_kecamatan/ 390 px: baris data pertama y / tinggi",
         f"{pk['baris_data_y']} / {pk['tinggi']} (aturan kolom y {pk['aturan_y']})", "≈7.400 / 8.500"),
        ("Halaman dataset: data sesudah aturan kolom",
         f"{ds['data_setelah_aturan']} dari {ds['jumlah']}", "→ 0"),
    ]
    rows += [(f"Dataset kosong {path}: tinggi 390 / 1366 px", f"{h[390]} / {h[1366]}", "≈6.700")
             for path, h in ds["kosong"].items()]
    rows += [("Halaman dengan label kartu berulang", len(s["label_berulang"]), "→ 0")]
    rows += [(f"Cetak A4 {name}: halaman", count, "") for name, count in pr["halaman"].items()]
    rows += [
        ("Kecamatan tercetak dengan halaman akhir hanya kaki",
         f"{len(pr['kaki_saja'])} dari {pr['kecamatan']}", "→ 0"),
        ("Kecamatan tercetak dengan kutipan", f"{pr['kutipan_tercetak']} dari {pr['kecamatan']}", "→ semua"),
        ("Judul terdampar di bawah halaman cetak", pr["judul_terdampar"], "→ 0"),
    ]
    rows += [(f"Cari: halaman kecamatan pertama ({kind})", f"{t['tepat']} dari {t['dari']}", "→ semua")
             for kind, t in s["cari"].items()]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'Ukuran':<{width}}  {'Hasil':<38}  Isu → target", "-" * (width + 56)]
    lines += [f"{label:<{width}}  {value!s:<38}  {issue}" for label, value, issue in rows]
    return "\n".join(lines) + "\n\n" + by_type(data["halaman"])


def by_type(pages: list[dict]) -> str:
    """Where the figures come from: per page type, the same counts summed over its pages."""
    columns = [("sel di balik tepi 1366", 1366, "sel_di_balik_tepi"),
               ("sel angka geser 390", 390, "sel_angka_perlu_geser"),
               ("sel angka geser 320", 320, "sel_angka_perlu_geser"),
               ("angka terpotong 390", 390, "angka_terpotong"),
               ("angka terpotong 320", 320, "angka_terpotong"),
               ("tinggi maks. 390", 390, "tinggi")]
    kinds = list(dict.fromkeys(r["jenis"] for r in pages))
    lines = ["Jenis halaman     halaman  " + "  ".join(title for title, _, _ in columns)]
    for kind in kinds:
        cells = []
        for title, width, key in columns:
            values = [r[key] for r in _at(pages, width, jenis=kind)]
            figure = (max(values) if key == "tinggi" else
                      sum(len(v) for v in values) if key == "angka_terpotong" else sum(values))
            cells.append(f"{figure:>{len(title)}}")
        lines.append(f"{kind:<17} {len(_at(pages, 1366, jenis=kind)):>7}  " + "  ".join(cells))
    return "\n".join(lines)


def dump(data: dict) -> str:
    """JSON with one line per measured page, print or search (a diff shows which changed)."""
    def line(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = [f" {line(key)}: [\n  " + ",\n  ".join(line(v) for v in value) + "\n ]"
             if isinstance(value, list) and value and isinstance(value[0], dict)
             else f" {line(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}"
             for key, value in data.items()]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--situs", type=Path,
                        help="a built site to measure (default: build the bundled project)")
    parser.add_argument("--desa", type=int, default=10, help="how many desa pages (spread evenly)")
    parser.add_argument("--json", type=Path, help="write the measurements here")
    parser.add_argument("--dari", type=Path, help="reprint the table of a saved JSON, without measuring")
    parser.add_argument("--tanpa-cari", action="store_true", help="skip the search measurements")
    parser.add_argument("--tanpa-cetak", action="store_true", help="skip printing the kecamatan")
    parser.add_argument("--gambar", type=Path, help="save a full-page screenshot of each page and width here")
    args = parser.parse_args(argv)
    if args.dari:
        print(report(json.loads(args.dari.read_text(encoding="utf-8"))))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        site = args.situs or built_site(Path(folder))
        if args.gambar:
            args.gambar.mkdir(parents=True, exist_ok=True)
        data = measure_site(site, args.desa, not args.tanpa_cari, not args.tanpa_cetak, args.gambar)
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    data = {"commit": commit, "lebar": list(viewcheck.WIDTHS), **data}
    data["ringkasan"] = summarise(data)
    print(report(data))
    if args.json:
        args.json.write_text(dump(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
