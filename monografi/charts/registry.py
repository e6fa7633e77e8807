"""The chart kinds, registered in one list: a new kind is one module and one entry here.

Which kinds a dataset hint may name is declared in monografi.hints (read by `check` too); a
declared kind without a class here fails at import, not in the middle of a build.
"""

from ..hints import CHART_HINTS
from .batang import BySource, Ranking
from .deret_waktu import TimeSeries
from .peta import Choropleth, Locator
from .piramida import Pyramid

CHART_KINDS = {kind.name: kind for kind in (TimeSeries(), BySource(), Ranking(), Pyramid(),
                                            Choropleth(), Locator())}
HINT_KINDS = {name: CHART_KINDS[name] for name in CHART_HINTS}
