# The two commands: `make demo` and `make test`. Both create the virtual
# environment on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint lint-sql fix-sql browser java bench screenshots clean

demo: $(STAMP)
	$(BIN)/cxbench demo

test: $(STAMP) browser java lint-sql
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

install: $(STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "cxbench needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	@touch $(STAMP)

# Browser tests drive Debian's chromium; install it when missing and we are root
# (CI). Elsewhere the browser tests skip with a reason, except under CI=true.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (apt)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found and cannot be installed here: browser tests will skip"; fi; }

# The Spark build test (tests/integration/test_spark_build.py) runs dbt-spark on a
# local Spark, which needs a Java runtime: installed from Debian's packages when
# missing and we are root (CI), like chromium. Elsewhere it skips with a reason,
# except under CI=true.
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing a Java runtime (apt)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	  else echo "java not found and cannot be installed here: the Spark build test will skip"; fi; }

lint: $(STAMP) lint-sql
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# SQL lint of the dbt models and singular tests (rules in .sqlfluff). It compiles
# against profiles.yml's in-memory `lint` target, so it needs no warehouse.
lint-sql: $(STAMP)
	$(BIN)/sqlfluff lint dbt_project

# Rewrite the models in the house style where sqlfluff can; review the diff.
fix-sql: $(STAMP)
	$(BIN)/sqlfluff fix dbt_project

bench: $(STAMP)
	$(BIN)/cxbench bench

# Every page at 1400 and 390 px as the analyst, Compare and Rankings as a client, into
# docs/screenshots/ (tests/browser/screenshots.py). Take them from a demo-sized
# warehouse (`make demo`), not the test world: `make screenshots DB=path/to/file`.
DB ?= warehouse/cxbench.duckdb
screenshots: $(STAMP) browser
	$(BIN)/python -m tests.browser.screenshots --db $(DB)

clean:
	rm -rf warehouse data/generated .pytest_cache .ruff_cache
