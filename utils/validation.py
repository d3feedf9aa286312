"""Argument checks that give a learner an actionable message (argument name, expected, found).

The policy every public helper of ``utils`` follows:

- wrong type or dtype (a string, a complex or object array, a list where a dict is expected): TypeError;
- wrong shape, an empty array where examples are averaged, NaN or inf in an input: ValueError;
- a missing dictionary key (``parameters["W2"]``, ``grads["dW2"]``): KeyError;
- every message names the argument, what was expected and what was found.

NaN and inf are rejected at the entry of each public function (``check_finite``: one pass over the
array, cheaper than the arithmetic it protects). Training loops validate their arguments once per call
and then run the unchecked arithmetic of each step; where an input is large and re-read every step (the
data ``X`` of L_model_forward), the loop checks the small output instead and, only when that is not
finite, looks through the inputs to name the one that holds the NaN.
"""

import math
import numbers

import numpy as np


def as_float_array(x, name):
    """Return ``x`` as a floating-point ndarray (any shape), or raise a clear TypeError/ValueError.

    Arguments:
    x -- array_like of real numbers (bool, int or float), any shape
    name -- the argument's name, used in the error message

    Returns:
    arr -- ndarray of float64 (or of x's floating dtype), same shape as x
    """
    if type(x) is np.ndarray and x.dtype.kind == "f":  # the common case, kept cheap for training loops
        return x
    if isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_)):
        return np.asarray(x, dtype=float)
    arr = np.asarray(x)
    if arr.dtype.kind in "fc":
        if arr.dtype.kind == "c":
            raise TypeError(f"{name}: expected real numbers, found complex dtype {arr.dtype}")
        return arr
    if arr.dtype.kind in "iub":
        return arr.astype(float)
    raise TypeError(f"{name}: expected an array of real numbers, found {type(x).__name__}"
                    f" with dtype {arr.dtype}")


def check_shape(arr, name, expected):
    """Raise ValueError unless ``arr.shape`` matches ``expected`` (None in ``expected`` matches any size).

    Arguments:
    arr -- ndarray
    name -- the argument's name, used in the error message
    expected -- tuple of int or None, e.g. ``(n_x, None)`` for "n_x rows, any number of columns"
    """
    shape = arr.shape if type(arr) is np.ndarray else np.shape(arr)
    if len(shape) == len(expected):
        for e, s in zip(expected, shape):   # a plain loop: this check runs in every training step
            if e is not None and e != s:
                break
        else:
            return
    want = "(" + ", ".join("any" if e is None else str(e) for e in expected) + ("," if len(expected) == 1 else "") + ")"
    raise ValueError(f"{name}: expected shape {want}, found {shape}")


def check_finite(arr, name):
    """Raise ValueError if ``arr`` holds NaN or inf, naming the argument and the first bad position.

    Arguments:
    arr -- ndarray of floats, any shape
    name -- the argument's name, used in the error message
    """
    finite = np.isfinite(arr)
    if not finite.all():
        index = tuple(int(i) for i in np.argwhere(~finite)[0])
        raise ValueError(f"{name}: expected finite numbers, found {np.asarray(arr)[index]!s} at index {index}")


def check_finite_results(results, named_inputs):
    """Raise ValueError naming the input that holds NaN or inf, when one of ``results`` is not finite.

    For the update of a training step, whose results every NaN or inf of an input reaches (``w - alpha dw``
    is not finite when w or dw is not): one pass over all the results, often many small arrays, replaces a
    check of each input, and the inputs are searched only when that pass fails.

    Arguments:
    results -- list of ndarrays (any shapes) computed from the inputs; a list of one (e.g. a buffer whose views
               are the results) is checked without a copy
    named_inputs -- iterable of (name, ndarray) pairs, e.g. a generator: consumed only when a result is not finite
    """
    if np.isfinite(results[0] if len(results) == 1 else np.concatenate([r.ravel() for r in results])).all():
        return
    for name, arr in named_inputs:
        check_finite(arr, name)
    raise ValueError("the results overflowed to inf or NaN although every input is finite "
                     "(a learning rate too large?)")


