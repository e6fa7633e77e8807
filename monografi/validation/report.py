"""Validation problems as staff need to read them: where, what, which rule, how to fix.

One Report, three renderings: text for people (grouped by file), JSON for machines, and GitHub
workflow annotations so a pull request shows each problem on the line of the CSV it is about.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from ..messages import JSON_KIND_NAMES, RULES, TYPE_NAMES, UNKNOWN_RULE, Message, ui
from ..project import DATASETS

# Problems with the package description itself rather than with staff's figures: exit code 2.
CONFIG_RULES = frozenset({
    "metadata", "jalur_tidak_aman", "berkas_hilang", "alamat_tidak_aman", "nama_tidak_aman", "nama_ganda",
    "tipe_json",
    "kunci_wajib", "json_rusak", "data_sebaris", "skema", "pola_rusak", "kunci_kolom",
    "kunci_tabel", "petunjuk_jenis", "petunjuk_kolom", "petunjuk_tipe_kolom", "petunjuk_tabel",
    "petunjuk_sumber", "petunjuk_rinci", "petunjuk_nilai", "petunjuk_pilihan", "petunjuk_tingkat",
    "rumus_sintaks", "rumus_kolom",
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
        other = self.details.get("baris_lain")
        values["baris_lain"] = (f"{ui('row', lang)} {other}" if other is not None
                                else ui("other_row", lang))
        if "jenis" in self.details:
            kind = self.details["jenis"]
            name = JSON_KIND_NAMES.get(kind, Message(kind, kind))
            values["jenis"], values["jenis_en"] = name.id_text, name.en_text
        if self.rule == "tipe":
            names = TYPE_NAMES.get(self.details.get("type", ""), TYPE_NAMES["string"])
            values.update(tipe=names.id_name, tipe_en=names.en_name, contoh=names.id_example,
                          contoh_en=names.en_example)
            if "ribuan" in self.details:
                values["ribuan"] = ui("thousands", lang, plain=self.details["ribuan"])
        return values

    def texts(self, lang: str = "id") -> tuple[str, str]:
        """(message, fix) in the requested language."""
        message = RULES.get(self.rule, UNKNOWN_RULE)
        values = self._fill(lang)
        return message.text(lang).format(**values), message.fix(lang).format(**values)

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
                lines.append(f"    {ui('rule', lang)}: {problem.rule}; {ui('fix', lang)}: {fix}")
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
            props = [f"file={_escape(prefix + name, True)}"]
            if problem.row is not None:
                props.append(f"line={problem.row}")
            place = ", ".join(part for part in (sheet, problem.column) if part)
            title = f"{problem.rule}" + (f" ({place})" if place else "")
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
