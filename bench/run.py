"""Benchmark of the portal build: the bundled data or ONE synthetic portal (bench/generate.py).

    python bench/run.py --scale bawaan|kabupaten|provinsi|nasional [--runs 3] [--jobs 2]
    python bench/run.py --scale nasional --limit 1 --shards 3 [--satu-mesin]

Four scenarios, each in a fresh process so its peak memory is its own: cold build, no-op rebuild
(the whole `python build.py` process, as staff run it), rebuild after one CSV row changes,
rebuild after a template change. The same run renders as many pages, each with a table of our
mean size, with bare Pelican (default theme, no plugin): the floor our cold build is compared
with. Figures are medians over --runs; prints one table and writes JSON (bench/hasil-<scale>.json
unless --json).

--shards N builds the parts of the portal (`build.py bagian`, `--bagian KODE`) one after another,
each from its own copy of the project as the matrix jobs of .github/workflows/bangun-nasional.yml
do (each with its own cached .monografi/), then merges them (`gabung`):
per part cold, no-op and one-row times, the largest part (one machine per part) and the largest
of N machines (parts dealt longest first), and the merge. --satu-mesin also builds the whole
portal in one process and checks that parts + merge give the same bytes.

Peak memory is resource.getrusage: max RSS of the scenario process (RUSAGE_SELF) and of its
largest child (RUSAGE_CHILDREN); "batas atas" adds one child per job, the most that can be
resident at once. Whole-process figures come from GNU time (%M): the largest process of that
command.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import filecmp
import io
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
BUILD_PY = REPO / "build.py"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from generate import SCALES, generate  # noqa: E402

SCENARIOS = {"dingin": "build dingin", "tanpa_perubahan": "tanpa perubahan (seluruh proses)",
             "satu_baris": "satu baris CSV berubah", "templat": "templat berubah"}
ROW_FILE = "datasets/penduduk_kecamatan.csv"
TEMPLATE = "theme/templates/base.html"
TIME = "/usr/bin/time"  # GNU time (Debian package `time`): peak RSS of the command alone
BUNDLED = "bawaan"  # the real bundled portal instead of a synthetic scale
WEIGHT_SAMPLE = 200
CHART_SAMPLE = 60
# The targets for the bundled Karawang portal (seconds, or a ratio to bare Pelican).
TARGETS = {"rasio_pelican": 2.0, "satu_baris": 2.0, "tanpa_perubahan": 0.3}
PELICAN_SETTINGS = """\
SITENAME = "Pelican polos"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "id"
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
DISPLAY_PAGES_ON_MENU = False  # else every page lists every page: quadratic, unlike our theme
"""


def _process(command: list[str], cwd: Path | None = None) -> dict:
    """Run one command to the end: wall seconds (interpreter start included) and the peak RSS
    of its largest process. GNU time starts it: Linux carries a forked child's peak RSS across
    exec, so a child forked from this (large) process would report our size, not its own."""
    with tempfile.TemporaryDirectory() as folder:
        out, err, peak = (Path(folder) / n for n in ("out", "err", "peak"))
        with out.open("wb") as stdout, err.open("wb") as stderr:
            start = time.perf_counter()
            done = subprocess.run([TIME, "-f", "%M", "-o", str(peak), *command], cwd=cwd,
                                  stdout=stdout, stderr=stderr, check=False)
            seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(map(str, command))} → {done.returncode}\n"
                               f"{err.read_text(errors='replace')[-4000:]}")
        return {"detik": seconds, "memori_mb": round(int(peak.read_text().split()[-1]) / 1024),
                "stdout": out.read_text(errors="replace")}


def build_py(project: Path, *args: str, output: Path | None = None, jobs: int = 1) -> dict:
    """`python build.py` for the project, as staff and CI run it."""
    command = [sys.executable, str(BUILD_PY), "--proyek", str(project), "--quiet", "--jobs", str(jobs)]
    if output is not None:
        command += ["--output", str(output)]
    return _process([*command, *args])


def build_in_process(project: Path, jobs: int) -> dict:
    """One in-process build: stage times and counts, wall time, peak memory."""
    from monografi.publishing.pipeline import build

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        result = build(project, project / "output", quiet=True, workers=jobs)
    if not result.ok:
        raise RuntimeError(f"{project}: {result.report.format_text()}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    workers = jobs if jobs > 1 else 0
    return {"detik": time.perf_counter() - start, "tahap": dict(result.timings),
            "grafik": {k: result.charts.get(k, 0) for k in ("drawn", "reused")},
            "halaman": {k: result.page_counts.get(k, 0) for k in ("written", "reused")},
            "tanpa_perubahan": int(result.noop),
            "memori_mb": {"proses_utama": round(own), "anak_terbesar": round(child),
                          "batas_atas": round(own + workers * child)}}


def _scenario(project: Path, jobs: int) -> dict:
    """build_in_process in a fresh interpreter: peak memory then belongs to this scenario only;
    detik_proses adds interpreter start and imports (what bare Pelican is compared with)."""
    done = _process([sys.executable, __file__, "--_build", str(jobs), str(project)])
    figures = json.loads(done["stdout"].strip().splitlines()[-1])
    figures["detik_proses"] = done["detik"]
    return figures


def _noop(project: Path, jobs: int) -> dict:
    """The whole `python build.py` process on an unchanged project; the published build must stay."""
    output = project / "output"
    before = os.readlink(output)
    done = build_py(project, jobs=jobs)
    return {"detik": done["detik"], "detik_proses": done["detik"], "tahap": {},
            "grafik": {"drawn": 0, "reused": 0}, "halaman": {"written": 0, "reused": 0},
            "tanpa_perubahan": int(os.readlink(output) == before),
            "memori_mb": {"proses_utama": done["memori_mb"], "anak_terbesar": 0,
                          "batas_atas": done["memori_mb"]}}


def copy_inputs(source: Path, target: Path) -> Path:
    """A project's inputs only (no state, no output): the bundled Karawang portal (real
    figures), or a copy that builds cold elsewhere."""
    for part in ("datasets", "content", "theme"):
        shutil.copytree(source / part, target / part)
    shutil.copy2(source / "pelicanconf.py", target / "pelicanconf.py")
    return target


def areas_of(project: Path) -> dict:
    """How many areas of each level the project holds (rows of its master tables)."""
    counts = {}
    for level in ("provinsi", "kabupaten", "kecamatan", "desa"):
        path = project / "datasets" / f"{level}.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                counts[level] = sum(1 for _ in csv.DictReader(handle))
    return counts


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


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.resolve().rglob("*.html") if p.is_file())


def table_shape(pages: list[Path]) -> dict:
    """Mean table rows and cells per row over our pages (many pages have none, a few have
    large ones): bare Pelican gets the same table work spread evenly."""
    cells = rows = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        cells += len(re.findall(r"<t[dh][\s>]", text))
        rows += len(re.findall(r"<tr[\s>]", text))
    lines = max(1, round(rows / max(1, len(pages))))
    return {"baris": lines, "kolom": max(1, round(cells / max(1, rows)))}


def output_facts(site: Path) -> dict:
    """Output size, page count, median page weight (page + local assets, gzip), mean table."""
    from monografi.site.weight import median_weight

    site = site.resolve()
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    pages = _html_pages(site)
    sample = pages[:: max(1, len(pages) // WEIGHT_SAMPLE)]
    return {"ukuran_output_mb": round(size / 2**20, 1), "halaman_html": len(pages),
            "berat_halaman_median_kb": round(median_weight(sample) / 1024, 1),
            "tabel_rata_rata": table_shape(pages)}


def write_pelican_project(target: Path, pages: int, rows: int, columns: int) -> Path:
    """A throwaway Pelican project: `pages` Markdown pages, each one rows × columns table of
    random numbers, default theme, no plugin."""
    folder = target / "content" / "pages"
    folder.mkdir(parents=True)
    head = "| wilayah | " + " | ".join(f"kolom {c}" for c in range(1, columns)) + " |\n"
    head += "|---" * columns + "|\n"
    for number in range(pages):
        rng = random.Random(number)
        body = "".join(f"| Desa {line} | " + " | ".join(f"{rng.randint(0, 99_999):,}".replace(",", ".")
                                                        for _ in range(1, columns)) + " |\n"
                       for line in range(rows))
        (folder / f"halaman-{number:06d}.md").write_text(
            f"Title: Halaman {number}\nSlug: halaman-{number:06d}\n\n{head}{body}", encoding="utf-8")
    (target / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    return target


def bare_pelican(work: Path, pages: int, shape: dict) -> dict:
    """Whole-process time of bare Pelican on as many pages as our build wrote."""
    project = write_pelican_project(work / "pelican-polos", pages, shape["baris"], shape["kolom"])
    done = _process([sys.executable, "-m", "pelican", "content", "-o", "output", "-s",
                     "pelicanconf.py", "-q"], cwd=project)
    written = len(_html_pages(project / "output"))
    shutil.rmtree(project)
    return {"detik": done["detik"], "memori_mb": done["memori_mb"], "halaman_html": written}


def chart_median_ms(project: Path) -> float:
    """Median time to draw one chart (render_svg), on a sample of the project's charts."""
    from monografi.charts import plan_charts, render_svg
    from monografi.model.areas import build_model
    from monografi.model.context import build_context
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


