"""Shared fixtures: the source notebooks' reference functions and the learner copies' stubs."""

from pathlib import Path

import nbformat
import pytest

from utils.grading.grader import graded_cells, import_cell
from utils.release import learner_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def notebook_path(stem):
    """Path of the source notebook whose name starts with ``stem`` (e.g. "C1_W2_A1")."""
    (path,) = NOTEBOOKS.glob(f"{stem}_*.ipynb")
    return path


def graded_functions(nb):
    """Execute a notebook's import cell and graded cells; return the namespace (name -> object)."""
    namespace = {"__name__": "__main__"}
    exec(compile(import_cell(nb), "<import cell>", "exec"), namespace)
    for name, source in graded_cells(nb).items():
        exec(compile(source, f"<graded cell {name}>", "exec"), namespace)
    return namespace


@pytest.fixture(scope="session")
def reference():
    """reference(stem) -> namespace of the source notebook's solutions."""
    return lambda stem: graded_functions(nbformat.read(notebook_path(stem), as_version=4))


@pytest.fixture(scope="session")
def stubs():
    """stubs(stem) -> namespace of the learner copy's graded functions (solutions stubbed out)."""
    return lambda stem: graded_functions(learner_notebook(nbformat.read(notebook_path(stem), as_version=4)))
