"""Numerical gradients by centred differences, the oracle that backward passes are checked against."""

import numpy as np


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
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        plus = np.sum(f(x) * df)
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
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
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
    keys = list(parameters) if keys is None else list(keys)
    missing = [key for key in keys if key not in parameters]
    if missing:
        raise KeyError(f"parameters: missing {missing}")
    layout = [(key, np.shape(parameters[key])) for key in keys]
    if not layout:
        return np.zeros((0, 1)), layout
    theta = np.concatenate([np.asarray(parameters[key], dtype=float).reshape(-1) for key in keys])
    return theta.reshape(-1, 1), layout


def vector_to_dictionary(theta, layout):
    """Cut a column vector back into the arrays described by ``layout`` (inverse of dictionary_to_vector).

    Arguments:
    theta -- ndarray of shape (n, 1) (or (n,)), n the total size of the layout
    layout -- list of (key, shape) pairs from dictionary_to_vector

    Returns:
    parameters -- dict key -> new ndarray of the layout's shape
    """
    theta = np.asarray(theta, dtype=float)
    sizes = [int(np.prod(shape)) for _, shape in layout]
    if theta.ndim not in (1, 2) or (theta.ndim == 2 and theta.shape[1] != 1) or theta.shape[0] != sum(sizes):
        raise ValueError(f"theta: expected shape ({sum(sizes)}, 1) to fill the layout, found {theta.shape}")
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
    pieces = []
    for key, shape in layout:
        if f"d{key}" not in grads:
            raise KeyError(f"grads: missing 'd{key}' (the gradient of {key})")
        if np.shape(grads[f"d{key}"]) != tuple(shape):
            raise ValueError(f"grads['d{key}']: expected shape {tuple(shape)} (that of {key}), "
                             f"found {np.shape(grads[f'd{key}'])}")
        pieces.append(np.asarray(grads[f"d{key}"], dtype=float).reshape(-1))
    return np.concatenate(pieces).reshape(-1, 1) if pieces else np.zeros((0, 1))


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
    exact_parts = vector_to_dictionary(grad, layout)
    approx_parts = vector_to_dictionary(grad_approx, layout)
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
    def number(x):
        return f"< {floor:.0e}" if x < floor else f"{x:.2e}"

    lines = [f"{'gradient':<10}{'exact':>7}{'approx':>8}{'max diff':>12}{'relative':>12}"]
    lines += [f"{row['name']:<10}{str(row['exact']):>7}{str(row['approximate']):>8}"
              f"{number(row['max_diff']):>12}{number(row['relative_error']):>12}" for row in rows]
    return "\n".join(lines)
