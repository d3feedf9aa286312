"""The public tests of C2_W1_A2 pass on the notebook's solutions and fail on the stubs and on typical
mistakes; the solutions' gradients agree with numerical differentiation and with utils.regularization."""

import numpy as np
import pytest

from utils.gradcheck import numerical_gradient, relative_error
from utils.grading import c2_w1_a2 as tests
from utils.losses import compute_cost
from utils.regularization import dropout_backward, dropout_forward, l2_regularization_cost, l2_regularization_gradients

from tests.conftest import public_test_suite

STEM = "C2_W1_A2"
WEIGHTS = ("W1", "W2", "W3")


def _cost(A3, Y, parameters, lambd, factor=lambda m: 1 / (2 * m), with_biases=False, norm=False):
    m = Y.shape[1]
    keys = list(parameters) if with_biases else WEIGHTS
    size = sum(np.linalg.norm(parameters[k]) if norm else np.sum(np.square(parameters[k])) for k in keys)
    return compute_cost(A3, Y) + lambd * factor(m) * size


def _backward(X, Y, cache, lambd=0.0, keep_prob=None, reg=lambda lambd, m: lambd / m, layers=WEIGHTS,
              reg_on_db=False, mask=True, scale=True, mean=True):
    """The 3-layer backward pass; the keywords introduce one mistake each (none by default)."""
    m = X.shape[1]
    A = {0: X, 1: cache["A1"], 2: cache["A2"], 3: cache["A3"]}
    grads, dZ = {}, cache["A3"] - Y
    for l in (3, 2, 1):
        W = cache[f"W{l}"]
        grads[f"dW{l}"] = np.dot(dZ, A[l - 1].T) / (m if mean else 1) + (reg(lambd, m) * W if f"W{l}" in layers else 0)
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m + (reg(lambd, m) * cache[f"b{l}"] if reg_on_db else 0)
        if l > 1:
            dA = np.dot(W.T, dZ)
            if keep_prob is not None:
                dA = dA * (cache[f"D{l - 1}"] if mask else 1) / (keep_prob if scale else 1)
            grads[f"dA{l - 1}"] = dA
            dZ = dA * (A[l - 1] > 0)
    return grads


def _backward_decaying_cache(X, Y, cache, lambd):
    """Applies the weight decay to the cached weights in place (W *= 1 - lambd / m), then uses them."""
    m = X.shape[1]
    for l in (1, 2, 3):
        cache[f"W{l}"] *= 1 - lambd / m
    return _backward(X, Y, cache, lambd)


def _forward(X, parameters, keep_prob=0.5, seed=1, scale=True, compare=np.less, draw=None, on_output=False,
             reseed=False, one_mask=False):
    """The 3-layer forward pass with dropout; the keywords introduce one mistake each (none by default)."""
    np.random.seed(seed)
    draw = draw or np.random.rand
    cache, A = {}, X
    for l in (1, 2):
        Z = np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
        A = np.maximum(Z, 0)
        if reseed:
            np.random.seed(seed)
        D = (compare(draw(*A.shape), keep_prob)).astype(int)
        if one_mask and l == 2:
            D = np.ones_like(A, dtype=int)
        A = A * D / (keep_prob if scale else 1)
        cache.update({f"Z{l}": Z, f"D{l}": D, f"A{l}": A, f"W{l}": parameters[f"W{l}"], f"b{l}": parameters[f"b{l}"]})
    Z3 = np.dot(parameters["W3"], A) + parameters["b3"]
    A3 = 1 / (1 + np.exp(-Z3))
    if on_output:
        A3 = A3 * (np.random.rand(*A3.shape) < keep_prob) / keep_prob
    cache.update({"Z3": Z3, "A3": A3, "W3": parameters["W3"], "b3": parameters["b3"]})
    return A3, cache


