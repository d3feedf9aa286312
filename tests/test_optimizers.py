"""utils.optimizers: update rules against hand-computed steps, bias correction, no mutation, mini-batches."""

import copy

import numpy as np
import pytest

from utils import optimizers as opt
from utils.initializers import initialize_parameters_deep

RS = np.random.RandomState(3)
PARAMS = {k: v + 0.1 * RS.randn(*v.shape) for k, v in initialize_parameters_deep([3, 4, 1], rng=2).items()}
GRADS = {f"d{k}": RS.randn(*v.shape) for k, v in PARAMS.items()}


def _assert_dicts_close(a, b, rtol=1e-14):
    assert sorted(a) == sorted(b)
    for k in a:
        np.testing.assert_allclose(a[k], b[k], rtol=rtol, atol=0)


# ---------------------------------------------------------------- per-array rules

def test_sgd_step_and_defaults():
    w, dw = np.array([[1.0, -2.0]]), np.array([[0.5, 4.0]])
    next_w, config = opt.sgd(w, dw)
    np.testing.assert_allclose(next_w, [[0.995, -2.04]], rtol=1e-15)
    assert config == {"learning_rate": 1e-2}
    next_w, config = opt.sgd(w, dw, {"learning_rate": 0.5})
    np.testing.assert_allclose(next_w, [[0.75, -4.0]], rtol=1e-15)


def test_momentum_two_hand_computed_steps():
    w, dw = np.array([2.0, -1.0]), np.array([1.0, 3.0])
    w1, config = opt.momentum(w, dw, {"learning_rate": 0.1, "beta": 0.5})
    np.testing.assert_allclose(config["velocity"], [0.5, 1.5])           # 0.5 * 0 + 0.5 * dw
    np.testing.assert_allclose(w1, [1.95, -1.15])
    w2, config = opt.momentum(w1, np.array([-1.0, 1.0]), config)
    np.testing.assert_allclose(config["velocity"], [-0.25, 1.25])        # 0.5 * v + 0.5 * dw
    np.testing.assert_allclose(w2, [1.975, -1.275])
    assert opt.momentum(w, dw)[1]["beta"] == 0.9


def test_adam_first_step_is_bias_corrected_to_a_signed_unit_step():
    w, dw = np.array([[0.3, -0.7, 1.2]]), np.array([[0.02, -5.0, 1e-3]])
    next_w, config = opt.adam(w, dw, {"learning_rate": 0.1})
    # after one step v_corrected = dw and s_corrected = dw^2: each entry moves by learning_rate against its sign
    np.testing.assert_allclose(config["v_corrected"], dw, rtol=1e-12)
    np.testing.assert_allclose(config["s_corrected"], dw ** 2, rtol=1e-12)
    np.testing.assert_allclose(next_w, w - 0.1 * np.sign(dw), rtol=1e-6)
    assert config["t"] == 1 and config["beta1"] == 0.9 and config["beta2"] == 0.999 and config["epsilon"] == 1e-8


def test_adam_second_step_by_hand():
    w, b1, b2, lr, eps = np.array([1.0]), 0.9, 0.999, 0.01, 1e-8
    g1, g2 = np.array([2.0]), np.array([-1.0])
    w1, config = opt.adam(w, g1, {"learning_rate": lr})
    w2, config = opt.adam(w1, g2, config)
    v = b1 * (1 - b1) * g1 + (1 - b1) * g2
    s = b2 * (1 - b2) * g1 ** 2 + (1 - b2) * g2 ** 2
    expected = w1 - lr * (v / (1 - b1 ** 2)) / (np.sqrt(s / (1 - b2 ** 2)) + eps)
    np.testing.assert_allclose(config["v"], v, rtol=1e-14)
    np.testing.assert_allclose(config["s"], s, rtol=1e-14)
    np.testing.assert_allclose(w2, expected, rtol=1e-14)
    assert config["t"] == 2


