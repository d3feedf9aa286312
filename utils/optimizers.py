"""Optimization: per-array update rules and the course-shaped dictionary functions built on them.

Update rules (one array at a time, CS231n style): ``rule(w, dw, config) -> (next_w, config)``.
``w`` is a parameter of any shape (``W^[l]`` is ``(n^[l], n^[l-1])``, ``b^[l]`` is ``(n^[l], 1)``),
``dw`` its gradient of the same shape. ``config`` is a dict of hyperparameters and state; missing
entries get their defaults. The rule works on a copy of ``config`` and returns the new one, holding
the updated state (the velocity ``v``, the squared-gradient average ``s``, the step count ``t``).

Dictionary functions: ``parameters`` holds ``"W1", "b1", ..., "WL", "bL"``; ``grads`` and the
optimizer states ``v`` and ``s`` hold ``"dW1", "db1", ..., "dWL", "dbL"`` of the same shapes.

Both kinds share the unchecked arithmetic of ``_sgd_step``, ``_momentum_step`` and ``_adam_step``. The
dictionary functions run once per step of a training loop, so they check keys, dtypes and shapes with
cheap look-ups, and NaN or inf with one pass over their new arrays (``check_finite_results``: any NaN or
inf in an input reaches them); only when that pass fails are the inputs searched to name the culprit.

No function here modifies its inputs, prints or reseeds: mini-batches are drawn from ``rng``
(None / int / ``np.random.RandomState``, see ``utils.validation.as_random_state``).
"""

import itertools
import math

import numpy as np

from utils.models import gradient_of, parameter_keys
from utils.validation import (as_float_array, as_int, as_random_state, as_real, check_finite, check_finite_results,
                              check_nonempty, check_same_shape, check_shape)

# ---------------------------------------------------------------- unchecked arithmetic

def _sgd_step(w, dw, learning_rate, out=None):
    """``w - learning_rate * dw`` for float ndarrays w, dw of one shape (unchecked), written into ``out`` if given."""
    if out is None:
        return w - learning_rate * dw
    np.multiply(dw, learning_rate, out=out)
    return np.subtract(w, out, out=out)


def _momentum_step(w, dw, v, beta, learning_rate):
    """``(next_w, next_v)`` of momentum for float ndarrays w, dw, v of one shape (unchecked)."""
    v = beta * v + (1 - beta) * dw
    return w - learning_rate * v, v


def _adam_step(w, dw, v, s, t, learning_rate, beta1, beta2, epsilon):
    """``(next_w, v, s, v_corrected, s_corrected)`` of Adam step number t >= 1, arrays of one shape (unchecked)."""
    v = beta1 * v + (1 - beta1) * dw
    s = beta2 * s + (1 - beta2) * dw ** 2
    v_corrected, s_corrected = v / (1 - beta1 ** t), s / (1 - beta2 ** t)
    return w - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon), v, s, v_corrected, s_corrected


# ---------------------------------------------------------------- per-array update rules

def _checked_rule_inputs(w, dw, config, defaults):
    """w and dw (float, one shape, finite) and a new config dict with the scalar defaults filled in and checked."""
    w, dw = as_float_array(w, "w"), as_float_array(dw, "dw")
    check_same_shape(w, "w", dw, "dw")
    check_finite(w, "w")
    check_finite(dw, "dw")
    if not isinstance(config, (dict, type(None))):
        raise TypeError(f"config: expected a dict or None, found {type(config).__name__}")
    config = dict(config or {})
    for key, default in defaults.items():
        config[key] = as_real(config.setdefault(key, default), f"config['{key}']")
    return w, dw, config


def _state(config, key, w):
    """config[key] (default: zeros shaped like w), checked to be a finite float array of the shape of w."""
    value = as_float_array(config.setdefault(key, np.zeros_like(w)), f"config['{key}']")
    check_same_shape(value, f"config['{key}']", w, "w")
    check_finite(value, f"config['{key}']")
    return value


