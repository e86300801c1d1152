# Knotenpunkt — build, serve, check and test the network's site.
#
# Every target sets up its own virtual environment in .venv on first use and
# re-installs the pinned dependencies only when a requirements file changes.
# Nothing but Python 3.11+ and make is assumed on the machine.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PELICAN := $(PY) -m pelican
KNOTENPUNKT := $(PY) -m knotenpunkt

INPUTDIR := $(CURDIR)/content
OUTPUTDIR := $(CURDIR)/output
CONFFILE := $(CURDIR)/pelicanconf.py
PUBLISHCONF := $(CURDIR)/publishconf.py

TRANSLATIONS := themes/knotenpunkt/translations
LANGUAGES ?= en
PYBABEL := $(VENV)/bin/pybabel

PORT ?= 8000
BIND ?= 127.0.0.1

# make check STRICT=1: warnings fail too (for CI)
STRICT ?=
CHECK_FLAGS := $(if $(filter-out 0 no false,$(STRICT)),--strict,)
# make check PUBLISH=1: check with publishconf.py, i.e. also everything `make
# publish` refuses (SITEURL missing, http://, an example address …)
PUBLISH ?=
CHECK_SETTINGS := $(if $(filter-out 0 no false,$(PUBLISH)),$(PUBLISHCONF),$(CONFFILE))

# make rsync_upload: where the built site goes on a web host
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=

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
	@echo '  make check      check all content, publish nothing (STRICT=1: warnings fail;'
	@echo '                  PUBLISH=1: also what make publish refuses, e.g. SITEURL)'
	@echo '  make member NAME="Anna Beispiel"        new member profile'
	@echo '  make post TITLE="…" AUTHOR=anna-beispiel new blog post (draft)'
	@echo '  make episode TITLE="…"                   new podcast episode (draft)'
	@echo '  make date TITLE="…"                      new date (Termin) with its Uid'
	@echo '  make docs       regenerate the field reference in docs/mitmachen.md'
	@echo '  make rsync_upload  publish, then copy output/ to SSH_USER@SSH_HOST:SSH_TARGET_DIR'
	@echo '  make test       run the whole test suite'
	@echo '  make test-quick the test suite without the browser tests'
	@echo '  make bench      build-time benchmark against plain Pelican (BENCH_ARGS="--sizes small,medium,large")'
	@echo '  make lint       ruff format --check and ruff check'
	@echo '  make screenshots  every page type at 3 widths, light and dark, with a contact sheet'
	@echo '  make clean      remove output/ and caches'
	@echo '  make translations-extract  collect interface text into $(TRANSLATIONS)/messages.pot'
	@echo '  make translations-update   extract, then merge new text into each language (LANGUAGES=$(LANGUAGES))'
	@echo '  make cms        edit this checkout in the browser at /admin/ (needs Node.js and npm)'
	@echo '  make vendor-cms DECAP_CMS_VERSION=…  refresh the vendored Decap CMS (needs npm)'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Knotenpunkt needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

# The project itself is installed editable (pyproject.toml): plugins import
# each other as knotenpunkt.plugins.<name>, no sys.path edits.
$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt -e .
	@touch $(RUNTIME_STAMP) $@

venv: $(RUNTIME_STAMP)

# Builds into a temporary folder and replaces output/ only on success.
html: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) build --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)" --bind $(BIND) --port $(PORT)

# knotenpunkt/serve.py: byte ranges, HEAD, 404.html and the MIME types of a real host.
serve: html
	exec $(KNOTENPUNKT) serve --output "$(OUTPUTDIR)" --bind $(BIND) --port $(PORT)

# Rebuilds in a child process on every change; Ctrl-C or SIGTERM ends everything.
devserver: $(RUNTIME_STAMP)
	exec $(KNOTENPUNKT) devserver --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)" --bind $(BIND) --port $(PORT)

publish: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) build --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(PUBLISHCONF)"

check: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) check --content "$(INPUTDIR)" --settings "$(CHECK_SETTINGS)" $(CHECK_FLAGS)

member: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) new member --name "$(NAME)" --content "$(INPUTDIR)"

post: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) new post --title "$(TITLE)" --author "$(AUTHOR)" --content "$(INPUTDIR)"

episode: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) new episode --title "$(TITLE)" --content "$(INPUTDIR)"

date: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) new date --title "$(TITLE)" --content "$(INPUTDIR)"

docs: $(RUNTIME_STAMP)
	$(KNOTENPUNKT) docs

