# sovereign-dc developer entry points. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: plan test lint bench docs clean portal

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip==26.3
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

## plan: the offline reviewer plan of every stack in stacks/ (no cloud credentials, no Pulumi CLI)
plan: $(STAMP)
	$(PY) -m components.plan $(PLAN_ARGS)

## test: the whole test suite under Pulumi mocks
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

## lint: ruff and mypy
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

## portal: the owner data service on 127.0.0.1 with sample owners, vehicles and records (PORTAL_PORT chooses the port)
portal: $(STAMP)
	@$(PY) -m portal.dev

## bench: performance goals, printed as ratios
bench: $(STAMP)
	$(PY) benchmarks/run.py

## docs: regenerate the generated tables (docs/rules.md, the README rules table, docs/catalogue.md)
docs: $(STAMP)
	$(PY) -m components.residency.docs .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
