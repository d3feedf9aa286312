"""utils.initializers, utils.layers, utils.losses and utils.models: values, gradients, stability, errors."""

import warnings

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.initializers import initialize_parameters, initialize_parameters_deep
from utils.layers import (linear_activation_backward, linear_activation_forward, linear_backward,
                          linear_forward)
from utils.losses import compute_cost, compute_cost_gradient
from utils.models import L_model_backward, L_model_forward, predict, update_parameters

RS = np.random.RandomState(7)
A_PREV = RS.randn(4, 6)
W = RS.randn(3, 4)
B = RS.randn(3, 1)
DOUT = RS.randn(3, 6)
X = RS.randn(5, 8)
Y = (RS.rand(1, 8) > 0.5).astype(float)
DIMS = [5, 4, 3, 1]


# ---------------------------------------------------------------- initializers

def test_initialize_parameters_draws_the_course_stream():
    np.random.seed(1)
    W1, W2 = np.random.randn(3, 2) * 0.01, np.random.randn(1, 3) * 0.01
    p = initialize_parameters(2, 3, 1, rng=1)
    assert sorted(p) == ["W1", "W2", "b1", "b2"]
    np.testing.assert_array_equal(p["W1"], W1)
    np.testing.assert_array_equal(p["W2"], W2)
    np.testing.assert_array_equal(p["b1"], np.zeros((3, 1)))
    np.testing.assert_array_equal(p["b2"], np.zeros((1, 1)))


@pytest.mark.parametrize("scale,factor", [(0.01, lambda n: 0.01), ("xavier", lambda n: 1 / np.sqrt(n)),
                                          ("he", lambda n: np.sqrt(2 / n))])
def test_initialize_parameters_deep_scales(scale, factor):
    np.random.seed(3)
    expected = [np.random.randn(n, n_prev) for n_prev, n in zip(DIMS[:-1], DIMS[1:])]
    p = initialize_parameters_deep(DIMS, rng=3, scale=scale)
    assert sorted(p) == ["W1", "W2", "W3", "b1", "b2", "b3"]
    for l, W_l in enumerate(expected, start=1):
        np.testing.assert_allclose(p[f"W{l}"], W_l * factor(DIMS[l - 1]), rtol=1e-15)
        np.testing.assert_array_equal(p[f"b{l}"], np.zeros((DIMS[l], 1)))


def test_xavier_divides_like_the_course():
    np.random.seed(1)
    W1 = np.random.randn(4, 5) / np.sqrt(5)
    np.testing.assert_array_equal(initialize_parameters_deep(DIMS, rng=1, scale="xavier")["W1"], W1)


def test_rng_argument_forms_and_global_state():
    state = RS.get_state()
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    a = initialize_parameters_deep(DIMS, rng=np.random.RandomState(5))
    b = initialize_parameters_deep(DIMS, rng=5)
    np.testing.assert_array_equal(a["W2"], b["W2"])
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # an int or RandomState rng leaves the global stream alone
    np.random.seed(5)
    c = initialize_parameters_deep(DIMS)                               # None: the global stream, after np.random.seed
    np.testing.assert_array_equal(a["W3"], c["W3"])
    RS.set_state(state)


@pytest.mark.parametrize("call,error,message", [
    (lambda: initialize_parameters_deep([5]), ValueError, r"layer_dims: expected a list of at least 2 positive ints"),
    (lambda: initialize_parameters_deep([5, 0, 1]), ValueError, r"layer_dims: .* found \[5, 0, 1\]"),
    (lambda: initialize_parameters(2, 3.5, 1), ValueError, r"n_x, n_h, n_y: expected"),
    (lambda: initialize_parameters_deep(DIMS, scale="big"), ValueError, r"scale: expected a number or one of"),
    (lambda: initialize_parameters_deep(DIMS, rng="seed"), TypeError, r"rng: expected None, an int seed"),
])
def test_initializer_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- layers

def test_linear_forward_value_and_cache():
    Z, cache = linear_forward(A_PREV, W, B)
    np.testing.assert_allclose(Z, W @ A_PREV + B)
    assert cache[0] is A_PREV and cache[1] is W and cache[2] is B


