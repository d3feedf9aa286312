"""The public tests of C1_W4_A2 pass on the notebook's solutions and fail on the stubs and on typical
mistakes in the training loops."""


import numpy as np

from utils.grading import c1_w4_a2 as tests
from utils.initializers import initialize_parameters, initialize_parameters_deep
from utils.layers import linear_activation_backward, linear_activation_forward
from utils.losses import compute_cost, compute_cost_gradient
from utils.models import L_model_backward, L_model_forward, update_parameters

from tests.conftest import public_test_suite, run_public_test

STEM = "C1_W4_A2"


def _two_layer(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
               stale_weights=False, hidden="relu", scale=0.01, record_every=100, fixed_rate=None):
    n_x, n_h, n_y = layers_dims
    if scale == 0.01:
        parameters = initialize_parameters(n_x, n_h, n_y, rng=1)
    else:
        parameters = initialize_parameters_deep([n_x, n_h, n_y], rng=1, scale=scale)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, hidden)
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA1, dW2, db2 = linear_activation_backward(compute_cost_gradient(A2, Y), cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, hidden)
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2},
                                       fixed_rate or learning_rate)
        if not stale_weights:
            W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if i % record_every == 0:
            costs.append(cost)
    return parameters, costs


def _deep(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False,
          scale="xavier", seed=1, cost_after_update=False, record_every=100, fixed_rate=None):
    parameters = initialize_parameters_deep(layers_dims, rng=seed, scale=scale)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), fixed_rate or learning_rate)
        if cost_after_update:
            cost = compute_cost(L_model_forward(X, parameters)[0], Y)
        if i % record_every == 0:
            costs.append(cost)
    return parameters, costs


def _variant(base, **changes):
    return lambda X, Y, layers_dims, **kwargs: base(X, Y, layers_dims, **kwargs, **changes)


MISTAKES = {
    "two_layer_model": [
        _variant(_two_layer, stale_weights=True),        # never reads the updated W1, b1, W2, b2 back
        _variant(_two_layer, hidden="sigmoid"),          # sigmoid hidden layer
        _variant(_two_layer, scale="xavier"),            # the deep initialization
        _variant(_two_layer, record_every=1),            # a cost every iteration
        _variant(_two_layer, fixed_rate=0.0075),         # ignores the learning_rate argument
    ],
    "L_layer_model": [
        _variant(_deep, scale=0.01),                     # weights * 0.01 instead of / sqrt(n^[l-1])
        _variant(_deep, seed=3),                         # another seed
        _variant(_deep, cost_after_update=True),         # records the cost after the update
        _variant(_deep, record_every=1),                 # a cost every iteration
        _variant(_deep, fixed_rate=0.0075),              # ignores the learning_rate argument
    ],
}


def test_correct_variants_pass():
    """The broken variants differ from a correct loop only by the mistake they name."""
    for name, correct in [("two_layer_model", _two_layer), ("L_layer_model", _deep)]:
        run_public_test(tests, name, correct)


def test_print_cost_prints_formatted_costs(reference, capsys):
    X = np.random.RandomState(0).randn(3, 6)
    Y = np.array([[1, 0, 0, 1, 1, 0]])
    for name, dims in [("two_layer_model", (3, 2, 1)), ("L_layer_model", [3, 2, 1])]:
        _, costs = reference(STEM)[name](X, Y, dims, learning_rate=0.1, num_iterations=201, print_cost=True)
        lines = capsys.readouterr().out.splitlines()
        assert lines == [f"Cost after iteration {i}: {c:.6f}" for i, c in zip((0, 100, 200), costs)]


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
