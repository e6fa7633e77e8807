"""Validation problems as staff need to read them: where, what, which rule, how to fix.

One Report, three renderings: text for people (grouped by file), JSON for machines, and GitHub
workflow annotations so a pull request shows each problem on the line of the CSV it is about.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from ..messages import JSON_KIND_NAMES, LANGS, RULES, TYPE_NAMES, UI, UNKNOWN_RULE

# Problems with the package description itself rather than with staff's figures: exit code 2.
CONFIG_RULES = frozenset({
    "metadata", "jalur_tidak_aman", "berkas_hilang", "alamat_tidak_aman", "nama_tidak_aman", "nama_ganda",
    "tipe_json",
    "kunci_wajib", "json_rusak", "data_sebaris", "skema", "pola_rusak", "kunci_kolom",
    "kunci_tabel", "petunjuk_jenis", "petunjuk_kolom", "petunjuk_tipe_kolom", "petunjuk_tabel",
    "petunjuk_sumber", "petunjuk_rinci", "petunjuk_nilai", "rumus_sintaks", "rumus_kolom",
    "angka_utama_agregasi", "angka_utama_kategori",
    "sumber_di_json", "sumber_tanpa_tabel", "isian_kerangka"})
FORMATS = ("teks", "json", "github")


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
                  "tipe": "", "tipe_en": "", "ribuan": ""}
        values.update(self.details)
        offset = LANGS.index(lang)
        other = self.details.get("baris_lain")
        values["baris_lain"] = (f"{UI['row'][offset]} {other}" if other is not None
                                else UI["other_row"][offset])
        if "jenis" in self.details:
            values["jenis"], values["jenis_en"] = JSON_KIND_NAMES.get(
                self.details["jenis"], (self.details["jenis"],) * 2)
        if self.rule == "tipe":
            names = TYPE_NAMES.get(self.details.get("type", ""), TYPE_NAMES["string"])
            values.update(tipe=names[0], tipe_en=names[1], contoh=names[2], contoh_en=names[3])
            if "ribuan" in self.details:
                values["ribuan"] = UI["thousands"][offset].format(
                    plain=self.details["ribuan"])
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


def _sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.row or 0, problem.column or "", problem.rule)


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
    def config_error(self) -> bool:
        """The package description is broken (not the figures): a configuration error."""
        return any(p.rule in CONFIG_RULES for p in self.errors)

    def by_file(self) -> dict[str, list[Problem]]:
        grouped: dict[str, list[Problem]] = defaultdict(list)
        for problem in sorted(self.problems, key=_sort_key):
            grouped[problem.file].append(problem)
        return dict(grouped)

    def format(self, kind: str, lang: str = "id", prefix: str = "datasets/") -> str:
        if kind == "json":
            return self.format_json(lang)
        if kind == "github":
            return self.format_github(lang, prefix)
        return self.format_text(lang)

    def format_text(self, lang: str = "id") -> str:
        offset = LANGS.index(lang)
        if not self.problems:
            return UI["report_ok"][offset]
        grouped = self.by_file()
        lines = [UI["report_header"][offset].format(
            n=len(self.errors), warnings=len(self.warnings), files=len(grouped))]
        for name, problems in grouped.items():
            lines.append("")
            lines.append(f"== {name} ==")
            for problem in problems:
                message, fix = problem.texts(lang)
                prefix = self._where(problem, offset) or name
                if problem.severity == "warning":
                    prefix = f"{UI['warning'][offset]}: {prefix}"
                lines.append(f"- {prefix}: {message}")
                lines.append(f"    {UI['rule'][offset]}: {problem.rule}; {UI['fix'][offset]}: {fix}")
        if self.ok:
            lines += ["", UI["report_ok"][offset]]
        return "\n".join(lines)

    @staticmethod
    def _where(problem: Problem, offset: int) -> str:
        where = []
        if problem.row is not None:
            where.append(f"{UI['row'][offset]} {problem.row}")
        if problem.column:
            where.append(f"{UI['column'][offset]} {problem.column}")
        return ", ".join(where)

    def format_json(self, lang: str = "id") -> str:
        data = {"sah": self.ok, "galat": len(self.errors), "peringatan": len(self.warnings),
                "masalah": [p.as_dict(lang) for p in sorted(self.problems, key=_sort_key)]}
        return json.dumps(data, ensure_ascii=False, indent=2)

    def format_github(self, lang: str = "id", prefix: str = "datasets/") -> str:
        """GitHub Actions workflow commands (::error file=…,line=…::…), one per problem."""
        offset = LANGS.index(lang)
        lines = []
        for problem in sorted(self.problems, key=_sort_key):
            message, fix = problem.texts(lang)
            # "formulir.xlsx › lembar": the file is the workbook, the sheet goes in the title
            name, _, sheet = problem.file.split("#", 1)[0].partition(" › ")
            props = [f"file={_escape(prefix + name, True)}"]
            if problem.row is not None:
                props.append(f"line={problem.row}")
            place = ", ".join(part for part in (sheet, problem.column) if part)
            title = f"{problem.rule}" + (f" ({place})" if place else "")
            props.append(f"title={_escape(title, True)}")
            body = f"{message} {UI['fix'][offset].capitalize()}: {fix}"
            lines.append(f"::{problem.severity} {','.join(props)}::{_escape(body)}")
        lines.append(UI["report_ok"][offset] if self.ok else
                     UI["report_header"][offset].format(n=len(self.errors),
                                                        warnings=len(self.warnings),
                                                        files=len(self.by_file())))
        return "\n".join(lines)


def _escape(text: str, property_value: bool = False) -> str:
    """Escape per GitHub's workflow-command rules (%, CR, LF; also : and , in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text
