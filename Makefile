# Deep learning from scratch in NumPy - every command a learner or maintainer needs.
# Learners:    make lab      (set up, create your own assignment copies, open JupyterLab)
#              make grade    (score your notebooks in assignments/)
# Maintainers: make test     (set up, unit tests, strict nbval over notebooks/, browser test)
#              make execute  (re-run every source notebook in place)
#              make datasets (rebuild datasets/ from their source packages)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# JupyterLab flags (override: make lab PORT=9999 BROWSER_FLAG=--no-browser LAB_FLAGS="--ip=0.0.0.0")
PORT         ?= 8888
BROWSER_FLAG ?=
LAB_FLAGS    ?=
# JupyterLab refuses to start as root (containers) unless told so
ROOT_FLAG    := $(if $(filter 0,$(shell id -u)),--allow-root)
# make assignments FORCE=1 regenerates existing learner copies after backing them up
FORCE ?=
# make grade GRADE_PATH=assignments/C1_W2_A1_python_basics_with_numpy.ipynb GRADE_FLAGS=--json
GRADE_PATH  ?= assignments
GRADE_FLAGS ?=
# make execute NOTEBOOKS=notebooks/C1_W2_A1_python_basics_with_numpy.ipynb
NOTEBOOKS ?= $(wildcard notebooks/*.ipynb)

# Stored notebook outputs are recorded and checked with one BLAS thread (see DESIGN: last-digit drift).
export OMP_NUM_THREADS = 1
export OPENBLAS_NUM_THREADS = 1
export MKL_NUM_THREADS = 1
export PYDEVD_DISABLE_FILE_VALIDATION = 1

.PHONY: venv lab assignments grade test test-unit test-notebooks test-e2e repro bench execute datasets figures clean

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e .
	touch $@

assignments: $(STAMP)
	$(BIN)/python -m utils.release $(if $(FORCE),--force)

lab: assignments
	$(BIN)/jupyter lab --port=$(PORT) $(BROWSER_FLAG) $(ROOT_FLAG) $(LAB_FLAGS) --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/assignments

grade: $(STAMP)
	$(BIN)/python -m utils.grading $(GRADE_FLAGS) $(GRADE_PATH)

test: test-unit test-notebooks test-e2e

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 tests

test-notebooks: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadscope -p no:python --nbval --nbval-current-env \
	    --nbval-cell-timeout=120 --nbval-sanitize-with tools/nbval_sanitize.cfg notebooks

# Browser end-to-end test (part of `make test`): Debian's chromium + Playwright for Python, no browser download.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
E2E_STAMP := $(VENV)/.e2e-installed

$(E2E_STAMP): requirements-e2e.txt $(STAMP)
	@command -v chromium >/dev/null 2>&1 || command -v apt-get >/dev/null 2>&1 || { \
	    echo "The browser test needs Debian's chromium (/usr/bin/chromium), installed with apt-get, which this" \
	         "machine lacks. Install chromium yourself, or run 'make test-unit test-notebooks' for the other tests." >&2; \
	    exit 1; }
	command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }
	$(BIN)/python -m pip install --quiet -r requirements-e2e.txt
	touch $@

test-e2e: $(E2E_STAMP)
	$(BIN)/python -m pytest -q e2e

# Strict nbval under varied conditions (threads, oldest numpy, newer Pythons, fresh venv): docs/reproducibility.md
repro: $(STAMP)
	$(BIN)/python -m tools.repro

# Benchmarks (not part of `make test`): writes benchmarks/RESULTS.md; PyTorch CPU build for the comparison
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): requirements-bench.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $@

bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.bench

execute: $(STAMP)
	$(BIN)/python -m tools.execute_notebooks $(NOTEBOOKS)

datasets: $(STAMP)
	$(BIN)/python -m tools.build_datasets

figures: $(STAMP)
	$(BIN)/python -m tools.draw_figures

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
