# The two commands of the README: `make demo` and `make test`.
# Both create .venv when it is missing and install reportgen into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean system

APT_PACKAGES := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
	fonts-dejavu-core fonts-liberation2

# The Debian libraries WeasyPrint needs: say the one line that installs them, never run
# silently slower (without HarfBuzz's subsetter, fonts are subset by fontTools).
system:
	@echo "checking Debian packages: $(APT_PACKAGES)"
	@missing=""; \
	for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0; do \
		ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	fc-list 2>/dev/null | grep -qi "liberation sans" || missing="$$missing fonts-liberation2"; \
	if [ -n "$$missing" ]; then echo "missing:$$missing"; \
		echo "install with: sudo apt-get install $(APT_PACKAGES)"; exit 1; fi

$(BIN)/python: | system
	@echo "creating $(VENV)"
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	@echo "installing reportgen and its libraries into $(VENV) (a minute or two)"
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
	$(BIN)/python benchmarks/big_appendix.py --pages 2000 5000

clean:
	rm -rf outputs/* build dist
	touch outputs/.gitkeep
