"""The multi-class pieces of the library: softmax layer, categorical cross-entropy, the softmax output
layer's backward pass (dZ = AL - Y) and the L-layer model with a softmax output, gradient-checked."""

import warnings

import numpy as np
import pytest

from utils.activations import softmax, softmax_backward, softmax_forward
from utils.data import one_hot
from utils.gradcheck import numerical_gradient, relative_error
from utils.initializers import initialize_parameters_deep
from utils.layers import linear_activation_backward, linear_activation_forward, softmax_output_backward
from utils.losses import categorical_cross_entropy
from utils.models import L_model_backward, L_model_forward, predict

RS = np.random.RandomState(21)
C, M = 4, 7
Z = RS.randn(C, M) * 2
DA = RS.randn(C, M)
A_PREV, W, B = RS.randn(5, M), RS.randn(C, 5), RS.randn(C, 1)
LABELS = np.array([[0, 3, 1, 1, 2, 3, 0]])
Y = one_hot(LABELS, C)


def test_softmax_forward_returns_z_as_cache():
    A, cache = softmax_forward(Z)
    assert cache is Z
    np.testing.assert_allclose(A, softmax(Z))
    np.testing.assert_allclose(A.sum(axis=0), np.ones(M))


def test_softmax_backward_matches_numerical_gradient():
    dZ = softmax_backward(DA, Z)
    assert dZ.shape == Z.shape
    assert relative_error(dZ, numerical_gradient(softmax, Z, DA)) < 1e-7
    np.testing.assert_allclose(dZ.sum(axis=0), np.zeros(M), atol=1e-12)  # shifting a column changes nothing


def test_softmax_backward_shape_error():
    with pytest.raises(ValueError, match=r"dA and cache \(Z\) must have the same shape"):
        softmax_backward(DA[:, :3], Z)


def test_linear_activation_with_softmax_matches_numerical_gradient():
    A, cache = linear_activation_forward(A_PREV, W, B, "softmax")
    np.testing.assert_allclose(A, softmax(W @ A_PREV + B))
    dA_prev, dW, db = linear_activation_backward(DA, cache, "softmax")
    forward = lambda a, w, v: linear_activation_forward(a, w, v, "softmax")[0]  # noqa: E731
    assert relative_error(dA_prev, numerical_gradient(lambda a: forward(a, W, B), A_PREV, DA)) < 1e-7
    assert relative_error(dW, numerical_gradient(lambda w: forward(A_PREV, w, B), W, DA / M)) < 1e-7
    assert relative_error(db, numerical_gradient(lambda v: forward(A_PREV, W, v), B, DA / M)) < 1e-7


# ---------------------------------------------------------------- categorical cross-entropy

def test_categorical_cross_entropy_value_and_type():
    AL = np.array([[0.7, 0.1, 0.2], [0.2, 0.5, 0.3], [0.1, 0.4, 0.5]])
    Yl = one_hot(np.array([[0, 2, 2]]), 3)
    cost = categorical_cross_entropy(AL, Yl)
    assert type(cost) is float
    assert cost == pytest.approx(-(np.log(0.7) + np.log(0.4) + np.log(0.5)) / 3, rel=1e-14)