def make_project(args, work: Path) -> Path:
    shutil.rmtree(work, ignore_errors=True)
    if args.scale == BUNDLED:
        return copy_inputs(REPO, work / "bawaan")
    return generate(args.scale, work / args.scale, limit=args.limit, provinces=args.provinsi)


def one_run(args, work: Path, run: int) -> dict:
    """One repetition: a fresh project, then the scenarios in order (cold first), bare Pelican."""
    start = time.perf_counter()
    project = make_project(args, work)
    figures = {"generate_detik": time.perf_counter() - start, "wilayah": areas_of(project)}
    figures["dingin"] = _scenario(project, args.jobs)
    figures.update(output_facts(project / "output"))
    changes = {"tanpa_perubahan": lambda: None,
               "satu_baris": lambda: change_one_row(project),
               "templat": lambda: change_template(project, run)}
    for name, change in changes.items():
        if name in args.scenarios:
            change()
            figures[name] = _noop(project, args.jobs) if name == "tanpa_perubahan" else \
                _scenario(project, args.jobs)
    figures["grafik_ms_median"] = chart_median_ms(project)
    figures["pelican_polos"] = bare_pelican(work, figures["halaman_html"], figures["tabel_rata_rata"])
    figures["rasio_pelican"] = figures["dingin"]["detik_proses"] / figures["pelican_polos"]["detik"]
    return figures


