"""The chart kinds, registered in one list: a new kind is one module and one entry here.

Which kinds a dataset hint may name is declared in monografi.validation.hints (read by `check` too); a
declared kind without a class here fails at import, not in the middle of a build.
"""

from ..validation.hints import CHART_HINTS
from .bars import BySource, Ranking
from .maps import Choropleth, Locator
from .pyramid import Pyramid
from .time_series import TimeSeries

CHART_KINDS = {kind.name: kind for kind in (TimeSeries(), BySource(), Ranking(), Pyramid(),
                                            Choropleth(), Locator())}
HINT_KINDS = {name: CHART_KINDS[name] for name in CHART_HINTS}
