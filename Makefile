# Two commands for a fresh machine with Python 3.11+ and git:
#   make serve  – install the portal's runtime dependencies, build from datasets/, serve on
#                 http://127.0.0.1:8000
#   make test   – add the test tools, run ruff, the type checker (mypy) and the whole test suite
#   make test-cepat – ruff, mypy, and the unit and contract tests only (no full builds, no browser)
# Versions come from the lock files (requirements.lock, requirements-test.lock), installed with
# plain pip and checked against their sha256; `make lock` regenerates them after pyproject.toml
# changes (the only step that needs uv, which it installs into .venv-lock/).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.10
LOCK_VENV := .venv-lock
# One lock for every platform and Python 3.11+ (win32-only packages carry a marker), one version
# of each package (no per-Python forks), every wheel's sha256; LOCK_FLAGS=--upgrade moves pins.
LOCK_ARGS := --universal --fork-strategy fewest --python-version 3.11 --generate-hashes --quiet \
	--custom-compile-command "make lock" $(LOCK_FLAGS)

.PHONY: serve build check test test-cepat lint clean lock

$(RUNTIME): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(STAMP): $(RUNTIME) requirements-test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	$(LOCK_VENV)/bin/uv pip compile $(LOCK_ARGS) -o requirements.lock pyproject.toml
	$(LOCK_VENV)/bin/uv pip compile $(LOCK_ARGS) --extra test -c requirements.lock \
		-o requirements-test.lock pyproject.toml

build: $(RUNTIME)
	$(PY) -m monografi build

serve: build
	$(PY) -m monografi serve

check: $(RUNTIME)
	$(PY) -m monografi check

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -n auto

test-cepat: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -n auto -m "not slow" -q

# CKAN 2.12 + ckanext-dcat 2.4.4 in a venv of their own (their pins clash with ours), for
# tests/test_ckan.py: it runs CKAN's DCAT parser over the catalogue, and skips without this venv.
.venv-ckan/.installed: bench/ckan/requirements.txt
	$(PYTHON) -m venv .venv-ckan
	.venv-ckan/bin/python -m pip install --quiet -r bench/ckan/requirements.txt
	touch $@

clean:
	rm -rf output .monografi
