"""Numerical gradients by centred differences, the oracle that backward passes are checked against."""

import numpy as np

from utils.validation import as_float_array, as_real, check_finite, check_same_shape

# the entries of every row of compare_gradients, in the order format_gradient_report prints them
REPORT_KEYS = ("name", "exact", "approximate", "max_diff", "relative_error")


def _finite_array(x, name):
    """``x`` as a float ndarray (any shape) after checking its dtype and that it holds no NaN or inf."""
    x = as_float_array(x, name)
    check_finite(x, name)
    return x


def _checked_dict(d, name):
    if not isinstance(d, dict):
        raise TypeError(f"{name}: expected a dict of arrays, found {type(d).__name__}")
    return d


def numerical_gradient(f, x, df, h=1e-6):
    """Centred-difference gradient of ``sum(f(x) * df)`` with respect to ``x``.

    ``f`` is evaluated on a copy of ``x`` with one entry nudged by ``+h`` and ``-h`` at a time, so
    ``df`` plays the role of the upstream gradient dJ/d(f(x)).

    Arguments:
    f -- function taking an ndarray shaped like x and returning an ndarray shaped like df
    x -- ndarray of float64, the point (any shape; not modified)
    df -- ndarray, upstream gradient, shape of f(x)
    h -- step size

    Returns:
    grad -- ndarray of the shape of x, approximately d sum(f(x) * df) / dx
    """
    if not callable(f):
        raise TypeError(f"f: expected a function of x, found {type(f).__name__}")
    x = np.array(_finite_array(x, "x"), dtype=float)
    df = _finite_array(df, "df")
    h = as_real(h, "h", 0, strict=True)
    grad = np.zeros_like(x)
    shape_checked = False
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        out = f(x)
        if not shape_checked:  # once, at the first evaluation: a df of another shape would broadcast silently
            check_same_shape(df, "df", out, "f(x)")
            shape_checked = True
        plus = np.sum(out * df)
        x[idx] = old - h
        minus = np.sum(f(x) * df)
        x[idx] = old
        grad[idx] = (plus - minus) / (2 * h)
    return grad


def relative_error(a, b):
    """Relative difference ``||a - b|| / (||a|| + ||b||)`` (0 when both are zero).

    Arguments:
    a, b -- array_like of the same shape

    Returns:
    error -- Python float in [0, 1]
    """
    a, b = _finite_array(a, "a"), _finite_array(b, "b")
    check_same_shape(a, "a", b, "b")
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else float(np.linalg.norm(a - b) / denominator)


def dictionary_to_vector(parameters, keys=None):
    """Stack the arrays of a parameter dict into one column vector theta, remembering where each went.

    Arguments:
    parameters -- dict of ndarrays, e.g. {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ...}
    keys -- list of the keys to stack, in order (default: all keys, in the dict's order)

    Returns:
    theta -- ndarray of shape (n, 1), n the total number of entries; each array is flattened row by row
    layout -- list of (key, shape) pairs in stacking order, for vector_to_dictionary and gradients_to_vector
    """
    parameters = _checked_dict(parameters, "parameters")
    keys = list(parameters) if keys is None else list(keys)
    missing = [key for key in keys if key not in parameters]
    if missing:
        raise KeyError(f"parameters: missing {missing}")
    arrays = [_finite_array(parameters[key], f"parameters['{key}']") for key in keys]
    layout = [(key, array.shape) for key, array in zip(keys, arrays)]
    if not layout:
        return np.zeros((0, 1)), layout
    return np.concatenate([array.reshape(-1) for array in arrays]).astype(float).reshape(-1, 1), layout


def vector_to_dictionary(theta, layout):
    """Cut a column vector back into the arrays described by ``layout`` (inverse of dictionary_to_vector).

    Arguments:
    theta -- ndarray of shape (n, 1) (or (n,)), n the total size of the layout
    layout -- list of (key, shape) pairs from dictionary_to_vector

    Returns:
    parameters -- dict key -> new ndarray of the layout's shape
    """
    return _split(theta, layout, "theta")


