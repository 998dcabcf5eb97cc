"""The warehouse's tables as `sql/schema.sql` declares them, read by DuckDB itself.

`sql/schema.sql` is the one declaration of each table's columns and types. The Arrow schemas
of the staged tables (what a batch writes as Parquet) derive from it: a staged table has its
warehouse table's columns but those that only publication fills in (`PUBLISHED_ONLY`), in
the same order and with the matching Arrow types.
"""

from __future__ import annotations

from functools import cache

import duckdb
import pyarrow as pa

from etl import sqlfiles

# The tables a batch stages, in the order they are written and loaded.
STAGED = (
    "articles",
    "paragraphs",
    "authors",
    "article_authors",
    "related_links",
    "captions",
    "documents",
    "entities",
    "entity_aliases",
    "mentions",
    "person_roles",
    "meetings",
    "meeting_participants",
    "events",
    "rejects",
)
# Columns that publication fills in (the run that wrote a row, the near-duplicate link).
PUBLISHED_ONLY = {
    "articles": ("duplicate_of", "first_run_id", "last_run_id"),
    "documents": ("first_run_id",),
    "rejects": ("run_id",),
}
_ARROW = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}


@cache
def declared_columns() -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, DuckDB type) pairs in order, from `sql/schema.sql` applied to
    an empty in-memory database."""
    with duckdb.connect() as con:
        for statement in sqlfiles.statements("schema"):
            con.execute(statement)
        rows = con.execute(sqlfiles.load("schema_columns")).fetchall()
    found: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        found.setdefault(str(table), []).append((str(column), str(data_type)))
    return found


def arrow_schema(table: str, *, without: tuple[str, ...] = ()) -> pa.Schema:
    """The Arrow schema of a warehouse table's columns (but `without`); raises KeyError for a
    table or type that `sql/schema.sql` does not declare."""
    columns = declared_columns()[table]
    return pa.schema([(name, _ARROW[kind]) for name, kind in columns if name not in without])


def staged_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of every staged table, in staging order."""
    return {name: arrow_schema(name, without=PUBLISHED_ONLY.get(name, ())) for name in STAGED}
