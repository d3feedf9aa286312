"""Dense-layer building blocks: forward returns ``(out, cache)``, backward takes ``(dout, cache)``.

Shapes (course notation, one example per column): ``A_prev`` is ``(n^[l-1], m)``, ``W`` is
``(n^[l], n^[l-1])``, ``b`` is ``(n^[l], 1)``, ``Z`` and ``A`` are ``(n^[l], m)``. The caches keep the
course's nesting: a linear cache is ``(A_prev, W, b)``, a layer's cache is ``(linear_cache, Z)``.

The public functions check their arguments (real, finite, matching shapes) on every call. The unchecked
arithmetic behind them (``_layer_forward``, ``_linear_backward``, ``_parameter_gradients``) is shared
with utils.models, whose training loop checks the parameters once per call instead of once per layer.
"""

import numpy as np

from utils.activations import KERNELS
from utils.validation import as_float_array, as_real, check_finite, check_nonempty, check_same_shape, check_shape


def _checked(x, name):
    x = as_float_array(x, name)
    check_finite(x, name)
    return x


def _checked_linear_inputs(A_prev, W, b):
    A_prev, W, b = _checked(A_prev, "A_prev"), _checked(W, "W"), _checked(b, "b")
    check_shape(A_prev, "A_prev", (None, None))
    check_shape(W, "W", (None, A_prev.shape[0]))
    check_shape(b, "b", (W.shape[0], 1))
    return A_prev, W, b


def _unpacked(cache, length, expected):
    """``cache`` after checking that it is a tuple (or list) of ``length`` items; ``expected`` describes it."""
    if not isinstance(cache, (tuple, list)) or len(cache) != length:
        found = type(cache).__name__ + (f" of length {len(cache)}" if isinstance(cache, (tuple, list)) else "")
        raise TypeError(f"cache: expected the tuple {expected}, found {found}")
    return cache


def _linear_cache(cache):
    """The checked ``(A_prev, W, b)`` of a linear cache."""
    return _checked_linear_inputs(*_unpacked(cache, 3, "(A_prev, W, b) from linear_forward"))


def _layer_cache(cache):
    """``(A_prev, W, Z)`` of a layer cache ``((A_prev, W, b), Z)``, after checking it."""
    linear_cache, Z = _unpacked(cache, 2, "((A_prev, W, b), Z) from linear_activation_forward")
    A_prev, W, _ = _linear_cache(linear_cache)
    Z = _checked(Z, "cache (Z)")
    check_shape(Z, "cache (Z)", (W.shape[0], A_prev.shape[1]))
    return A_prev, W, Z


def _activation(name):
    if name not in KERNELS:
        raise ValueError(f"activation: expected one of {sorted(KERNELS)}, found {name!r}")
    return KERNELS[name]


def _layer_forward(A_prev, W, b, g):
    """Unchecked ``Z = W A_prev + b``, ``A = g(Z)``; returns ``(A, ((A_prev, W, b), Z))``, shapes as above."""
    Z = W @ A_prev
    Z += b
    return g(Z), ((A_prev, W, b), Z)


def _parameter_gradients(dZ, A_prev):
    """Unchecked ``(dW, db)`` from ``dZ`` (n^[l], m) and ``A_prev`` (n^[l-1], m), averaged over the m examples."""
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T
    dW /= m
    db = dZ.sum(axis=1, keepdims=True)   # the method: np.sum's dispatch costs as much as this small sum
    db /= m
    return dW, db


def _linear_backward(dZ, A_prev, W):
    """Unchecked ``(dA_prev, dW, db)`` from ``dZ`` (n^[l], m), ``A_prev`` (n^[l-1], m), ``W`` (n^[l], n^[l-1])."""
    return (W.T @ dZ, *_parameter_gradients(dZ, A_prev))