def _split(theta, layout, name):
    """vector_to_dictionary for the argument ``name``: checks it, then cuts it as ``layout`` says."""
    theta = _finite_array(theta, name)
    if not isinstance(layout, (list, tuple)):
        raise TypeError(f"layout: expected a list of (key, shape) pairs from dictionary_to_vector, "
                        f"found {type(layout).__name__}")
    sizes = [int(np.prod(shape)) for _, shape in layout]
    if theta.ndim not in (1, 2) or (theta.ndim == 2 and theta.shape[1] != 1) or theta.shape[0] != sum(sizes):
        raise ValueError(f"{name}: expected shape ({sum(sizes)}, 1) to fill the layout, found {theta.shape}")
    pieces = np.split(theta.reshape(-1), np.cumsum(sizes)[:-1]) if sizes else []
    return {key: piece.reshape(shape) for (key, shape), piece in zip(layout, pieces)}


def gradients_to_vector(grads, layout):
    """Stack the gradients ``grads["d" + key]`` in the order and shapes of a parameter layout.

    Arguments:
    grads -- dict with "d" + key for every key of the layout (e.g. "dW1", "db1"), of the parameter's shape
    layout -- list of (key, shape) pairs from dictionary_to_vector

    Returns:
    grad -- ndarray of shape (n, 1), aligned entry by entry with theta
    """
    _checked_dict(grads, "grads")
    pieces = []
    for key, shape in layout:
        if f"d{key}" not in grads:
            raise KeyError(f"grads: missing 'd{key}' (the gradient of {key})")
        if np.shape(grads[f"d{key}"]) != tuple(shape):
            raise ValueError(f"grads['d{key}']: expected shape {tuple(shape)} (that of {key}), "
                             f"found {np.shape(grads[f'd{key}'])}")
        pieces.append(_finite_array(grads[f"d{key}"], f"grads['d{key}']").reshape(-1))
    return np.concatenate(pieces).astype(float).reshape(-1, 1) if pieces else np.zeros((0, 1))


def compare_gradients(grad, grad_approx, layout, rtol=1e-5, atol=1e-8):
    """Per-parameter comparison of a backpropagated gradient with a numerical one.

    Arguments:
    grad -- ndarray (n, 1), the gradient from backpropagation (gradients_to_vector)
    grad_approx -- ndarray (n, 1), the numerical gradient, same layout
    layout -- list of (key, shape) pairs from dictionary_to_vector
    rtol, atol -- tolerances of the "approximately equal" test (numpy.allclose)

    Returns:
    rows -- list of dicts, one per parameter, in layout order: "name" ("dW1"...), "exact" (bool, every
            entry identical), "approximate" (bool, numpy.allclose), "max_diff" (float, largest absolute
            difference), "relative_error" (float, relative_error of the two pieces)
    """
    exact_parts, approx_parts = _split(grad, layout, "grad"), _split(grad_approx, layout, "grad_approx")
    rtol, atol = as_real(rtol, "rtol", 0), as_real(atol, "atol", 0)
    return [{"name": f"d{key}",
             "exact": bool(np.array_equal(exact_parts[key], approx_parts[key])),
             "approximate": bool(np.allclose(exact_parts[key], approx_parts[key], rtol=rtol, atol=atol)),
             "max_diff": float(np.max(np.abs(exact_parts[key] - approx_parts[key]), initial=0.0)),
             "relative_error": relative_error(exact_parts[key], approx_parts[key])}
            for key, _ in layout]


def format_gradient_report(rows, floor=1e-7):
    """The rows of compare_gradients as a fixed-width text table (one line per parameter).

    Differences below ``floor`` are rounding noise whose last digits change with the machine; they are
    shown as "< floor" so that the table reads the same everywhere.

    Arguments:
    rows -- list of dicts from compare_gradients
    floor -- float > 0, the smallest difference printed as a number

    Returns:
    table -- str, ready to print
    """
    if not isinstance(rows, (list, tuple)):
        raise TypeError(f"rows: expected a list of dicts from compare_gradients, found {type(rows).__name__}")
    for i, row in enumerate(rows):
        missing = [key for key in REPORT_KEYS if key not in row]
        if missing:
            raise KeyError(f"rows[{i}]: missing {missing}, expected the keys {list(REPORT_KEYS)} of compare_gradients")
    floor = as_real(floor, "floor", 0, strict=True)

    def number(x):
        return f"< {floor:.0e}" if x < floor else f"{x:.2e}"

    lines = [f"{'gradient':<10}{'exact':>7}{'approx':>8}{'max diff':>12}{'relative':>12}"]
    lines += [f"{row['name']:<10}{row['exact']!s:>7}{row['approximate']!s:>8}"
              f"{number(row['max_diff']):>12}{number(row['relative_error']):>12}" for row in rows]
    return "\n".join(lines)
