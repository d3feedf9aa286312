"""utils.regularization: the L2 penalty and its gradient, inverted dropout forward/backward (gradient-checked
with a fixed mask), the course's mask stream, and the argument errors."""

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.initializers import initialize_parameters_deep
from utils.regularization import (dropout_backward, dropout_forward, l2_regularization_cost,
                                  l2_regularization_gradients)

PARAMS = initialize_parameters_deep([4, 3, 2, 1], rng=0, scale=1.0)
RS = np.random.RandomState(21)
A = RS.randn(5, 7)
DOUT = RS.randn(5, 7)
MASK = (RS.rand(5, 7) < 0.7).astype(int)


def test_l2_cost_value():
    expected = 0.3 / (2 * 6) * sum(np.sum(PARAMS[f"W{l}"] ** 2) for l in (1, 2, 3))
    cost = l2_regularization_cost(PARAMS, 0.3, 6)
    assert type(cost) is float and cost == pytest.approx(expected, rel=1e-14)
    assert l2_regularization_cost({**PARAMS, "b1": np.full((3, 1), 9.0)}, 0.3, 6) == cost  # biases not penalized
    assert l2_regularization_cost(PARAMS, 0.0, 6) == 0.0


def test_l2_gradients_match_numerical_gradient():
    terms = l2_regularization_gradients(PARAMS, 0.3, 6)
    assert sorted(terms) == ["dW1", "dW2", "dW3"]
    for l in (1, 2, 3):
        def penalty(w, l=l):
            return np.array(l2_regularization_cost({**PARAMS, f"W{l}": w}, 0.3, 6))
        numeric = numerical_gradient(penalty, PARAMS[f"W{l}"], np.array(1.0))
        assert terms[f"dW{l}"].shape == PARAMS[f"W{l}"].shape
        assert relative_error(terms[f"dW{l}"], numeric) < 1e-7


def test_dropout_forward_with_a_fixed_mask():
    out, (D, keep_prob) = dropout_forward(A, 0.7, mask=MASK)
    np.testing.assert_allclose(out, A * MASK / 0.7, rtol=1e-15)
    np.testing.assert_array_equal(D, MASK)
    assert keep_prob == 0.7 and D.dtype.kind == "i"


def test_dropout_backward_matches_numerical_gradient_with_a_fixed_mask():
    _, cache = dropout_forward(A, 0.7, mask=MASK)
    dA = dropout_backward(DOUT, cache)
    numeric = numerical_gradient(lambda a: dropout_forward(a, 0.7, mask=MASK)[0], A, DOUT)
    assert dA.shape == A.shape
    assert relative_error(dA, numeric) < 1e-7
    assert np.all(dA[MASK == 0] == 0)   # no gradient flows through a dropped unit


def test_dropout_mask_is_the_course_stream_and_keeps_the_expected_value():
    np.random.seed(1)
    expected = (np.random.rand(5, 7) < 0.8).astype(int)
    np.random.seed(1)
    _, (D, _) = dropout_forward(A, 0.8)
    np.testing.assert_array_equal(D, expected)
    _, (D_int, _) = dropout_forward(A, 0.8, rng=1)
    np.testing.assert_array_equal(D_int, expected)
    big = np.ones((200, 500))
    out, (D, _) = dropout_forward(big, 0.6, rng=3)
    assert abs(D.mean() - 0.6) < 0.01 and abs(out.mean() - 1.0) < 0.02   # inverted dropout: mean kept
    same, (D1, _) = dropout_forward(A, 1.0, rng=0)
    np.testing.assert_array_equal(same, A)
    assert D1.all()


@pytest.mark.parametrize("call,error,message", [
    (lambda: dropout_forward(A, 0.0), ValueError, r"keep_prob: expected a probability in \(0, 1\]"),
    (lambda: dropout_forward(A, 1.5), ValueError, r"keep_prob: expected a probability in \(0, 1\]"),
    (lambda: dropout_forward(A, 0.5, mask=MASK[:, :3]), ValueError, r"mask and A must have the same shape"),
    (lambda: dropout_forward(A, 0.5, mask=MASK * 2), ValueError, r"mask: expected only 0 and 1"),
    (lambda: dropout_backward(DOUT.T, (MASK, 0.7)), ValueError, r"dA and cache \(D\) must have the same shape"),
    (lambda: l2_regularization_cost(PARAMS, -1.0, 6), ValueError, r"lambd: expected a number >= 0"),
    (lambda: l2_regularization_gradients(PARAMS, 0.1, 0), ValueError, r"m: expected an int >= 1, found 0"),
    (lambda: l2_regularization_cost({"W1": PARAMS["W1"]}, 0.1, 6), KeyError, r"parameters: missing .b1."),
])
def test_errors_name_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()
