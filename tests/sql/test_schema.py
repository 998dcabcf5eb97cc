"""One declaration of each table: `sql/schema.sql`. The staged tables' Arrow schemas derive
from it, and the SQL that loads a staged batch names exactly the staged tables."""

from __future__ import annotations

import re

import pyarrow as pa

from etl import sqlfiles
from etl.load import schema
from etl.load.rows import SCHEMAS
from etl.load.warehouse import DQ_RESULTS_SCHEMA


def test_a_staged_table_is_its_warehouse_table_without_what_publication_adds() -> None:
    assert SCHEMAS["articles"] == pa.schema(
        [
            ("article_id", pa.string()),
            ("url", pa.string()),
            ("source", pa.string()),
            ("headline", pa.string()),
            ("published_date", pa.date32()),
            ("dateline", pa.string()),
            ("weekday", pa.string()),
            ("desk", pa.string()),
            ("body", pa.string()),
            ("word_count", pa.int32()),
            ("content_hash", pa.string()),
            ("parser_version", pa.string()),
            ("document_id", pa.string()),
            ("simhash", pa.int64()),
            ("enrichment_version", pa.string()),
        ]
    )
    assert SCHEMAS["documents"].names[-4:] == ["url", "fetched_at", "fetched_from", "http_status"]
    assert SCHEMAS["documents"].field("fetched_at").type == pa.timestamp("us")
    assert SCHEMAS["rejects"].names == [
        "uri", "stage", "reason", "document_id", "expectation", "observed_value",
    ]  # fmt: skip
    assert DQ_RESULTS_SCHEMA.names[:2] == ["run_id", "batch_no"]
    assert DQ_RESULTS_SCHEMA.field("batch_no").type == pa.int32()


def test_every_staged_table_is_a_warehouse_table() -> None:
    declared = schema.declared_columns()
    for name, staged in SCHEMAS.items():
        columns = [c for c, _ in declared[name]]
        published_only = schema.PUBLISHED_ONLY.get(name, ())
        assert staged.names == [c for c in columns if c not in published_only], name
        assert set(published_only) <= set(columns), name


def test_the_staging_load_names_exactly_the_staged_tables() -> None:
    loaded = re.findall(r"create or replace table staging\.(\w+)", sqlfiles.load("stage_load"))
    assert sorted(loaded) == sorted(schema.STAGED)
