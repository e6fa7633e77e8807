"""Optional area boundaries (GeoJSON) that the user supplies, e.g. from BIG / Ina-Geoportal.

The repository ships no geometry of unclear origin: a package declares its boundaries under
"monografi": {"batas_wilayah": [{"tingkat": "kecamatan", "path": "…geojson",
"properti_kode": "code", "sumber": "S…"}]}. Without them the portal builds without maps.

Boundaries as people have them are rarely valid: simplified public files carry tiny
self-intersections. Those are repaired (shapely.make_valid, polygons kept) with a warning naming
the area and its area change; only geometry whose repair would change the area materially is
refused, since then nobody can tell which shape was meant.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity

from . import dialect
from .catalog import PACKAGE_FILE, Catalog, safe_path
from .report import Problem

SIMPLIFY_SHARE = 1 / 400  # of the map's extent: about one pixel wide, keeps SVG maps light
# A repair that changes an area by less than this share keeps its shape: slivers and spikes of
# a simplified file, not a different boundary (Karawang's public file: < 0.02 % each).
MAX_REPAIR_AREA_CHANGE = 0.005


@dataclass
class Boundaries:
    level: str
    shapes: dict  # area code -> shapely geometry (lon/lat, WGS84), simplified
    source: str | None
    file: str


def declarations(catalog: Catalog) -> list[dict]:
    return catalog.descriptor.get("monografi", {}).get("batas_wilayah", [])


def _master_names(catalog: Catalog, level: str) -> dict[str, str] | None:
    """Code → name of every area of the level's master table."""
    spec = next((r for r in catalog.resources if r.name == level), None)
    if spec is None:
        return None
    header, rows = dialect.rows_of(catalog, spec)
    if f"kode_{level}" not in header:
        return None
    column = header.index(f"kode_{level}")
    named = header.index(f"nama_{level}") if f"nama_{level}" in header else column
    return {row[column]: row[named] if len(row) > named else row[column]
            for row in rows if len(row) > column}


def _polygons(geometry):
    """The polygonal part of a geometry (make_valid may add the lines it cut off)."""
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    polygons = [q for p in parts for q in shapely.get_parts(p)]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _area_change(before: float, after: float) -> float:
    return abs(after - before) / before if before > 0 else float("inf")


def _percent(share: float, lang: str) -> str:
    text = f"{share * 100:.3f}".rstrip("0").rstrip(".") if share * 100 >= 0.001 else "< 0.001"
    return (text.replace(".", ",") if lang == "id" else text) + " %"


def _repair(geometry, where: str, number: int, key: str, code: str, name: str,
            problems: list[Problem]):
    """A valid polygon for an invalid one, or None (refused) when repair changes it materially."""
    repaired = _polygons(shapely.make_valid(geometry))
    change = _area_change(geometry.area, repaired.area if repaired is not None else 0.0)
    details = {"nama": name, "persen": _percent(change, "id"), "persen_en": _percent(change, "en"),
               "batas": explain_validity(geometry),
               "maks": _percent(MAX_REPAIR_AREA_CHANGE, "id"),
               "maks_en": _percent(MAX_REPAIR_AREA_CHANGE, "en")}
    if repaired is None or change >= MAX_REPAIR_AREA_CHANGE:
        if change == float("inf"):
            details.update(persen="tak terhingga", persen_en="infinite")
        problems.append(Problem(where, "peta_perbaikan_besar", number, key, code, details))
        return None
    problems.append(Problem(where, "peta_diperbaiki", number, key, code, details,
                            severity="warning"))
    return repaired


def _features(path: Path, where: str, problems: list[Problem]) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(Problem(where, "peta_berkas", value=str(exc)))
        return []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(Problem(where, "peta_berkas", value="harus berupa FeatureCollection"))
        return []
    return [f for f in data.get("features", []) if isinstance(f, dict)]


def _simplified(shapes: dict) -> dict:
    if not shapes:
        return shapes
    minx, miny, maxx, maxy = shapely.union_all(list(shapes.values())).bounds
    tolerance = max(maxx - minx, maxy - miny) * SIMPLIFY_SHARE
    return {code: geometry.simplify(tolerance, preserve_topology=True)
            for code, geometry in shapes.items()}


def load_boundaries(catalog: Catalog) -> tuple[list[Boundaries], list[Problem]]:
    """Read and check every declared boundary file: valid geometry, codes = master list."""
    loaded, problems = [], []
    for declaration in declarations(catalog):
        level = declaration.get("tingkat", "")
        where = declaration.get("path", PACKAGE_FILE)
        path = safe_path(catalog.root, declaration.get("path"), problems, PACKAGE_FILE,
                         "monografi.batas_wilayah.path")
        codes = _master_names(catalog, level)
        if codes is None:
            problems.append(Problem(PACKAGE_FILE, "peta_tingkat", value=level))
        if path is None or codes is None:
            continue
        key = declaration.get("properti_kode", "code")
        shapes = {}
        for number, feature in enumerate(_features(path, where, problems), start=1):
            code = str((feature.get("properties") or {}).get(key, ""))
            try:
                geometry = shape(feature.get("geometry") or {})
            except (ValueError, TypeError, AttributeError, shapely.errors.ShapelyError) as exc:
                problems.append(Problem(where, "peta_geometri", number, key, code,
                                        {"batas": str(exc)}))
                continue
            if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
                reason = "kosong" if geometry.is_empty else explain_validity(geometry)
                problems.append(Problem(where, "peta_geometri", number, key, code,
                                        {"batas": f"{geometry.geom_type}: {reason}"}))
                continue
            minx, miny, maxx, maxy = geometry.bounds
            if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
                problems.append(Problem(where, "peta_geometri", number, key, code,
                                        {"batas": "koordinat di luar WGS84 (bujur/lintang)"}))
                continue
            if code not in codes:
                problems.append(Problem(where, "peta_kode", number, key, code, {"batas": level}))
                continue
            if code in shapes:
                problems.append(Problem(where, "kunci_ganda", number, key, code, {"batas": key}))
                continue
            if not geometry.is_valid:
                geometry = _repair(geometry, where, number, key, code, codes[code], problems)
                if geometry is None:
                    continue
            shapes[code] = geometry
        shapes = _simplified(shapes)
        problems.extend(Problem(where, "peta_hilang", value=code, details={"batas": level})
                        for code in sorted(codes.keys() - set(shapes)))
        loaded.append(Boundaries(level, shapes, declaration.get("sumber"), where))
    return loaded, problems


def checked_boundaries(catalog: Catalog) -> dict[str, Boundaries]:
    """Level → boundaries as validation read and checked them (each file is read once per
    build), else read and checked now (a catalog loaded without validation)."""
    if catalog.boundaries is not None:
        return catalog.boundaries
    return {b.level: b for b in load_boundaries(catalog)[0]}
