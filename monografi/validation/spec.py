"""One resource of the Data Package as every stage reads it: its name, schema, file and hints.

Kept apart from the loader (catalog, package) so that the CSV reader (dialect) can know what a
resource is without depending on how the package is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import AREA_LEVELS

PACKAGE_FILE = "datapackage.json"
PERIOD_FIELDS = ("periode", "tahun", "tahun_ajaran")


@dataclass
class ResourceSpec:
    """One resource of the package, with its schema inlined and its file located."""

    descriptor: dict
    file: Path
    schema_file: str | None = None  # the schema's path in datasets/, when not inline

    def schema_key(self, index: int, key: str) -> tuple[str, str]:
        """(file, key) naming `key` of this resource's schema where staff would edit it."""
        if self.schema_file:
            return self.schema_file, key
        return PACKAGE_FILE, f"resources[{index}].schema.{key}"

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def relpath(self) -> str:
        return self.descriptor["path"]

    @property
    def schema(self) -> dict:
        return self.descriptor["schema"]

    @property
    def fields(self) -> list[dict]:
        return self.schema.get("fields", [])

    @property
    def primary_key(self) -> list[str]:
        """The schema's primaryKey as a list (the spec allows a single string)."""
        keys = self.schema.get("primaryKey", [])
        return [keys] if isinstance(keys, str) else list(keys)

    @property
    def hints(self) -> dict:
        """Presentation hints; a malformed block reads as none (monografi.validation.hints reports it)."""
        hints = self.descriptor.get("monografi", {})
        return hints if isinstance(hints, dict) else {}

    @property
    def area_field(self) -> str | None:
        """The column naming the area a row is about (kode_kecamatan, kode_desa, …)."""
        names = [f["name"] for f in self.fields]
        for level in AREA_LEVELS[::-1]:
            if f"kode_{level}" in names:
                return f"kode_{level}"
        return None

    @property
    def level(self) -> str | None:
        area = self.area_field
        return area.removeprefix("kode_") if area else None

    @property
    def is_master(self) -> bool:
        """Master lists are the area tables themselves: their key is their own code."""
        return self.name in AREA_LEVELS

    @property
    def period_field(self) -> str | None:
        names = {f["name"] for f in self.fields}
        return next((p for p in PERIOD_FIELDS if p in names), None)
