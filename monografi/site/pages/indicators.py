"""One page per indicator (every kecamatan ranked within one source and period), and their list."""

from __future__ import annotations

from collections.abc import Iterator

from ... import urls
from ..context import SiteData
from ..views.indicator import indicator_view, indicators_view
from .base import Page


def pages(site: SiteData) -> Iterator[Page]:
    indicators = site.context.indicators
    for indicator in indicators:
        yield Page(urls.indicator_path(indicator.id), "indicator",
                   indicator_view(site.model, site.charts_by_block, indicator))
    yield Page(urls.INDICATORS_PAGE, "indicators", indicators_view(indicators))
