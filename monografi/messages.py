"""Every sentence the tool says to people, in Indonesian first and English second.

Staff read these messages when a file is refused, so each rule carries both what is wrong and
what to do about it; code elsewhere only names the rule and fills in the blanks.
"""

from __future__ import annotations

LANGS = ("id", "en")

# rule -> (message id, message en, fix id, fix en). Placeholders come from the Problem.
RULES: dict[str, tuple[str, str, str, str]] = {
    "tipe": (
        "Nilai {value!r} bukan {tipe} yang sah{ribuan}.",
        "Value {value!r} is not a valid {tipe_en}{ribuan}.",
        "Tulis {contoh}. Jangan pakai titik atau koma sebagai pemisah ribuan.",
        "Write {contoh_en}. Do not use dots or commas as thousand separators.",
    ),
    "wajib": (
        "Kolom ini wajib diisi, tetapi kosong.",
        "This column is required but empty.",
        "Isi sel ini; bila angkanya memang belum ada, hapus seluruh baris.",
        "Fill in this cell; if the figure does not exist yet, delete the whole row.",
    ),
    "minimum": (
        "Nilai {value!r} lebih kecil dari batas bawah {batas}.",
        "Value {value!r} is below the minimum {batas}.",
        "Periksa tanda minus atau salah ketik; nilai minimal {batas}.",
        "Check for a minus sign or a typo; the minimum is {batas}.",
    ),
    "maksimum": (
        "Nilai {value!r} lebih besar dari batas atas {batas}.",
        "Value {value!r} is above the maximum {batas}.",
        "Periksa salah ketik; nilai maksimal {batas}.",
        "Check for a typo; the maximum is {batas}.",
    ),
    "pola": (
        "Nilai {value!r} tidak sesuai format yang diminta.",
        "Value {value!r} does not match the required format.",
        "Tulis sesuai format {contoh} (pola {batas}){saran}.",
        "Write it in the form {contoh} (pattern {batas}){saran_en}.",
    ),
    "pilihan": (
        "Nilai {value!r} bukan salah satu pilihan yang sah.",
        "Value {value!r} is not one of the allowed choices.",
        "Pilih salah satu dari: {batas}.",
        "Use one of: {batas}.",
    ),
    "panjang": (
        "Panjang nilai {value!r} di luar batas ({batas}).",
        "Length of {value!r} is out of bounds ({batas}).",
        "Perbaiki panjang isian sesuai batas {batas}.",
        "Fix the length to respect {batas}.",
    ),
    "unik": (
        "Nilai {value!r} sudah dipakai di baris lain; kolom ini harus unik.",
        "Value {value!r} already appears in another row; this column must be unique.",
        "Hapus baris ganda atau perbaiki nilainya.",
        "Delete the duplicate row or correct its value.",
    ),
    "kunci_ganda": (
        "Baris ini mengulang kunci {value} yang sudah ada di baris lain.",
        "This row repeats the key {value} already used by another row.",
        "Setiap kombinasi {batas} hanya boleh muncul sekali: gabungkan atau hapus baris ganda.",
        "Each combination of {batas} may appear only once: merge or delete the duplicate.",
    ),
    "kode_tidak_dikenal": (
        "Kode {value!r} tidak ada di daftar {batas}.",
        "Code {value!r} is not in the {batas} list.",
        "Pakai kode resmi dari berkas {batas}.csv{saran}.",
        "Use an official code from {batas}.csv{saran_en}.",
    ),
    "aturan_baris": (
        "Aturan baris dilanggar: {aturan}.",
        "Row rule broken: {aturan_en}.",
        "Periksa kembali angka pada baris ini ({batas}).",
        "Check the figures on this row again ({batas}).",
    ),
    "baris_kosong": (
        "Baris ini kosong.",
        "This row is empty.",
        "Hapus baris kosong.",
        "Delete the empty row.",
    ),
    "sel_lebih": (
        "Baris ini punya sel lebih banyak daripada judul kolom (nilai {value!r}).",
        "This row has more cells than the header (value {value!r}).",
        "Hapus sel yang berlebih atau periksa koma di dalam teks (beri tanda kutip).",
        "Remove the extra cell or quote text that contains a comma.",
    ),
    "sel_kurang": (
        "Baris ini kekurangan sel untuk kolom ini.",
        "This row is missing a cell for this column.",
        "Tambahkan pemisah kolom yang hilang (biarkan kosong bila tidak ada angka).",
        "Add the missing separator (leave it empty if there is no figure).",
    ),
    "judul_kolom": (
        "Judul kolom {value!r} tidak sesuai skema (seharusnya {batas!r}).",
        "Column header {value!r} does not match the schema (expected {batas!r}).",
        "Salin baris judul dari formulir atau dari skema tanpa mengubahnya.",
        "Copy the header row from the form or schema without changing it.",
    ),
    "judul_kolom_lebih": (
        "Kolom {value!r} tidak dikenal oleh skema.",
        "Column {value!r} is not in the schema.",
        "Hapus kolom ini, atau tambahkan dulu ke skema datasets/schemas/.",
        "Remove the column, or add it to the schema in datasets/schemas/ first.",
    ),
    "judul_kolom_kurang": (
        "Kolom {batas!r} tidak ada di berkas.",
        "Column {batas!r} is missing from the file.",
        "Tambahkan kolom {batas!r} (boleh kosong bila tidak wajib).",
        "Add the column {batas!r} (it may stay empty if not required).",
    ),
    "angka_dialek": (
        "Nilai {value!r} tidak sesuai format angka yang dinyatakan untuk kolom ini ({batas}).",
        "Value {value!r} does not fit the number format declared for this column ({batas}).",
        "Tulis angka seperti {contoh}: pemisah ribuan tepat tiap tiga digit, tanpa huruf, spasi, "
        "Rp atau %. Angka ini tidak ditebak agar 1.234 tidak terbaca 1,234.",
        "Write it like {contoh}: thousand separators exactly every three digits, no letters, "
        "spaces, Rp or %. The figure is not guessed so that 1.234 is never misread.",
    ),
    # Numeric cells the build cannot hold (monografi.number_cells) and Unicode-text files.
    "bukan_angka": (
        "Nilai {value!r} bukan angka (tak hingga atau NaN tidak dapat diterbitkan).",
        "Value {value!r} is not a number (infinity or NaN cannot be published).",
        "Tulis angkanya dengan digit 0–9; kosongkan sel bila belum ada data.",
        "Write the figure with digits 0–9; leave the cell empty if there is no figure yet.",
    ),
    "digit_asing": (
        "Nilai {value!r} memakai digit selain 0–9 (mis. digit lebar penuh atau Arab).",
        "Value {value!r} uses digits other than 0–9 (e.g. full-width or Arabic digits).",
        "Ketik ulang dengan digit biasa: tulis {contoh}.",
        "Type it again with plain digits: write {contoh}.",
    ),
    "notasi_ilmiah": (
        "Nilai {value!r} ditulis dalam notasi ilmiah (dengan huruf e).",
        "Value {value!r} is written in scientific notation (with the letter e).",
        "Tulis angkanya lengkap tanpa huruf e: tulis {contoh}. Di Excel, format sel sebagai "
        "Angka, bukan Ilmiah.",
        "Write the figure in full without the e: write {contoh}. In Excel, format the cell as "
        "Number, not Scientific.",
    ),
    "angka_terlalu_besar": (
        "Nilai {value!r} terlalu besar untuk disimpan (batas {batas}).",
        "Value {value!r} is too large to be stored (limit {batas}).",
        "Periksa salah ketik (digit berlebih atau dua angka tergabung).",
        "Check for a typo (extra digits or two figures run together).",
    ),
    "pengkodean_utf16": (
        "Berkas disimpan sebagai {batas} (Excel: \"Teks Unicode\"), bukan CSV UTF-8.",
        "The file is saved as {batas} (Excel: \"Unicode Text\"), not as CSV UTF-8.",
        "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisah koma)\" lalu ganti berkas ini.",
        "In Excel choose Save As → \"CSV UTF-8 (comma delimited)\" and replace this file.",
    ),
    "pengkodean": (
        "Berkas tidak dapat dibaca sebagai {batas} mulai baris ini (sekitar {value!r}).",
        "The file cannot be read as {batas} from this row on (around {value!r}).",
        "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisah koma)\"; atau, bila berkas memang "
        "disimpan sebagai CSV biasa Windows, nyatakan \"encoding\": \"windows-1252\" untuk sumber "
        "daya ini di datasets/datapackage.json.",
        "In Excel choose Save As → \"CSV UTF-8 (comma delimited)\"; or, if the file really is a "
        "plain Windows CSV, declare \"encoding\": \"windows-1252\" for this resource in "
        "datasets/datapackage.json.",
    ),
    "pemisah_kolom": (
        "Baris judul terbaca sebagai satu kolom: berkas memakai pemisah {batas}, padahal "
        "datapackage.json menyatakan {dinyatakan}.",
        "The header reads as a single column: the file is separated by {batas}, but "
        "datapackage.json declares {dinyatakan}.",
        "Simpan ulang dari Excel sebagai \"CSV UTF-8 (dipisah koma)\", atau nyatakan pemisahnya di "
        "datapackage.json: \"dialect\": {{\"delimiter\": \";\"}} (lihat panduan data).",
        "Save again from Excel as \"CSV UTF-8 (comma delimited)\", or declare the separator in "
        "datapackage.json: \"dialect\": {{\"delimiter\": \";\"}} (see the data guide).",
    ),
    "bukan_teks": (
        "Ini bukan berkas teks CSV (terbaca sebagai {batas}).",
        "This is not a CSV text file (it looks like {batas}).",
        "Jangan mengganti nama berkas .xlsx menjadi .csv: buka di Excel lalu Simpan Sebagai → "
        "\"CSV UTF-8\", atau pakai `python build.py impor FORMULIR.xlsx`.",
        "Do not rename an .xlsx file to .csv: open it in Excel and Save As → \"CSV UTF-8\", or use "
        "`python build.py impor FORM.xlsx`.",
    ),
    "terlalu_besar": (
        "Berkas {value!r} terlalu besar (lebih dari {batas}).",
        "File {value!r} is too large (more than {batas}).",
        "Periksa apakah berkasnya benar (bukan ekspor seluruh basis data atau berkas biner); "
        "bagi menjadi beberapa tabel bila memang sebesar itu.",
        "Check it is the right file (not a whole database export or a binary file); split it into "
        "several tables if it really is that large.",
    ),
    "perubahan_besar": (
        "Angka {value} berubah {persen} dari periode sebelumnya ({sebelum}), lebih dari {batas}.",
        "Figure {value} changed {persen} from the previous period ({sebelum}), more than {batas}.",
        "Bukan galat: pastikan angka ini benar menurut sumbernya (salah ketik satu digit sering "
        "membuat perubahan sebesar ini) dan jelaskan di kolom catatan bila memang benar.",
        "Not an error: make sure the figure matches its source (a single mistyped digit often "
        "causes such a jump) and explain it in catatan if it is right.",
    ),
    "angka_ambigu": (
        "Nilai {value!r} dibaca sebagai angka desimal {value} (titik = pemisah desimal).",
        "Value {value!r} is read as the decimal number {value} (dot = decimal separator).",
        "Bukan galat bila memang desimal. Bila maksudnya {batas} (titik sebagai pemisah ribuan), "
        "tulis {batas} tanpa titik.",
        "Not an error if it really is a decimal. If you meant {batas} (dot as thousand "
        "separator), write {batas} without the dot.",
    ),
    "jumlah_desa": (
        "Angka kecamatan {value} berbeda dengan jumlah seluruh desanya di {rinci} ({batas}).",
        "The kecamatan figure {value} differs from the sum of its desa in {rinci} ({batas}).",
        "Bukan galat: periksa angka kecamatan dan angka tiap desa terhadap sumbernya; bila "
        "sumbernya memang berbeda, jelaskan di kolom catatan.",
        "Not an error: check the kecamatan figure and each desa figure against the source; if "
        "the sources really differ, explain it in catatan.",
    ),
    "bukan_wilayah_formulir": (
        "Wilayah {value!r} bukan bagian dari kecamatan formulir ini ({batas}).",
        "Area {value!r} is not part of this form's kecamatan ({batas}).",
        "Satu formulir hanya untuk satu kecamatan: hapus baris ini, atau buat formulir untuk "
        "kecamatan yang benar dengan `python build.py formulir --kecamatan KODE`.",
        "One form covers one kecamatan only: delete this row, or make a form for the right "
        "kecamatan with `python build.py formulir --kecamatan CODE`.",
    ),
    "formulir": (
        "Berkas ini bukan formulir isian Monografi yang dapat diimpor: {value}",
        "This file is not an importable Monografi form: {value}",
        "Buat formulir baru dengan `python build.py formulir --kecamatan KODE`, salin angkanya, "
        "dan jangan mengubah nama lembar maupun baris kode kolom (baris 2).",
        "Make a new form with `python build.py formulir --kecamatan CODE`, copy the figures in, "
        "and do not rename sheets or change the column-code row (row 2).",
    ),
    "berkas": (
        "Berkas tidak dapat dibaca: {value}",
        "The file cannot be read: {value}",
        "Simpan ulang sebagai CSV UTF-8 (Excel: Simpan Sebagai → CSV UTF-8).",
        "Save it again as CSV UTF-8 (Excel: Save As → CSV UTF-8).",
    ),
    "metadata": (
        "Deskripsi paket data tidak sah: {value}",
        "The data package description is invalid: {value}",
        "Perbaiki datasets/datapackage.json atau skemanya sesuai spesifikasi Frictionless.",
        "Fix datasets/datapackage.json or its schema per the Frictionless specification.",
    ),
    "jalur_tidak_aman": (
        "Jalur {value!r} menunjuk ke luar folder datasets/ atau ke jaringan.",
        "Path {value!r} points outside datasets/ or to the network.",
        "Pakai jalur relatif di dalam datasets/, mis. \"penduduk_kecamatan.csv\".",
        "Use a relative path inside datasets/, e.g. \"penduduk_kecamatan.csv\".",
    ),
    "berkas_hilang": (
        "Berkas {value!r} tidak ditemukan.",
        "File {value!r} was not found.",
        "Periksa nama berkas di datapackage.json atau tambahkan berkasnya.",
        "Check the file name in datapackage.json or add the file.",
    ),
    "sumber_tidak_dikenal": (
        "Sumber {value!r} tidak terdaftar di datapackage.json.",
        "Source {value!r} is not listed in datapackage.json.",
        "Pakai kode sumber yang ada ({batas}) atau tambahkan sumber baru di bagian \"sources\".",
        "Use an existing source id ({batas}) or add the source under \"sources\".",
    ),
    "data_pribadi": (
        "Nilai {value!r} tampak seperti data pribadi ({batas}).",
        "Value {value!r} looks like personal data ({batas}).",
        "Data pribadi (NIK, No. KK, telepon, surel) tidak boleh diterbitkan: hapus dari berkas.",
        "Personal data (NIK, family card no., phone, e-mail) must never be published: remove it.",
    ),
    "kode_induk": (
        "Kode {value!r} tidak berada di bawah {batas}.",
        "Code {value!r} does not belong to {batas}.",
        "Kode wilayah harus diawali kode induknya; periksa kolom kode.",
        "An area code must start with its parent's code; check the code columns.",
    ),
    "jenis_desa": (
        "Jenis {value!r} tidak cocok dengan kode wilayah ({batas}).",
        "Type {value!r} does not match the area code ({batas}).",
        "Segmen keempat kode 1xxx berarti kelurahan, 2xxx berarti desa (Kepmendagri).",
        "Fourth code segment 1xxx means kelurahan, 2xxx means desa (Kepmendagri).",
    ),
    "pengkodean_tulis": (
        "Karakter {value!r} tidak dapat disimpan dalam pengkodean {batas} berkas ini.",
        "Character {value!r} cannot be stored in this file's {batas} encoding.",
        "Ganti karakter itu, atau ubah pengkodean berkas menjadi utf-8 di datapackage.json.",
        "Replace the character, or switch the file's encoding to utf-8 in datapackage.json.",
    ),
    "peta_berkas": (
        "Berkas batas wilayah tidak dapat dibaca sebagai GeoJSON: {value}",
        "The boundary file cannot be read as GeoJSON: {value}",
        "Ekspor ulang sebagai GeoJSON (FeatureCollection, WGS84), mis. dari QGIS.",
        "Export it again as GeoJSON (FeatureCollection, WGS84), e.g. from QGIS.",
    ),
    "peta_tingkat": (
        "Tingkat wilayah {value!r} untuk batas wilayah tidak dikenal.",
        "Unknown area level {value!r} for the boundaries.",
        "Isi \"tingkat\" dengan kabupaten, kecamatan, atau desa.",
        "Set \"tingkat\" to kabupaten, kecamatan or desa.",
    ),
    "peta_geometri": (
        "Geometri wilayah {value!r} tidak sah ({batas}).",
        "Geometry of area {value!r} is invalid ({batas}).",
        "Perbaiki di QGIS (Vektor → Alat Geometri → Perbaiki Geometri) lalu ekspor ulang.",
        "Repair it in QGIS (Vector → Geometry Tools → Fix Geometries) and export again.",
    ),
    "peta_kode": (
        "Kode {value!r} di berkas batas wilayah tidak ada di daftar {batas}.",
        "Code {value!r} in the boundary file is not in the {batas} list.",
        "Samakan properti kode dengan kode Kemendagri di {batas}.csv.",
        "Make the code property match the Kemendagri code in {batas}.csv.",
    ),
    "peta_hilang": (
        "Wilayah {value!r} tidak punya batas di berkas batas wilayah.",
        "Area {value!r} has no boundary in the boundary file.",
        "Tambahkan poligonnya; setiap {batas} harus ada di peta.",
        "Add its polygon; every {batas} must be on the map.",
    ),
}

