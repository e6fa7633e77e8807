"""Row rules ("aturan_baris"): a formula over a row's cells that every row must satisfy.

A rule is checked once against its table (it must parse, use only the table's columns and the
operators the evaluator allows), so a typo is one configuration error at its key rather than a
broken rule on every row; a rule that can run is given to Frictionless, and each row it rejects
is said in words with the row's values.
"""

from __future__ import annotations

import ast

import simpleeval

from ..messages import Message
from .rules import Kind, Rule
from .spec import ResourceSpec

# Names a row rule may use besides the table's columns (rand/randint would make output differ).
RULE_NAMES = frozenset({"True", "False", "None", "int", "float", "str"})
_EVALUATOR = simpleeval.EvalWithCompoundTypes()
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


def rule_problem(spec: ResourceSpec, formula: str) -> tuple[Rule, dict] | None:
    """Why a row rule cannot run on this table (the rule broken and its details), or None.

    Checked once here so that a typo in a rule is one configuration error at its key, not a
    'rule broken' on every row of the table.
    """
    try:
        tree = ast.parse(formula.strip(), mode="eval")
    except SyntaxError as exc:
        return FORMULA_SYNTAX, {"batas": str(exc.offset or "")}
    columns = {f["name"] for f in spec.fields}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in columns | RULE_NAMES:
            return FORMULA_COLUMN, {"batas": ", ".join(sorted(columns)), "nama": node.id}
        if isinstance(node, ast.expr) and type(node) not in _EVALUATOR.nodes:
            return FORMULA_SYNTAX, {"batas": ast.unparse(node)}
        op = getattr(node, "op", None) if not isinstance(node, ast.BoolOp) else None
        ops = [op] if op is not None else list(getattr(node, "ops", []))
        if any(type(o) not in _EVALUATOR.operators for o in ops):
            return FORMULA_SYNTAX, {"batas": ast.unparse(node)}
    return None


def valid_row_rules(spec: ResourceSpec) -> list[dict]:
    """The row rules that can run; the others are reported once by hint_problems."""
    rules = spec.hints.get("aturan_baris")
    return [rule for rule in (rules if isinstance(rules, list) else [])
            if isinstance(rule, dict) and isinstance(rule.get("rumus"), str)
            and rule_problem(spec, rule["rumus"]) is None]


def _words(node: ast.AST, lang: str) -> str:
    """A rule in words ('laki_laki + perempuan sama dengan jumlah'); the rest stays as written."""
    if isinstance(node, ast.BoolOp):
        joint = f" {RULE_WORDS[type(node.op).__name__].text(lang)} "
        return joint.join(_words(v, lang) for v in node.values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return f"{RULE_WORDS['Not'].text(lang)} {_words(node.operand, lang)}"
    if isinstance(node, ast.Compare):
        parts = [ast.unparse(node.left)]
        for op, right in zip(node.ops, node.comparators, strict=True):
            name = type(op).__name__
            if isinstance(op, ast.Is | ast.IsNot) and ast.unparse(right) == "None":
                parts.append(RULE_WORDS["IsNone" if name == "Is" else "IsNotNone"].text(lang))
            elif name not in RULE_WORDS:
                return ast.unparse(node)  # 'is' between values: said as written
            else:
                parts += [RULE_WORDS[name].text(lang), ast.unparse(right)]
        return " ".join(parts)
    return ast.unparse(node)


def rule_words(formula: str, lang: str = "id") -> str:
    """A row rule as a sentence ('… sama dengan jumlah'), e.g. for the public dataset page."""
    return _words(ast.parse(formula.strip(), mode="eval").body, lang)


def rule_in_words(formula: str, cells: dict[str, str], lang: str) -> str:
    """A broken rule that has no "pesan", said with the row's values."""
    tree = ast.parse(formula.strip(), mode="eval")
    used = sorted((n.col_offset, n.id) for n in ast.walk(tree)
                  if isinstance(n, ast.Name) and n.id in cells)
    names = list(dict.fromkeys(name for _, name in used))  # in the order the rule reads them
    values = ", ".join(f"{n} = {cells[n] or RULE_WORDS['empty'].text(lang)}" for n in names)
    return RULE_WORDS["values"].text(lang).format(rule=_words(tree.body, lang), values=values)


def _rule_words(details: dict, lang: str) -> dict:
    """The rule's own text ("pesan", or "message" in English), else the rule in words."""
    own = details.get("pesan") if lang == "id" else details.get("message")
    return {"aturan": own or rule_in_words(details["batas"], details["sel"], lang)}


FORMULA_SYNTAX = Rule("rumus_sintaks", Kind.CONFIGURATION, Message(
    "Rumus aturan baris {value!r} tidak dapat dibaca (sekitar {batas!r}).",
    "Row rule formula {value!r} cannot be read (around {batas!r}).",
    "Tulis rumus Python sederhana dengan nama kolom, angka, + - * /, ==, <, and, or, "
    "is None, mis. \"laki_laki + perempuan == jumlah\".",
    "Write a simple Python expression with column names, numbers, + - * /, ==, <, and, or, "
    "is None, e.g. \"laki_laki + perempuan == jumlah\".",
))

FORMULA_COLUMN = Rule("rumus_kolom", Kind.CONFIGURATION, Message(
    "Rumus aturan baris memakai {nama!r}, yang bukan kolom tabel ini.",
    "The row rule uses {nama!r}, which is not a column of this table.",
    "Pakai nama kolom skema (periksa salah ketik): {batas}.",
    "Use the schema's column names (check for typos): {batas}.",
))

ROW_RULE = Rule("aturan_baris", Kind.DATA, Message(
    "Aturan baris dilanggar: {aturan}.",
    "Row rule broken: {aturan}.",
    "Periksa kembali angka pada baris ini ({batas}).",
    "Check the figures on this row again ({batas}).",
), words=_rule_words)

