"""The public tests of C1_W4_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes; the solutions agree with the library (utils.layers, utils.models) they teach."""


import numpy as np
import pytest

from utils import initializers, layers, losses, models
from utils.activations import relu_backward, relu_forward, sigmoid_backward, sigmoid_forward
from utils.grading import c1_w4_a1 as tests

from tests.conftest import public_test_suite

STEM = "C1_W4_A1"


# ---------------------------------------------------------------- broken variants

def _init_w2_first(n_x, n_h, n_y):
    np.random.seed(1)
    W2 = np.random.randn(n_y, n_h) * 0.01
    W1 = np.random.randn(n_h, n_x) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def _init_unscaled(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}


def _init_transposed(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_h, n_y) * 0.01, "b2": np.zeros((n_y, 1))}


def _deep(layer_dims, seed=3, scale=0.01, last=0, transpose=False, rank1_bias=False):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims) + last):
        shape = (layer_dims[l - 1], layer_dims[l]) if transpose else (layer_dims[l], layer_dims[l - 1])
        parameters[f"W{l}"] = np.random.randn(*shape) * scale
        parameters[f"b{l}"] = np.zeros(layer_dims[l]) if rank1_bias else np.zeros((layer_dims[l], 1))
    return parameters


def _laf(A_prev, W, b, activation, swap=False, flat_cache=False, reversed_cache=False):
    Z, linear_cache = layers.linear_forward(A_prev, W, b)
    use_sigmoid = (activation == "sigmoid") != swap
    A, activation_cache = sigmoid_forward(Z) if use_sigmoid else relu_forward(Z)
    if flat_cache:
        return A, linear_cache
    return A, (activation_cache, linear_cache) if reversed_cache else (linear_cache, activation_cache)


def _forward(X, parameters, hidden="relu", output="sigmoid", drop_last_cache=False, from_input=False):
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = layers.linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden)
        caches.append(cache)
    if from_input and L > 1:
        A = X  # the output layer fed the input instead of the last hidden layer
    AL, cache = layers.linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], output)
    if not drop_last_cache:
        caches.append(cache)
    return AL, caches


def _linear_backward(dZ, cache, mean_dW=True, keepdims=True, transpose_dW=False, mean_dA=False):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (A_prev @ dZ.T if transpose_dW else dZ @ A_prev.T) / (m if mean_dW else 1)
    db = np.sum(dZ, axis=1, keepdims=keepdims) / m
    dA_prev = W.T @ dZ / (m if mean_dA else 1)
    return dA_prev, dW, db


def _lab(dA, cache, activation, swap=False, no_derivative=False):
    linear_cache, Z = cache
    if no_derivative:
        dZ = dA
    elif (activation == "relu") != swap:
        dZ = relu_backward(dA, Z)
    else:
        dZ = sigmoid_backward(dA, Z)
    return layers.linear_backward(dZ, linear_cache)


def _backward(AL, Y, caches, sign=-1, output="sigmoid", cache_of=lambda l, L: l, key_shift=0, reuse_dAL=False):
    grads, L = {}, len(caches)
    dAL = sign * (Y / AL - (1 - Y) / (1 - AL))
    dA, grads[f"dW{L}"], grads[f"db{L}"] = layers.linear_activation_backward(dAL, caches[L - 1], output)
    grads[f"dA{L - 1 + key_shift}"] = dA
    for l in reversed(range(L - 1)):
        upstream = dAL if reuse_dAL else grads[f"dA{l + 1 + key_shift}"]
        dA, dW, db = layers.linear_activation_backward(upstream, caches[cache_of(l, L)], "relu")
        grads[f"dA{l + key_shift}"], grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = dA, dW, db
    return grads


def _update_in_place(params, grads, learning_rate):
    for key in params:
        params[key] -= learning_rate * grads["d" + key]
    return params


def _update(params, grads, learning_rate, sign=-1, weights_only=False):
    return {k: v if (weights_only and k[0] == "b") else v + sign * learning_rate * grads["d" + k]
            for k, v in params.items()}


