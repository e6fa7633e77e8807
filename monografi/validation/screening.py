"""Frictionless validates only the rows that may hold a problem.

Frictionless checks one row at a time (about 50 µs each, plus a deep copy of inline data), so a
million-row table took minutes; and on every table, however small, it pays a fixed cost (metadata
copies, opening each table a foreign key looks up), which made `check` of the bundled package
spend most of its time confirming clean tables. Here the same rules run column-wise with pandas,
but only to *clear* rows: a row is dropped from what Frictionless sees when it certainly breaks no
rule of its schema (type, constraints, unique, primary key, foreign key, row formulas), and a
table with no row left is not given to Frictionless at all. Every row that might break one still
goes to Frictionless, which alone decides and words the problem, so the report is exactly the one
of the row-by-row path (only row numbers are mapped back).

Any uncertainty keeps the row: missing values inside formulas, decimal arithmetic, duplicate
keys (every occurrence is kept, so "the same as row N" is found), foreign keys to a column not
read as plain text. A table whose schema uses a feature not understood by this module (other
types, formats, exclusive bounds, non-string foreign keys, formula syntax, declared row or byte
counts) is not screened at all. A table other tables look up through a foreign key keeps all its
rows in the package (the lookups read them), so it is only either cleared or validated whole.
"""

from __future__ import annotations

import ast
import re

import numpy as np
import pandas as pd

from .catalog import Catalog
from .dialect import Table
from .row_rules import valid_row_rules
from .spec import ResourceSpec

SCREENED_FROM_ROWS = 0  # every table; tests raise it to compare with the row-by-row path
# Resource properties Frictionless compares with the rows it saw (row, field, byte counts, hashes).
COUNTED = frozenset({"rows", "fields", "bytes", "hash", "stats"})
SCREENED_CONSTRAINTS = {"required", "unique", "minimum", "maximum", "pattern", "enum",
                        "minLength", "maxLength"}
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_SAFE_SUM = 2**61  # int64 sums of two such values never overflow


class Unscreenable(Exception):
    """The table uses something this module does not model: validate it row by row."""


def rows_to_validate(catalog: Catalog, tables: dict[str, Table]) -> dict[str, list[int]]:
    """Per screened table, the spreadsheet row numbers Frictionless must still see."""
    specs = {spec.name: spec for spec in catalog.resources}
    kept = {}
    for spec in catalog.resources:
        table = tables[spec.name]
        if table.unreadable or len(table.rows) < SCREENED_FROM_ROWS or COUNTED & set(spec.descriptor):
            continue
        try:
            suspicious = _suspicious(spec, table, specs, tables)
        except Unscreenable:
            continue
        kept[spec.name] = [int(i) + 2 for i in np.flatnonzero(suspicious)]
    return kept


def looked_up(catalog: Catalog) -> set[str]:
    """Tables some foreign key reads: Frictionless needs all their rows in the package."""
    return {(fk.get("reference") or {}).get("resource") or spec.name
            for spec in catalog.resources for fk in spec.schema.get("foreignKeys", [])}


def only_rows(table: Table, numbers: list[int]) -> Table:
    """The table with just the given spreadsheet rows (for the Frictionless descriptor)."""
    return Table(table.header, [table.rows[n - 2] for n in numbers])


def renumber(error, numbers: list[int]) -> None:
    """Map a Frictionless row number in the screened table back to the spreadsheet row."""
    row = getattr(error, "row_number", None)
    if row is not None:
        error.row_number = numbers[row - 2]


