"""The validated package as a tree of areas with tables of observations.

Everything downstream (charts, exports, pages) reads this model and never the CSV files, so the
rules about levels, periods and sources are decided once, here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from .. import address, fmt
from ..validation import AREA_LEVELS, sources
from ..validation.boundaries import Boundaries, checked_boundaries
from ..validation.catalog import Catalog
from ..validation.spec import ResourceSpec
from .derived import Derived, compute_derived

_DTYPES = {"integer": "Int64", "number": "Float64"}
PORTAL_LEVEL = "portal"  # the front page of a package with several top areas: not an area itself
SHARED_PART = "umum"  # the part of a sharded build with what spans parts (front page, rankings, downloads)
_NON_MEASURES = {"sumber", "catatan"}
# One row of a table as plain values (str, int, float; None or pandas' NA where empty).
Record = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    type: str
    unit: str
    description: str
    constraints: dict[str, Any]

    @classmethod
    def from_schema(cls, raw: dict[str, Any]) -> Field:
        return cls(raw["name"], raw.get("title", raw["name"]), raw.get("type", "string"),
                   raw.get("satuan", ""), raw.get("description", ""), raw.get("constraints", {}))

    @property
    def numeric(self) -> bool:
        return self.type in _DTYPES


@dataclass
class Dataset:
    spec: ResourceSpec
    table: pd.DataFrame
    fields: list[Field]

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def title(self) -> str:
        return str(self.spec.descriptor.get("title", self.name))

    @property
    def description(self) -> str:
        return str(self.spec.descriptor.get("description", ""))

    @property
    def level(self) -> str | None:
        return self.spec.level

    @property
    def area_field(self) -> str | None:
        return self.spec.area_field

    @property
    def period_field(self) -> str | None:
        return self.spec.period_field

    @property
    def section(self) -> str:
        return str(self.spec.hints.get("bagian", "Lainnya"))

    @property
    def chart_hints(self) -> list[dict[str, Any]]:
        hints: list[dict[str, Any]] = self.spec.hints.get("grafik", [])
        return hints

    @property
    def is_master(self) -> bool:
        return self.spec.is_master

    @property
    def measures(self) -> list[Field]:
        return [f for f in self.fields if f.numeric and f.name not in _NON_MEASURES]

    @property
    def categories(self) -> list[Field]:
        """Text columns that split a row beyond area and period (e.g. jenjang, jenis_angka)."""
        skip = {self.area_field, self.period_field, *_NON_MEASURES}
        return [f for f in self.fields if not f.numeric and f.name not in skip]

    @property
    def primary_measure(self) -> Field | None:
        hinted = [h["ukuran"] for h in self.chart_hints if "ukuran" in h]
        by_name = {f.name: f for f in self.measures}
        return next((by_name[n] for n in hinted if n in by_name), None) or next(
            iter(self.measures), None)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def rows_for(self, code: str) -> pd.DataFrame:
        """Rows about one area, oldest period first (stable order for identical output)."""
        if not self.area_field:
            return self.table.iloc[0:0]
        return self._rows_by_area.get(code, self.table.iloc[0:0])

    @cached_property
    def _rows_by_area(self) -> dict[str, pd.DataFrame]:
        """One pass over the table instead of one scan per area: cost linear in the areas."""
        return dict(iter(self.sorted_rows(self.table).groupby(self.area_field, sort=False)))

    def records_for(self, code: str, *, file_order: bool = False) -> list[Record]:
        """rows_for as plain dicts, same values and order (or the file's order, where ties keep
        the last row): planning a chart per area and hint stays cheap Python at province scale,
        not a small DataFrame operation each time. The dicts are shared: read, never change."""
        return self._records_by_area[file_order].get(code, [])

    @cached_property
    def _records_by_area(self) -> dict[bool, dict[str, list[Record]]]:
        """Both orders from one conversion of the whole table; rows without an area are left out,
        as in rows_for."""
        if not self.area_field:
            return {False: {}, True: {}}
        table = self.table.reset_index(drop=True)
        records = table.to_dict("records")
        orders = {False: self.sorted_rows(table).index, True: range(len(records))}
        grouped: dict[bool, dict[str, list[Record]]] = {}
        for file_order, positions in orders.items():
            by_area = grouped[file_order] = {}
            for position in positions:
                record = records[position]
                code = record[self.area_field]
                if not fmt.is_missing(code):
                    by_area.setdefault(code, []).append(record)
        return grouped

    def sorted_rows(self, rows: pd.DataFrame) -> pd.DataFrame:
        keys = [k for k in (self.area_field, self.period_field, "sumber") if k in rows.columns]
        return rows.sort_values(keys, kind="stable") if keys else rows

    @cached_property  # the table never changes once the model is built; pages ask per area
    def periods(self) -> list[str]:
        if not self.period_field or self.table.empty:
            return []
        return sorted(self.table[self.period_field].dropna().unique())

    @cached_property
    def source_ids(self) -> list[str]:
        if "sumber" not in self.table.columns:
            return [s["id"] for s in self.spec.descriptor.get("sources", []) if "id" in s]
        return sorted(self.table["sumber"].dropna().unique())


@dataclass
class Area:
    code: str
    name: str
    level: str
    kind: str
    parent: Area | None = None
    children: list[Area] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    home: bool = False  # the portal's front page (see Model.home)

    @property
    def slug(self) -> str:
        return self.code.replace(".", "-")

    @property
    def label(self) -> str:
        return self.name if self.level == PORTAL_LEVEL else f"{self.kind.capitalize()} {self.name}"

    @property
    def subdivision(self) -> Area | None:
        """Its parent when that is not the front page (a kecamatan of one kabupaten in a province
        portal): it is then also ranked within that parent. None otherwise."""
        return self.parent if self.parent is not None and not self.parent.home else None

    @property
    def lineage(self) -> list[Area]:
        chain: list[Area] = []
        node: Area | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


@dataclass
class Model:
    catalog: Catalog
    datasets: dict[str, Dataset]
    areas: dict[str, Area]
    home: Area  # the front page (front_page below)
    derived: list[Derived] = field(default_factory=list)
    boundaries: dict[str, Boundaries] = field(default_factory=dict)  # by level, when supplied

    @property
    def sources(self) -> dict[str, dict[str, Any]]:
        return self.catalog.sources

    @property
    def roots(self) -> list[Area]:
        return roots(self.areas)

    def trail(self, area: Area) -> list[Area]:
        """The area's lineage from the front page down (the breadcrumbs)."""
        lineage = area.lineage
        return lineage if lineage[0].home else [self.home, *lineage]

    def part_of(self, code: str) -> str:
        """The part of a sharded build that writes what is about area `code`: the code of its
        ancestor right below the front page (a province of a national portal, a kabupaten of a
        province portal); SHARED_PART for the front page and for what is about no one area."""
        area = self.areas.get(code)
        return SHARED_PART if area is None or area.home else self.trail(area)[1].code

    def parts(self) -> list[str]:
        """Every part of a sharded build: the shared one, then one per area below the front page."""
        return [SHARED_PART, *(a.code for a in self.home.children)]

    def pages(self) -> list[Area]:
        """Every area with a page: the front page first when it is the portal itself."""
        areas = list(self.areas.values())
        return areas if self.home.level != PORTAL_LEVEL else [self.home, *areas]

    def level(self, level: str) -> list[Area]:
        return [a for a in self.areas.values() if a.level == level]

    def topics(self, level: str | None = None) -> list[Dataset]:
        """Non-master datasets, in package order, optionally for one area level."""
        return [d for d in self.datasets.values()
                if not d.is_master and (level is None or d.level == level)]

    def derived_for(self, code: str) -> list[Derived]:
        return self._derived_by_code.get(code, [])

    @cached_property
    def _derived_by_code(self) -> dict[str, list[Derived]]:
        """One pass over the derived figures (set by build_model), not a scan per area: a
        million-row table has a million of them."""
        grouped: dict[str, list[Derived]] = {}
        for derived in self.derived:
            grouped.setdefault(derived.code, []).append(derived)
        return grouped


