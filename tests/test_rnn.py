"""utils.rnn: shapes, known values, clear shape errors, and every backward pass of the basic RNN and the
LSTM checked against centred-difference gradients (relative error below 1e-7)."""

import numpy as np
import pytest

from utils.activations import softmax
from utils.gradcheck import numerical_gradient, relative_error
from utils.rnn import (lstm_backward, lstm_cell_backward, lstm_cell_forward, lstm_forward, rnn_backward,
                       rnn_cell_backward, rnn_cell_forward, rnn_forward)

N_X, N_A, N_Y, M, T_X = 3, 5, 2, 4, 6
RS = np.random.RandomState(7)
X = RS.randn(N_X, M, T_X)
A0 = RS.randn(N_A, M)
C0 = RS.randn(N_A, M)
RNN_PARAMETERS = {"Wax": RS.randn(N_A, N_X), "Waa": RS.randn(N_A, N_A) * 0.5, "Wya": RS.randn(N_Y, N_A),
                  "ba": RS.randn(N_A, 1), "by": RS.randn(N_Y, 1)}
LSTM_PARAMETERS = {**{f"W{g}": RS.randn(N_A, N_A + N_X) * 0.7 for g in "fico"},
                   **{f"b{g}": RS.randn(N_A, 1) for g in "fico"},
                   "Wy": RS.randn(N_Y, N_A), "by": RS.randn(N_Y, 1)}
DA = RS.randn(N_A, M, T_X)
DA_NEXT, DC_NEXT = RS.randn(N_A, M), RS.randn(N_A, M)


def with_replaced(parameters, key, value):
    return {**parameters, key: value}


def assert_close_to_numerical(analytic, f, x, df):
    numeric = numerical_gradient(f, x, df)
    assert analytic.shape == numeric.shape
    assert relative_error(analytic, numeric) < 1e-7


def assert_gradients_match(grads, forward, point, names, upstream):
    """Check grads["d" + name] for each name against the numerical gradient of forward(**point)."""
    for name in names:
        f = lambda v, name=name: forward(**{**point, name: v})  # noqa: E731
        assert_close_to_numerical(grads[f"d{name}"], f, point[name], upstream)


# ---------------------------------------------------------------- basic RNN

def test_rnn_cell_forward_values_and_shapes():
    a_next, yt, cache = rnn_cell_forward(X[:, :, 0], A0, RNN_PARAMETERS)
    p = RNN_PARAMETERS
    expected_a = np.tanh(p["Wax"] @ X[:, :, 0] + p["Waa"] @ A0 + p["ba"])
    np.testing.assert_allclose(a_next, expected_a, rtol=1e-14)
    np.testing.assert_allclose(yt, softmax(p["Wya"] @ expected_a + p["by"]), rtol=1e-14)
    assert a_next.shape == (N_A, M) and yt.shape == (N_Y, M)
    assert cache[1] is A0 and cache[3] is RNN_PARAMETERS


def test_rnn_forward_shapes_and_steps_match_the_cell():
    a, y, (caches, x) = rnn_forward(X, A0, RNN_PARAMETERS)
    assert a.shape == (N_A, M, T_X) and y.shape == (N_Y, M, T_X) and len(caches) == T_X and x is X
    a1, _, _ = rnn_cell_forward(X[:, :, 0], A0, RNN_PARAMETERS)
    a2, y2, _ = rnn_cell_forward(X[:, :, 1], a1, RNN_PARAMETERS)
    np.testing.assert_allclose(a[:, :, 1], a2, rtol=1e-14)
    np.testing.assert_allclose(y[:, :, 1], y2, rtol=1e-14)
    np.testing.assert_allclose(y.sum(axis=0), np.ones((M, T_X)), rtol=1e-14)


def test_rnn_cell_backward_matches_numerical_gradient():
    _, _, cache = rnn_cell_forward(X[:, :, 0], A0, RNN_PARAMETERS)
    grads = rnn_cell_backward(DA_NEXT, cache)
    assert sorted(grads) == sorted(["dxt", "da_prev", "dWax", "dWaa", "dba"])
    forward = lambda xt, a_prev, **p: rnn_cell_forward(xt, a_prev, p)[0]  # noqa: E731
    point = {"xt": X[:, :, 0], "a_prev": A0, **RNN_PARAMETERS}
    assert_gradients_match(grads, forward, point, ["xt", "a_prev", "Wax", "Waa", "ba"], DA_NEXT)