def linear_forward(A_prev, W, b):
    """Linear part of a layer, for all m examples at once: ``Z = W A_prev + b``.

    Arguments:
    A_prev -- activations of the previous layer (or the input X), shape (n^[l-1], m)
    W -- weights, shape (n^[l], n^[l-1])
    b -- biases, shape (n^[l], 1) (broadcast over the m columns)

    Returns:
    Z -- pre-activation, shape (n^[l], m)
    cache -- tuple (A_prev, W, b), kept for linear_backward
    """
    A_prev, W, b = _checked_linear_inputs(A_prev, W, b)
    Z = W @ A_prev + b
    return Z, (A_prev, W, b)


def linear_backward(dZ, cache):
    """Backward pass of the linear part of a layer, averaged over the m examples.

    ``dW = dZ A_prev^T / m``, ``db = sum of dZ over the examples / m``, ``dA_prev = W^T dZ``.

    Arguments:
    dZ -- gradient of the cost with respect to Z, shape (n^[l], m)
    cache -- tuple (A_prev, W, b) from linear_forward

    Returns:
    dA_prev -- gradient with respect to A_prev, shape (n^[l-1], m)
    dW -- gradient with respect to W, shape (n^[l], n^[l-1])
    db -- gradient with respect to b, shape (n^[l], 1)
    """
    A_prev, W, _ = _linear_cache(cache)
    dZ = _checked(dZ, "dZ")
    check_shape(dZ, "dZ", (W.shape[0], A_prev.shape[1]))
    check_nonempty(dZ, "dZ")
    return _linear_backward(dZ, A_prev, W)


