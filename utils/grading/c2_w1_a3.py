"""Public tests of C2_W1_A3 - Gradient checking.

The 1-D checks use values other than the notebook's. ``gradient_check_n`` is run on cost functions of
its own (a small tanh network with a squared-error cost, and a polynomial), with correct gradients and
with a planted error; every expected value is a frozen literal computed once from the reference
solution. A correct gradient check's relative difference is rounding noise, so it is compared with 0
to an absolute tolerance instead of digit by digit.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function

# a 2-layer tanh network, squared-error cost, X (3, 4): parameters W1 (2, 3), b1 (2, 1), W2 (1, 2), b2 (1, 1)
X = np.array([[2.71, 0.63, 0.91, 0.5], [0.65, -0.32, -0.85, 0.61], [-2.02, 0.74, 0.53, -0.59]])
Y = np.array([[0.5, -1.0, 1.5, 0.0]])
PARAMS = {"W1": np.array([[1.67, 0.93, 1.06], [-0.92, 1.3, 0.33]]), "b1": np.array([[-1.25], [-0.26]]),
          "W2": np.array([[-0.42, -0.54]]), "b2": np.array([[-0.25]])}
GRADS = {
    "dW1": np.array([[0.07529266132313947, -0.07380396525217682, -0.020666147978852693],
                     [-0.02135567654762508, 0.010255516065564225, -0.04092814310982998]]),
    "db1": np.array([[0.03685812961482079], [-0.04516863515720977]]),
    "dW2": np.array([[-0.08293817805939435, 0.2514294695488358]]),
    "db2": np.array([[-0.2026136806404798]]),
}
GRADAPPROX = np.array([
    0.07529270325060122, -0.07380393421108078, -0.02066618033952361, -0.021355646462301037,
    0.010255514188983739, -0.04092815631445701, 0.03685811587972321, -0.045168623514502126,
    -0.08293817805937742, 0.2514294695488417, -0.2026136806404788,
]).reshape(-1, 1)

# a polynomial in two arrays "W" (2, 2) and "b" (2, 1): its exact gradient is known in closed form
COEFFICIENTS = np.array([[1.0, 2.0], [3.0, 4.0]])
POLY_PARAMS = {"W": np.array([[0.5, -1.5], [2.0, 0.25]]), "b": np.array([[1.0], [-0.5]])}
POLY_GRADS = {"dW": 2 * COEFFICIENTS * POLY_PARAMS["W"], "db": 3 * POLY_PARAMS["b"] ** 2}
POLY_GRADAPPROX = np.array([1.0, -6.0, 12.0, 2.0, 3.0, 0.75]).reshape(-1, 1)


def tanh_network_cost(parameters):
    """Squared-error cost J = sum((W2 tanh(W1 X + b1) + b2 - Y)^2) / (2 m) of the test network."""
    prediction = parameters["W2"] @ np.tanh(parameters["W1"] @ X + parameters["b1"]) + parameters["b2"]
    return float(np.sum((prediction - Y) ** 2) / (2 * X.shape[1]))


def polynomial_cost(parameters):
    """J = sum(COEFFICIENTS * W^2) + sum(b^3)."""
    return float(np.sum(COEFFICIENTS * parameters["W"] ** 2) + np.sum(parameters["b"] ** 3))


def forward_propagation_test(target):
    check_function(target, [
        Case((3.0, -2.0), -6.0, label="x=3, theta=-2"),
        Case((-0.5, 4.0), -2.0, label="x=-0.5, theta=4"),
        Case((np.array([[1.0, 2.0]]), 1.5), np.array([[1.5, 3.0]]), label="x an array"),
    ], hint="J = theta * x")


def backward_propagation_test(target):
    check_function(target, [
        Case((3.0, -2.0), 3.0, label="x=3, theta=-2"),
        Case((-0.5, 4.0), -0.5, label="x=-0.5, theta=4"),
    ], hint="J = theta * x, so dJ/dtheta = x (not theta)")


def gradient_check_test(target):
    check_function(target, [
        Case((3.0, -2.0), 0.0, rtol=0.0, atol=1e-7, label="x=3, theta=-2"),
        Case((30000.0, 20.0), 0.0, rtol=0.0, atol=1e-7, label="x=30000, theta=20"),
        Case((-0.5, 4.0), 0.0, kwargs={"epsilon": 0.01}, rtol=0.0, atol=1e-7, label="epsilon=0.01"),
    ], hint="nudge theta (not x) by +epsilon and -epsilon, gradapprox = (J_plus - J_minus) / (2 * epsilon); "
            "difference = norm(grad - gradapprox) / (norm(grad) + norm(gradapprox)); for this linear J a "
            "correct check returns a difference of about 1e-9 or less")


def gradient_check_n_test(target):
    check_function(target, [
        Case((tanh_network_cost, PARAMS, GRADS), (1.0041653184410609e-07, GRADAPPROX), kwargs={"epsilon": 1e-3},
             rtol=1e-5, atol=1e-12, label="tanh network, correct gradients, epsilon=1e-3"),
        Case((tanh_network_cost, PARAMS, {**GRADS, "db1": 2 * GRADS["db1"]}), (0.07981609307078398, GRADAPPROX),
             kwargs={"epsilon": 1e-3}, rtol=1e-5, atol=1e-12, label="tanh network, db1 doubled, epsilon=1e-3"),
        Case((polynomial_cost, POLY_PARAMS, POLY_GRADS), (0.0, POLY_GRADAPPROX), rtol=1e-6, atol=1e-7,
             label="polynomial, correct gradients, default epsilon"),
    ], hint="for each i: copy theta (np.copy) before nudging entry i by +epsilon (and a fresh copy for "
            "-epsilon), evaluate cost_function(vector_to_dictionary(theta_plus, layout)), then "
            "gradapprox[i] = (J_plus - J_minus) / (2 * epsilon); the relative difference uses norms of the "
            "whole vectors")


GRADED = {
    "forward_propagation": Graded(forward_propagation_test, 10, vectorized=True),
    "backward_propagation": Graded(backward_propagation_test, 10, vectorized=True),
    "gradient_check": Graded(gradient_check_test, 30, vectorized=True),
    "gradient_check_n": Graded(gradient_check_n_test, 50),
}
