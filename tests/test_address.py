"""URLs from datapackage.json: only http(s) (mailto: for contacts) is checked through and published."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monografi import address
from monografi.exports import Downloads, dcat
from monografi.exports.datapackage import FORMAT as DATAPACKAGE
from monografi.exports.metadata import dataset_metadata
from monografi.model.areas import build_model
from monografi.model.context import build_context
from monografi.site.views.dataset import dataset_view
from monografi.validation.catalog import load_catalog
from monografi.validation.check import validate_datasets
from tests.helpers import edit_package, resource_of

SAFE = ["https://creativecommons.org/licenses/by/4.0/", "http://contoh.go.id",
        "HTTPS://Opendatacommons.org/licenses/odbl/1-0/", "https://contoh.go.id:8443/a?b=c#d"]
UNSAFE = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "JAVASCRIPT:alert(1)",
          "java\tscript:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)",
          "javascript&colon;alert(1)", "data:text/html,<script>alert(1)</script>",
          "vbscript:msgbox(1)", "file:///etc/passwd", "lisensi.html", "../lisensi.md",
          "/lisensi/", "//evil.example/x", "https:evil.example", "https://",
          "https://evil .example", "https://contoh.go.id\u200b.evil.example", "\x00https://a.id",
          "https://user:pw@evil.example/", "https:\\\\evil.example", "ftp://contoh.go.id/x",
          "mailto:camat@contoh.go.id", "", 42, None]


@pytest.mark.parametrize("value", SAFE)
def test_http_urls_are_published_as_written(value):
    assert address.public_url(value) == value and address.public_url(value, contact=True) == value


@pytest.mark.parametrize("value", UNSAFE)
def test_anything_else_is_refused(value):
    assert address.public_url(value) is None


@pytest.mark.parametrize(("value", "ok"), [
    ("mailto:camat@contoh.go.id", True), ("mailto:javascript:alert(1)", False),
    ("mailto:a@b.id?body=x", False), ("mailto: a@b.id", False), ("javascript:alert(1)", False)])
def test_contacts_may_also_be_mailto(value, ok):
    assert (address.public_url(value, contact=True) == value) is ok


# (where in datapackage.json, the problem's file, the problem's key)
PLACES = [
    (lambda d: d["licenses"][0], "datapackage.json", "licenses[0].path", "path"),
    (lambda d: resource_of(d, "desa")["licenses"][1], "datapackage.json#resources[2]",
     "licenses[1].path", "path"),
    (lambda d: d, "datapackage.json", "homepage", "homepage"),
    (lambda d: resource_of(d, "desa"), "datapackage.json#resources[2]", "homepage", "homepage"),
    (lambda d: d, "datapackage.json", "image", "image"),
    (lambda d: resource_of(d, "kecamatan")["sources"][0], "datapackage.json#resources[1]",
     "sources[0].path", "path"),
    (lambda d: d["contributors"][0], "datapackage.json", "contributors[0].path", "path"),
    (lambda d: d["contributors"][0], "datapackage.json", "contributors[0].email", "email"),
]


def problems_at(project, place, value):
    holder_of, _file, _key, field = place
    edit_package(project, lambda d: holder_of(d).__setitem__(field, value))
    return validate_datasets(project / "datasets")[1]


@pytest.mark.parametrize("place", PLACES, ids=[p[2] + "@" + p[1] for p in PLACES])
@pytest.mark.parametrize("value", ["javascript:alert(1)", " JaVaScRiPt:alert(1)",
                                   "data:text/html,x", "lisensi.html"])
def test_check_refuses_an_unsafe_url_at_its_key_with_exit_code_2(project, place, value):
    report = problems_at(project, place, value)
    problem = next(p for p in report.errors if p.rule.id == "alamat_tidak_aman")
    assert (problem.file, problem.column, problem.value) == (place[1], place[2], value)
    assert report.exit_code == 2  # exit code 2, like every other datapackage.json mistake
    message, fix = problem.texts("id")
    assert "tidak dapat diterbitkan" in message and "https://" in fix
    assert "cannot be published" in problem.texts("en")[0] and "https://" in problem.texts("en")[1]


def test_check_accepts_http_urls_and_contact_addresses(project):
    def change(d):
        d["homepage"] = "https://contoh.go.id/monografi"
        resource_of(d, "kecamatan")["sources"][0]["path"] = "https://github.com/fityannugroho/idn-area-data"
        d["contributors"][0].update(path="mailto:tim@contoh.go.id", email="tim@contoh.go.id")
    edit_package(project, change)
    assert validate_datasets(project / "datasets")[1].ok


def test_unsafe_urls_never_reach_pages_or_exports_even_without_check(project):
    """The second line of defence: a catalog that skipped `check` is cleaned by build_model."""
    bad = "javascript:alert(1)"
    sources = project / "datasets" / "sumber.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(",2022,,", f",2022,{bad},"),
                       encoding="utf-8")
    catalog, problems = load_catalog(project / "datasets")
    assert not problems and catalog.sources["S1"]["path"] == bad
    catalog.descriptor["licenses"][0]["path"] = bad
    catalog.descriptor.update(homepage=bad, image=bad)
    catalog.descriptor["contributors"][0].update(path=bad, email="x@y.id?javascript:alert(1)")
    for spec in catalog.resources:
        spec.descriptor["licenses"][0]["path"] = bad
        spec.descriptor["homepage"] = bad
    model = build_model(catalog)
    context = build_context(model, project)
    dataset = model.datasets["desa"]
    published = [dcat.dcat_catalog(context), dcat.data_json(context),
                 dataset_metadata(context, dataset), dataset_view(context, Downloads(context), dataset),
                 model.sources]
    text = json.dumps(published, default=str) + DATAPACKAGE.render(Downloads(context), dataset).decode()
    assert "javascript" not in text.lower()
    assert "https://opensource.org/license/mit" in text  # the safe licence of desa stays



@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hosts=st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,10}\.go\.id", fullmatch=True), min_size=2,
                      max_size=4))
def test_the_public_address_follows_monografi_url_within_one_process(tmp_path, monkeypatch, hosts):
    """Pelican reads the settings afresh for every build; the exports' address (citations, DCAT,
    API) must follow the same MONOGRAFI_URL, not one remembered from an earlier build."""
    from pelican.settings import read_settings

    (tmp_path / "pelicanconf.py").write_text(
        'import os\nSITEURL_PUBLIK = os.environ.get("MONOGRAFI_URL", "").rstrip("/")\n')
    for host in hosts:
        monkeypatch.setenv("MONOGRAFI_URL", f"https://{host}/")
        pelican = read_settings(str(tmp_path / "pelicanconf.py"))["SITEURL_PUBLIK"]
        assert address.site_url(tmp_path) == pelican == f"https://{host}"
    (tmp_path / "pelicanconf.py").write_text('SITEURL_PUBLIK = "https://tetap.go.id"\n')
    assert address.site_url(tmp_path) == "https://tetap.go.id"
