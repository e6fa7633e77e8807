"""The body that publishes the data: the contributor with role "publisher" in datapackage.json.

data.json, the DCAT catalogue, CITATION.cff, the XLSX metadata, the zip README and the page
footer all name it, so it is read here once. Its e-mail is never invented: while it is missing,
`check` warns, because data.json does not validate (POD v1.1 requires contactPoint.hasEmail).
This module must not import a later stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..address import EMAIL, public_url
from ..messages import Message
from .catalog import Catalog
from .report import Problem
from .rules import Kind, Rule
from .spec import PACKAGE_FILE

ROLE = "publisher"

PUBLISHER_WITHOUT_EMAIL = Rule("penerbit_tanpa_email", Kind.CONFIGURATION, Message(
    "Penerbit data {value!r} belum punya alamat e-mail kontak. Situs tetap dibangun, tetapi "
    "data.json tidak lolos validasi Project Open Data v1.1 (contactPoint.hasEmail wajib) "
    "sampai alamat ini diisi.",
    "Data publisher {value!r} has no contact e-mail address yet. The site still builds, but "
    "data.json will not validate against Project Open Data v1.1 (contactPoint.hasEmail is "
    "required) until it is set.",
    "Isi alamat e-mail resmi badan penerbit di kunci ini, mis. \"email\": "
    "\"data@contoh.go.id\", pada kontributor dengan \"role\": \"publisher\" (beserta "
    "\"title\" nama badan dan \"path\" alamat situsnya).",
    "Write the publishing body's official e-mail address at this key, e.g. \"email\": "
    "\"data@example.go.id\", in the contributor with \"role\": \"publisher\" (with "
    "\"title\" the body's name and \"path\" its website).",
), severity="warning")


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str | None  # http(s) only
    email: str | None  # a bare address
    key: str  # where staff write the e-mail in datapackage.json


def publisher(descriptor: dict) -> Publisher:
    """The contributor with role "publisher"; else the first named contributor; else the
    package's own title (an unnamed body cannot be cited)."""
    people = [c for c in descriptor.get("contributors") or [] if isinstance(c, dict)]
    named = [(i, c) for i, c in enumerate(people) if isinstance(c.get("title"), str)]
    index, found = next(((i, c) for i, c in named if c.get("role") == ROLE),
                        named[0] if named else (None, {}))
    email = found.get("email")
    return Publisher(
        name=found.get("title") or descriptor.get("title") or descriptor.get("name", ""),
        url=public_url(found.get("path")),
        email=email if isinstance(email, str) and EMAIL.fullmatch(email) else None,
        key=f"contributors[{index}].email" if index is not None else "contributors")


def publisher_problems(catalog: Catalog) -> list[Problem]:
    """A warning while the publisher has no contact e-mail (never an error: the site builds)."""
    found = publisher(catalog.descriptor)
    if found.email:
        return []
    return [Problem(PACKAGE_FILE, PUBLISHER_WITHOUT_EMAIL, column=found.key, value=found.name)]