MISTAKES = {
    "compute_cost_with_regularization": [
        lambda A3, Y, parameters, lambd: _cost(A3, Y, parameters, lambd, factor=lambda m: 1 / 2),          # forgot 1/m
        lambda A3, Y, parameters, lambd: _cost(A3, Y, parameters, lambd, factor=lambda m: 1 / m),          # forgot the 1/2
        lambda A3, Y, parameters, lambd: _cost(A3, Y, parameters, lambd, with_biases=True),                # penalized the biases
        lambda A3, Y, parameters, lambd: _cost(A3, Y, parameters, lambd, norm=True),                       # norm, not squared norm
        lambda A3, Y, parameters, lambd: compute_cost(A3, Y) + lambd / (2 * Y.shape[1]) * np.sum(np.square(parameters["W1"])),  # W1 only
        lambda A3, Y, parameters, lambd: np.array([[_cost(A3, Y, parameters, lambd)]]),                    # a (1, 1) array
    ],
    "backward_propagation_with_regularization": [
        lambda X, Y, cache, lambd: _backward(X, Y, cache, lambd, reg=lambda lambd, m: lambd),              # forgot 1/m in the term
        lambda X, Y, cache, lambd: _backward(X, Y, cache, lambd, reg=lambda lambd, m: lambd / (2 * m)),    # the cost's 1/(2m)
        lambda X, Y, cache, lambd: _backward(X, Y, cache, lambd, layers=("W3",)),                          # only the last layer
        lambda X, Y, cache, lambd: _backward(X, Y, cache, lambd, layers=("W2", "W3")),                     # forgot dW1's term
        lambda X, Y, cache, lambd: _backward(X, Y, cache, lambd, reg_on_db=True),                          # term added to db too
        lambda X, Y, cache, lambd: _backward(X, Y, cache, lambd, mean=False),                              # lost the backprop 1/m
        lambda X, Y, cache, lambd: _backward(X, Y, cache, 0.0),                                            # no regularization at all
        _backward_decaying_cache,                                                                           # mutates the cache
    ],
    "forward_propagation_with_dropout": [
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed, scale=False),        # forgot / keep_prob
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed, compare=np.greater),  # drops with prob keep_prob
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed, draw=np.random.randn),  # normal, not uniform
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed, on_output=True),    # dropout on the output too
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed, reseed=True),      # same numbers for both masks
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed, one_mask=True),    # no dropout on layer 2
        lambda X, parameters, keep_prob=0.5, seed=1: _forward(X, parameters, keep_prob, seed=0),                 # ignores the seed
    ],
    "backward_propagation_with_dropout": [
        lambda X, Y, cache, keep_prob: _backward(X, Y, cache, keep_prob=keep_prob, scale=False),   # forgot / keep_prob
        lambda X, Y, cache, keep_prob: _backward(X, Y, cache, keep_prob=keep_prob, mask=False),    # forgot the masks
        lambda X, Y, cache, keep_prob: _backward(X, Y, cache),                                     # plain backprop
        lambda X, Y, cache, keep_prob: _backward(X, Y, cache, keep_prob=1 - keep_prob),            # scaled by the drop probability
        lambda X, Y, cache, keep_prob: _backward(X, Y, cache, keep_prob=keep_prob, mean=False),    # lost the 1/m
    ],
}


@pytest.mark.parametrize("name,function", [
    ("compute_cost_with_regularization", _cost), ("backward_propagation_with_regularization", _backward),
    ("forward_propagation_with_dropout", _forward),
    ("backward_propagation_with_dropout", lambda X, Y, cache, keep_prob: _backward(X, Y, cache, keep_prob=keep_prob))])
def test_mistake_helpers_pass_when_no_mistake_is_made(name, function):
    # so that each failure above is caused by its mistake, not by a broken helper
    tests.GRADED[name].test(function)


@pytest.mark.parametrize("lambd", [0.0, 0.8])
def test_regularized_gradients_agree_with_numerical_differentiation(lambd, reference):
    ns = reference(STEM)
    parameters, X, Y = tests.P1, tests.X1, tests.Y1
    cache = tests._cache(X, parameters)
    grads = ns["backward_propagation_with_regularization"](X, Y, cache, lambd)
    for name in parameters:
        def J(value, name=name):
            changed = {**parameters, name: value}
            return np.array(ns["compute_cost_with_regularization"](tests._cache(X, changed)["A3"], Y, changed, lambd))
        assert relative_error(grads["d" + name], numerical_gradient(J, parameters[name], np.array(1.0))) < 1e-7, name


def test_dropout_gradients_agree_with_numerical_differentiation_for_fixed_masks(reference):
    # with the masks held fixed, the dropout network is an ordinary function of its parameters
    ns = reference(STEM)
    parameters, X, Y, masks = tests.P2, tests.X2, tests.Y2, tests.MASKS2
    grads = ns["backward_propagation_with_dropout"](X, Y, tests._cache(X, parameters, masks, 0.75), 0.75)
    for name in parameters:
        def J(value, name=name):
            return np.array(compute_cost(tests._cache(X, {**parameters, name: value}, masks, 0.75)["A3"], Y))
        assert relative_error(grads["d" + name], numerical_gradient(J, parameters[name], np.array(1.0))) < 1e-7, name


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    parameters, X, Y = tests.P1, tests.X1, tests.Y1
    cache = tests._cache(X, parameters)
    m = X.shape[1]
    assert ns["compute_cost_with_regularization"](cache["A3"], Y, parameters, 0.4) == pytest.approx(
        compute_cost(cache["A3"], Y) + l2_regularization_cost(parameters, 0.4, m), rel=1e-13)
    with_l2 = ns["backward_propagation_with_regularization"](X, Y, cache, 0.4)
    plain = ns["backward_propagation_with_regularization"](X, Y, cache, 0.0)
    for key, term in l2_regularization_gradients(parameters, 0.4, m).items():
        np.testing.assert_allclose(with_l2[key], plain[key] + term, rtol=1e-12, atol=1e-15)
    # the notebook's masks are the library's: np.random.seed(seed), then one rand draw per hidden layer
    _, dcache = ns["forward_propagation_with_dropout"](X, parameters, keep_prob=0.7, seed=4)
    rs = np.random.RandomState(4)
    for l in (1, 2):
        A_relu = np.maximum(dcache[f"Z{l}"], 0)
        out, (D, _) = dropout_forward(A_relu, 0.7, rng=rs)
        np.testing.assert_array_equal(D, dcache[f"D{l}"])
        np.testing.assert_allclose(out, dcache[f"A{l}"], rtol=1e-15)
    grads = ns["backward_propagation_with_dropout"](X, Y, dcache, 0.7)
    undropped = np.dot(dcache["W2"].T, grads["dA2"] * (dcache["A2"] > 0))
    np.testing.assert_allclose(dropout_backward(undropped, (dcache["D1"], 0.7)), grads["dA1"], rtol=1e-12, atol=1e-15)


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