def deal(times: dict[str, float], machines: int) -> list[list[str]]:
    """Parts onto machines, longest first onto the least loaded (LPT): the largest machine's
    sum is what N machines in parallel would take."""
    loads: list[tuple[float, list[str]]] = [(0.0, []) for _ in range(machines)]
    for part in sorted(times, key=lambda p: (-times[p], p)):
        index = min(range(machines), key=lambda i: (loads[i][0], i))
        loads[index] = (loads[index][0] + times[part], [*loads[index][1], part])
    return [parts for _, parts in loads if parts]


def _part_round(checkouts: dict[str, Path], folder: Path, jobs: int) -> dict:
    """Every part built one after another from its own checkout (own .monografi/ state, as on
    its own machine) into folder/<part>, then merged into folder/situs."""
    folder.mkdir(parents=True, exist_ok=True)  # the build makes its output, not the output's parent
    times = {part: build_py(checkout, "--bagian", part, output=folder / part, jobs=jobs)
             for part, checkout in checkouts.items()}
    merger = next(iter(checkouts.values()))
    merged = build_py(merger, "gabung", *(str(folder / p) for p in checkouts), output=folder / "situs",
                      jobs=jobs)
    return {"bagian": {p: {"detik": d["detik"], "memori_mb": d["memori_mb"]} for p, d in times.items()},
            "gabung": {"detik": merged["detik"], "memori_mb": merged["memori_mb"]}}


def same_tree(left: Path, right: Path) -> bool:
    """Byte-identical trees (every file's path and content)."""
    def files(root: Path) -> dict[str, Path]:
        root = root.resolve()
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

    a, b = files(left), files(right)
    return a.keys() == b.keys() and all(filecmp.cmp(a[k], b[k], shallow=False) for k in a)


