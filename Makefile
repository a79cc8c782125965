# One command per task; the README and .ci/run use the same names.
# Fresh Debian machine:  make serve   (set up, then serve on http://127.0.0.1:8000)
#                        make test    (set up, install Chromium if missing, run every test)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
# Test processes (pytest-xdist): one per core; each test file stays in one process (--dist loadfile),
# so a file's own build is made once. TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup setup-test serve preview build check readability test test-fast lint format clean moodle

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt $(VENV)/.installed
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

setup: $(VENV)/.installed

# Mozilla's ical.js (npm, pinned in tests/ical/package-lock.json): the calendar tests read every
# .ics file with it as well as with Python's icalendar. Installs Debian's nodejs and npm if missing.
ICAL_JS := tests/ical/node_modules/.package-lock.json
$(ICAL_JS): tests/ical/package.json tests/ical/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for the calendar tests (ical.js)"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix tests/ical --no-audit --no-fund --loglevel=error
	@touch $@

setup-test: $(VENV)/.installed-test $(ICAL_JS)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium >/dev/null; }
	@{ command -v nginx || test -x /usr/sbin/nginx; } >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  echo "Installing Debian's nginx-light and poppler-utils for the hosting and print tests"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq nginx-light poppler-utils >/dev/null; }

## Live preview for editors: rebuilds when a file changes. EDITION=<name>: the local edition
## editions/<name>/, prepared again when a file of it or of content/ changes (scripts/serve.py).
serve: setup
	$(if $(EDITION),$(PY) scripts/serve.py $(EDITION) -a,$(PY) -m mkdocs serve -a) 127.0.0.1:$(PORT)

## The static output for hosting, in ./site (kept as it was when the build fails).
## EDITION=<name> builds the local edition editions/<name>/ (the base with its layer; HOSTING.md).
EDITION ?=
build: setup
	$(PY) scripts/build.py $(if $(EDITION),--edition $(EDITION))

## Check all content without building: exactly the checks the build runs first (front matter,
## text policy, links, markers, quizzes, glossary, figures, plain language, settings).
check: setup
	$(PY) scripts/check_content.py $(if $(EDITION),--edition $(EDITION))

## A local edition's replaced pages: `make editions EDITION=<name>` lists those whose base page
## changed since they were checked, with what changed; `make editions-ok EDITION=<name>
## PAGE=coaching/matching.md` records that the page follows its base page again (PAGE=all: every one).
.PHONY: editions editions-ok
editions: setup
	@test -n "$(EDITION)" || { echo "Name the edition: make editions EDITION=voorbeeld-gent"; exit 2; }
	$(PY) scripts/editions.py $(EDITION)

editions-ok: setup
	@test -n "$(EDITION)" || { echo "Name the edition: make editions-ok EDITION=voorbeeld-gent PAGE=coaching/matching.md"; exit 2; }
	@test -n "$(PAGE)" || { echo "Name the page: make editions-ok EDITION=$(EDITION) PAGE=coaching/matching.md (or PAGE=all)"; exit 2; }
	$(PY) scripts/editions.py $(EDITION) ok $(PAGE)

## English pages that follow an older version of their Dutch page, with the fields and sections
## that changed since (never fails). `make translations-ok PAGE=statuses/ibo.md` records that the
## English page follows the Dutch page again (after a translation, or a Dutch typo fix); PAGE=all
## stamps every English page. EDITION=<name>: the pages of that edition's own content folder.
.PHONY: translations translations-ok
TRANSLATED = $(if $(EDITION),--content editions/$(EDITION)/content)
translations: setup
	$(PY) scripts/translations.py $(TRANSLATED)

translations-ok: setup
	@test -n "$(PAGE)" || { echo "Name the page: make translations-ok PAGE=statuses/ibo.md (or PAGE=all)"; exit 2; }
	$(PY) scripts/translations.py $(TRANSLATED) ok $(PAGE)

