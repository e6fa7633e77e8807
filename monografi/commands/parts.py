"""`monografi bagian`: list the parts of a sharded build (JSON, for a CI matrix)."""

from __future__ import annotations

import json

from ..messages import Message
from .common import EXIT_OK, valid_catalog

HELP = Message("cetak daftar bagian build terbagi (JSON)", "print the parts of a sharded build (JSON)")


def run(args) -> int:
    from ..publishing.parts import parts_of

    catalog, code = valid_catalog(args)
    if catalog is None:
        return code
    print(json.dumps(parts_of(catalog)))
    return EXIT_OK