def sharded_run(args, work: Path, run: int = 0) -> dict:
    """One repetition of the sharded build: cold, no-op and one-row rounds over every part.
    --satu-mesin first builds a copy of the fresh project whole, cold, to compare time and bytes."""
    start = time.perf_counter()
    project = make_project(args, work)
    figures = {"generate_detik": time.perf_counter() - start, "wilayah": areas_of(project)}
    whole = None
    if args.satu_mesin:
        whole = copy_inputs(project, work / "satu-mesin")
        done = build_py(whole, jobs=args.jobs)
        figures["satu_mesin"] = {"detik": done["detik"], "memori_mb": done["memori_mb"]}
    parts = json.loads(build_py(project, "bagian")["stdout"])
    checkouts = {part: copy_inputs(project, work / "mesin" / part) for part in parts}
    folder = work / "bagian"
    rounds = {"dingin": lambda: None, "tanpa_perubahan": lambda: None,
              "satu_baris": lambda: [change_one_row(c) for c in checkouts.values()]}
    for name, change in rounds.items():
        if name == "dingin" or name in args.scenarios:
            change()
            figures[name] = _part_round(checkouts, folder, args.jobs)
        if name == "dingin":
            figures.update(output_facts(folder / "situs"))
            if whole is not None:
                figures["satu_mesin"]["identik"] = same_tree(folder / "situs", whole / "output")
    cold = {p: f["detik"] for p, f in figures["dingin"]["bagian"].items()}
    figures["mesin"] = deal(cold, args.shards)
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


def _note(scale: str) -> str:
    return ("Proyek bawaan Karawang (angka nyata)" if scale == BUNDLED else
            "Proyek SINTETIS (angka acak, nama dan kode wilayah nyata)") + "; median dari beberapa ulangan."


def summarise(args, runs: list[dict]) -> dict:
    summary: dict = {"skala": args.scale, "jobs": args.jobs, "runs": len(runs),
                     "limit": args.limit, "wilayah": runs[0]["wilayah"], "catatan": _note(args.scale)}
    for key in ("generate_detik", "ukuran_output_mb", "halaman_html", "berat_halaman_median_kb",
                "grafik_ms_median", "rasio_pelican"):
        summary[key] = round(median_of(runs, (key,)), 2)
    summary["tabel_rata_rata"] = runs[0]["tabel_rata_rata"]
    summary["pelican_polos"] = {k: round(median_of(runs, ("pelican_polos", k)), 2)
                                for k in runs[0]["pelican_polos"]}
    for scenario in (s for s in SCENARIOS if s in runs[0]):
        first = runs[0][scenario]
        summary[scenario] = {
            "detik": round(median_of(runs, (scenario, "detik")), 2),
            "detik_proses": round(median_of(runs, (scenario, "detik_proses")), 2),
            "tahap": {s: round(median_of(runs, (scenario, "tahap", s)), 2)
                      for s in dict.fromkeys(t for r in runs for t in r[scenario]["tahap"])},
            "grafik": {k: median_of(runs, (scenario, "grafik", k)) for k in first["grafik"]},
            "halaman": {k: median_of(runs, (scenario, "halaman", k)) for k in first["halaman"]},
            "memori_mb": {k: median_of(runs, (scenario, "memori_mb", k)) for k in first["memori_mb"]},
            "proyek_tanpa_perubahan": median_of(runs, (scenario, "tanpa_perubahan")),
        }
    summary["ulangan"] = runs
    return summary


