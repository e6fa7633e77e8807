"""Downloads and machine-readable outputs, one small module per format (as in sdg-build).

Per-dataset formats are listed in `formats.DATASET_FORMATS` and rendered once per build by
`base.Downloads`; whole-portal outputs (package zip, catalogues, API, feed) in
`portal.PORTAL_EXPORTERS`; release snapshots are built by `releases.build_releases` when the
pipeline asks; `portal.write_exports` writes them all.
"""

from __future__ import annotations

from .base import Downloads, neutralise
from .formats import DATASET_FORMATS

__all__ = ["DATASET_FORMATS", "Downloads", "neutralise"]
