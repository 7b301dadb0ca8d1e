# Two commands work on a fresh machine: `make demo` and `make test`.
# Each makes the virtual environment (.venv) first if needed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench screenshots catalogs star-model clean help

help:
	@echo "make demo   set up, then make, fill and execute a workbook for a fictional rejection"
	@echo "make test   set up, then run the whole test suite (lint and type checks first)"
	@echo "make lint   set up, then lint (ruff) and type-check (mypy)"
	@echo "make bench  set up, then run the benchmarks"
	@echo "make screenshots  set up, then retake docs/screenshots/ in a real browser (needs chromium)"
	@echo "make catalogs  set up, then extract, merge and compile the translation catalogs"
	@echo "make star-model  set up, then refit the STAR check's word model on the tune half of its labelled set"

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
	$(VENV)/bin/ruff check src tests benchmarks examples tools
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

# The gettext catalogs in src/nextround/locales/, managed with Babel (commit the .pot,
# .po and .mo files). Two domains: `nextround`, the interface (the mapping is babel.cfg),
# and `guidance`, the notebooks' markdown and hidden cells' placeholders
# (nextround.making.guidance; babel-guidance.cfg). Extract what a person reads, merge
# it into each locale's .po (a new message arrives empty, or fuzzy when Babel guesses
# from a similar one; the tests fail until each is translated and reviewed), then
# compile the .mo files nextround reads. No source locations in the interface's
# catalog: they would change with every edit and make merges harder.
LOCALES_DIR := src/nextround/locales
CATALOG_LOCALES := en_US de
BABEL := $(VENV)/bin/pybabel
BABEL_HEADER := --project=nextround --copyright-holder="The nextround team" --width=100
catalogs: $(STAMP)
	$(BABEL) extract -F babel.cfg --no-location --sort-output --project=nextround \
		--version=$$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml) \
		--copyright-holder="The nextround team" -o $(LOCALES_DIR)/nextround.pot .
	@for locale in $(CATALOG_LOCALES); do \
		$(BABEL) update --init-missing --ignore-obsolete --ignore-pot-creation-date -D nextround -l $$locale \
			-i $(LOCALES_DIR)/nextround.pot -d $(LOCALES_DIR) || exit 1; \
	done
	$(BABEL) compile --statistics -D nextround -d $(LOCALES_DIR)
	$(BABEL) extract -F babel-guidance.cfg --no-default-keywords -k cell_comment $(BABEL_HEADER) \
		-o $(LOCALES_DIR)/guidance.pot notebooks src/nextround
	$(BABEL) update -D guidance -i $(LOCALES_DIR)/guidance.pot -d $(LOCALES_DIR) --width=100 --ignore-obsolete \
		--ignore-pot-creation-date
	$(BABEL) compile -D guidance -d $(LOCALES_DIR) --statistics

# The STAR check's word model (src/nextround/checks/_star_model.json), refitted with
# scikit-learn on the tune half of tests/data/star_cases.csv; commit the file it writes.
# tests/test_star_model.py fails when the file and the labelled set disagree.
star-model: $(STAMP)
	$(PY) tools/train_star_model.py

clean:
	rm -rf $(VENV) demo build dist .pytest_cache