def test_rnn_backward_matches_numerical_gradient():
    _, _, caches = rnn_forward(X, A0, RNN_PARAMETERS)
    grads = rnn_backward(DA, caches)
    assert sorted(grads) == sorted(["dx", "da0", "dWax", "dWaa", "dba"])
    forward = lambda x, a0, **p: rnn_forward(x, a0, p)[0]  # noqa: E731
    point = {"x": X, "a0": A0, **RNN_PARAMETERS}
    assert_gradients_match(grads, forward, point, ["x", "a0", "Wax", "Waa", "ba"], DA)


def test_rnn_backward_does_not_modify_its_inputs():
    _, _, caches = rnn_forward(X, A0, RNN_PARAMETERS)
    da = DA.copy()
    rnn_backward(da, caches)
    np.testing.assert_array_equal(da, DA)


def test_rnn_shape_errors_name_the_argument():
    with pytest.raises(ValueError, match=r"a_prev: expected shape \(5, 4\), found \(5, 3\)"):
        rnn_cell_forward(X[:, :, 0], A0[:, :3], RNN_PARAMETERS)
    with pytest.raises(ValueError, match=r"parameters\['Wax'\]: expected shape \(5, 3\), found \(5, 2\)"):
        rnn_cell_forward(X[:, :, 0], A0, with_replaced(RNN_PARAMETERS, "Wax", RNN_PARAMETERS["Wax"][:, :2]))
    with pytest.raises(ValueError, match=r"parameters\['ba'\]: expected shape \(5, 1\), found \(5,\)"):
        rnn_cell_forward(X[:, :, 0], A0, with_replaced(RNN_PARAMETERS, "ba", RNN_PARAMETERS["ba"][:, 0]))
    with pytest.raises(ValueError, match=r"x: expected shape \(any, any, any\), found \(3, 4\)"):
        rnn_forward(X[:, :, 0], A0, RNN_PARAMETERS)
    with pytest.raises(ValueError, match=r"a0: expected shape \(5, 4\), found \(4, 4\)"):
        rnn_forward(X, A0[:4], RNN_PARAMETERS)
    with pytest.raises(KeyError, match="Wya"):
        rnn_forward(X, A0, {k: v for k, v in RNN_PARAMETERS.items() if k != "Wya"})
    _, _, caches = rnn_forward(X, A0, RNN_PARAMETERS)
    with pytest.raises(ValueError, match=r"da: expected shape \(5, 4, 6\), found \(5, 4, 5\)"):
        rnn_backward(DA[:, :, 1:], caches)
    with pytest.raises(ValueError, match=r"da_next: expected shape \(5, 4\), found \(4, 5\)"):
        rnn_cell_backward(DA_NEXT.T, caches[0][0])


# ---------------------------------------------------------------- LSTM

def test_lstm_cell_forward_values_and_shapes():
    xt = X[:, :, 0]
    a_next, c_next, yt, cache = lstm_cell_forward(xt, A0, C0, LSTM_PARAMETERS)
    p = LSTM_PARAMETERS
    concat = np.vstack([A0, xt])
    gate = lambda g: 1 / (1 + np.exp(-(p[f"W{g}"] @ concat + p[f"b{g}"])))  # noqa: E731
    c_expected = gate("f") * C0 + gate("i") * np.tanh(p["Wc"] @ concat + p["bc"])
    np.testing.assert_allclose(c_next, c_expected, rtol=1e-12)
    np.testing.assert_allclose(a_next, gate("o") * np.tanh(c_expected), rtol=1e-12)
    np.testing.assert_allclose(yt, softmax(p["Wy"] @ a_next + p["by"]), rtol=1e-14)
    assert len(cache) == 10 and cache[9] is LSTM_PARAMETERS


