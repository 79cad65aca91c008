# Two commands do all set-up: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The engine modules setup.py compiles (with mypyc, and the hand-written C loops): editing
# one rebuilds the extensions (until then the package imports the .py files: see
# src/lachan/native.py).
COMPILED := $(wildcard src/lachan/text/*.py src/lachan/entities/*.py src/lachan/detect/*.py) \
	src/lachan/detect/_scoring.c src/lachan/detect/_tokens.c \
	src/lachan/domain.py src/lachan/rules.py

.PHONY: run test lint bench train clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml setup.py $(COMPILED)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lachan serve

test: $(STAMP)
	$(BIN)/ruff check src tests bench setup.py
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench setup.py

bench: $(STAMP)
	$(BIN)/python bench/classify_throughput.py

train: $(STAMP)
	$(BIN)/lachan train

clean:
	rm -rf $(VENV) .lachan build *.egg-info src/*.egg-info .mypy_cache src/lachan_native__mypyc*
	find src -name '*.so' -delete
