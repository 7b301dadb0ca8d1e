# Two commands work on a fresh machine: `make demo` and `make test`.
# Each makes the virtual environment (.venv) first if needed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench screenshots clean help

help:
	@echo "make demo   set up, then make, fill and execute a workbook for a fictional rejection"
	@echo "make test   set up, then run the whole test suite (lint and type checks first)"
	@echo "make lint   set up, then lint (ruff) and type-check (mypy)"
	@echo "make bench  set up, then run the benchmarks"
	@echo "make screenshots  set up, then retake docs/screenshots/ in a real browser (needs chromium)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(PY) examples/demo.py

test: $(STAMP) lint
	$(PY) -m pytest --nbval-lax tests notebooks/rejection_workbook.ipynb

# Lint and type-check (part of `make test`; the settings are in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks examples
	$(VENV)/bin/mypy

bench: $(STAMP)
	@for script in benchmarks/bench_*.py; do $(PY) $$script || exit 1; done
	$(PY) benchmarks/check_accuracy.py
	$(PY) benchmarks/check_star.py
	$(PY) benchmarks/email_accuracy.py

# The browser tests, writing their pictures into docs/screenshots/ (plain `make test`
# writes them to a temporary folder). Needs Debian's chromium; with chromium-l10n too,
# dates show day first, as a UK reader expects.
screenshots: $(STAMP)
	NEXTROUND_SCREENSHOTS=1 $(PY) -m pytest -q -p no:cacheprovider tests/e2e

clean:
	rm -rf $(VENV) demo build dist .pytest_cache
