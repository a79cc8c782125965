# One command per task; the README and .ci/run use the same names.
# Fresh Debian machine:  make serve   (set up, then serve on http://127.0.0.1:8000)
#                        make test    (set up, install Chromium if missing, run every test)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup setup-test serve preview build check test clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt $(VENV)/.installed
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium >/dev/null; }

## Live preview for editors: rebuilds when a file changes.
serve: setup
	$(PY) -m mkdocs serve -a 127.0.0.1:$(PORT)

## The static output for hosting, in ./site (kept as it was when the build fails).
build: setup
	$(PY) scripts/build.py

## Check all content (front matter, links, quizzes, glossary) without building; lists every problem.
check: setup
	$(PY) scripts/check_content.py
	$(PY) scripts/readability.py

## Serve the built output exactly as a static host would.
preview: build
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

## Every test, in real Chromium. pytest's "no test ran" (exit 5) counts as a failure.
test: setup-test
	@$(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest ran no test: failing"; exit 1; fi; exit $$rc

clean:
	rm -rf site .site-build-* .site-old-* test-results .pytest_cache
