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
