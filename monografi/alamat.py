"""The portal's public address, for anything that must carry an absolute URL.

Pages link relatively (they also work from disk), but a citation, a DCAT catalogue or an API
document read elsewhere needs the full address. It comes from the Pelican setting SITEURL_PUBLIK
(environment variable MONOGRAFI_URL), read from the project's own pelicanconf.py so exports and
pages agree; without that file the address stays empty and URLs stay site-relative.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pelican.settings import read_settings

SETTING = "SITEURL_PUBLIK"


@lru_cache(maxsize=8)
def site_url(project: Path) -> str:
    config = Path(project) / "pelicanconf.py"
    if not config.is_file():
        return ""
    return str(read_settings(str(config)).get(SETTING, "")).rstrip("/")


def absolute(base: str, relative_url: str) -> str:
    """'data/x/' under base → 'https://…/data/x/' (or '/data/x/' without a base)."""
    return f"{base}/{relative_url.lstrip('/')}"
