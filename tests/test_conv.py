"""utils.conv and utils.convnet: equal to straightforward loop versions (written here), gradient-checked
against numerical gradients, and clear errors on bad input.

The loop references below also serve tests/test_c4_w1_a1.py (the course's loops, and, through their
keyword switches, the typical learner mistakes that the public tests must reject) and benchmarks/bench.py;
with the switches at their defaults they compute the correct layers.
"""

import re

import numpy as np
import pytest

from utils.conv import (
    conv_backward,
    conv_forward,
    output_size,
    pool_backward,
    pool_forward,
    zero_pad,
)
from utils.convnet import (
    convnet_backward,
    convnet_forward,
    convnet_predict,
    initialize_convnet,
)
from utils.data import one_hot
from utils.gradcheck import numerical_gradient, relative_error
from utils.losses import categorical_cross_entropy

# ---------------------------------------------------------------- loop references


def pad_images(X, pad, axes=(1, 2), before_only=False, value=0.0):
    """X padded by ``pad`` entries equal to ``value`` along ``axes`` (both sides unless before_only)."""
    widths = [(0, 0)] * X.ndim
    for axis in axes:
        widths[axis] = (pad, 0) if before_only else (pad, pad)
    return np.pad(X, widths, constant_values=value)


def loop_conv_forward(A_prev, W, b, stride, pad, plus_one=1, use_stride=True, bias=True, pad_axes=(1, 2)):
    """Z (m, n_H, n_W, n_C) by loops over (i, h, w, c); the switches reproduce learner mistakes."""
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    n_H, n_W = (n_H_prev + 2 * pad - f) // stride + plus_one, (n_W_prev + 2 * pad - f) // stride + plus_one
    A_pad = pad_images(A_prev, pad, axes=pad_axes)
    step = stride if use_stride else 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_pad[i, h * step:h * step + f, w * step:w * step + f, :]
                    Z[i, h, w, c] = np.sum(window * W[..., c]) + (b[0, 0, 0, c] if bias else 0.0)
    return Z


def loop_conv_backward(dZ, A_prev, W, stride, pad, strip="slice", assign=False, db_mean=False, no_dZ_in_dW=False):
    """(dA_prev, dW, db) by loops over (i, h, w, c); the switches reproduce learner mistakes."""
    f = W.shape[0]
    A_pad = pad_images(A_prev, pad)
    dA_pad, dW = np.zeros_like(A_pad), np.zeros_like(W)
    db = np.zeros((1, 1, 1, W.shape[3]))
    m, n_H, n_W, n_C = dZ.shape
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = (i, slice(h * stride, h * stride + f), slice(w * stride, w * stride + f))
                    if assign:
                        dA_pad[window] = W[..., c] * dZ[i, h, w, c]
                    else:
                        dA_pad[window] += W[..., c] * dZ[i, h, w, c]
                    dW[..., c] += A_pad[window] * (1.0 if no_dZ_in_dW else dZ[i, h, w, c])
                    db[..., c] += dZ[i, h, w, c]
    if strip == "slice":
        dA_prev = dA_pad[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :]
    else:  # the classic [pad:-pad], empty when pad = 0
        dA_prev = dA_pad[:, pad:-pad, pad:-pad, :]
    return dA_prev, dW, db / (m * n_H * n_W) if db_mean else db


def loop_pool_forward(A_prev, f, stride, mode, use_stride=True, plus_one=1):
    """A (m, n_H, n_W, n_C) by loops over (i, h, w, c); the switches reproduce learner mistakes."""
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H, n_W = (n_H_prev - f) // stride + plus_one, (n_W_prev - f) // stride + plus_one
    step = stride if use_stride else 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h * step:h * step + f, w * step:w * step + f, c]
                    A[i, h, w, c] = np.max(window) if mode == "max" else np.mean(window)
    return A


