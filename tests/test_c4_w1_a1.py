"""The public tests of C4_W1_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (padding the wrong axes, output size off by one, ignoring the stride, forgetting the bias,
stripping the padding with [pad:-pad], = instead of +=, a single-argmax mask, the wrong average); the
loop solutions agree with the vectorized library utils.conv. The course-shaped functions below wrap the
loop references of tests/test_conv.py; their keyword switches make the mistakes."""

import numpy as np

import utils.conv as fast
from tests.conftest import public_test_suite, run_public_test
from tests.test_conv import (
    loop_conv_backward,
    loop_conv_forward,
    loop_pool_backward,
    loop_pool_forward,
    pad_images,
)
from utils.grading import c4_w1_a1 as tests

STEM = "C4_W1_A1"


def _single_step(a, W, b, bias=True, mean=False, as_array=False):
    s = np.mean(a * W) if mean else np.sum(a * W)
    z = s + (b if as_array else b.item()) if bias else s
    return z if as_array else float(z)


def _conv_forward(A_prev, W, b, hp, **mistake):
    return loop_conv_forward(A_prev, W, b, hp["stride"], hp["pad"], **mistake), (A_prev, W, b, hp)


def _pool_forward(A_prev, hp, mode="max", **mistake):
    return loop_pool_forward(A_prev, hp["f"], hp["stride"], mode, **mistake), (A_prev, hp)


def _conv_backward(dZ, cache, **mistake):
    A_prev, W, _, hp = cache
    return loop_conv_backward(dZ, A_prev, W, hp["stride"], hp["pad"], **mistake)


def _pool_backward(dA, cache, mode="max", **mistake):
    A_prev, hp = cache
    return loop_pool_backward(dA, A_prev, hp["f"], hp["stride"], mode, **mistake)


def _mask(x, how="max"):
    if how == "min":
        return x == np.min(x)
    if how == "argmax":
        mask = np.zeros(x.shape, dtype=bool)
        mask[np.unravel_index(np.argmax(x), x.shape)] = True
        return mask
    return x == np.max(x)


def _distribute(dz, shape, divisor="size"):
    n_H, n_W = shape
    d = {"size": n_H * n_W, "height": n_H, "none": 1}[divisor]
    return np.ones(shape) * dz / d


MISTAKES = {
    "zero_pad": [
        lambda X, pad: pad_images(X, pad, axes=(0, 1, 2, 3)),                            # padded every axis
        lambda X, pad: pad_images(X, pad, before_only=True),                             # only top and left
        lambda X, pad: pad_images(X, pad, axes=(1, 2, 3)),                               # channels padded too
        lambda X, pad: pad_images(X, pad, value=1.0),                                    # padded with ones
    ],
    "conv_single_step": [
        lambda a, W, b: _single_step(a, W, b, bias=False),                               # forgot the bias
        lambda a, W, b: _single_step(a, W, b, mean=True),                                # mean instead of sum
        lambda a, W, b: _single_step(a, W, b, as_array=True),                            # (1, 1, 1) array, not a float
    ],
    "conv_forward": [
        lambda A, W, b, hp: _conv_forward(A, W, b, hp, plus_one=0),                      # output size off by one
        lambda A, W, b, hp: _conv_forward(A, W, b, hp, use_stride=False),                # window starts at h, not h * stride
        lambda A, W, b, hp: _conv_forward(A, W, b, hp, bias=False),                      # forgot the bias
        lambda A, W, b, hp: _conv_forward(A, W, b, hp, pad_axes=(2,)),                   # padded the width only
    ],
    "pool_forward": [
        lambda A, hp, mode="max": _pool_forward(A, hp, "max"),                           # ignored mode
        lambda A, hp, mode="max": _pool_forward(A, hp, mode, use_stride=False),          # ignored the stride
        lambda A, hp, mode="max": _pool_forward(A, hp, mode, plus_one=0),                # output size off by one
    ],
    "conv_backward": [
        lambda dZ, cache: _conv_backward(dZ, cache, strip="minus"),                      # [pad:-pad] is empty when pad = 0
        lambda dZ, cache: _conv_backward(dZ, cache, assign=True),                        # = instead of += on overlapping windows
        lambda dZ, cache: _conv_backward(dZ, cache, db_mean=True),                       # db averaged instead of summed
        lambda dZ, cache: _conv_backward(dZ, cache, no_dZ_in_dW=True),                   # dW without the upstream gradient
    ],
    "create_mask_from_window": [
        lambda x: _mask(x, "min"),                                                       # mask of the minimum
        lambda x: _mask(x, "argmax"),                                                    # one True only, even on a tie
        lambda x: x > np.max(x),                                                         # strict ">": nothing is marked
    ],
    "distribute_value": [
        lambda dz, shape: _distribute(dz, shape, "height"),                              # divided by n_H only
        lambda dz, shape: _distribute(dz, shape, "none"),                                # copied dz everywhere
    ],
    "pool_backward": [
        lambda dA, cache, mode="max": _pool_backward(dA, cache, "max"),                  # ignored mode
        lambda dA, cache, mode="max": _pool_backward(dA, cache, mode, assign=True),      # = instead of +=
        lambda dA, cache, mode="max": _pool_backward(dA, cache, mode, use_stride=False), # ignored the stride
        lambda dA, cache, mode="max": _pool_backward(dA, cache, mode, divide=False),     # no 1/f^2
    ],
}


def test_correct_variants_pass():
    """The broken variants differ from a correct implementation only by the mistake they name."""
    for name, correct in [("zero_pad", pad_images), ("conv_single_step", _single_step), ("conv_forward", _conv_forward),
                          ("pool_forward", _pool_forward), ("conv_backward", _conv_backward),
                          ("create_mask_from_window", _mask), ("distribute_value", _distribute),
                          ("pool_backward", _pool_backward)]:
        run_public_test(tests, name, correct)


def test_library_passes_the_public_tests():
    """utils.conv computes what the course's loops compute, with the same arguments and returns."""
    for name in ("zero_pad", "conv_forward", "pool_forward", "conv_backward", "pool_backward"):
        tests.GRADED[name].test(getattr(fast, name))


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(7)
    A_prev, W, b = rs.randn(2, 7, 6, 3), rs.randn(3, 3, 3, 4), rs.randn(1, 1, 1, 4)
    for hp in ({"stride": 1, "pad": 1}, {"stride": 2, "pad": 0}, {"stride": 3, "pad": 2}):
        Z, cache = ns["conv_forward"](A_prev, W, b, hp)
        Z_fast, cache_fast = fast.conv_forward(A_prev, W, b, hp)
        np.testing.assert_allclose(Z, Z_fast, rtol=1e-12, atol=1e-12)
        dZ = rs.randn(*Z.shape)
        for mine, library in zip(ns["conv_backward"](dZ, cache), fast.conv_backward(dZ, cache_fast)):
            np.testing.assert_allclose(mine, library, rtol=1e-12, atol=1e-12)
    for mode in ("max", "average"):
        for hp in ({"f": 2, "stride": 2}, {"f": 3, "stride": 1}):
            A, cache = ns["pool_forward"](A_prev, hp, mode=mode)
            np.testing.assert_allclose(A, fast.pool_forward(A_prev, hp, mode=mode)[0], rtol=1e-13)
            dA = rs.randn(*A.shape)
            np.testing.assert_allclose(ns["pool_backward"](dA, cache, mode=mode), fast.pool_backward(dA, cache, mode),
                                       rtol=1e-12, atol=1e-14)


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
