# The book's verbs. First use creates .venv from requirements.txt.
#   make book       build the HTML book into _build/html
#   make test       run the whole test suite (installs test-only packages on first use)
#   make test-fast  unit and content tests only: no book build, under a minute
#   make serve      serve _build/html on http://127.0.0.1:$(PORT)/
#   make lab        JupyterLab on book/: chapters open as notebooks, charts live offline
#   make bench      print build times, page sizes and request counts (tools/bench.py)
#   make audit      Lighthouse scores for three pages (tools/audit.py; installs lighthouse 12.2.3 into .audit/)
#   make linkcheck  check every external link (needs a network; not part of make test)
#   make pdf        printable handouts into _build/html/handouts/
#   make clean      remove _build and _annotated (including the execution cache)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
BUILD  := _build/html
JB_FLAGS := --builder html --warningiserror --keep-going

RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
LAB_STAMP     := $(VENV)/.lab-installed

.PHONY: book test test-fast serve lab bench audit linkcheck pdf clean venv

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
ifeq ($(ANNOTATE),1)
	BOOK_ANNOTATE=1 $(BIN)/jupyter-book build . $(JB_FLAGS) --path-output _annotated
	@echo ""
	@echo "Built WITH Hypothesis annotation (loads https://hypothes.is/embed.js) into $(CURDIR)/_annotated/_build/html"
	@echo "Serve it with: $(BIN)/python -m bookbuild.serve _annotated/_build/html $(PORT)"
else
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo ""
	@echo "The book is built. Open $(CURDIR)/$(BUILD)/index.html in a browser, or run: make serve"
endif

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

test-fast: $(TEST_STAMP)
	$(BIN)/python -m pytest tests/unit tests/content

serve: $(RUNTIME_STAMP)
	@test -f $(BUILD)/index.html || $(MAKE) book
	@echo "Serving the book at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m bookbuild.serve $(BUILD) $(PORT)

lab: $(LAB_STAMP)
	$(BIN)/jupyter lab --notebook-dir=book

bench: $(TEST_STAMP)
	$(BIN)/python tools/bench.py

LIGHTHOUSE := .audit/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm install --prefix .audit --no-audit --no-fund --silent lighthouse@12.2.3

audit: $(TEST_STAMP) $(LIGHTHOUSE)
	@test -f $(BUILD)/index.html || $(MAKE) book
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python tools/audit.py $(AUDIT_FLAGS)

pdf: $(TEST_STAMP)
	@test -f $(BUILD)/index.html || $(MAKE) book
	$(BIN)/python -m bookbuild.handouts $(BUILD)
	@echo "Handouts are in $(BUILD)/handouts/ (linked from the seminar pages)."

linkcheck: $(RUNTIME_STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

clean:
	rm -rf _build _annotated
