# GenreKit: the two commands are `make demo` and `make test`.
SWIFT ?= swift
# Tests are XCTest, built optimised: numeric Swift is 10–100× slower in debug builds.
TEST_FLAGS ?= -c release --disable-swift-testing

.PHONY: setup build demo test docs fuzz bench bench-compare bench-e2e results clean

setup:
	@./scripts/setup

build: setup
	$(SWIFT) build -c release

demo: build
	$(SWIFT) run -c release --skip-build genrekit-demo

# Then Examples/Consumer, a package of its own that depends on GenreKit by path as users' packages do (Swift 6
# mode, a custom layer, a gradient check, a model on detached tasks); it builds only Tensor and NN, in release.
test: setup
	$(SWIFT) test $(TEST_FLAGS)
	$(SWIFT) run -c release --package-path Examples/Consumer consumer-check

# DocC documentation of every product, combined into one archive under .build/docs (open
# .build/docs/index.html through a web server, or `swift package preview-documentation --target NN`).
# Broken symbol links fail the build. The examples it shows are the files under Snippets/, which every build compiles.
DOC_TARGETS = AudioIO DSP Tensor NN Plotting GTZAN SyntheticGTZAN GenreModels Distributed Experiments
docs: setup
	$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation \
	  $(foreach target,$(DOC_TARGETS),--target $(target)) --enable-experimental-combined-documentation \
	  --warnings-as-errors --output-path .build/docs
	@echo "Documentation: .build/docs"

# The long fuzz campaign (not part of `make test`, which runs 2,200 cases of the same tests):
# FUZZ_CASES mutated audio files and safetensors headers (60 % / 40 %), seeded by FUZZ_SEED.
FUZZ_CASES ?= 100000
FUZZ_SEED ?= 1

fuzz: setup
	GENREKIT_FUZZ_CASES=$(FUZZ_CASES) GENREKIT_FUZZ_SEED=$(FUZZ_SEED) \
	  $(SWIFT) test $(TEST_FLAGS) --filter 'DecodeFuzzTests|SafeTensorsFuzzTests'

clean:
	rm -rf .build

# Rebuilds the shipped classifier (Sources/Experiments/Resources/default-genre-mlp.safetensors) from the real
# GTZAN table and artist folds in ../shared/gtzan-real (SHARED=... elsewhere); prints the artist-protocol accuracy.
SHARED ?= ../shared/gtzan-real
.PHONY: default-model
default-model: setup
	$(SWIFT) build -c release --product genrekit-classify
	.build/release/genrekit-classify train-default-model --table $(SHARED)/features_30_sec.csv \
	  --folds $(SHARED)/splits/artist-filtered-3fold --out Sources/Experiments/Resources/default-genre-mlp.safetensors

# Extra genrekit-bench options, e.g. BENCH_ARGS="--filter nn/ --repeat 3".
BENCH_ARGS ?=

bench: setup
	$(SWIFT) build -c release --product genrekit-bench
	.build/release/genrekit-bench $(BENCH_ARGS)

# The Python reference stack lives outside the repository.
VENV ?= $(HOME)/.cache/genrekit/venv
BENCH_THREADS ?= $(shell nproc)
# Extra compare.py options, e.g. BENCH_FLAGS="--filter nn/ --rounds 5 --budget 10".
BENCH_FLAGS ?=

# A stamp inside the venv (bin/python is a symlink: touching it would touch the system interpreter).
# An existing venv (VENV=...) is reused; pip only installs what the pinned requirements lack.
VENV_STAMP = $(VENV)/.genrekit-bench-requirements

$(VENV_STAMP): scripts/bench/requirements.txt
	test -x $(VENV)/bin/python || { python3 -m venv $(VENV) && $(VENV)/bin/pip install -q --upgrade pip; }
	$(VENV)/bin/pip install -q -r scripts/bench/requirements.txt
	touch $@

bench-compare: setup $(VENV_STAMP)
	$(SWIFT) build -c release --product genrekit-bench
	$(VENV)/bin/python scripts/bench/compare.py --bench .build/release/genrekit-bench \
	  --python $(VENV)/bin/python --threads $(BENCH_THREADS) --out BENCHMARKS.md $(BENCH_FLAGS)

# End-to-end rows of BENCHMARKS.md on ../shared/gtzan-real (E2E_DATA=...): classify, gtzan-features and a
# cnn-dynamic epoch against the Python pipelines (scripts/bench/e2e.py; E2E_FLAGS="--only classify --rounds 5").
E2E_DATA ?= ../shared/gtzan-real
E2E_FLAGS ?=

bench-e2e: setup $(VENV_STAMP)
	$(SWIFT) build -c release
	$(VENV)/bin/python scripts/bench/e2e.py --build .build/release --python $(VENV)/bin/python --data $(E2E_DATA) \
	  --threads $(BENCH_THREADS) --out BENCHMARKS.md $(E2E_FLAGS)

# Every example on real GTZAN (../shared/gtzan-real unless RESULTS_DATA=...) under the artist and track
# protocols, the PyTorch references on the same splits, RESULTS.md and docs/results/. Hours on 2 cores;
# finished runs are kept in reports/results and skipped (RESULTS_FLAGS="--fresh" reruns them).
RESULTS_DATA ?= ../shared/gtzan-real
RESULTS_FLAGS ?=

results: build $(VENV_STAMP)
	python3 scripts/results/results.py --data $(RESULTS_DATA) --venv $(VENV) $(RESULTS_FLAGS)
