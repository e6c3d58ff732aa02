# hayaoshi: the two commands a team's admin needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-fast bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -c "import spacy; spacy.load('ja_ginza')"  # the model ships as a package: offline
	touch $(STAMP)

demo: install
	$(BIN)/hayaoshi parse demo/mail --format table

test: install
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "unit"

bench: install
	$(BIN)/python bench/bench_parse.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info .bench
