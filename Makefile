# Two commands on a fresh machine (Debian, Python 3.11):
#   make report   set up .venv when missing, then run the main job
#   make test     set up .venv when missing, then run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup system-deps report validate test test-fast benchmark clean-venv

QUARTER ?= latest
LANG_REPORT ?= zh

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 11))" || { echo "Python 3.11 or newer is needed ($(PYTHON))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "could not create $(VENV): on Debian run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# System packages for the PDF: a CJK font (Noto Sans CJK), Pango for WeasyPrint, HarfBuzz subsetting (8 s -> 1 s).
system-deps:
	@if fc-list 2>/dev/null | grep -q "Noto Sans CJK" && ldconfig -p | grep -q libpangoft2 && ldconfig -p | grep -q libharfbuzz-subset; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  echo "installing fonts-noto-cjk, Pango and libharfbuzz-subset0 (apt-get)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig; \
	else echo "missing system packages: run 'sudo apt-get install fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0'"; exit 1; fi

setup: $(STAMP) system-deps

# The main job: the quarterly report (QUARTER=2023Q4, LANG_REPORT=en to change).
report: setup
	$(BIN)/doubling-analysis report --quarter $(QUARTER) --lang $(LANG_REPORT)

validate: setup
	$(BIN)/doubling-analysis validate

# lint (ruff), format check, type check (mypy on src/), then the tests
test: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# the unit loop: lint (ruff), then every test but the slow, browser and integration ones (CLI runs, subprocesses,
# kernels, report builds, whole-data runs: pyproject's markers), stopping at the first failure. No format check
# and no mypy (cold, mypy takes about 30 s here); `make test` runs all of them and every test.
test-fast: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -q -x -m "not slow and not browser and not integration"

benchmark: setup
	$(BIN)/python benchmarks/bench_catalog.py
	$(BIN)/python benchmarks/bench_assess.py
	$(BIN)/python benchmarks/bench_explorer.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_scale.py

clean-venv:
	rm -rf $(VENV)
