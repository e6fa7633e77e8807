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
import re
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity

from ..messages import Message
from .catalog import Catalog
from .package import safe_path
from .report import Problem
from .rules import Kind, Rule
from .spec import PACKAGE_FILE
from .uniqueness import DUPLICATE_KEY

SIMPLIFY_SHARE = 1 / 400  # of the map's extent: about one pixel wide, keeps SVG maps light
# A repair that changes an area by less than this share keeps its shape: slivers and spikes of
# a simplified file, not a different boundary (Karawang's public file: < 0.02 % each).
MAX_REPAIR_AREA_CHANGE = 0.005
# Why a file or a shape is refused, in words: the JSON reader's, shapely's and GEOS's own
# (English) texts never reach staff.
REASONS = {"not_a_collection": Message("harus berupa FeatureCollection", "must be a FeatureCollection"),
           "empty": Message("kosong", "empty"),
           "outside_wgs84": Message("koordinat di luar WGS84 (bujur/lintang)",
                                    "coordinates outside WGS84 (longitude/latitude)"),
           "not_json": Message("bukan JSON yang sah (baris {baris}, kolom {kolom})",
                               "not valid JSON (line {baris}, column {kolom})"),
           "not_utf8": Message("bukan teks UTF-8", "not UTF-8 text"),
           "unreadable_geometry": Message("geometrinya tidak dapat dibaca", "its geometry cannot be read"),
           "not_polygon": Message("bukan poligon", "not a polygon")}
# GEOS's reasons for an invalid polygon (shapely.validation.explain_validity), by their name.
GEOS_REASONS = {
    "Self-intersection": Message("sisinya berpotongan", "its edges cross"),
    "Ring Self-intersection": Message("cincinnya memotong dirinya sendiri", "a ring crosses itself"),
    "Too few points in geometry component": Message("titiknya terlalu sedikit", "too few points"),
    "Hole lies outside shell": Message("lubangnya di luar batas luar", "a hole lies outside the outer ring"),
    "Nested holes": Message("ada lubang di dalam lubang lain", "a hole lies inside another hole"),
    "Interior is disconnected": Message("bagian dalamnya terputus", "its interior is disconnected"),
    "Nested shells": Message("ada poligon di dalam poligon lain", "a polygon lies inside another"),
    "Duplicate Rings": Message("ada cincin ganda", "a ring is repeated"),
    "Invalid Coordinate": Message("ada koordinat yang tidak sah", "a coordinate is invalid"),
    "Ring is not closed": Message("cincinnya tidak tertutup", "a ring is not closed"),
}
INVALID_SHAPE = Message("bentuknya tidak sah", "its shape is invalid")  # a reason GEOS adds later
AT_POINT = Message("{sebab} di titik {titik}", "{sebab} at point {titik}")
INFINITE = Message("tak terhingga", "infinite")
_VALIDITY = re.compile(r"(?P<reason>[^\[]*)(?:\[(?P<point>[^\]]*)\])?")  # 'Self-intersection[x y]'


def validity(geometry: object) -> dict:
    """Why GEOS finds a polygon invalid, as data: its reason's name and the point it names."""
    found = _VALIDITY.match(explain_validity(geometry))
    assert found is not None  # the pattern matches any text
    return {"geos": found["reason"].strip(), "titik": found["point"] or ""}


def _reason_words(details: dict, lang: str) -> dict:
    """'Polygon: kosong', 'sisinya berpotongan di titik 0.5 0.5': the reason in words, after the
    geometry type it is about."""
    if "geos" in details:
        reason = GEOS_REASONS.get(details["geos"], INVALID_SHAPE).text(lang)
        point = details.get("titik")
        return {"batas": AT_POINT.text(lang).format(sebab=reason, titik=point) if point else reason}
    if "sebab" not in details:
        return {}
    kind = f"{details['geometri']}: " if "geometri" in details else ""
    return {"batas": kind + REASONS[details["sebab"]].text(lang).format(**details)}