def _suspicious(spec: ResourceSpec, table: Table, specs: dict[str, ResourceSpec],
                tables: dict[str, Table]) -> np.ndarray:
    names = [f["name"] for f in spec.fields]
    if not names or table.header != names:
        raise Unscreenable("header")
    width = len(names)
    lengths = np.fromiter(map(len, table.rows), dtype=np.int64, count=len(table.rows))
    rows = table.rows if (lengths == width).all() else \
        [(row + [""] * width)[:width] for row in table.rows]
    matrix = np.array(rows, dtype=object).reshape(len(rows), width)
    missing_values = spec.schema.get("missingValues", [""])
    # Plain numpy and Python per distinct value: pandas' per-call cost dominated small tables.
    columns = {name: _Column(matrix[:, index], missing_values) for index, name in enumerate(names)}
    suspicious = lengths != width
    suspicious |= np.logical_and.reduce([columns[n].missing for n in names])  # blank row
    values: dict[str, _Value] = {}
    keys: dict[str, np.ndarray] = {}
    for raw in spec.fields:
        flagged, values[raw["name"]], keys[raw["name"]] = _field(raw, columns[raw["name"]])
        suspicious |= flagged
    primary = spec.primary_key
    if primary:
        key_frame = pd.DataFrame({k: keys[k] for k in primary})
        suspicious |= key_frame.duplicated(keep=False).to_numpy()
        suspicious |= np.logical_and.reduce([columns[k].missing for k in primary])
    for fk in spec.schema.get("foreignKeys", []):
        suspicious |= _foreign_key(spec, fk, columns, specs, tables)
    for rule in valid_row_rules(spec):
        value = _Formula(spec, values).evaluate(rule["rumus"])
        suspicious |= ~value.certainly_true()
    return suspicious


class _Column:
    """One column's cells, its distinct values (`codes` index `distinct`) and its missing cells."""

    def __init__(self, cells: np.ndarray, missing_values: list):
        self.cells = cells
        self.codes, self.distinct = pd.factorize(cells)
        self.missing = self.per_cell((value in missing_values for value in self.distinct), bool)

    def per_cell(self, results, dtype) -> np.ndarray:
        """A result computed once per distinct value, spread back to every cell."""
        return np.fromiter(results, dtype, len(self.distinct))[self.codes]


def _field(raw: dict, column: _Column) -> tuple[np.ndarray, _Value, np.ndarray]:
    """(rows that may break this field's rules, formula value, comparable key)."""
    kind, constraints = raw.get("type", "string"), raw.get("constraints", {})
    if set(constraints) - SCREENED_CONSTRAINTS or raw.get("format", "default") != "default":
        raise Unscreenable(raw["name"])
    missing = column.missing
    flagged = missing & bool(constraints.get("required"))
    if kind == "string":
        if "pattern" in constraints:
            match = re.compile(constraints["pattern"]).fullmatch
            flagged |= ~missing & ~column.per_cell((bool(match(v)) for v in column.distinct), bool)
        if "enum" in constraints:
            enum = constraints["enum"]
            flagged |= ~missing & ~column.per_cell((v in enum for v in column.distinct), bool)
        lengths = column.per_cell(map(len, column.distinct), np.int64)
        flagged |= ~missing & (lengths < constraints.get("minLength", 0))
        if "maxLength" in constraints:
            flagged |= ~missing & (lengths > constraints["maxLength"])
        value = _Value(np.where(missing, "", column.cells), "str", missing)
        key = np.where(missing, None, column.cells)  # type: ignore[call-overload]  # None is a scalar
    elif kind in ("integer", "number"):
        if {"pattern", "enum", "minLength", "maxLength"} & set(constraints):
            raise Unscreenable(raw["name"])
        blank = np.zeros(len(column.distinct), bool)
        blank[column.codes[missing]] = True
        valid = pd.Series(np.where(blank, "0", column.distinct), dtype=object)
        # canonical text (number_cells): int64 for integers
        numbers = pd.to_numeric(valid).to_numpy(np.int64 if kind == "integer" else np.float64)[column.codes]
        for name, outside in (("minimum", np.less), ("maximum", np.greater)):
            if name in constraints:
                bound = constraints[name]
                if not isinstance(bound, int | float) or isinstance(bound, bool):
                    raise Unscreenable(name)
                flagged |= ~missing & (outside(numbers, bound) if kind == "integer" and
                                       isinstance(bound, int) else ~_clearly_inside(numbers, bound, name))
        value = _Value(numbers, "int" if kind == "integer" else "decimal", missing)
        key = np.where(missing, np.nan, numbers.astype(np.float64))
    else:
        raise Unscreenable(kind)
    if constraints.get("unique"):
        flagged |= ~missing & pd.Series(key).duplicated(keep=False).to_numpy()
    return flagged, value, key


def _clearly_inside(numbers: np.ndarray, bound: float, name: str) -> np.ndarray:
    """Float comparison with a margin: a value near the bound is left to Frictionless."""
    margin = 1e-9 * max(1.0, abs(bound))
    return numbers > bound + margin if name == "minimum" else numbers < bound - margin