def summarise_sharded(args, runs: list[dict]) -> dict:
    """Per round: all parts in a row (one machine), the largest part (one machine per part, as
    the workflow's matrix), the largest of --shards machines, the merge, and the critical path."""
    summary: dict = {"skala": args.scale, "jobs": args.jobs, "runs": len(runs), "limit": args.limit,
                     "shards": args.shards, "wilayah": runs[0]["wilayah"], "catatan": _note(args.scale),
                     "bagian": list(runs[0]["dingin"]["bagian"]), "mesin": runs[0]["mesin"]}
    for key in ("generate_detik", "ukuran_output_mb", "halaman_html", "berat_halaman_median_kb"):
        summary[key] = round(median_of(runs, (key,)), 2)
    for scenario in (s for s in SCENARIOS if s in runs[0]):
        def per_run(run, scenario=scenario):
            parts = {p: f["detik"] for p, f in run[scenario]["bagian"].items()}
            merge = run[scenario]["gabung"]["detik"]
            largest = max(sum(parts[p] for p in ps) for ps in run["mesin"])
            return {"semua_bagian": sum(parts.values()), "bagian_terbesar": max(parts.values()),
                    "mesin_terbesar": largest, "gabung": merge, "jalur_kritis": largest + merge,
                    "memori_bagian_mb": max(f["memori_mb"] for f in run[scenario]["bagian"].values()),
                    "memori_gabung_mb": run[scenario]["gabung"]["memori_mb"]}
        figures = [per_run(run) for run in runs]
        summary[scenario] = {k: round(median_of(figures, (k,)), 2) for k in figures[0]}
        summary[scenario]["bagian"] = {p: round(median_of(runs, (scenario, "bagian", p, "detik")), 2)
                                       for p in summary["bagian"]}
    if "satu_mesin" in runs[0]:
        summary["satu_mesin"] = {"detik": round(median_of(runs, ("satu_mesin", "detik")), 2),
                                 "memori_mb": median_of(runs, ("satu_mesin", "memori_mb")),
                                 "identik": all(r["satu_mesin"]["identik"] for r in runs)}
    summary["ulangan"] = runs
    return summary


def _markdown(head: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(head) + " |", "|" + "---|" * len(head),
            *("| " + " | ".join(r) + " |" for r in rows)]


def _place(summary: dict) -> str:
    areas = summary["wilayah"]
    counts = ", ".join(f"{areas[level]} {level}" for level in areas)
    limit = f", {summary['limit']} kabupaten/kota pertama per provinsi" if summary.get("limit") else ""
    return (f"Skala {summary['skala']} ({counts}{limit}), jobs={summary['jobs']}, median dari "
            f"{summary['runs']} ulangan. Output {summary['ukuran_output_mb']} MB, "
            f"{summary['halaman_html']:.0f} halaman HTML, berat halaman median "
            f"{summary['berat_halaman_median_kb']} KB (gzip, dengan aset lokal). "
            + ("Data bawaan (angka nyata)." if summary["skala"] == BUNDLED else "DATA SINTETIS."))


def table(summary: dict) -> str:
    done = [name for name in SCENARIOS if name in summary]
    stages = list(dict.fromkeys(s for name in done for s in summary[name]["tahap"]))
    head = ["skenario", "detik", *stages, "grafik digambar/cache", "halaman ditulis/dipakai",
            "memori MB (utama/anak/batas)"]
    rows = []
    for name in done:
        s = summary[name]
        rows.append([SCENARIOS[name], f"{s['detik']:.2f}", *(f"{s['tahap'].get(t, 0):.1f}" for t in stages),
                     f"{s['grafik']['drawn']:.0f}/{s['grafik']['reused']:.0f}",
                     f"{s['halaman']['written']:.0f}/{s['halaman']['reused']:.0f}",
                     "/".join(f"{v:.0f}" for v in s["memori_mb"].values())])
    pelican, shape = summary["pelican_polos"], summary["tabel_rata_rata"]
    lines = _markdown(head, rows)
    lines.append(f"\n{_place(summary)} Satu grafik median {summary['grafik_ms_median']} ms.")
    lines.append(
        f"Pelican polos (tema bawaan, tanpa plugin, 1 proses): {pelican['halaman_html']:.0f} halaman "
        f"Markdown dengan tabel {shape['baris']} × {shape['kolom']} dalam {pelican['detik']:.1f} s; "
        f"build dingin kita (seluruh proses) {summary['dingin']['detik_proses']:.1f} s = "
        f"{summary['rasio_pelican']:.2f}× Pelican polos.")
    if summary["skala"] == BUNDLED:
        figures = {"rasio_pelican": summary["rasio_pelican"],
                   "satu_baris": summary.get("satu_baris", {}).get("detik"),
                   "tanpa_perubahan": summary.get("tanpa_perubahan", {}).get("detik")}
        lines.append("Target Karawang: " + "; ".join(
            f"{name} {value:.2f} (≤ {TARGETS[name]}) {'✓' if value <= TARGETS[name] else '✗'}"
            for name, value in figures.items() if value is not None))
    return "\n".join(lines)