@pytest.mark.parametrize("rule", [opt.sgd, opt.momentum, opt.adam])
def test_rules_do_not_modify_their_inputs(rule):
    w, dw = RS.randn(3, 2), RS.randn(3, 2)
    config = {"learning_rate": 0.1}
    state = rule(w, dw, config)[1]
    frozen = copy.deepcopy((w, dw, state))
    rule(w, dw, state)
    assert config == {"learning_rate": 0.1}
    np.testing.assert_array_equal(w, frozen[0])
    np.testing.assert_array_equal(dw, frozen[1])
    for k, value in frozen[2].items():
        np.testing.assert_array_equal(state[k], value)


@pytest.mark.parametrize("call,error,message", [
    (lambda: opt.sgd(np.zeros((2, 3)), np.zeros((3, 2))), ValueError, r"w and dw must have the same shape"),
    (lambda: opt.momentum(np.zeros(2), np.zeros(2), {"velocity": np.zeros(3)}), ValueError, r"config\['velocity'\]"),
    (lambda: opt.adam(np.zeros(2), np.zeros(2), {"t": -1}), ValueError, r"config\['t'\]: expected an int >= 0"),
])
def test_rule_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- dictionary functions

def test_update_parameters_with_gd():
    new = opt.update_parameters_with_gd(PARAMS, GRADS, 0.3)
    _assert_dicts_close(new, {k: v - 0.3 * GRADS[f"d{k}"] for k, v in PARAMS.items()})


def test_initializers_of_the_state():
    v = opt.initialize_velocity(PARAMS)
    assert list(v) == ["dW1", "db1", "dW2", "db2"]
    for k, value in v.items():
        assert value.shape == PARAMS[k[1:]].shape and not value.any()
    v, s = opt.initialize_adam(PARAMS)
    assert v is not s and v["dW1"] is not s["dW1"] and list(s) == list(v)


def test_update_parameters_with_momentum_matches_the_rule():
    v = {k: 0.1 * RS.randn(*g.shape) for k, g in GRADS.items()}
    new, new_v = opt.update_parameters_with_momentum(PARAMS, GRADS, v, 0.8, 0.05)
    for k in PARAMS:
        velocity = 0.8 * v[f"d{k}"] + 0.2 * GRADS[f"d{k}"]
        np.testing.assert_allclose(new_v[f"d{k}"], velocity, rtol=1e-14)
        np.testing.assert_allclose(new[k], PARAMS[k] - 0.05 * velocity, rtol=1e-14)


def test_update_parameters_with_adam_matches_the_formulas():
    v, s = opt.initialize_adam(PARAMS)
    v = {k: 0.1 * RS.randn(*a.shape) for k, a in v.items()}
    s = {k: 0.1 * RS.rand(*a.shape) for k, a in s.items()}
    t, lr = 3, 0.02
    new, new_v, new_s, v_c, s_c = opt.update_parameters_with_adam(PARAMS, GRADS, v, s, t, lr)
    for k in PARAMS:
        g = GRADS[f"d{k}"]
        ev, es = 0.9 * v[f"d{k}"] + 0.1 * g, 0.999 * s[f"d{k}"] + 0.001 * g ** 2
        np.testing.assert_allclose(new_v[f"d{k}"], ev, rtol=1e-14)
        np.testing.assert_allclose(new_s[f"d{k}"], es, rtol=1e-14)
        np.testing.assert_allclose(v_c[f"d{k}"], ev / (1 - 0.9 ** t), rtol=1e-14)
        np.testing.assert_allclose(s_c[f"d{k}"], es / (1 - 0.999 ** t), rtol=1e-14)
        np.testing.assert_allclose(new[k], PARAMS[k] - lr * v_c[f"d{k}"] / (np.sqrt(s_c[f"d{k}"]) + 1e-8), rtol=1e-14)


def test_adam_counts_steps_from_one():
    v, s = opt.initialize_adam(PARAMS)
    with pytest.raises(ValueError, match=r"t: expected an int >= 1"):
        opt.update_parameters_with_adam(PARAMS, GRADS, v, s, 0)


def test_dictionary_functions_do_not_modify_their_inputs():
    frozen = copy.deepcopy((PARAMS, GRADS))
    v, s = opt.initialize_adam(PARAMS)
    opt.update_parameters_with_gd(PARAMS, GRADS, 0.1)
    opt.update_parameters_with_momentum(PARAMS, GRADS, v, 0.9, 0.1)
    opt.update_parameters_with_adam(PARAMS, GRADS, v, s, 1)
    for original, kept in zip((PARAMS, GRADS), frozen):
        for k in original:
            np.testing.assert_array_equal(original[k], kept[k])
    assert not any(a.any() for a in list(v.values()) + list(s.values()))


