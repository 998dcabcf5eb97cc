"""Data quality: run the great_expectations suites of `expectations/` on a staged batch.

great_expectations takes seconds to import, so it is imported only when a validation runs
(never when the package, the CLI or a DAG file is loaded), with its analytics off. Each
expectation carries its severity in `meta.severity`: `critical` blocks the batch, `warning`
is recorded only. Results come back as `CheckResult`s, the rows of `dq_results`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

_EXPECTATIONS = Path(__file__).resolve().parents[2] / "expectations"
_PACKAGED = Path(__file__).resolve().parents[1] / "_expectations"
SAMPLE_SIZE = 10


@dataclass(frozen=True)
class CheckResult:
    """One expectation evaluated on one batch."""

    suite: str
    expectation: str
    column_name: str | None
    severity: str
    success: bool
    observed_value: str | None
    unexpected_count: int | None
    unexpected_sample: str | None  # a JSON list of up to SAMPLE_SIZE values
    notes: str | None = None
    # For an expectation about single rows: the key (the table's `ROW_KEYS` column) and the
    # value of each row that failed it, as great_expectations reported them. None for an
    # expectation about the table as a whole.
    failed_rows: list[tuple[str | None, str]] | None = field(default=None, compare=False)

    @property
    def blocks(self) -> bool:
        """True when this result holds the batch back."""
        return self.severity == "critical" and not self.success

    @property
    def is_about_rows(self) -> bool:
        """True for an expectation about single rows, whose failing rows are known."""
        return self.failed_rows is not None

    def row(self) -> dict[str, Any]:
        """The result's columns in `dq_results` (the failing rows are not among them)."""
        return {
            "suite": self.suite,
            "expectation": self.expectation,
            "column_name": self.column_name,
            "severity": self.severity,
            "success": self.success,
            "observed_value": self.observed_value,
            "unexpected_count": self.unexpected_count,
            "unexpected_sample": self.unexpected_sample,
            "notes": self.notes,
        }

    @property
    def label(self) -> str:
        """`suite.expectation(column)`, for messages and `ingest_runs.failed_checks`."""
        column = f"({self.column_name})" if self.column_name else ""
        return f"{self.suite}.{self.expectation}{column}"


def expectations_dir() -> Path:
    """The `expectations/` directory of the source tree, or the copy packaged in a wheel."""
    return _EXPECTATIONS if _EXPECTATIONS.is_dir() else _PACKAGED


@cache
def suite_definitions() -> dict[str, dict[str, Any]]:
    """The GX suites as JSON, one per table, keyed by table name."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(expectations_dir().glob("*.json"))
    }


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=str, ensure_ascii=False)


def _frame_for_gx(frame: pd.DataFrame) -> pd.DataFrame:
    # DuckDB hands DATE columns to pandas as timestamps; GX compares them with the suites'
    # date bounds, which only works on `datetime.date` values.
    for column in frame.columns:
        if str(frame[column].dtype).startswith("datetime64"):
            frame[column] = frame[column].dt.date
    return frame


def _plain(value: Any) -> str | None:
    """A value as GX reports it (numpy scalars, NaN for nulls), as text or None."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, GX's null
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value.item() if hasattr(value, "item") else value)


def _failed_rows(
    result: Mapping[str, Any], key: str | None, column: str | None
) -> list[tuple[str | None, str]] | None:
    """The (key, observed value) of each row that failed an expectation about single rows;
    None for an expectation about the table (GX reports no rows for it)."""
    index = result.get("unexpected_index_list")
    if index is None or key is None:
        return None
    found = []
    for entry in index:
        if not isinstance(entry, Mapping):
            return None
        observed = entry.get(column) if column else None
        if column is None:  # compound columns: every other column is the observation
            observed = ", ".join(f"{k}={_plain(v)}" for k, v in entry.items() if k != key)
        found.append((_plain(entry.get(key)), _plain(observed) or ""))
    return found


