# Temu seller modes guide. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
NODE_STAMP := node_modules/.installed-$(shell sha1sum package-lock.json | cut -c1-12)
MAX_AGE_DAYS ?= 180  # `make check` warns about facts checked longer ago than this
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve test check build schema linkcheck lighthouse bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

# axe-core (browser tests) and Lighthouse, exactly as locked; reinstalled only when the lock changes.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(STAMP) ## set up, then serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict --livereload -a 127.0.0.1:8000

test: $(STAMP) $(NODE_STAMP) ## set up, then run every test (unit, data, build, browser)
	$(BIN)/python -m pytest

check: $(STAMP) ## validate data/guide.yml (and ids used in docs/), list every problem and stale fact
	$(BIN)/python -m macros.check --max-age-days $(MAX_AGE_DAYS)

build: $(STAMP) ## build the site; site/ is replaced only when the build succeeds
	$(BIN)/python -m tools.build_site

.PHONY: search-eval
search-eval: $(STAMP) ## build, type each query in tests/search_queries.yml into the search box, print hit rates
	PYTHONPATH=. $(BIN)/python tests/search_eval.py

schema: $(STAMP) ## regenerate data/guide.schema.json from macros/model.py
	$(BIN)/python -m macros.schema

linkcheck: $(STAMP) ## try every external link in the data online (needs a network; not in make test)
	$(BIN)/python -m tools.linkcheck

lighthouse: $(STAMP) $(NODE_STAMP) ## score home, compare and FAQ with Lighthouse; update docs/quality.md
	$(BIN)/python -m bench.lighthouse_scores

bench: $(STAMP) ## measure build time, growth, live reload and page weight; writes docs/benchmarks.md
	$(BIN)/python -m bench

clean: ## remove the built site, the virtual environment and node_modules
	rm -rf site $(VENV) node_modules