def _percent(share: float, lang: str) -> str:
    if share == float("inf"):
        return INFINITE.text(lang)
    text = f"{share * 100:.3f}".rstrip("0").rstrip(".") if share * 100 >= 0.001 else "< 0.001"
    return (text.replace(".", ",") if lang == "id" else text) + " %"


def _repair_words(details: dict, lang: str) -> dict:
    return {"persen": _percent(details["perubahan"], lang),
            "maks": _percent(MAX_REPAIR_AREA_CHANGE, lang), **_reason_words(details, lang)}


BOUNDARY_FILE = Rule("peta_berkas", Kind.DATA, Message(
    "Berkas batas wilayah tidak dapat dibaca sebagai GeoJSON: {batas}",
    "The boundary file cannot be read as GeoJSON: {batas}",
    "Ekspor ulang sebagai GeoJSON (FeatureCollection, WGS84), mis. dari QGIS.",
    "Export it again as GeoJSON (FeatureCollection, WGS84), e.g. from QGIS.",
), words=_reason_words)

BOUNDARY_LEVEL = Rule("peta_tingkat", Kind.DATA, Message(
    "Tingkat wilayah {value!r} untuk batas wilayah tidak dikenal.",
    "Unknown area level {value!r} for the boundaries.",
    "Isi \"tingkat\" dengan kabupaten, kecamatan, atau desa.",
    "Set \"tingkat\" to kabupaten, kecamatan or desa.",
))

INVALID_GEOMETRY = Rule("peta_geometri", Kind.DATA, Message(
    "Geometri wilayah {value!r} tidak sah ({batas}).",
    "Geometry of area {value!r} is invalid ({batas}).",
    "Perbaiki di QGIS (Vektor → Alat Geometri → Perbaiki Geometri) lalu ekspor ulang.",
    "Repair it in QGIS (Vector → Geometry Tools → Fix Geometries) and export again.",
), words=_reason_words)

BOUNDARY_CODE = Rule("peta_kode", Kind.DATA, Message(
    "Kode {value!r} di berkas batas wilayah tidak ada di daftar {batas}.",
    "Code {value!r} in the boundary file is not in the {batas} list.",
    "Samakan properti kode dengan kode Kemendagri di {batas}.csv.",
    "Make the code property match the Kemendagri code in {batas}.csv.",
))

MISSING_BOUNDARY = Rule("peta_hilang", Kind.DATA, Message(
    "Wilayah {value!r} tidak punya batas di berkas batas wilayah.",
    "Area {value!r} has no boundary in the boundary file.",
    "Tambahkan poligonnya; setiap {batas} harus ada di peta.",
    "Add its polygon; every {batas} must be on the map.",
))

REPAIRED_BOUNDARY = Rule("peta_diperbaiki", Kind.DATA, Message(
    "Batas wilayah {value} ({nama}) tidak sah ({batas}) dan diperbaiki otomatis; luasnya "
    "berubah {persen}.",
    "Boundary of {value} ({nama}) was invalid ({batas}) and was repaired automatically; its "
    "area changed by {persen}.",
    "Tidak wajib: peta memakai batas yang diperbaiki. Untuk menghilangkan peringatan ini, "
    "perbaiki di QGIS (Vektor → Alat Geometri → Perbaiki Geometri) lalu ekspor ulang.",
    "Optional: the maps use the repaired boundary. To silence this warning, repair it in "
    "QGIS (Vector → Geometry Tools → Fix Geometries) and export again.",
), severity="warning", words=_repair_words)

UNREPAIRABLE_BOUNDARY = Rule("peta_perbaikan_besar", Kind.DATA, Message(
    "Batas wilayah {value} ({nama}) tidak sah ({batas}); perbaikan otomatis akan mengubah "
    "luasnya {persen} (batas {maks}), jadi bentuk yang dimaksud tidak dapat dipastikan.",
    "Boundary of {value} ({nama}) is invalid ({batas}); an automatic repair would change its "
    "area by {persen} (limit {maks}), so the intended shape cannot be known.",
    "Periksa poligonnya di QGIS (mis. titik yang tertukar urutannya), perbaiki, lalu ekspor "
    "ulang.",
    "Check the polygon in QGIS (e.g. vertices in the wrong order), fix it and export again.",
), words=_repair_words)


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
    header, rows = catalog.rows(spec)
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


