"""What a person is told when a command refuses: their own mistake (`Refused`) or the operating
system's refusal (`system_error`), in their language, with what to do — never a traceback, never
the system's English text alone, never called a bug (exit code 2 at the command line)."""

from __future__ import annotations

import errno
from typing import Any

from .messages import UI, ui

# errno → message key (messages.UI, each with its fix); anything else is "os_other".
SYSTEM_ERRORS = {
    errno.ENOSPC: "os_disk_full", getattr(errno, "EDQUOT", errno.ENOSPC): "os_disk_full",
    errno.EFBIG: "os_too_large", errno.EACCES: "os_permission", errno.EPERM: "os_permission",
    errno.EXDEV: "os_cross_device", errno.EISDIR: "os_is_folder", errno.ENOTDIR: "os_not_folder",
    errno.EROFS: "os_read_only", errno.EMFILE: "os_too_many_open", errno.ENFILE: "os_too_many_open",
    errno.ENOENT: "os_missing", errno.ENAMETOOLONG: "os_name_too_long", errno.ELOOP: "os_link_loop",
    errno.EBUSY: "os_busy", getattr(errno, "ETXTBSY", errno.EBUSY): "os_busy",
    errno.EEXIST: "os_exists", errno.ENOTEMPTY: "os_not_empty",
}


class Refused(Exception):
    """Something a person can put right (a name, a path, a file given on the command line):
    `key` names its text in messages.UI, `values` fill it in (an OSError among them is said
    in words)."""

    def __init__(self, key: str, **values: object):
        super().__init__(f"{key}: {values}")
        self.key, self.values = key, values

    def text(self, lang: str = "id") -> str:
        return ui(self.key, lang, **{name: system_error(value, lang) if isinstance(value, OSError)
                                     else value for name, value in self.values.items()})


def system_words(error: OSError, lang: str = "id") -> tuple[str, str]:
    """(what happened, what to do) for an error of the operating system."""
    message = UI[SYSTEM_ERRORS.get(error.errno, "os_other")]
    path = error.filename if error.filename is not None else ui("os_unnamed", lang)
    code = errno.errorcode.get(error.errno, str(error.errno)) if error.errno else "-"
    return message.text(lang).format(path=path, code=code), message.fix(lang)


def system_error(error: OSError, lang: str = "id") -> str:
    return " ".join(system_words(error, lang))


def system_details(error: OSError) -> dict[str, object]:
    """A report problem's details for an error of the system (see `system_words_of`)."""
    return {"errno": error.errno, "berkas": error.filename}


def system_words_of(details: dict[str, Any], lang: str) -> dict[str, str]:
    """A rule's words (validation.rules.Rule.words) for `system_details`: {sebab} and
    {perbaikan} in the reader's language."""
    what, fix = system_words(OSError(details["errno"], "", details["berkas"]), lang)
    return {"sebab": what, "perbaikan": fix}
