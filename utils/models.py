"""The L-layer binary classifier [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID, built from utils.layers.

Parameters are a dict ``{"W1", "b1", ..., "WL", "bL"}`` with ``W^[l]`` of shape ``(n^[l], n^[l-1])``
and ``b^[l]`` of shape ``(n^[l], 1)``; ``X`` is ``(n_x, m)``, ``Y`` and ``AL`` are ``(1, m)``. The loop
over layers is explicit (as in the course); each layer is vectorized over the m examples.
"""

import numpy as np

from utils.layers import linear_activation_backward, linear_activation_forward
from utils.losses import compute_cost_gradient


def number_of_layers(parameters):
    """L, the number of layers of ``parameters`` (keys W1, b1, ..., WL, bL), after checking the keys.

    Arguments:
    parameters -- dict {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL", "bL"}

    Returns:
    L -- int >= 1
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters: expected a dict with keys W1, b1, ..., found {type(parameters).__name__}")
    L = len(parameters) // 2
    expected = {f"{p}{l}" for l in range(1, L + 1) for p in "Wb"}
    if L == 0 or set(parameters) != expected:
        raise ValueError(f"parameters: expected the keys W1, b1, ..., WL, bL, found {sorted(parameters)}")
    return L


def _in_layer(l, step, *args):
    """Run one layer's ``step`` (forward or backward); a shape error also names the layer."""
    try:
        return step(*args)
    except ValueError as err:
        raise ValueError(f"layer {l} (W{l}, b{l}): {err}") from err


def L_model_forward(X, parameters):
    """Forward pass through [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (shapes in the module doc)

    Returns:
    AL -- output probabilities, shape (1, m) (n^[L], m in general)
    caches -- list of L caches ((A_prev, W, b), Z); caches[l - 1] belongs to layer l
    """
    L = number_of_layers(parameters)
    caches = []
    A = X
    for l in range(1, L):
        A, cache = _in_layer(l, linear_activation_forward, A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = _in_layer(L, linear_activation_forward, A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


def L_model_backward(AL, Y, caches):
    """Backward pass of the cross-entropy cost through the whole network, last layer first.

    Arguments:
    AL -- output of L_model_forward, shape (1, m)
    Y -- true labels 0/1, shape (1, m)
    caches -- list of L caches from L_model_forward

    Returns:
    grads -- dict with, for l = 1..L: "dWl" (n^[l], n^[l-1]), "dbl" (n^[l], 1), and
             "dA{l-1}" (n^[l-1], m), the gradient with respect to the layer's input
    """
    L = len(caches)
    if L == 0:
        raise ValueError("caches: expected one cache per layer, found an empty list")
    grads = {}
    dA = compute_cost_gradient(AL, Y)
    activation = "sigmoid"
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = _in_layer(l, linear_activation_backward, dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
        activation = "relu"
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent, ``W^[l] - learning_rate * dW^[l]``, into a NEW dict.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (not modified)
    grads -- dict with at least "dW1", "db1", ..., "dWL", "dbL", shaped like the parameters
    learning_rate -- float, the step size alpha

    Returns:
    parameters -- new dict of updated arrays, same keys and shapes
    """
    L = number_of_layers(parameters)
    updated = {}
    for l in range(1, L + 1):
        for p in "Wb":
            key, value = f"{p}{l}", parameters[f"{p}{l}"]
            if f"d{key}" not in grads:
                raise KeyError(f"grads: missing 'd{key}' (the gradient of parameters['{key}'])")
            if np.shape(grads[f"d{key}"]) != np.shape(value):
                raise ValueError(f"grads['d{key}']: expected shape {np.shape(value)} (that of parameters['{key}']), "
                                 f"found {np.shape(grads[f'd{key}'])}")
            updated[key] = value - learning_rate * grads[f"d{key}"]
    return updated


def predict(X, parameters):
    """Predicted labels: 1 where the network's probability is above 0.5, else 0.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} of a trained network

    Returns:
    predictions -- int ndarray of 0/1, shape (1, m)
    """
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int)
