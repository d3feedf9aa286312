"""Activation functions, vectorized and numerically stable, with the course's layer contract.

``g(Z)`` returns ``A`` only; ``g_forward(Z)`` returns ``(A, cache)`` with ``cache = Z``; and
``g_backward(dA, cache)`` returns ``dZ = dA * g'(Z)``. ``Z``, ``A``, ``dA`` and ``dZ`` all have the
shape ``(n^[l], m)`` for a dense layer (any shape works: everything is elementwise, except softmax).

The public functions check their arguments (real numbers, finite, matching shapes). ``KERNELS`` maps
each name to the unchecked pair ``(g, g_grad)`` behind them, ``g(Z) -> A`` and ``g_grad(dA, Z) -> dZ``,
for training loops that validate their inputs once per call (utils.layers, utils.models).
"""

import numpy as np
from scipy.special import expit

from utils.validation import as_float_array, check_finite, check_same_shape


def _checked(Z, name):
    Z = as_float_array(Z, name)
    check_finite(Z, name)
    return Z


def _checked_pair(dA, cache):
    dA, Z = _checked(dA, "dA"), _checked(cache, "cache (Z)")
    check_same_shape(dA, "dA", Z, "cache (Z)")
    return dA, Z


def _relu(Z):
    return np.maximum(Z, 0.0)


def _softmax_columns(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def _sigmoid_grad(dA, Z):
    s = expit(Z)
    return dA * s * (1 - s)


def _relu_grad(dA, Z):
    return np.where(Z > 0, dA, 0.0)


def _tanh_grad(dA, Z):
    return dA * (1 - np.tanh(Z) ** 2)


def _softmax_grad(dA, Z):
    A = _softmax_columns(Z)
    return A * (dA - np.sum(dA * A, axis=0, keepdims=True))


# activation name -> (g, g_grad), unchecked: g(Z) -> A and g_grad(dA, Z) -> dZ, both of Z's shape
KERNELS = {
    "sigmoid": (expit, _sigmoid_grad),
    "relu": (_relu, _relu_grad),
    "tanh": (np.tanh, _tanh_grad),
    "softmax": (_softmax_columns, _softmax_grad),
}


def sigmoid(Z):
    """Logistic sigmoid ``1 / (1 + exp(-Z))``, elementwise, without overflow for large ``|Z|``.

    Arguments:
    Z -- scalar or array_like of any shape, finite real numbers

    Returns:
    A -- ndarray of the same shape as Z, values in [0, 1]
    """
    return expit(_checked(Z, "Z"))


def relu(Z):
    """Rectified linear unit ``max(0, Z)``, elementwise.

    Arguments:
    Z -- scalar or array_like of any shape, finite real numbers

    Returns:
    A -- ndarray of the same shape as Z
    """
    return _relu(_checked(Z, "Z"))


def tanh(Z):
    """Hyperbolic tangent, elementwise (zero-centred, saturates at -1 and 1).

    Arguments:
    Z -- scalar or array_like of any shape, finite real numbers

    Returns:
    A -- ndarray of the same shape as Z, values in [-1, 1]
    """
    return np.tanh(_checked(Z, "Z"))


def softmax(Z):
    """Softmax over the classes of each example: column-wise for ``Z`` of shape ``(C, m)``.

    Shifting each column by its maximum before exponentiating keeps it finite for large logits.

    Arguments:
    Z -- array_like of shape (C, m): C class scores (logits) for each of m examples, finite

    Returns:
    A -- ndarray of shape (C, m); every column is non-negative and sums to 1
    """
    Z = _checked(Z, "Z")
    if Z.ndim != 2:
        raise ValueError(f"Z: expected a 2-D array of shape (C, m), found shape {Z.shape}")
    return _softmax_columns(Z)


def sigmoid_forward(Z):
    """Sigmoid activation of a layer: returns ``(A, cache)``, ``A`` of Z's shape, ``cache = Z``."""
    Z = _checked(Z, "Z")
    return expit(Z), Z


def relu_forward(Z):
    """ReLU activation of a layer: returns ``(A, cache)``, ``A`` of Z's shape, ``cache = Z``."""
    Z = _checked(Z, "Z")
    return _relu(Z), Z


def tanh_forward(Z):
    """Tanh activation of a layer: returns ``(A, cache)``, ``A`` of Z's shape, ``cache = Z``."""
    Z = _checked(Z, "Z")
    return np.tanh(Z), Z


def softmax_forward(Z):
    """Softmax activation of an output layer: returns ``(A, cache)``, ``A`` of shape (C, m), ``cache = Z``."""
    Z = _checked(Z, "Z")
    return softmax(Z), Z


def sigmoid_backward(dA, cache):
    """Backward pass of the sigmoid: ``dZ = dA * s * (1 - s)`` with ``s = sigmoid(Z)``.

    Arguments:
    dA -- upstream gradient dJ/dA, shape (n^[l], m)
    cache -- Z from sigmoid_forward, same shape as dA

    Returns:
    dZ -- gradient dJ/dZ, same shape as Z
    """
    return _sigmoid_grad(*_checked_pair(dA, cache))


def relu_backward(dA, cache):
    """Backward pass of ReLU: ``dZ = dA`` where ``Z > 0``, else 0.

    Arguments:
    dA -- upstream gradient dJ/dA, shape (n^[l], m)
    cache -- Z from relu_forward, same shape as dA

    Returns:
    dZ -- gradient dJ/dZ, same shape as Z
    """
    return _relu_grad(*_checked_pair(dA, cache))


def tanh_backward(dA, cache):
    """Backward pass of tanh: ``dZ = dA * (1 - tanh(Z)^2)``.

    Arguments:
    dA -- upstream gradient dJ/dA, shape (n^[l], m)
    cache -- Z from tanh_forward, same shape as dA

    Returns:
    dZ -- gradient dJ/dZ, same shape as Z
    """
    return _tanh_grad(*_checked_pair(dA, cache))


def softmax_backward(dA, cache):
    """Backward pass of softmax for any upstream gradient: ``dZ = A * (dA - sum over classes of dA * A)``.

    Each output of a softmax column depends on every score of that column, so ``dZ`` is the product of
    the column's Jacobian ``diag(a) - a a^T`` with ``dA``. Followed by the cross-entropy cost it
    simplifies to ``dZ = A - Y`` (see utils.layers.softmax_output_backward, which uses that directly).

    Arguments:
    dA -- upstream gradient dJ/dA, shape (C, m)
    cache -- Z from softmax_forward, shape (C, m)

    Returns:
    dZ -- gradient dJ/dZ, shape (C, m)
    """
    dA, Z = _checked_pair(dA, cache)
    if Z.ndim != 2:
        raise ValueError(f"cache (Z): expected a 2-D array of shape (C, m), found shape {Z.shape}")
    return _softmax_grad(dA, Z)
