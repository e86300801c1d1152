# Knotenpunkt — build, serve, check and test the network's site.
#
# Every target sets up its own virtual environment in .venv on first use and
# re-installs the pinned dependencies only when a requirements file changes.
# Nothing but Python 3.11+ and make is assumed on the machine.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PELICAN := $(PY) -m pelican

INPUTDIR := $(CURDIR)/content
OUTPUTDIR := $(CURDIR)/output
CONFFILE := $(CURDIR)/pelicanconf.py
PUBLISHCONF := $(CURDIR)/publishconf.py

PORT ?= 8000
BIND ?= 127.0.0.1

RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed

.DEFAULT_GOAL := help

help:
	@echo 'Knotenpunkt'
	@echo ''
	@echo '  make html       build the site into output/ (sets up .venv on first run)'
	@echo '  make serve      build, then serve output/ on http://$(BIND):$(PORT)/'
	@echo '  make devserver  serve and rebuild whenever content or theme change'
	@echo '  make publish    production build with publishconf.py'
	@echo '  make test       run the whole test suite'
	@echo '  make bench      build-time benchmark against plain Pelican (BENCH_ARGS="--sizes small,medium,large")'
	@echo '  make lint       ruff format --check and ruff check'
	@echo '  make clean      remove output/ and caches'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Knotenpunkt needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	@touch $(RUNTIME_STAMP) $@

venv: $(RUNTIME_STAMP)

html: $(RUNTIME_STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)"

serve: html
	$(PELICAN) -l "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND)

devserver: $(RUNTIME_STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) -b $(BIND)

publish: $(RUNTIME_STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)"

test: $(DEV_STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(RUNTIME_STAMP)
	$(PY) tools/bench.py $(BENCH_ARGS)

lint: $(DEV_STAMP)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

format: $(DEV_STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache

.PHONY: help venv html serve devserver publish test bench lint format clean
