"""One page per area (province, kabupaten/kota, kecamatan, desa/kelurahan) and the front page."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ...exports import citation
from ..context import SiteData
from ..views.area import area_view
from .base import Page

PER_AREA = True  # in a sharded build, every part runs this writer for its own areas only


def pages(site: SiteData) -> Iterator[Page]:
    model = site.model
    for area in (a for a in model.pages() if site.context.builds(a.code)):
        view = area_view(model, site.charts_by_block, area, site.context.indicators,
                         citation.for_area(site.context, area))
        yield Page(urls.area_path(area), "area", view, area.code)
