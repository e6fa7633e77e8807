"""Benchmark of the portal build on SYNTHETIC projects (bench/generate.py) at three scales.

    python bench/run.py --scale kabupaten|provinsi|nasional|bawaan [--runs 3] [--jobs 2]

Four scenarios, each in a fresh process so its peak memory is its own: cold build, no-op
rebuild, rebuild after one CSV row changes, rebuild after a template change. Every regency is
one project; with several, projects are built in a pool of --jobs processes (one worker each),
with one, its build gets --jobs workers. Figures are medians over --runs; prints one table and
writes JSON (bench/hasil-<scale>.json unless --json).

Peak memory is resource.getrusage: max RSS of the scenario process (RUSAGE_SELF) and of its
largest child (RUSAGE_CHILDREN); "batas atas" adds one child per job, the most that can be
resident at once.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from generate import SCALES, generate  # noqa: E402

SCENARIOS = {"dingin": "build dingin", "tanpa_perubahan": "tanpa perubahan",
             "satu_baris": "satu baris CSV berubah", "templat": "templat berubah"}
ROW_FILE = "datasets/penduduk_kecamatan.csv"
TEMPLATE = "theme/templates/base.html"
BUNDLED = "bawaan"  # the real bundled portal instead of a synthetic scale
WEIGHT_SAMPLE = 200
CHART_SAMPLE = 60


def _build_one(args: tuple[str, int | None]) -> dict:
    from monografi.build.pipeline import build

    project, workers = Path(args[0]), args[1]
    with contextlib.redirect_stdout(io.StringIO()):
        result = build(project, project / "output", quiet=True, workers=workers)
    if not result.ok:
        raise RuntimeError(f"{project}: {result.report.format_text()}")
    return {"timings": result.timings, "charts": result.charts, "pages": result.page_counts,
            "noop": result.noop}


def build_all(projects: list[Path], jobs: int) -> dict:
    """Build every project; sums of stage times and counts, wall time, peak memory."""
    start = time.perf_counter()
    if len(projects) == 1:
        results = [_build_one((str(projects[0]), jobs))]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_build_one, [(str(p), 1) for p in projects], chunksize=1))
    wall = time.perf_counter() - start
    total: dict = {"detik": wall, "tahap": {}, "grafik": {"drawn": 0, "reused": 0},
                   "halaman": {"written": 0, "reused": 0}, "tanpa_perubahan": 0}
    for result in results:
        for stage, secs in result["timings"].items():
            total["tahap"][stage] = total["tahap"].get(stage, 0.0) + secs
        for key in ("drawn", "reused"):
            total["grafik"][key] += result["charts"].get(key, 0)
        for key in ("written", "reused"):
            total["halaman"][key] += result["pages"].get(key, 0)
        total["tanpa_perubahan"] += result["noop"]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    workers = jobs if jobs > 1 else 0
    total["memori_mb"] = {"proses_utama": round(own), "anak_terbesar": round(child),
                          "batas_atas": round(own + workers * child)}
    return total


def _scenario(projects: list[Path], jobs: int) -> dict:
    """Run build_all in a fresh interpreter: peak memory then belongs to this scenario only."""
    command = [sys.executable, __file__, "--_build-all", str(jobs), *map(str, projects)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-4000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def copy_bundled(target: Path) -> Path:
    """The bundled Karawang project (real figures), for the issue's first row of targets."""
    for part in ("datasets", "content", "theme", "pelicanconf.py"):
        source = BENCH.parent / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def change_one_row(project: Path) -> None:
    """+1 to one kecamatan's male (when given) and total population: the row rule still holds."""
    path = project / ROW_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    for column in ("laki_laki", "jumlah"):
        index = header.index(column)
        if cells[index]:
            cells[index] = str(int(cells[index]) + 1)
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def change_template(project: Path, run: int) -> None:
    path = project / TEMPLATE
    path.write_text(path.read_text(encoding="utf-8") + f"{{# bench {run} #}}\n", encoding="utf-8")