def linear_activation_forward(A_prev, W, b, activation):
    """One whole layer forward: ``A = g(W A_prev + b)``.

    Arguments:
    A_prev -- activations of the previous layer (or X), shape (n^[l-1], m)
    W -- weights, shape (n^[l], n^[l-1])
    b -- biases, shape (n^[l], 1)
    activation -- "relu", "sigmoid", "tanh" or "softmax" (over the n^[l] units of each column)

    Returns:
    A -- activations of this layer, shape (n^[l], m)
    cache -- tuple ((A_prev, W, b), Z), kept for linear_activation_backward
    """
    g, _ = _activation(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    return g(Z), (linear_cache, Z)


def linear_activation_backward(dA, cache, activation):
    """One whole layer backward: ``dZ = dA * g'(Z)``, then linear_backward.

    Arguments:
    dA -- gradient of the cost with respect to this layer's A, shape (n^[l], m)
    cache -- tuple ((A_prev, W, b), Z) from linear_activation_forward
    activation -- the activation used in the forward pass: "relu", "sigmoid", "tanh" or "softmax"

    Returns:
    dA_prev -- gradient with respect to A_prev, shape (n^[l-1], m)
    dW -- gradient with respect to W, shape (n^[l], n^[l-1])
    db -- gradient with respect to b, shape (n^[l], 1)
    """
    _, g_grad = _activation(activation)
    A_prev, W, Z = _layer_cache(cache)
    dA = _checked(dA, "dA")
    check_same_shape(dA, "dA", Z, "cache (Z)")
    check_nonempty(dA, "dA")
    return _linear_backward(g_grad(dA, Z), A_prev, W)


def softmax_output_backward(AL, Y, cache):
    """Backward pass of a LINEAR -> SOFTMAX output layer under the categorical cross-entropy cost.

    For softmax followed by cross-entropy with one-hot labels the two derivatives collapse into
    ``dZ = AL - Y``; then linear_backward averages over the m examples as everywhere in the course:
    ``dW = dZ A_prev^T / m``, ``db = sum of dZ over the examples / m``, ``dA_prev = W^T dZ``.

    Arguments:
    AL -- softmax output of the layer, shape (C, m), each column a probability distribution
    Y -- one-hot labels, shape (C, m)
    cache -- tuple ((A_prev, W, b), Z) from linear_activation_forward(..., "softmax")

    Returns:
    dA_prev -- gradient with respect to A_prev, shape (n^[L-1], m)
    dW -- gradient with respect to W, shape (C, n^[L-1])
    db -- gradient with respect to b, shape (C, 1)
    """
    A_prev, W, Z = _layer_cache(cache)
    AL, Y = _checked(AL, "AL"), _checked(Y, "Y")
    check_shape(Y, "Y", (None, None))
    check_same_shape(AL, "AL", Y, "Y")
    check_same_shape(AL, "AL", Z, "cache (Z)")
    check_nonempty(AL, "AL")
    return _linear_backward(AL - Y, A_prev, W)


def batchnorm_forward(Z, gamma, beta, epsilon=1e-8):
    """Batch normalization of a layer's pre-activations over the m examples of the mini-batch.

    For every unit (row): ``mu`` and ``var`` are the mean and variance of its m values,
    ``Z_norm = (Z - mu) / sqrt(var + epsilon)`` and ``Z_tilde = gamma * Z_norm + beta``.

    Arguments:
    Z -- pre-activations of the mini-batch, shape (n^[l], m)
    gamma -- learned scale, shape (n^[l], 1)
    beta -- learned shift, shape (n^[l], 1)
    epsilon -- float > 0, keeps the division finite for a unit of zero variance

    Returns:
    Z_tilde -- normalized, rescaled pre-activations, shape (n^[l], m)
    cache -- tuple (Z_norm, gamma, inv_std) for batchnorm_backward: Z_norm (n^[l], m),
             gamma (n^[l], 1), inv_std = 1 / sqrt(var + epsilon) (n^[l], 1)
    """
    Z, gamma, beta = _checked(Z, "Z"), _checked(gamma, "gamma"), _checked(beta, "beta")
    check_shape(Z, "Z", (None, None))
    check_nonempty(Z, "Z")
    epsilon = as_real(epsilon, "epsilon", minimum=0, strict=True)
    check_shape(gamma, "gamma", (Z.shape[0], 1))
    check_shape(beta, "beta", (Z.shape[0], 1))
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.var(Z, axis=1, keepdims=True)
    inv_std = 1 / np.sqrt(var + epsilon)
    Z_norm = (Z - mu) * inv_std
    return gamma * Z_norm + beta, (Z_norm, gamma, inv_std)


def batchnorm_backward(dZ_tilde, cache):
    """Backward pass of batch normalization, averaged over the m examples like linear_backward.

    ``dZ_tilde`` is the gradient of the summed loss (as every dZ of the course); then
    ``dgamma = sum(dZ_tilde * Z_norm) / m`` and ``dbeta = sum(dZ_tilde) / m`` (over the examples) are the
    gradients of the mean cost, and, with ``dZ_norm = gamma * dZ_tilde``,
    ``dZ = inv_std * (dZ_norm - mean(dZ_norm) - Z_norm * mean(dZ_norm * Z_norm))`` (means over the
    examples): each example's gradient also flows through the batch mean and variance.

    Arguments:
    dZ_tilde -- upstream gradient, shape (n^[l], m)
    cache -- tuple (Z_norm, gamma, inv_std) from batchnorm_forward

    Returns:
    dZ -- gradient with respect to Z, shape (n^[l], m)
    dgamma -- gradient with respect to gamma, shape (n^[l], 1)
    dbeta -- gradient with respect to beta, shape (n^[l], 1)
    """
    Z_norm, gamma, inv_std = _unpacked(cache, 3, "(Z_norm, gamma, inv_std) from batchnorm_forward")
    dZ_tilde = _checked(dZ_tilde, "dZ_tilde")
    check_same_shape(dZ_tilde, "dZ_tilde", Z_norm, "cache (Z_norm)")
    check_nonempty(dZ_tilde, "dZ_tilde")
    m = Z_norm.shape[1]
    dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True) / m
    dbeta = np.sum(dZ_tilde, axis=1, keepdims=True) / m
    dZ_norm = gamma * dZ_tilde
    dZ = inv_std * (dZ_norm - np.mean(dZ_norm, axis=1, keepdims=True)
                    - Z_norm * np.mean(dZ_norm * Z_norm, axis=1, keepdims=True))
    return dZ, dgamma, dbeta