def _repair(geometry, where: str, number: int, key: str, code: str, name: str,
            problems: list[Problem]):
    """A valid polygon for an invalid one, or None (refused) when repair changes it materially."""
    repaired = _polygons(shapely.make_valid(geometry))
    change = _area_change(geometry.area, repaired.area if repaired is not None else 0.0)
    details = {"nama": name, "perubahan": change, **validity(geometry)}
    if repaired is None or change >= MAX_REPAIR_AREA_CHANGE:
        problems.append(Problem(where, UNREPAIRABLE_BOUNDARY, number, key, code, details))
        return None
    problems.append(Problem(where, REPAIRED_BOUNDARY, number, key, code, details))
    return repaired


def _features(path: Path, where: str, problems: list[Problem]) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(Problem(where, BOUNDARY_FILE, details={"sebab": "not_utf8"}))
        return []
    except json.JSONDecodeError as exc:
        problems.append(Problem(where, BOUNDARY_FILE, details={"sebab": "not_json", "baris": exc.lineno,
                                                                "kolom": exc.colno}))
        return []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(Problem(where, BOUNDARY_FILE, details={"sebab": "not_a_collection"}))
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
    loaded: list[Boundaries] = []
    problems: list[Problem] = []
    for declaration in declarations(catalog):
        level = declaration.get("tingkat", "")
        where = declaration.get("path", PACKAGE_FILE)
        path = safe_path(catalog.root, declaration.get("path"), problems, PACKAGE_FILE,
                         "monografi.batas_wilayah.path")
        codes = _master_names(catalog, level)
        if codes is None:
            problems.append(Problem(PACKAGE_FILE, BOUNDARY_LEVEL, value=level))
        if path is None or codes is None:
            continue
        key = declaration.get("properti_kode", "code")
        shapes = {}
        for number, feature in enumerate(_features(path, where, problems), start=1):
            code = str((feature.get("properties") or {}).get(key, ""))
            try:
                geometry = shape(feature.get("geometry") or {})
            except (ValueError, TypeError, AttributeError, shapely.errors.ShapelyError):
                problems.append(Problem(where, INVALID_GEOMETRY, number, key, code,
                                        {"sebab": "unreadable_geometry"}))
                continue
            if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
                reason = {"geometri": geometry.geom_type,
                          "sebab": "empty" if geometry.is_empty else "not_polygon"}
                problems.append(Problem(where, INVALID_GEOMETRY, number, key, code, reason))
                continue
            minx, miny, maxx, maxy = geometry.bounds
            if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
                problems.append(Problem(where, INVALID_GEOMETRY, number, key, code,
                                        {"sebab": "outside_wgs84"}))
                continue
            if code not in codes:
                problems.append(Problem(where, BOUNDARY_CODE, number, key, code, {"batas": level}))
                continue
            if code in shapes:
                problems.append(Problem(where, DUPLICATE_KEY, number, key, code, {"batas": key}))
                continue
            if not geometry.is_valid:
                geometry = _repair(geometry, where, number, key, code, codes[code], problems)
                if geometry is None:
                    continue
            shapes[code] = geometry
        shapes = _simplified(shapes)
        problems.extend(Problem(where, MISSING_BOUNDARY, value=code, details={"batas": level})
                        for code in sorted(codes.keys() - set(shapes)))
        loaded.append(Boundaries(level, shapes, declaration.get("sumber"), where))
    return loaded, problems


def checked_boundaries(catalog: Catalog) -> dict[str, Boundaries]:
    """Level → boundaries as validation read and checked them (each file is read once per
    build), else read and checked now (a catalog loaded without validation)."""
    if catalog.boundaries is not None:
        return catalog.boundaries
    return {b.level: b for b in load_boundaries(catalog)[0]}