def test_categorical_cross_entropy_is_finite_at_zero_probability():
    AL = np.array([[1.0, 0.0], [0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = categorical_cross_entropy(AL, np.array([[0.0, 0.0], [1.0, 1.0]]))
    assert np.isfinite(cost) and cost == pytest.approx(-np.log(1e-15) / 2, rel=1e-4)


def test_categorical_cross_entropy_of_two_classes_is_the_binary_cost():
    p = np.array([[0.8, 0.3, 0.6]])
    y = np.array([[1, 0, 0]])
    binary = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert categorical_cross_entropy(np.vstack([1 - p, p]), one_hot(y, 2)) == pytest.approx(binary, rel=1e-14)


def test_categorical_cross_entropy_shape_error():
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape, found \(4, 7\) and \(7, 4\)"):
        categorical_cross_entropy(softmax(Z), Y.T)


# ---------------------------------------------------------------- softmax output layer

def test_softmax_output_backward_is_the_gradient_of_the_mean_cost():
    AL, cache = linear_activation_forward(A_PREV, W, B, "softmax")
    dA_prev, dW, db = softmax_output_backward(AL, Y, cache)

    def cost(a, w, v):
        return np.array(categorical_cross_entropy(linear_activation_forward(a, w, v, "softmax")[0], Y))

    one = np.array(1.0)
    assert relative_error(dW, numerical_gradient(lambda w: cost(A_PREV, w, B), W, one)) < 1e-7
    assert relative_error(db, numerical_gradient(lambda v: cost(A_PREV, W, v), B, one)) < 1e-7
    # dA_prev is the gradient of the summed loss (the course's convention): m times that of the mean
    assert relative_error(dA_prev / M, numerical_gradient(lambda a: cost(a, W, B), A_PREV, one)) < 1e-7
    # the same as the general softmax backward fed with dJ/dAL of the summed loss, -Y / AL
    general = linear_activation_backward(-Y / AL, cache, "softmax")
    for mine, other in zip((dA_prev, dW, db), general):
        np.testing.assert_allclose(mine, other, rtol=1e-10, atol=1e-12)


def test_softmax_output_backward_shape_errors():
    AL, cache = linear_activation_forward(A_PREV, W, B, "softmax")
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape, found \(4, 7\) and \(1, 7\)"):
        softmax_output_backward(AL, LABELS, cache)
    with pytest.raises(ValueError, match=r"Y: expected shape \(any, any\), found \(7,\)"):
        softmax_output_backward(AL[0], LABELS[0], cache)


# ---------------------------------------------------------------- the L-layer model with a softmax output

def _parameters():
    p = initialize_parameters_deep([5, 6, 3, C], rng=8, scale="he")
    biases = np.random.RandomState(9)
    return {k: v if k[0] == "W" else biases.randn(*v.shape) * 0.5 for k, v in p.items()}


def test_L_model_with_softmax_matches_numerical_gradient():
    p = _parameters()
    AL, caches = L_model_forward(A_PREV, p, output="softmax")
    assert AL.shape == (C, M) and len(caches) == 3
    np.testing.assert_allclose(AL.sum(axis=0), np.ones(M))
    assert (caches[2][0][0] >= 0).all()  # hidden layers are still ReLU
    grads = L_model_backward(AL, Y, caches, output="softmax")
    assert sorted(grads) == sorted([f"d{k}" for k in p] + ["dA0", "dA1", "dA2"])

    def cost_at(key):
        return lambda value: np.array(categorical_cross_entropy(
            L_model_forward(A_PREV, {**p, key: value}, output="softmax")[0], Y))

    for key in p:
        assert relative_error(grads[f"d{key}"], numerical_gradient(cost_at(key), p[key], np.array(1.0))) < 1e-7, key


def test_predict_with_softmax_is_the_most_probable_class():
    p = _parameters()
    AL, _ = L_model_forward(A_PREV, p, output="softmax")
    predictions = predict(A_PREV, p, output="softmax")
    assert predictions.shape == (1, M) and predictions.dtype.kind == "i"
    np.testing.assert_array_equal(predictions[0], np.argmax(AL, axis=0))


def test_sigmoid_output_is_still_the_default():
    p = initialize_parameters_deep([5, 3, 1], rng=2, scale="xavier")
    AL, caches = L_model_forward(A_PREV, p)
    AL2, _ = L_model_forward(A_PREV, p, output="sigmoid")
    np.testing.assert_array_equal(AL, AL2)
    y = (LABELS > 1).astype(int)
    assert sorted(L_model_backward(AL, y, caches)) == ["dA0", "dA1", "dW1", "dW2", "db1", "db2"]


@pytest.mark.parametrize("call", [
    lambda: L_model_forward(A_PREV, _parameters(), output="tanh"),
    lambda: L_model_backward(np.ones((C, M)) / C, Y, L_model_forward(A_PREV, _parameters(), "softmax")[1], "relu"),
    lambda: predict(A_PREV, _parameters(), output="argmax"),
])
def test_unknown_output_is_rejected(call):
    with pytest.raises(ValueError, match=r"output: expected 'sigmoid' or 'softmax', found"):
        call()


def test_softmax_model_error_names_both_arguments():
    p = _parameters()
    AL, caches = L_model_forward(A_PREV, p, output="softmax")
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape, found \(4, 7\) and \(3, 7\)"):
        L_model_backward(AL, Y[:3], caches, output="softmax")
