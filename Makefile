# sovereign-dc developer entry points. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CORE   := $(VENV)/.installed-core
# The installer: uv, pinned (pyproject's [tool.uv] required-version says the same), installed from
# PyPI by the first target that needs it. It installs uv.lock exactly (--locked fails when
# pyproject.toml changed without `make lock`) and never downloads a Python of its own. It is installed
# once per user in the user's cache folder (where uv keeps its package cache too) and linked as
# .tools/uv-<version>, so a fresh clone downloads nothing (2.2 s of a first `make plan` at stop 22);
# without a writable cache folder it goes into .tools/ itself, as before stop 22.
UV_VERSION := 0.13.8
UV_HOME    := .tools/uv-$(UV_VERSION)
UV         := $(UV_HOME)/bin/uv
UV_CACHED  := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/sovereign-dc/uv-$(UV_VERSION)
export UV_PYTHON_DOWNLOADS := never

.PHONY: plan plan-stop test lint bench docs lock clean portal portal-package

# $(call install_uv,folder): pip-installs the pinned uv into folder (with a bootstrap venv where the
# Python has no pip).
define install_uv
if $(PYTHON) -m pip --version >/dev/null 2>&1; then \
  PIP_ROOT_USER_ACTION=ignore $(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(1) uv==$(UV_VERSION); \
else \
  $(PYTHON) -m venv $(1)/bootstrap && $(1)/bootstrap/bin/pip install --quiet --target $(1) uv==$(UV_VERSION); \
fi
endef

# Installed into a private folder first and renamed into place, so two clones installing at once
# never see a half-installed uv (the loser of the rename removes its copy).
$(UV):
	@mkdir -p .tools
	@if [ ! -x "$(UV_CACHED)/bin/uv" ] && mkdir -p "$(dir $(UV_CACHED))" 2>/dev/null; then \
	  tmp=$$(mktemp -d "$(UV_CACHED).partial.XXXXXX") && { \
	    $(call install_uv,"$$tmp") && \
	    $(PYTHON) -c 'import os, sys; os.rename(sys.argv[1], sys.argv[2])' "$$tmp" "$(UV_CACHED)" 2>/dev/null; \
	    rm -rf "$$tmp"; }; \
	fi
	@if [ -x "$(UV_CACHED)/bin/uv" ]; then ln -sfn "$(UV_CACHED)" $(UV_HOME); else $(call install_uv,$(UV_HOME)); fi

# Every extra (dev, policy, ...) so tests of any part can run; then bytecode for what the plan imports.
$(STAMP): pyproject.toml uv.lock | $(UV)
	@$(UV) sync --quiet --locked --all-extras --python $(PYTHON)
	@$(PY) -m components.precompile || echo 'warning: byte-compiling failed (see above); modules compile on first import instead' >&2
	@touch $(STAMP) $(CORE)

# What the plan runs on: the project's own dependencies, without the extras (test tools, the portal's
# libraries: about half of the files a full install links, issue 13). --inexact keeps extras that an
# earlier `make test` installed; `make test` after it adds the rest to the same exact lock.
$(CORE): pyproject.toml uv.lock | $(UV)
	@$(UV) sync --quiet --locked --inexact --python $(PYTHON)
	@$(PY) -m components.precompile || echo 'warning: byte-compiling failed (see above); modules compile on first import instead' >&2
	@touch $(CORE)

## lock: re-resolve uv.lock after changing dependencies in pyproject.toml (then commit both)
lock: | $(UV)
	$(UV) lock --python $(PYTHON)

## plan: the offline reviewer plan of every stack in stacks/ (no cloud credentials, no Pulumi CLI)
# Outside CI the run goes to the warm plan server (components/plan/server.py: the provider SDKs
# imported once, each plan a fresh fork that reads this checkout from disk; it exits after 15 idle
# minutes). PLAN_SERVER=off plans in a new process every time, as CI does.
PLAN_SERVER ?= $(if $(CI),off,on)
plan: $(CORE)
	SOVEREIGN_PLAN_SERVER=$(PLAN_SERVER) $(PY) -m components.plan $(PLAN_ARGS)

## plan-stop: stop the warm plan server of this checkout (it also exits by itself when idle)
plan-stop:
	@if [ -x $(PY) ]; then $(PY) -m components.plan.server stop; fi

## test: the whole test suite under Pulumi mocks, on every core (PYTEST_JOBS= runs it in one process)
# worksteal: a worker that runs out of tests takes the rest of another's queue, so the two finish
# together (stop 22, four alternated pairs of whole suites: 50-57 s against 53-66 s for xdist's
# default "load" distribution).
PYTEST_JOBS ?= -n auto --dist worksteal
# Bytecode is written while the suite runs even where PYTHONDONTWRITEBYTECODE is set (as the install's
# precompile step does): otherwise every xdist worker and every subprocess a test starts compiles the
# same ~400 modules from source again (portal, deploy and test-tool dependencies, this checkout's own
# code), about 10 s of an 85 s suite measured on the 2-core machine at stop 21.
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest $(PYTEST_JOBS) $(PYTEST_ARGS)

## lint: ruff and mypy
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

## portal: the owner data service on 127.0.0.1 with sample owners, vehicles and records (PORTAL_PORT chooses the port)
portal: $(STAMP)
	@$(PY) -m portal.dev

## portal-package: build/portal-lambda.zip, the AWS Lambda package of the owner data service (python3.12, x86_64) from uv.lock
portal-package: $(STAMP)
	@UV=$(UV) $(PY) -m components.aws.portal_package

## bench: performance goals, printed as ratios
bench: $(STAMP)
	$(PY) benchmarks/run.py

## docs: regenerate the generated tables (docs/rules.md, the README rules table, docs/catalogue.md)
docs: $(STAMP)
	$(PY) -m components.residency.docs .

# clean leaves the pinned uv and the kept bytecode in the user's cache folder, as uv leaves its package cache there.
clean: plan-stop
	rm -rf $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache .hypothesis
