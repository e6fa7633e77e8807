"""Downloads and machine-readable outputs, one small module per format (as in sdg-build).

Per-dataset formats are listed in `formats.DATASET_FORMATS`; whole-portal outputs (package zip,
catalogues, API, release snapshots) in `portal.PORTAL_EXPORTERS`; `portal.write_exports` writes
them all.
"""

from __future__ import annotations

from .base import Exports, build_context, neutralise
from .formats import DATASET_FORMATS

__all__ = ["DATASET_FORMATS", "Exports", "build_context", "neutralise"]
