"""What CKAN's DCAT harvester reads from a catalogue: run with the CKAN environment's Python.

    .venv-ckan/bin/python bench/ckan/harvest.py output/katalog.jsonld [euro_dcat_ap_2 euro_dcat_ap_3]

ckanext-dcat's RDFParser (the parser its harvesters use) reads the JSON-LD with each profile,
without a database; the script prints, per profile, one JSON line per dataset with the fields a
CKAN portal would show: title, licence id, and each resource's format, media type and rights.
tests/test_ckan.py runs it when `make .venv-ckan/.installed` has installed CKAN (see README there).
"""

import json
import sys
from pathlib import Path

from ckanext.dcat.processors import RDFParser


def harvested(text: str, profile: str) -> list[dict]:
    parser = RDFParser(profiles=[profile])
    parser.parse(text, _format="json-ld")
    return [{"title": d.get("title"), "license_id": d.get("license_id"),
             "resources": [{k: r.get(k) for k in ("name", "url", "format", "mimetype", "rights")}
                           for r in d.get("resources", [])]}
            for d in parser.datasets()]


def main() -> None:
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    for profile in sys.argv[2:] or ["euro_dcat_ap_2", "euro_dcat_ap_3"]:
        for dataset in harvested(text, profile):
            print(json.dumps({"profile": profile, **dataset}, ensure_ascii=False))


if __name__ == "__main__":
    main()
