"""Synthetic portal projects for the benchmark: real area names and codes, SYNTHETIC figures.

One scale is ONE portal project (datasets/, content/, theme/, pelicanconf.py): a kabupaten, a
province with all its regencies, or the whole country. Above one kabupaten the package gets a
`provinsi` master table and its regencies point to their province, so the area tree starts at
the province (one province: its page is the home page; several: the portal's front page leads to
each). Resources, schemas and hints are copied from the bundled package, so every dataset type
the portal supports is covered, and each table gets the same shape as in the bundled data (same
sources, same periods per source), filled for every area — empty topic tables get one synthetic
period. Names and codes come from idn-area-data (bench/wilayah/ and monografi/wilayah/, ODbL 1.0);
every figure is random and every title, description and source says so.

    python bench/generate.py --scale provinsi --target bench/out/provinsi
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
AREA_DIR = BENCH / "wilayah"
KECAMATAN_DIR = REPO / "monografi" / "wilayah"  # the personal-data guard's copy, package data
SCALES = {"kabupaten": "32.15", "provinsi": "32", "nasional": ""}  # code prefix of the regencies
LEVELS = ("provinsi", "kabupaten", "kecamatan", "desa")
PERIOD_FIELDS = ("periode", "tahun", "tahun_ajaran")
EMPTY_TABLE_PERIOD = {"tahun": "2024", "periode": "2024-S1", "tahun_ajaran": "2024/2025"}
SYNTHETIC = "DATA SINTETIS untuk uji kinerja — angka acak, bukan data nyata."
AREA_SOURCE = "S1"  # idn-area-data: the names and codes are real, so their source stays real
SOURCES = "sumber"  # the sources table: its rows are relabelled, not generated
MAGNITUDE = {"provinsi": 20_000_000, "kabupaten": 1_000_000, "kecamatan": 60_000, "desa": 6_000}
PROVINCE_RESOURCE = {
    "name": "provinsi", "path": "provinsi.csv", "profile": "tabular-data-resource",
    "title": "Daftar provinsi", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
    "description": "Tabel induk provinsi (nama dan kode dari idn-area-data, ODbL 1.0).",
    "sources": [{"id": AREA_SOURCE}], "monografi": {"bagian": "Wilayah", "grafik": []},
    "schema": {"fields": [
        {"name": "kode_provinsi", "type": "string", "title": "Kode provinsi",
         "constraints": {"required": True, "unique": True, "pattern": "^[0-9]{2}$"}},
        {"name": "nama_provinsi", "type": "string", "title": "Nama provinsi",
         "constraints": {"required": True}}],
        "missingValues": [""], "primaryKey": ["kode_provinsi"]}}
PROVINCE_FIELD = {"name": "kode_provinsi", "type": "string", "title": "Kode provinsi",
                  "constraints": {"required": True, "pattern": "^[0-9]{2}$"}}


@dataclass
class Regency:
    code: str
    name: str
    kind: str
    province: str
    province_code: str
    districts: list[tuple[str, str]] = field(default_factory=list)
    villages: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, district


def _read_gz(name: str) -> list[dict]:
    folder = KECAMATAN_DIR if name == "districts" else AREA_DIR
    with gzip.open(folder / f"{name}.csv.gz", "rt", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _title(text: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in text.split())


def load_regencies(scale: str) -> list[Regency]:
    """The regencies of one scale, with their kecamatan and desa, in code order."""
    prefix = SCALES[scale]
    provinces = {r["code"]: _title(r["name"]) for r in _read_gz("provinces")}
    regencies = {}
    for row in _read_gz("regencies"):
        if row["code"].startswith(prefix):
            kind = "kota" if row["name"].startswith("KOTA ") else "kabupaten"
            name = _title(row["name"].removeprefix("KABUPATEN ").removeprefix("KOTA "))
            regencies[row["code"]] = Regency(row["code"], name, kind, provinces[row["province_code"]],
                                             row["province_code"])
    for row in _read_gz("districts"):
        if row["regency_code"] in regencies:
            regencies[row["regency_code"]].districts.append((row["code"], row["name"]))
    seen: set[tuple[str, str, str]] = set()
    for row in _read_gz("villages"):
        regency = regencies.get(row["district_code"][:5])
        if regency is None:
            continue
        name, kind = row["name"], row["code"].split(".")[3][:1]
        key = (row["district_code"], kind, " ".join(name.split()).casefold())
        if key in seen:  # the source repeats a few names within one kecamatan: tell them apart
            name = f"{name} ({row['code']})"
        seen.add(key)
        regency.villages.append((row["code"], name, row["district_code"]))
    return [r for _, r in sorted(regencies.items()) if r.districts]


@dataclass
class Template:
    """The bundled package: descriptor with inlined schemas, and each table's shape."""

    descriptor: dict
    shapes: dict[str, dict[str, list[str]]]  # resource → source → periods
    sources: list[dict]  # the rows of the sources table

    @classmethod
    def read(cls, project: Path) -> Template:
        root = project / "datasets"
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        shapes, sources = {}, []
        for resource in descriptor["resources"]:
            if isinstance(resource.get("schema"), str):
                resource["schema"] = json.loads((root / resource["schema"]).read_text(encoding="utf-8"))
            with (root / resource["path"]).open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            if resource["name"] == SOURCES:
                sources = rows
                continue
            period = _period_field(resource["schema"])
            shape: dict[str, set] = defaultdict(set)
            for row in rows:
                shape[row.get("sumber", "")].add(row.get(period, "") if period else "")
            shapes[resource["name"]] = {s: sorted(p) for s, p in sorted(shape.items())}
        return cls(descriptor, shapes, sources)


