"""Page weight as a phone on a slow connection pays for it: the page plus what it loads, gzipped.

Counts the HTML and every local stylesheet, script and image the page references (each once),
compressed with gzip level 6 as a typical static host would serve them.
"""

from __future__ import annotations

import gzip
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

BUDGET_BYTES = 100 * 1024


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs.get("href", ""))
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(page: Path) -> int:
    """Bytes transferred for one page and its local assets, gzip-compressed."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    total = gzip_size(html)
    for asset in dict.fromkeys(parser.assets):
        if urlsplit(asset).scheme:
            continue
        path = (page.parent / urlsplit(asset).path).resolve()
        if path.is_file():
            total += gzip_size(path.read_bytes())
    return total


def median_weight(pages: list[Path]) -> int:
    return int(statistics.median(page_weight(p) for p in pages))