rsync_upload: publish
	@test -n "$(SSH_HOST)" -a -n "$(SSH_USER)" -a -n "$(SSH_TARGET_DIR)" || { echo 'Bitte SSH_HOST, SSH_USER und SSH_TARGET_DIR angeben, z. B. make rsync_upload SSH_HOST=example.org SSH_USER=web SSH_TARGET_DIR=/var/www/netzwerk'; exit 1; }
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --delete "$(OUTPUTDIR)/" "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)" --cvs-exclude

# One test process per core plus one: many tests wait on Chromium, Lighthouse
# or a server, and the extra process keeps the cores busy meanwhile.
# PYTEST_ARGS="-n 0 -x" for a serial run that stops early.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(len(os.sched_getaffinity(0)) + 1)' 2>/dev/null || echo 3)
PYTEST_ARGS ?= -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder
# Compiled test modules (pytest's assertion rewriting) and project modules are
# kept in __pycache__ even where PYTHONDONTWRITEBYTECODE is set: otherwise
# every worker and every build process compiles them again (2 s per worker).
TEST_ENV = PYTHONDONTWRITEBYTECODE=

test: $(DEV_STAMP)
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# Everything but the browser tests: the quick check while working.
test-quick: $(DEV_STAMP)
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS) -m "not browser"

# The filter part drives Chromium through Playwright (a dev dependency).
bench: $(DEV_STAMP)
	$(PY) tools/bench.py $(BENCH_ARGS)

lint: $(DEV_STAMP)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

format: $(DEV_STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Interface text from themes/ (Jinja _()), plugins/ and knotenpunkt/ (Python _()) and the menu
# labels in pelicanconf.py (translatable()). German is the message id.
translations-extract: $(RUNTIME_STAMP)
	$(PYBABEL) -q extract -F babel.cfg -k _ -k N_ -k gettext -k translatable \
		--sort-output --add-location=file --no-wrap --omit-header --project=Knotenpunkt \
		-o $(TRANSLATIONS)/messages.pot themes plugins knotenpunkt pelicanconf.py

# New text arrives untranslated (never fuzzy-guessed): tests/test_theme_i18n.py
# then fails until every entry of every catalogue is translated.
translations-update: translations-extract
	@for lang in $(LANGUAGES); do \
		if [ -f $(TRANSLATIONS)/$$lang/LC_MESSAGES/messages.po ]; then \
			$(PYBABEL) -q update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date --no-wrap \
				-i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $$lang; \
		else \
			$(PYBABEL) -q init --no-wrap -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $$lang; \
		fi; \
	done

# Every kind of page at 375, 768 and 1280 px, light and dark, with a contact
# sheet: test-artifacts/review/index.html (needs Chromium, like the browser tests).
screenshots: html $(DEV_STAMP)
	$(PY) tools/screenshots.py --site "$(OUTPUTDIR)" --out test-artifacts/review

clean:
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache .output.building-* .output.old-*

.PHONY: help venv html serve devserver publish check member post episode date docs rsync_upload test test-quick bench lint format clean translations-extract translations-update screenshots

# --- Editing in the browser (/admin/, plugin "admin") ------------------------
# The vendored Decap CMS (plugins/admin/vendor/decap-cms/) is committed, so
# `make html` needs only Python. Refreshing it needs Node.js and npm:
#   make vendor-cms DECAP_CMS_VERSION=3.16.3
DECAP_CMS_VERSION ?= 3.16.3
DECAP_SERVER := tools/decap-server/node_modules/.bin/decap-server

vendor-cms: $(RUNTIME_STAMP)
	$(PY) tools/vendor_cms.py $(DECAP_CMS_VERSION)

# decap-server, the local backend for /admin/ (pinned in tools/decap-server)
$(DECAP_SERVER): tools/decap-server/package.json tools/decap-server/package-lock.json
	npm ci --prefix tools/decap-server --no-audit --no-fund
	@touch $@

# Edit this checkout in the browser: decap-server (on 127.0.0.1:8081, the
# address ADMIN_LOCAL_BACKEND_URL names) and the devserver side by side, then
# open http://$(BIND):$(PORT)/admin/; every save rebuilds the preview.
# Ctrl-C stops both.
cms: $(RUNTIME_STAMP) $(DECAP_SERVER)
	@echo 'Inhalte bearbeiten: http://$(BIND):$(PORT)/admin/'
	PORT=8081 BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" $(DECAP_SERVER) & \
		trap 'kill $$!' EXIT INT TERM; \
		$(KNOTENPUNKT) devserver --content "$(INPUTDIR)" --output "$(OUTPUTDIR)" --settings "$(CONFFILE)" --bind $(BIND) --port $(PORT)

.PHONY: vendor-cms cms