def table_sharded(summary: dict) -> str:
    head = ["skenario", "semua bagian berurutan", "bagian terbesar",
            f"mesin terbesar (dari {summary['shards']})", "gabung", "jalur kritis (mesin + gabung)",
            "memori MB (bagian/gabung)"]
    rows = [[SCENARIOS[name], *(f"{summary[name][k]:.1f}" for k in
                                ("semua_bagian", "bagian_terbesar", "mesin_terbesar", "gabung",
                                 "jalur_kritis")),
             f"{summary[name]['memori_bagian_mb']:.0f}/{summary[name]['memori_gabung_mb']:.0f}"]
            for name in SCENARIOS if name in summary]
    lines = _markdown(head, rows)
    lines.append(f"\n{_place(summary)} {len(summary['bagian'])} bagian, detik seluruh proses "
                 "`build.py --bagian` satu per satu; mesin = bagian dibagi dari yang terlama.")
    cold = summary["dingin"]["bagian"]
    slowest = sorted(cold, key=lambda p: -cold[p])[:5]
    lines.append("Bagian terlama (dingin): " + ", ".join(f"{p} {cold[p]:.1f} s" for p in slowest))
    if "satu_mesin" in summary:
        whole = summary["satu_mesin"]
        lines.append(f"Satu mesin, satu proses build: {whole['detik']:.1f} s, {whole['memori_mb']:.0f} MB; "
                     f"bagian + gabung identik byte-per-byte: {'ya' if whole['identik'] else 'TIDAK'}.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--_build":
        print(json.dumps(build_in_process(Path(argv[2]), int(argv[1]))))
        return
    parser = argparse.ArgumentParser(description="Uji kinerja build portal.")
    parser.add_argument("--scale", choices=[*SCALES, BUNDLED], default=BUNDLED)
    parser.add_argument("--runs", type=int, default=3, help="ulangan; angka yang dilaporkan median")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="proses per build")
    parser.add_argument("--limit", type=int, default=None,
                        help="hanya N kabupaten/kota pertama tiap provinsi (uji cepat)")
    parser.add_argument("--provinsi", nargs="*", metavar="KODE", help="hanya provinsi ini, mis. 32 36")
    parser.add_argument("--shards", type=int, default=None, metavar="N",
                        help="bangun per bagian (build.py --bagian) lalu gabung; N mesin")
    parser.add_argument("--satu-mesin", action="store_true",
                        help="dengan --shards: bangun juga seluruh portal dalam satu proses, "
                             "bandingkan waktu dan isi (lama untuk skala nasional penuh)")
    parser.add_argument("--work", type=Path, default=None, help="folder kerja (bawaan: folder sementara)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS),
                        help="skenario setelah build dingin, dipisah koma (bawaan: semua)")
    parser.add_argument("--dari", type=Path, default=None, metavar="JSON",
                        help="tanpa mengukur: ringkas ulang ulangan dari JSON hasil sebelumnya")
    args = parser.parse_args(argv)
    if args.satu_mesin and not args.shards:
        parser.error("--satu-mesin hanya bersama --shards (tanpa --shards semuanya satu mesin)")
    args.scenarios = args.scenarios.split(",")
    settings = {k: getattr(args, k) for k in ("scale", "jobs", "limit", "provinsi", "shards")}
    suffix = f"-{args.shards}-mesin" if args.shards else ""
    target = args.json or BENCH / f"hasil-{args.scale}{suffix}.json"
    if args.dari:
        earlier = json.loads(args.dari.read_text(encoding="utf-8"))
        settings, runs = earlier["pengaturan"], earlier["ulangan"]
    else:
        work = args.work or Path(tempfile.mkdtemp(prefix=f"monografi-bench-{args.scale}-"))
        measure = sharded_run if args.shards else one_run
        runs = [measure(args, work, run) for run in range(args.runs)]
        # Measurements first: a long run is never lost to a summary that fails.
        target.write_text(json.dumps({"pengaturan": settings, "ulangan": runs}, ensure_ascii=False),
                          encoding="utf-8")
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args = argparse.Namespace(**settings)
    summary = (summarise_sharded if args.shards else summarise)(args, runs)
    summary["pengaturan"] = settings
    print((table_sharded if args.shards else table)(summary))
    target.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"JSON: {target}")

if __name__ == "__main__":
    main()
