"""The build context: created once by the pipeline, handed to charts, exports and page writers.

Like Datasette handing `datasette` to every hook, each stage gets this one object instead of
looking anything up: the model, the project folder, the public address, the git history, the
cache folder, and what is computed from them once per build (indicators, update dates,
revisions as published: with what staff withdrew taken out). A release snapshot builds its own
context for the tagged model, so nothing needs patching to see the old dates. What only the
exports need (each rendered download) is theirs (exports.base.Downloads), and release snapshots
are built by the release exporter when the pipeline asks: nothing here triggers a costly step
on first access.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .. import address, urls
from .areas import Dataset, Model
from .history import History, Revision, Updated
from .indicators import Indicator, build_indicators
from .withdrawn import Withdrawn, resolve


class BuildContext:
    def __init__(self, model: Model, project: Path, base_url: str, history: History | None = None,
                 cache: Path | None = None, part: str | None = None):
        self.model = model
        self.part = part  # None: the whole site; else one part of a sharded build (Model.parts)
        self.project = Path(project)
        self.base_url = base_url
        self.history = history or History(self.project)
        self.cache = cache  # where costly outputs (charts, release snapshots) are kept between builds

    @cached_property
    def indicators(self) -> list[Indicator]:
        """Every indicator of the model (charts and pages both need them)."""
        return build_indicators(self.model)

    @cached_property
    def _updated(self) -> dict[str, Updated]:
        return {name: self.history.updated(d.spec) for name, d in self.model.datasets.items()}

    def updated(self, dataset: Dataset) -> Updated:
        return self._updated[dataset.name]

    @cached_property
    def withdrawn(self) -> Withdrawn:
        """What staff withdrew from published history (datasets/penarikan.csv), resolved in git;
        the problems of resolving it are the history guard's (publishing.history_guard)."""
        return resolve(self.history, self.model.catalog)[0]

    @cached_property
    def _revisions(self) -> dict[str, list[Revision]]:
        return {name: [self.withdrawn.revision(name, r) for r in self.history.revisions(d.spec)]
                for name, d in self.model.datasets.items()}

    def revisions(self, dataset: Dataset) -> list[Revision]:
        """Row-level changes of the dataset, newest first (read from git once per build)."""
        return self._revisions[dataset.name]

    @property
    def package_date(self) -> str | None:
        """The newest dataset date: the version date of the package as a whole."""
        dates = [u.date for u in self._updated.values() if u.date]
        return max(dates) if dates else None

    def builds(self, area_code: str) -> bool:
        """Whether this build writes the outputs about one area ("" or a non-area key such as
        the indicator charts' owner: the shared outputs)."""
        return self.part is None or self.model.part_of(area_code) == self.part

    @property
    def sharded(self) -> bool:
        return self.part is not None

    def url(self, path: str) -> str:
        return address.absolute(self.base_url, urls.url(path))


def build_context(model: Model, project: Path | None = None, cache: Path | None = None,
                  part: str | None = None) -> BuildContext:
    """The build's one context; the project defaults to the folder holding datasets/, the
    public address comes from its pelicanconf.py; `part`: one part of a sharded build."""
    root = Path(project) if project else model.catalog.root.parent
    return BuildContext(model, root, address.site_url(root), cache=cache, part=part)
