"""An Atom feed of data changes, written from git without anyone having to write a note.

Each commit that changed a dataset becomes one entry: the staff's public note when they wrote
one (trailer Catatan-publik), and per dataset what was added, changed (old → new) and removed,
linking to that dataset's 'Riwayat perubahan'. Commit subjects are developer text and never
appear. The
hand-written update notes have their own feed (Pelican, pembaruan/atom.xml). Written by hand
rather than with feedgenerator, whose empty feeds are stamped with the current time.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from .. import fmt, urls
from ..model.context import BuildContext
from ..model.history import Commit
from .base import Downloads
from .changes import change_text, fields_of

MAX_ENTRIES = 50


def _changes(context: BuildContext) -> list[tuple[Commit, list[str], str]]:
    """(commit, lines, first dataset page) per commit, newest first."""
    by_commit: dict[str, tuple[Commit, list[str], str]] = {}
    for dataset in context.model.datasets.values():
        revisions = context.revisions(dataset)
        fields = fields_of(dataset)
        for i, revision in enumerate(revisions):
            text = change_text(revision, fields, first=i == len(revisions) - 1)
            line = f"{dataset.title}: {text}"
            link = context.url(urls.history_path(dataset.name)) + f"#r-{revision.commit.short}"
            entry = by_commit.setdefault(revision.commit.sha, (revision.commit, [], link))
            entry[1].append(line)
    return sorted(by_commit.values(), key=lambda e: (e[0].date, e[0].sha), reverse=True)


def atom(context: BuildContext) -> str:
    package = context.model.catalog.descriptor
    changes = _changes(context)[:MAX_ENTRIES]
    updated = changes[0][0].date if changes else f"{context.package_date or '2000-01-01'}T00:00:00Z"
    home = context.url(urls.DATA_INDEX)
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
             f"<title>{escape(package.get('title', package['name']))}: perubahan data</title>",
             f'<link href="{escape(home)}" rel="alternate"/>',
             f'<link href="{escape(context.url(urls.DATA_FEED))}" rel="self"/>',
             f"<id>{escape(context.url(urls.DATA_FEED))}</id>", f"<updated>{updated}</updated>",
             "<author><name>Monografi</name></author>"]
    for commit, lines, link in changes:
        summary = "\n".join(([commit.note] if commit.note else []) + lines)
        title = commit.note or f"Perubahan data {fmt.tanggal(commit.date)}"
        parts += ["<entry>", f"<title>{escape(title)}</title>",
                  f'<link href="{escape(link)}" rel="alternate"/>',
                  f"<id>{escape(context.url(urls.DATA_INDEX))}#commit-{commit.sha}</id>",
                  f"<updated>{commit.date}</updated>",
                  f'<summary type="text">{escape(summary)}</summary>', "</entry>"]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


def export_feed(downloads: Downloads) -> dict[str, bytes]:
    return {urls.DATA_FEED: atom(downloads.context).encode("utf-8")}
