"""The chart kinds, registered in one list: a new kind is one module and one entry here."""

from .batang import BySource, Ranking
from .deret_waktu import TimeSeries
from .peta import Choropleth, Locator
from .piramida import Pyramid

CHART_KINDS = {kind.name: kind for kind in (TimeSeries(), BySource(), Ranking(), Pyramid(),
                                            Choropleth(), Locator())}
