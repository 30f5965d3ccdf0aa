# newsprism: `make run` and `make test` each set everything up on a fresh machine.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test lint eval bench train fuzz setup clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "needs $(PY)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

## run: analyse the invented example articles in examples/ into out/ (JSON, HTML report, SQLite)
run: $(STAMP)
	$(BIN)/newsprism analyze examples --out out --db out/newsprism.db
	@echo "dossier: out/dossier.json  report: out/dossier.html  store: out/newsprism.db  (try: $(BIN)/newsprism show ID --db out/newsprism.db)"

## test: the test suite (fast; reads ../shared for seed and dataset checks)
test: $(STAMP)
	$(BIN)/python -m pytest -q

## fuzz: 50,000 generated inputs per parser (decode, gzip, HTML, records, JSONL, feeds, timex); minutes
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-50000} $(BIN)/python -m pytest -q -p no:cacheprovider fuzz

lint: $(STAMP)
	$(BIN)/ruff check src tests evals benchmarks fuzz
	$(BIN)/mypy

## eval: accuracy on the shared datasets, side by side with baselines
eval: $(STAMP)
	$(BIN)/python evals/seeds.py --shared $(SHARED)
	$(BIN)/python evals/conll.py --shared $(SHARED)
	$(BIN)/python evals/zyte_bodies.py --shared $(SHARED)
	$(BIN)/python evals/tempeval3.py --shared $(SHARED)
	$(BIN)/python evals/polnear.py --shared $(SHARED)
	$(BIN)/python evals/ecbplus.py --shared $(SHARED)
	$(BIN)/python evals/timeline.py --shared $(SHARED)
	$(BIN)/python evals/ecb_stories.py --shared $(SHARED)
	$(BIN)/python evals/ecb_actors.py --shared $(SHARED)
	$(BIN)/python evals/ecb_triggers.py --shared $(SHARED)
	$(BIN)/python evals/wire_copy.py --shared $(SHARED) --polnear 1000
	$(BIN)/python evals/line_roles.py --shared $(SHARED)
	$(BIN)/python evals/polnear_events.py --shared $(SHARED)
	$(BIN)/python evals/polnear_claims.py --shared $(SHARED)
	$(BIN)/python evals/ptc.py --shared $(SHARED)
	$(BIN)/python evals/genre.py --shared $(SHARED)

## bench: speed and memory as ratios against baselines in one run
bench: $(STAMP)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_clean.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_warc.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_actors.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_timex.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_quotes.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_events.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_report.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_persuasion.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_long.py --sizes 160000,640000
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_store.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_writers.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_memory.py --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python benchmarks/bench_pipeline.py --shared $(SHARED)

## train: rebuild the shipped persuasion and genre models from ../shared (src/newsprism/data/persuasion/*.npz)
train: $(STAMP)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python -m newsprism.train.persuasion --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python -m newsprism.train.genre --shared $(SHARED)
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python -m newsprism.train.event_confidence --shared $(SHARED)

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