def test_dictionary_functions_name_the_bad_entry():
    v = opt.initialize_velocity(PARAMS)
    with pytest.raises(KeyError, match=r"grads: missing 'db2'"):
        opt.update_parameters_with_gd(PARAMS, {k: g for k, g in GRADS.items() if k != "db2"}, 0.1)
    with pytest.raises(ValueError, match=r"v\['dW1'\]: expected shape \(4, 3\)"):
        opt.update_parameters_with_momentum(PARAMS, GRADS, {**v, "dW1": np.zeros((3, 4))}, 0.9, 0.1)


# ---------------------------------------------------------------- mini-batches

@pytest.mark.parametrize("m,size,sizes", [(148, 64, [64, 64, 20]), (128, 64, [64, 64]), (5, 8, [5]), (7, 1, [1] * 7)])
def test_mini_batch_sizes(m, size, sizes):
    X, Y = np.arange(2 * m).reshape(2, m), np.arange(m).reshape(1, m)
    batches = opt.random_mini_batches(X, Y, size, rng=0)
    assert [b[0].shape[1] for b in batches] == sizes and [b[1].shape[1] for b in batches] == sizes
    joined_X, joined_Y = np.hstack([b[0] for b in batches]), np.hstack([b[1] for b in batches])
    np.testing.assert_array_equal(np.sort(joined_Y), Y)                 # every example exactly once
    np.testing.assert_array_equal(joined_X[1] - joined_X[0], np.full(m, m))  # columns stay whole
    np.testing.assert_array_equal(joined_X[0], joined_Y[0])              # X and Y shuffled together


def test_mini_batches_use_the_legacy_permutation_and_are_deterministic():
    X, Y = np.arange(30).reshape(3, 10), np.arange(10).reshape(1, 10) * 10
    order = np.random.RandomState(4).permutation(10)
    batches = opt.random_mini_batches(X, Y, 4, rng=4)
    np.testing.assert_array_equal(np.hstack([b[0] for b in batches]), X[:, order])
    again = opt.random_mini_batches(X, Y, 4, rng=np.random.RandomState(4))
    assert all((a[0] == b[0]).all() and (a[1] == b[1]).all() for a, b in zip(batches, again))
    np.random.seed(4)
    from_global = opt.random_mini_batches(X, Y, 4)
    np.testing.assert_array_equal(from_global[0][1], batches[0][1])


@pytest.mark.parametrize("call,message", [
    (lambda: opt.random_mini_batches(np.zeros((2, 5)), np.zeros((1, 4))), r"Y: expected shape \(any, 5\), found \(1, 4\)"),
    (lambda: opt.random_mini_batches(np.zeros(5), np.zeros((1, 5))), r"X: expected shape \(any, any\)"),
    (lambda: opt.random_mini_batches(np.zeros((2, 5)), np.zeros((1, 5)), 0), r"mini_batch_size: expected an int >= 1"),
])
def test_mini_batch_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- learning-rate decay

def test_learning_rate_decay():
    assert opt.update_lr(0.5, 0, 1.0) == 0.5
    assert opt.update_lr(0.5, 4, 0.25) == pytest.approx(0.25, rel=1e-15)
    assert type(opt.update_lr(np.float64(0.5), 2, 1)) is float
    assert opt.schedule_lr_decay(0.5, 999, 1.0) == 0.5
    assert opt.schedule_lr_decay(0.5, 1000, 1.0) == pytest.approx(0.25, rel=1e-15)
    assert opt.schedule_lr_decay(0.3, 250, 0.5, time_interval=100) == pytest.approx(0.15, rel=1e-15)


# ---------------------------------------------------------------- bad input: type, NaN/inf, keys

def _replaced(d, key, value):
    return {**d, key: value}


def _nan_at_00(array):
    array = np.array(array, dtype=float)
    array[0, 0] = np.nan
    return array


