"""The staff guide to the template pack (the content page panduan-templat), written from the pack.

Every template, the official item it implements, its status and what is practice or inferred
come from the templates' own hints, so the guide cannot say something the pack does not do; a
test compares the committed page with `guide_page()` and fails when either changed alone.
"""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..validation.template_hints import FORM_BOOKS
from .pack import Template, coverage, templates

SLUG = "panduan-templat"
HEADER = (
    "Title: Panduan templat monografi\n"
    f"Slug: {SLUG}\n"
    "Summary: Templat resmi untuk Buku Monografi Desa/Kelurahan, Kecamatan Dalam Angka, dan monografi "
    "kecamatan: butir resmi yang diterapkan setiap templat, statusnya, dan apa yang masih praktik atau "
    "disimpulkan.\n")
INTRO = """\
Halaman ini untuk staf kantor desa, kelurahan, dan kecamatan. Paket templat berisi tabel kosong
yang mengikuti monografi yang sudah diisi kantor: *Buku Monografi Desa/Kelurahan* menurut
Permendagri 13/2012 (identitas dan bagian A sampai F), tabel per desa/kelurahan dari BPS
*Kecamatan Dalam Angka* (bab 1 sampai 7), tabel milik kantor kecamatan sendiri, serta daftar kode
bersama (agama, pendidikan, pekerjaan, kelompok umur, jenis sekolah, sarana kesehatan, tempat
ibadah, dan lainnya).

- **Templat dikirim kosong**: hanya baris judul kolom, tanpa satu angka pun. Angka diisi kantor
  dari sumbernya, dengan kode sumber di kolom `sumber`.
- **Tidak menimpa apa pun**: templat dipasang ke `datasets/` semuanya atau tidak sama sekali, dan
  ditolak bila tabel dengan nama yang sama sudah ada. Daftar kode yang dirujuk ikut terpasang.
- **Data pribadi tidak dimuat**: nama pejabat boleh terbit; NIP, NIK, nomor KK, nomor telepon,
  dan alamat rumah tidak punya kolom dan ditolak di kolom mana pun.
- **Periode**: tabel Buku Monografi memakai kolom `periode` berisi bulan keadaan (`2025-06`),
  seperti kepala formulir "keadaan pada bulan … tahun …"; tabel Kecamatan Dalam Angka memakai
  `tahun` (sekolah: `tahun_ajaran`); tabel kecamatan format lama memakai semester (`2024-S2`).
- **Penjumlahan ke kecamatan**: petunjuk `rekap` setiap tabel desa/kelurahan menyebut kolom yang
  boleh dijumlahkan menjadi angka kecamatan; jarak, rata-rata, dan teks tidak pernah dijumlahkan.

## Arti status

- **terkonfirmasi** — butirnya terlihat di salinan formulir atau terbitan resmi.
- **praktik** — dipakai kantor dalam praktik, tetapi bukan ketentuan peraturan yang terbaca.
- **disimpulkan** — disusun portal dari acuan yang ada; periksa sebelum dianggap baku.

Dasar acuannya: butir Form 2 (*Buku Monografi Kelurahan*) dari salinan lampiran peraturan yang
dipakai aplikasi monografi sebuah pemerintah kota; butir Form 1 (*Buku Monografi Desa*) dari
aplikasi desa yang menirunya; nomor tabel Kecamatan Dalam Angka dari satu terbitan nyata BPS
(*Kecamatan Ajung Dalam Angka 2022*) — daftar tabelnya berbeda antarkabupaten, jadi nomor di sini
hanya petunjuk; tabel kecamatan format lama dari monografi satu kecamatan (2018).

Yang tidak terbaca sama sekali: isi pasal Permendagri 13/2012 (termasuk seberapa sering buku
diperbarui dan aturan penjumlahan dari desa ke kecamatan), teks Form 1 (buku desa; butirnya
diambil dari aplikasi yang menirunya), dan peraturan nasional tentang monografi kecamatan.
Karena itu frekuensi pengisian dan penjumlahan ke kecamatan di portal ini adalah praktik, bukan
ketentuan.
"""
LEVELS = {"desa": "per desa/kelurahan", "kecamatan": "per kecamatan"}
PERIODS = {"bulan": "per bulan keadaan", "semester": "per semester", "tahun": "per tahun",
           "tahun_ajaran": "per tahun ajaran"}


def page_path(project: Project) -> Path:
    """Where the page lives in a project: with the other pages of content/."""
    return project.content / "pages" / f"{SLUG}.md"


def guide_page() -> str:
    """The whole Markdown page, in the order of the official forms."""
    parts = [HEADER, INTRO]
    pack = templates()
    sections = coverage()
    for book_id, book in FORM_BOOKS.items():
        parts.append(f"## {book.title}\n")
        for section_id, title in book.sections.items():
            label = title if section_id == "identitas" else f"{section_id}. {title}"
            parts.append(f"### {label}\n")
            parts.extend(_item(t) for t in pack if t.layout and t.layout[:2] == (book_id, section_id))
            gap = sections.get(f"{book_id}/{section_id}", {}).get("belum")
            if gap:
                parts.append(f"Belum ada templatnya: {gap}\n")
    parts.append("## Daftar kode bersama\n")
    parts.append("Kolom golongan di tabel lain (agama, pendidikan, kelompok umur, …) ditulis persis "
                 "seperti kolom `nama` daftar ini; `check` menolak isian lain.\n")
    parts.extend(_item(t) for t in pack if t.is_code_list)
    return "\n".join(parts)


def _item(item: Template) -> str:
    """One list item: the table, then one paragraph per official item (one level of indent, so
    the text keeps the width of a phone screen)."""
    where = [f"tabel `{item.name}`"]
    if item.level:
        where += [LEVELS[item.level], PERIODS[item.entry["periode"]]]
    else:
        where.append(f"{len(item.rows)} kode")
    parts = [f"- **{item.entry['title']}** — {', '.join(where)}."]
    for reference in item.references:
        note = f" {reference['catatan']}" if reference.get("catatan") else ""
        parts.append(f"    {reference['dokumen']}, {reference['butir']}: **{reference['status']}**.{note}")
    return "\n\n".join(parts) + "\n"
