"""Where each thing lives in the built site. Stable: URLs are keyed by codes, not names."""

from __future__ import annotations

DOWNLOADS = "unduh"
CHARTS = "grafik"
PACKAGE_FILE = f"{DOWNLOADS}/datapackage.json"
DATA_INDEX = "data/index.html"  # the package's landing page: every table, download and catalogue


def area_path(area) -> str:
    if area.parent is None:
        return "index.html"
    return f"{area.level}/{area.slug}/index.html"


def dataset_path(name: str) -> str:
    return f"data/{name}/index.html"


def csv_path(name: str) -> str:
    return f"{DOWNLOADS}/{name}.csv"


def zip_path(package_name: str) -> str:
    return f"{DOWNLOADS}/{package_name}.zip"


def chart_path(chart_id: str) -> str:
    return f"{CHARTS}/{chart_id}.svg"


def url(path: str) -> str:
    """Site-relative URL for an output path ('x/index.html' → 'x/')."""
    return path.removesuffix("index.html")


def indicator_path(indicator_id: str) -> str:
    return f"indikator/{indicator_id}/index.html"