def test_lstm_forward_shapes_and_zero_initial_cell_state():
    a, y, c, (caches, x) = lstm_forward(X, A0, LSTM_PARAMETERS)
    assert a.shape == (N_A, M, T_X) and c.shape == (N_A, M, T_X) and y.shape == (N_Y, M, T_X)
    assert len(caches) == T_X and x is X
    a1, c1, y1, _ = lstm_cell_forward(X[:, :, 0], A0, np.zeros((N_A, M)), LSTM_PARAMETERS)
    np.testing.assert_allclose(a[:, :, 0], a1, rtol=1e-14)
    np.testing.assert_allclose(c[:, :, 0], c1, rtol=1e-14)
    np.testing.assert_allclose(y[:, :, 0], y1, rtol=1e-14)


GATE_PARAMETERS = [f"{kind}{g}" for g in "fico" for kind in "Wb"]


def test_lstm_cell_backward_matches_numerical_gradient():
    _, _, _, cache = lstm_cell_forward(X[:, :, 0], A0, C0, LSTM_PARAMETERS)
    grads = lstm_cell_backward(DA_NEXT, DC_NEXT, cache)
    assert sorted(grads) == sorted(["dxt", "da_prev", "dc_prev"] + [f"d{k}" for k in GATE_PARAMETERS])

    def forward(xt, a_prev, c_prev, **p):  # the two outputs that receive upstream gradients
        a_next, c_next, _, _ = lstm_cell_forward(xt, a_prev, c_prev, p)
        return np.stack([a_next, c_next])

    point = {"xt": X[:, :, 0], "a_prev": A0, "c_prev": C0, **LSTM_PARAMETERS}
    names = ["xt", "a_prev", "c_prev"] + GATE_PARAMETERS
    assert_gradients_match(grads, forward, point, names, np.stack([DA_NEXT, DC_NEXT]))


def test_lstm_backward_matches_numerical_gradient():
    _, _, _, caches = lstm_forward(X, A0, LSTM_PARAMETERS)
    grads = lstm_backward(DA, caches)
    assert sorted(grads) == sorted(["dx", "da0"] + [f"d{k}" for k in GATE_PARAMETERS])
    forward = lambda x, a0, **p: lstm_forward(x, a0, p)[0]  # noqa: E731
    point = {"x": X, "a0": A0, **LSTM_PARAMETERS}
    assert_gradients_match(grads, forward, point, ["x", "a0"] + GATE_PARAMETERS, DA)


def test_lstm_shape_errors_name_the_argument():
    xt = X[:, :, 0]
    with pytest.raises(ValueError, match=r"c_prev: expected shape \(5, 4\), found \(5, 2\)"):
        lstm_cell_forward(xt, A0, C0[:, :2], LSTM_PARAMETERS)
    with pytest.raises(ValueError, match=r"parameters\['Wo'\]: expected shape \(5, 8\), found \(5, 7\)"):
        lstm_cell_forward(xt, A0, C0, with_replaced(LSTM_PARAMETERS, "Wo", LSTM_PARAMETERS["Wo"][:, 1:]))
    with pytest.raises(ValueError, match=r"parameters\['Wy'\]: expected shape \(2, 5\), found \(2, 4\)"):
        lstm_cell_forward(xt, A0, C0, with_replaced(LSTM_PARAMETERS, "Wy", LSTM_PARAMETERS["Wy"][:, 1:]))
    with pytest.raises(ValueError, match=r"a0: expected shape \(5, 4\), found \(5, 3\)"):
        lstm_forward(X, A0[:, :3], LSTM_PARAMETERS)
    _, _, _, cache = lstm_cell_forward(xt, A0, C0, LSTM_PARAMETERS)
    with pytest.raises(ValueError, match=r"dc_next: expected shape \(5, 4\), found \(5, 1\)"):
        lstm_cell_backward(DA_NEXT, DC_NEXT[:, :1], cache)
    _, _, _, caches = lstm_forward(X, A0, LSTM_PARAMETERS)
    with pytest.raises(ValueError, match=r"da: expected shape \(5, 4, 6\), found \(5, 4\)"):
        lstm_backward(DA_NEXT, caches)


# ---------------------------------------------------------------- bad input: type, NaN/inf, keys, caches

def with_nan(array, index=(0, 0)):
    array = np.array(array, dtype=float)
    array[index] = np.nan
    return array