def test_linear_backward_matches_numerical_gradient():
    _, cache = linear_forward(A_PREV, W, B)
    dA_prev, dW, db = linear_backward(DOUT, cache)
    m = A_PREV.shape[1]
    # linear_backward averages over the m examples: it is the gradient of sum(Z * dZ) / m for W and b
    assert relative_error(dA_prev, numerical_gradient(lambda a: linear_forward(a, W, B)[0], A_PREV, DOUT)) < 1e-7
    assert relative_error(dW, numerical_gradient(lambda w: linear_forward(A_PREV, w, B)[0], W, DOUT / m)) < 1e-7
    assert relative_error(db, numerical_gradient(lambda v: linear_forward(A_PREV, W, v)[0], B, DOUT / m)) < 1e-7
    assert dA_prev.shape == A_PREV.shape and dW.shape == W.shape and db.shape == B.shape


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh"])
def test_linear_activation_backward_matches_numerical_gradient(activation):
    A, cache = linear_activation_forward(A_PREV, W, B, activation)
    assert cache[0][0] is A_PREV and cache[1].shape == A.shape
    dA_prev, dW, db = linear_activation_backward(DOUT, cache, activation)
    m = A_PREV.shape[1]
    forward = lambda a, w, v: linear_activation_forward(a, w, v, activation)[0]  # noqa: E731
    assert relative_error(dA_prev, numerical_gradient(lambda a: forward(a, W, B), A_PREV, DOUT)) < 1e-7
    assert relative_error(dW, numerical_gradient(lambda w: forward(A_PREV, w, B), W, DOUT / m)) < 1e-7
    assert relative_error(db, numerical_gradient(lambda v: forward(A_PREV, W, v), B, DOUT / m)) < 1e-7


@pytest.mark.parametrize("call,message", [
    (lambda: linear_forward(A_PREV, W.T, B), r"W: expected shape \(any, 4\), found \(4, 3\)"),
    (lambda: linear_forward(A_PREV, W, B.ravel()), r"b: expected shape \(3, 1\), found \(3,\)"),
    (lambda: linear_forward(A_PREV[:, 0], W, B), r"A_prev: expected shape \(any, any\), found \(4,\)"),
    (lambda: linear_backward(DOUT.T, (A_PREV, W, B)), r"dZ: expected shape \(3, 6\), found \(6, 3\)"),
    (lambda: linear_activation_forward(A_PREV, W, B, "softplus"), r"activation: expected one of"),
    (lambda: linear_activation_backward(DOUT[:, :2], linear_activation_forward(A_PREV, W, B, "relu")[1], "relu"),
     r"dA and cache \(Z\) must have the same shape"),
])
def test_layer_shape_errors_name_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- losses

def test_compute_cost_value_and_type():
    AL = np.array([[0.8, 0.1, 0.6, 0.3]])
    Yl = np.array([[1, 0, 0, 1]])
    cost = compute_cost(AL, Yl)
    assert type(cost) is float
    assert cost == pytest.approx(-(np.log(0.8) + np.log(0.9) + np.log(0.4) + np.log(0.3)) / 4, rel=1e-14)


