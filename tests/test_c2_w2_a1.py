"""The public tests of C2_W2_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (mutated inputs, a missing (1 - beta), no bias correction or t counted from 0, a shuffle that
separates X from Y, a dropped last mini-batch...); the solutions agree with utils.optimizers."""

import numpy as np
import pytest

from utils import optimizers
from utils.grading import c2_w2_a1 as tests
from utils.validation import as_random_state

from tests.conftest import public_test_suite

STEM = "C2_W2_A1"


def _keys(parameters):
    return [(p + str(l), "d" + p + str(l)) for l in range(1, len(parameters) // 2 + 1) for p in "Wb"]


# ---------------------------------------------------------------- broken variants

def _gd(parameters, grads, learning_rate, in_place=False, sign=-1, weights_only=False):
    out = parameters if in_place else {}
    for key, grad_key in _keys(parameters):
        if weights_only and key[0] == "b":
            out[key] = parameters[key]
        elif in_place:
            parameters[key] -= learning_rate * grads[grad_key]
        else:
            out[key] = parameters[key] + sign * learning_rate * grads[grad_key]
    return out


def _batches(X, Y, mini_batch_size=64, rng=None, shuffle=True, separate=False, drop_last=False, full_last=False):
    random_state = as_random_state(rng)
    m = X.shape[1]
    order = random_state.permutation(m) if shuffle else np.arange(m)
    order_Y = random_state.permutation(m) if separate else order
    X, Y = X[:, order], Y[:, order_Y]
    starts = range(0, m - m % mini_batch_size if drop_last else m, mini_batch_size)
    if full_last:   # last batch = the last mini_batch_size columns (overlapping the previous one)
        return [(X[:, max(0, min(k, m - mini_batch_size)):][:, :mini_batch_size],
                 Y[:, max(0, min(k, m - mini_batch_size)):][:, :mini_batch_size]) for k in starts]
    return [(X[:, k:k + mini_batch_size], Y[:, k:k + mini_batch_size]) for k in starts]


def _momentum(parameters, grads, v, beta, learning_rate, no_one_minus=False, use_grad=False, in_place=False,
              swapped=False):
    new_parameters, new_v = {}, (v if in_place else {})
    for key, grad_key in _keys(parameters):
        a, b = (1 - beta, beta) if swapped else (beta, 1 if no_one_minus else 1 - beta)
        velocity = a * v[grad_key] + b * grads[grad_key]
        new_v[grad_key] = velocity
        new_parameters[key] = parameters[key] - learning_rate * (grads[grad_key] if use_grad else velocity)
    return new_parameters, new_v


def _adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8, t_shift=0,
          no_correction=False, eps_inside=False, uncorrected_step=False, no_square=False):
    out = ({}, {}, {}, {}, {})
    t = t + t_shift
    for key, g in _keys(parameters):
        v_new = beta1 * v[g] + (1 - beta1) * grads[g]
        s_new = beta2 * s[g] + (1 - beta2) * (grads[g] if no_square else grads[g] ** 2)
        v_c = v_new if no_correction else v_new / (1 - beta1 ** t)
        s_c = s_new if no_correction else s_new / (1 - beta2 ** t)
        step_v, step_s = (v_new, s_new) if uncorrected_step else (v_c, s_c)
        denominator = np.sqrt(step_s + epsilon) if eps_inside else np.sqrt(step_s) + epsilon
        out[0][key] = parameters[key] - learning_rate * step_v / denominator
        out[1][g], out[2][g], out[3][g], out[4][g] = v_new, s_new, v_c, s_c
    return out


MISTAKES = {
    "update_parameters_with_gd": [
        lambda parameters, grads, learning_rate: _gd(parameters, grads, learning_rate, in_place=True),    # -= mutates
        lambda parameters, grads, learning_rate: _gd(parameters, grads, learning_rate, sign=1),          # ascent
        lambda parameters, grads, learning_rate: _gd(parameters, grads, learning_rate, weights_only=True),  # b kept
        lambda parameters, grads, learning_rate: _gd(parameters, grads, 1.0),                            # no alpha
    ],
    "random_mini_batches": [
        lambda X, Y, mini_batch_size=64, rng=None: _batches(X, Y, mini_batch_size, rng, shuffle=False),   # no shuffle
        lambda X, Y, mini_batch_size=64, rng=None: _batches(X, Y, mini_batch_size, rng, separate=True),   # X, Y apart
        lambda X, Y, mini_batch_size=64, rng=None: _batches(X, Y, mini_batch_size, rng, drop_last=True),  # last lost
        lambda X, Y, mini_batch_size=64, rng=None: _batches(X, Y, mini_batch_size, rng, full_last=True),  # overlap
        lambda X, Y, mini_batch_size=64, rng=None: _batches(X, Y, 64, rng),                               # size ignored
    ],
    "initialize_velocity": [
        lambda parameters: {key: np.zeros(value.shape) for key, value in parameters.items()},       # keys W1 not dW1
        lambda parameters: {"d" + key: np.zeros(value.shape[0]) for key, value in parameters.items()},  # rank 1
        lambda parameters: {"d" + key: np.ones(value.shape) for key, value in parameters.items()},  # ones
    ],
    "update_parameters_with_momentum": [
        lambda parameters, grads, v, beta, learning_rate: _momentum(parameters, grads, v, beta, learning_rate,
                                                                    no_one_minus=True),          # forgot (1 - beta)
        lambda parameters, grads, v, beta, learning_rate: _momentum(parameters, grads, v, beta, learning_rate,
                                                                    use_grad=True),              # stepped with dW
        lambda parameters, grads, v, beta, learning_rate: _momentum(parameters, grads, v, beta, learning_rate,
                                                                    in_place=True),              # mutates v
        lambda parameters, grads, v, beta, learning_rate: _momentum(parameters, grads, v, beta, learning_rate,
                                                                    swapped=True),               # beta swapped
    ],
    "initialize_adam": [
        lambda parameters: ({"d" + k: np.zeros(p.shape) for k, p in parameters.items()},
                            {"d" + k: np.ones(p.shape) for k, p in parameters.items()}),          # s starts at 1
        lambda parameters: ({k: np.zeros(p.shape) for k, p in parameters.items()},
                            {k: np.zeros(p.shape) for k, p in parameters.items()}),               # keys W1 not dW1
        lambda parameters: {"d" + k: np.zeros(p.shape) for k, p in parameters.items()},           # only v
    ],
    "update_parameters_with_adam": [
        lambda *a, **k: _adam(*a, **k, t_shift=-1),              # bias correction with t counted from 0
        lambda *a, **k: _adam(*a, **k, t_shift=1),               # t incremented again inside
        lambda *a, **k: _adam(*a, **k, no_correction=True),      # no bias correction
        lambda *a, **k: _adam(*a, **k, eps_inside=True),         # epsilon under the square root
        lambda *a, **k: _adam(*a, **k, uncorrected_step=True),   # step with uncorrected v and s
        lambda *a, **k: _adam(*a, **k, no_square=True),          # s averages dW, not dW^2
    ],
    "update_lr": [
        lambda learning_rate0, epoch_num, decay_rate: learning_rate0 / (decay_rate * epoch_num + 1e-12),   # no 1 +
        lambda learning_rate0, epoch_num, decay_rate: learning_rate0 * (1 + decay_rate * epoch_num),      # multiplied
        lambda learning_rate0, epoch_num, decay_rate: learning_rate0 * 0.95 ** epoch_num,                 # other schedule
    ],
    "schedule_lr_decay": [
        lambda learning_rate0, epoch_num, decay_rate, time_interval=1000:
            learning_rate0 / (1 + decay_rate * epoch_num / time_interval),                                # no floor
        lambda learning_rate0, epoch_num, decay_rate, time_interval=1000:
            learning_rate0 / (1 + decay_rate * epoch_num),                                                # no interval
        lambda learning_rate0, epoch_num, decay_rate, time_interval=1000:
            learning_rate0 / (1 + decay_rate * np.floor(epoch_num / 1000)),                               # interval ignored
    ],
}


def test_points_sum_to_100():
    assert sum(g.points for g in tests.GRADED.values()) == 100


@pytest.mark.parametrize("name", list(tests.GRADED))
def test_public_test_passes_on_the_library(name, capsys):
    tests.GRADED[name].test(getattr(optimizers, name))
    assert "tests passed" in capsys.readouterr().out


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(7)
    params = {"W1": rs.randn(4, 3), "b1": rs.randn(4, 1), "W2": rs.randn(1, 4), "b2": rs.randn(1, 1)}
    grads = {"d" + k: rs.randn(*v.shape) for k, v in params.items()}
    v, s = optimizers.initialize_adam(params)
    for t in (1, 2, 3):
        mine = ns["update_parameters_with_adam"](params, grads, v, s, t, 0.03)
        library = optimizers.update_parameters_with_adam(params, grads, v, s, t, 0.03)
        for a, b in zip(mine, library):
            for k in b:
                np.testing.assert_allclose(a[k], b[k], rtol=1e-13)
        params, v, s = library[:3]
    X, Y = rs.randn(3, 23), (rs.rand(1, 23) > 0.5).astype(int)
    for a, b in zip(ns["random_mini_batches"](X, Y, 8, rng=3), optimizers.random_mini_batches(X, Y, 8, rng=3)):
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])
    assert ns["schedule_lr_decay"](0.1, 2345, 0.5, 100) == pytest.approx(optimizers.schedule_lr_decay(0.1, 2345, 0.5, 100))


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
