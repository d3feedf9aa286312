"""The public tests of C1_W3_A1 pass on the notebook's solutions and fail on the stubs and on typical mistakes."""


import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.grading import c1_w3_a1 as tests

from tests.conftest import public_test_suite

STEM = "C1_W3_A1"


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _layer_sizes(X, Y, n_h=4, axis=0):
    return (X.shape[axis], n_h, Y.shape[axis])


def _initialize(n_x, n_h, n_y, seed=2, scale=0.01, w2_first=False, draw=np.random.randn, bias_shape=None):
    np.random.seed(seed)
    if w2_first:
        W2 = draw(n_y, n_h) * scale
        W1 = draw(n_h, n_x) * scale
    else:
        W1 = draw(n_h, n_x) * scale
        W2 = draw(n_y, n_h) * scale
    b1 = np.zeros(bias_shape(n_h) if bias_shape else (n_h, 1))
    b2 = np.zeros(bias_shape(n_y) if bias_shape else (n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def _forward(X, parameters, hidden=np.tanh, output=_sigmoid, with_b1=True):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = np.dot(W1, X) + (b1 if with_b1 else 0)
    A1 = hidden(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = output(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def _cost(A2, Y, scale=True, both_terms=True, squeeze=True):
    m = Y.shape[1]
    if not squeeze:
        return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
    logprobs = Y * np.log(A2) + ((1 - Y) * np.log(1 - A2) if both_terms else 0)
    return -float(np.sum(logprobs)) / (m if scale else 1)


def _backward(parameters, cache, X, Y, slope=lambda A1: 1 - A1 ** 2, keepdims=True, scale=True,
              transpose_w2=True):
    m = X.shape[1] if scale else 1
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=keepdims) / m
    dZ1 = np.dot(W2.T if transpose_w2 else W2, dZ2) * slope(A1)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=keepdims) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def _update(parameters, grads, learning_rate=1.2, in_place=False, sign=1, keys=("W1", "b1", "W2", "b2")):
    if in_place:
        for k in keys:
            parameters[k] -= learning_rate * grads["d" + k]
        return parameters
    new = dict(parameters)
    for k in keys:
        new[k] = parameters[k] - sign * learning_rate * grads["d" + k]
    return new


def _nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False, mistake=None):
    n_x, n_h_default, n_y = _layer_sizes(X, Y)
    parameters = _initialize(n_x, n_h_default if mistake == "ignores n_h" else n_h, n_y)
    rate = 1.2 if mistake == "ignores learning_rate" else learning_rate
    costs = []
    for i in range(num_iterations):
        A2, cache = _forward(X, parameters)
        cost = _cost(A2, Y)
        grads = _backward(parameters, cache, X, Y)
        if mistake != "no update":
            parameters = _update(parameters, grads, rate)
        if i % (1 if mistake == "cost every iteration" else 100) == 0:
            costs.append(cost)
    return parameters, costs


def _predict(parameters, X, strict=True, labels=True, flatten=False):
    A2, _ = _forward(X, parameters)
    if not labels:
        return A2
    predictions = ((A2 > 0.5) if strict else (A2 >= 0.5)).astype(int)
    return predictions.ravel() if flatten else predictions


MISTAKES = {
    "layer_sizes": [
        lambda X, Y: _layer_sizes(X, Y, axis=1),                            # examples instead of features
        lambda X, Y: _layer_sizes(X, Y, n_h=3),                             # wrong hidden size
        lambda X, Y: (X.shape[0], 4, X.shape[0]),                           # n_y from X
    ],
    "initialize_parameters": [
        lambda *a: _initialize(*a, scale=1.0),                               # forgot * 0.01
        lambda *a: _initialize(*a, w2_first=True),                           # draws in the wrong order
        lambda *a: _initialize(*a, draw=np.random.rand),                     # uniform instead of normal
        lambda *a: _initialize(*a, bias_shape=lambda n: n),                  # rank-1 biases
        lambda n_x, n_h, n_y: {k: v.T for k, v in _initialize(n_x, n_h, n_y).items()},  # transposed shapes
    ],
    "forward_propagation": [
        lambda X, p: _forward(X, p, hidden=_sigmoid),                       # sigmoid in the hidden layer
        lambda X, p: _forward(X, p, output=np.tanh),                        # tanh at the output
        lambda X, p: _forward(X, p, with_b1=False),                         # forgot b1
        lambda X, p: _forward(X, p)[0],                                      # forgot the cache
    ],
    "compute_cost": [
        lambda A2, Y: _cost(A2, Y, scale=False),                            # forgot 1/m
        lambda A2, Y: _cost(A2, Y, both_terms=False),                       # only the y log a term
        lambda A2, Y: _cost(A2, Y, squeeze=False),                          # a (1, 1) array, not a float
        lambda A2, Y: -_cost(A2, Y),                                         # sign
    ],
    "backward_propagation": [
        lambda p, c, X, Y: _backward(p, c, X, Y, slope=lambda A1: 1 - A1),  # wrong tanh derivative
        lambda p, c, X, Y: _backward(p, c, X, Y, slope=lambda A1: A1 * (1 - A1)),  # sigmoid's derivative
        lambda p, c, X, Y: _backward(p, c, X, Y, keepdims=False),           # rank-1 db
        lambda p, c, X, Y: _backward(p, c, X, Y, scale=False),              # forgot 1/m
        lambda p, c, X, Y: _backward(p, c, X, Y, transpose_w2=False),       # W2 instead of W2.T
    ],
    "update_parameters": [
        lambda p, g, learning_rate=1.2: _update(p, g, learning_rate, in_place=True),  # mutates the input
        lambda p, g, learning_rate=1.2: _update(p, g, learning_rate, sign=-1),        # gradient ascent
        lambda p, g, learning_rate=0.01: _update(p, g, learning_rate),                # wrong default
        lambda p, g, learning_rate=1.2: _update(p, g, learning_rate, keys=("W1", "W2")),  # biases forgotten
    ],
    "nn_model": [
        lambda *a, **k: _nn_model(*a, **k, mistake="ignores n_h"),          # n_h from layer_sizes
        lambda *a, **k: _nn_model(*a, **k, mistake="ignores learning_rate"),
        lambda *a, **k: _nn_model(*a, **k, mistake="no update"),
        lambda *a, **k: _nn_model(*a, **k, mistake="cost every iteration"),
    ],
    "predict": [
        lambda p, X: _predict(p, X, strict=False),                          # >= 0.5
        lambda p, X: _predict(p, X, labels=False),                          # probabilities
        lambda p, X: _predict(p, X, flatten=True),                          # rank-1 result
    ],
}


@pytest.mark.parametrize("name,function", [
    ("layer_sizes", _layer_sizes), ("initialize_parameters", _initialize), ("forward_propagation", _forward),
    ("compute_cost", _cost), ("backward_propagation", _backward), ("update_parameters", _update),
    ("nn_model", _nn_model), ("predict", _predict)])
def test_mistake_helpers_pass_when_no_mistake_is_made(name, function):
    # so that each failure above is caused by its mistake, not by a broken helper
    tests.GRADED[name].test(function)


@pytest.mark.parametrize("parameters,X,Y", [(tests.P1, tests.X34, tests.Y34), (tests.P2, tests.X25, tests.Y25)])
def test_solution_gradients_agree_with_numerical_differentiation(parameters, X, Y, reference):
    # an independent oracle for the frozen values: the solution passes the public tests (above), and its
    # backward pass gives the derivatives of its forward pass and cost
    ns = reference(STEM)
    forward, cost, backward = ns["forward_propagation"], ns["compute_cost"], ns["backward_propagation"]
    grads = backward(parameters, forward(X, parameters)[1], X, Y)
    for name in parameters:
        def J(value, name=name):
            return np.array(cost(forward(X, {**parameters, name: value})[0], Y))
        numerical = numerical_gradient(J, parameters[name], np.array(1.0))
        assert relative_error(grads["d" + name], numerical) < 1e-7, name


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