def test_cost_and_gradient_are_finite_at_0_and_1():
    AL = np.array([[0.0, 1.0, 0.0, 1.0]])
    Yl = np.array([[0, 1, 1, 0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cost = compute_cost(AL, Yl)
        dAL = compute_cost_gradient(AL, Yl)
    assert np.isfinite(cost) and cost == pytest.approx(-2 * np.log(1e-15) / 4, rel=1e-4)
    assert np.isfinite(dAL).all()
    assert compute_cost(AL[:, :2], Yl[:, :2]) < 1e-14  # right and certain: (almost) no cost


def test_cost_gradient_matches_numerical_gradient():
    AL = np.array([[0.8, 0.1, 0.6, 0.3]])
    Yl = np.array([[1.0, 0.0, 0.0, 1.0]])
    m = AL.shape[1]
    numeric = numerical_gradient(lambda a: np.array(compute_cost(a, Yl)), AL, np.array(1.0))
    assert relative_error(compute_cost_gradient(AL, Yl) / m, numeric) < 1e-7


def test_cost_shape_error():
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape, found \(4,\) and \(1, 4\)"):
        compute_cost(np.full(4, 0.5), np.ones((1, 4)))


# ---------------------------------------------------------------- models

def _parameters():
    """Non-trivial parameters: random biases too, so that no ReLU input sits exactly on its kink at 0."""
    p = initialize_parameters_deep(DIMS, rng=11, scale="xavier")
    biases = np.random.RandomState(12)
    return {k: v if k[0] == "W" else biases.randn(*v.shape) * 0.5 for k, v in p.items()}


def test_L_model_forward_structure():
    p = _parameters()
    AL, caches = L_model_forward(X, p)
    assert AL.shape == (1, 8) and len(caches) == 3
    for l, ((A_prev, W_l, b_l), Z) in enumerate(caches, start=1):
        assert W_l is p[f"W{l}"] and b_l is p[f"b{l}"] and Z.shape == (DIMS[l], 8)
        assert A_prev.shape == (DIMS[l - 1], 8)
    assert (caches[1][0][0] >= 0).all()  # hidden activations are ReLU outputs
    np.testing.assert_allclose(AL, 1 / (1 + np.exp(-caches[2][1])))


def test_L_model_backward_matches_numerical_gradient():
    p = _parameters()
    AL, caches = L_model_forward(X, p)
    grads = L_model_backward(AL, Y, caches)
    assert sorted(grads) == sorted([f"d{k}" for k in p] + ["dA0", "dA1", "dA2"])

    def cost_at(key):
        def f(value):
            return np.array(compute_cost(L_model_forward(X, {**p, key: value})[0], Y))
        return f

    for key in p:
        numeric = numerical_gradient(cost_at(key), p[key], np.array(1.0))
        assert relative_error(grads[f"d{key}"], numeric) < 1e-7, key
    numeric_dX = numerical_gradient(lambda x: np.array(compute_cost(L_model_forward(x, p)[0], Y)), X, np.array(1.0))
    assert relative_error(grads["dA0"] / X.shape[1], numeric_dX) < 1e-7  # dA0 is the gradient of the summed loss


def test_logistic_regression_is_a_one_layer_model():
    p = initialize_parameters_deep([5, 1], rng=2, scale="xavier")
    AL, caches = L_model_forward(X, p)
    np.testing.assert_allclose(AL, 1 / (1 + np.exp(-(p["W1"] @ X + p["b1"]))))
    grads = L_model_backward(AL, Y, caches)
    np.testing.assert_allclose(grads["dW1"], (AL - Y) @ X.T / X.shape[1], rtol=1e-10)


def test_update_parameters_returns_a_new_dict():
    p = _parameters()
    frozen = {k: v.copy() for k, v in p.items()}
    grads = {f"d{k}": np.full_like(v, 2.0) for k, v in p.items()}
    new = update_parameters(p, grads, 0.1)
    for k in p:
        np.testing.assert_array_equal(p[k], frozen[k])
        np.testing.assert_allclose(new[k], frozen[k] - 0.2)


def test_update_parameters_errors():
    p = _parameters()
    grads = {f"d{k}": np.zeros_like(v) for k, v in p.items()}
    with pytest.raises(KeyError, match="grads: missing 'db2'"):
        update_parameters(p, {k: v for k, v in grads.items() if k != "db2"}, 0.1)
    with pytest.raises(ValueError, match=r"grads\['dW1'\]: expected shape \(4, 5\)"):
        update_parameters(p, {**grads, "dW1": np.zeros((5, 4))}, 0.1)
    with pytest.raises(KeyError, match="parameters: missing 'b1' \\(expected the keys W1, b1, ..., W2, b2"):
        update_parameters({"W1": p["W1"], "b2": p["b2"]}, grads, 0.1)
    with pytest.raises(ValueError, match=r"parameters: expected the keys W1, b1, ..., WL, bL, found \['W1', 'b1', 'gamma'\]"):
        update_parameters({"W1": p["W1"], "b1": p["b1"], "gamma": p["b1"]}, grads, 0.1)


def test_model_shape_errors_name_the_layer():
    p = _parameters()
    with pytest.raises(ValueError, match=r"parameters\['W2'\]: expected shape \(any, 4\), found \(3, 3\)"):
        L_model_forward(X, {**p, "W2": np.ones((3, 3))})
    with pytest.raises(ValueError, match=r"parameters\['b3'\]: expected shape \(1, 1\), found \(1,\)"):
        L_model_forward(X, {**p, "b3": np.ones(1)})
    with pytest.raises(ValueError, match=r"X: expected shape \(any, any\), found \(5,\)"):
        predict(X[:, 0], p)
    _, caches = L_model_forward(X, p)
    with pytest.raises(ValueError, match=r"Y: expected shape \(any, any\), found \(8,\)"):
        L_model_backward(np.full((1, 8), 0.5), Y.ravel(), caches)
    with pytest.raises(ValueError, match=r"caches\[1\]: the shapes of A_prev \(4, 8\), W \(3, 4\) and Z \(3, 7\) do not fit together"):
        L_model_backward(np.full((1, 8), 0.5), Y, [caches[0], (caches[1][0], caches[1][1][:, 1:]), caches[2]])
    with pytest.raises(TypeError, match=r"caches\[2\]: expected the tuple \(\(A_prev, W, b\), Z\) of 2-D arrays of layer 3"):
        L_model_backward(np.full((1, 8), 0.5), Y, caches[:2] + [caches[2][1]])
    with pytest.raises(ValueError, match=r"AL: expected the shape of the last layer's Z, \(1, 8\), found \(1, 7\)"):
        L_model_backward(np.full((1, 7), 0.5), Y[:, 1:], caches)


@pytest.mark.parametrize("where,message", [
    ("X", r"X: expected finite numbers, found nan at index \(2, 3\)"),
    ("W2", r"parameters\['W2'\]: expected finite numbers, found nan at index \(2, 3\)"),
    ("b1", r"parameters\['b1'\]: expected finite numbers, found inf at index \(2, 0\)"),
])
def test_model_names_the_input_that_holds_nan(where, message):
    p, Xs = _parameters(), X.copy()
    bad = Xs if where == "X" else p[where]
    bad[2, 3 if where != "b1" else 0] = np.inf if where == "b1" else np.nan
    with pytest.raises(ValueError, match=message):
        L_model_forward(Xs, p)


def test_model_says_when_the_weights_overflowed():
    p = _parameters()
    p["W1"] = np.full_like(p["W1"], 1e308)   # finite, but W1 X overflows to inf
    with np.errstate(over="ignore"), pytest.raises(ValueError, match=r"Z1: the forward pass overflowed to inf or NaN"):
        L_model_forward(np.abs(X), p)


def test_predict_thresholds_at_one_half():
    p = {"W1": np.array([[1.0, -1.0]]), "b1": np.array([[0.0]])}
    Xs = np.array([[2.0, 0.0, -1.0], [1.0, 3.0, -1.0]])
    preds = predict(Xs, p)
    np.testing.assert_array_equal(preds, [[1, 0, 0]])
    assert preds.dtype.kind == "i"


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_backward_without_input_gradient_leaves_out_dA0_only(output):
    p = _parameters() if output == "sigmoid" else {**_parameters(), "W3": np.ones((2, 3)), "b3": np.zeros((2, 1))}
    labels = Y if output == "sigmoid" else np.vstack([Y, 1 - Y])
    AL, caches = L_model_forward(X, p, output)
    full = L_model_backward(AL, labels, caches, output)
    lean = L_model_backward(AL, labels, caches, output, input_gradient=False)
    assert list(lean) == [k for k in full if k != "dA0"]
    for k, v in lean.items():
        np.testing.assert_array_equal(v, full[k])