## The plain-language table: words per sentence and LIX of every Dutch page.
readability: setup
	$(PY) scripts/readability.py

## Serve the built output exactly as a static host would.
preview: build
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory site

## Every test, in real Chromium. pytest's "no test ran" (exit 5) counts as a failure.
test: setup-test
	@$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest ran no test: failing"; exit 1; fi; exit $$rc

## The fast tier, for your own loop: the content pipeline and its checks, no browser, no full
## build (under a minute on 2 cores: README.md, Tests). Files go to the test processes in the
## collection's order, the slowest first (tests/conftest.py, SLOW_FIRST). `make test` runs everything.
test-fast: $(VENV)/.installed-test $(ICAL_JS)
	@$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder -m "not browser and not build" $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest ran no test: failing"; exit 1; fi; exit $$rc

## ruff lint and format check, with the settings in pyproject.toml (CI runs this first).
lint: $(VENV)/.installed-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

## Rewrite Python files in the project's format.
format: $(VENV)/.installed-test
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf site .site-build-* .site-old-* .edition-* test-results .pytest_cache moodle .moodle-* dist

## Every quiz per language as Moodle XML and GIFT, in ./moodle (whole or not at all; see EDITING.md).
moodle: setup
	$(PY) scripts/export_moodle.py

## Benchmarks, not tests (none of this runs in CI): search relevance per language, page weight,
## build time at 1x, 10x and 100x the content. Prints tables; the numbers are logged in MEASUREMENTS.md.
BENCH_SIZES ?= 1,10,100
.PHONY: bench audit
bench: setup-test
	@site=$$(mktemp -d)/site; $(PY) scripts/build.py -d $$site || exit 1; \
	$(PY) scripts/bench_search.py --site $$site; \
	$(PY) scripts/bench_weight.py --site $$site; \
	rm -rf $$(dirname $$site)
	$(PY) scripts/bench_build.py --sizes $(BENCH_SIZES)

## Lighthouse (mobile preset) on each page kind in both languages; JSON reports in .lighthouse/.
audit: setup-test node_modules/.package-lock.json
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) scripts/audit.py

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Own-words check: every run of 8+ words a page or quiz shares with the source texts, outside
## quotation marks, with file and line. Exit 1 if there is one.  make shared-text SOURCES=../shared/seeds
.PHONY: shared-text
shared-text: setup
	@test -n "$(SOURCES)" || { echo "Name the folder of source texts: make shared-text SOURCES=../shared/seeds"; exit 2; }
	$(PY) scripts/shared_text.py $(SOURCES)

## Valid HTML: the Nu HTML checker (npm vnu-jar, needs Java) on every built page.
.PHONY: validate
validate: setup node_modules/.package-lock.json
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Debian's Java runtime for the Nu HTML checker"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq default-jre-headless >/dev/null; }
	$(PY) scripts/validate_html.py

## The Content-Security-Policy of the built ./site (for the hosting guide); FORMAT=nginx|apache|headers
## prints the whole header set in that server's syntax.
FORMAT ?= policy
.PHONY: csp
csp:
	@test -f site/index.html || { echo "No site/ yet: run make build first" >&2; exit 1; }
	@$(PY) scripts/csp.py --site site --format $(FORMAT)

## The offline bundle: the whole portal in dist/jobcoachportaal-<version>-<date>.zip (prints its size).
## EDITION=<name>: that local edition's, in dist/<name>/.
.PHONY: offline
offline: setup
	$(PY) scripts/offline.py $(if $(EDITION),--edition $(EDITION) --output dist/$(EDITION))

## The PDF handbook per language (training path + handbook, cover, contents with page numbers) in
## dist/ (EDITION=<name>: that local edition's, in dist/<name>/); uses Debian's chromium and
## pdftotext, installed by setup-test. Prints size and time.
.PHONY: pdf
pdf: setup-test
	$(PY) scripts/pdf.py $(if $(EDITION),--edition $(EDITION) --output dist/$(EDITION))
