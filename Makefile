# Two commands for a fresh machine with Python 3.11+ and git:
#   make serve  – build the portal from datasets/ and serve it on http://127.0.0.1:8000
#   make test   – run the whole test suite
#   make test-cepat – unit and contract tests only (no full builds, no browser)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: serve build check test test-cepat lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(PY) -m monografi build

serve: build
	$(PY) -m monografi serve

check: $(STAMP)
	$(PY) -m monografi check

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -n auto

test-cepat: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -n auto -m "not slow" -q

clean:
	rm -rf output .monografi