def _foreign_key(spec: ResourceSpec, fk: dict, columns: dict[str, _Column],
                 specs: dict[str, ResourceSpec], tables: dict[str, Table]) -> np.ndarray:
    """Rows whose key may be missing from the target: compared as text, so only when both sides
    are plain strings that Frictionless reads as the text itself, column by column of the header."""
    fields = [fk["fields"]] if isinstance(fk["fields"], str) else list(fk["fields"])
    reference = fk.get("reference") or {}
    target_fields = reference.get("fields", [])
    target_fields = [target_fields] if isinstance(target_fields, str) else list(target_fields)
    name = reference.get("resource") or ""  # '' (this very table) or missing: no target, unscreenable
    target, target_spec = tables.get(name), specs.get(name)
    own_types = {f["name"]: f.get("type", "string") for f in spec.fields}
    if target is None or target_spec is None or any(own_types.get(f) != "string" for f in fields) or \
            len(fields) != len(target_fields):
        raise Unscreenable("foreignKeys")
    size = len(columns[fields[0]].cells)
    if target.unreadable:
        return np.zeros(size, bool)  # the key is dropped before Frictionless sees it
    plain = {f["name"] for f in target_spec.fields
             if f.get("type", "string") == "string" and f.get("format", "default") == "default"}
    if target.header != [f["name"] for f in target_spec.fields] or not set(target_fields) <= plain:
        raise Unscreenable("foreignKeys")
    indexes = [target.header.index(f) for f in target_fields]
    target_missing = set(target_spec.schema.get("missingValues", [""]))
    # A key with a missing cell is read as None there, which no complete key of this table equals.
    known = {cells for row in target.rows
             if len(row) > max(indexes) and not target_missing & set(cells := tuple(row[i] for i in indexes))}
    if len(fields) == 1:
        column = columns[fields[0]]
        found = column.per_cell(((value,) in known for value in column.distinct), bool)
    else:
        keys = zip(*(columns[f].cells for f in fields), strict=True)
        found = np.fromiter((key in known for key in keys), bool, size)
    any_missing = np.logical_or.reduce([columns[f].missing for f in fields])
    all_missing = np.logical_and.reduce([columns[f].missing for f in fields])
    return ~all_missing & (any_missing | ~found)


class _Value:
    """A formula's value on every row: `data`, its kind, and where it is None or unsure."""

    def __init__(self, data, kind: str, none, unsure=None):
        size = len(none)
        self.data, self.kind, self.none = data, kind, np.asarray(none, bool)
        self.unsure = np.zeros(size, bool) if unsure is None else np.asarray(unsure, bool)

    def truthy(self) -> np.ndarray:
        if self.kind == "str":
            return pd.Series(self.data).str.len().to_numpy() > 0
        return np.asarray(self.data != 0, bool) & ~self.none

    def certainly_true(self) -> np.ndarray:
        return ~self.unsure & self.truthy()


