# Two commands matter: `make serve` and `make test`. Both create the virtualenv on first run.
SHELL := /bin/bash
PYTHON3 ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian's packages: wait up to 10 minutes for an apt running elsewhere (unattended upgrades) to let go of
# the package lock, instead of failing with error 100.
APT := $(SUDO) apt-get -qq -o DPkg::Lock::Timeout=600
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf offline audit bench mutation import test lint check schema chromium emoji-font java clean
PAPER ?=  # make pdf: empty prints every size (A4 and Letter); PAPER=Letter prints one
PORT ?= 8000

$(VENV)/.site: pyproject.toml
	$(PYTHON3) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e .
	$(PYTHON) tools/compile_templates.py  # as pip compiles modules: a playbook's first build finds them compiled
	touch $@

$(VENV)/.test: $(VENV)/.site
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.site  ## build and serve the site at http://127.0.0.1:8000 (PORT=8001 for another port), rebuilding on changes
	@$(PYTHON) tools/port.py "$(PORT)"
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.site node_modules/.installed  ## build the site into site/ (built aside, swapped in one step, one build at a time)
	$(PYTHON) tools/publish.py

pdf: $(VENV)/.test chromium emoji-font node_modules/.installed  ## build, then the handout and the checklist as PDFs in site/pdf/, A4 and Letter side by side (PAPER=Letter: one size)
	$(PYTHON) tools/publish.py --pdf $(foreach paper,$(PAPER),--paper $(paper))

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

offline: $(VENV)/.site node_modules/.installed  ## dist/playbook-offline.zip: the site for file://, no server, no network
	rm -rf dist/playbook-offline dist/playbook-offline.zip
	PLAYBOOK_OFFLINE=true $(PYTHON) -m mkdocs build --strict --site-dir dist/playbook-offline
	cd dist && ../$(PYTHON) -m zipfile -c playbook-offline.zip playbook-offline
	@ls -l dist/playbook-offline.zip

audit: build chromium  ## Lighthouse on three pages, mobile and desktop → audit/RESULTS.md
	CHROME_PATH=$$(command -v chromium) $(PYTHON) tools/audit.py

bench: $(VENV)/.test chromium  ## build benchmark at 1×, 10×, 100× vs plain Markdown → bench/RESULTS.md
	$(PYTHON) bench/run.py

mutation: $(VENV)/.test chromium node_modules/.installed  ## plant each bug of mutation/mutants.yml, run its tests → mutation/RESULTS.md (slow: not in make test)
	$(PYTHON) mutation/run.py

check: $(VENV)/.site  ## validate data/ without building
	$(PYTHON) -m macros check

import: $(VENV)/.site  ## Markdown playbook → data files: make import SRC=playbook.md OUT=dir
	@test -n "$(SRC)" -a -n "$(OUT)" || { echo "usage: make import SRC=path/to/playbook.md OUT=dir"; exit 2; }
	$(PYTHON) -m macros import "$(SRC)" "$(OUT)"

schema: $(VENV)/.site  ## regenerate schemas/ (JSON Schemas for editors) and the guide's table of messages, from macros/
	$(PYTHON) -m macros schema

test: lint chromium emoji-font java node_modules/.installed  ## lint, then the whole suite: browser, accessibility and HTML-validity tests included
	$(PYTHON) -m pytest

lint: $(VENV)/.test  ## ruff: lint and format check (ruff format . fixes the format)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

chromium:  ## Debian's Chromium for the browser tests (Playwright cannot download browsers here)
	@command -v chromium >/dev/null || command -v google-chrome >/dev/null || { $(APT) update && $(APT) install -y chromium >/dev/null; }

java:  ## a Java runtime for the Nu Html Checker (npm's vnu-jar) the HTML-validity tests run
	@command -v java >/dev/null || { $(APT) update && $(APT) install -y default-jre-headless >/dev/null; }

emoji-font:  ## Debian's Noto Color Emoji: the headings' icons print in the PDFs (not as empty boxes)
	@fc-list | grep -qi "Noto Color Emoji" || { $(APT) update && $(APT) install -y fonts-noto-color-emoji >/dev/null; }

clean:
	rm -rf site site.building-* site.old-* .build.lock dist .pytest_cache .cache
