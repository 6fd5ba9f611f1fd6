# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# axe-core for the accessibility browser test, pinned by tests/axe/package-lock.json
AXE := tests/axe/node_modules/axe-core/axe.min.js

.PHONY: run test lint bench clean system-run system-test
# the system packages are checked before anything else (see scripts/system-packages.sh)
.NOTPARALLEL:

system-run:
	@PYTHON=$(PYTHON) scripts/system-packages.sh check run

system-test:
	@PYTHON=$(PYTHON) scripts/system-packages.sh check test

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[report,store,app,test]"
	@touch $(STAMP)

$(AXE): tests/axe/package.json tests/axe/package-lock.json
	npm ci --prefix tests/axe --no-audit --no-fund --loglevel=error
	@touch $(AXE)

run: system-run $(STAMP)
	$(PY) ui/launch.py --server.address 127.0.0.1 --server.headless true

# the suite on TEST_WORKERS processes (pytest-xdist); the modules that start app servers and
# browsers run one after another on one of them (tests/conftest.py). TEST_WORKERS=0: one process
TEST_WORKERS ?= 2

test: system-test $(STAMP) $(AXE)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(STAMP)
	@for f in bench/*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info tests/axe/node_modules
