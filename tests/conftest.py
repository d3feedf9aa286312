"""Shared fixtures: the source notebooks' reference functions and the learner copies' stubs."""

import functools
import re
from pathlib import Path

import nbformat
import pytest

from utils.grading.grader import graded_cells, import_cell, loop_flags
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


def run_public_test(module, name, function):
    """Run ``module``'s public test of graded function ``name`` on ``function`` under that name."""
    @functools.wraps(function)  # keeps the signature, so messages name the arguments
    def renamed(*args, **kwargs):
        return function(*args, **kwargs)
    renamed.__name__ = name
    module.GRADED[name].test(renamed)


def public_test_suite(stem, module, mistakes):
    """The standard proofs for one assignment's public tests, as test functions for its test file.

    Arguments:
    stem -- notebook prefix, e.g. "C1_W2_A1"
    module -- its public-test module (with GRADED)
    mistakes -- dict: graded function name -> list of broken variants (typical learner mistakes)

    Returns:
    (test_mistakes_cover_every_function, test_passes_on_solution, test_fails_on_stub,
     test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) -- assign them to
    module-level names starting with ``test_`` so that pytest collects them.
    """
    names = list(module.GRADED)

    def test_mistakes_cover_every_function():
        assert set(mistakes) == set(names)
        assert all(len(variants) >= 2 for variants in mistakes.values())

    @pytest.mark.parametrize("name", names)
    def test_passes_on_solution(name, reference, capsys):
        module.GRADED[name].test(reference(stem)[name])
        assert re.fullmatch(rf"{name}: all \d+ tests passed\.\n", capsys.readouterr().out)

    @pytest.mark.parametrize("name", names)
    def test_fails_on_stub(name, stubs):
        with pytest.raises(AssertionError, match="NotImplementedError"):
            module.GRADED[name].test(stubs(stem)[name])

    @pytest.mark.filterwarnings("ignore::RuntimeWarning")  # broken formulas may overflow
    @pytest.mark.parametrize("name,index", [(n, i) for n, ms in mistakes.items() for i in range(len(ms))])
    def test_fails_on_typical_mistake(name, index):
        with pytest.raises(AssertionError):
            run_public_test(module, name, mistakes[name][index])

    def test_vectorized_solutions_have_no_loop():
        cells = graded_cells(nbformat.read(notebook_path(stem), as_version=4))
        for name, graded in module.GRADED.items():
            if graded.vectorized:
                assert loop_flags(cells[name], name) == [], name

    return (test_mistakes_cover_every_function, test_passes_on_solution, test_fails_on_stub,
            test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop)