def loop_pool_backward(dA, A_prev, f, stride, mode, assign=False, use_stride=True, divide=True):
    """dA_prev (A_prev's shape) by loops over (i, h, w, c); the switches reproduce learner mistakes."""
    step = stride if use_stride else 1
    dA_prev = np.zeros_like(A_prev)
    m, n_H, n_W, n_C = dA.shape
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = (i, slice(h * step, h * step + f), slice(w * step, w * step + f), c)
                    if mode == "max":
                        value = (A_prev[window] == np.max(A_prev[window])) * dA[i, h, w, c]
                    else:
                        value = np.full((f, f), dA[i, h, w, c] / (f * f) if divide else dA[i, h, w, c])
                    if assign:
                        dA_prev[window] = value
                    else:
                        dA_prev[window] += value
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
    tied = np.sum(A_prev[0, :2, :2, 0] == A[0, 0, 0, 0])
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
    _, cache = pool_forward(A_prev, {"f": 2, "stride": 2})
    with pytest.raises(ValueError, match=r"dA: expected shape \(2, 2, 2, 3\), found \(2, 2, 3, 3\)"):
        pool_backward(np.zeros((2, 2, 3, 3)), cache)
    with pytest.raises(ValueError, match="pad: expected an int >= 0"):
        zero_pad(A_prev, -1)


def test_bad_types_and_keys_name_the_argument():
    A_prev, W, b, hp = _conv_inputs(CONV_CASES[0])
    with pytest.raises(TypeError, match="A_prev: expected real numbers, found complex"):
        conv_forward(A_prev + 1j, W, b, hp)
    with pytest.raises(TypeError, match="W: expected an array of real numbers"):
        conv_forward(A_prev, W.astype(str), b, hp)
    with pytest.raises(ValueError, match=r'hparameters\["stride"\]: expected an int >= 1, found 1.5'):
        conv_forward(A_prev, W, b, {"stride": 1.5, "pad": 0})
    with pytest.raises(TypeError, match="hparameters: expected a dict, found list"):
        conv_forward(A_prev, W, b, [1, 0])
    with pytest.raises(KeyError, match="hparameters: missing 'f'"):
        pool_forward(A_prev, {"stride": 2})
    with pytest.raises(TypeError, match="mode: expected one of"):
        pool_forward(A_prev, {"f": 2, "stride": 2}, mode=None)
    with pytest.raises(TypeError, match=r"cache: expected the tuple \(A_prev, W, b, hparameters\)"):
        conv_backward(np.zeros((2, 3, 3, 4)), (A_prev, W, b))
    with pytest.raises(TypeError, match="pad: expected an int >= 0, found str"):
        zero_pad(A_prev, "1")
    with pytest.raises(TypeError, match="stride: expected an int >= 1, found NoneType"):
        output_size(28, 3, 1, None)


def test_empty_batches_are_rejected():
    A_prev, W, b, hp = _conv_inputs(CONV_CASES[0])
    with pytest.raises(ValueError, match=r"A_prev: expected at least one element, found an empty array of shape \(0, 5, 5, 3\)"):
        conv_forward(A_prev[:0], W, b, hp)
    with pytest.raises(ValueError, match="W: expected at least one element"):
        conv_forward(A_prev, W[..., :0], b[..., :0], hp)
    with pytest.raises(ValueError, match="A_prev: expected at least one element"):
        pool_forward(A_prev[:0], {"f": 2, "stride": 2})
    with pytest.raises(ValueError, match="X: expected at least one element"):
        zero_pad(A_prev[:0], 1)


def _with(array, index, value):
    broken = array.copy()
    broken[index] = value
    return broken


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_and_inf_inputs_are_named(bad):
    A_prev, W, b, hp = _conv_inputs(CONV_CASES[1])
    Z, cache = conv_forward(A_prev, W, b, hp)
    A, pool_cache = pool_forward(A_prev, {"f": 2, "stride": 2})
    calls = [("A_prev", (1, 2, 3, 0), lambda a: conv_forward(a, W, b, hp), A_prev),
             ("W", (2, 0, 1, 2), lambda w: conv_forward(A_prev, w, b, hp), W),
             ("b", (0, 0, 0, 1), lambda v: conv_forward(A_prev, W, v, hp), b),
             ("dZ", (0, 4, 6, 2), lambda dz: conv_backward(dz, cache), Z),
             ("A_prev", (0, 3, 2, 1), lambda a: conv_backward(Z, (a, W, b, hp)), A_prev),
             ("A_prev", (0, 3, 2, 1), lambda a: pool_forward(a, {"f": 2, "stride": 2}, "average"), A_prev),
             ("dA", (1, 1, 0, 1), lambda da: pool_backward(da, pool_cache, "max"), A)]
    for name, index, call, array in calls:
        with pytest.raises(ValueError, match=re.escape(f"{name}: expected finite numbers, found {bad} at index {index}")):
            call(_with(array, index, bad))


