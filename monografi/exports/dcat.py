"""Harvestable catalogues: DCAT-AP as JSON-LD and Project Open Data data.json v1.1.

CKAN portals (Satu Data Indonesia, Open Data Jabar) harvest either: ckanext-dcat reads the
JSON-LD, the data.json harvester reads POD v1.1. Both are built from the same facts: package
metadata, the git update date of each dataset, its periods and its downloads.
"""

from __future__ import annotations

import re

from .. import urls
from ..model.areas import Dataset, Model
from .base import Exports, json_bytes
from .formats import DATASET_FORMATS

POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
IANA = "https://www.iana.org/assignments/media-types/"
LANGUAGE_IND = "http://publications.europa.eu/resource/authority/language/IND"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def publisher_name(model: Model) -> str:
    package = model.catalog.descriptor
    named = [c["title"] for c in package.get("contributors", []) if c.get("title")]
    return named[0] if named else package.get("title", package["name"])


def contact(model: Model) -> dict:
    """The first contributor with an e-mail address, else the publisher without one."""
    people = model.catalog.descriptor.get("contributors", [])
    person = next((c for c in people if c.get("email")), None)
    return {"name": (person or {}).get("title") or publisher_name(model),
            "email": (person or {}).get("email")}


def keywords(model: Model, dataset: Dataset) -> list[str]:
    own = dataset.spec.descriptor.get("keywords", [])
    extra = [dataset.section.lower(), dataset.level] if dataset.level else [dataset.section.lower()]
    return list(dict.fromkeys([*own, *model.catalog.descriptor.get("keywords", []), *extra]))


def years(dataset: Dataset) -> tuple[int, int] | None:
    found = [int(y) for p in dataset.periods for y in re.findall(r"\d{4}", str(p))]
    return (min(found), max(found)) if found else None


def spatial_label(model: Model) -> str:
    roots = model.roots
    province = roots[0].attrs.get("nama_provinsi", "") if roots else ""
    names = ", ".join(r.label for r in roots)
    return ", ".join(x for x in (names, province, "Indonesia") if x)


def licences(model: Model, dataset: Dataset) -> list[dict]:
    return dataset.spec.descriptor.get("licenses", model.catalog.descriptor.get("licenses", []))


def _date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}


def _contact_point(model: Model, kind: str, prefix: str, email) -> dict:
    """vcard contact in either vocabulary; the e-mail only when the package names one."""
    who = contact(model)
    point = {"@type": kind, f"{prefix}fn": who["name"]}
    if who["email"]:
        point[f"{prefix}hasEmail"] = email(f"mailto:{who['email']}")
    return point


def _dcat_dataset(exports: Exports, dataset: Dataset) -> dict:
    model = exports.model
    landing = exports.url(urls.dataset_path(dataset.name))
    point = _contact_point(model, "vcard:Organization", "vcard:", lambda m: {"@id": m})
    entry = {
        "@id": landing, "@type": "dcat:Dataset", "dct:identifier": landing,
        "dct:title": {"@value": dataset.title, "@language": "id"},
        "dct:description": {"@value": dataset.description, "@language": "id"},
        "dcat:keyword": [{"@value": k, "@language": "id"} for k in keywords(model, dataset)],
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher_name(model)},
        "dcat:contactPoint": point,
        "dct:language": {"@id": LANGUAGE_IND},
        "dcat:landingPage": {"@id": landing},
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": spatial_label(model)},
        "dcat:theme": {"@value": dataset.section, "@language": "id"},
    }
    updated = exports.updated(dataset).date
    if updated:
        entry["dct:modified"] = _date(updated)
    span = years(dataset)
    if span:
        entry["dct:temporal"] = {"@type": "dct:PeriodOfTime",
                                 "dcat:startDate": _date(f"{span[0]}-01-01"),
                                 "dcat:endDate": _date(f"{span[1]}-12-31")}
    licence_ids = [{"@id": lic["path"]} for lic in licences(model, dataset) if lic.get("path")]
    entry["dcat:distribution"] = [{
        "@id": exports.url(fmt.path(dataset.name)), "@type": "dcat:Distribution",
        "dct:title": f"{dataset.title} ({fmt.label})", "dct:description": fmt.description,
        "dcat:accessURL": {"@id": landing},
        "dcat:downloadURL": {"@id": exports.url(fmt.path(dataset.name))},
        "dcat:mediaType": {"@id": IANA + fmt.media_type},
        "dct:format": fmt.label,
        "dcat:byteSize": {"@value": str(len(exports.render(fmt, dataset))),
                          "@type": "xsd:decimal"},
        **({"dct:license": licence_ids[0]} if licence_ids else {}),
    } for fmt in DATASET_FORMATS]
    return entry


def dcat_catalog(exports: Exports) -> dict:
    model = exports.model
    package = model.catalog.descriptor
    catalog = {
        "@context": CONTEXT, "@id": exports.url(urls.DCAT_FILE), "@type": "dcat:Catalog",
        "dct:title": {"@value": package.get("title", package["name"]), "@language": "id"},
        "dct:description": {"@value": package.get("description", ""), "@language": "id"},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher_name(model)},
        "dct:language": {"@id": LANGUAGE_IND},
        "foaf:homepage": {"@id": exports.url(urls.HOME)},
        "dcat:dataset": [_dcat_dataset(exports, d) for d in model.datasets.values()],
    }
    if exports.package_date:
        catalog["dct:modified"] = _date(exports.package_date)
    return catalog


def _pod_dataset(exports: Exports, dataset: Dataset) -> dict:
    model = exports.model
    landing = exports.url(urls.dataset_path(dataset.name))
    point = _contact_point(model, "vcard:Contact", "", str)
    entry = {
        "@type": "dcat:Dataset", "identifier": landing, "title": dataset.title,
        "description": dataset.description, "keyword": keywords(model, dataset),
        "publisher": {"@type": "org:Organization", "name": publisher_name(model)},
        "contactPoint": point, "accessLevel": "public", "landingPage": landing,
        "language": ["id"], "theme": [dataset.section], "spatial": spatial_label(model),
    }
    updated = exports.updated(dataset).date
    if updated:
        entry["modified"] = updated
    span = years(dataset)
    if span:
        entry["temporal"] = f"{span[0]}-01-01/{span[1]}-12-31"
    paths = [lic["path"] for lic in licences(model, dataset) if lic.get("path")]
    if paths:
        entry["license"] = paths[0]
    if len(paths) > 1:
        entry["rights"] = "Juga berlaku: " + ", ".join(paths[1:])
    entry["distribution"] = [{
        "@type": "dcat:Distribution", "title": f"{dataset.title} ({fmt.label})",
        "description": fmt.description, "downloadURL": exports.url(fmt.path(dataset.name)),
        "mediaType": fmt.media_type, "format": fmt.label,
    } for fmt in DATASET_FORMATS]
    return entry


def data_json(exports: Exports) -> dict:
    return {
        "@context": f"{POD_SCHEMA}/catalog.jsonld", "@id": exports.url(urls.DATA_JSON_FILE),
        "@type": "dcat:Catalog", "conformsTo": POD_SCHEMA,
        "describedBy": f"{POD_SCHEMA}/catalog.json",
        "dataset": [_pod_dataset(exports, d) for d in exports.model.datasets.values()],
    }


def export_catalogues(exports: Exports) -> dict[str, bytes]:
    return {urls.DCAT_FILE: json_bytes(dcat_catalog(exports)),
            urls.DATA_JSON_FILE: json_bytes(data_json(exports))}
