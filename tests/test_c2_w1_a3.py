"""The public tests of C2_W1_A3 pass on the notebook's solutions and fail on the stubs and on typical
mistakes of a gradient check."""

import numpy as np

from utils.gradcheck import dictionary_to_vector, gradients_to_vector, relative_error, vector_to_dictionary
from utils.grading import c2_w1_a3 as tests

from tests.conftest import public_test_suite

STEM = "C2_W1_A3"


# ---------------------------------------------------------------- broken variants

def _check_1d(x, theta, epsilon=1e-7, nudge_x=False, halve=False, denominator=True):
    """A 1-D gradient check of J = theta * x, with one of the typical mistakes switched on."""
    J = (lambda t: (x + t) * theta) if nudge_x else (lambda t: (theta + t) * x)
    gradapprox = (J(epsilon) - J(-epsilon)) / (epsilon if halve else 2 * epsilon)
    numerator = abs(x - gradapprox)
    return float(numerator / (abs(x) + abs(gradapprox)) if denominator else numerator)


def _check_n(cost_function, parameters, gradients, epsilon=1e-7, one_sided=False, no_copy=False, halve=False,
             all_at_once=False, plain_difference=False):
    """gradient_check_n with one of the typical mistakes switched on."""
    theta, layout = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, layout)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus = theta if no_copy else np.copy(theta)
        if all_at_once:
            plus = plus + epsilon
        else:
            plus[i] += epsilon
        minus = np.copy(theta)
        if not one_sided:
            minus[i] -= epsilon
        J_plus = cost_function(vector_to_dictionary(plus, layout))
        J_minus = cost_function(vector_to_dictionary(minus, layout))
        gradapprox[i] = (J_plus - J_minus) / (epsilon if (one_sided or halve) else 2 * epsilon)
    if plain_difference:
        return float(np.linalg.norm(grad - gradapprox)), gradapprox
    return relative_error(grad, gradapprox), gradapprox


MISTAKES = {
    "forward_propagation": [
        lambda x, theta: theta + x,                                             # sum instead of product
        lambda x, theta: theta * x ** 2,                                        # wrong function
    ],
    "backward_propagation": [
        lambda x, theta: theta,                                                 # derivative with respect to x
        lambda x, theta: theta * x,                                             # returned J itself
    ],
    "gradient_check": [
        lambda x, theta, epsilon=1e-7: _check_1d(x, theta, epsilon, nudge_x=True),      # nudged the input x
        lambda x, theta, epsilon=1e-7: _check_1d(x, theta, epsilon, halve=True),        # forgot the 2 in 2 epsilon
        lambda x, theta, epsilon=1e-7: _check_1d(x, theta, epsilon, denominator=False),  # no denominator
    ],
    "gradient_check_n": [
        lambda f, p, g, epsilon=1e-7: _check_n(f, p, g, epsilon, one_sided=True),        # one-sided difference
        lambda f, p, g, epsilon=1e-7: _check_n(f, p, g, epsilon, no_copy=True),          # theta nudged in place
        lambda f, p, g, epsilon=1e-7: _check_n(f, p, g, epsilon, halve=True),            # forgot the 2
        lambda f, p, g, epsilon=1e-7: _check_n(f, p, g, epsilon, all_at_once=True),      # every entry nudged at once
        lambda f, p, g, epsilon=1e-7: _check_n(f, p, g, epsilon, plain_difference=True),  # not relative
        lambda f, p, g, epsilon=1e-7: _check_n(f, p, g, epsilon)[0],                     # gradapprox not returned
    ],
}


def test_points_sum_to_100():
    assert sum(g.points for g in tests.GRADED.values()) == 100


def test_frozen_test_gradients_are_the_true_gradients():
    """The test network's frozen gradients agree with a numerical gradient (the planted-bug case relies on it)."""
    theta, layout = dictionary_to_vector(tests.PARAMS)
    numeric = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        step = np.zeros_like(theta)
        step[i] = 1e-6
        numeric[i] = (tests.tanh_network_cost(vector_to_dictionary(theta + step, layout))
                      - tests.tanh_network_cost(vector_to_dictionary(theta - step, layout))) / 2e-6
    assert relative_error(gradients_to_vector(tests.GRADS, layout), numeric) < 1e-8
    assert relative_error(gradients_to_vector(tests.POLY_GRADS, dictionary_to_vector(tests.POLY_PARAMS)[1]),
                          tests.POLY_GRADAPPROX) == 0.0


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
