"""Activation functions, vectorized and numerically stable, with the course's layer contract.

``g(Z)`` returns ``A`` only; ``g_forward(Z)`` returns ``(A, cache)`` with ``cache = Z``; and
``g_backward(dA, cache)`` returns ``dZ = dA * g'(Z)``. ``Z``, ``A``, ``dA`` and ``dZ`` all have the
shape ``(n^[l], m)`` for a dense layer (any shape works: everything is elementwise, except softmax).
"""

import numpy as np
from scipy.special import expit

from utils.validation import as_float_array, check_same_shape


def sigmoid(Z):
    """Logistic sigmoid ``1 / (1 + exp(-Z))``, elementwise, without overflow for large ``|Z|``.

    Arguments:
    Z -- scalar or array_like of any shape

    Returns:
    A -- ndarray of the same shape as Z, values in [0, 1]
    """
    return expit(as_float_array(Z, "Z"))


def relu(Z):
    """Rectified linear unit ``max(0, Z)``, elementwise.

    Arguments:
    Z -- scalar or array_like of any shape

    Returns:
    A -- ndarray of the same shape as Z
    """
    return np.maximum(as_float_array(Z, "Z"), 0.0)


def tanh(Z):
    """Hyperbolic tangent, elementwise (zero-centred, saturates at -1 and 1).

    Arguments:
    Z -- scalar or array_like of any shape

    Returns:
    A -- ndarray of the same shape as Z, values in [-1, 1]
    """
    return np.tanh(as_float_array(Z, "Z"))


def softmax(Z):
    """Softmax over the classes of each example: column-wise for ``Z`` of shape ``(C, m)``.

    Shifting each column by its maximum before exponentiating keeps it finite for large logits.

    Arguments:
    Z -- array_like of shape (C, m): C class scores (logits) for each of m examples

    Returns:
    A -- ndarray of shape (C, m); every column is non-negative and sums to 1
    """
    Z = as_float_array(Z, "Z")
    if Z.ndim != 2:
        raise ValueError(f"Z: expected a 2-D array of shape (C, m), found shape {Z.shape}")
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def sigmoid_forward(Z):
    """Sigmoid activation of a layer: returns ``(A, cache)``, ``A`` of Z's shape, ``cache = Z``."""
    Z = as_float_array(Z, "Z")
    return sigmoid(Z), Z


def relu_forward(Z):
    """ReLU activation of a layer: returns ``(A, cache)``, ``A`` of Z's shape, ``cache = Z``."""
    Z = as_float_array(Z, "Z")
    return relu(Z), Z


def tanh_forward(Z):
    """Tanh activation of a layer: returns ``(A, cache)``, ``A`` of Z's shape, ``cache = Z``."""
    Z = as_float_array(Z, "Z")
    return tanh(Z), Z


def softmax_forward(Z):
    """Softmax activation of an output layer: returns ``(A, cache)``, ``A`` of shape (C, m), ``cache = Z``."""
    Z = as_float_array(Z, "Z")
    return softmax(Z), Z


def sigmoid_backward(dA, cache):
    """Backward pass of the sigmoid: ``dZ = dA * s * (1 - s)`` with ``s = sigmoid(Z)``.

    Arguments:
    dA -- upstream gradient dJ/dA, shape (n^[l], m)
    cache -- Z from sigmoid_forward, same shape as dA

    Returns:
    dZ -- gradient dJ/dZ, same shape as Z
    """
    dA, Z = as_float_array(dA, "dA"), as_float_array(cache, "cache (Z)")
    check_same_shape(dA, "dA", Z, "cache (Z)")
    s = sigmoid(Z)
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """Backward pass of ReLU: ``dZ = dA`` where ``Z > 0``, else 0.

    Arguments:
    dA -- upstream gradient dJ/dA, shape (n^[l], m)
    cache -- Z from relu_forward, same shape as dA

    Returns:
    dZ -- gradient dJ/dZ, same shape as Z
    """
    dA, Z = as_float_array(dA, "dA"), as_float_array(cache, "cache (Z)")
    check_same_shape(dA, "dA", Z, "cache (Z)")
    return np.where(Z > 0, dA, 0.0)


def tanh_backward(dA, cache):
    """Backward pass of tanh: ``dZ = dA * (1 - tanh(Z)^2)``.

    Arguments:
    dA -- upstream gradient dJ/dA, shape (n^[l], m)
    cache -- Z from tanh_forward, same shape as dA

    Returns:
    dZ -- gradient dJ/dZ, same shape as Z
    """
    dA, Z = as_float_array(dA, "dA"), as_float_array(cache, "cache (Z)")
    check_same_shape(dA, "dA", Z, "cache (Z)")
    return dA * (1 - np.tanh(Z) ** 2)


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
    dA, Z = as_float_array(dA, "dA"), as_float_array(cache, "cache (Z)")
    check_same_shape(dA, "dA", Z, "cache (Z)")
    A = softmax(Z)
    return A * (dA - np.sum(dA * A, axis=0, keepdims=True))
