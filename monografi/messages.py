"""Every sentence the tool says to people, in Indonesian first and English second.

Staff read these messages when a file is refused, so each rule carries both what is wrong and
what to do about it; code elsewhere only names the rule and fills in the blanks.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("id", "en")


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


@dataclass(frozen=True)
class TypeName:
    """A column type as a message names it, with an example of a valid value."""

    id_name: str
    en_name: str
    id_example: str
    en_example: str


# rule -> its message and fix. Placeholders come from the Problem.
RULES: dict[str, Message] = {
    "tipe": Message(
        "Nilai {value!r} bukan {tipe} yang sah{ribuan}.",
        "Value {value!r} is not a valid {tipe_en}{ribuan}.",
        "Tulis {contoh}. Jangan pakai titik atau koma sebagai pemisah ribuan.",
        "Write {contoh_en}. Do not use dots or commas as thousand separators.",
    ),
    "wajib": Message(
        "Kolom ini wajib diisi, tetapi kosong.",
        "This column is required but empty.",
        "Isi sel ini; bila angkanya memang belum ada, hapus seluruh baris.",
        "Fill in this cell; if the figure does not exist yet, delete the whole row.",
    ),
    "minimum": Message(
        "Nilai {value!r} lebih kecil dari batas bawah {batas}.",
        "Value {value!r} is below the minimum {batas}.",
        "Periksa tanda minus atau salah ketik; nilai minimal {batas}.",
        "Check for a minus sign or a typo; the minimum is {batas}.",
    ),
    "maksimum": Message(
        "Nilai {value!r} lebih besar dari batas atas {batas}.",
        "Value {value!r} is above the maximum {batas}.",
        "Periksa salah ketik; nilai maksimal {batas}.",
        "Check for a typo; the maximum is {batas}.",
    ),
    "pola": Message(
        "Nilai {value!r} tidak sesuai format yang diminta.",
        "Value {value!r} does not match the required format.",
        "Tulis sesuai format {contoh} (pola {batas}){saran}.",
        "Write it in the form {contoh} (pattern {batas}){saran_en}.",
    ),
    "pilihan": Message(
        "Nilai {value!r} bukan salah satu pilihan yang sah.",
        "Value {value!r} is not one of the allowed choices.",
        "Pilih salah satu dari: {batas}.",
        "Use one of: {batas}.",
    ),
    "panjang": Message(
        "Panjang nilai {value!r} di luar batas ({batas}).",
        "Length of {value!r} is out of bounds ({batas}).",
        "Perbaiki panjang isian sesuai batas {batas}.",
        "Fix the length to respect {batas}.",
    ),
    "unik": Message(
        "Nilai {value!r} sudah dipakai di {baris_lain} ({batas!r}); kolom ini harus unik "
        "(huruf besar/kecil dan spasi tidak membedakan).",
        "Value {value!r} already appears in {baris_lain} ({batas!r}); this column must be "
        "unique (case and spaces do not count).",
        "Hapus baris ganda atau perbaiki nilainya.",
        "Delete the duplicate row or correct its value.",
    ),
    "kunci_ganda": Message(
        "Baris ini mengulang kunci {value} yang sudah ada di {baris_lain}.",
        "This row repeats the key {value} already used by {baris_lain}.",
        "Setiap kombinasi {batas} hanya boleh muncul sekali: gabungkan atau hapus baris ganda.",
        "Each combination of {batas} may appear only once: merge or delete the duplicate.",
    ),
    "kode_tidak_dikenal": Message(
        "Kode {value!r} tidak ada di daftar {batas}.",
        "Code {value!r} is not in the {batas} list.",
        "Pakai kode resmi dari berkas {batas}.csv{saran}.",
        "Use an official code from {batas}.csv{saran_en}.",
    ),
    "aturan_baris": Message(
        "Aturan baris dilanggar: {aturan}.",
        "Row rule broken: {aturan_en}.",
        "Periksa kembali angka pada baris ini ({batas}).",
        "Check the figures on this row again ({batas}).",
    ),
    "baris_kosong": Message(
        "Baris ini kosong.",
        "This row is empty.",
        "Hapus baris kosong.",
        "Delete the empty row.",
    ),
    "sel_lebih": Message(
        "Baris ini punya sel lebih banyak daripada judul kolom (nilai {value!r}).",
        "This row has more cells than the header (value {value!r}).",
        "Hapus sel yang berlebih atau periksa koma di dalam teks (beri tanda kutip).",
        "Remove the extra cell or quote text that contains a comma.",
    ),
    "sel_kurang": Message(
        "Baris ini kekurangan sel untuk kolom ini.",
        "This row is missing a cell for this column.",
        "Tambahkan pemisah kolom yang hilang (biarkan kosong bila tidak ada angka).",
        "Add the missing separator (leave it empty if there is no figure).",
    ),
    "judul_kolom": Message(
        "Judul kolom {value!r} tidak sesuai skema (seharusnya {batas!r}).",
        "Column header {value!r} does not match the schema (expected {batas!r}).",
        "Salin baris judul dari formulir atau dari skema tanpa mengubahnya.",
        "Copy the header row from the form or schema without changing it.",
    ),
    "judul_kolom_lebih": Message(
        "Kolom {value!r} tidak dikenal oleh skema.",
        "Column {value!r} is not in the schema.",
        "Hapus kolom ini, atau tambahkan dulu ke skema datasets/schemas/.",
        "Remove the column, or add it to the schema in datasets/schemas/ first.",
    ),
    "judul_kolom_kurang": Message(
        "Kolom {batas!r} tidak ada di berkas.",
        "Column {batas!r} is missing from the file.",
        "Tambahkan kolom {batas!r} (boleh kosong bila tidak wajib).",
        "Add the column {batas!r} (it may stay empty if not required).",
    ),
    "angka_dialek": Message(
        "Nilai {value!r} tidak sesuai format angka yang dinyatakan untuk kolom ini ({batas}).",
        "Value {value!r} does not fit the number format declared for this column ({batas}).",
        "Tulis angka seperti {contoh}: pemisah ribuan tepat tiap tiga digit, tanpa huruf, spasi, "
        "Rp atau %. Angka ini tidak ditebak agar 1.234 tidak terbaca 1,234.",
        "Write it like {contoh}: thousand separators exactly every three digits, no letters, "
        "spaces, Rp or %. The figure is not guessed so that 1.234 is never misread.",
    ),
    # Numeric cells the build cannot hold (monografi.validation.number_cells) and Unicode-text files.
    "bukan_angka": Message(
        "Nilai {value!r} bukan angka (tak hingga atau NaN tidak dapat diterbitkan).",
        "Value {value!r} is not a number (infinity or NaN cannot be published).",
        "Tulis angkanya dengan digit 0–9; kosongkan sel bila belum ada data.",
        "Write the figure with digits 0–9; leave the cell empty if there is no figure yet.",
    ),
    "digit_asing": Message(
        "Nilai {value!r} memakai digit selain 0–9 (mis. digit lebar penuh atau Arab).",
        "Value {value!r} uses digits other than 0–9 (e.g. full-width or Arabic digits).",
        "Ketik ulang dengan digit biasa: tulis {contoh}.",
        "Type it again with plain digits: write {contoh}.",
    ),
    "notasi_ilmiah": Message(
        "Nilai {value!r} ditulis dalam notasi ilmiah (dengan huruf e).",
        "Value {value!r} is written in scientific notation (with the letter e).",
        "Tulis angkanya lengkap tanpa huruf e: tulis {contoh}. Di Excel, format sel sebagai "
        "Angka, bukan Ilmiah.",
        "Write the figure in full without the e: write {contoh}. In Excel, format the cell as "
        "Number, not Scientific.",
    ),
    "angka_terlalu_besar": Message(
        "Nilai {value!r} terlalu besar untuk disimpan (batas {batas}).",
        "Value {value!r} is too large to be stored (limit {batas}).",
        "Periksa salah ketik (digit berlebih atau dua angka tergabung).",
        "Check for a typo (extra digits or two figures run together).",
    ),
    "pengkodean_utf16": Message(
        "Berkas disimpan sebagai {batas} (Excel: \"Teks Unicode\"), bukan CSV UTF-8.",
        "The file is saved as {batas} (Excel: \"Unicode Text\"), not as CSV UTF-8.",
        "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisah koma)\" lalu ganti berkas ini.",
        "In Excel choose Save As → \"CSV UTF-8 (comma delimited)\" and replace this file.",
    ),
    "pengkodean": Message(
        "Berkas tidak dapat dibaca sebagai {batas} mulai baris ini (sekitar {value!r}).",
        "The file cannot be read as {batas} from this row on (around {value!r}).",
        "Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisah koma)\"; atau, bila berkas memang "
        "disimpan sebagai CSV biasa Windows, nyatakan \"encoding\": \"windows-1252\" untuk sumber "
        "daya ini di datasets/datapackage.json.",
        "In Excel choose Save As → \"CSV UTF-8 (comma delimited)\"; or, if the file really is a "
        "plain Windows CSV, declare \"encoding\": \"windows-1252\" for this resource in "
        "datasets/datapackage.json.",
    ),
    "pemisah_kolom": Message(
        "Baris judul terbaca sebagai satu kolom: berkas memakai pemisah {batas}, padahal "
        "datapackage.json menyatakan {dinyatakan}.",
        "The header reads as a single column: the file is separated by {batas}, but "
        "datapackage.json declares {dinyatakan}.",
        "Simpan ulang dari Excel sebagai \"CSV UTF-8 (dipisah koma)\", atau nyatakan pemisahnya di "
        "datapackage.json: \"dialect\": {{\"delimiter\": \";\"}} (lihat panduan data).",
        "Save again from Excel as \"CSV UTF-8 (comma delimited)\", or declare the separator in "
        "datapackage.json: \"dialect\": {{\"delimiter\": \";\"}} (see the data guide).",
    ),
    "bukan_teks": Message(
        "Ini bukan berkas teks CSV (terbaca sebagai {batas}).",
        "This is not a CSV text file (it looks like {batas}).",
        "Jangan mengganti nama berkas .xlsx menjadi .csv: buka di Excel lalu Simpan Sebagai → "
        "\"CSV UTF-8\", atau pakai `monografi impor FORMULIR.xlsx`.",
        "Do not rename an .xlsx file to .csv: open it in Excel and Save As → \"CSV UTF-8\", or use "
        "`monografi impor FORM.xlsx`.",
    ),
    "terlalu_besar": Message(
        "Berkas {value!r} terlalu besar (lebih dari {batas}).",
        "File {value!r} is too large (more than {batas}).",
        "Periksa apakah berkasnya benar (bukan ekspor seluruh basis data atau berkas biner); "
        "bagi menjadi beberapa tabel bila memang sebesar itu.",
        "Check it is the right file (not a whole database export or a binary file); split it into "
        "several tables if it really is that large.",
    ),
    "perubahan_besar": Message(
        "Angka {value} berubah {persen} dari periode sebelumnya ({sebelum}), lebih dari {batas}.",
        "Figure {value} changed {persen} from the previous period ({sebelum}), more than {batas}.",
        "Bukan galat: pastikan angka ini benar menurut sumbernya (salah ketik satu digit sering "
        "membuat perubahan sebesar ini) dan jelaskan di kolom catatan bila memang benar.",
        "Not an error: make sure the figure matches its source (a single mistyped digit often "
        "causes such a jump) and explain it in catatan if it is right.",
    ),
    "angka_ambigu": Message(
        "Nilai {value!r} dibaca sebagai angka desimal {value} (titik = pemisah desimal).",
        "Value {value!r} is read as the decimal number {value} (dot = decimal separator).",
        "Bukan galat bila memang desimal. Bila maksudnya {batas} (titik sebagai pemisah ribuan), "
        "tulis {batas} tanpa titik.",
        "Not an error if it really is a decimal. If you meant {batas} (dot as thousand "
        "separator), write {batas} without the dot.",
    ),
    "jumlah_desa": Message(
        "Angka kecamatan {value} berbeda dengan jumlah seluruh desanya di {rinci} ({batas}).",
        "The kecamatan figure {value} differs from the sum of its desa in {rinci} ({batas}).",
        "Bukan galat: periksa angka kecamatan dan angka tiap desa terhadap sumbernya; bila "
        "sumbernya memang berbeda, jelaskan di kolom catatan.",
        "Not an error: check the kecamatan figure and each desa figure against the source; if "
        "the sources really differ, explain it in catatan.",
    ),
    "bukan_wilayah_formulir": Message(
        "Wilayah {value!r} bukan bagian dari kecamatan formulir ini ({batas}).",
        "Area {value!r} is not part of this form's kecamatan ({batas}).",
        "Satu formulir hanya untuk satu kecamatan: hapus baris ini, atau buat formulir untuk "
        "kecamatan yang benar dengan `monografi formulir --kecamatan KODE`.",
        "One form covers one kecamatan only: delete this row, or make a form for the right "
        "kecamatan with `monografi formulir --kecamatan CODE`.",
    ),
    "formulir": Message(
        "Berkas ini bukan formulir isian Monografi yang dapat diimpor: {value}",
        "This file is not an importable Monografi form: {value}",
        "Buat formulir baru dengan `monografi formulir --kecamatan KODE`, salin angkanya, "
        "dan jangan mengubah nama lembar maupun baris kode kolom (baris 2).",
        "Make a new form with `monografi formulir --kecamatan CODE`, copy the figures in, "
        "and do not rename sheets or change the column-code row (row 2).",
    ),
    "berkas_kosong": Message(
        "Berkas kosong: tidak ada baris judul kolom.",
        "The file is empty: there is no header row.",
        "Tulis baris judul kolom di baris pertama: {batas} (lalu satu baris per data, bila ada).",
        "Write the header row on the first line: {batas} (then one row per record, if any).",
    ),
    "berkas": Message(
        "Berkas tidak dapat dibaca: {value}",
        "The file cannot be read: {value}",
        "Simpan ulang sebagai CSV UTF-8 (Excel: Simpan Sebagai → CSV UTF-8).",
        "Save it again as CSV UTF-8 (Excel: Save As → CSV UTF-8).",
    ),
    "metadata": Message(
        "Deskripsi paket data tidak sah: {value}",
        "The data package description is invalid: {value}",
        "Perbaiki datasets/datapackage.json atau skemanya sesuai spesifikasi Frictionless.",
        "Fix datasets/datapackage.json or its schema per the Frictionless specification.",
    ),
    "jalur_tidak_aman": Message(
        "Jalur {value!r} menunjuk ke luar folder datasets/ atau ke jaringan.",
        "Path {value!r} points outside datasets/ or to the network.",
        "Pakai jalur relatif di dalam datasets/, mis. \"penduduk_kecamatan.csv\".",
        "Use a relative path inside datasets/, e.g. \"penduduk_kecamatan.csv\".",
    ),
    "berkas_hilang": Message(
        "Berkas {value!r} tidak ditemukan.",
        "File {value!r} was not found.",
        "Periksa nama berkas di datapackage.json atau tambahkan berkasnya.",
        "Check the file name in datapackage.json or add the file.",
    ),
    "sumber_tidak_dikenal": Message(
        "Sumber {value!r} tidak terdaftar di tabel sumber (datasets/sumber.csv).",
        "Source {value!r} is not listed in the sources table (datasets/sumber.csv).",
        "Pakai kode sumber yang ada ({batas}) atau tambahkan satu baris untuk sumber baru di "
        "datasets/sumber.csv (id, judul, tahun, lisensi; lihat Panduan data).",
        "Use an existing source id ({batas}) or add a row for the new source to "
        "datasets/sumber.csv (id, judul, tahun, lisensi; see the data guide).",
    ),
    "data_pribadi": Message(
        "Nilai {value!r} tampak seperti data pribadi ({batas}).",
        "Value {value!r} looks like personal data ({batas}).",
        "Data pribadi (NIK, No. KK, telepon, surel) tidak boleh diterbitkan: hapus dari berkas.",
        "Personal data (NIK, family card no., phone, e-mail) must never be published: remove it.",
    ),
    "kode_induk": Message(
        "Kode {value!r} tidak berada di bawah {batas}.",
        "Code {value!r} does not belong to {batas}.",
        "Kode wilayah harus diawali kode induknya; periksa kolom kode.",
        "An area code must start with its parent's code; check the code columns.",
    ),
    "jenis_desa": Message(
        "Jenis {value!r} tidak cocok dengan kode wilayah ({batas}).",
        "Type {value!r} does not match the area code ({batas}).",
        "Segmen keempat kode 1xxx berarti kelurahan, 2xxx berarti desa (Kepmendagri).",
        "Fourth code segment 1xxx means kelurahan, 2xxx means desa (Kepmendagri).",
    ),
    "pengkodean_tulis": Message(
        "Karakter {value!r} tidak dapat disimpan dalam pengkodean {batas} berkas ini.",
        "Character {value!r} cannot be stored in this file's {batas} encoding.",
        "Ganti karakter itu, atau ubah pengkodean berkas menjadi utf-8 di datapackage.json.",
        "Replace the character, or switch the file's encoding to utf-8 in datapackage.json.",
    ),
    # --- fill-in forms and impor (formulir.py, impor.py) ---
    "bukan_xlsx": Message(
        "Berkas {value!r} bukan berkas .xlsx; simpan sebagai Excel Workbook (.xlsx). Terbaca "
        "sebagai: {batas}.",
        "{value!r} is not an .xlsx file; save it as Excel Workbook (.xlsx). It looks like: {batas}.",
        "Buka berkas di Excel atau LibreOffice, pilih Simpan Sebagai → Excel Workbook (.xlsx), lalu "
        "impor berkas .xlsx itu. Mengganti nama berkas saja tidak cukup.",
        "Open it in Excel or LibreOffice, choose Save As → Excel Workbook (.xlsx), then import that "
        ".xlsx file. Renaming the file is not enough.",
    ),
    "formulir_lembar": Message(
        "Lembar {value!r} formulir tidak ditemukan (namanya diubah atau lembarnya dihapus).",
        "The form's sheet {value!r} is missing (renamed or deleted).",
        "Kembalikan nama lembar menjadi {value!r}, atau unduh formulir baru dengan `monografi "
        "formulir --kecamatan {kecamatan}` lalu salin angka Anda ke sana.",
        "Rename the sheet back to {value!r}, or make a fresh form with `monografi formulir "
        "--kecamatan {kecamatan}` and copy your figures into it.",
    ),
    "formulir_kode": Message(
        "Kode kolom {value!r} di baris 2 diubah, digandakan, atau hilang.",
        "Column code {value!r} in row 2 was changed, duplicated or removed.",
        "Baris 2 (kode kolom abu-abu) harus tetap seperti semula: kembalikan isinya, atau unduh "
        "formulir baru dengan `monografi formulir --kecamatan {kecamatan}` lalu salin angka "
        "Anda ke sana.",
        "Row 2 (the grey column codes) must stay as it was: restore it, or make a fresh form with "
        "`monografi formulir --kecamatan {kecamatan}` and copy your figures into it.",
    ),
    "di_luar_tabel": Message(
        "Nilai {value!r} diketik di luar tabel formulir (kolom tanpa kode di baris 2) dan tidak "
        "akan diimpor.",
        "Value {value!r} was typed outside the form's table (a column without a code in row 2) "
        "and would not be imported.",
        "Pindahkan nilai ke kolom yang benar di tabel, atau hapus sel ini.",
        "Move the value into the right column of the table, or clear this cell.",
    ),
    "kolom_bantuan": Message(
        "Nilai {value!r} diketik di kolom bantuan nama wilayah, yang tidak diimpor (seharusnya "
        "{batas!r}).",
        "Value {value!r} was typed in the helper area-name column, which is not imported "
        "(expected {batas!r}).",
        "Pindahkan angka ke kolom yang benar; untuk mengganti wilayah, ubah kode di kolom kode "
        "wilayah. Kolom nama hanya bantuan.",
        "Move the figure to the right column; to change the area, change the code in the area "
        "code column. The name column is only a helper.",
    ),
    "rumus_tanpa_nilai": Message(
        "Sel ini berisi rumus tanpa nilai tersimpan ({value}).",
        "This cell holds a formula without a saved value ({value}).",
        "rumus tanpa nilai tersimpan: buka dan simpan ulang di Excel/LibreOffice, atau ketik "
        "angkanya.",
        "formula without a saved value: open and save the file again in Excel/LibreOffice, or type "
        "the figure.",
    ),
    "konflik": Message(
        "Nilai ini sudah diubah di datasets/ sejak formulir dibuat: saat formulir dibuat {awal!r}, "
        "sekarang {kini!r}, di formulir diketik {value!r}.",
        "This value was changed in datasets/ since the form was made: when the form was made "
        "{awal!r}, now {kini!r}, typed in the form {value!r}.",
        "Tanyakan rekan yang mengubahnya. Bila nilai sekarang ({kini!r}) benar, ketik {awal!r} atau "
        "{kini!r} di sel ini; bila nilai Anda yang benar, ketik di formulir baru (`monografi "
        "formulir`). Tidak ada yang diimpor sampai ini jelas.",
        "Ask the colleague who changed it. If today's value ({kini!r}) is right, type {awal!r} or "
        "{kini!r} in this cell; if yours is right, type it in a fresh form (`monografi "
        "formulir`). Nothing is imported until this is settled.",
    ),
    "konflik_dihapus": Message(
        "Baris ini sudah dihapus dari datasets/ sejak formulir dibuat, tetapi nilainya diubah di "
        "formulir (diketik {value!r}).",
        "This row was deleted from datasets/ since the form was made, but the form changes it "
        "(typed {value!r}).",
        "Tanyakan rekan yang menghapusnya; bila baris memang harus ada, isi di formulir baru "
        "(`monografi formulir`).",
        "Ask the colleague who deleted it; if the row must exist, fill it in a fresh form "
        "(`monografi formulir`).",
    ),
    "formulir_lama": Message(
        "Formulir versi lama ini tidak mencatat nilai saat dibuat, dan nilainya ({value!r}) berbeda "
        "dengan datasets/ sekarang ({kini!r}): tidak dapat dipastikan mana yang lebih baru.",
        "This old-version form does not record the values it was made from, and its value "
        "({value!r}) differs from datasets/ today ({kini!r}): which one is newer cannot be told.",
        "Buat formulir baru dengan `monografi formulir` dan ketik perubahan Anda di sana, "
        "atau ketik {kini!r} di sel ini.",
        "Make a fresh form with `monografi formulir` and type your changes there, or type "
        "{kini!r} in this cell.",
    ),
    "tulis_gagal": Message(
        "Berkas {value!r} tidak dapat ditulis: {batas}",
        "File {value!r} cannot be written: {batas_en}",
        "{perbaikan} Tidak ada berkas di datasets/ yang diubah.",
        "{perbaikan_en} No file in datasets/ was changed.",
    ),
    "impor_terputus": Message(
        "Impor terhenti setengah jalan dan berkas ini belum dapat dikembalikan.",
        "The import stopped half-way and this file could not be put back yet.",
        "Tutup program yang membuka berkas di datasets/, lalu jalankan `monografi impor` "
        "lagi: perubahan setengah jalan dibatalkan dulu secara otomatis.",
        "Close any program holding files in datasets/, then run `monografi impor` again: "
        "the half-done change is undone automatically first.",
    ),
    "impor_terputus_diubah": Message(
        "Impor sebelumnya terhenti setengah jalan, dan berkas ini sudah diubah lagi sesudahnya.",
        "An earlier import stopped half-way, and this file was changed again since.",
        "Tidak ada yang ditimpa. Bandingkan berkas ini dengan salinan sebelum impor di {value}, "
        "pulihkan yang benar (mis. `git checkout`), lalu hapus folder itu.",
        "Nothing was overwritten. Compare the file with the pre-import copies in {value}, restore "
        "the right one (e.g. `git checkout`), then delete that folder.",
    ),
    "impor_dipulihkan": Message(
        "Impor sebelumnya terhenti setengah jalan; berkas ini dikembalikan seperti sebelum impor itu.",
        "An earlier import stopped half-way; this file was put back as it was before it.",
        "Impor ulang formulir yang terhenti itu bila perubahannya masih diperlukan.",
        "Import that form again if its changes are still needed.",
    ),
    "impor_sibuk": Message(
        "Pembangunan situs atau impor lain sedang berjalan.",
        "A site build or another import is running.",
        "Tunggu sampai selesai lalu jalankan impor lagi; tidak ada yang diubah.",
        "Wait for it to finish and run the import again; nothing was changed.",
    ),
    "lembar_lain": Message(
        "Lembar {value!r} bukan bagian dari formulir; isinya tidak diimpor.",
        "Sheet {value!r} is not part of the form; its contents are not imported.",
        "Bila angkanya harus diimpor, pindahkan ke lembar tabel yang sesuai; bila hanya catatan "
        "kerja, abaikan peringatan ini.",
        "If its figures must be imported, move them to the matching table sheet; if it is only a "
        "working note, ignore this warning.",
    ),
    # --- end of forms block ---
    "peta_berkas": Message(
        "Berkas batas wilayah tidak dapat dibaca sebagai GeoJSON: {value}",
        "The boundary file cannot be read as GeoJSON: {value}",
        "Ekspor ulang sebagai GeoJSON (FeatureCollection, WGS84), mis. dari QGIS.",
        "Export it again as GeoJSON (FeatureCollection, WGS84), e.g. from QGIS.",
    ),
    "peta_tingkat": Message(
        "Tingkat wilayah {value!r} untuk batas wilayah tidak dikenal.",
        "Unknown area level {value!r} for the boundaries.",
        "Isi \"tingkat\" dengan kabupaten, kecamatan, atau desa.",
        "Set \"tingkat\" to kabupaten, kecamatan or desa.",
    ),
    "peta_geometri": Message(
        "Geometri wilayah {value!r} tidak sah ({batas}).",
        "Geometry of area {value!r} is invalid ({batas}).",
        "Perbaiki di QGIS (Vektor → Alat Geometri → Perbaiki Geometri) lalu ekspor ulang.",
        "Repair it in QGIS (Vector → Geometry Tools → Fix Geometries) and export again.",
    ),
    "peta_kode": Message(
        "Kode {value!r} di berkas batas wilayah tidak ada di daftar {batas}.",
        "Code {value!r} in the boundary file is not in the {batas} list.",
        "Samakan properti kode dengan kode Kemendagri di {batas}.csv.",
        "Make the code property match the Kemendagri code in {batas}.csv.",
    ),
    "peta_hilang": Message(
        "Wilayah {value!r} tidak punya batas di berkas batas wilayah.",
        "Area {value!r} has no boundary in the boundary file.",
        "Tambahkan poligonnya; setiap {batas} harus ada di peta.",
        "Add its polygon; every {batas} must be on the map.",
    ),
    # Safe publication (URLs from datapackage.json).
    "alamat_tidak_aman": Message(
        "Alamat {value!r} tidak dapat diterbitkan sebagai tautan: yang diterima hanya {batas} "
        "(tanpa spasi atau karakter tersembunyi).",
        "Address {value!r} cannot be published as a link: only {batas} is accepted "
        "(no spaces or hidden characters).",
        "Tulis alamat lengkapnya, mis. \"https://creativecommons.org/licenses/by/4.0/\" "
        "(atau surel \"nama@contoh.go.id\" untuk kontak), atau hapus kunci ini bila alamatnya "
        "tidak ada.",
        "Write the full address, e.g. \"https://creativecommons.org/licenses/by/4.0/\" "
        "(or an e-mail \"nama@contoh.go.id\" for a contact), or delete this key if there is "
        "no address.",
    ),
    # --- package structure, presentation hints, row rules, emptied tables (issue 9, checks) ---
    "nama_tidak_aman": Message(
        "Nama {value!r} tidak boleh dipakai: nama menjadi nama berkas di situs.",
        "Name {value!r} cannot be used: names become file names in the site.",
        "Pakai huruf kecil, angka, _ atau - saja, diawali huruf atau angka (tanpa titik, garis "
        "miring, spasi), mis. \"penduduk_kecamatan\".",
        "Use lower-case letters, digits, _ or - only, starting with a letter or digit (no dots, "
        "slashes or spaces), e.g. \"penduduk_kecamatan\".",
    ),
    "nama_ganda": Message(
        "Nama tabel {value!r} sudah dipakai di {batas}.",
        "Table name {value!r} is already used at {batas}.",
        "Setiap tabel perlu nama sendiri: ganti salah satu nama, atau hapus entri yang ganda.",
        "Each table needs its own name: rename one of them, or delete the duplicate entry.",
    ),
    "tipe_json": Message(
        "Isi {value} di kunci ini harus berupa {jenis}.",
        "The value {value} at this key must be {jenis_en}.",
        "Tulis kunci ini sebagai {jenis} di datasets/datapackage.json (lihat Panduan data).",
        "Write this key as {jenis_en} in datasets/datapackage.json (see the data guide).",
    ),
    "kunci_wajib": Message(
        "Kunci {value!r} wajib ada di {batas}, tetapi belum diisi.",
        "Key {value!r} is required in {batas} but missing.",
        "Tambahkan kunci {value!r} (lihat contoh di Panduan data).",
        "Add the key {value!r} (see the examples in the data guide).",
    ),
    "json_rusak": Message(
        "Berkas JSON ini tidak dapat dibaca di sekitar {value!r}.",
        "This JSON file cannot be read around {value!r}.",
        "Periksa tanda kutip, koma (tidak boleh ada koma sebelum }} atau ]) dan kurung {{ }} [ ] "
        "di baris ini atau baris sebelumnya; simpan sebagai UTF-8.",
        "Check quotes, commas (no comma before }} or ]) and brackets {{ }} [ ] on this line or "
        "the one before; save as UTF-8.",
    ),
    "data_sebaris": Message(
        "Tabel {value!r} menyimpan datanya di dalam datapackage.json.",
        "Table {value!r} keeps its data inside datapackage.json.",
        "Pindahkan data ke berkas CSV di datasets/ dan tulis \"path\": \"NAMA.csv\".",
        "Move the data into a CSV file in datasets/ and set \"path\": \"NAME.csv\".",
    ),
    "skema": Message(
        "Skema atau deskripsi tidak sah: {alasan}.",
        "Schema or description is invalid: {alasan_en}.",
        "Perbaiki kunci ini di datasets/datapackage.json atau di berkas skemanya.",
        "Fix this key in datasets/datapackage.json or in its schema file.",
    ),
    "pola_rusak": Message(
        "Pola {value!r} bukan ekspresi reguler yang sah.",
        "Pattern {value!r} is not a valid regular expression.",
        "Perbaiki polanya (kurung dan tanda [ ] harus berpasangan), mis. \"^[0-9]{{2}}$\".",
        "Fix the pattern (brackets and [ ] must be balanced), e.g. \"^[0-9]{{2}}$\".",
    ),
    "kunci_kolom": Message(
        "Kolom {value!r} tidak ada di skema tabel {tabel}.",
        "Column {value!r} is not in the schema of table {tabel}.",
        "Pakai salah satu kolom: {batas}.",
        "Use one of the columns: {batas}.",
    ),
    "kunci_tabel": Message(
        "Tabel rujukan {value!r} tidak ada di datapackage.json.",
        "Referenced table {value!r} is not in datapackage.json.",
        "Pakai salah satu nama tabel: {batas}.",
        "Use one of the table names: {batas}.",
    ),
    "petunjuk_jenis": Message(
        "Jenis grafik {value!r} tidak dikenal.",
        "Unknown chart kind {value!r}.",
        "Isi \"jenis\" dengan salah satu dari: {batas}.",
        "Set \"jenis\" to one of: {batas}.",
    ),
    "petunjuk_kolom": Message(
        "Kolom {value!r} tidak ada di skema tabel {tabel}.",
        "Column {value!r} is not in the schema of table {tabel}.",
        "Pakai salah satu kolom skema (periksa salah ketik): {batas}.",
        "Use one of the schema's columns (check for typos): {batas}.",
    ),
    "petunjuk_tipe_kolom": Message(
        "Kolom {value!r} di tabel {tabel} bertipe {tipe}, padahal di sini perlu kolom angka.",
        "Column {value!r} of table {tabel} has type {tipe}, but a numeric column is needed here.",
        "Pilih kolom bertipe integer atau number.",
        "Choose a column of type integer or number.",
    ),
    "petunjuk_tabel": Message(
        "{value!r} tidak dapat dipakai untuk tabel {tabel}: tabel ini tidak punya kolom kode "
        "wilayah dan periode yang diperlukan.",
        "{value!r} cannot be used for table {tabel}: it lacks the area code and period columns "
        "it needs.",
        "Hapus petunjuk ini, atau pakai tabel yang punya kolom kode_… dan tahun/periode.",
        "Remove this hint, or use it on a table with a kode_… and a tahun/periode column.",
    ),
    "petunjuk_sumber": Message(
        "Sumber {value!r} tidak terdaftar di tabel sumber (datasets/sumber.csv).",
        "Source {value!r} is not listed in the sources table (datasets/sumber.csv).",
        "Pakai kode sumber yang ada: {batas}.",
        "Use an existing source id: {batas}.",
    ),
    "petunjuk_rinci": Message(
        "Tabel rincian {value!r} tidak ada atau bukan tabel per desa.",
        "Detail table {value!r} does not exist or is not a per-desa table.",
        "Pakai salah satu tabel per desa: {batas}.",
        "Use one of the per-desa tables: {batas}.",
    ),
    "petunjuk_nilai": Message(
        "Nilai {value} di luar batas ({batas}).",
        "Value {value} is out of range ({batas}).",
        "Tulis angka {batas}.",
        "Write a number {batas}.",
    ),
    "petunjuk_pilihan": Message(
        "Isian {value!r} tidak dikenal di kunci ini.",
        "Value {value!r} is not known at this key.",
        "Pakai salah satu isian: {batas}.",
        "Use one of the values: {batas}.",
    ),
    "petunjuk_tingkat": Message(
        "Petunjuk {value!r} hanya untuk tabel per desa/kelurahan, sedangkan tabel {tabel} per "
        "{tingkat}.",
        "Hint {value!r} is only for a table per desa/kelurahan, but table {tabel} is per {tingkat}.",
        "Hapus petunjuk ini, atau pindahkan ke tabel per desa/kelurahan (dengan kolom kode_desa).",
        "Remove this hint, or move it to a table per desa/kelurahan (with a kode_desa column).",
    ),
    "petunjuk_tak_dikenal": Message(
        "Kunci {value!r} tidak dikenal di sini dan diabaikan.",
        "Key {value!r} is not known here and is ignored.",
        "Periksa salah ketik; kunci yang dikenal: {batas}.",
        "Check for a typo; known keys: {batas}.",
    ),
    "rumus_sintaks": Message(
        "Rumus aturan baris {value!r} tidak dapat dibaca (sekitar {batas!r}).",
        "Row rule formula {value!r} cannot be read (around {batas!r}).",
        "Tulis rumus Python sederhana dengan nama kolom, angka, + - * /, ==, <, and, or, "
        "is None, mis. \"laki_laki + perempuan == jumlah\".",
        "Write a simple Python expression with column names, numbers, + - * /, ==, <, and, or, "
        "is None, e.g. \"laki_laki + perempuan == jumlah\".",
    ),
    "rumus_kolom": Message(
        "Rumus aturan baris memakai {nama!r}, yang bukan kolom tabel ini.",
        "The row rule uses {nama!r}, which is not a column of this table.",
        "Pakai nama kolom skema (periksa salah ketik): {batas}.",
        "Use the schema's column names (check for typos): {batas}.",
    ),
    "tabel_dikosongkan": Message(
        "Tabel ini kosong (hanya baris judul), padahal versi yang terbit berisi {batas} baris.",
        "This table is empty (header only), but the published version has {batas} rows.",
        "Bila tidak sengaja, pulihkan barisnya (mis. `git checkout -- datasets/{value}`). Bila "
        "memang harus dikosongkan, tulis \"boleh_kosong\": true di bagian \"monografi\" tabel "
        "ini di datapackage.json.",
        "If this was an accident, restore the rows (e.g. `git checkout -- datasets/{value}`). If "
        "it must really be emptied, set \"boleh_kosong\": true in this table's \"monografi\" "
        "block in datapackage.json.",
    ),
    "baris_berkurang": Message(
        "Tabel ini tinggal {value} baris, padahal versi yang terbit berisi {batas} baris "
        "(berkurang {persen}).",
        "This table has {value} rows left, but the published version has {batas} ({persen} "
        "fewer).",
        "Bukan galat: pastikan baris-baris itu memang sengaja dihapus sebelum membangun.",
        "Not an error: make sure the rows were removed on purpose before building.",
    ),
    # --- catalog branch (issue 11): the publisher block ---
    "penerbit_tanpa_email": Message(
        "Penerbit data {value!r} belum punya alamat e-mail kontak. Situs tetap dibangun, tetapi "
        "data.json tidak lolos validasi Project Open Data v1.1 (contactPoint.hasEmail wajib) "
        "sampai alamat ini diisi.",
        "Data publisher {value!r} has no contact e-mail address yet. The site still builds, but "
        "data.json will not validate against Project Open Data v1.1 (contactPoint.hasEmail is "
        "required) until it is set.",
        "Isi alamat e-mail resmi badan penerbit di kunci ini, mis. \"email\": "
        "\"data@contoh.go.id\", pada kontributor dengan \"role\": \"publisher\" (beserta "
        "\"title\" nama badan dan \"path\" alamat situsnya).",
        "Write the publishing body's official e-mail address at this key, e.g. \"email\": "
        "\"data@example.go.id\", in the contributor with \"role\": \"publisher\" (with "
        "\"title\" the body's name and \"path\" its website).",
    ),
    # --- branch read (issue 10): declared headline figures -------------------------------
    "angka_utama_agregasi": Message(
        "Agregasi {value!r} untuk angka utama tidak dikenal.",
        "Unknown headline aggregation {value!r}.",
        "Isi \"agregasi\" dengan salah satu dari: {batas}.",
        "Set \"agregasi\" to one of: {batas}.",
    ),
    "angka_utama_kategori": Message(
        "Angka utama {value!r} tabel {tabel} diambil dari satu baris, padahal satu periode "
        "dibagi menurut {kategori}: kartu akan menampilkan satu kategori seolah-olah total.",
        "Headline {value!r} of table {tabel} takes one row, but each period is split by "
        "{kategori}: the card would show one category as if it were the total.",
        "Tambahkan \"agregasi\": \"jumlah\" untuk menjumlahkan semua kategori, atau "
        "\"saring\": {{\"{kolom}\": \"…\"}} untuk memilih satu kategori.",
        "Add \"agregasi\": \"jumlah\" to add up all categories, or "
        "\"saring\": {{\"{kolom}\": \"…\"}} to pick one category.",
    ),
    # --- staff branch (issue 14): the sources table, the dataset scaffold, the inbox ---
    "sumber_di_json": Message(
        "Daftar sumber ({value}) masih ditulis di bagian \"sources\" datapackage.json; sumber "
        "kini dicatat di tabel datasets/sumber.csv.",
        "Sources ({value}) are still listed under \"sources\" in datapackage.json; sources now "
        "live in the table datasets/sumber.csv.",
        "Pindahkan setiap sumber menjadi satu baris di datasets/sumber.csv (id, judul, penerbit, "
        "tahun, url, lisensi, catatan), lalu hapus bagian \"sources\" dari datapackage.json.",
        "Move each source to a row of datasets/sumber.csv (id, judul, penerbit, tahun, url, "
        "lisensi, catatan), then delete \"sources\" from datapackage.json.",
    ),
    "sumber_tanpa_tabel": Message(
        "Ada tabel dengan kolom sumber, tetapi tabel sumber ({value}) tidak terdaftar di "
        "datapackage.json.",
        "Some tables have a sumber column, but the sources table ({value}) is not in "
        "datapackage.json.",
        "Daftarkan datasets/sumber.csv sebagai sumber daya bernama \"sumber\" dengan skema "
        "schemas/sumber.json (lihat paket bawaan).",
        "Register datasets/sumber.csv as a resource named \"sumber\" with schema "
        "schemas/sumber.json (see the bundled package).",
    ),
    "alamat_sel": Message(
        "Alamat {value!r} tidak dapat diterbitkan sebagai tautan: yang diterima hanya {batas} "
        "(tanpa spasi atau karakter tersembunyi).",
        "Address {value!r} cannot be published as a link: only {batas} is accepted "
        "(no spaces or hidden characters).",
        "Tulis alamat lengkapnya, mis. \"https://karawangkab.bps.go.id/\", atau kosongkan sel ini "
        "bila sumbernya tidak punya alamat web.",
        "Write the full address, e.g. \"https://karawangkab.bps.go.id/\", or leave the cell empty "
        "if the source has no web address.",
    ),
    "isian_kerangka": Message(
        "Teks contoh dari `monografi dataset-baru` belum diganti: {value!r}.",
        "Placeholder text from `monografi dataset-baru` is still there: {value!r}.",
        "Ganti seluruh teks \"ISI: …\" di kunci ini dengan teks yang sebenarnya (judul, satuan, "
        "keterangan; lihat Panduan data, bagian Menambah dataset).",
        "Replace the whole \"ISI: …\" text at this key with the real text (title, unit, "
        "description; see the data guide, Adding a dataset).",
    ),
    "kotak_masuk_jenis": Message(
        "Berkas {value!r} di kotak masuk bukan formulir .xlsx atau tabel .csv.",
        "File {value!r} in the inbox is neither an .xlsx form nor a .csv table.",
        "Unggah formulir yang disimpan sebagai Excel Workbook (.xlsx), atau tabel sebagai CSV UTF-8 "
        "dengan nama tabelnya (mis. penduduk_desa.csv); hapus berkas ini dari kotak-masuk/.",
        "Upload forms saved as Excel Workbook (.xlsx), or tables as UTF-8 CSV named after the "
        "table (e.g. penduduk_desa.csv); delete this file from kotak-masuk/.",
    ),
    "kotak_masuk_tabel": Message(
        "Tidak ada tabel bernama {value!r}: CSV di kotak masuk menggantikan tabel dengan nama yang "
        "sama.",
        "There is no table named {value!r}: a CSV in the inbox replaces the table of the same name.",
        "Ganti nama berkas menjadi salah satu dari: {batas}. Untuk tabel baru pakai "
        "`monografi dataset-baru`.",
        "Rename the file to one of: {batas}. For a new table use `monografi dataset-baru`.",
    ),
    # --- end of staff block (rules) ---
    # --- branch read2 (issue 10): boundaries repaired as people have them ---------------------
    "peta_diperbaiki": Message(
        "Batas wilayah {value} ({nama}) tidak sah ({batas}) dan diperbaiki otomatis; luasnya "
        "berubah {persen}.",
        "Boundary of {value} ({nama}) was invalid ({batas}) and was repaired automatically; its "
        "area changed by {persen_en}.",
        "Tidak wajib: peta memakai batas yang diperbaiki. Untuk menghilangkan peringatan ini, "
        "perbaiki di QGIS (Vektor → Alat Geometri → Perbaiki Geometri) lalu ekspor ulang.",
        "Optional: the maps use the repaired boundary. To silence this warning, repair it in "
        "QGIS (Vector → Geometry Tools → Fix Geometries) and export again.",
    ),
    "peta_perbaikan_besar": Message(
        "Batas wilayah {value} ({nama}) tidak sah ({batas}); perbaikan otomatis akan mengubah "
        "luasnya {persen} (batas {maks}), jadi bentuk yang dimaksud tidak dapat dipastikan.",
        "Boundary of {value} ({nama}) is invalid ({batas}); an automatic repair would change its "
        "area by {persen_en} (limit {maks_en}), so the intended shape cannot be known.",
        "Periksa poligonnya di QGIS (mis. titik yang tertukar urutannya), perbaiki, lalu ekspor "
        "ulang.",
        "Check the polygon in QGIS (e.g. vertices in the wrong order), fix it and export again.",
    ),
}

# JSON kinds named by tipe_json: (id, en).
JSON_KIND_NAMES = {
    "teks": Message("teks dalam tanda kutip, mis. \"…\"", "a quoted text, e.g. \"…\""),
    "angka": Message("angka, mis. 0.5", "a number, e.g. 0.5"),
    "benar_salah": Message("true atau false", "true or false"),
    "objek": Message("objek { … }", "an object { … }"),
    "daftar_teks": Message("daftar teks [\"…\", \"…\"]", "a list of texts [\"…\", \"…\"]"),
    "daftar_objek": Message("daftar objek [{ … }]", "a list of objects [{ … }]"),
}

# A row rule without "pesan", said in words: ast operator name -> (id, en).
RULE_WORDS = {
    "Eq": Message("sama dengan", "equals"), "NotEq": Message("tidak sama dengan", "differs from"),
    "Lt": Message("lebih kecil dari", "is less than"), "LtE": Message("paling besar", "is at most"),
    "Gt": Message("lebih besar dari", "is greater than"), "GtE": Message("paling kecil", "is at least"),
    "In": Message("termasuk", "is in"), "NotIn": Message("tidak termasuk", "is not in"),
    "IsNone": Message("kosong", "is empty"), "IsNotNone": Message("terisi", "is filled in"),
    "And": Message("dan", "and"), "Or": Message("atau", "or"), "Not": Message("tidak benar bahwa", "not"),
    "values": Message("{rule} (nilai di baris ini: {values})", "{rule} (values on this row: {values})"),
    "empty": Message("kosong", "empty"),
}

# Frictionless/jsonschema notes on a descriptor (regex over the English note) -> (id, en) reason.
# Groups: the offending value and, when the note names one, the property.
METADATA_NOTES = (
    (r'field type "(?P<value>.*)" is not supported',
     Message("tipe kolom {value!r} tidak dikenal; pakai string, integer, number, date, boolean, year",
      "field type {value!r} is not supported; use string, integer, number, date, boolean, year")),
    (r"(?P<value>.*) is not of type '(?P<kind>\w+)'",
     Message("nilai {value} bertipe salah (seharusnya {kind})",
      "value {value} has the wrong type (expected {kind})")),
    (r"(?P<value>.*) does not match '.*'",
     Message("nilai {value} tidak sesuai format yang diminta", "value {value} does not match the format")),
    (r"(?P<value>.*) is a required property",
     Message("kunci {value} wajib ada", "key {value} is required")),
    (r"(?P<value>.*) is not one of \[(?P<kind>.*)\]",
     Message("nilai {value} bukan salah satu dari {kind}", "value {value} is not one of {kind}")),
    (r'primary key "(?P<value>.*)" does not match the fields',
     Message("kunci utama {value} menyebut kolom yang tidak ada", "primary key {value} names a column "
      "that does not exist")),
    (r"(?P<value>.*) is not valid under any of the given schemas",
     Message("bentuk nilai {value} tidak sah", "value {value} has an invalid shape")),
    (r"(?P<value>.*)",
     Message("bentuknya tidak sesuai spesifikasi Frictionless Data Package",
      "it does not follow the Frictionless Data Package specification")),
)

# Fallback when Frictionless raises an error type we have no sentence for.
UNKNOWN_RULE = Message(
    "Masalah data ({value}).",
    "Data problem ({value}).",
    "Periksa baris dan kolom ini.",
    "Check this row and column.",
)

TYPE_NAMES = {
    "integer": TypeName(
        "bilangan bulat", "whole number", "angka bulat seperti 1234", "a whole number like 1234"),
    "number": TypeName(
        "angka",
        "number",
        "angka dengan titik sebagai pemisah desimal, mis. 12.5",
        "a number with a dot as decimal separator, e.g. 12.5",
    ),
    "date": TypeName("tanggal", "date", "tanggal seperti 2024-06-30", "a date like 2024-06-30"),
    "boolean": TypeName("nilai ya/tidak", "yes/no value", "true atau false", "true or false"),
    "string": TypeName("teks", "text", "teks biasa", "plain text"),
}

UI = {
    "report_header": Message("{n} galat dan {warnings} peringatan ditemukan di {files} berkas.",
                      "{n} errors and {warnings} warnings found in {files} files."),
    "warning": Message("PERINGATAN", "WARNING"),
    "thousands": Message("; tampaknya titik/koma dipakai sebagai pemisah ribuan: bila maksudnya {plain}, "
                  "tulis {plain}",
                  "; the dot/comma looks like a thousand separator: if you mean {plain}, "
                  "write {plain}"),
    "report_ok": Message("Semua data sah.", "All data are valid."),
    "row": Message("baris", "row"),
    "other_row": Message("baris lain", "another row"),
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
                          "datasets/kecamatan.csv{saran_en}"),
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
    "grafik": Message("grafik", "charts"),
    "ekspor": Message("ekspor", "exports"),
    "halaman": Message("halaman", "pages"),
    "indeks pencarian": Message("indeks pencarian", "search index"),
    "berkas tambahan": Message("berkas tambahan", "extra files"),
    "terbit": Message("terbit", "publish"),
}


def ui(key: str, lang: str = "id", **values) -> str:
    return UI[key].text(lang).format(**values)