def sgd(w, dw, config=None):
    """Vanilla gradient descent: ``next_w = w - learning_rate * dw``.

    Arguments:
    w -- ndarray, a parameter (any shape)
    dw -- ndarray of the shape of w, its gradient
    config -- dict or None: "learning_rate" (default 1e-2)

    Returns:
    next_w -- new ndarray of the shape of w
    config -- new dict with the defaults filled in
    """
    w, dw, config = _checked_rule_inputs(w, dw, config, {"learning_rate": 1e-2})
    return _sgd_step(w, dw, config["learning_rate"]), config


def momentum(w, dw, config=None):
    """Gradient descent with momentum, the velocity an exponentially weighted average of the gradients:

    ``v = beta * v + (1 - beta) * dw``, ``next_w = w - learning_rate * v``.

    Arguments:
    w -- ndarray, a parameter (any shape)
    dw -- ndarray of the shape of w, its gradient
    config -- dict or None: "learning_rate" (default 1e-2), "beta" (default 0.9),
              "velocity" (ndarray of the shape of w, default zeros)

    Returns:
    next_w -- new ndarray of the shape of w
    config -- new dict; config["velocity"] is the updated velocity
    """
    w, dw, config = _checked_rule_inputs(w, dw, config, {"learning_rate": 1e-2, "beta": 0.9})
    next_w, config["velocity"] = _momentum_step(w, dw, _state(config, "velocity", w), config["beta"],
                                                config["learning_rate"])
    return next_w, config


def adam(w, dw, config=None):
    """Adam: momentum on the gradients (``v``) and RMSprop's scaling by their root mean square (``s``),
    both bias-corrected. With ``t`` counting the steps taken, this one included:

    ``v = beta1 v + (1 - beta1) dw``, ``s = beta2 s + (1 - beta2) dw^2``,
    ``v_corrected = v / (1 - beta1^t)``, ``s_corrected = s / (1 - beta2^t)``,
    ``next_w = w - learning_rate * v_corrected / (sqrt(s_corrected) + epsilon)``.

    Arguments:
    w -- ndarray, a parameter (any shape)
    dw -- ndarray of the shape of w, its gradient
    config -- dict or None: "learning_rate" (default 1e-3), "beta1" (0.9), "beta2" (0.999),
              "epsilon" (1e-8), "v" and "s" (ndarrays of the shape of w, default zeros),
              "t" (int, steps taken before this one, default 0)

    Returns:
    next_w -- new ndarray of the shape of w
    config -- new dict with the updated "v", "s", "t" (incremented by one) and this step's
              "v_corrected" and "s_corrected"
    """
    w, dw, config = _checked_rule_inputs(w, dw, config, {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999,
                                                         "epsilon": 1e-8})
    t = as_int(config.setdefault("t", 0), "config['t']", 0) + 1
    next_w, *state = _adam_step(w, dw, _state(config, "v", w), _state(config, "s", w), t, config["learning_rate"],
                                config["beta1"], config["beta2"], config["epsilon"])
    config.update(zip(("v", "s", "v_corrected", "s_corrected"), state), t=t)
    return next_w, config


# ---------------------------------------------------------------- dictionary functions (one call per step)

def _checked_entries(parameters, named_states):
    """The keys of ``parameters`` (W1, b1, ..., WL, bL), the state keys dW1, db1, ..., and for each key
    ``[w, *state arrays]`` as float arrays of one shape.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"}
    named_states -- list of (name, dict) such as [("grads", grads), ("v", v)]; each dict must hold "d" + key of
                    the shape of parameters[key] for every key (KeyError / ValueError naming the entry otherwise)

    Returns:
    keys -- tuple of the 2 L parameter keys
    dkeys -- list of the 2 L state keys "d" + key
    rows -- list of 2 L lists [w, state arrays in the order of named_states]
    """
    keys = parameter_keys(parameters)
    dkeys = [f"d{key}" for key in keys]
    for name, state in named_states:
        if not isinstance(state, dict):
            raise TypeError(f"{name}: expected a dict with keys dW1, db1, ..., found {type(state).__name__}")
    rows = [[parameters[key]] + [state.get(dkey) for _, state in named_states] for key, dkey in zip(keys, dkeys)]
    if all(type(a) is np.ndarray and a.dtype.kind == "f" and a.shape == row[0].shape for row in rows for a in row):
        return keys, dkeys, rows  # the usual case in a training loop, tested without building any message
    return keys, dkeys, [[as_float_array(parameters[key], f"parameters['{key}']")]
                         + [as_float_array(gradient_of(parameters, state, key, name), f"{name}['d{key}']")
                            for name, state in named_states]
                         for key in keys]


