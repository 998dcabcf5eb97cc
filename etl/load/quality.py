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
from dataclasses import dataclass
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

    @property
    def blocks(self) -> bool:
        """True when this result holds the batch back."""
        return self.severity == "critical" and not self.success

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
        self, frames: Mapping[str, pd.DataFrame], *, run_name: str, today: dt.date | None = None
    ) -> list[CheckResult]:
        """Validate each staged table's DataFrame with its suite; returns every result."""
        from great_expectations.core.run_identifier import RunIdentifier

        tomorrow = (today or dt.date.today()) + dt.timedelta(days=1)
        results: list[CheckResult] = []
        for table, definition in self._definitions.items():
            if table not in frames:
                continue
            outcome = definition.run(
                batch_parameters={"dataframe": _frame_for_gx(frames[table])},
                expectation_parameters={"tomorrow": tomorrow.isoformat()},
                result_format="SUMMARY",
                run_id=RunIdentifier(run_name=run_name),
            )
            for item in outcome.results:
                config = item.expectation_config
                if config is None:
                    continue
                result = item.result or {}
                failed_to_run = bool((item.exception_info or {}).get("raised_exception"))
                sample = result.get("partial_unexpected_list")
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
                    )
                )
        return results

    def build_docs(self) -> Path | None:
        """Write the run's Data Docs site; returns its index page (None without docs_dir)."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs()
        return self.docs_dir / "index.html"