def _period_field(schema: dict) -> str | None:
    names = {f["name"] for f in schema["fields"]}
    return next((p for p in PERIOD_FIELDS if p in names), None)


def _level(schema: dict) -> str | None:
    names = {f["name"] for f in schema["fields"]}
    return next((lv for lv in LEVELS[::-1] if f"kode_{lv}" in names), None)


def _master_rows(level: str, regency: Regency) -> list[dict]:
    if level == "provinsi":
        return [{"kode_provinsi": regency.province_code, "nama_provinsi": regency.province}]
    if level == "kabupaten":
        return [{"kode_kabupaten": regency.code, "nama_kabupaten": regency.name, "jenis": regency.kind,
                 "kode_bps": regency.code.replace(".", ""), "nama_provinsi": regency.province,
                 "kode_provinsi": regency.province_code}]
    if level == "kecamatan":
        bps = regency.code.replace(".", "")
        return [{"kode_kecamatan": code, "nama_kecamatan": name, "kode_kabupaten": regency.code,
                 "kode_bps": f"{bps}{index:03d}"}
                for index, (code, name) in enumerate(regency.districts, start=1)]
    return [{"kode_desa": code, "nama_desa": name, "kode_kecamatan": district,
             "jenis": "kelurahan" if code.split(".")[3].startswith("1") else "desa"}
            for code, name, district in regency.villages]


def _area_codes(level: str, regency: Regency) -> list[str]:
    return [row[f"kode_{level}"] for row in _master_rows(level, regency)]


def _value(rng: random.Random, raw: dict, level: str):
    limits = raw.get("constraints", {})
    low = limits.get("minimum", 0)
    high = limits.get("maximum", max(low + 1, MAGNITUDE[level]))
    value = rng.uniform(low, min(high, low + MAGNITUDE[level]))
    return int(value) if raw.get("type") == "integer" else round(value, 2)


def _topic_rows(resource: dict, shape: dict[str, list[str]], regency: Regency,
                sources: list[str]) -> list[dict]:
    schema = resource["schema"]
    level, period = _level(schema), _period_field(schema)
    if level is None:
        return []
    fields = {f["name"]: f for f in schema["fields"]}
    key = set(schema.get("primaryKey", []))
    categories = [(n, f["constraints"]["enum"]) for n, f in fields.items()
                  if n in key and "enum" in f.get("constraints", {})]
    combos = [{}]
    for name, values in categories:
        combos = [{**c, name: v} for c in combos for v in values]
    if not any(shape.values()) or shape == {"": [""]}:
        shape = {sources[0]: [EMPTY_TABLE_PERIOD.get(period, "")]}
    rows = []
    for code in _area_codes(level, regency):
        rng = random.Random(f"{resource['name']}:{code}")
        for source, periods in shape.items():
            for when in periods:
                for combo in combos:
                    row = {f"kode_{level}": code, "sumber": source, **combo}
                    if period:
                        row[period] = when
                    for name, raw in fields.items():
                        if name in row:
                            continue
                        enum = raw.get("constraints", {}).get("enum")
                        if enum:
                            row[name] = enum[0]
                        elif raw.get("type") in ("integer", "number"):
                            row[name] = _value(rng, raw, level)
                    if {"laki_laki", "perempuan", "jumlah"} <= fields.keys():
                        row["jumlah"] = row["laki_laki"] + row["perempuan"]
                    rows.append(row)
    return rows


