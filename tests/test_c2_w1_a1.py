"""The public tests of C2_W1_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes; the solutions draw exactly what the library's initializers draw."""

import numpy as np
import pytest

from utils.grading import c2_w1_a1 as tests
from utils.initializers import initialize_parameters_deep

from tests.conftest import public_test_suite

STEM = "C2_W1_A1"


def _init(layers_dims, draw=None, seed=3, factor=lambda n_prev, n: 1.0, transpose=False, bias_shape=None,
          random_bias=False, last=0):
    """Build parameters layer by layer; each keyword introduces one mistake (none by default: zeros)."""
    if draw is not None:
        np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layers_dims) + last):
        n_prev, n = layers_dims[l - 1], layers_dims[l]
        shape = (n_prev, n) if transpose else (n, n_prev)
        parameters[f"W{l}"] = np.zeros(shape) if draw is None else draw(*shape) * factor(n_prev, n)
        b_shape = bias_shape(n) if bias_shape else (n, 1)
        parameters[f"b{l}"] = np.random.randn(*b_shape) if random_bias else np.zeros(b_shape)
    return parameters


def _random(layers_dims, **mistake):
    return _init(layers_dims, **{"draw": np.random.randn, "factor": lambda n_prev, n: 10, **mistake})


def _he(layers_dims, **mistake):
    return _init(layers_dims, **{"draw": np.random.randn, "factor": lambda n_prev, n: np.sqrt(2 / n_prev), **mistake})


MISTAKES = {
    "initialize_parameters_zeros": [
        lambda layers_dims: _init(layers_dims, last=-1),                            # loop stops before layer L
        lambda layers_dims: _init(layers_dims, transpose=True),                     # W of shape (n^[l-1], n^[l])
        lambda layers_dims: _init(layers_dims, bias_shape=lambda n: (n,)),          # rank-1 biases
        lambda layers_dims: _he(layers_dims),                                       # random instead of zeros
    ],
    "initialize_parameters_random": [
        lambda layers_dims: _random(layers_dims, factor=lambda n_prev, n: 1),       # forgot * 10
        lambda layers_dims: _random(layers_dims, factor=lambda n_prev, n: 0.01),    # Course 1's small scale
        lambda layers_dims: _random(layers_dims, seed=1),                           # wrong seed
        lambda layers_dims: _random(layers_dims, transpose=True),                   # transposed weights
        lambda layers_dims: _random(layers_dims, random_bias=True),                 # random biases (draws too many)
        lambda layers_dims: _random(layers_dims, draw=np.random.rand),              # uniform instead of normal
        lambda layers_dims: _random(layers_dims, last=-1),                          # misses the output layer
    ],
    "initialize_parameters_he": [
        lambda layers_dims: _he(layers_dims, factor=lambda n_prev, n: np.sqrt(1 / n_prev)),   # Xavier's scale
        lambda layers_dims: _he(layers_dims, factor=lambda n_prev, n: np.sqrt(2 / n)),        # size of layer l, not l-1
        lambda layers_dims: _he(layers_dims, factor=lambda n_prev, n: 2 / n_prev),            # forgot the square root
        lambda layers_dims: _he(layers_dims, factor=lambda n_prev, n: np.sqrt(2) / n_prev),   # sqrt of the 2 only
        lambda layers_dims: _he(layers_dims, seed=1),                                         # wrong seed
        lambda layers_dims: _he(layers_dims, random_bias=True),                               # random biases
    ],
}


@pytest.mark.parametrize("name,function", [("initialize_parameters_zeros", _init),
                                           ("initialize_parameters_random", _random),
                                           ("initialize_parameters_he", _he)])
def test_mistake_helpers_pass_when_no_mistake_is_made(name, function):
    # so that each failure above is caused by its mistake, not by a broken helper
    tests.GRADED[name].test(function)


@pytest.mark.parametrize("dims", [[2, 10, 5, 1], [6, 4, 3, 2, 1]])
def test_solutions_agree_with_the_library(dims, reference):
    ns = reference(STEM)
    for name, scale in [("initialize_parameters_random", 10), ("initialize_parameters_he", "he")]:
        library = initialize_parameters_deep(dims, rng=3, scale=scale)
        mine = ns[name](dims)
        assert list(mine) == list(library)
        for key in library:
            np.testing.assert_allclose(mine[key], library[key], rtol=1e-15, atol=0)
    zeros = ns["initialize_parameters_zeros"](dims)
    assert all(not value.any() for value in zeros.values())


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
