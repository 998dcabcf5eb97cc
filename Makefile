# The README's commands. `uv` is installed from PyPI when the machine lacks it.
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
SUMMARY := select source, count(*) as articles, count(published_date) as dated, \
	sum(word_count) as words, count(distinct dateline) as datelines from articles \
	group by source order by source

.PHONY: setup run test lint typecheck unit bench-extraction clean

setup:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv
	$(UV) sync --locked

run: setup  ## the main job: ingest the bundled samples into the default warehouse
	$(UV) run bulletins ingest samples
	$(UV) run bulletins sql "$(SUMMARY)"

lint: setup
	$(UV) run ruff check .
	$(UV) run ruff format --check .

typecheck: setup
	$(UV) run mypy

unit: setup
	$(UV) run pytest

test: lint typecheck unit  ## what CI runs

bench-extraction: setup  ## precision, recall and F1 on ../shared/benchmarks/aeb
	$(UV) run python -m benchmarks.aeb

clean:
	rm -rf data .pytest_cache .ruff_cache .mypy_cache