def output_facts(projects: list[Path]) -> dict:
    """Output size, page count and median page weight (page + local assets, gzip)."""
    from monografi.site.weight import median_weight

    size, pages = 0, []
    for project in projects:
        for path in (project / "output").resolve().rglob("*"):
            if path.is_file():
                size += path.stat().st_size
                if path.suffix == ".html":
                    pages.append(path)
    pages.sort()
    sample = pages[:: max(1, len(pages) // WEIGHT_SAMPLE)]
    return {"ukuran_output_mb": round(size / 2**20, 1), "halaman_html": len(pages),
            "berat_halaman_median_kb": round(median_weight(sample) / 1024, 1)}


def chart_median_ms(project: Path) -> float:
    """Median time to draw one chart (render_svg), on a sample of the project's charts."""
    from monografi.charts import plan_charts, render_svg
    from monografi.exports import build_context
    from monografi.model.areas import build_model
    from monografi.validation.check import validate_datasets

    catalog, _ = validate_datasets(project / "datasets")
    charts = plan_charts(build_context(build_model(catalog)))
    sample = charts[:: max(1, len(charts) // CHART_SAMPLE)]
    render_svg(sample[0])  # first draw loads fonts
    times = []
    for chart in sample:
        start = time.perf_counter()
        render_svg(chart)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def one_run(scale: str, jobs: int, work: Path, run: int, limit: int | None,
            scenarios: list[str]) -> dict:
    """One repetition: generate fresh projects, then the scenarios in order (cold first)."""
    shutil.rmtree(work, ignore_errors=True)
    start = time.perf_counter()
    projects = [copy_bundled(work / "bawaan")] if scale == BUNDLED else generate(scale, work, limit=limit)
    figures = {"generate_detik": time.perf_counter() - start}
    figures["dingin"] = _scenario(projects, jobs)
    figures.update(output_facts(projects))
    changes = {"tanpa_perubahan": lambda: None,
               "satu_baris": lambda: change_one_row(projects[0]),
               "templat": lambda: [change_template(p, run) for p in projects]}
    for name, change in changes.items():
        if name in scenarios:
            change()
            figures[name] = _scenario(projects, jobs)
    figures["grafik_ms_median"] = chart_median_ms(projects[0])
    return figures


def median_of(runs: list, path: tuple) -> float:
    """Median over runs of one figure; a stage a run did not reach counts as 0 s."""
    values = []
    for run in runs:
        value = run
        for key in path:
            value = value.get(key, 0) if isinstance(value, dict) else 0
        values.append(value)
    return statistics.median(values)


def summarise(scale: str, jobs: int, runs: list[dict], areas: dict) -> dict:
    summary: dict = {"skala": scale, "jobs": jobs, "runs": len(runs), "wilayah": areas,
                     "catatan": ("Proyek bawaan Karawang (angka nyata)" if scale == BUNDLED else
                                 "Proyek SINTETIS (angka acak, nama dan kode wilayah nyata)")
                     + "; median dari beberapa ulangan."}
    for key in ("generate_detik", "ukuran_output_mb", "halaman_html", "berat_halaman_median_kb",
                "grafik_ms_median"):
        summary[key] = round(median_of(runs, (key,)), 2)
    for scenario in (s for s in SCENARIOS if s in runs[0]):
        first = runs[0][scenario]
        summary[scenario] = {
            "detik": round(median_of(runs, (scenario, "detik")), 2),
            "tahap": {s: round(median_of(runs, (scenario, "tahap", s)), 2)
                      for s in dict.fromkeys(t for r in runs for t in r[scenario]["tahap"])},
            "grafik": {k: median_of(runs, (scenario, "grafik", k)) for k in first["grafik"]},
            "halaman": {k: median_of(runs, (scenario, "halaman", k)) for k in first["halaman"]},
            "memori_mb": {k: median_of(runs, (scenario, "memori_mb", k)) for k in first["memori_mb"]},
            "proyek_tanpa_perubahan": median_of(runs, (scenario, "tanpa_perubahan")),
        }
    summary["ulangan"] = runs
    return summary


def table(summary: dict) -> str:
    done = [name for name in SCENARIOS if name in summary]
    stages = sorted({s for name in done for s in summary[name]["tahap"]},
                    key=lambda s: min(list(summary[n]["tahap"]).index(s) if s in summary[n]["tahap"]
                                      else 99 for n in done))
    head = ["skenario", "detik", *stages, "grafik digambar/cache", "halaman ditulis/dipakai",
            "memori MB (utama/anak/batas)"]
    rows = []
    for name in done:
        label, s = SCENARIOS[name], summary[name]
        rows.append([label, f"{s['detik']:.1f}", *(f"{s['tahap'].get(t, 0):.1f}" for t in stages),
                     f"{s['grafik']['drawn']:.0f}/{s['grafik']['reused']:.0f}",
                     f"{s['halaman']['written']:.0f}/{s['halaman']['reused']:.0f}",
                     "/".join(f"{v:.0f}" for v in s["memori_mb"].values())])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    areas = summary["wilayah"]
    lines.append(
        f"\nSkala {summary['skala']} ({areas['kabupaten']} kabupaten/kota, {areas['kecamatan']} kecamatan, "
        f"{areas['desa']} desa/kelurahan), jobs={summary['jobs']}, median dari {summary['runs']} ulangan. "
        f"Output {summary['ukuran_output_mb']} MB, {summary['halaman_html']:.0f} halaman HTML, berat "
        f"halaman median {summary['berat_halaman_median_kb']} KB (gzip, dengan aset lokal), "
        f"satu grafik median {summary['grafik_ms_median']} ms. "
        + ("Data bawaan (angka nyata)." if summary["skala"] == BUNDLED else "DATA SINTETIS."))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--_build-all":
        print(json.dumps(build_all([Path(p) for p in argv[2:]], int(argv[1]))))
        return
    parser = argparse.ArgumentParser(description="Uji kinerja build portal pada data SINTETIS.")
    parser.add_argument("--scale", choices=[*SCALES, BUNDLED], default="kabupaten")
    parser.add_argument("--runs", type=int, default=3, help="ulangan; angka yang dilaporkan median")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="proses paralel")
    parser.add_argument("--limit", type=int, default=None, help="hanya N kabupaten pertama (uji cepat)")
    parser.add_argument("--work", type=Path, default=None, help="folder kerja (bawaan: folder sementara)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS),
                        help="skenario setelah build dingin, dipisah koma (bawaan: semua)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix=f"monografi-bench-{args.scale}-"))
    scenarios = args.scenarios.split(",")
    runs = [one_run(args.scale, args.jobs, work, run, args.limit, scenarios) for run in range(args.runs)]
    from generate import load_regencies

    regencies = load_regencies("kabupaten" if args.scale == BUNDLED else args.scale)[:args.limit]
    areas = {"kabupaten": len(regencies), "kecamatan": sum(len(r.districts) for r in regencies),
             "desa": sum(len(r.villages) for r in regencies)}
    summary = summarise(args.scale, args.jobs, runs, areas)
    print(table(summary))
    target = args.json or BENCH / f"hasil-{args.scale}.json"
    target.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"JSON: {target}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