MISTAKES = {
    "initialize_parameters": [
        _init_w2_first,                                                          # draws W2 before W1
        _init_unscaled,                                                          # forgot * 0.01
        _init_transposed,                                                        # W of shape (n^[l-1], n^[l])
        lambda n_x, n_h, n_y: {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
                               "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))},  # zero weights
    ],
    "initialize_parameters_deep": [
        lambda layer_dims: _deep(layer_dims, last=-1),                           # loop stops before layer L
        lambda layer_dims: _deep(layer_dims, scale=1.0),                         # forgot * 0.01
        lambda layer_dims: _deep(layer_dims, transpose=True),                    # transposed weights
        lambda layer_dims: _deep(layer_dims, rank1_bias=True),                   # b of shape (n,)
        lambda layer_dims: _deep(layer_dims, seed=1),                            # wrong seed
    ],
    "linear_forward": [
        lambda A_prev, W, b: (W @ A_prev, (A_prev, W, b)),                       # forgot b
        lambda A_prev, W, b: ((A_prev.T @ W.T + b.T), (A_prev, W, b)),           # transposed product
        lambda A_prev, W, b: (W @ A_prev + b, (W, A_prev, b)),                   # cache in the wrong order
        lambda A_prev, W, b: (W @ A_prev + b, (A_prev, W)),                      # incomplete cache
    ],
    "linear_activation_forward": [
        lambda A_prev, W, b, activation: _laf(A_prev, W, b, activation, swap=True),            # activations swapped
        lambda A_prev, W, b, activation: _laf(A_prev, W, b, activation, flat_cache=True),      # only the linear cache
        lambda A_prev, W, b, activation: _laf(A_prev, W, b, activation, reversed_cache=True),  # cache pair reversed
        lambda A_prev, W, b, activation: _laf(A_prev, W, b, "relu"),                           # always ReLU
    ],
    "L_model_forward": [
        lambda X, parameters: _forward(X, parameters, output="relu"),           # ReLU at the output
        lambda X, parameters: _forward(X, parameters, hidden="sigmoid"),        # sigmoid in hidden layers
        lambda X, parameters: _forward(X, parameters, drop_last_cache=True),    # last cache not appended
        lambda X, parameters: _forward(X, parameters, from_input=True),         # output layer fed X
    ],
    "compute_cost": [
        lambda AL, Y: float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))),             # forgot 1/m
        lambda AL, Y: float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1]),  # lost the minus
        lambda AL, Y: float(-np.sum(Y * np.log(AL)) / Y.shape[1]),                          # forgot the y=0 term
        lambda AL, Y: -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / Y.shape[1],  # (1, 1) array
    ],
    "linear_backward": [
        lambda dZ, cache: _linear_backward(dZ, cache, mean_dW=False),           # forgot 1/m in dW
        lambda dZ, cache: _linear_backward(dZ, cache, keepdims=False),          # db without keepdims
        lambda dZ, cache: _linear_backward(dZ, cache, transpose_dW=True),       # dW transposed
        lambda dZ, cache: _linear_backward(dZ, cache, mean_dA=True),            # 1/m in dA_prev too
    ],
    "linear_activation_backward": [
        lambda dA, cache, activation: _lab(dA, cache, activation, swap=True),           # wrong derivative
        lambda dA, cache, activation: _lab(dA, cache, activation, no_derivative=True),  # skipped g'(Z)
        lambda dA, cache, activation: _lab(dA, cache, "relu"),                          # always ReLU's
    ],
    "L_model_backward": [
        lambda AL, Y, caches: _backward(AL, Y, caches, sign=1),                           # dAL sign error
        lambda AL, Y, caches: _backward(AL, Y, caches, output="relu"),                    # ReLU at the output
        lambda AL, Y, caches: _backward(AL, Y, caches, cache_of=lambda l, L: l + 1),      # cache of the wrong layer
        lambda AL, Y, caches: _backward(AL, Y, caches, key_shift=1),                      # dA keys off by one
        lambda AL, Y, caches: _backward(AL, Y, caches, reuse_dAL=True),                   # dAL fed to every layer
    ],
    "update_parameters": [
        _update_in_place,                                                       # mutates params
        lambda params, grads, learning_rate: _update(params, grads, learning_rate, sign=1),  # gradient ascent
        lambda params, grads, learning_rate: _update(params, grads, learning_rate, weights_only=True),  # b not updated
        lambda params, grads, learning_rate: _update(params, grads, 1.0),      # ignores the learning rate
    ],
}


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(99)
    X, Y = rs.randn(6, 7), (rs.rand(1, 7) > 0.4).astype(int)
    params = {k: v + rs.randn(*v.shape) * 0.3 for k, v in initializers.initialize_parameters_deep([6, 5, 3, 1], rng=4).items()}

    for k, v in initializers.initialize_parameters_deep([6, 5, 3, 1], rng=3).items():
        np.testing.assert_array_equal(ns["initialize_parameters_deep"]([6, 5, 3, 1])[k], v)
    for k, v in initializers.initialize_parameters(6, 4, 1, rng=1).items():
        np.testing.assert_array_equal(ns["initialize_parameters"](6, 4, 1)[k], v)

    AL, caches = ns["L_model_forward"](X, params)
    AL_lib, caches_lib = models.L_model_forward(X, params)
    np.testing.assert_allclose(AL, AL_lib, rtol=1e-13)
    assert ns["compute_cost"](AL, Y) == pytest.approx(losses.compute_cost(AL_lib, Y), rel=1e-13)
    grads, grads_lib = ns["L_model_backward"](AL, Y, caches), models.L_model_backward(AL_lib, Y, caches_lib)
    assert sorted(grads) == sorted(grads_lib)
    for k in grads:
        np.testing.assert_allclose(grads[k], grads_lib[k], rtol=1e-12, atol=1e-15)
    new, new_lib = ns["update_parameters"](params, grads, 0.3), models.update_parameters(params, grads_lib, 0.3)
    for k in new_lib:
        np.testing.assert_allclose(new[k], new_lib[k], rtol=1e-13)


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