def test_conv_backward_finds_every_non_finite_dZ_without_warning():
    """conv_backward searches dZ only when db is not finite: every NaN/inf of dZ must reach db."""
    A_prev, W, b, hp = _conv_inputs(CONV_CASES[2])
    Z, cache = conv_forward(A_prev, W, b, hp)
    rs = np.random.RandomState(5)
    for _ in range(20):
        dZ = rs.randn(*Z.shape)
        index = tuple(int(rs.randint(n)) for n in dZ.shape)
        dZ[index] = rs.choice([np.nan, np.inf, -np.inf])
        if rs.rand() < 0.5:  # an inf and a -inf in the same channel sum to NaN
            dZ[(0, 0, 0, index[3])] = -dZ[index]
        with pytest.raises(ValueError, match="dZ: expected finite numbers"), np.errstate(all="raise"):
            conv_backward(dZ, cache)


def test_convnet_bad_inputs_name_the_argument():
    rs = np.random.RandomState(12)
    X = rs.randn(3, 6, 6, 2)
    parameters = initialize_convnet((6, 6, 2), n_filters=4, n_classes=3, rng=5)
    with pytest.raises(KeyError, match="parameters: missing 'W2'"):
        convnet_forward(X, {k: v for k, v in parameters.items() if k != "W2"})
    with pytest.raises(ValueError, match=r"parameters\['W2'\]: expected shape \(any, 36\), found \(3, 35\)"):
        convnet_forward(X, dict(parameters, W2=parameters["W2"][:, :35]))
    with pytest.raises(ValueError, match=r"parameters\['W1'\]: expected an odd filter size"):
        convnet_forward(X, dict(parameters, W1=np.zeros((2, 2, 2, 4))))
    with pytest.raises(ValueError, match=r"parameters\['b1'\]: expected finite numbers"):
        convnet_forward(X, dict(parameters, b1=np.full((1, 1, 1, 4), np.nan)))
    with pytest.raises(ValueError, match="X: expected finite numbers"):
        convnet_predict(np.where(X > 2.5, np.inf, X), parameters)
    with pytest.raises(ValueError, match="X: expected at least one element"):
        convnet_predict(X[:0], parameters)
    with pytest.raises(ValueError, match="Z2: the forward pass overflowed"), np.errstate(over="ignore", invalid="ignore"):
        convnet_forward(X * 1e300, dict(parameters, W1=parameters["W1"] * 1e10))
    with pytest.raises(TypeError, match=r"input_shape: expected a tuple \(n_H, n_W, n_C\)"):
        initialize_convnet(6, n_filters=4, n_classes=3)
    with pytest.raises(ValueError, match=r"input_shape: expected a tuple of 3 sizes \(n_H, n_W, n_C\), found \(6, 6\)"):
        initialize_convnet((6, 6), n_filters=4, n_classes=3)
    with pytest.raises(ValueError, match="f: expected an odd filter size"):
        initialize_convnet((6, 6, 2), n_filters=4, n_classes=3, f=4)
    with pytest.raises(ValueError, match="pool: expected a window of at most the image size 6 x 6, found 7"):
        initialize_convnet((6, 6, 2), n_filters=4, n_classes=3, pool=7)
    with pytest.raises(TypeError, match="pool: expected an int >= 1, found str"):
        convnet_forward(X, parameters, pool="2")
    AL, caches = convnet_forward(X, parameters)
    Y = one_hot(np.array([[0, 2, 1]]), 3)
    with pytest.raises(ValueError, match=r"AL and Y must have the same shape"):
        convnet_backward(AL, Y[:, :2], caches)
    with pytest.raises(TypeError, match="caches: expected the tuple"):
        convnet_backward(AL, Y, caches[:4])


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