def check_nonempty(arr, name):
    """Raise ValueError if ``arr`` has no elements (e.g. m = 0 examples, where a mean is undefined).

    Arguments:
    arr -- ndarray, any shape
    name -- the argument's name, used in the error message
    """
    if np.size(arr) == 0:
        raise ValueError(f"{name}: expected at least one element, found an empty array of shape {np.shape(arr)}")


def check_same_shape(a, a_name, b, b_name):
    """Raise ValueError unless arrays ``a`` and ``b`` have the same shape (names both arguments)."""
    if np.shape(a) != np.shape(b):
        raise ValueError(f"{a_name} and {b_name} must have the same shape, found {np.shape(a)} and {np.shape(b)}")


def as_int(value, name, minimum):
    """Return ``value`` as a Python int after checking that it is a whole number >= ``minimum``.

    Arguments:
    value -- the argument to check, expected an int (Python or NumPy integer; not a bool)
    name -- the argument's name, used in the error message
    minimum -- int, the smallest value accepted

    Returns:
    value -- Python int; TypeError for a non-number (None, str, bool, array), ValueError for a number that
             is not whole (3.5) or is below minimum
    """
    if type(value) is not int:  # the ABC checks below are slow: Python ints, the usual case, skip them
        if not isinstance(value, numbers.Real) or isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{name}: expected an int >= {minimum}, found {type(value).__name__}")
        if not isinstance(value, numbers.Integral):
            raise ValueError(f"{name}: expected an int >= {minimum}, found {value!r}")
    if value < minimum:
        raise ValueError(f"{name}: expected an int >= {minimum}, found {value!r}")
    return int(value)


def as_real(value, name, minimum=None, strict=False):
    """Return ``value`` as a Python float after checking that it is a finite real number (>= minimum, if given).

    Arguments:
    value -- the argument to check, expected a real number (int or float, Python or NumPy; not a bool)
    name -- the argument's name, used in the error message
    minimum -- optional number, the smallest value accepted (other ranges: checked by the caller)
    strict -- bool, True to require value > minimum instead of value >= minimum

    Returns:
    value -- Python float; TypeError for a non-number (None, str, bool, complex, array), ValueError for NaN,
             inf or a value below minimum
    """
    if type(value) is not float and (not isinstance(value, numbers.Real) or isinstance(value, (bool, np.bool_))):
        raise TypeError(f"{name}: expected a real number, found {type(value).__name__}")
    if not math.isfinite(value):  # on a scalar, far cheaper than np.isfinite
        raise ValueError(f"{name}: expected a finite number, found {value!r}")
    if minimum is not None and (value < minimum or (strict and value == minimum)):
        raise ValueError(f"{name}: expected a number {'>' if strict else '>='} {minimum}, found {value!r}")
    return float(value)


def as_random_state(rng, name="rng"):
    """Turn the ``rng`` argument of a helper into a legacy ``np.random.RandomState`` (never reseeds).

    Arguments:
    rng -- None: numpy's global legacy stream, so ``np.random.seed(k)`` in a notebook cell applies;
           int: a new ``RandomState(rng)``, which draws exactly the numbers that
           ``np.random.seed(rng)`` followed by the same ``np.random`` calls would;
           np.random.RandomState: used as is (its state advances)
    name -- the argument's name, used in the error message

    Returns:
    random_state -- np.random.RandomState
    """
    if rng is None:
        return np.random.mtrand._rand
    if isinstance(rng, np.random.RandomState):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, (bool, np.bool_)):
        return np.random.RandomState(int(rng))
    raise TypeError(f"{name}: expected None, an int seed or a np.random.RandomState, found {type(rng).__name__}")