def _named_entries(keys, parameters, named_states):
    """(name, array) of every input of a dictionary function, for check_finite_results (a generator: lazy)."""
    for key in keys:
        yield f"parameters['{key}']", parameters[key]
        for name, state in named_states:
            yield f"{name}['d{key}']", state[f"d{key}"]


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of (mini-batch) gradient descent on every parameter, into a new dict.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (not modified)
    grads -- dict {"dW1", "db1", ..., "dWL", "dbL"}, shaped like the parameters
    learning_rate -- float, the step size alpha

    Returns:
    parameters -- new dict: W^[l] - alpha dW^[l], b^[l] - alpha db^[l] (float arrays of the inputs' common dtype)
    """
    learning_rate = as_real(learning_rate, "learning_rate")
    named_states = [("grads", grads)]
    keys, _, rows = _checked_entries(parameters, named_states)
    buffer, new_arrays = _one_buffer([w.shape for w, _ in rows], np.result_type(*(a for row in rows for a in row)))
    new_parameters = {key: _sgd_step(w, dw, learning_rate, out) for key, (w, dw), out in zip(keys, rows, new_arrays)}
    check_finite_results([buffer], _named_entries(keys, parameters, named_states))
    return new_parameters


def _one_buffer(shapes, dtype):
    """A new flat array of ``dtype`` and views of it of the given shapes, one after the other: the new arrays of a
    training step, which one pass over the buffer then checks for NaN and inf without first copying them together."""
    sizes = [math.prod(shape) for shape in shapes]
    buffer = np.empty(sum(sizes), dtype=dtype)
    return buffer, [buffer[end - size:end].reshape(shape)
                    for shape, size, end in zip(shapes, sizes, itertools.accumulate(sizes))]


def _checked_data(arr, name):
    """``arr`` as an ndarray of real numbers (any real dtype kept), finite (TypeError / ValueError naming it)."""
    arr = np.asarray(arr)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name}: expected an array of real numbers, found dtype {arr.dtype}")
    check_finite(arr, name)
    return arr


def random_mini_batches(X, Y, mini_batch_size=64, rng=None):
    """Shuffle the examples (columns) of X and Y the same way, then cut them into mini-batches.

    The shuffle is ``permutation(m)`` of the legacy RandomState stream. All mini-batches have
    ``mini_batch_size`` examples except the last one, which has the ``m % mini_batch_size`` left over
    (when that is not 0).

    Arguments:
    X -- input data, shape (n_x, m), m >= 1
    Y -- labels, shape (n_y, m) (e.g. (1, m))
    mini_batch_size -- int > 0, examples per mini-batch (a power of two such as 64 is usual)
    rng -- None (numpy's global stream, so np.random.seed applies), int seed or np.random.RandomState

    Returns:
    mini_batches -- list of ceil(m / mini_batch_size) tuples (mini_batch_X (n_x, size), mini_batch_Y (n_y, size))
    """
    X, Y = _checked_data(X, "X"), _checked_data(Y, "Y")
    check_shape(X, "X", (None, None))
    check_shape(Y, "Y", (None, X.shape[1]))
    check_nonempty(X, "X")
    mini_batch_size = as_int(mini_batch_size, "mini_batch_size", 1)
    m = X.shape[1]
    permutation = as_random_state(rng).permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    return [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
            for k in range(0, m, mini_batch_size)]


def initialize_velocity(parameters):
    """Zero velocity for momentum.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"}

    Returns:
    v -- dict {"dW1", "db1", ..., "dWL", "dbL"} of zeros shaped like the parameters
    """
    _, dkeys, rows = _checked_entries(parameters, [])
    return {dkey: np.zeros(w.shape) for dkey, (w,) in zip(dkeys, rows)}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of momentum on every parameter (see ``momentum``), into new dicts.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (not modified)
    grads -- dict {"dW1", "db1", ...}, shaped like the parameters
    v -- dict {"dW1", "db1", ...}, the current velocity (not modified)
    beta -- float in [0, 1), the momentum hyperparameter
    learning_rate -- float, the step size alpha

    Returns:
    parameters -- new dict of updated parameters
    v -- new dict of updated velocities
    """
    beta, learning_rate = as_real(beta, "beta"), as_real(learning_rate, "learning_rate")
    named_states = [("grads", grads), ("v", v)]
    keys, dkeys, rows = _checked_entries(parameters, named_states)
    steps = [_momentum_step(*row, beta, learning_rate) for row in rows]
    new_parameters = {key: step[0] for key, step in zip(keys, steps)}
    new_v = {dkey: step[1] for dkey, step in zip(dkeys, steps)}
    check_finite_results(list(new_parameters.values()), _named_entries(keys, parameters, named_states))
    return new_parameters, new_v


def initialize_adam(parameters):
    """Zero first and second moment estimates for Adam.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"}

    Returns:
    v -- dict {"dW1", "db1", ...} of zeros, the running average of the gradients
    s -- dict {"dW1", "db1", ...} of zeros, the running average of the squared gradients
    """
    return initialize_velocity(parameters), initialize_velocity(parameters)


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    """One step of Adam on every parameter (see ``adam``), into new dicts.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (not modified)
    grads -- dict {"dW1", "db1", ...}, shaped like the parameters
    v, s -- dicts {"dW1", "db1", ...}, the moment estimates after t - 1 steps (not modified)
    t -- int >= 1, the number of this step (1 for the first update), used in the bias correction
    learning_rate -- float, the step size alpha
    beta1, beta2 -- floats in [0, 1), decay rates of the first and second moment estimates
    epsilon -- float > 0, keeps the division finite

    Returns:
    parameters -- new dict of updated parameters
    v, s -- new dicts of moment estimates
    v_corrected, s_corrected -- dicts of this step's bias-corrected estimates
    """
    t = as_int(t, "t", 1)
    hyperparameters = [as_real(value, name) for value, name in
                       ((learning_rate, "learning_rate"), (beta1, "beta1"), (beta2, "beta2"), (epsilon, "epsilon"))]
    named_states = [("grads", grads), ("v", v), ("s", s)]
    keys, dkeys, rows = _checked_entries(parameters, named_states)
    with np.errstate(invalid="ignore", over="ignore"):  # an inf in an input: check_finite_results names it below
        steps = [_adam_step(*row, t, *hyperparameters) for row in rows]
    new_parameters = {key: step[0] for key, step in zip(keys, steps)}
    new_v, new_s, v_corrected, s_corrected = ({dkey: step[i] for dkey, step in zip(dkeys, steps)} for i in range(1, 5))
    check_finite_results(list(new_parameters.values()) + list(new_s.values()),
                         _named_entries(keys, parameters, named_states))
    return new_parameters, new_v, new_s, v_corrected, s_corrected


def update_lr(learning_rate0, epoch_num, decay_rate):
    """Learning rate decayed at every epoch: ``learning_rate0 / (1 + decay_rate * epoch_num)``.

    Arguments:
    learning_rate0 -- float, the initial learning rate
    epoch_num -- int >= 0, the epoch
    decay_rate -- float >= 0

    Returns:
    learning_rate -- float
    """
    learning_rate0, epoch_num = as_real(learning_rate0, "learning_rate0"), as_int(epoch_num, "epoch_num", 0)
    decay_rate = as_real(decay_rate, "decay_rate", minimum=0)
    return float(learning_rate0 / (1 + decay_rate * epoch_num))


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """Learning rate decayed in steps, once every ``time_interval`` epochs:
    ``learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))``.

    Arguments:
    learning_rate0 -- float, the initial learning rate
    epoch_num -- int >= 0, the epoch
    decay_rate -- float >= 0
    time_interval -- int > 0, epochs between two decreases

    Returns:
    learning_rate -- float
    """
    epoch_num, time_interval = as_int(epoch_num, "epoch_num", 0), as_int(time_interval, "time_interval", 1)
    return update_lr(learning_rate0, epoch_num // time_interval, decay_rate)
