# The README's commands. `uv` is installed from PyPI when the machine lacks it.
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
SUMMARY := select source, count(*) as articles, count(published_date) as dated, \
	sum(word_count) as words, count(distinct dateline) as datelines from articles \
	group by source order by source

LOGS := data/logs

.PHONY: setup run ingest airflow test lint typecheck unit bench-extraction bench-pipeline bench-analysts clean

setup:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv
	$(UV) sync --locked

# The report's browser test drives Debian's chromium (never a browser a tool downloads).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; }

run: setup  ## the main job: the backfill DAG over the bundled samples into the default warehouse
	@mkdir -p $(LOGS)
	@echo "airflow db migrate + pools (log: $(LOGS)/airflow-init.log)"
	@$(UV) run scripts/airflow-init.sh > $(LOGS)/airflow-init.log 2>&1 \
		|| (tail -n 30 $(LOGS)/airflow-init.log; exit 1)
	@echo "airflow dags test bulletins_backfill over samples/ (log: $(LOGS)/backfill-samples.log)"
	@$(UV) run scripts/airflow.sh dags test bulletins_backfill \
		--conf '{"source": "path", "path": "samples"}' > $(LOGS)/backfill-samples.log 2>&1 \
		|| (tail -n 40 $(LOGS)/backfill-samples.log; exit 1)
	$(UV) run bulletins sql "select run_id, trigger, status, n_seen, n_new, n_unchanged, \
		n_rejected, n_warnings from ingest_runs order by started_at desc limit 1"
	$(UV) run bulletins sql "$(SUMMARY)"

ingest: setup  ## the same job without Airflow: bulletins ingest over the samples
	$(UV) run bulletins ingest samples
	$(UV) run bulletins sql "$(SUMMARY)"

airflow: setup  ## Airflow on this machine: SQLite, LocalExecutor, http://localhost:8080
	$(UV) run scripts/airflow-standalone.sh

lint: setup
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run lint-imports --no-cache

typecheck: setup
	$(UV) run mypy

unit: setup browser
	$(UV) run pytest

test: lint typecheck unit  ## what CI runs

bench-extraction: setup  ## precision, recall and F1 on ../shared/benchmarks/aeb
	$(UV) run python -m benchmarks.aeb

bench-pipeline: setup  ## the whole pipeline against bare trafilatura (docs/benchmarks.md)
	$(UV) run python -m benchmarks.pipeline

bench-analysts: setup  ## search, report and export on 1,000,000 synthetic articles (docs/benchmarks.md)
	$(UV) run python -m benchmarks.analysts

clean:
	rm -rf data .pytest_cache .ruff_cache .mypy_cache
