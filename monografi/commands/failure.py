"""What a command that failed tells staff, and its exit code: never a traceback."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TypeVar

from ..messages import STAGE_NAMES, ui
from ..publishing.search import SearchIndexError
from ..refusal import Refused, system_error
from ..safe_write import RefusedWrite
from .common import EXIT_BUG, EXIT_USAGE

SITE_COMMANDS = ("build", "gabung")  # those that publish: they say the site was kept
E = TypeVar("E", bound=BaseException)


def causes(error: BaseException | None) -> list[BaseException]:
    """The error and what caused it, outermost first."""
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain


def template_of(error: BaseException) -> str | None:
    """'area.html:12' when a Jinja template raised the error, else None."""
    import jinja2

    for exc in causes(error):
        if isinstance(exc, jinja2.TemplateError):
            name, line = getattr(exc, "filename", None) or getattr(exc, "name", None), \
                getattr(exc, "lineno", None)
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
            if not name and frames:
                name, line = frames[-1].filename, frames[-1].lineno
            return f"{Path(name).name if name else '?'}{f':{line}' if line else ''}"
    return None


def _first(chain: list[BaseException], kind: type[E]) -> E | None:
    return next((c for c in chain if isinstance(c, kind)), None)


def missing_template(chain: list[BaseException]) -> Exception | None:
    """Pelican's own error for a template that does not exist: a theme or a content page's
    `Template:` asked for it, not a bug."""
    from pelican.generators import PelicanTemplateNotFound

    return _first(chain, PelicanTemplateNotFound)


def failure_message(error: Exception, lang: str, command: str = "build") -> tuple[str, int]:
    """The build stage (if any) and the real cause: a refusal or the system's, in words, with
    what to do (exit 2); a template error blames theme/ (exit 2); anything unexpected is a bug
    in Monografi itself (exit 3)."""
    cause = getattr(error, "cause", error)
    stage = getattr(error, "stage", None)
    chain = causes(cause)

    def failed(detail: str) -> str:
        if stage is None:
            return ui("command_failed", lang, command=command, error=detail)
        name = STAGE_NAMES[stage].text(lang) if stage in STAGE_NAMES else stage
        return ui("stage_failed", lang, stage=name, error=detail)

    refused, write, system = _first(chain, Refused), _first(chain, RefusedWrite), _first(chain, OSError)
    template = template_of(cause)
    text = f"{type(cause).__name__}: {cause}"
    code = EXIT_USAGE
    if refused is not None:
        lines = [refused.text(lang)]
        if stage is None and command not in SITE_COMMANDS:
            return lines[0], code
    elif write is not None:
        lines = [ui("write_refused", lang, path=write.relpath, reason=ui(f"write_{write.reason}", lang))]
    elif template is not None:
        lines = [failed(text), ui("stage_template", lang, template=template)]
    elif (missing := missing_template(chain)) is not None:
        lines = [ui("stage_template_missing", lang, error=missing)]
    elif _first(chain, SearchIndexError) is not None:
        lines = [failed(text), ui("stage_search", lang)]
    elif system is not None:
        lines = [failed(system_error(system, lang))]
    else:
        lines, code = [failed(text), ui("stage_bug", lang)], EXIT_BUG
    lines.append(ui("site_kept", lang))
    return "\n".join(lines), code
