"""The public tests of C1_W2_A2 pass on the notebook's solutions and fail on the stubs and on typical mistakes."""

import math

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.grading import c1_w2_a2 as tests

from tests.conftest import public_test_suite

STEM = "C1_W2_A2"


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _propagate(w, b, X, Y, cost_scale=True, dw_scale=True, db_keepdims=False):
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / (m if cost_scale else 1)
    dw = np.dot(X, (A - Y).T) / (m if dw_scale else 1)
    db = np.sum(A - Y, axis=1, keepdims=True) / m if db_keepdims else np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost


def _propagate_transposed_dw(w, b, X, Y):
    grads, cost = _propagate(w, b, X, Y)
    return {"dw": grads["dw"].T, "db": grads["db"]}, cost


def _propagate_positive_cost(w, b, X, Y):
    grads, cost = _propagate(w, b, X, Y)
    return grads, -cost


def _optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False,
              in_place=False, sign=1, update_b=True, every=100):
    costs = []
    for i in range(num_iterations):
        grads, cost = _propagate(w, b, X, Y)
        if in_place:
            w -= learning_rate * grads["dw"]
        else:
            w = w - sign * learning_rate * grads["dw"]
        if update_b:
            b = b - sign * learning_rate * grads["db"]
        if i % every == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


def _predict(w, b, X, threshold=0.5, strict=True):
    A = _sigmoid(np.dot(w.T, X) + b)
    return ((A > threshold) if strict else (A >= threshold)).astype(int)


def _model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.005, print_cost=False,
           mistake=None):
    w, b = np.zeros((X_train.shape[0], 1)), 0.0
    iterations = 2000 if mistake == "default iterations" else num_iterations
    rate = 0.005 if mistake == "default rate" else learning_rate
    params, _, costs = _optimize(w, b, X_train, Y_train, iterations, rate)
    w, b = params["w"], params["b"]
    test_inputs = X_train if mistake == "train for test" else X_test
    return {"costs": costs, "Y_prediction_test": _predict(w, b, test_inputs),
            "Y_prediction_train": _predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}


MISTAKES = {
    "sigmoid": [
        lambda z: 1 / (1 + math.exp(-z)),                                  # math.exp on an array
        lambda z: 1 / (1 + np.exp(z)),                                     # sign error
        lambda z: np.exp(-z) / (1 + np.exp(-z)),                           # 1 - sigmoid
    ],
    "initialize_with_zeros": [
        lambda dim: (np.zeros(dim), 0.0),                                  # rank-1 array
        lambda dim: (np.zeros((1, dim)), 0.0),                             # row instead of column
        lambda dim: (np.zeros((dim, 1)), np.zeros((1, 1))),                # b as an array
        lambda dim: np.zeros((dim, 1)),                                    # forgot to return b
    ],
    "propagate": [
        lambda w, b, X, Y: _propagate(w, b, X, Y, cost_scale=False),       # cost without 1/m
        lambda w, b, X, Y: _propagate(w, b, X, Y, dw_scale=False),         # dw without 1/m
        lambda w, b, X, Y: _propagate(w, b, X, Y, db_keepdims=True),       # db as a (1, 1) array
        _propagate_transposed_dw,                                          # dw of shape (1, n_x)
        _propagate_positive_cost,                                          # forgot the minus sign
    ],
    "optimize": [
        lambda *a, **k: _optimize(*a, **k, in_place=True),                 # w -= ...: mutates the input
        lambda *a, **k: _optimize(*a, **k, sign=-1),                       # gradient ascent
        lambda *a, **k: _optimize(*a, **k, update_b=False),                # b never updated
        lambda *a, **k: _optimize(*a, **k, every=1),                       # cost kept at every iteration
    ],
    "predict": [
        lambda w, b, X: _predict(w, b, X, strict=False),                   # >= 0.5
        lambda w, b, X: _sigmoid(np.dot(w.T, X) + b),                      # probabilities, not labels
        lambda w, b, X: _predict(w, b, X).ravel(),                         # rank-1 result
        lambda w, b, X: _predict(w, b, X, threshold=0.0),                  # threshold on A at 0
    ],
    "model": [
        lambda *a, **k: _model(*a, **k, mistake="train for test"),         # predicts the wrong set
        lambda *a, **k: _model(*a, **k, mistake="default iterations"),     # ignores num_iterations
        lambda *a, **k: _model(*a, **k, mistake="default rate"),           # ignores learning_rate
    ],
}


def test_mistake_helpers_are_faithful_when_no_mistake_is_made(capsys):
    # the helpers above, with every mistake switched off, pass: so each failure is due to its mistake
    for name, function in [("propagate", _propagate), ("optimize", _optimize), ("predict", _predict),
                           ("model", _model)]:
        function.__name__ = name
        tests.GRADED[name].test(function)
    assert capsys.readouterr().out.count("tests passed") == 4


@pytest.mark.parametrize("w,b,X,Y", [(tests.W3, tests.B3, tests.X3, tests.Y3), (tests.W2, tests.B2, tests.X2, tests.Y2)])
def test_solution_gradients_agree_with_numerical_differentiation(w, b, X, Y, reference):
    # an independent oracle for the frozen values: the solution passes the public test (above), and its
    # gradients are those of its cost
    propagate = reference(STEM)["propagate"]
    grads, cost = propagate(w, b, X, Y)
    dw = numerical_gradient(lambda w_: np.array(propagate(w_, b, X, Y)[1]), w, np.array(1.0))
    db = numerical_gradient(lambda b_: np.array(propagate(w, b_, X, Y)[1]), np.array(b), np.array(1.0))
    assert relative_error(grads["dw"], dw) < 1e-8
    assert relative_error(grads["db"], db) < 1e-8
    A = _sigmoid(np.dot(w.T, X) + b)
    assert cost == pytest.approx(float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))), rel=1e-12)


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