V0, S0 = opt.initialize_adam(PARAMS)


@pytest.mark.parametrize("call,error,message", [
    (lambda: opt.update_parameters_with_adam(PARAMS, _replaced(GRADS, "dW1", _nan_at_00(GRADS["dW1"])), V0, S0, 1),
     ValueError, r"grads\['dW1'\]: expected finite numbers, found nan at index \(0, 0\)"),
    (lambda: opt.update_parameters_with_adam(PARAMS, GRADS, V0, _replaced(S0, "db2", np.full((1, 1), np.inf)), 1),
     ValueError, r"s\['db2'\]: expected finite numbers, found inf"),
    (lambda: opt.update_parameters_with_momentum(PARAMS, GRADS, _replaced(V0, "db1", _nan_at_00(V0["db1"])), 0.9, 0.1),
     ValueError, r"v\['db1'\]: expected finite numbers"),
    (lambda: opt.update_parameters_with_gd(_replaced(PARAMS, "W2", _nan_at_00(PARAMS["W2"])), GRADS, 0.1),
     ValueError, r"parameters\['W2'\]: expected finite numbers"),
    (lambda: opt.update_parameters_with_gd(PARAMS, _replaced(GRADS, "dW1", GRADS["dW1"].astype(str)), 0.1),
     TypeError, r"grads\['dW1'\]: expected an array of real numbers"),
    (lambda: opt.update_parameters_with_adam(PARAMS, GRADS, {k: v for k, v in V0.items() if k != "dW2"}, S0, 1),
     KeyError, r"v: missing 'dW2'"),
    (lambda: opt.update_parameters_with_adam(PARAMS, GRADS, list(V0.values()), S0, 1), TypeError,
     r"v: expected a dict"),
    (lambda: opt.update_parameters_with_adam(PARAMS, GRADS, V0, S0, 1.5), ValueError, r"t: expected an int >= 1"),
    (lambda: opt.update_parameters_with_gd(PARAMS, GRADS, "0.1"), TypeError, r"learning_rate: expected a real number"),
    (lambda: opt.update_parameters_with_gd(PARAMS, {k: 1e308 * np.ones_like(g) for k, g in GRADS.items()}, 1e10),
     ValueError, r"overflowed to inf or NaN although every input is finite"),
    (lambda: opt.initialize_velocity({"W1": np.zeros((2, 2))}), KeyError, r"parameters: missing .b1."),
    (lambda: opt.adam(_nan_at_00(np.ones((2, 2))), np.ones((2, 2))), ValueError, r"w: expected finite numbers"),
    (lambda: opt.momentum(np.ones(2), np.ones(2), [0.1]), TypeError, r"config: expected a dict or None"),
    (lambda: opt.sgd(np.ones(2), np.ones(2), {"learning_rate": None}), TypeError, r"config\['learning_rate'\]"),
    (lambda: opt.random_mini_batches(_nan_at_00(np.ones((2, 5))), np.ones((1, 5))), ValueError,
     r"X: expected finite numbers"),
    (lambda: opt.random_mini_batches(np.ones((2, 0)), np.ones((1, 0))), ValueError,
     r"X: expected at least one element"),
    (lambda: opt.random_mini_batches(np.ones((2, 5)), np.array([list("abcde")])), TypeError,
     r"Y: expected an array of real numbers"),
    (lambda: opt.update_lr(0.1, -1, 1.0), ValueError, r"epoch_num: expected an int >= 0"),
    (lambda: opt.schedule_lr_decay(0.1, 10, 1.0, time_interval=0), ValueError, r"time_interval: expected an int >= 1"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message), np.errstate(over="ignore"):  # the overflow case warns, as it should
        call()


def test_integer_arrays_give_the_float_results():
    grads_int = {k: np.round(3 * g).astype(int) for k, g in GRADS.items()}
    grads_float = {k: g.astype(float) for k, g in grads_int.items()}
    for a, b in zip(opt.update_parameters_with_adam(PARAMS, grads_int, V0, S0, 2),
                    opt.update_parameters_with_adam(PARAMS, grads_float, V0, S0, 2)):
        for k in a:
            np.testing.assert_array_equal(a[k], b[k])
