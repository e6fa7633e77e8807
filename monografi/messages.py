"""The words of the interface, in Indonesian first and English second.

A rule of the data carries its own words (monografi.validation.rules, defined next to the check
that raises it); this module keeps what several stages and commands say: the `ui()` table and
the names of the build stages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One thing the tool says, in Indonesian and in English; a rule also says how to fix it.
    Fields, never positions: a text cannot be read in the wrong language by a wrong index."""

    id_text: str
    en_text: str
    id_fix: str = ""
    en_fix: str = ""

    def text(self, lang: str = "id") -> str:
        return self.en_text if lang == "en" else self.id_text

    def fix(self, lang: str = "id") -> str:
        return self.en_fix if lang == "en" else self.id_fix


UI = {
    "report_header": Message("{n} galat dan {warnings} peringatan ditemukan di {files} berkas.",
                      "{n} errors and {warnings} warnings found in {files} files."),
    "warning": Message("PERINGATAN", "WARNING"),
    "report_ok": Message("Semua data sah.", "All data are valid."),
    "row": Message("baris", "row"),
    "column": Message("kolom", "column"),
    "value": Message("nilai", "value"),
    "rule": Message("aturan", "rule"),
    "fix": Message("cara memperbaiki", "how to fix"),
    "build_failed": Message(
        "Pembangunan dibatalkan: situs yang sudah terbit tidak diubah.",
        "Build aborted: the published site was left untouched.",
    ),
    "build_done": Message("Situs selesai dibangun di {path} ({pages} halaman, {secs:.1f} detik).",
                   "Site built in {path} ({pages} pages, {secs:.1f} s)."),
    "busy": Message("Pembangunan lain sedang berjalan; coba lagi nanti.",
             "Another build is running; try again later."),
    # Sharded builds (monografi.publishing.parts)
    "unknown_part": Message("Bagian '{part}' tidak ada di paket ini. Bagian yang ada: {known}.",
                     "Part '{part}' is not in this package. Its parts: {known}."),
    "merge_done": Message("{n} bagian digabung ke {path} ({pages} halaman).",
                   "{n} parts merged into {path} ({pages} pages)."),
    "merge_no_summary": Message(
        "Folder {folder} bukan hasil `build --bagian` (ringkasan _bagian.json tidak ada atau rusak); "
        "bangun bagian itu lagi.",
        "Folder {folder} is not the output of `build --bagian` (its _bagian.json summary is missing or "
        "damaged); build that part again."),
    "merge_part_twice": Message(
        "Bagian {part} diberikan dua kali: {first} dan {second}; berikan sekali saja.",
        "Part {part} was given twice: {first} and {second}; give it once."),
    "merge_other_inputs": Message(
        "Bagian-bagian dibangun dari data atau kode yang berbeda; bangun semua bagian dari commit yang sama.",
        "The parts were built from different data or code; build every part from the same commit."),
    "merge_missing": Message("Bagian belum lengkap: kurang {parts}; tidak dikenal: {extra}.",
                      "Parts incomplete: missing {parts}; unknown: {extra}."),
    "merge_conflict": Message(
        "Berkas {path} berbeda di {first} dan {second}; bangun kedua bagian itu lagi dari commit yang "
        "sama.",
        "File {path} differs between {first} and {second}; rebuild both parts from the same commit."),
    "merge_pages": Message(
        "Ringkasan bagian {part} ({folder}) tidak memuat halaman wilayah yang diharapkan bagian "
        "umum: kurang {missing}; milik bagian lain: {foreign}. Ringkasan itu diubah atau dibangun "
        "dari data lain; bangun bagian itu lagi dari commit yang sama.",
        "The summary of part {part} ({folder}) does not hold the area pages the shared part "
        "expects: missing {missing}; belonging to another part: {foreign}. That summary was edited "
        "or built from other data; build that part again from the same commit."),
    "merge_damaged": Message(
        "Berkas {path} di {folder} hilang atau berubah sejak dibangun; bangun bagian itu lagi.",
        "File {path} in {folder} is missing or changed since it was built; build that part again."),
    "serving": Message("Portal tersedia di http://{host}:{port}/ (Ctrl+C untuk berhenti)",
                "Portal served at http://{host}:{port}/ (Ctrl+C to stop)"),
    "form_written": Message("Formulir Kecamatan {name} ({code}) ditulis ke {path}.",
                     "Form for Kecamatan {name} ({code}) written to {path}."),
    "unknown_kecamatan": Message("Kecamatan {code!r} tidak dikenal. Lihat kode resmi di "
                          "datasets/kecamatan.csv{saran}",
                          "Unknown kecamatan {code!r}. See the official codes in "
                          "datasets/kecamatan.csv{saran}"),
    # --- fill-in forms (formulir.py) ---
    "form_exists": Message("Berkas {path} sudah ada dan tidak ditimpa (mungkin formulir yang sudah diisi). "
                    "Pilih nama lain dengan --keluar, atau tambahkan --timpa bila memang ingin "
                    "menggantinya.",
                    "{path} already exists and was not overwritten (it may be a filled-in form). "
                    "Choose another name with --keluar, or add --timpa to replace it."),
    "form_protected": Message("Formulir tidak boleh ditulis ke {path}: folder {folder}/ milik proyek "
                       "(data, halaman, tema, git atau hasil bangun). Simpan di luar folder itu.",
                       "A form may not be written to {path}: {folder}/ belongs to the project "
                       "(data, pages, theme, git or build). Save it outside that folder."),
    "form_not_xlsx": Message("Nama berkas formulir harus berakhiran .xlsx: {path}.",
                      "The form's file name must end in .xlsx: {path}."),
    "form_no_folder": Message("Folder {path} tidak ada. Buat dulu foldernya atau pilih folder lain untuk "
                       "--keluar.",
                       "Folder {path} does not exist. Create it first or choose another folder "
                       "for --keluar."),
    "form_write_failed": Message("Formulir tidak dapat ditulis ke {path}: {error} Atau pilih tempat lain "
                          "dengan --keluar.",
                          "The form cannot be written to {path}: {error} Or choose another place "
                          "with --keluar."),
    # --- end of forms block ---
    "no_file": Message("Berkas yang disebut tidak dapat dibaca: {error}",
                       "The file named cannot be read: {error}"),
    "import_refused": Message("Impor dibatalkan: tidak ada berkas di datasets/ yang diubah.",
                       "Import aborted: no file in datasets/ was changed."),
    "import_nothing": Message("Tidak ada angka yang berubah; datasets/ tidak diubah.",
                       "No figure changed; datasets/ was left as it was."),
    "import_added": Message("Ditambahkan {n} baris:", "Added {n} rows:"),
    "import_changed": Message("Diubah {n} nilai (lama → baru):", "Changed {n} values (old → new):"),
    "import_written": Message("Berkas diperbarui: {files}. Langkah berikutnya: `monografi check`, "
                       "lalu commit.",
                       "Files updated: {files}. Next: `monografi check`, then commit."),
    "empty": Message("(kosong)", "(empty)"),
    "no_output": Message("Belum ada situs di {path}: jalankan dulu `monografi build`.",
                  "No site in {path} yet: run `monografi build` first."),
    # Publishing safely (issue 9): output path, refused writes, failed stages, serve.
    "output_project": Message("Folder hasil {path} adalah folder proyek atau berisi folder proyek; Monografi "
                       "tidak akan menggantinya. Pilih folder lain, mis. --output output.",
                       "Output folder {path} is the project folder or contains it; Monografi will not "
                       "replace it. Choose another folder, e.g. --output output."),
    "output_protected": Message("Folder hasil {path} adalah, atau berada di dalam, {part}/ milik proyek; "
                         "Monografi tidak akan menggantinya. Pilih folder di luar datasets/, content/, "
                         "theme/, .git dan .monografi/, mis. --output output.",
                         "Output folder {path} is, or lies inside, the project's {part}/; Monografi "
                         "will not replace it. Choose a folder outside datasets/, content/, theme/, "
                         ".git and .monografi/, e.g. --output output."),
    "output_not_empty": Message(
        "Folder hasil {path} berisi berkas yang bukan buatan Monografi, dan Monografi "
                         "hanya menghapus yang dibuatnya sendiri. Pindahkan isinya (CNAME, berkas "
                         "verifikasi Google/Bing, .nojekyll taruh di content/extra/ agar disalin ke "
                         "setiap build), lalu hapus folder itu atau pilih folder hasil lain.",
                         "Output folder {path} holds files Monografi did not make, and Monografi only "
                         "deletes what it made. Move them away (put CNAME, Google/Bing verification "
                         "files, .nojekyll in content/extra/ to have them copied into every build), "
                         "then delete the folder or choose another output folder."),
    "output_foreign_link": Message("{path} adalah tautan (symlink) ke tempat lain, bukan ke build Monografi "
                            "di .monografi/builds/; Monografi tidak akan menggantinya. Hapus tautan "
                            "itu atau pilih folder hasil lain.",
                            "{path} is a symlink to somewhere else, not to a Monografi build in "
                            ".monografi/builds/; Monografi will not replace it. Remove the link or "
                            "choose another output folder."),
    "output_staff_files": Message(
        "Folder hasil {path} memuat berkas yang tidak dibuat Monografi ({part}); build berikutnya "
        "akan menggantikan seluruh folder itu, jadi Monografi berhenti agar berkas itu tidak hilang "
        "diam-diam. Pindahkan berkas itu ke content/extra/ (dengan jalur yang sama, mis. "
        "content/extra/CNAME): dari sana ia disalin ke setiap build. Lalu jalankan lagi.",
        "Output folder {path} holds files Monografi did not make ({part}); the next build replaces "
        "that whole folder, so Monografi stops rather than lose them silently. Move them to "
        "content/extra/ (same path, e.g. content/extra/CNAME): from there they are copied into "
        "every build. Then run again."),
    "output_not_folder": Message("{path} adalah berkas, bukan folder; Monografi tidak akan menggantinya. "
                          "Pilih folder hasil lain.",
                          "{path} is a file, not a folder; Monografi will not replace it. Choose "
                          "another output folder."),
    "write_absolute": Message("jalurnya mutlak atau memuat karakter terlarang", "it is absolute or holds "
                       "forbidden characters"),
    "write_escape": Message("jalurnya keluar dari folder build (..)", "it leaves the build folder (..)"),
    "write_symlink": Message("jalurnya melewati tautan (symlink)", "it goes through a symlink"),
    "write_not_folder": Message("sebagian jalurnya sudah dipakai oleh berkas atau folder lain",
                         "part of its path is already taken by another file or folder"),
    "write_exists": Message("berkas itu sudah dibuat oleh portal sendiri; beri nama lain",
                     "the portal itself already makes that file; use another name"),
    "write_refused": Message("Monografi menolak menulis {path}: {reason}. Periksa nama sumber daya di "
                      "datasets/datapackage.json dan berkas di content/extra/.",
                      "Monografi refused to write {path}: {reason}. Check the resource names in "
                      "datasets/datapackage.json and the files in content/extra/."),
    "stage_failed": Message("Pembangunan gagal di tahap {stage}: {error}",
                     "The build failed at stage {stage}: {error}"),
    "stage_template": Message("Kesalahan ada di templat {template}; periksa templat di theme/.",
                       "The error is in template {template}; check the templates in theme/."),
    "stage_search": Message("Pagefind (indeks pencarian) gagal; jalankan ulang, dan bila berulang periksa "
                     "pemasangan paket pagefind (make).",
                     "Pagefind (search index) failed; run again, and if it repeats check that the "
                     "pagefind package is installed (make)."),
    "stage_system": Message("Sistem berkas menolak; periksa ruang disk dan izin tulis folder proyek.",
                     "The file system refused; check free disk space and write permission on the "
                     "project folder."),
    "stage_bug": Message("Ini kesalahan (bug) di Monografi, bukan di data Anda. Laporkan ke pengembang "
                  "beserta jejak lengkap: jalankan ulang dengan MONOGRAFI_DEBUG=1.",
                  "This is a bug in Monografi, not in your data. Report it to the developers with "
                  "the full trace: run again with MONOGRAFI_DEBUG=1."),
    "site_kept": Message("Situs yang sudah terbit tidak diubah.", "The published site was left untouched."),
    "port_busy": Message("Port {port} di {host} sedang dipakai program lain. Hentikan program itu atau "
                  "pakai port lain, mis. `monografi serve --port {next}`.",
                  "Port {port} on {host} is in use by another program. Stop it or use another port, "
                  "e.g. `monografi serve --port {next}`."),
    # --- staff branch (issue 14): dataset scaffold and the GitHub inbox ---
    "scaffold_name": Message("Nama dataset {name!r} tidak boleh dipakai: pakai huruf kecil, angka, _ atau - "
                      "saja (paling banyak 60 karakter), diawali huruf atau angka, mis. "
                      "sekolah_desa.",
                      "Dataset name {name!r} cannot be used: use lower-case letters, digits, _ or - "
                      "only (at most 60 characters), starting with a letter or digit, e.g. "
                      "sekolah_desa."),
    "scaffold_level": Message("Tingkat {level!r} tidak tersedia: pilih kabupaten, kecamatan, atau desa "
                       "(tabel induknya harus ada di datapackage.json).",
                       "Level {level!r} is not available: choose kabupaten, kecamatan or desa "
                       "(its master table must be in datapackage.json)."),
    "scaffold_exists": Message("Dataset {name!r} sudah ada ({files}); tidak ada yang diubah. Pilih nama "
                        "lain, atau sunting berkas yang ada.",
                        "Dataset {name!r} already exists ({files}); nothing was changed. Choose "
                        "another name, or edit the existing files."),
    "scaffold_failed": Message("Dataset tidak dapat dibuat: {error} Tidak ada yang diubah.",
                        "The dataset could not be created: {error} Nothing was changed."),
    "scaffold_done": Message("Dataset {name} dibuat: {files}. Langkah berikutnya: ganti setiap teks "
                      "\"ISI: …\" (judul, satuan, keterangan, bagian) di datasets/datapackage.json "
                      "dan datasets/schemas/{name}.json, sesuaikan kolom angka, lalu jalankan "
                      "`monografi check` sampai sah.",
                      "Dataset {name} created: {files}. Next: replace every \"ISI: …\" text "
                      "(title, unit, description, section) in datasets/datapackage.json and "
                      "datasets/schemas/{name}.json, adjust the figure columns, then run "
                      "`monografi check` until it passes."),
    "inbox_empty": Message("Kotak masuk {folder}/ kosong: tidak ada yang diimpor.",
                    "The inbox {folder}/ is empty: nothing to import."),
    "inbox_done": Message("Kotak masuk: {n} berkas diimpor, datasets/ diperbarui ({files}); berkasnya "
                   "dihapus dari {folder}/.",
                   "Inbox: {n} files imported, datasets/ updated ({files}); they were removed from "
                   "{folder}/."),
    "inbox_refused": Message("Kotak masuk: ada kesalahan, tidak ada berkas di datasets/ atau {folder}/ yang "
                      "diubah. Perbaiki sel yang disebut, lalu unggah ulang berkasnya.",
                      "Inbox: errors found, no file in datasets/ or {folder}/ was changed. Fix the "
                      "cells named above, then upload the file again."),
    # --- end of staff block (ui) ---
    "serve_failed": Message("Tidak dapat menyajikan di {host}:{port}: {error}",
                     "Cannot serve on {host}:{port}: {error}"),
    # issue 12 (architecture): any command's failure outside a build stage, said as such; the
    # build's summary and notes in both languages
    "command_failed": Message("Perintah {command} gagal: {error}", "The {command} command failed: {error}"),
    "summary_noop": Message("Tidak ada perubahan sejak build terakhir; situs yang terbit tetap dipakai.",
                            "Nothing changed since the last build; the published site is kept."),
    "summary_counts": Message(
        "Grafik: {drawn} digambar, {cached} dari cache. Halaman: {written} ditulis, {reused} dipakai "
        "ulang{stages}.",
        "Charts: {drawn} drawn, {cached} from the cache. Pages: {written} written, {reused} reused"
        "{stages}."),
    "summary_stages": Message("; dipakai ulang utuh: {stages}", "; reused whole: {stages}"),
    "note_site_changed": Message(
        "Situs terbit berubah sejak build terakhir ({n} berkas, mis. {first}); dibangun ulang.",
        "The published site changed since the last build ({n} files, e.g. {first}); rebuilt."),
    "note_no_boundaries": Message(
        "Peta dilewati: datapackage.json tidak mendeklarasikan batas wilayah "
        "(monografi.batas_wilayah).",
        "Maps skipped: datapackage.json declares no area boundaries (monografi.batas_wilayah)."),
    "note_no_public_url": Message(
        "Alamat publik belum diatur (MONOGRAFI_URL): tautan kanonik, sitemap, katalog, API, dan "
        "kutipan memakai alamat lokal.",
        "No public address set (MONOGRAFI_URL): canonical links, sitemap, catalogues, API and "
        "citations use the local address."),
    # commands (arch-cli)
    # What --help shows in place of an option's value (argparse's metavar).
    "value_code": Message("KODE", "CODE"),
    "value_period": Message("PERIODE", "PERIOD"),
    "value_file": Message("BERKAS", "FILE"),
    "value_name": Message("NAMA", "NAME"),
    "usage_more": Message("Lihat `{prog} --help` untuk semua perintah dan opsinya.",
                          "See `{prog} --help` for every command and its options."),
    "usage_number": Message("{value!r} bukan bilangan bulat dari {low} sampai {high}",
                            "{value!r} is not a whole number from {low} to {high}"),
    "usage_number_min": Message("{value!r} bukan bilangan bulat {low} atau lebih",
                                "{value!r} is not a whole number of {low} or more"),
    "cancelled": Message("Dibatalkan, tidak ada yang diubah.", "Cancelled, nothing was changed."),
    "not_a_project": Message(
        "{path} bukan folder proyek Monografi: tidak ada datasets/datapackage.json di dalamnya. "
        "Jalankan perintah dari folder proyek, atau sebutkan foldernya dengan --proyek.",
        "{path} is not a Monografi project folder: it holds no datasets/datapackage.json. Run the "
        "command from the project folder, or name the folder with --proyek."),
    "stage_template_missing": Message(
        "Templat yang diminta tidak ada ({error}). Periksa metadata `Template:` halaman di content/ "
        "dan templat di theme/templates/.",
        "A template that was asked for does not exist ({error}). Check the `Template:` metadata of "
        "the pages in content/ and the templates in theme/templates/."),
    "not_regular_file": Message(
        "{path} bukan berkas biasa (mis. perangkat atau pipa); sebutkan berkas .xlsx-nya.",
        "{path} is not a regular file (e.g. a device or a pipe); name the .xlsx file."),
    "output_no_parent": Message(
        "Folder {path} tidak ada, jadi folder hasil tidak dapat dibuat di dalamnya. Buat dulu "
        "foldernya, atau pilih --output lain.",
        "Folder {path} does not exist, so the output folder cannot be made in it. Create it "
        "first, or choose another --output."),
    # The operating system's refusals (monografi.refusal.system_words): what, and what to do.
    "os_unnamed": Message("sebuah berkas", "a file"),
    "os_disk_full": Message(
        "Disk penuh saat menulis {path}.", "The disk is full while writing {path}.",
        "Kosongkan ruang disk (mis. hapus build atau unduhan lama yang tidak dipakai), lalu "
        "jalankan lagi.",
        "Free some disk space (e.g. delete old builds or downloads you no longer need), then run "
        "again."),
    "os_too_large": Message(
        "{path} melebihi ukuran berkas terbesar yang diizinkan sistem berkas ini.",
        "{path} exceeds the largest file this file system allows.",
        "Simpan proyek di disk dengan sistem berkas lain (mis. NTFS atau ext4, bukan FAT32), atau "
        "naikkan batas ukuran berkas (ulimit -f), lalu jalankan lagi.",
        "Keep the project on a disk with another file system (e.g. NTFS or ext4, not FAT32), or "
        "raise the file size limit (ulimit -f), then run again."),
    "os_permission": Message(
        "Tidak ada izin untuk membuka atau menulis {path}, atau berkas itu sedang dibuka program lain.",
        "No permission to open or write {path}, or it is open in another program.",
        "Tutup program yang membukanya (mis. Excel) dan pastikan Anda boleh menulis di folder itu, "
        "lalu jalankan lagi.",
        "Close the program holding it (e.g. Excel) and make sure you may write in that folder, "
        "then run again."),
    "os_cross_device": Message(
        "{path} tidak dapat dipindahkan antar-disk.", "{path} cannot be moved across disks.",
        "Simpan seluruh proyek, termasuk .monografi/, di satu disk (jangan jadikan salah satu "
        "foldernya tautan ke disk lain), lalu jalankan lagi.",
        "Keep the whole project, .monografi/ included, on one disk (do not make any of its "
        "folders a link to another disk), then run again."),
    "os_is_folder": Message(
        "{path} adalah folder, padahal yang diperlukan berkas.",
        "{path} is a folder where a file is needed.",
        "Sebutkan berkasnya, bukan foldernya, atau pindahkan folder yang menghalangi.",
        "Name the file, not the folder, or move the folder that is in the way."),
    "os_not_folder": Message(
        "Sebagian jalur {path} adalah berkas, padahal yang diperlukan folder.",
        "Part of the path {path} is a file where a folder is needed.",
        "Periksa jalurnya; pindahkan atau ganti nama berkas yang menghalangi.",
        "Check the path; move or rename the file that is in the way."),
    "os_read_only": Message(
        "{path} berada di disk atau folder yang hanya boleh dibaca.",
        "{path} is on a read-only disk or folder.",
        "Salin proyek ke folder yang boleh ditulis, atau pilih --output di tempat lain.",
        "Copy the project to a writable folder, or choose an --output elsewhere."),
    "os_too_many_open": Message(
        "Terlalu banyak berkas terbuka sekaligus (saat membuka {path}).",
        "Too many files open at once (while opening {path}).",
        "Jalankan lagi dengan --jobs lebih kecil (mis. --jobs 2), atau naikkan batas berkas terbuka "
        "(ulimit -n).",
        "Run again with a smaller --jobs (e.g. --jobs 2), or raise the open-file limit (ulimit -n)."),
    "os_missing": Message(
        "{path} tidak ditemukan.", "{path} was not found.",
        "Periksa nama dan foldernya (folder tujuan harus sudah ada).",
        "Check the name and its folder (a destination folder must already exist)."),
    "os_name_too_long": Message(
        "Nama atau jalur {path} terlalu panjang.", "The name or path {path} is too long.",
        "Pakai nama folder yang lebih pendek, atau pindahkan proyek lebih dekat ke akar disk.",
        "Use shorter folder names, or move the project closer to the root of the disk."),
    "os_link_loop": Message(
        "{path} melewati tautan (symlink) yang berputar.", "{path} goes through a symlink loop.",
        "Hapus atau perbaiki tautan itu.", "Remove or repair that link."),
    "os_busy": Message(
        "{path} sedang dipakai program lain.", "{path} is in use by another program.",
        "Tutup program itu, lalu jalankan lagi.", "Close that program, then run again."),
    "os_exists": Message(
        "{path} sudah ada.", "{path} already exists.",
        "Pindahkan atau ganti nama yang sudah ada, atau pilih nama lain.",
        "Move or rename the existing one, or choose another name."),
    "os_not_empty": Message(
        "Folder {path} tidak kosong.", "Folder {path} is not empty.",
        "Pindahkan isinya, atau pilih folder lain.", "Move its contents away, or choose another folder."),
    "os_other": Message(
        "Sistem operasi menolak {path} (kode sistem {code}).",
        "The operating system refused {path} (system code {code}).",
        "Periksa ruang disk, izin tulis, dan disknya sendiri, lalu jalankan lagi.",
        "Check free disk space, write permission and the disk itself, then run again."),
}

# Build stages as the summary names them (pipeline timings), in both languages.
STAGE_NAMES = {
    "periksa perubahan": Message("periksa perubahan", "change check"),
    "validasi": Message("validasi", "validation"),
    "model": Message("model", "model"),
    "riwayat": Message("riwayat", "history"),
    "grafik": Message("grafik", "charts"),
    "ekspor": Message("ekspor", "exports"),
    "halaman": Message("halaman", "pages"),
    "indeks pencarian": Message("indeks pencarian", "search index"),
    "berkas tambahan": Message("berkas tambahan", "extra files"),
    "terbit": Message("terbit", "publish"),
}


def ui(key: str, lang: str = "id", **values: object) -> str:
    return UI[key].text(lang).format(**values)