@pytest.mark.parametrize("call,error,message", [
    (lambda: rnn_forward(X.astype(str), A0, RNN_PARAMETERS), TypeError, r"x: expected an array of real numbers"),
    (lambda: rnn_forward(X, A0, list(RNN_PARAMETERS.values())), TypeError, r"parameters: expected a dict"),
    (lambda: rnn_forward(X, A0, with_replaced(RNN_PARAMETERS, "Waa", RNN_PARAMETERS["Waa"] * 1j)), TypeError,
     r"parameters\['Waa'\]: expected real numbers, found complex"),
    (lambda: rnn_forward(with_nan(X, (1, 2, 3)), A0, RNN_PARAMETERS), ValueError,
     r"x: expected finite numbers, found nan at index \(1, 2, 3\)"),
    (lambda: rnn_forward(X, with_nan(A0), RNN_PARAMETERS), ValueError, r"a0: expected finite numbers"),
    (lambda: rnn_cell_forward(X[:, :, 0], A0, with_replaced(RNN_PARAMETERS, "Wax", np.full((N_A, N_X), np.inf))),
     ValueError, r"parameters\['Wax'\]: expected finite numbers, found inf at index \(0, 0\)"),
    (lambda: rnn_backward(with_nan(DA, (0, 1, 2)), rnn_forward(X, A0, RNN_PARAMETERS)[2]), ValueError,
     r"da: expected finite numbers"),
    (lambda: rnn_cell_backward(with_nan(DA_NEXT), rnn_cell_forward(X[:, :, 0], A0, RNN_PARAMETERS)[2]), ValueError,
     r"da_next: expected finite numbers"),
    (lambda: rnn_cell_backward(DA_NEXT, (1, 2)), TypeError,
     r"cache: expected the tuple of 4 items returned by rnn_cell_forward, found tuple of length 2"),
    (lambda: rnn_backward(DA, [1, 2]), TypeError,
     r"caches: expected the \(list of cell caches, x\) returned by rnn_forward"),
    (lambda: lstm_forward(X, A0, {k: v for k, v in LSTM_PARAMETERS.items() if k not in ("bo", "Wy")}), KeyError,
     r"parameters: missing \['bo', 'Wy'\]"),
    (lambda: lstm_cell_forward(X[:, :, 0], A0, with_nan(C0), LSTM_PARAMETERS), ValueError, r"c_prev: expected finite"),
    (lambda: lstm_forward(X, A0, with_replaced(LSTM_PARAMETERS, "bf", with_nan(LSTM_PARAMETERS["bf"]))), ValueError,
     r"parameters\['bf'\]: expected finite numbers"),
    (lambda: lstm_cell_backward(DA_NEXT, with_nan(DC_NEXT), lstm_cell_forward(X[:, :, 0], A0, C0, LSTM_PARAMETERS)[3]),
     ValueError, r"dc_next: expected finite numbers"),
    (lambda: lstm_backward(DA, rnn_forward(X, A0, RNN_PARAMETERS)[2]), TypeError,
     r"caches: expected the \(list of cell caches, x\) returned by lstm_forward"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_integer_inputs_give_the_float_results():
    x_int, a0_int = np.round(X * 3).astype(int), np.round(A0 * 3).astype(int)
    a, y, _ = rnn_forward(x_int, a0_int, RNN_PARAMETERS)
    a_float, y_float, _ = rnn_forward(x_int.astype(float), a0_int.astype(float), RNN_PARAMETERS)
    np.testing.assert_array_equal(a, a_float)
    np.testing.assert_array_equal(y, y_float)


def test_backward_accepts_caches_built_as_lists():
    """A learner's own forward pass may collect its caches in lists where the course writes tuples."""
    (cell_caches, x) = rnn_forward(X, A0, RNN_PARAMETERS)[2]
    as_lists = [[list(cache) for cache in cell_caches], x]
    expected = rnn_backward(DA, (cell_caches, x))
    for key, value in rnn_backward(DA, as_lists).items():
        np.testing.assert_array_equal(value, expected[key])
    np.testing.assert_array_equal(rnn_cell_backward(DA_NEXT, list(cell_caches[0]))["dWaa"],
                                  rnn_cell_backward(DA_NEXT, cell_caches[0])["dWaa"])