# Fallback when Frictionless raises an error type we have no sentence for.
UNKNOWN_RULE = (
    "Masalah data ({value}).",
    "Data problem ({value}).",
    "Periksa baris dan kolom ini.",
    "Check this row and column.",
)

TYPE_NAMES = {
    "integer": ("bilangan bulat", "whole number", "angka bulat seperti 1234", "a whole number like 1234"),
    "number": (
        "angka",
        "number",
        "angka dengan titik sebagai pemisah desimal, mis. 12.5",
        "a number with a dot as decimal separator, e.g. 12.5",
    ),
    "date": ("tanggal", "date", "tanggal seperti 2024-06-30", "a date like 2024-06-30"),
    "boolean": ("nilai ya/tidak", "yes/no value", "true atau false", "true or false"),
    "string": ("teks", "text", "teks biasa", "plain text"),
}

UI = {
    "report_header": ("{n} galat dan {warnings} peringatan ditemukan di {files} berkas.",
                      "{n} errors and {warnings} warnings found in {files} files."),
    "warning": ("PERINGATAN", "WARNING"),
    "thousands": ("; tampaknya titik/koma dipakai sebagai pemisah ribuan: bila maksudnya {plain}, "
                  "tulis {plain}",
                  "; the dot/comma looks like a thousand separator: if you mean {plain}, "
                  "write {plain}"),
    "report_ok": ("Semua data sah.", "All data are valid."),
    "row": ("baris", "row"),
    "column": ("kolom", "column"),
    "value": ("nilai", "value"),
    "rule": ("aturan", "rule"),
    "fix": ("cara memperbaiki", "how to fix"),
    "build_failed": (
        "Pembangunan dibatalkan: situs yang sudah terbit tidak diubah.",
        "Build aborted: the published site was left untouched.",
    ),
    "build_done": ("Situs selesai dibangun di {path} ({pages} halaman, {secs:.1f} detik).",
                   "Site built in {path} ({pages} pages, {secs:.1f} s)."),
    "crashed": ("Pembangunan gagal di tahap situs: {error}\nSitus yang sudah terbit tidak diubah. "
                "Periksa templat di theme/ dan halaman di content/; jejak lengkap: MONOGRAFI_DEBUG=1.",
                "The build failed while making the site: {error}\nThe published site was left "
                "untouched. Check the templates in theme/ and pages in content/; full trace: "
                "MONOGRAFI_DEBUG=1."),
    "busy": ("Pembangunan lain sedang berjalan; coba lagi nanti.",
             "Another build is running; try again later."),
    "serving": ("Portal tersedia di http://{host}:{port}/ (Ctrl+C untuk berhenti)",
                "Portal served at http://{host}:{port}/ (Ctrl+C to stop)"),
    "form_written": ("Formulir Kecamatan {name} ({code}) ditulis ke {path}.",
                     "Form for Kecamatan {name} ({code}) written to {path}."),
    "unknown_kecamatan": ("Kecamatan {code!r} tidak dikenal. Lihat kode resmi di "
                          "datasets/kecamatan.csv{saran}",
                          "Unknown kecamatan {code!r}. See the official codes in "
                          "datasets/kecamatan.csv{saran_en}"),
    "no_file": ("Berkas {path} tidak ditemukan.", "File {path} not found."),
    "import_refused": ("Impor dibatalkan: tidak ada berkas di datasets/ yang diubah.",
                       "Import aborted: no file in datasets/ was changed."),
    "import_nothing": ("Tidak ada angka yang berubah; datasets/ tidak diubah.",
                       "No figure changed; datasets/ was left as it was."),
    "import_added": ("Ditambahkan {n} baris:", "Added {n} rows:"),
    "import_changed": ("Diubah {n} nilai (lama → baru):", "Changed {n} values (old → new):"),
    "import_written": ("Berkas diperbarui: {files}. Langkah berikutnya: `python build.py check`, "
                       "lalu commit.",
                       "Files updated: {files}. Next: `python build.py check`, then commit."),
    "empty": ("(kosong)", "(empty)"),
    "no_output": ("Belum ada situs di {path}: jalankan dulu `python build.py`.",
                  "No site in {path} yet: run `python build.py` first."),
}


def ui(key: str, lang: str = "id", **values) -> str:
    text = UI[key][LANGS.index(lang)]
    return text.format(**values)
