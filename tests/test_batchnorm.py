"""utils.layers.batchnorm_forward / batchnorm_backward: normalization, gradient check, shape errors."""

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.layers import batchnorm_backward, batchnorm_forward

RS = np.random.RandomState(31)
Z = RS.randn(4, 9) * 3 + RS.randn(4, 1) * 5
GAMMA, BETA = RS.rand(4, 1) + 0.5, RS.randn(4, 1)
DOUT = RS.randn(4, 9)


def test_forward_normalizes_every_unit_then_rescales():
    Z_tilde, (Z_norm, gamma, inv_std) = batchnorm_forward(Z, np.ones((4, 1)), np.zeros((4, 1)))
    np.testing.assert_allclose(Z_tilde.mean(axis=1), np.zeros(4), atol=1e-12)
    np.testing.assert_allclose(Z_tilde.std(axis=1), np.ones(4), rtol=1e-7)
    np.testing.assert_allclose(inv_std[:, 0], 1 / np.sqrt(Z.var(axis=1) + 1e-8))
    Z_tilde, _ = batchnorm_forward(Z, GAMMA, BETA)
    np.testing.assert_allclose(Z_tilde.mean(axis=1, keepdims=True), BETA, atol=1e-12)
    np.testing.assert_allclose(Z_tilde.std(axis=1, keepdims=True), GAMMA, rtol=1e-7)


def test_backward_matches_numerical_gradient():
    _, cache = batchnorm_forward(Z, GAMMA, BETA)
    dZ, dgamma, dbeta = batchnorm_backward(DOUT, cache)
    m = Z.shape[1]
    assert dZ.shape == Z.shape and dgamma.shape == GAMMA.shape and dbeta.shape == BETA.shape
    assert relative_error(dZ, numerical_gradient(lambda z: batchnorm_forward(z, GAMMA, BETA)[0], Z, DOUT)) < 1e-7
    # dgamma and dbeta are averaged over the m examples, as db in linear_backward
    assert relative_error(dgamma, numerical_gradient(lambda g: batchnorm_forward(Z, g, BETA)[0], GAMMA, DOUT / m)) < 1e-7
    assert relative_error(dbeta, numerical_gradient(lambda b: batchnorm_forward(Z, GAMMA, b)[0], BETA, DOUT / m)) < 1e-7
    np.testing.assert_allclose(dZ.sum(axis=1), np.zeros(4), atol=1e-10)  # a shift of a unit's z changes nothing


def test_constant_unit_stays_finite():
    Zc = np.vstack([np.full((1, 5), 3.0), RS.randn(1, 5)])
    Z_tilde, cache = batchnorm_forward(Zc, np.ones((2, 1)), np.zeros((2, 1)))
    dZ, _, _ = batchnorm_backward(np.ones((2, 5)), cache)
    assert np.isfinite(Z_tilde).all() and np.isfinite(dZ).all()
    np.testing.assert_array_equal(Z_tilde[0], np.zeros(5))


@pytest.mark.parametrize("call,message", [
    (lambda: batchnorm_forward(Z, GAMMA.T, BETA), r"gamma: expected shape \(4, 1\), found \(1, 4\)"),
    (lambda: batchnorm_forward(Z, GAMMA, BETA[:3]), r"beta: expected shape \(4, 1\), found \(3, 1\)"),
    (lambda: batchnorm_forward(Z[0], GAMMA, BETA), r"Z: expected shape \(any, any\), found \(9,\)"),
    (lambda: batchnorm_backward(DOUT.T, batchnorm_forward(Z, GAMMA, BETA)[1]),
     r"dZ_tilde and cache \(Z_norm\) must have the same shape"),
])
def test_shape_errors_name_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()
