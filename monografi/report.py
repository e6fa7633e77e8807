"""Validation problems as staff need to read them: where, what, which rule, how to fix."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .messages import LANGS, RULES, TYPE_NAMES, UI, UNKNOWN_RULE


@dataclass(frozen=True)
class Problem:
    """One broken rule at one place. `row` is the spreadsheet row (header = 1)."""

    file: str
    rule: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    details: dict = field(default_factory=dict, compare=False, hash=False)
    severity: str = "error"

    def _fill(self, lang: str) -> dict:
        values = {"value": self.value if self.value is not None else "", "batas": "", "contoh": "",
                  "contoh_en": "", "saran": "", "saran_en": "", "aturan": "", "aturan_en": "",
                  "tipe": "", "tipe_en": ""}
        values.update(self.details)
        if self.rule == "tipe":
            names = TYPE_NAMES.get(self.details.get("type", ""), TYPE_NAMES["string"])
            values.update(tipe=names[0], tipe_en=names[1], contoh=names[2], contoh_en=names[3])
        return values

    def texts(self, lang: str = "id") -> tuple[str, str]:
        """(message, fix) in the requested language."""
        template = RULES.get(self.rule, UNKNOWN_RULE)
        offset = LANGS.index(lang)
        values = self._fill(lang)
        return template[offset].format(**values), template[2 + offset].format(**values)

    def as_dict(self, lang: str = "id") -> dict:
        message, fix = self.texts(lang)
        return {"berkas": self.file, "baris": self.row, "kolom": self.column, "nilai": self.value,
                "aturan": self.rule, "tingkat": self.severity, "pesan": message, "perbaikan": fix}


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def by_file(self) -> dict[str, list[Problem]]:
        grouped: dict[str, list[Problem]] = defaultdict(list)
        for problem in sorted(self.problems, key=lambda p: (p.file, p.row or 0, p.column or "")):
            grouped[problem.file].append(problem)
        return dict(grouped)

    def format_text(self, lang: str = "id") -> str:
        offset = LANGS.index(lang)
        if not self.problems:
            return UI["report_ok"][offset]
        grouped = self.by_file()
        lines = [UI["report_header"][offset].format(n=len(self.problems), files=len(grouped))]
        for name, problems in grouped.items():
            lines.append("")
            lines.append(f"== {name} ==")
            for problem in problems:
                message, fix = problem.texts(lang)
                where = []
                if problem.row is not None:
                    where.append(f"{UI['row'][offset]} {problem.row}")
                if problem.column:
                    where.append(f"{UI['column'][offset]} {problem.column}")
                prefix = ", ".join(where) or name
                lines.append(f"- {prefix}: {message}")
                lines.append(f"    {UI['rule'][offset]}: {problem.rule}; {UI['fix'][offset]}: {fix}")
        return "\n".join(lines)
