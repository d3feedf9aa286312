"""The L-layer classifier [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (binary) or -> SOFTMAX
(C classes), built from utils.layers.

Parameters are a dict ``{"W1", "b1", ..., "WL", "bL"}`` with ``W^[l]`` of shape ``(n^[l], n^[l-1])``
and ``b^[l]`` of shape ``(n^[l], 1)``; ``X`` is ``(n_x, m)``; ``Y`` and ``AL`` are ``(1, m)`` for the
sigmoid output, ``(C, m)`` (one-hot labels, class probabilities) for the softmax output. The loop over
layers is explicit (as in the course); each layer is vectorized over the m examples.
"""

from functools import lru_cache

import numpy as np

from utils.activations import KERNELS
from utils.layers import _layer_forward, _linear_backward, _parameter_gradients
from utils.losses import _binary_cost_gradient, _checked as _checked_labels
from utils.validation import as_float_array, check_finite, check_nonempty, check_shape


@lru_cache(maxsize=None)
def _course_keys(L):
    """The keys of an L-layer network in the course's order, ``("W1", "b1", ..., "WL", "bL")``, and as a set."""
    keys = tuple(f"{p}{l}" for l in range(1, L + 1) for p in "Wb")
    return keys, frozenset(keys)


def number_of_layers(parameters):
    """L, the number of layers of ``parameters`` (keys W1, b1, ..., WL, bL), after checking the keys.

    Arguments:
    parameters -- dict {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL", "bL"}

    Returns:
    L -- int >= 1; TypeError if parameters is not a dict, KeyError naming a missing key (L is the highest
         layer number among the keys), ValueError for a key that is not Wl or bl
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters: expected a dict with keys W1, b1, ..., found {type(parameters).__name__}")
    L = len(parameters) // 2
    if L >= 1 and parameters.keys() == _course_keys(L)[1]:   # the usual case: a set comparison, no names built
        return L
    layer_keys = [k for k in parameters
                  if isinstance(k, str) and k[:1] in ("W", "b") and k[1:].isdigit() and int(k[1:]) > 0]
    L = max((int(k[1:]) for k in layer_keys), default=0)
    missing = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb" if f"{p}{l}" not in parameters]
    if L == 0 or len(layer_keys) != len(parameters):
        raise ValueError(f"parameters: expected the keys W1, b1, ..., WL, bL, found {sorted(map(str, parameters))}")
    raise KeyError(f"parameters: missing '{missing[0]}' (expected the keys W1, b1, ..., W{L}, b{L}, "
                   f"found {sorted(parameters)})")


def _checked_layers(parameters, n_x):
    """``[(W1, b1), ..., (WL, bL)]`` after checking every shape against the layer below (n^[0] = n_x)."""
    keys = parameter_keys(parameters)
    layers = [(parameters[w_key], parameters[b_key]) for w_key, b_key in zip(keys[::2], keys[1::2])]
    n_prev = n_x
    for W, b in layers:   # the usual case, tested with attribute reads only (this runs at every training step)
        if not (type(W) is np.ndarray and type(b) is np.ndarray and W.dtype.kind == "f" and b.dtype.kind == "f"
                and W.ndim == 2 and W.shape[1] == n_prev and b.shape == (W.shape[0], 1)):
            break
        n_prev = W.shape[0]
    else:
        return layers
    layers, n_prev = [], n_x
    for l in range(1, len(keys) // 2 + 1):
        W = as_float_array(parameters[f"W{l}"], f"parameters['W{l}']")
        b = as_float_array(parameters[f"b{l}"], f"parameters['b{l}']")
        check_shape(W, f"parameters['W{l}']", (None, n_prev))
        check_shape(b, f"parameters['b{l}']", (W.shape[0], 1))
        layers.append((W, b))
        n_prev = W.shape[0]
    return layers


def _check_output(output):
    if output not in ("sigmoid", "softmax"):
        raise ValueError(f"output: expected 'sigmoid' or 'softmax', found {output!r}")


def L_model_forward(X, parameters, output="sigmoid"):
    """Forward pass through [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (or -> SOFTMAX).

    The arguments are checked once per call (shapes, layer by layer). NaN and inf are looked for in each
    layer's Z, which is much smaller than X; only when one is not finite are the inputs searched to name
    the culprit, so a training loop does not pay for a pass over X at every step.

    Arguments:
    X -- input data, shape (n_x, m), finite
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (shapes in the module doc), finite
    output -- activation of the last layer: "sigmoid" (binary) or "softmax" (C = n^[L] classes)

    Returns:
    AL -- output probabilities, shape (1, m) for the sigmoid, (C, m) for the softmax (n^[L], m in general)
    caches -- list of L caches ((A_prev, W, b), Z); caches[l - 1] belongs to layer l
    """
    _check_output(output)
    X = as_float_array(X, "X")
    check_shape(X, "X", (None, None))
    check_nonempty(X, "X")
    layers = _checked_layers(parameters, X.shape[0])
    relu, g_out = KERNELS["relu"][0], KERNELS[output][0]
    caches, A = [], X
    for l, (W, b) in enumerate(layers, start=1):
        A, cache = _layer_forward(A, W, b, g_out if l == len(layers) else relu)
        if not np.isfinite(cache[1]).all():
            _name_the_non_finite_input(X, parameters, l)
        caches.append(cache)
    return A, caches


def _name_the_non_finite_input(X, parameters, l):
    """Raise a ValueError naming the first of X, W1, b1, ... that holds NaN or inf (or saying none does)."""
    check_finite(X, "X")
    for key in parameter_keys(parameters):
        check_finite(parameters[key], f"parameters['{key}']")
    raise ValueError(f"Z{l}: the forward pass overflowed to inf or NaN in layer {l} from finite X and parameters: "
                     "the weights have grown too large (training diverged; try a smaller learning rate)")


def L_model_backward(AL, Y, caches, output="sigmoid", *, input_gradient=True):
    """Backward pass of the cross-entropy cost through the whole network, last layer first.

    Arguments:
    AL -- output of L_model_forward, shape (1, m) (sigmoid) or (C, m) (softmax)
    Y -- true labels: 0/1 of shape (1, m) (sigmoid), one-hot of shape (C, m) (softmax)
    caches -- list of L caches from L_model_forward
    output -- the activation of the last layer used in the forward pass: "sigmoid" or "softmax"
    input_gradient -- False leaves out "dA0", the gradient with respect to X: training never uses it, and
                      its product W1^T dZ1 is the largest of the pass when n_x is large (784 pixels)

    Returns:
    grads -- dict with, for l = 1..L: "dWl" (n^[l], n^[l-1]), "dbl" (n^[l], 1), and
             "dA{l-1}" (n^[l-1], m), the gradient with respect to the layer's input ("dA0" only
             if input_gradient)
    """
    _check_output(output)
    AL, Y = _checked_labels(AL, Y)
    L = _check_caches(caches, AL.shape)
    relu_grad = KERNELS["relu"][1]
    grads = {}
    if output == "softmax":     # softmax and cross-entropy together: dZ = AL - Y (no dAL needed)
        dZ = AL - Y
    else:
        dZ = KERNELS["sigmoid"][1](_binary_cost_gradient(AL, Y), caches[L - 1][1])
    for l in range(L, 1, -1):
        (A_prev, W, _), _ = caches[l - 1]
        dA, grads[f"dW{l}"], grads[f"db{l}"] = _linear_backward(dZ, A_prev, W)
        grads[f"dA{l - 1}"] = dA
        dZ = relu_grad(dA, caches[l - 2][1])
    (X, W1, _), _ = caches[0]
    if input_gradient:
        dA0, grads["dW1"], grads["db1"] = _linear_backward(dZ, X, W1)
        grads["dA0"] = dA0
    else:
        grads["dW1"], grads["db1"] = _parameter_gradients(dZ, X)
    return grads


def _check_caches(caches, output_shape):
    """L, after checking that ``caches`` is the list of L layer caches of a forward pass giving ``output_shape``."""
    if not isinstance(caches, (list, tuple)):
        raise TypeError("caches: expected the list of layer caches from L_model_forward, "
                        f"found {type(caches).__name__}")
    if len(caches) == 0:
        raise ValueError("caches: expected the list of layer caches from L_model_forward, found an empty list")
    Z_shape = None
    for l, cache in enumerate(caches, start=1):
        try:
            (A_prev, W, _), Z = cache
            fits = A_prev.shape[0] == W.shape[1] and Z.shape == (W.shape[0], A_prev.shape[1])
        except (TypeError, ValueError, IndexError, AttributeError):
            raise TypeError(f"caches[{l - 1}]: expected the tuple ((A_prev, W, b), Z) of 2-D arrays of layer {l} "
                            f"from L_model_forward, found {type(cache).__name__}") from None
        if not fits:
            raise ValueError(f"caches[{l - 1}]: the shapes of A_prev {A_prev.shape}, W {W.shape} and Z "
                             f"{Z.shape} do not fit together")
        if Z_shape is not None and A_prev.shape != Z_shape:
            raise ValueError(f"caches[{l - 1}]: expected A_prev of the shape of layer {l - 1}'s Z, {Z_shape}, "
                             f"found {A_prev.shape}")
        Z_shape = Z.shape
    if Z_shape != tuple(output_shape):
        raise ValueError(f"AL: expected the shape of the last layer's Z, {Z_shape}, found {tuple(output_shape)}")
    return len(caches)


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent, ``W^[l] - learning_rate * dW^[l]``, into a NEW dict.

    The step Course 2 calls update_parameters_with_gd (utils.optimizers), which does it and checks the
    arguments (keys, shapes, dtypes, a finite learning rate; NaN or inf named by the input that holds it).

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (not modified)
    grads -- dict with at least "dW1", "db1", ..., "dWL", "dbL", shaped like the parameters
    learning_rate -- float, the step size alpha

    Returns:
    parameters -- new dict of updated arrays, same keys and shapes
    """
    from utils.optimizers import update_parameters_with_gd  # imported here: utils.optimizers builds on this module
    return update_parameters_with_gd(parameters, grads, learning_rate)


def parameter_keys(parameters):
    """The keys of ``parameters`` in the course's order, after checking them: W1, b1, W2, b2, ..., WL, bL.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"}

    Returns:
    keys -- tuple of str of length 2 L
    """
    return _course_keys(number_of_layers(parameters))[0]


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
    for arg, value in (("parameters", parameters), (name, grads)):
        if not isinstance(value, dict):
            raise TypeError(f"{arg}: expected a dict, found {type(value).__name__}")
    if f"d{key}" not in grads:
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
