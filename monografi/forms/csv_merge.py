"""A CSV uploaded to the inbox goes through the same three-way merge as a form.

A form records the values it was made from; a CSV cannot. Its base is found instead among the
versions the table has had: the table now (after the uploads before it in the same run), the
file in datasets/, and its versions in git history (the committed one first). The base is the
version the upload differs from in the fewest cells — ties going to the older version, which
never lets a stale value overwrite a newer one. Then, per cell, as for a form: a cell the upload
left as in its base keeps today's value (a colleague's later correction stays), a cell only the
upload changed is written, and a cell changed on both sides to different values is a conflict
that stops the inbox. A value the upload "changes" back to what the cell held before its base
cannot be told from a stale copy and is a conflict too. Rows added or deleted are merged the
same way. When the upload was made from the table as it is now, it simply replaces it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..messages import Message
from ..validation import dialect, git_base
from ..validation.report import Problem
from ..validation.rules import Kind, Rule
from ..validation.spec import ResourceSpec
from .importer import _same

HISTORY = 50  # versions of a table looked at in git

CSV_CONFLICT = Rule("konflik_csv", Kind.DATA, Message(
    "Nilai ini sudah diubah sejak berkas ini diunduh: saat itu {awal!r}, sekarang {kini!r}, di "
    "berkas unggahan {value!r}.",
    "This value was changed since the file was downloaded: then {awal!r}, now {kini!r}, in the "
    "upload {value!r}.",
    "Tanyakan rekan yang mengubahnya. Unduh tabel terbaru, ketik perubahan Anda di sana, lalu "
    "unggah lagi; tidak ada yang diimpor sampai ini jelas.",
    "Ask the colleague who changed it. Download the latest table, type your changes into it and "
    "upload again; nothing is imported until this is settled.",
))

CSV_STALE_VALUE = Rule("nilai_lama_csv", Kind.DATA, Message(
    "Nilai {value!r} di berkas unggahan adalah nilai lama sel ini (sekarang {kini!r}): tidak "
    "dapat dipastikan apakah itu perubahan Anda atau salinan lama.",
    "The upload's value {value!r} is this cell's old value (now {kini!r}): whether it is your "
    "change or an old copy cannot be told.",
    "Bila nilai sekarang ({kini!r}) benar, ketik itu di berkas; bila nilai lama memang harus "
    "kembali, ubah dengan formulir (`monografi formulir`) atau langsung di datasets/.",
    "If today's value ({kini!r}) is right, type it in the file; if the old value must really "
    "come back, change it with a form (`monografi formulir`) or directly in datasets/.",
))

CSV_ROW_CONFLICT = Rule("konflik_baris_csv", Kind.DATA, Message(
    "Baris {value} dihapus di satu pihak dan diubah di pihak lain sejak berkas ini diunduh.",
    "Row {value} was deleted on one side and changed on the other since the file was "
    "downloaded.",
    "Tanyakan rekan yang mengubahnya; unduh tabel terbaru dan ulangi perubahan Anda di sana.",
    "Ask the colleague who changed it; download the latest table and redo your change there.",
))

CSV_HEADER_CHANGED = Rule("judul_csv_berubah", Kind.DATA, Message(
    "Baris judul berkas unggahan berbeda dari tabel, dan tabelnya sudah berubah sejak berkas ini "
    "diunduh: kedua perubahan tidak dapat digabung.",
    "The upload's header differs from the table's, and the table changed since the file was "
    "downloaded: the two changes cannot be merged.",
    "Unduh tabel terbaru, ulangi perubahan Anda di sana, lalu unggah lagi.",
    "Download the latest table, redo your changes there, then upload again.",
))

CSV_MERGED = Rule("csv_digabung", Kind.DATA, Message(
    "Berkas ini dibuat dari versi lama tabel: {value} perubahan di berkas diterapkan, {kini} "
    "nilai yang diubah sesudahnya dipertahankan (tidak dikembalikan ke nilai lama).",
    "This file was made from an older version of the table: {value} changes in the file were "
    "applied, {kini} values changed since were kept (not reverted).",
    "Bukan galat. Periksa hasilnya di tab Files changed pull request.",
    "Not an error. Check the result in the pull request's Files changed tab.",
), severity="warning")


@dataclass
class Version:
    header: list[str]
    rows: dict[tuple, list[str]]  # key → row, in file order
    lines: dict[tuple, int]  # key → spreadsheet row number


def _version(spec: ResourceSpec, data: bytes) -> Version | None:
    """A version keyed by the primary key, or None when it cannot be keyed (unreadable, no
    key, a key twice): such an upload is validated as it is."""
    table = dialect.read_data(spec, data)
    keys = spec.primary_key
    if table.unreadable or table.problems or not keys or any(k not in table.header for k in keys):
        return None
    at = [table.header.index(k) for k in keys]
    rows: dict[tuple, list[str]] = {}
    lines: dict[tuple, int] = {}
    for number, row in enumerate(table.rows, start=2):
        row = (row + [""] * len(table.header))[:len(table.header)]
        key = tuple(row[i] for i in at)
        if key in rows:
            return None
        rows[key], lines[key] = row, number
    return Version(table.header, rows, lines)


def _distance(a: Version, b: Version) -> int:
    if a.header != b.header:
        return 10**12
    width = len(a.header)
    return sum(width if key not in b.rows else
               sum(not _same(x, y) for x, y in zip(row, b.rows[key], strict=True))
               for key, row in a.rows.items()) + width * len(b.rows.keys() - a.rows.keys())


def history(origin: Path, relpath: str) -> list[bytes]:
    """The table's versions in git, newest first (HEAD's included)."""
    try:
        done = subprocess.run(["git", "-C", str(origin), "log", f"-n{HISTORY}", "--format=%H",
                               "--", relpath], capture_output=True, text=True, check=False,
                              timeout=120)
    except (OSError, subprocess.SubprocessError):
        return []
    revs = ["HEAD", *done.stdout.split()] if done.returncode == 0 else ["HEAD"]
    found: list[bytes] = []
    for rev in revs:  # one batch per version keeps them in order
        found += git_base.versions(origin, [relpath], [rev]).get(relpath, [])
    return found


def merge_upload(spec: ResourceSpec, upload: Path, older: list[bytes], where: str):
    """(bytes to write, problems) for `upload` over the table at spec.file, whose earlier
    versions (newest first) are `older`."""
    data = upload.read_bytes()
    current_bytes = spec.file.read_bytes()
    mine, now = _version(spec, data), _version(spec, current_bytes)
    if mine is None or now is None:
        return data, []
    candidates = [now]
    seen = {current_bytes}
    for version_bytes in older:
        if version_bytes not in seen and (version := _version(spec, version_bytes)) is not None:
            seen.add(version_bytes)
            candidates.append(version)
    distances = [_distance(mine, v) for v in candidates]
    best = max(i for i, d in enumerate(distances) if d == min(distances))  # ties: the older
    if best == 0:
        return data, []
    return _three_way(spec, mine, candidates[best], now, candidates[best + 1:], where)


def _three_way(spec, mine: Version, base: Version, now: Version, before: list[Version],
               where: str):
    header = now.header
    if mine.header != header or base.header != header:
        return None, [Problem(where, CSV_HEADER_CHANGED)]
    keys = spec.primary_key
    problems: list[Problem] = []
    merged: dict[tuple, list[str]] = {}
    applied = kept = 0
    for key in [*now.rows, *(k for k in mine.rows if k not in now.rows)]:
        b, c, u = base.rows.get(key), now.rows.get(key), mine.rows.get(key)
        line = mine.lines.get(key)
        label = " / ".join(key)
        if u is None:
            if b is None and c is not None:
                merged[key] = c  # added since
            elif b is not None and c is not None and not _rows_same(b, c):
                problems.append(Problem(where, CSV_ROW_CONFLICT, None, ", ".join(keys), label))
            elif c is not None and b is not None:
                applied += 1  # deleted in the upload
            continue
        if c is None:
            if b is not None and not _rows_same(u, b):
                problems.append(Problem(where, CSV_ROW_CONFLICT, line, ", ".join(keys), label))
            elif b is None:
                merged[key] = u
                applied += 1
            continue
        row = list(c)
        for index, name in enumerate(header):
            was = b[index] if b is not None else ""
            new, today = u[index], c[index]
            if _same(new, today):
                continue
            if _same(new, was):
                kept += 1  # the upload left it; a colleague changed it since
                continue
            if b is None or not _same(today, was):
                problems.append(Problem(where, CSV_CONFLICT, line, name, new,
                                        {"awal": was, "kini": today}))
                continue
            if any(key in v.rows and _same(new, v.rows[key][index]) for v in before):
                problems.append(Problem(where, CSV_STALE_VALUE, line, name, new, {"kini": today}))
                continue
            row[index] = new
            applied += 1
        merged[key] = row
    if problems:
        return None, problems
    note = Problem(where, CSV_MERGED, value=str(applied), details={"kini": str(kept)})
    return dialect.write(spec, header, list(merged.values())), [note]


def _rows_same(a: list[str], b: list[str]) -> bool:
    return all(_same(x, y) for x, y in zip(a, b, strict=True))

