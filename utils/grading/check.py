"""The check engine behind every public test.

A public test is a list of ``Case`` objects (frozen inputs and frozen expected outputs) run by
``check_function``. Each call gets deep copies of the inputs; the result is walked against the
expected value through dict / tuple / list / ndarray / scalar, checking type, then shape, then values
with explicit tolerances. Every mismatch is collected with its path (``grads["dW1"]: expected shape
(4, 2), found (4, 3)``) and raised as one ``CheckFailure`` (an AssertionError) naming the function.
"""

import copy
import inspect
import numbers
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Case:
    """One call of the function under test and the value it must return.

    args -- positional arguments (deep-copied before each call)
    expected -- the expected return value (nested dict / tuple / list / ndarray / scalar)
    kwargs -- keyword arguments
    rtol, atol -- tolerances for floating-point values (numpy.testing.assert_allclose semantics)
    label -- short description of the input, shown in failure messages
    """

    args: tuple
    expected: object
    kwargs: dict = field(default_factory=dict)
    rtol: float = 1e-7
    atol: float = 1e-9
    label: str = ""


class CheckFailure(AssertionError):
    """A public test failed; ``problems`` lists every mismatch, first one first."""

    def __init__(self, message, problems):
        super().__init__(message)
        self.problems = problems


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"ndarray of shape {value.shape}"
    return type(value).__name__


def _fmt(x):
    """Format a number the same way under every numpy version (no np.float64(...) reprs)."""
    x = x.item() if isinstance(x, np.generic) else x
    return f"{x:.10g}" if isinstance(x, float) else repr(x)


def _compare_arrays(expected, actual, path, rtol, atol):
    if expected.shape != actual.shape:
        return [f"{path}: expected shape {expected.shape}, found {actual.shape}"]
    if actual.dtype.kind not in "biuf":
        return [f"{path}: expected an array of numbers, found dtype {actual.dtype}"]
    if expected.dtype.kind in "biu":
        bad = expected != actual
    else:
        with np.errstate(invalid="ignore"):
            bad = ~np.isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=False)
    if not bad.any():
        return []
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    return [f"{path}: values differ at {int(bad.sum())} of {bad.size} entries; first at index {first}: "
            f"expected {_fmt(expected[first])}, found {_fmt(actual[first])}"]


def compare(expected, actual, path="output", rtol=1e-7, atol=1e-9):
    """List every difference between ``expected`` and ``actual`` as 'path: expected ..., found ...'.

    Arguments:
    expected -- dict / tuple / list / ndarray / bool / int / float / str / bytes / None
    actual -- the value to check
    path -- name of the value, extended with [key] / [index] while walking
    rtol, atol -- tolerances for floating-point numbers and arrays

    Returns:
    problems -- list of str, empty when actual matches
    """
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a dict, found {_describe(actual)}"]
        problems = [f"{path}: missing key {k!r}" for k in expected if k not in actual]
        problems += [f"{path}: unexpected key {k!r}" for k in actual if k not in expected]
        for k in expected:
            if k in actual:
                problems += compare(expected[k], actual[k], f"{path}[{k!r}]", rtol, atol)
        return problems
    if isinstance(expected, (tuple, list)):
        if not isinstance(actual, (tuple, list)):
            return [f"{path}: expected a {type(expected).__name__} of {len(expected)} items, "
                    f"found {_describe(actual)}"]
        if len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, found {len(actual)}"]
        problems = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            problems += compare(e, a, f"{path}[{i}]", rtol, atol)
        return problems
    if isinstance(expected, np.ndarray):
        if not isinstance(actual, np.ndarray):
            return [f"{path}: expected an ndarray of shape {expected.shape}, found {_describe(actual)}"]
        return _compare_arrays(expected, actual, path, rtol, atol)
    if isinstance(expected, (bool, np.bool_)):
        if not isinstance(actual, (bool, np.bool_)):
            return [f"{path}: expected a bool, found {_describe(actual)}"]
        return [] if bool(actual) == bool(expected) else [f"{path}: expected {expected}, found {actual}"]
    if isinstance(expected, numbers.Integral):
        if not isinstance(actual, numbers.Integral) or isinstance(actual, (bool, np.bool_)):
            return [f"{path}: expected an int, found {_describe(actual)}"]
        return [] if int(actual) == int(expected) else [f"{path}: expected {expected}, found {actual}"]
    if isinstance(expected, numbers.Real):
        if not isinstance(actual, numbers.Real) or isinstance(actual, (bool, np.bool_)):
            return [f"{path}: expected a number (float), found {_describe(actual)}"]
        if np.isclose(float(actual), float(expected), rtol=rtol, atol=atol):
            return []
        return [f"{path}: expected {_fmt(float(expected))}, found {_fmt(float(actual))}"]
    if type(actual) is not type(expected) or actual != expected:
        return [f"{path}: expected {expected!r}, found {actual!r}"]
    return []


def _argument_names(target, n):
    try:
        names = list(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        names = []
    return [names[i] if i < len(names) else f"argument {i + 1}" for i in range(n)]


def run_case(target, case):
    """Call ``target`` on deep copies of the case's inputs; return the list of problems found."""
    args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
    try:
        actual = target(*args, **kwargs)
    except (Exception, SystemExit) as err:  # learner code may raise anything, even sys.exit()
        return [f"raised {type(err).__name__}: {err}"]
    problems = compare(case.expected, actual, "output", case.rtol, case.atol)
    names = _argument_names(target, len(args))
    for name, before, after in zip(names, case.args, args):
        if compare(before, after, name, 0.0, 0.0):
            problems.append(f"modified its input `{name}` in place; work on a copy or build a new array")
    for name, before in case.kwargs.items():
        if compare(before, kwargs[name], name, 0.0, 0.0):
            problems.append(f"modified its input `{name}` in place; work on a copy or build a new array")
    return problems


def check_function(target, cases, hint=""):
    """Run every case; print one pass line, or raise one CheckFailure listing every problem.

    Arguments:
    target -- the learner's function
    cases -- list of Case
    hint -- advice appended to the failure message (typical mistakes to look for)
    """
    name = getattr(target, "__name__", repr(target))
    if not callable(target):
        raise CheckFailure(f"{name}: expected a function, found {type(target).__name__}",
                           [f"expected a function, found {type(target).__name__}"])
    problems, failed = [], 0
    for i, case in enumerate(cases, start=1):
        where = f"test {i}" + (f" ({case.label})" if case.label else "")
        found = run_case(target, case)
        failed += bool(found)
        problems += [f"{where}: {p}" for p in found]
    if problems:
        lines = [f"{name} failed {failed} of {len(cases)} tests:"] + [f"  - {p}" for p in problems]
        if hint:
            lines.append(f"Hint: {hint}")
        raise CheckFailure("\n".join(lines), problems)
    print(f"{name}: all {len(cases)} tests passed.")


@dataclass(frozen=True)
class Graded:
    """A graded function of an assignment: its public test, its points, and whether the course
    requires it to be vectorized (the grader flags a Python loop in it)."""

    test: object
    points: int
    vectorized: bool = False
