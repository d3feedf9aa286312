"""The public tests of C1_W2_A1 pass on the notebook's solutions and fail on the stubs and on typical mistakes."""

import math

import numpy as np

from utils.grading import c1_w2_a1 as tests

from tests.conftest import public_test_suite

STEM = "C1_W2_A1"


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _overwrite_rows(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def _softmax_columns(x):
    e = np.exp(x - x.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def _softmax_no_keepdims(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1)


def _softmax_no_shift(x):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(x)
        return e / e.sum(axis=1, keepdims=True)


MISTAKES = {
    "hello": [
        lambda name: print(f"Hello, {name}!"),                      # prints instead of returning
        lambda name: f"Hello {name}!",                               # missing comma
        lambda name: "Hello, World!",                                # hard-coded visible answer
    ],
    "basic_sigmoid": [
        lambda x: 1 / (1 + math.exp(x)),                             # sign error
        lambda x: math.exp(-x),                                      # forgot the 1 / (1 + ...)
    ],
    "sigmoid": [
        lambda x: 1 / (1 + math.exp(-x)),                            # math.exp on an array
        lambda x: 1 / (1 + np.exp(x)),                               # sign error
        lambda x: 1 / (1 - np.exp(-x)),                              # minus instead of plus
    ],
    "sigmoid_derivative": [
        lambda x: x * (1 - x),                                       # forgot to apply the sigmoid
        lambda x: _sigmoid(x) * (1 + _sigmoid(x)),                   # wrong sign
        lambda x: _sigmoid(x),                                       # returns s, not s(1 - s)
    ],
    "image2vector": [
        lambda image: image.reshape(-1),                             # rank-1 array
        lambda image: image.reshape(1, -1),                          # row instead of column
        lambda image: image.T.reshape(-1, 1),                        # transposed order
    ],
    "normalize_rows": [
        lambda x: x / np.linalg.norm(x, axis=0, keepdims=True),      # columns instead of rows
        lambda x: x / np.linalg.norm(x, axis=1),                     # no keepdims
        _overwrite_rows,                                             # modifies its input in place
        lambda x: x / np.linalg.norm(x),                             # one norm for the whole matrix
    ],
    "softmax": [
        _softmax_columns,                                            # axis=0
        _softmax_no_keepdims,                                        # no keepdims
        _softmax_no_shift,                                           # overflows on large scores
        lambda x: np.exp(x),                                         # not normalized
    ],
    "L1": [
        lambda yhat, y: np.sum(y - yhat),                            # no absolute value
        lambda yhat, y: np.mean(np.abs(y - yhat)),                   # mean instead of sum
        lambda yhat, y: np.abs(y - yhat),                            # array instead of a number
    ],
    "L2": [
        lambda yhat, y: np.sum(np.abs(y - yhat)),                    # L1
        lambda yhat, y: np.sqrt(np.sum((y - yhat) ** 2)),            # norm, not squared norm
        lambda yhat, y: np.sum(y - yhat) ** 2,                       # square of the sum
    ],
}


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
