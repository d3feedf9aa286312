"""utils.conv and utils.convnet: equal to straightforward loop versions (written here), gradient-checked
against numerical gradients, and clear errors on bad shapes."""

import numpy as np
import pytest

from utils.conv import conv_backward, conv_forward, output_size, pool_backward, pool_forward, zero_pad
from utils.convnet import convnet_backward, convnet_forward, initialize_convnet
from utils.data import one_hot
from utils.gradcheck import numerical_gradient, relative_error
from utils.losses import categorical_cross_entropy


# ---------------------------------------------------------------- loop references

def loop_conv_forward(A_prev, W, b, stride, pad):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    n_H, n_W = (n_H_prev + 2 * pad - f) // stride + 1, (n_W_prev + 2 * pad - f) // stride + 1
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_pad[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                    Z[i, h, w, c] = np.sum(window * W[..., c]) + b[0, 0, 0, c]
    return Z


def loop_conv_backward(dZ, A_prev, W, stride, pad):
    f = W.shape[0]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad, dW = np.zeros_like(A_pad), np.zeros_like(W)
    db = np.zeros((1, 1, 1, W.shape[3]))
    m, n_H, n_W, n_C = dZ.shape
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    hs, ws = h * stride, w * stride
                    dA_pad[i, hs:hs + f, ws:ws + f, :] += W[..., c] * dZ[i, h, w, c]
                    dW[..., c] += A_pad[i, hs:hs + f, ws:ws + f, :] * dZ[i, h, w, c]
                    db[..., c] += dZ[i, h, w, c]
    return dA_pad[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :], dW, db


def loop_pool_forward(A_prev, f, stride, mode):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, c]
                    A[i, h, w, c] = np.max(window) if mode == "max" else np.mean(window)
    return A


def loop_pool_backward(dA, A_prev, f, stride, mode):
    dA_prev = np.zeros_like(A_prev)
    m, n_H, n_W, n_C = dA.shape
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    hs, ws = h * stride, w * stride
                    if mode == "max":
                        window = A_prev[i, hs:hs + f, ws:ws + f, c]
                        dA_prev[i, hs:hs + f, ws:ws + f, c] += (window == np.max(window)) * dA[i, h, w, c]
                    else:
                        dA_prev[i, hs:hs + f, ws:ws + f, c] += dA[i, h, w, c] / (f * f)
    return dA_prev


CONV_CASES = [  # (m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad)
    (2, 5, 5, 3, 3, 4, 1, 0),
    (2, 6, 7, 2, 3, 3, 1, 1),
    (3, 7, 6, 3, 3, 2, 2, 1),
    (2, 8, 8, 1, 4, 2, 3, 2),
    (1, 5, 4, 2, 2, 5, 2, 0),
    (2, 4, 4, 2, 1, 3, 1, 0),
]
POOL_CASES = [(2, 2), (3, 1), (3, 2), (2, 3)]  # (f, stride)


def _conv_inputs(case, seed=0):
    m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad = case
    rs = np.random.RandomState(seed)
    A_prev, W, b = rs.randn(m, n_H_prev, n_W_prev, n_C_prev), rs.randn(f, f, n_C_prev, n_C), rs.randn(1, 1, 1, n_C)
    return A_prev, W, b, {"stride": stride, "pad": pad}


def test_output_size_formula():
    assert output_size(28, 3, 1, 1) == 28
    assert output_size(7, 3, 1, 2) == 4
    assert output_size(8, 4, 2, 3) == 3
    with pytest.raises(ValueError, match="does not fit"):
        output_size(2, 5, 1, 1)


def test_zero_pad():
    X = np.random.RandomState(1).randn(2, 3, 4, 2)
    X_pad = zero_pad(X, 2)
    assert X_pad.shape == (2, 7, 8, 2)
    np.testing.assert_array_equal(X_pad[:, 2:-2, 2:-2, :], X)
    assert np.count_nonzero(X_pad) == X.size
    np.testing.assert_array_equal(zero_pad(X, 0), X)


@pytest.mark.parametrize("case", CONV_CASES)
def test_conv_forward_equals_loop(case):
    A_prev, W, b, hp = _conv_inputs(case)
    Z, cache = conv_forward(A_prev, W, b, hp)
    np.testing.assert_allclose(Z, loop_conv_forward(A_prev, W, b, hp["stride"], hp["pad"]), rtol=1e-12, atol=1e-12)
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b and cache[3] is hp


