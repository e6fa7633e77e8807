"""How `check` (and optionally the build) scales to one very large table: 1,000,000 rows.

    python bench/check_besar.py [--rows 1000000] [--build] [--json bench/hasil-besar.json]

A temporary copy of the bundled project gets a SYNTHETIC penduduk_desa.csv (every desa × a run of
years, random figures that satisfy the row rule); `build.py check` then runs in a subprocess, so
its wall time and peak RSS (getrusage of the child) are its own. With --build the full build runs
afterwards, in another subprocess, and its stage times are recorded as well.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import copy_inputs  # noqa: E402

TABLE = "penduduk_desa.csv"
FIRST_YEAR = 1000  # the tahun column is four digits: room for 9,000 years per desa
HEADER = "kode_desa,tahun,jenis_angka,laki_laki,perempuan,jumlah,sumber,catatan\n"
SYNTHETIC = "DATA SINTETIS untuk uji kinerja — angka acak, bukan data nyata."


def write_table(datasets: Path, rows: int, seed: int = 1) -> None:
    """`rows` synthetic, valid rows: desa-major, consecutive years, laki + perempuan = jumlah,
    each desa's figures drifting slowly from year to year as real ones do.

    Rows are kept short (no catatan) so a million of them stay under the 50 MB file limit; the
    resource's title and description say the figures are synthetic."""
    package = datasets / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["path"] == TABLE)
    resource["title"] = f"{resource.get('title', TABLE)} (sintetis)"
    resource["description"] = SYNTHETIC
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    codes = [line.split(",", 1)[0] for line in
             (datasets / "desa.csv").read_text(encoding="utf-8").splitlines()[1:]]
    per_desa = -(-rows // len(codes))
    rng = random.Random(seed)
    with (datasets / TABLE).open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        written = 0
        for code in codes:
            male, female = rng.randrange(2000, 4000), rng.randrange(2000, 4000)
            for year in range(FIRST_YEAR, FIRST_YEAR + per_desa):
                if written == rows:
                    return
                # a slow random walk: no "perubahan besar" warning on every row
                male = min(4999, max(1000, male + rng.randrange(-20, 21)))
                female = min(4999, max(1000, female + rng.randrange(-20, 21)))
                handle.write(f"{code},{year},proyeksi,{male},{female},{male + female},S6,\n")
                written += 1


def timed(command: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:
        print("peringatan: RSS puncak tidak terukur terpisah (proses anak sebelumnya lebih besar)")
    return seconds, peak / 1024, done


STAGE = re.compile(r"([^·]+?) (\d+(?:\.\d+)?) s(?: ·|$)")


def stage_times(output: str) -> dict[str, float]:
    """The build summary's last line, 'validasi 0.32 s · model 0.92 s · …', as {stage: seconds}."""
    line = next((ln for ln in reversed(output.splitlines()) if " s · " in ln), "")
    return {name.strip(): float(seconds) for name, seconds in STAGE.findall(line.strip())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--build", action="store_true", help="juga ukur build penuh (lama)")
    parser.add_argument("--json", type=Path, default=BENCH / "hasil-besar.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="monografi-besar-") as tmp:
        project = copy_inputs(BENCH.parent, Path(tmp))
        write_table(project / "datasets", args.rows)
        command = [sys.executable, str(BENCH.parent / "build.py"), "--proyek", str(project),
                   "--quiet", "--jobs", "1"]
        seconds, peak, done = timed([*command, "check"], project)
        result = {"catatan": f"{TABLE} SINTETIS {args.rows} baris; proyek bawaan lainnya",
                  "baris": args.rows, "check": {"detik": round(seconds, 1), "rss_puncak_mb":
                                                round(peak), "kode_keluar": done.returncode}}
        print(f"check: {seconds:.1f} s, RSS puncak {peak:.0f} MB, kode keluar {done.returncode}")
        if done.returncode:
            print(done.stdout[-3000:], done.stderr[-3000:])
        if args.build:
            seconds, peak, done = timed(command, project)
            result["build"] = {"detik": round(seconds, 1), "rss_puncak_mb": round(peak),
                               "kode_keluar": done.returncode, "tahap_detik": stage_times(done.stdout),
                               "keluaran": done.stdout[-1500:]}
            print(f"build: {seconds:.1f} s, RSS puncak {peak:.0f} MB\n{done.stdout[-1500:]}")
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
