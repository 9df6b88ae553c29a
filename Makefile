# Lotsa: `make run` serves the demo site, `make test` runs every test (see README).
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev
LOCALES := -l sv -l en -l ar
MSG_IGNORE := --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media --ignore=tests --ignore=bench

.PHONY: run test install install-test browser-deps messages compilemessages migrate demo outdated check-deps clean

$(BIN)/activate:
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed (python3.11 on PATH, or make PY=/path/to/python3.11)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed compilemessages

install-test: $(VENV)/.installed-test browser-deps node_modules/.installed compilemessages

# Debian's Chromium for the browser tests, poppler for reading PDFs back, gettext for catalogues.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1 || ! command -v msgfmt >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium poppler-utils gettext fonts-dejavu-core >/dev/null; \
	fi

# axe-core and the Nu HTML checker come from npm, served from the project (no CDN).
node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

compilemessages:
	@command -v msgfmt >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	$(PYTHON) manage.py compilemessages --ignore=.venv -v0

messages:
	flock locales/.lock $(PYTHON) manage.py makemessages $(LOCALES) $(MSG_IGNORE) --no-location --no-obsolete -v0
	$(PYTHON) manage.py translate_strings

migrate: install
	$(PYTHON) manage.py migrate --noinput -v0

demo: migrate
	$(PYTHON) manage.py load_demo

run: demo
	$(PYTHON) manage.py runserver 127.0.0.1:8000

# The whole suite: unit, integration, browser, accessibility and HTML-validity tests.
# DATABASE_URL picks the database (SQLite when unset).
test: install-test check-deps
	DJANGO_SETTINGS_MODULE=portal.settings.test DJANGO_ALLOW_ASYNC_UNSAFE=true \
	  $(BIN)/pytest -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

outdated: $(VENV)/.installed
	$(BIN)/pip list --outdated

# Every package in requirements.txt on its newest patch release (skips, saying so, when the
# package index is unreachable). No vulnerability database is reachable offline.
check-deps: $(VENV)/.installed
	$(PYTHON) bin/check-deps requirements.txt

clean:
	rm -rf $(VENV) node_modules staticfiles .test-media .test-private-media db.sqlite3
