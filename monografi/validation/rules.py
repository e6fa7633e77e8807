"""A rule as an object: its id, its kind, its severity and its words in both languages.

As frictionless-py makes each error a class, every rule is defined once, in the module whose
check raises it (validation/*.py, forms/*.py). A Problem points at its Rule; the report and the
command line put it into the reader's language only when they print it, and the exit code follows
from the rule's kind. Adding a rule therefore touches the check's module and nothing else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..messages import Message

# details, lang -> placeholder values in that language (the details themselves are plain data)
Words = Callable[[dict[str, Any], str], dict[str, Any]]


class Kind(Enum):
    """Who can put a broken rule right, and so what the command exits with."""

    DATA = ("data", 1)  # staff's figures or files
    CONFIGURATION = ("configuration", 2)  # datapackage.json, schemas, presentation hints
    USAGE = ("usage", 2)  # the command was given something it cannot work on
    BUG = ("bug", 3)  # Monografi itself

    def __init__(self, label: str, exit_code: int):
        self.label = label
        self.exit_code = exit_code


@dataclass(frozen=True)
class Rule:
    """One rule: what is wrong and how to fix it, in Indonesian and English. Placeholders are the
    Problem's value and details; `words` turns details that need wording (a type, a percentage, a
    suggestion) into text in the reader's language."""

    id: str  # as JSON reports, GitHub annotations and staff's scripts name it
    kind: Kind
    message: Message
    severity: str = "error"
    words: Words | None = field(default=None, compare=False)

    def texts(self, value: str | None, details: dict[str, Any], lang: str = "id") -> tuple[str, str]:
        """(message, fix) in `lang`."""
        values = {"value": "" if value is None else value, **details}
        if self.words is not None:
            values.update(self.words(details, lang))
        return self.message.text(lang).format(**values), self.message.fix(lang).format(**values)

    def named(self, rule_id: str) -> Rule:
        """The same rule under another id (an error type of Frictionless we have no rule for)."""
        return dataclasses.replace(self, id=rule_id)


def looked_up(key: str, names: dict[str, Message]) -> Words:
    """Words for a detail that names something (a JSON kind, a file kind): said through `names`
    in the reader's language, or as it is when `names` does not know it."""

    def words(details: dict[str, Any], lang: str) -> dict[str, Any]:
        name = details[key]
        return {key: names[name].text(lang) if name in names else name}

    return words