class _Formula:
    """A row formula (simpleeval syntax) evaluated on whole columns, for the subset staff use:
    names, constants, + - *, comparisons, `is None`, and/or/not, int() and string slices."""

    def __init__(self, spec: ResourceSpec, values: dict[str, _Value]):
        self.values = values
        self.size = len(next(iter(values.values())).none)

    def evaluate(self, formula: str) -> _Value:
        try:
            tree = ast.parse(formula, mode="eval")
        except SyntaxError as exc:
            raise Unscreenable(formula) from exc
        return self._node(tree.body)

    def _literal(self, value) -> _Value:
        if value is None:
            return _Value(np.zeros(self.size), "none", np.ones(self.size, bool))
        kind = {bool: "bool", int: "int", str: "str"}.get(type(value))
        if kind is None:
            raise Unscreenable(repr(value))
        data = np.full(self.size, value, dtype=object if kind == "str" else None)
        return _Value(data, kind, np.zeros(self.size, bool))

    def _node(self, node) -> _Value:
        handler = getattr(self, f"_{type(node).__name__.lower()}", None)
        if handler is None:
            raise Unscreenable(type(node).__name__)
        return handler(node)

    def _name(self, node) -> _Value:
        if node.id not in self.values:
            raise Unscreenable(node.id)
        return self.values[node.id]

    def _constant(self, node) -> _Value:
        return self._literal(node.value)

    def _boolop(self, node) -> _Value:
        result = self._node(node.values[0])
        for operand in node.values[1:]:
            right = self._node(operand)
            if {result.kind, right.kind} - {"bool"}:
                raise Unscreenable("and/or on non-booleans")
            truth = result.truthy()
            decided = truth if isinstance(node.op, ast.Or) else ~truth  # right side not evaluated
            data = np.where(decided, result.data, right.data)
            unsure = result.unsure | (~decided & right.unsure)
            result = _Value(data, "bool", np.zeros(self.size, bool), unsure)
        return result

    def _unaryop(self, node) -> _Value:
        operand = self._node(node.operand)
        if isinstance(node.op, ast.Not):
            return _Value(~operand.truthy(), "bool", np.zeros(self.size, bool), operand.unsure)
        if isinstance(node.op, ast.USub) and operand.kind == "int":
            return _Value(-operand.data, "int", operand.none, operand.unsure | operand.none)
        raise Unscreenable("unary")

    def _binop(self, node) -> _Value:
        left, right = self._node(node.left), self._node(node.right)
        operations = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply}
        if type(node.op) not in operations or left.kind != "int" or right.kind != "int":
            raise Unscreenable("arithmetic")  # Decimal arithmetic is not float arithmetic
        big = (np.abs(left.data) >= _SAFE_SUM) | (np.abs(right.data) >= _SAFE_SUM)
        if isinstance(node.op, ast.Mult):
            big = np.abs(left.data.astype(float) * right.data) >= _SAFE_SUM
        data = operations[type(node.op)](np.where(big, 0, left.data), np.where(big, 0, right.data))
        unsure = left.unsure | right.unsure | left.none | right.none | big
        return _Value(data, "int", left.none | right.none, unsure)

    def _compare(self, node) -> _Value:
        if len(node.ops) != 1:
            raise Unscreenable("chained comparison")
        left, (op,), (right_node,) = self._node(node.left), node.ops, node.comparators
        if isinstance(op, ast.Is | ast.IsNot):
            if not (isinstance(right_node, ast.Constant) and right_node.value is None):
                raise Unscreenable("is")
            data = left.none if isinstance(op, ast.Is) else ~left.none
            return _Value(data, "bool", np.zeros(self.size, bool), left.unsure)
        right = self._node(right_node)
        operations = {ast.Eq: np.equal, ast.NotEq: np.not_equal, ast.Lt: np.less,
                      ast.LtE: np.less_equal, ast.Gt: np.greater, ast.GtE: np.greater_equal}
        if type(op) not in operations or left.kind != right.kind or left.kind not in ("int", "str"):
            raise Unscreenable("comparison")
        data = operations[type(op)](left.data, right.data)
        unsure = left.unsure | right.unsure | left.none | right.none
        return _Value(np.asarray(data, bool), "bool", np.zeros(self.size, bool), unsure)

    def _call(self, node) -> _Value:
        if not (isinstance(node.func, ast.Name) and node.func.id == "int" and len(node.args) == 1
                and not node.keywords):
            raise Unscreenable("call")
        operand = self._node(node.args[0])
        if operand.kind == "int":
            return operand
        if operand.kind != "str":
            raise Unscreenable("int()")
        text = pd.Series(operand.data, dtype=object).fillna("")
        plain = text.str.fullmatch(_INTEGER_TEXT.pattern).to_numpy(bool) & ~operand.none
        plain &= text.str.len().to_numpy() < 18
        data = pd.to_numeric(text.where(plain, "0")).to_numpy(np.int64)
        return _Value(data, "int", operand.none, operand.unsure | ~plain)

    def _subscript(self, node) -> _Value:
        operand, index = self._node(node.value), node.slice
        bounds = (index.lower, index.upper) if isinstance(index, ast.Slice) and index.step is None \
            else None
        if operand.kind != "str" or bounds is None or not all(
                b is None or (isinstance(b, ast.Constant) and type(b.value) is int) for b in bounds):
            raise Unscreenable("subscript")
        start, stop = (b.value if isinstance(b, ast.Constant) else None for b in bounds)
        data = pd.Series(operand.data, dtype=object).fillna("").str.slice(start, stop)
        return _Value(data.to_numpy(object), "str", operand.none, operand.unsure | operand.none)
