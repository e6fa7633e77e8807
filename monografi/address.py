"""Addresses: the portal's own public URL, and which URLs from the data may be published.

Pages link relatively (they also work from disk), but a citation, a DCAT catalogue or an API
document read elsewhere needs the full address. It comes from the Pelican setting SITEURL_PUBLIK
(environment variable MONOGRAFI_URL), read from the project's own pelicanconf.py so exports and
pages agree; without that file the address stays empty and URLs stay site-relative.

URLs written by staff (licences, sources, homepage, contributors) end up as links on pages and in
harvested catalogues, where `javascript:` or `data:` would run in a reader's browser. public_url
is the one decision: `check` refuses what it refuses (validation.package.url_problems), and
build_model drops it again (publishable) so no page or export can emit it even if validation
were bypassed.
"""

from __future__ import annotations

import copy
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .project import Project

if TYPE_CHECKING:
    from .validation.catalog import Catalog

Decide = Callable[[object], str | None]  # a value → the link to publish, or None when refused

SETTING = "SITEURL_PUBLIK"
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
# Keys of a package or resource descriptor that are published as links, and whether a contact
# (mailto:) is acceptable there; "email" holds a bare address published as mailto:.
LINK_KEYS = ("homepage", "image")
LINK_LISTS = {"licenses": False, "sources": False, "contributors": True}


def site_url(project: Path) -> str:
    """The public address as the project's settings give it now: they read MONOGRAFI_URL (and
    may read any MONOGRAFI_* variable), so the environment is part of the cache key — Pelican
    reads the settings afresh for every build, and the exports must agree with it."""
    config = Project(project).settings
    if not config.is_file():
        return ""
    return _configured_url(str(config), config.read_bytes(), settings_environment())


def settings_environment() -> tuple[tuple[str, str], ...]:
    """The MONOGRAFI_* variables, which the project's settings may read."""
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("MONOGRAFI_")))


@lru_cache(maxsize=8)
def _configured_url(config: str, _text: bytes, _environment: tuple[tuple[str, str], ...]) -> str:
    from pelican.settings import read_settings  # only the build needs Pelican; `check` does not

    return str(read_settings(config).get(SETTING, "")).rstrip("/")


def absolute(base: str, relative_url: str) -> str:
    """'data/x/' under base → 'https://…/data/x/' (or '/data/x/' without a base)."""
    return f"{base}/{relative_url.lstrip('/')}"


def public_url(value: object, contact: bool = False) -> str | None:
    """`value` when it may be published as a link: http(s) with a host, or mailto: for a
    contact. Anything else (other schemes, relative paths, spaces, control or invisible
    characters that browsers would strip, e.g. ' JaVaScRiPt:' or 'java\\tscript:') is None."""
    if not isinstance(value, str) or "\\" in value or any(
            unicodedata.category(ch)[0] in "CZ" for ch in value):
        return None
    scheme, _, rest = value.partition(":")
    if contact and scheme == "mailto":
        return value if EMAIL.fullmatch(rest) else None
    if scheme.lower() not in ("http", "https") or not rest.startswith("//"):
        return None
    try:
        parts = urlsplit(value)
        host, _port = parts.hostname, parts.port  # .port raises on a malformed port
    except ValueError:
        return None
    return value if host and _HOST.fullmatch(host) and "@" not in parts.netloc else None


def public_email(value: object) -> str | None:
    """A bare e-mail address as a mailto: link, or None."""
    return f"mailto:{value}" if isinstance(value, str) and EMAIL.fullmatch(value) else None


def links(descriptor: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str, Decide, str]]:
    """Every URL a descriptor (the package or one resource) publishes: (key as written in
    datapackage.json, the object holding it, its field, the function deciding it, the forms
    that function accepts)."""
    for key in LINK_KEYS:
        if key in descriptor:
            yield key, descriptor, key, public_url, "http(s)://…"
    for name, contact in LINK_LISTS.items():
        items = descriptor.get(name)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and "path" in item:
                yield (f"{name}[{index}].path", item, "path", partial(public_url, contact=contact),
                       "http(s)://… / mailto:…" if contact else "http(s)://…")
            if isinstance(item, dict) and "email" in item:
                yield f"{name}[{index}].email", item, "email", public_email, "nama@contoh.go.id"


def _without_unsafe(descriptor: dict[str, Any]) -> dict[str, Any]:
    clean = copy.deepcopy(descriptor)
    for _key, holder, field, decide, _forms in links(clean):
        if decide(holder[field]) is None:
            del holder[field]
    return clean


def publishable(catalog: Catalog) -> Catalog:
    """The catalog without any URL that `check` would refuse: the second line of defence,
    applied where the model is built so every page and export reads the same clean copy."""
    resources = [replace(spec, descriptor=_without_unsafe(spec.descriptor))
                 for spec in catalog.resources]
    descriptor = {**_without_unsafe({k: v for k, v in catalog.descriptor.items()
                                     if k != "resources"}),
                  "resources": [spec.descriptor for spec in resources]}
    return replace(catalog, descriptor=descriptor, resources=resources)