def typed_table(spec: ResourceSpec, header: list[str], rows: list[list[str]]) -> pd.DataFrame:
    """Canonical rows (whatever the file's dialect) → typed DataFrame following the schema.

    Text stays text: codes keep leading zeros; numbers were already normalised by the reader.
    Integers are parsed without the empty cells, so they never pass through float64, which
    rounds those beyond 2**53 (9007199254740993 became ...992, or the cast failed).
    """
    width = len(header)
    table = pd.DataFrame([(row + [""] * width)[:width] for row in rows], columns=header, dtype=str)
    for raw in spec.fields:
        name = raw["name"]
        if name not in table.columns:
            continue
        column = table[name].replace("", pd.NA)
        dtype = _DTYPES.get(raw.get("type", "string"))
        if dtype == "Int64":
            table[name] = pd.to_numeric(column.dropna()).astype(dtype).reindex(column.index)
        else:
            table[name] = pd.to_numeric(column).astype(dtype) if dtype else column.astype("string")
    return table


def _build_areas(datasets: dict[str, Dataset]) -> dict[str, Area]:
    areas: dict[str, Area] = {}
    parent_level = None
    for level in AREA_LEVELS:
        if level not in datasets:
            continue
        for row in datasets[level].table.to_dict("records"):
            code = row[f"kode_{level}"]
            kind = row.get("jenis") or level
            parent = areas.get(row.get(f"kode_{parent_level}")) if parent_level else None
            attrs = {k: v for k, v in row.items() if not pd.isna(v)}
            area = Area(code, row.get(f"nama_{level}", code), level, kind, parent, attrs=attrs)
            areas[code] = area
            if parent:
                parent.children.append(area)
        parent_level = level
    return areas


def roots(areas: dict[str, Area]) -> list[Area]:
    """The areas without a parent in the package: one, or several (a national package)."""
    return [a for a in areas.values() if a.parent is None]


def front_page(catalog: Catalog, areas: dict[str, Area]) -> Area:
    """The package's one top area (a kabupaten portal keeps its kabupaten as home) or, when the
    tree starts with several (the provinces of a national package), the portal itself."""
    top = roots(areas)
    if len(top) == 1:
        top[0].home = True
        return top[0]
    descriptor = catalog.descriptor
    title = descriptor.get("title") or descriptor.get("name", "")
    return Area("", title, PORTAL_LEVEL, PORTAL_LEVEL, None, top, home=True)


def build_model(catalog: Catalog) -> Model:
    catalog = address.publishable(sources.published(catalog))
    datasets = {spec.name: Dataset(spec, typed_table(spec, *catalog.rows(spec)),
                                 [Field.from_schema(f) for f in spec.fields])
                for spec in catalog.resources}
    areas = _build_areas(datasets)
    model = Model(catalog, datasets, areas, front_page(catalog, areas))
    model.boundaries = checked_boundaries(catalog)
    model.derived = compute_derived(model)
    return model
