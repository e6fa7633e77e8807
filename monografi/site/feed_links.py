"""Pelican plugin: absolute links in the Atom feed of data updates.

Pages use relative links (SITEURL is empty so a build also works from disk), but a feed reader
resolves links against the feed's own address, where 'pembaruan/x/' would point to the wrong
place. Entry links, ids and the feed's home link are rewritten against FEED_DOMAIN.
"""

from __future__ import annotations

from feedgenerator import get_tag_uri
from pelican import signals


def absolute_links(context, feed) -> None:
    base = (context.get("FEED_DOMAIN") or "").rstrip("/")
    if not base.startswith(("http://", "https://")):
        return
    feed.feed["link"] = f"{base}/"
    feed.feed["id"] = f"{base}/"
    for item in feed.items:
        if not item["link"].startswith(("http://", "https://")):
            item["link"] = f"{base}/{item['link'].lstrip('/')}"
            item["unique_id"] = get_tag_uri(item["link"], item["pubdate"])


def register():
    signals.feed_generated.connect(absolute_links)