@pytest.mark.parametrize("case", CONV_CASES)
def test_conv_backward_equals_loop(case):
    A_prev, W, b, hp = _conv_inputs(case)
    Z, cache = conv_forward(A_prev, W, b, hp)
    dZ = np.random.RandomState(9).randn(*Z.shape)
    for mine, loop in zip(conv_backward(dZ, cache), loop_conv_backward(dZ, A_prev, W, hp["stride"], hp["pad"])):
        assert mine.shape == loop.shape
        np.testing.assert_allclose(mine, loop, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("case", CONV_CASES[1:4])
def test_conv_backward_matches_numerical_gradient(case):
    A_prev, W, b, hp = _conv_inputs(case, seed=3)
    Z, cache = conv_forward(A_prev, W, b, hp)
    dZ = np.random.RandomState(4).randn(*Z.shape)
    dA_prev, dW, db = conv_backward(dZ, cache)
    assert relative_error(dA_prev, numerical_gradient(lambda a: conv_forward(a, W, b, hp)[0], A_prev, dZ)) < 1e-8
    assert relative_error(dW, numerical_gradient(lambda w: conv_forward(A_prev, w, b, hp)[0], W, dZ)) < 1e-8
    assert relative_error(db, numerical_gradient(lambda v: conv_forward(A_prev, W, v, hp)[0], b, dZ)) < 1e-8


def test_conv_does_not_modify_inputs():
    A_prev, W, b, hp = _conv_inputs(CONV_CASES[2])
    copies = [A_prev.copy(), W.copy(), b.copy()]
    Z, cache = conv_forward(A_prev, W, b, hp)
    dZ = np.ones_like(Z)
    conv_backward(dZ, cache)
    for before, after in zip(copies + [np.ones_like(Z)], [A_prev, W, b, dZ]):
        np.testing.assert_array_equal(before, after)


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("f,stride", POOL_CASES)
def test_pool_forward_and_backward_equal_loop(f, stride, mode):
    rs = np.random.RandomState(f * 10 + stride)
    A_prev = rs.randn(2, 7, 6, 3)
    A, cache = pool_forward(A_prev, {"f": f, "stride": stride}, mode=mode)
    np.testing.assert_allclose(A, loop_pool_forward(A_prev, f, stride, mode), rtol=1e-13)
    dA = rs.randn(*A.shape)
    np.testing.assert_allclose(pool_backward(dA, cache, mode), loop_pool_backward(dA, A_prev, f, stride, mode),
                               rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("stride", [1, 2])
def test_max_pool_ties_send_the_gradient_to_every_maximum(stride):
    A_prev = np.round(np.random.RandomState(2).rand(2, 6, 6, 2) * 2)  # many equal values: ties everywhere
    A, cache = pool_forward(A_prev, {"f": 2, "stride": stride}, mode="max")
    dA = np.random.RandomState(3).randn(*A.shape)
    expected = loop_pool_backward(dA, A_prev, 2, stride, "max")
    np.testing.assert_allclose(pool_backward(dA, cache, "max"), expected, rtol=1e-12, atol=1e-14)
    tied = np.sum((A_prev[0, :2, :2, 0] == A[0, 0, 0, 0]))
    assert tied >= 1


@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_backward_matches_numerical_gradient(mode):
    rs = np.random.RandomState(8)
    A_prev = rs.randn(2, 5, 5, 2)  # distinct values: max pooling is differentiable there
    hp = {"f": 3, "stride": 2}
    A, cache = pool_forward(A_prev, hp, mode)
    dA = rs.randn(*A.shape)
    numerical = numerical_gradient(lambda a: pool_forward(a, hp, mode)[0], A_prev, dA)
    assert relative_error(pool_backward(dA, cache, mode), numerical) < 1e-8


def test_shape_errors_name_the_argument():
    A_prev, W, b, hp = _conv_inputs(CONV_CASES[0])
    with pytest.raises(ValueError, match=r"A_prev: expected shape \(any, any, any, any\), found \(5, 5, 3\)"):
        conv_forward(A_prev[0], W, b, hp)
    with pytest.raises(ValueError, match=r"W: expected shape \(3, 3, 3, any\), found \(3, 3, 2, 4\)"):
        conv_forward(A_prev, W[:, :, :2], b, hp)
    with pytest.raises(ValueError, match=r"b: expected shape \(1, 1, 1, 4\), found \(4,\)"):
        conv_forward(A_prev, W, b.ravel(), hp)
    with pytest.raises(KeyError, match="hparameters: missing 'pad'"):
        conv_forward(A_prev, W, b, {"stride": 1})
    with pytest.raises(ValueError, match=r'hparameters\["stride"\]: expected an int >= 1, found 0'):
        conv_forward(A_prev, W, b, {"stride": 0, "pad": 0})
    Z, cache = conv_forward(A_prev, W, b, hp)
    with pytest.raises(ValueError, match=r"dZ: expected shape \(2, 3, 3, 4\), found \(2, 3, 3, 3\)"):
        conv_backward(Z[..., :3], cache)
    with pytest.raises(ValueError, match="mode: expected one of"):
        pool_forward(A_prev, {"f": 2, "stride": 2}, mode="min")
    A, cache = pool_forward(A_prev, {"f": 2, "stride": 2})
    with pytest.raises(ValueError, match=r"dA: expected shape \(2, 2, 2, 3\), found \(2, 2, 3, 3\)"):
        pool_backward(np.zeros((2, 2, 3, 3)), cache)
    with pytest.raises(ValueError, match="pad: expected an int >= 0"):
        zero_pad(A_prev, -1)


def test_convnet_gradients_match_numerical_gradient():
    rs = np.random.RandomState(12)
    X = rs.randn(3, 6, 6, 2)
    Y = one_hot(np.array([[0, 2, 1]]), 3)
    parameters = initialize_convnet((6, 6, 2), n_filters=4, n_classes=3, rng=5)
    AL, caches = convnet_forward(X, parameters)
    assert AL.shape == (3, 3)
    np.testing.assert_allclose(AL.sum(axis=0), np.ones(3))
    grads = convnet_backward(AL, Y, caches)
    for key in parameters:
        def cost(value, key=key):
            changed = dict(parameters, **{key: value})
            return np.array(categorical_cross_entropy(convnet_forward(X, changed)[0], Y))
        numerical = numerical_gradient(cost, parameters[key], np.array(1.0))
        assert grads[f"d{key}"].shape == parameters[key].shape
        assert relative_error(grads[f"d{key}"], numerical) < 1e-6, key
