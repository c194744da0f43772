# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
# `make run PORT=8123` serves on another port; load_demo prints links to the same address.
PORT ?= 8000

.PHONY: run test test-postgres lint format messages bench bench-scale clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) load_demo
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# The checks come first: a model change without its migration, or unformatted code, fails
# in seconds instead of after the suite.
test: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed-dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kantelwerk} $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs GNU gettext; the compiled .mo files are committed, so a fresh machine does not.
messages: $(VENV)/.installed-dev
	cd . && $(MANAGE) makemessages -l nl --no-obsolete --ignore=.venv --ignore=tests --ignore=bench
	$(MANAGE) compilemessages -l nl --ignore=.venv

# Load benchmark (needs wrk: apt-get install wrk). BENCH_QUICK=1 for a quick look,
# BENCH_DB=postgres for PostgreSQL; see bench/README.md.
bench: $(VENV)/.installed-dev
	$(PY) bench/run.py

bench-scale: $(VENV)/.installed-dev
	BENCH_SCALE=1 $(PY) bench/run.py

clean:
	rm -rf $(VENV) static_collected
