"""Pelican plugin: a generator that writes the model's pages with the project's theme.

build.py hands the prepared model to Pelican under the MONOGRAFI setting; Pelican keeps doing
what it is good at (content/ pages, Markdown, theme static files, the writer).
"""

from __future__ import annotations

from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator

from . import urls, views
from .charts import Chart
from .model import Model


@dataclass
class SiteData:
    """Everything the generator needs, computed before Pelican starts."""

    model: Model
    charts: list[Chart]

    def charts_by_block(self) -> dict[tuple[str, str], list[Chart]]:
        grouped: dict[tuple[str, str], list[Chart]] = {}
        for chart in self.charts:
            grouped.setdefault((chart.area, chart.dataset), []).append(chart)
        return grouped


class MonografiGenerator(Generator):
    def generate_context(self):
        data: SiteData | None = self.settings.get("MONOGRAFI")
        if data is None:
            raise RuntimeError("MONOGRAFI setting missing: build the portal with `python build.py`")
        self.data = data
        model = data.model
        self.context["MONOGRAFI_PACKAGE"] = model.catalog.descriptor
        self.context["MONOGRAFI_ZIP"] = urls.zip_path(model.catalog.descriptor["name"])
        self.context["MONOGRAFI_PACKAGE_JSON"] = urls.PACKAGE_FILE

    def _write(self, writer, path: str, template: str, **values):
        writer.write_file(path, self.get_template(template), self.context,
                          relative_urls=self.settings.get("RELATIVE_URLS", False),
                          page_path=urls.url(path), **values)

    def generate_output(self, writer):
        model = self.data.model
        charts = self.data.charts_by_block()
        for area in model.areas.values():
            view = views.area_view(model, charts, area)
            extra = {"availability": views.availability(model)} if area.parent is None else {}
            self._write(writer, urls.area_path(area), "area", view=view, **extra)
        for dataset in model.datasets.values():
            self._write(writer, urls.dataset_path(dataset.name), "dataset",
                        view=views.dataset_view(model, dataset))
        self._write(writer, "data/index.html", "datasets", items=views.availability(model),
                    masters=[d for d in model.datasets.values() if d.is_master])
        self._write(writer, "sumber/index.html", "sources",
                    sources=[s | {"id": k} for k, s in model.sources.items()])


def get_generators(_pelican):
    return MonografiGenerator


def register():
    signals.get_generators.connect(get_generators)
