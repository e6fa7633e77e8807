"""Text in XLSX cells stays text: a value like "=HYPERLINK(…)" must never become a formula."""

from __future__ import annotations


def keep_text(cell) -> None:
    """Mark a string cell as a plain string with Excel's quote prefix (shown, never executed)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        cell.quotePrefix = True
