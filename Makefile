# The two commands of the README: `make demo` and `make test`.
# Both create .venv when it is missing and install reportgen into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The notice covers the examples' months; decisions come before batch so that the
# index links the record; --no-write-back leaves the committed tracker as it is.
demo: $(STAMP)
	$(BIN)/reportgen forward-plan inputs -o outputs/forward-plan --from 2017-03-01
	$(BIN)/reportgen decisions inputs/cabinet-2017-03-21/cabinet-2017-03-21.xlsx \
		-o outputs/cabinet-2017-03-21 --no-write-back
	$(BIN)/reportgen batch inputs -o outputs

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/pack_speed.py

clean:
	rm -rf outputs/* build dist
	touch outputs/.gitkeep
