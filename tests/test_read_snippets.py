"""The read snippets on every dataset page run as printed and keep codes as text (issue 19).

They are run against a local HTTP server: pandas and DuckDB (with DuckDB's own httpfs extension
from the duckdb-ext wheel, never downloaded at run time) fetch the CSV by URL exactly as a
reader would. The property test runs them over SYNTHETIC schemas and rows (tests/typed_tables.py);
the end-to-end test over every page of the bundled portal, built with its public address set to
the server's.
"""

from __future__ import annotations

import functools
import html
import http.server
import itertools
import threading
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import duckdb_ext
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, example, given, settings

from monografi.exports.base import canonical_csv
from monografi.exports.read_snippets import read_snippets
from monografi.publishing.pipeline import build
from tests.conftest import copy_project
from tests.typed_tables import BEYOND_FLOAT, expected_value, tables

_COUNTER = itertools.count()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(folder, base URL): a local HTTP server over a folder, stopped after the module."""
    folder = tmp_path_factory.mktemp("disajikan")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def run_pandas(code: str) -> list[tuple]:
    namespace: dict = {}
    exec(code, namespace)  # the snippet as printed: it binds df
    frame = namespace["df"].astype(object)
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)], \
        list(namespace["df"].columns), {c: str(t) for c, t in namespace["df"].dtypes.items()}


@pytest.fixture(scope="module")
def duck():
    """One DuckDB connection with its httpfs extension loaded from the duckdb-ext wheel."""
    with duckdb.connect() as con:
        con.execute("SET extension_directory = ?", [duckdb_ext.get_extension_dir()])
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("LOAD httpfs")
        yield con


def run_duckdb(con, code: str):
    relation = con.sql(code)
    return relation.fetchall(), relation.columns, dict(zip(relation.columns, map(str, relation.types),
                                                           strict=True))


PANDAS_TYPES = {"integer": "Int64", "number": "Float64"}
DUCKDB_TYPES = {"integer": "BIGINT", "number": "DOUBLE"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables())
@example(BEYOND_FLOAT)
def test_snippets_read_every_column_typed_by_its_schema(server, duck, example):
    """Codes such as 32.10 or 0012 stay text, 'NA' and 'null' stay text, empty cells are missing,
    an all-empty column or a table without rows keeps the schema's type, any column name reads
    back as itself."""
    folder, base = server
    dataset, columns, rows = example
    name = f"uji-{next(_COUNTER)}.csv"
    (folder / name).write_text(canonical_csv(columns, rows, set()), encoding="utf-8")
    snippets = {s.tool: s.code for s in read_snippets(dataset, f"{base}/{name}")}
    expected = [tuple(expected_value(f.type, cell) for f, cell in zip(dataset.fields, row, strict=True))
                for row in rows]

    values, names, types = run_pandas(snippets["pandas"])
    assert names == columns and values == expected
    assert types == {f.name: PANDAS_TYPES.get(f.type, "string") for f in dataset.fields}

    values, names, types = run_duckdb(duck, snippets["DuckDB"])
    assert names == columns and values == expected
    assert types == {f.name: DUCKDB_TYPES.get(f.type, "VARCHAR") for f in dataset.fields}


class _Snippets(HTMLParser):
    """tool → code of the read snippets on a dataset page (the <summary> names the tool)."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, str] = {}
        self._tag = self._tool = None
        self._in_section = False

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self._in_section = ("aria-labelledby", "baca") in attrs
        self._tag = tag

    def handle_endtag(self, tag):
        self._tag = None

    def handle_data(self, data):
        if not self._in_section:
            return
        if self._tag == "summary":
            self._tool = data
        elif self._tag == "code" and self._tool:
            self.found[self._tool] = self.found.get(self._tool, "") + data


def page_snippets(page: Path) -> dict[str, str]:
    parser = _Snippets()
    parser.feed(page.read_text(encoding="utf-8"))
    return {tool: html.unescape(code) for tool, code in parser.found.items()}


@pytest.mark.slow
def test_every_dataset_pages_snippets_run_against_the_published_files(server, duck, tmp_path,
                                                                      monkeypatch):
    """Built with its public address on the local server: each page's pandas and DuckDB code
    fetches the CSV and gives the same typed table as the Parquet download."""
    folder, base = server
    monkeypatch.setenv("MONOGRAFI_URL", f"{base}/situs")
    assert build(copy_project(tmp_path / "proyek"), folder / "situs", quiet=True, workers=1).ok
    site = (folder / "situs").resolve()
    pages = sorted(site.glob("data/*/index.html"))
    assert pages
    for page in pages:
        name = page.parent.name
        snippets = page_snippets(page)
        assert set(snippets) == {"pandas", "R (readr)", "DuckDB"}, page
        assert f"{base}/situs/unduh/{name}.csv" in snippets["R (readr)"]
        parquet = pq.read_table(site / "unduh" / f"{name}.parquet")
        expected = [tuple(row.values()) for row in parquet.to_pylist()]
        for run in (run_pandas, functools.partial(run_duckdb, duck)):
            values, names, _ = run(snippets["pandas" if run is run_pandas else "DuckDB"])
            assert names == parquet.column_names and values == expected, name
        assert all(parquet.schema.field(c).type == "string" for c in names if c.startswith("kode_"))
