"""Find user-facing text built outside the catalogue: Indonesian words reaching a message.

A message reaches people through a sink: a Problem, print(), ui(), an exception being raised,
any call naming a Rule, or the help, description, epilog, usage, title or metavar of an argparse
parser or argument. From each sink's arguments the scan follows what the text is made of:
string literals and f-strings, local names (and what is appended or updated into them), module
constants, and the returns of functions of the scanned modules (imports resolved). Words in
Message(...) and Rule(...) are the catalogue and are never reported; dict keys are data.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

INDONESIAN = re.compile(
    r"\b(?:tidak|yang|dan|atau|harus|berupa|bukan|belum|sudah|tanpa|dengan|untuk|dari|pada|di|ke|"
    r"ini|itu|ada|kosong|rusak|lembar|pemisah|ribuan|desimal|koma|titik|maksud|anda|luar|"
    r"koordinat|bujur|lintang|biner|teks|berkas|tak|terhingga|nomor|alamat|surel|telepon|galat|"
    r"periksa|tulis|hapus|ganti|simpan|baris|kolom|nilai|sel|impor|gagal|diubah|dibaca)\b", re.I)
SINKS = {"Problem", "print", "ui"}
# argparse prints these keywords to staff (--help, usage errors): help text typed here in
# Indonesian would ignore --lang en, so the scan follows them as it follows a sink's arguments.
ARGPARSE_CALLS = {"ArgumentParser", "Parser", "add_argument", "add_parser", "add_subparsers",
                  "add_argument_group", "add_mutually_exclusive_group"}
ARGPARSE_TEXT = {"help", "description", "epilog", "usage", "title", "metavar"}
CATALOGUE = {"Message", "Rule"}
DATA = {"encode"}  # bytes are written to files, never said to anyone
MUTATORS = {"append", "extend", "update", "setdefault", "insert", "add"}


@dataclass
class Module:
    name: str
    tree: ast.Module
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    constants: dict[str, ast.expr] = field(default_factory=dict)
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # local -> (module, attr)

    def __post_init__(self):
        package = self.name.rpartition(".")[0]
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef):
                self.functions[node.name] = node
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name):
                            self.constants[name.id] = node.value
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (base, alias.name)


def _is_rule(module: Module, node: ast.expr, modules: dict[str, Module]) -> bool:
    """`node` names a module-level `X = Rule(...)` of the scanned code."""
    target = _resolve(module, node, modules)
    if target is None:
        return False
    owner, name = target
    value = owner.constants.get(name)
    return isinstance(value, ast.Call) and _called(value) == "Rule"


def _resolve(module: Module, node: ast.expr, modules: dict[str, Module]) -> tuple[Module, str] | None:
    """The (module, top-level name) a Name or `mod.name` refers to, within the scanned code."""
    if isinstance(node, ast.Name):
        if node.id in module.functions or node.id in module.constants:
            return module, node.id
        base, attr = module.imports.get(node.id, (None, None))
        if base in modules and attr:
            return modules[base], attr
        if base and f"{base}.{attr}" in modules:
            return None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        base, attr = module.imports.get(node.value.id, (None, None))
        target = modules.get(f"{base}.{attr}") or modules.get(base or "")
        if target is not None and attr and f"{base}.{attr}" in modules:
            return target, node.attr
    return None


def _names(node: ast.AST) -> set[str]:
    """Names a value is made of (conditions and bytes left out, as in _Scan.text)."""
    if isinstance(node, ast.Compare) or (isinstance(node, ast.Call) and _called(node) in DATA):
        return set()
    if isinstance(node, ast.Name):
        return {node.id}
    return set().union(*(_names(child) for child in ast.iter_child_nodes(node)))


def _feeding(function: ast.FunctionDef, values: list[ast.expr]) -> set[str]:
    """The local names (parameters included) that the given values are made of."""
    used = set().union(*map(_names, values)) if values else set()
    while True:
        more = set(used)
        for node in ast.walk(function):
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(n.id in used for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)):
                    more |= _names(node.value)
        if more == used:
            return used
        used = more


def _called(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


class _Scan:
    def __init__(self, modules: dict[str, Module]):
        self.modules = modules
        self.seen: set[tuple[str, int]] = set()
        self.found: list[str] = []

    def sink(self, module: Module, scope: ast.AST, exprs: list[ast.expr]) -> None:
        for expr in exprs:
            self.text(module, scope, expr)

    def text(self, module: Module, scope: ast.AST, node: ast.AST) -> None:
        key = (module.name, id(node))
        if key in self.seen:
            return
        self.seen.add(key)
        if isinstance(node, ast.Call) and _called(node) in CATALOGUE:
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if INDONESIAN.search(node.value):
                self.found.append(f"{module.name}:{node.lineno}: {node.value!r}")
            return
        if isinstance(node, ast.Compare):
            return  # a condition, not text
        if isinstance(node, ast.Subscript):  # an item's key is data: follow the container only
            self.text(module, scope, node.value)
            return
        if isinstance(node, ast.Call) and _called(node) in DATA:
            return
        if isinstance(node, ast.Attribute):  # an attribute read: only a module's constant is text
            target = _resolve(module, node, self.modules)
            if target is not None and target[1] in target[0].constants:
                owner = target[0]
                self.text(owner, owner.tree, owner.constants[target[1]])
            return
        if isinstance(node, ast.Dict):
            children = [v for v in node.values if v is not None]
        elif isinstance(node, ast.comprehension):
            children = [node.iter]  # its `if`s are conditions
        elif isinstance(node, ast.IfExp):
            children = [node.body, node.orelse]
        elif isinstance(node, ast.Name):
            children = self.origins(module, scope, node)
        elif isinstance(node, ast.Call):
            children = self.call(module, node)
        else:
            children = list(ast.iter_child_nodes(node))
        for child in children:
            target = self.modules[child[0]] if isinstance(child, tuple) else module
            where, expr = (child[1], child[2]) if isinstance(child, tuple) else (scope, child)
            self.text(target, where, expr)

    def origins(self, module: Module, scope: ast.AST, name: ast.Name) -> list:
        """What a name holds: its assignments (and mutations) in the scope, or a constant."""
        found = []
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(n, ast.Name) and n.id == name.id for t in targets
                       for n in ast.walk(t)) and node.value is not None:
                    found.append(node.value)
                if any(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
                       and t.value.id == name.id for t in targets):
                    found.append(node.value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name) and \
                    node.func.value.id == name.id:
                found += [*node.args, *(k.value for k in node.keywords)]
        if found:
            return found
        target = _resolve(module, name, self.modules)
        if target is not None and target[1] in target[0].constants:
            owner = target[0]
            return [(owner.name, owner.tree, owner.constants[target[1]])]
        return []

    def keys_if_dict(self, module: Module, node: ast.expr) -> list:
        """The keys of a module's dict constant `node` names, else `node` itself."""
        target = _resolve(module, node, self.modules) if isinstance(node, ast.Name) else None
        value = target[0].constants.get(target[1]) if target is not None else None
        if isinstance(value, ast.Dict):
            return [(target[0].name, target[0].tree, key) for key in value.keys if key is not None]
        return [node]

    def call(self, module: Module, call: ast.Call) -> list:
        """A function of the scanned code gives its returns, and the arguments they are made
        of; any other call (str.join, dict.get, format …) may be made of all its parts."""
        target = _resolve(module, call.func, self.modules)
        if target is None or target[1] not in target[0].functions:
            receiver = [call.func.value] if isinstance(call.func, ast.Attribute) else []
            args = call.args
            if _called(call) == "join":  # joining a dict joins its keys
                args = [key for arg in args for key in self.keys_if_dict(module, arg)]
            return [*args, *(k.value for k in call.keywords), *receiver]
        owner, definition = target[0], target[0].functions[target[1]]
        returns = [node.value for node in ast.walk(definition)
                   if isinstance(node, ast.Return) and node.value is not None]
        used = _feeding(definition, returns)
        params = [a.arg for a in definition.args.args]
        passed = [a for name, a in zip(params, call.args, strict=False) if name in used]
        passed += [k.value for k in call.keywords if k.arg in used or k.arg is None]
        return [*((owner.name, definition, value) for value in returns), *passed]


def scan(sources: dict[str, str]) -> list[str]:
    """'module:line: text' for every Indonesian text that reaches a sink outside the catalogue."""
    modules = {name: Module(name, ast.parse(text)) for name, text in sources.items()}
    scan = _Scan(modules)
    for module in modules.values():
        scopes = [module.tree, *(n for n in ast.walk(module.tree) if isinstance(n, ast.FunctionDef))]
        for scope in scopes:
            body = scope.body if scope is not module.tree else [
                n for n in scope.body if not isinstance(n, ast.FunctionDef | ast.ClassDef)]
            for node in (n for statement in body for n in ast.walk(statement)):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    scan.sink(module, scope, [*node.exc.args, *(k.value for k in node.exc.keywords)])
                elif isinstance(node, ast.Call) and (
                        _called(node) in SINKS or any(_is_rule(module, a, modules) for a in node.args)):
                    scan.sink(module, scope, [*node.args, *(k.value for k in node.keywords)])
                elif isinstance(node, ast.Call) and _called(node) in ARGPARSE_CALLS:
                    scan.sink(module, scope, [k.value for k in node.keywords if k.arg in ARGPARSE_TEXT])
    return sorted(set(scan.found))
