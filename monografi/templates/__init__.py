"""The official template pack: empty tables for the monografi offices already keep.

Permendagri 13/2012 *Buku Monografi Desa/Kelurahan* (identity block and sections A–F), BPS
*Kecamatan Dalam Angka* chapters 1–7 as tables by desa/kelurahan, the kecamatan's own tables,
and the standard code lists they point to. Every template names the official item it
implements and how sure that is (terkonfirmasi, praktik, disimpulkan), and ships without a
single figure. A stage beside forms/: it reads and writes datasets/ and imports only the
validation stage below it.
"""

from .install import TemplateError, install
from .pack import Template, coverage, templates

__all__ = ["Template", "TemplateError", "coverage", "install", "templates"]
