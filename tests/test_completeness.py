"""Kelengkapan data: who still has to submit what, per kecamatan × dataset."""

from monografi.model.areas import build_model
from monografi.site.views.completeness import CompletenessCell, completeness_view
from monografi.validation.catalog import load_catalog
from tests.htmlparse import Page


def test_latest_period_or_nothing_per_kecamatan(project):
    catalog, _ = load_catalog(project / "datasets")
    table = completeness_view(build_model(catalog))
    names = [c.dataset.name for c in table.columns]
    assert "penduduk_dukcapil_kecamatan" in names and "luas_desa" in names
    assert "penduduk_kabupaten" not in names and "kecamatan" not in names
    assert len(table.rows) == 30
    by_name = {r.area.name: dict(zip(names, r.cells, strict=True)) for r in table.rows}
    assert by_name["Karawang Barat"]["penduduk_dukcapil_kecamatan"].latest == "2024-S1"
    assert by_name["Klari"]["penduduk_dukcapil_kecamatan"].latest == "2022-S2"
    assert by_name["Pangkalan"]["penduduk_dukcapil_kecamatan"].latest is None
    assert by_name["Karawang Barat"]["luas_desa"] == CompletenessCell("2023", 7, 8)
    column = next(c for c in table.columns if c.dataset.name == "penduduk_dukcapil_kecamatan")
    assert column.filled == 5


def test_page_is_published_with_an_accessible_table(built_site):
    page = Page((built_site / "kelengkapan" / "index.html").read_text(encoding="utf-8"))
    assert any("Periode terbaru per kecamatan" in c for c in page.captions)
    rows = {r[0]: r for r in page.rows if r}
    klari = next(r for name, r in rows.items() if name.startswith("Klari"))
    assert "2022-S2" in klari and "belum ada" in klari
    assert "7/8 desa/kel." in " ".join(next(r for n, r in rows.items() if n.startswith("Karawang Barat")))
    html = (built_site / "kelengkapan" / "index.html").read_text(encoding="utf-8")
    assert 'scope="col"' in html and 'scope="row"' in html
