"""schema.org `Dataset` markup for each dataset page, as Google Dataset Search reads it.

Google reads the markup on the dataset page itself, not a catalogue file: name and a description
of 50–5000 characters are required; the recommended properties (creator, license, citation,
keywords, temporal and spatial coverage, variables, downloads, catalogue) come from the same
facts as the DCAT catalogue. The JSON is written for an HTML <script> element: '<' is escaped,
so no text in the data can close the element.
"""

from __future__ import annotations

import json

from .. import urls
from ..model.areas import Dataset
from ..model.context import BuildContext
from ..validation.publisher import Publisher, publisher
from . import citation
from .datapackage import licences
from .dcat import keywords, spatial_label, years
from .formats import offered

DESCRIPTION_MIN, DESCRIPTION_MAX = 50, 5000  # Google's bounds for `description`


def _organization(who: Publisher) -> dict:
    node = {"@type": "Organization", "name": who.name}
    if who.url:
        node["url"] = who.url
    if who.email:
        node["email"] = who.email
    return node


def description(context: BuildContext, dataset: Dataset) -> str:
    """The table's description, lengthened with what it is part of when shorter than Google
    accepts, and cut at Google's maximum."""
    text = dataset.description.strip()
    if len(text) < DESCRIPTION_MIN:  # the added sentence alone is longer than the minimum
        package = context.model.catalog.descriptor
        text = (f"{text} Tabel data terbuka dari {package.get('title') or package['name']}, "
                "lengkap dengan struktur kolom, sumber, dan lisensinya.").strip()
    return text[:DESCRIPTION_MAX]


def dataset_markup(context: BuildContext, dataset: Dataset) -> dict:
    model = context.model
    package = model.catalog.descriptor
    who = _organization(publisher(package))
    landing = context.url(urls.dataset_path(dataset.name))
    named = [lic["path"] for lic in licences(model, dataset) if lic.get("path")]
    markup = {
        "@context": "https://schema.org", "@type": "Dataset", "@id": landing,
        "name": dataset.title, "description": description(context, dataset),
        "url": landing, "identifier": landing, "inLanguage": "id",
        "keywords": keywords(model, dataset), "creator": who, "publisher": who,
        "isAccessibleForFree": True, "citation": citation.for_dataset(context, dataset).text,
        "spatialCoverage": {"@type": "Place", "name": spatial_label(model)},
        "variableMeasured": [{"@type": "PropertyValue", "name": f.name,
                              **({"description": f.description} if f.description else {}),
                              **({"unitText": f.unit} if f.unit else {})} for f in dataset.fields],
        "distribution": [{"@type": "DataDownload", "name": f"{dataset.name}{f.suffix}",
                          "description": f.description,
                          "contentUrl": context.url(f.path(dataset.name)),
                          "encodingFormat": f.media_type} for f in offered(dataset)],
        "includedInDataCatalog": {"@type": "DataCatalog",
                                  "name": package.get("title") or package["name"],
                                  "url": context.url(urls.HOME)},
    }
    if named:
        markup["license"] = named[0] if len(named) == 1 else named
    version = citation.package_version(model)
    if version:
        markup["version"] = version
    updated = context.updated(dataset).date
    if updated:
        markup["dateModified"] = updated
    span = years(dataset)
    if span:
        markup["temporalCoverage"] = str(span[0]) if span[0] == span[1] else f"{span[0]}/{span[1]}"
    return markup


def script_json(document: dict) -> str:
    """JSON safe inside <script type="application/ld+json">: every '<' written as \\u003c."""
    return json.dumps(document, ensure_ascii=False, indent=1).replace("<", "\\u003c")
