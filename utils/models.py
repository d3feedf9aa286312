"""The L-layer classifier [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (binary) or -> SOFTMAX
(C classes), built from utils.layers.

Parameters are a dict ``{"W1", "b1", ..., "WL", "bL"}`` with ``W^[l]`` of shape ``(n^[l], n^[l-1])``
and ``b^[l]`` of shape ``(n^[l], 1)``; ``X`` is ``(n_x, m)``; ``Y`` and ``AL`` are ``(1, m)`` for the
sigmoid output, ``(C, m)`` (one-hot labels, class probabilities) for the softmax output. The loop over
layers is explicit (as in the course); each layer is vectorized over the m examples.
"""

import numpy as np

from utils.layers import linear_activation_backward, linear_activation_forward, softmax_output_backward
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


def _check_output(output):
    if output not in ("sigmoid", "softmax"):
        raise ValueError(f"output: expected 'sigmoid' or 'softmax', found {output!r}")


def L_model_forward(X, parameters, output="sigmoid"):
    """Forward pass through [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (or -> SOFTMAX).

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (shapes in the module doc)
    output -- activation of the last layer: "sigmoid" (binary) or "softmax" (C = n^[L] classes)

    Returns:
    AL -- output probabilities, shape (1, m) for the sigmoid, (C, m) for the softmax (n^[L], m in general)
    caches -- list of L caches ((A_prev, W, b), Z); caches[l - 1] belongs to layer l
    """
    _check_output(output)
    L = number_of_layers(parameters)
    caches = []
    A = X
    for l in range(1, L):
        A, cache = _in_layer(l, linear_activation_forward, A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
        caches.append(cache)
    AL, cache = _in_layer(L, linear_activation_forward, A, parameters[f"W{L}"], parameters[f"b{L}"], output)
    caches.append(cache)
    return AL, caches


def L_model_backward(AL, Y, caches, output="sigmoid"):
    """Backward pass of the cross-entropy cost through the whole network, last layer first.

    Arguments:
    AL -- output of L_model_forward, shape (1, m) (sigmoid) or (C, m) (softmax)
    Y -- true labels: 0/1 of shape (1, m) (sigmoid), one-hot of shape (C, m) (softmax)
    caches -- list of L caches from L_model_forward
    output -- the activation of the last layer used in the forward pass: "sigmoid" or "softmax"

    Returns:
    grads -- dict with, for l = 1..L: "dWl" (n^[l], n^[l-1]), "dbl" (n^[l], 1), and
             "dA{l-1}" (n^[l-1], m), the gradient with respect to the layer's input
    """
    L = len(caches)
    if L == 0:
        raise ValueError("caches: expected one cache per layer, found an empty list")
    _check_output(output)
    grads = {}
    if output == "softmax":     # softmax and cross-entropy together: dZ = AL - Y (no dAL needed)
        dA, grads[f"dW{L}"], grads[f"db{L}"] = _in_layer(L, softmax_output_backward, AL, Y, caches[L - 1])
        grads[f"dA{L - 1}"] = dA
        top, activation = L - 1, "relu"        # the ReLU layers below are left
    else:
        dA, top, activation = compute_cost_gradient(AL, Y), L, "sigmoid"
    for l in range(top, 0, -1):
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
    return {key: parameters[key] - learning_rate * gradient_of(parameters, grads, key)
            for key in parameter_keys(parameters)}


def parameter_keys(parameters):
    """The keys of ``parameters`` in the course's order, after checking them: W1, b1, W2, b2, ..., WL, bL.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"}

    Returns:
    keys -- list of str of length 2 L
    """
    return [f"{p}{l}" for l in range(1, number_of_layers(parameters) + 1) for p in "Wb"]


def gradient_of(parameters, grads, key, name="grads"):
    """``grads["d" + key]`` after checking that it exists and has the shape of ``parameters[key]``.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"}
    grads -- dict with "dW1", "db1", ..., shaped like the parameters (gradients, or a velocity v, s)
    key -- str, a key of parameters such as "W2"
    name -- the name of the grads argument, used in the error message

    Returns:
    gradient -- ndarray of the shape of parameters[key]
    """
    if not isinstance(grads, dict) or f"d{key}" not in grads:
        raise KeyError(f"{name}: missing 'd{key}' (the entry that belongs to parameters['{key}'])")
    if np.shape(grads[f"d{key}"]) != np.shape(parameters[key]):
        raise ValueError(f"{name}['d{key}']: expected shape {np.shape(parameters[key])} (that of parameters['{key}']), "
                         f"found {np.shape(grads[f'd{key}'])}")
    return grads[f"d{key}"]


def predict(X, parameters, output="sigmoid"):
    """Predicted labels: for the sigmoid output 1 where the network's probability is above 0.5, else 0;
    for the softmax output the most probable class of each example.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} of a trained network
    output -- activation of the last layer: "sigmoid" or "softmax"

    Returns:
    predictions -- int ndarray of shape (1, m): 0/1 (sigmoid) or class indices 0..C-1 (softmax)
    """
    AL, _ = L_model_forward(X, parameters, output)
    if output == "softmax":
        return np.argmax(AL, axis=0).reshape(1, -1)
    return (AL > 0.5).astype(int)