def _csv_text(schema: dict, rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = [f["name"] for f in schema["fields"]]
    writer.writerow(names)
    writer.writerows([row.get(n, "") for n in names] for row in rows)
    return buffer.getvalue()


def _label_sources(rows: list[dict]) -> list[dict]:
    """The sources table relabelled: every source but the real area list says SYNTHETIC."""
    return [row if row["id"] == AREA_SOURCE else
            {**row, "judul": f"Sumber sintetis {row['id']} (angka acak untuk uji kinerja)",
             "penerbit": "", "url": "", "catatan": SYNTHETIC} for row in rows]


def _place(regencies: list[Regency]) -> str:
    provinces = list(dict.fromkeys(r.province for r in regencies))
    if len(regencies) == 1:
        return f"{regencies[0].kind.capitalize()} {regencies[0].name}"
    return f"Provinsi {provinces[0]}" if len(provinces) == 1 else f"{len(provinces)} provinsi"


def _label(descriptor: dict, regencies: list[Regency], name: str) -> dict:
    """The bundled package relabelled: titles and descriptions say SYNTHETIC; above one kabupaten
    a province table leads the tree and each kabupaten points to its province."""
    package = json.loads(json.dumps(descriptor))
    place = _place(regencies)
    package["name"] = f"monografi-sintetis-{name}"
    package["title"] = f"Monografi Kecamatan {place} (DATA SINTETIS)"
    package["description"] = (f"{SYNTHETIC} Nama dan kode wilayah {place} nyata, dari idn-area-data "
                              "(ODbL 1.0, © kontributor idn-area-data); semua angka lain sintetis.")
    if len(regencies) > 1:
        package["resources"].insert(0, json.loads(json.dumps(PROVINCE_RESOURCE)))
        regency = next(r for r in package["resources"] if r["name"] == "kabupaten")
        regency["schema"]["fields"].append(dict(PROVINCE_FIELD))
        regency["schema"].setdefault("foreignKeys", []).append(
            {"fields": "kode_provinsi", "reference": {"resource": "provinsi", "fields": "kode_provinsi"}})
    for resource in package["resources"]:
        for raw in resource["schema"]["fields"] if len(regencies) > 1 else []:
            if raw["name"].startswith("nama_"):  # names repeat across regencies: unique per parent
                raw.get("constraints", {}).pop("unique", None)
        resource["title"] = f"{resource.get('title', resource['name'])} (sintetis)"
        resource["description"] = f"{SYNTHETIC} Bentuk tabel sama dengan paket bawaan."
    return package


def write_project(template: Template, regencies: list[Regency], target: Path, source_project: Path,
                  name: str) -> Path:
    """One synthetic portal project for the regencies (inline schemas, content and theme copied)."""
    datasets = target / "datasets"
    datasets.mkdir(parents=True, exist_ok=True)
    package = _label(template.descriptor, regencies, name)
    sources = [s["id"] for s in template.sources if s["id"] != AREA_SOURCE] or [AREA_SOURCE]
    for resource in package["resources"]:
        kind = resource["name"]
        if kind == SOURCES:
            rows = _label_sources(template.sources)
        elif kind in LEVELS:
            rows = list({tuple(row.items()): row for r in regencies
                         for row in _master_rows(kind, r)}.values())  # a province once
        else:
            rows = [row for r in regencies
                    for row in _topic_rows(resource, template.shapes[kind], r, sources)]
        (datasets / resource["path"]).write_text(_csv_text(resource["schema"], rows), encoding="utf-8")
    (datasets / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    for part in ("content", "theme"):
        shutil.copytree(source_project / part, target / part, dirs_exist_ok=True)
    districts = sum(len(r.districts) for r in regencies)
    villages = sum(len(r.villages) for r in regencies)
    subtitle = f"{districts} kecamatan, {villages} desa/kelurahan; angka sintetis"
    settings = (source_project / "pelicanconf.py").read_text(encoding="utf-8")
    (target / "pelicanconf.py").write_text(
        f"{settings}\n# Benchmark project: {SYNTHETIC}\n"
        f"SITENAME = {f'Monografi {_place(regencies)} (SINTETIS)'!r}\nSITESUBTITLE = {subtitle!r}\n",
        encoding="utf-8")
    return target


def generate(scale: str, target: Path, source_project: Path = REPO, limit: int | None = None,
             provinces: list[str] | None = None, only: list[str] | None = None) -> Path:
    """Write ONE portal project with every regency of the scale into target/; smaller packages
    (tests): only `provinces`, only the first `limit` regencies of each, or `only` these codes."""
    template = Template.read(source_project)
    regencies = load_regencies(scale)
    if provinces:
        regencies = [r for r in regencies if r.province_code in provinces]
    if only:
        regencies = [r for r in regencies if r.code in only]
    if limit:
        kept: dict[str, int] = defaultdict(int)
        regencies = [r for r in regencies
                     if (kept.__setitem__(r.province_code, kept[r.province_code] + 1)
                         or kept[r.province_code] <= limit)]
    return write_project(template, regencies, Path(target), source_project, scale)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Buat proyek portal SINTETIS untuk uji kinerja.")
    parser.add_argument("--scale", choices=SCALES, default="kabupaten")
    parser.add_argument("--target", type=Path, required=True)
    parser.add_argument("--proyek", type=Path, default=REPO, help="proyek sumber skema dan tema")
    parser.add_argument("--provinsi", nargs="*", metavar="KODE", help="hanya provinsi ini, mis. 32 36")
    parser.add_argument("--limit", type=int, help="hanya N kabupaten/kota pertama tiap provinsi")
    parser.add_argument("--kabupaten", nargs="*", metavar="KODE", help="hanya kabupaten/kota ini")
    args = parser.parse_args(argv)
    project = generate(args.scale, args.target, args.proyek, args.limit, args.provinsi,
                       args.kabupaten)
    print(f"proyek sintetis ditulis ke {project}")


if __name__ == "__main__":
    main()
