# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test test-compiled lint bench cassettes clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,parquet]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) fixtures/demo.py

test: $(STAMP)
	$(PY) -m pytest -q

# The suite against the parser compiled by mypyc, as `pip install .` builds it (setup.py; `make
# test` and every editable install run it interpreted). It compiles in a copy of the working tree,
# never here, where the .so files would shadow every later edit of their sources.
# COMPILED_COPY: a shell prefix that compiles a copy of the tree in $$tmp and cd's there.
COMPILED_COPY = $(PY) -m pip install --quiet "setuptools>=77" "mypy==2.4.1" && \
	tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	git ls-files -z -co --exclude-standard | tar --null -T - --ignore-failed-read -cf - | \
		tar -xf - -C "$$tmp" && \
	cd "$$tmp" && $(abspath $(PY)) setup.py -q build_ext --inplace

test-compiled: $(STAMP)
	$(COMPILED_COPY) && $(abspath $(PY)) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(PY) -m pip install --quiet ruff mypy
	$(PY) -m ruff check extractor tests bench
	$(PY) -m mypy

# Benchmarks against peer libraries: the peers (the `bench` extra) live only in .venv-bench,
# never in the package's dependencies. Pass options with BENCH_ARGS="--set zyte --limit 20".
BENCH_VENV := .venv-bench
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_STAMP := $(BENCH_VENV)/.installed
.PHONY: bench-teasers bench-teasers-fresh bench-fetch bench-pages bench-compiled

$(BENCH_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_PY) -m bench.quality $(BENCH_ARGS)

# The same run with the parser compiled by mypyc, as a regular install builds it (setup.py). It
# runs from a temporary copy of the tree: an --out in BENCH_ARGS must be an absolute path.
bench-compiled: $(BENCH_STAMP) $(STAMP)
	data=$${EXTRACTOR_BENCHMARKS:-$(abspath ..)/shared/benchmarks} && out=$(CURDIR)/bench/out && \
	pages=$${EXTRACTOR_NEWSPAPER4K_PAGES:-$(CURDIR)/bench/.cache/newspaper4k-0.9.6/tests/data} && \
	traf=$${EXTRACTOR_TRAFILATURA_PAGES:-$(CURDIR)/bench/.cache/trafilatura-0.9.3/tests/cache} && \
	$(COMPILED_COPY) && EXTRACTOR_BENCHMARKS=$$data EXTRACTOR_NEWSPAPER4K_PAGES=$$pages \
		EXTRACTOR_TRAFILATURA_PAGES=$$traf \
		$(abspath $(BENCH_PY)) -m bench.quality --out $$out/quality-compiled.json $(BENCH_ARGS)

bench-teasers: $(STAMP)
	$(PY) -m bench.teasers $(BENCH_ARGS)

# The blind-labelled sets of bench/labels/ (which of their pages development examined: its README).
bench-teasers-fresh: $(STAMP) bench-pages
	for set in 1 2 3 4 5 6 7 8 9 10; do $(PY) -m bench.teasers --labels bench/labels/fresh-$$set.jsonl \
		--out bench/out/teasers-fresh-$$set.json $(BENCH_ARGS) || exit 1; done

# newspaper4k's, trafilatura's and htmldate's own test pages (the page sets of fresh-6 to fresh-10
# and their bodies), from their sdists on the package index.
bench-pages: $(STAMP)
	$(PY) -m bench.newspaper4k_pages
	$(PY) -m bench.trafilatura_pages
	$(PY) -m bench.htmldate_pages

# Fetcher.fetch_many against a 100 ms loopback server on 20 ports: pages/s, peak RSS, errors.
bench-fetch: $(STAMP)
	$(PY) -m bench.fetch_throughput $(BENCH_ARGS)

# Re-records fixtures/cassettes/site.yaml from fixtures/site served on loopback (tests replay it).
cassettes: $(STAMP)
	$(PY) fixtures/cassettes/record.py

clean:
	rm -rf $(VENV) .venv-bench build *.egg-info demo-out
	find extractor -name '*.so' -delete; rm -f *__mypyc.*.so
