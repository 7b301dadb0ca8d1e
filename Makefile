# Two commands work on a fresh machine: `make demo` and `make test`.
# Each makes the virtual environment (.venv) first if needed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench screenshots catalogs clean help

help:
	@echo "make demo   set up, then make, fill and execute a workbook for a fictional rejection"
	@echo "make test   set up, then run the whole test suite (lint and type checks first)"
	@echo "make lint   set up, then lint (ruff) and type-check (mypy)"
	@echo "make bench  set up, then run the benchmarks"
	@echo "make screenshots  set up, then retake docs/screenshots/ in a real browser (needs chromium)"
	@echo "make catalogs  set up, then bring the interface's translations up to date (Babel)"

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

# The browser tests, writing their pictures into docs/screenshots/ (plain `make test`
# writes them to a temporary folder). Needs Debian's chromium; with chromium-l10n too,
# dates show day first, as a UK reader expects.
screenshots: $(STAMP)
	NEXTROUND_SCREENSHOTS=1 $(PY) -m pytest -q -p no:cacheprovider tests/e2e

# The interface's gettext catalogs, managed with Babel (the mapping is babel.cfg):
# extract every wrapped string into the template, merge it into each language's
# catalog (new strings arrive empty, or fuzzy when Babel guesses from a similar one;
# tests/test_catalogs.py fails until each is translated and reviewed), then compile
# the .mo files the package reads. No source locations in the catalogs: they would
# change with every edit and make merges harder, and the msgids say what they are.
LOCALES_DIR := src/nextround/locales
CATALOG_LOCALES := en_US de
catalogs: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg --no-location --sort-output --project=nextround \
		--version=$$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml) \
		--copyright-holder="The nextround team" -o $(LOCALES_DIR)/nextround.pot .
	@for locale in $(CATALOG_LOCALES); do \
		$(VENV)/bin/pybabel update --init-missing --ignore-obsolete --ignore-pot-creation-date -D nextround -l $$locale \
			-i $(LOCALES_DIR)/nextround.pot -d $(LOCALES_DIR) || exit 1; \
	done
	$(VENV)/bin/pybabel compile --statistics -D nextround -d $(LOCALES_DIR)

clean:
	rm -rf $(VENV) demo build dist .pytest_cache
