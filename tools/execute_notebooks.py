"""Re-execute source notebooks in place, top to bottom in a fresh kernel (maintainers: `make execute`).

Usage: python -m tools.execute_notebooks notebooks/A.ipynb [notebooks/B.ipynb ...]
Each notebook runs with its own folder as working directory and a per-cell time limit; cells tagged
``skip-execution`` are not run. The Makefile pins BLAS to one thread, as for `make test`, so the
stored outputs are the ones nbval will check. A notebook that raises is not written.
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CELL_TIMEOUT = 300


def execute(path):
    """Execute the notebook at ``path`` and overwrite it with fresh outputs; return the seconds taken."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    nbformat.write(nb, path)
    return seconds


def main(paths):
    if not paths:
        print("usage: python -m tools.execute_notebooks NOTEBOOK...", file=sys.stderr)
        return 2
    for path in paths:
        print(f"{path}: executed in {execute(path):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
