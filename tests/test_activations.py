import warnings

import numpy as np
import pytest

from utils import activations
from utils.gradcheck import numerical_gradient, relative_error

Z = np.random.RandomState(0).randn(4, 5) * 3


def test_values():
    np.testing.assert_allclose(activations.sigmoid(np.array([0.0, np.log(3.0)])), [0.5, 0.75])
    np.testing.assert_array_equal(activations.relu(np.array([[-2.0, 0.0, 3.0]])), [[0.0, 0.0, 3.0]])
    np.testing.assert_allclose(activations.tanh(np.array([0.0, 1.0])), [0.0, np.tanh(1.0)])


def test_extreme_inputs_are_stable():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = activations.sigmoid(np.array([-1000.0, 1000.0]))
        p = activations.softmax(np.array([[1000.0, -1000.0], [1001.0, 0.0]]))
    np.testing.assert_array_equal(s, [0.0, 1.0])
    assert np.isfinite(p).all()
    np.testing.assert_allclose(p.sum(axis=0), [1.0, 1.0])


def test_softmax_is_columnwise():
    A = activations.softmax(Z)
    np.testing.assert_allclose(A.sum(axis=0), np.ones(5))
    np.testing.assert_allclose(A[:, 0], np.exp(Z[:, 0]) / np.exp(Z[:, 0]).sum())


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_forward_returns_output_and_cache(name):
    A, cache = getattr(activations, f"{name}_forward")(Z)
    np.testing.assert_array_equal(A, getattr(activations, name)(Z))
    np.testing.assert_array_equal(cache, Z)


@pytest.mark.parametrize("name", ["sigmoid", "relu", "tanh"])
def test_backward_matches_numerical_gradient(name):
    dA = np.random.RandomState(1).randn(*Z.shape)
    dZ = getattr(activations, f"{name}_backward")(dA, Z)
    numeric = numerical_gradient(getattr(activations, name), Z, dA)
    assert relative_error(dZ, numeric) < 1e-7


def test_backward_shape_mismatch_names_both_arguments():
    with pytest.raises(ValueError, match=r"dA and cache \(Z\) must have the same shape, found \(4, 5\) and \(5, 4\)"):
        activations.relu_backward(np.ones((4, 5)), np.ones((5, 4)))


def test_bad_types_are_rejected_clearly():
    with pytest.raises(TypeError, match="Z: expected an array of real numbers"):
        activations.sigmoid(np.array(["a", "b"]))
    with pytest.raises(ValueError, match=r"Z: expected a 2-D array of shape \(C, m\), found shape \(3,\)"):
        activations.softmax(np.zeros(3))


def test_integer_input_gives_float_output():
    assert activations.relu(np.array([1, -1])).dtype == np.float64
    assert activations.sigmoid(0) == 0.5
