PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml packaging/system-deps.sh
	bash packaging/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/counterclaim

lint: $(STAMP)
	$(BIN)/ruff check counterclaim tests
	$(BIN)/mypy counterclaim tests

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/bench -p no:cacheprovider -s

clean:
	rm -rf $(VENV)
