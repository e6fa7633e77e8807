"""Figures in running text kept whole on screen (issue 18: a number never breaks mid-number).

Text from the package (source titles, notes, descriptions) carries figures and codes such as
"1.918,64 km²", "2024-S1" or "Kepmendagri 300.2.2-2138/2025"; a narrow screen may break them
at a dot, comma, slash or hyphen, and "1.91 / 8,64" then reads as another number. `unbroken`
wraps each such token in a span the stylesheet keeps on one line (class `utuh`), and joins a
figure to a unit right after it with a no-break space.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# A token of digits joined by . , / - or an en dash (1.918,64 · 2024-S1 · 100.1.1-6117/2022),
# with an optional unit word after one space (km², ha, jiwa, %).
_TOKEN = re.compile(r"(?<![\w])(\d+(?:[.,/\-–]\d+)*(?:-S[12])?)(?: (km²|ha|jiwa|%|ton))?(?![\w])")


def unbroken(text) -> Markup:
    """The text, escaped, with every multi-part figure or code in a span that does not wrap."""
    def whole(match: re.Match) -> str:
        number, unit = match[1], match[2]
        if unit:
            return f'<span class="utuh">{number}\u00a0{unit}</span>'
        if not re.search(r"[.,/\-–]", number):
            return number
        return f'<span class="utuh">{number}</span>'

    return Markup(_TOKEN.sub(whole, str(escape("" if text is None else text))))


THEME_FILTERS = {"utuh": unbroken}  # added to every build's Jinja filters (publishing.pipeline)
