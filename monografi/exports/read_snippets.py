"""Code that reads a dataset's CSV with every column typed by its Table Schema (dataset page).

pandas, R and DuckDB guess column types from the values: kabupaten code `32.10` becomes the
number 32.1, and an empty table or an all-empty column comes out as text. The snippets name
every column's type instead, from the same schema the Parquet download is typed by: codes and
other text stay text, integers and numbers are numbers, empty cells are missing values.
Names and addresses are written as string literals of each language (json.dumps for Python and
R, doubled quotes for SQL), so any column name or address reads back as itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model.areas import Dataset, Field

# Per language: the type of integer, number and text columns (everything the model keeps as
# text: dates and booleans too). R's integers are 32-bit, so counts are read as doubles.
PANDAS = {"integer": "Int64", "number": "Float64", "": "string"}
READR = {"integer": "col_double()", "number": "col_double()", "": "col_character()"}
DUCKDB = {"integer": "BIGINT", "number": "DOUBLE", "": "VARCHAR"}


@dataclass(frozen=True)
class Snippet:
    tool: str
    code: str


def _type(table: dict[str, str], field: Field) -> str:
    return table.get(field.type, table[""])


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _sql(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def pandas_code(dataset: Dataset, url: str) -> str:
    types = ",\n".join(f"        {_literal(f.name)}: {_literal(_type(PANDAS, f))}"
                       for f in dataset.fields)
    return ("import pandas as pd\n\n"
            f"df = pd.read_csv(\n    {_literal(url)},\n    dtype={{\n{types},\n    }},\n"
            "    keep_default_na=False,\n    na_values=[\"\"],\n)\n")


def r_code(dataset: Dataset, url: str) -> str:
    types = ",\n".join(f"    {_literal(f.name)} = {_type(READR, f)}" for f in dataset.fields)
    return ("library(readr)\n\n"
            f"df <- read_csv(\n  {_literal(url)},\n  col_types = cols(\n{types}\n  ),\n"
            "  na = \"\"\n)\n")


def duckdb_code(dataset: Dataset, url: str) -> str:
    types = ",\n".join(f"        {_sql(f.name)}: {_sql(_type(DUCKDB, f))}" for f in dataset.fields)
    return (f"SELECT * FROM read_csv(\n    {_sql(url)},\n    header = true,\n"
            "    delim = ',',\n    quote = '\"',\n    escape = '\"',\n"
            f"    columns = {{\n{types}\n    }}\n);\n")


def read_snippets(dataset: Dataset, url: str) -> list[Snippet]:
    """The CSV at `url` read by pandas, R (readr) and DuckDB, each column typed by the schema."""
    return [Snippet("pandas", pandas_code(dataset, url)), Snippet("R (readr)", r_code(dataset, url)),
            Snippet("DuckDB", duckdb_code(dataset, url))]
