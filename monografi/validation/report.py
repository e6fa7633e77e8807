"""Validation problems as staff need to read them: where, what, which rule, how to fix.

One Report, three renderings: text for people (grouped by file), JSON for machines, and GitHub
workflow annotations so a pull request shows each problem on the line of the CSV it is about.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from ..messages import ui
from ..project import CONTENT, DATASETS
from .rules import Rule

FORMATS = ("teks", "json", "github")


@dataclass(frozen=True)
class Problem:
    """One broken rule at one place. `row` is the spreadsheet row (header = 1); `details` are
    plain data (bounds, codes, row numbers) that the rule puts into words."""

    file: str
    rule: Rule
    row: int | None = None
    column: str | None = None
    value: str | None = None
    details: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        if not isinstance(self.rule, Rule):
            raise TypeError(f"a Problem points at a Rule, not {self.rule!r}")

    @property
    def severity(self) -> str:
        return self.rule.severity

    def texts(self, lang: str = "id") -> tuple[str, str]:
        """(message, fix) in the requested language."""
        return self.rule.texts(self.value, self.details, lang)

    def as_dict(self, lang: str = "id") -> dict:
        message, fix = self.texts(lang)
        return {"berkas": self.file, "baris": self.row, "kolom": self.column, "nilai": self.value,
                "aturan": self.rule.id, "tingkat": self.severity, "pesan": message, "perbaikan": fix}


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.row or 0, problem.column or "", problem.rule.id)


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
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def exit_code(self) -> int:
        """0 when valid, else what the worst kind of broken rule calls for (Kind.exit_code)."""
        return max((p.rule.kind.exit_code for p in self.errors), default=0)

    def by_file(self) -> dict[str, list[Problem]]:
        grouped: dict[str, list[Problem]] = defaultdict(list)
        for problem in sorted(self.problems, key=_sort_key):
            grouped[problem.file].append(problem)
        return dict(grouped)

    def format(self, kind: str, lang: str = "id", prefix: str = f"{DATASETS}/") -> str:
        if kind == "json":
            return self.format_json(lang)
        if kind == "github":
            return self.format_github(lang, prefix)
        return self.format_text(lang)

    def format_text(self, lang: str = "id") -> str:
        if not self.problems:
            return ui("report_ok", lang)
        grouped = self.by_file()
        lines = [ui("report_header", lang, n=len(self.errors), warnings=len(self.warnings),
                    files=len(grouped))]
        for name, problems in grouped.items():
            lines.append("")
            lines.append(f"== {name} ==")
            for problem in problems:
                message, fix = problem.texts(lang)
                prefix = self._where(problem, lang) or name
                if problem.severity == "warning":
                    prefix = f"{ui('warning', lang)}: {prefix}"
                lines.append(f"- {prefix}: {message}")
                lines.append(f"    {ui('rule', lang)}: {problem.rule.id}; {ui('fix', lang)}: {fix}")
        if self.ok:
            lines += ["", ui("report_ok", lang)]
        return "\n".join(lines)

    @staticmethod
    def _where(problem: Problem, lang: str) -> str:
        where = []
        if problem.row is not None:
            where.append(f"{ui('row', lang)} {problem.row}")
        if problem.column:
            where.append(f"{ui('column', lang)} {problem.column}")
        return ", ".join(where)

    def format_json(self, lang: str = "id") -> str:
        data = {"sah": self.ok, "galat": len(self.errors), "peringatan": len(self.warnings),
                "masalah": [p.as_dict(lang) for p in sorted(self.problems, key=_sort_key)]}
        return json.dumps(data, ensure_ascii=False, indent=2)

    def format_github(self, lang: str = "id", prefix: str = f"{DATASETS}/") -> str:
        """GitHub Actions workflow commands (::error file=…,line=…::…), one per problem."""
        lines = []
        for problem in sorted(self.problems, key=_sort_key):
            message, fix = problem.texts(lang)
            # "formulir.xlsx › lembar": the file is the workbook, the sheet goes in the title
            name, _, sheet = problem.file.split("#", 1)[0].partition(" › ")
            path = name if name.startswith(f"{CONTENT}/") else prefix + name  # content/ pages
            props = [f"file={_escape(path, True)}"]
            if problem.row is not None:
                props.append(f"line={problem.row}")
            place = ", ".join(part for part in (sheet, problem.column) if part)
            title = problem.rule.id + (f" ({place})" if place else "")
            props.append(f"title={_escape(title, True)}")
            body = f"{message} {ui('fix', lang).capitalize()}: {fix}"
            lines.append(f"::{problem.severity} {','.join(props)}::{_escape(body)}")
        lines.append(ui("report_ok", lang) if self.ok else
                     ui("report_header", lang, n=len(self.errors), warnings=len(self.warnings),
                        files=len(self.by_file())))
        return "\n".join(lines)


def _escape(text: str, property_value: bool = False) -> str:
    """Escape per GitHub's workflow-command rules (%, CR, LF; also : and , in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text
