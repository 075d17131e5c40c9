# Two commands on a fresh machine (Debian, Python 3.11):
#   make report   set up .venv when missing, then run the main job
#   make test     set up .venv when missing, then run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup report validate test benchmark clean-venv

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info < (3, 11))" || { echo "Python 3.11 or newer is needed ($(PYTHON))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "could not create $(VENV): on Debian run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

# The quarterly report is built by a later release; until then the main job validates the data.
report: setup
	$(BIN)/doubling-analysis validate

validate: setup
	$(BIN)/doubling-analysis validate

test: setup
	$(BIN)/python -m pytest

benchmark: setup
	$(BIN)/python benchmarks/bench_catalog.py
	$(BIN)/python benchmarks/bench_assess.py

clean-venv:
	rm -rf $(VENV)
