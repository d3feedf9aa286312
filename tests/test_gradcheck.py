"""utils.gradcheck: parameter dict <-> vector round trips driven by the shapes, and the gradient report."""

import numpy as np
import pytest

from utils.gradcheck import (compare_gradients, dictionary_to_vector, format_gradient_report,
                             gradients_to_vector, numerical_gradient, relative_error, vector_to_dictionary)
from utils.initializers import initialize_parameters_deep

PARAMS = initialize_parameters_deep([4, 5, 3, 1], rng=1, scale="he")


def test_round_trip_for_any_layer_sizes():
    for dims in ([4, 5, 3, 1], [2, 1], [3, 7, 7, 7, 2]):
        p = initialize_parameters_deep(dims, rng=0, scale="xavier")
        theta, layout = dictionary_to_vector(p)
        assert theta.shape == (sum(v.size for v in p.values()), 1)
        assert layout == [(k, v.shape) for k, v in p.items()]
        back = vector_to_dictionary(theta, layout)
        assert list(back) == list(p)
        for k in p:
            np.testing.assert_array_equal(back[k], p[k])
        back[list(back)[0]][0, 0] = 99.0                                  # a new array, not a view of p
        assert p[list(p)[0]][0, 0] != 99.0


def test_stacking_order_and_keys():
    p = {"W1": np.array([[1.0, 2.0], [3.0, 4.0]]), "b1": np.array([[5.0], [6.0]]), "W2": np.array([[7.0, 8.0]])}
    theta, layout = dictionary_to_vector(p)
    np.testing.assert_array_equal(theta.ravel(), np.arange(1.0, 9.0))      # row by row, key after key
    theta, layout = dictionary_to_vector(p, keys=["W2", "W1"])
    np.testing.assert_array_equal(theta.ravel(), [7, 8, 1, 2, 3, 4])
    grads = {"dW1": -p["W1"], "db1": -p["b1"], "dW2": -p["W2"]}
    np.testing.assert_array_equal(gradients_to_vector(grads, layout), -theta)
    assert vector_to_dictionary(theta.ravel(), layout)["W2"].shape == (1, 2)


@pytest.mark.parametrize("call,error,message", [
    (lambda: dictionary_to_vector(PARAMS, keys=["W1", "W9"]), KeyError, r"parameters: missing \['W9'\]"),
    (lambda: vector_to_dictionary(np.zeros((5, 1)), dictionary_to_vector(PARAMS)[1]), ValueError,
     r"theta: expected shape \(47, 1\)"),
    (lambda: gradients_to_vector({"dW1": np.zeros((5, 4))}, dictionary_to_vector(PARAMS)[1]), KeyError,
     r"grads: missing 'db1'"),
    (lambda: gradients_to_vector({"dW1": np.zeros((4, 5))}, dictionary_to_vector(PARAMS)[1]), ValueError,
     r"grads\['dW1'\]: expected shape \(5, 4\)"),
])
def test_errors_name_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_compare_gradients_finds_the_wrong_parameter():
    theta, layout = dictionary_to_vector(PARAMS)
    grads = vector_to_dictionary(theta * 2, layout)
    grad = gradients_to_vector({f"d{k}": v for k, v in grads.items()}, layout)
    approx = grad.copy()
    approx[25:28] += 0.5                                                     # inside W2 (entries 25 .. 39)
    rows = compare_gradients(grad, approx, layout)
    assert [r["name"] for r in rows] == ["dW1", "db1", "dW2", "db2", "dW3", "db3"]
    assert [r["approximate"] for r in rows] == [True, True, False, True, True, True]
    assert rows[2]["max_diff"] == pytest.approx(0.5) and rows[0]["exact"] and rows[0]["relative_error"] == 0.0
    table = format_gradient_report(rows).splitlines()
    assert table[0].split() == ["gradient", "exact", "approx", "max", "diff", "relative"]
    assert table[1].split() == ["dW1", "True", "True", "<", "1e-07", "<", "1e-07"]
    assert table[3].split()[:4] == ["dW2", "False", "False", "5.00e-01"]


def test_numerical_gradient_of_a_dict_function_through_the_vector():
    X = np.random.RandomState(0).randn(4, 6)

    def cost(theta):
        p = vector_to_dictionary(theta, layout)
        return np.array(np.sum(np.tanh(p["W1"] @ X + p["b1"]) ** 2))

    theta, layout = dictionary_to_vector({k: PARAMS[k] for k in ("W1", "b1")})
    p = vector_to_dictionary(theta, layout)
    T = np.tanh(p["W1"] @ X + p["b1"])
    dZ = 2 * T * (1 - T ** 2)
    exact = gradients_to_vector({"dW1": dZ @ X.T, "db1": dZ.sum(axis=1, keepdims=True)}, layout)
    assert relative_error(exact, numerical_gradient(cost, theta, np.array(1.0))) < 1e-8
