# The book's verbs. First use creates .venv from requirements.txt.
#   make book    build the HTML book into _build/html
#   make test    run the whole test suite (installs test-only packages on first use)
#   make serve   serve _build/html on http://127.0.0.1:$(PORT)/
#   make lab     JupyterLab with jupytext: chapters' .md files open as notebooks
#   make bench   print build times, page sizes and request counts
#   make clean   remove _build (including the execution cache)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
BUILD  := _build/html
JB_FLAGS := --builder html --warningiserror --keep-going

RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
LAB_STAMP     := $(VENV)/.lab-installed

.PHONY: book test serve lab bench clean venv

venv: $(RUNTIME_STAMP)

$(RUNTIME_STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(TEST_STAMP): $(RUNTIME_STAMP) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@touch $@

$(LAB_STAMP): $(RUNTIME_STAMP) requirements-lab.txt
	$(BIN)/python -m pip install --quiet -r requirements-lab.txt
	@touch $@

book: $(RUNTIME_STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo ""
	@echo "The book is built. Open $(CURDIR)/$(BUILD)/index.html in a browser, or run: make serve"

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

serve: $(RUNTIME_STAMP)
	@test -f $(BUILD)/index.html || $(MAKE) book
	@echo "Serving the book at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(BUILD)

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab --notebook-dir=book

bench: $(TEST_STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf _build
