"""The public tests of C2_W3_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (wrong softmax axis, no max shift, transposed one-hot, missing 1/m, nan at zero probability,
dZ of the wrong sign, in-place updates, non-accumulating counts); the solutions agree with the library."""

import numpy as np
import pytest

from utils.activations import softmax
from utils.data import one_hot
from utils.grading import c2_w3_a1 as tests
from utils.layers import linear_activation_forward, softmax_output_backward
from utils.losses import categorical_cross_entropy

from tests.conftest import public_test_suite, run_public_test

STEM = "C2_W3_A1"


def _softmax(Z, axis=0, shift="column", normalize="column"):
    if shift == "column":
        Z = Z - np.max(Z, axis=axis, keepdims=True)
    elif shift == "global":
        Z = Z - np.max(Z)
    E = np.exp(Z)
    if normalize == "column":
        return E / np.sum(E, axis=axis, keepdims=True)
    return E / np.sum(E) if normalize == "all" else E


def _cost(AL, Y, mean_over="m", sign=-1, clip=True, binary=False, as_array=False):
    if clip:
        AL = np.clip(AL, 1e-15, 1.0)
    losses = Y * np.log(AL) + ((1 - Y) * np.log(1 - AL) if binary else 0)
    divisor = {"m": Y.shape[1], "all": Y.size, "none": 1}[mean_over]
    cost = sign * np.sum(losses) / divisor
    return np.array(cost) if as_array else float(cost)


def _output_backward(AL, Y, cache, sign=1, mean_dW=True, keepdims=True, transpose_dW=False, mean_dA=False,
                     in_place=False, extra_derivative=False):
    (A_prev, W, b), Z = cache
    m = A_prev.shape[1]
    if in_place:
        dZ = AL
        dZ -= Y
    else:
        dZ = sign * (AL - Y)
    if extra_derivative:
        dZ = dZ * AL * (1 - AL)
    dW = (A_prev @ dZ.T if transpose_dW else dZ @ A_prev.T) / (m if mean_dW else 1)
    db = np.sum(dZ, axis=1, keepdims=keepdims) / m
    dA_prev = W.T @ dZ / (m if mean_dA else 1)
    return dA_prev, dW, db


def _confusion(y_true, y_pred, C, transpose=False, size_from_data=False, assign=False):
    size = int(max(y_true.max(), y_pred.max())) + 1 if size_from_data else C
    counts = np.zeros((size, size), dtype=int)
    rows, cols = (y_pred[0], y_true[0]) if transpose else (y_true[0], y_pred[0])
    if assign:
        counts[rows, cols] += 1
    else:
        np.add.at(counts, (rows, cols), 1)
    return counts


MISTAKES = {
    "softmax": [
        lambda Z: _softmax(Z, axis=1),                          # softmax over the examples (rows)
        lambda Z: _softmax(Z, shift=None),                      # forgot to subtract the max: overflow
        lambda Z: _softmax(Z, shift="global"),                  # one max for the whole matrix: 0 / 0
        lambda Z: _softmax(Z, normalize="all"),                 # divided by the sum of all entries
        lambda Z: _softmax(Z, normalize=None),                  # forgot to normalize
        lambda Z: np.exp(Z - Z.max(axis=0)) / np.sum(np.exp(Z - Z.max(axis=0)), axis=1),  # axis 1 without keepdims
    ],
    "one_hot": [
        lambda labels, C: np.eye(C)[labels[0]],                            # (m, C): transposed
        lambda labels, C: np.eye(int(labels.max()) + 1)[labels[0]].T,      # C taken from the largest label
        lambda labels, C: np.eye(C)[labels],                               # (1, m, C)
        lambda labels, C: np.eye(C)[labels[0] - 1].T,                      # labels counted from 1
    ],
    "compute_cost": [
        lambda AL, Y: _cost(AL, Y, mean_over="none"),           # forgot 1/m
        lambda AL, Y: _cost(AL, Y, mean_over="all"),            # mean over C * m entries
        lambda AL, Y: _cost(AL, Y, sign=1),                     # lost the minus sign
        lambda AL, Y: _cost(AL, Y, clip=False),                 # 0 * log(0) = nan
        lambda AL, Y: _cost(AL, Y, binary=True),                # binary cross-entropy formula
        lambda AL, Y: _cost(AL, Y, as_array=True),              # a 0-d array, not a number
    ],
    "output_layer_backward": [
        lambda AL, Y, cache: _output_backward(AL, Y, cache, sign=-1),             # dZ = Y - AL
        lambda AL, Y, cache: _output_backward(AL, Y, cache, mean_dW=False),       # forgot 1/m in dW
        lambda AL, Y, cache: _output_backward(AL, Y, cache, keepdims=False),      # db without keepdims
        lambda AL, Y, cache: _output_backward(AL, Y, cache, transpose_dW=True),   # dW transposed
        lambda AL, Y, cache: _output_backward(AL, Y, cache, mean_dA=True),        # 1/m in dA_prev too
        lambda AL, Y, cache: _output_backward(AL, Y, cache, in_place=True),       # AL -= Y mutates the input
        lambda AL, Y, cache: _output_backward(AL, Y, cache, extra_derivative=True),  # softmax slope applied again
    ],
    "confusion_matrix": [
        lambda y_true, y_pred, C: _confusion(y_true, y_pred, C, transpose=True),       # rows = predictions
        lambda y_true, y_pred, C: _confusion(y_true, y_pred, C, size_from_data=True),  # C from the labels seen
        lambda y_true, y_pred, C: _confusion(y_true, y_pred, C, assign=True),          # += on a fancy index
    ],
}


def test_correct_variants_pass():
    """The broken variants differ from a correct implementation only by the mistake they name."""
    for name, correct in [("softmax", _softmax), ("compute_cost", _cost), ("output_layer_backward", _output_backward),
                          ("confusion_matrix", _confusion)]:
        run_public_test(tests, name, correct)


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(5)
    Z = rs.randn(10, 9) * 4
    np.testing.assert_allclose(ns["softmax"](Z), softmax(Z), rtol=1e-13)
    labels = rs.randint(10, size=(1, 9))
    np.testing.assert_array_equal(ns["one_hot"](labels, 10), one_hot(labels, 10))
    AL, Y = softmax(Z), one_hot(labels, 10)
    assert ns["compute_cost"](AL, Y) == pytest.approx(categorical_cross_entropy(AL, Y), rel=1e-13)
    A_prev, W, b = rs.randn(6, 9), rs.randn(10, 6), rs.randn(10, 1)
    AL, cache = linear_activation_forward(A_prev, W, b, "softmax")
    for mine, library in zip(ns["output_layer_backward"](AL, Y, cache), softmax_output_backward(AL, Y, cache)):
        np.testing.assert_allclose(mine, library, rtol=1e-12, atol=1e-15)
    counts = ns["confusion_matrix"](labels, np.argmax(AL, axis=0).reshape(1, -1), 10)
    assert counts.shape == (10, 10) and counts.sum() == 9
    np.testing.assert_array_equal(counts.sum(axis=1), np.bincount(labels[0], minlength=10))


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