class Validator:
    """The GX context of one run: suites loaded once, each batch validated, Data Docs built.

    `docs_dir` is where the run's Data Docs site is written (None: no docs).
    """

    def __init__(self, docs_dir: Path | None = None) -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        import great_expectations as gx
        from great_expectations.data_context.types.base import (
            DataContextConfig,
            InMemoryStoreBackendDefaults,
            ProgressBarsConfig,
        )

        # GX resets its own loggers on import; its INFO chatter is not our users' business.
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        self.docs_dir = docs_dir
        # In memory, with no temporary docs site of its own: our site is the run's directory.
        self.context = gx.get_context(
            mode="ephemeral",
            project_config=DataContextConfig(
                store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                progress_bars=ProgressBarsConfig(globally=False),
            ),
        )
        if docs_dir is not None:
            self.context.add_data_docs_site(
                site_name="bulletins",
                site_config={
                    "class_name": "SiteBuilder",
                    "store_backend": {
                        "class_name": "TupleFilesystemStoreBackend",
                        "base_directory": str(docs_dir),
                    },
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        source = self.context.data_sources.add_pandas("staging")
        self._definitions = {}
        for table, definition in suite_definitions().items():
            suite = self.context.suites.add(gx.ExpectationSuite(**definition))
            batch_definition = source.add_dataframe_asset(
                name=table
            ).add_batch_definition_whole_dataframe("batch")
            self._definitions[table] = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=table, data=batch_definition, suite=suite)
            )

    def validate(
        self,
        frames: Mapping[str, pd.DataFrame],
        *,
        run_name: str,
        keys: Mapping[str, str],
        today: dt.date | None = None,
    ) -> list[CheckResult]:
        """Validate each staged table's DataFrame with its suite; returns every result.

        `keys` names each table's key column: for an expectation about single rows, GX
        reports the key of each row that failed it (`result_format` COMPLETE with
        `unexpected_index_column_names`), so that those rows alone can be held back."""
        from great_expectations.core.run_identifier import RunIdentifier

        tomorrow = (today or dt.date.today()) + dt.timedelta(days=1)
        results: list[CheckResult] = []
        for table, definition in self._definitions.items():
            if table not in frames:
                continue
            key = keys.get(table)
            outcome = definition.run(
                batch_parameters={"dataframe": _frame_for_gx(frames[table])},
                expectation_parameters={"tomorrow": tomorrow.isoformat()},
                result_format={
                    "result_format": "COMPLETE",
                    "unexpected_index_column_names": [key] if key else [],
                    "partial_unexpected_count": SAMPLE_SIZE,
                    "return_unexpected_index_query": False,
                },
                run_id=RunIdentifier(run_name=run_name),
            )
            for item in outcome.results:
                config = item.expectation_config
                if config is None:
                    continue
                result = item.result or {}
                failed_to_run = bool((item.exception_info or {}).get("raised_exception"))
                sample = result.get("partial_unexpected_list")
                if sample is None and result.get("unexpected_list") is not None:
                    sample = result["unexpected_list"]
                results.append(
                    CheckResult(
                        suite=table,
                        expectation=config.type,
                        column_name=config.kwargs.get("column")
                        or ",".join(config.kwargs.get("column_list") or [])
                        or None,
                        severity=str((config.meta or {}).get("severity", "critical")),
                        success=bool(item.success) and not failed_to_run,
                        observed_value=_json(result.get("observed_value"))
                        if not failed_to_run
                        else "expectation failed to run",
                        unexpected_count=result.get("unexpected_count"),
                        unexpected_sample=_json(sample[:SAMPLE_SIZE]) if sample else None,
                        notes=(config.meta or {}).get("notes"),
                        failed_rows=None
                        if failed_to_run
                        else _failed_rows(result, key, config.kwargs.get("column")),
                    )
                )
        return results

    def build_docs(self) -> Path | None:
        """Write the run's Data Docs site; returns its index page (None without docs_dir)."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs()
        return self.docs_dir / "index.html"
