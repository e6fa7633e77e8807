"""Harvestable catalogues: DCAT-AP 3 as JSON-LD and Project Open Data data.json v1.1.

CKAN portals (Satu Data Indonesia, Open Data Jabar) harvest either: ckanext-dcat reads the
JSON-LD, the data.json harvester reads POD v1.1. Both are built from the same facts: package
metadata, the publisher block, the git update date of each dataset, its periods and downloads.

DCAT-AP wants controlled terms, not words: file types, data themes, languages and licences are
IRIs from the EU authority tables, and every linked resource states its class and scheme (the
SHACL shapes check the graph alone, without the vocabularies loaded). Header-only tables are
left out: a harvester would list them as ordinary datasets with nothing in them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import urls
from ..model.areas import Dataset, Model
from ..model.context import BuildContext
from ..validation.publisher import Publisher, publisher
from .base import Downloads, json_bytes
from .datapackage import licences
from .formats import offered

POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
IANA = "https://www.iana.org/assignments/media-types/"
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE_IND = f"{EU}language/IND"
# EU file-type table code per media type (every download is one of these).
FILE_TYPES = {"text/csv": "CSV", "application/json": "JSON",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
              "application/vnd.apache.parquet": "PARQUET"}
FORMAT_LABELS = {"PARQUET": "Parquet"}  # a file type's plain name where it is not its code
# EU data-theme table: every monografi table is regional data (REGI); sections add their own.
THEME_ALL = "REGI"
SECTION_THEMES = {"Kependudukan": "SOCI", "Pertanian": "AGRI", "Pendidikan": "EDUC",
                  "Kesehatan": "HEAL", "Agama": "SOCI"}
THEME_LABELS = {"REGI": "Regions and cities", "SOCI": "Population and society",
                "AGRI": "Agriculture, fisheries, forestry and food",
                "EDUC": "Education, culture and sport", "HEAL": "Health"}
# EU licence table codes for licences a package may name (by Frictionless/SPDX name), with the
# English title CKAN's licence register gives it: ckanext-dcat matches a licence by URL, then by
# its English dct:title, and finds neither for the EU IRIs alone ("License not specified").
EU_LICENCES = {"CC-BY-4.0": ("CC_BY_4_0", "Creative Commons Attribution"),
               "ODbL-1.0": ("ODC_BL", "Open Data Commons Open Database License (ODbL)"),
               "MIT": ("MIT", "MIT License"), "CC0-1.0": ("CC0", "Creative Commons CCZero"),
               "ODC-By-1.0": ("ODC_BY", "Open Data Commons Attribution License"),
               "PDDL-1.0": ("ODC_PDDL",
                            "Open Data Commons Public Domain Dedication and License (PDDL)")}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def catalogued(model: Model) -> list[Dataset]:
    """Datasets worth harvesting: every table with at least one row."""
    return [d for d in model.datasets.values() if not d.table.empty]


def keywords(model: Model, dataset: Dataset) -> list[str]:
    own = dataset.spec.descriptor.get("keywords", [])
    extra = [dataset.section.lower(), dataset.level] if dataset.level else [dataset.section.lower()]
    return list(dict.fromkeys([*own, *model.catalog.descriptor.get("keywords", []), *extra]))


def years(dataset: Dataset) -> tuple[int, int] | None:
    found = [int(y) for p in dataset.periods for y in re.findall(r"\d{4}", str(p))]
    return (min(found), max(found)) if found else None


def spatial_label(model: Model) -> str:
    roots = model.roots
    province = roots[0].attrs.get("nama_provinsi", "") if roots and roots[0].level != "provinsi" else ""
    names = ", ".join(r.label for r in roots)
    return ", ".join(x for x in (names, province, "Indonesia") if x)


def _date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}


def _concept(table: str, code: str, kind: str) -> dict:
    """A term of an EU authority table, with its class and scheme stated."""
    return {"@id": f"{EU}{table}/{code}", "@type": kind, "skos:inScheme": {"@id": f"{EU}{table}"}}


def _licence(licence: dict) -> dict:
    """The EU table's IRI where one exists, else the licence's own URL; always a document, with
    the English title CKAN matches where the licence is a known one."""
    code, english = EU_LICENCES.get(licence.get("name", ""), (None, None))
    node = {"@id": f"{EU}licence/{code}" if code else licence["path"],
            "@type": "dct:LicenseDocument"}
    if licence.get("title"):
        node["rdfs:label"] = licence["title"]
    if code:
        node["dct:title"] = {"@value": english, "@language": "en"}
        node["rdfs:seeAlso"] = {"@id": licence["path"]}
    return node


def _format(media_type: str) -> dict:
    """The EU file type DCAT-AP wants, readable by CKAN too: ckanext-dcat takes a format's label
    only from a node whose first rdf:type is dct:IMT (rdflib keeps the order written), and
    otherwise publishes the IRI itself as the format, which no CKAN preview recognises."""
    code = FILE_TYPES[media_type]
    node = _concept("file-type", code, "dct:MediaTypeOrExtent")
    return {**node, "@type": ["dct:IMT", node["@type"]], "rdfs:label": FORMAT_LABELS.get(code, code),
            "rdf:value": media_type}


def _agent(who: Publisher) -> dict:
    agent: dict[str, object] = {"@type": "foaf:Agent", "foaf:name": who.name}
    if who.url:
        agent["@id"] = who.url
        agent["foaf:homepage"] = {"@id": who.url, "@type": "foaf:Document"}
    if who.email:
        agent["foaf:mbox"] = {"@id": f"mailto:{who.email}"}
    return agent


def _contact(who: Publisher, kind: str | list[str], prefix: str, email: Callable[[str], object]) -> dict:
    """vcard contact in either vocabulary; the e-mail only when the package names one."""
    point: dict[str, object] = {"@type": kind, f"{prefix}fn": who.name}
    if who.email:
        point[f"{prefix}hasEmail"] = email(f"mailto:{who.email}")
    return point


def _dcat_dataset(context: BuildContext, dataset: Dataset) -> dict:
    model = context.model
    who = publisher(model.catalog.descriptor)
    landing = context.url(urls.dataset_path(dataset.name))
    themes = dict.fromkeys([THEME_ALL, SECTION_THEMES.get(dataset.section, THEME_ALL)])
    entry = {
        "@id": landing, "@type": "dcat:Dataset", "dct:identifier": landing,
        "dct:title": {"@value": dataset.title, "@language": "id"},
        "dct:description": {"@value": dataset.description, "@language": "id"},
        "dcat:keyword": [{"@value": k, "@language": "id"} for k in keywords(model, dataset)],
        "dct:publisher": _agent(who),
        "dcat:contactPoint": _contact(who, ["vcard:Kind", "vcard:Organization"], "vcard:",
                                      lambda m: {"@id": m}),
        "dct:language": _concept("language", "IND", "dct:LinguisticSystem"),
        "dcat:landingPage": {"@id": landing, "@type": "foaf:Document"},
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": spatial_label(model)},
        "dcat:theme": [{**_concept("data-theme", t, "skos:Concept"),
                        "skos:prefLabel": {"@value": THEME_LABELS[t], "@language": "en"}}
                       for t in themes],
    }
    updated = context.updated(dataset).date
    if updated:
        entry["dct:modified"] = _date(updated)
    span = years(dataset)
    if span:
        entry["dct:temporal"] = {"@type": "dct:PeriodOfTime",
                                 "dcat:startDate": _date(f"{span[0]}-01-01"),
                                 "dcat:endDate": _date(f"{span[1]}-12-31")}
    named = [lic for lic in licences(model, dataset) if lic.get("path")]
    rights = {}
    if len(named) > 1:  # DCAT-AP allows one dct:license; the others are stated as rights
        rights = {"dct:rights": {"@type": "dct:RightsStatement", "rdfs:label": "Juga berlaku: " +
                                 "; ".join(f"{lic.get('title') or lic.get('name')} ({lic['path']})"
                                           for lic in named[1:])}}
    entry["dcat:distribution"] = [{
        "@id": context.url(fmt.path(dataset.name)), "@type": "dcat:Distribution",
        "dct:title": f"{dataset.title} ({fmt.label})", "dct:description": fmt.description,
        "dcat:accessURL": {"@id": landing},
        "dcat:downloadURL": {"@id": context.url(fmt.path(dataset.name))},
        "dcat:mediaType": {"@id": IANA + fmt.media_type, "@type": "dct:MediaType"},
        "dct:format": _format(fmt.media_type),
        **({"dct:license": _licence(named[0])} if named else {}), **rights,
    } for fmt in offered(dataset)]
    return entry


def dcat_catalog(context: BuildContext) -> dict:
    model = context.model
    package = model.catalog.descriptor
    catalog = {
        "@context": CONTEXT, "@id": context.url(urls.DCAT_FILE), "@type": "dcat:Catalog",
        "dct:title": {"@value": package.get("title", package["name"]), "@language": "id"},
        "dct:description": {"@value": package.get("description", ""), "@language": "id"},
        "dct:publisher": _agent(publisher(package)),
        "dct:language": _concept("language", "IND", "dct:LinguisticSystem"),
        "foaf:homepage": {"@id": context.url(urls.HOME), "@type": "foaf:Document"},
        "dcat:themeTaxonomy": {"@id": f"{EU}data-theme", "@type": "skos:ConceptScheme",
                               "dct:title": {"@value": "Data theme", "@language": "en"}},
        "dcat:dataset": [_dcat_dataset(context, d) for d in catalogued(model)],
    }
    if context.package_date:
        catalog["dct:modified"] = _date(context.package_date)
    return catalog


def _pod_dataset(context: BuildContext, dataset: Dataset) -> dict:
    model = context.model
    who = publisher(model.catalog.descriptor)
    landing = context.url(urls.dataset_path(dataset.name))
    entry: dict[str, object] = {
        "@type": "dcat:Dataset", "identifier": landing, "title": dataset.title,
        "description": dataset.description, "keyword": keywords(model, dataset),
        "publisher": {"@type": "org:Organization", "name": who.name},
        "contactPoint": _contact(who, "vcard:Contact", "", str), "accessLevel": "public",
        "landingPage": landing, "language": ["id"], "theme": [dataset.section],
        "spatial": spatial_label(model),
    }
    updated = context.updated(dataset).date
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
        "description": fmt.description, "downloadURL": context.url(fmt.path(dataset.name)),
        "mediaType": fmt.media_type, "format": fmt.label,
    } for fmt in offered(dataset)]
    return entry


def data_json(context: BuildContext) -> dict:
    return {
        "@context": f"{POD_SCHEMA}/catalog.jsonld", "@id": context.url(urls.DATA_JSON_FILE),
        "@type": "dcat:Catalog", "conformsTo": POD_SCHEMA,
        "describedBy": f"{POD_SCHEMA}/catalog.json",
        "dataset": [_pod_dataset(context, d) for d in catalogued(context.model)],
    }


def export_catalogues(downloads: Downloads) -> dict[str, bytes]:
    return {urls.DCAT_FILE: json_bytes(dcat_catalog(downloads.context)),
            urls.DATA_JSON_FILE: json_bytes(data_json(downloads.context))}
