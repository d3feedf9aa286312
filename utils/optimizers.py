"""Optimization: per-array update rules and the course-shaped dictionary functions built on them.

Update rules (one array at a time, CS231n style): ``rule(w, dw, config) -> (next_w, config)``.
``w`` is a parameter of any shape (``W^[l]`` is ``(n^[l], n^[l-1])``, ``b^[l]`` is ``(n^[l], 1)``),
``dw`` its gradient of the same shape. ``config`` is a dict of hyperparameters and state; missing
entries get their defaults. The rule works on a copy of ``config`` and returns the new one, holding
the updated state (the velocity ``v``, the squared-gradient average ``s``, the step count ``t``).

Dictionary functions: ``parameters`` holds ``"W1", "b1", ..., "WL", "bL"``; ``grads`` and the
optimizer states ``v`` and ``s`` hold ``"dW1", "db1", ..., "dWL", "dbL"`` of the same shapes.

No function here modifies its inputs, prints or reseeds: mini-batches are drawn from ``rng``
(None / int / ``np.random.RandomState``, see ``utils.validation.as_random_state``).
"""

import numbers

import numpy as np

from utils.models import gradient_of, parameter_keys
from utils.validation import as_float_array, as_random_state, check_same_shape, check_shape


def _checked_step_inputs(w, dw):
    w, dw = as_float_array(w, "w"), as_float_array(dw, "dw")
    check_same_shape(w, "w", dw, "dw")
    return w, dw


def _state(config, key, w):
    """config[key] (default: zeros shaped like w), checked to have the shape of w."""
    value = config.setdefault(key, np.zeros_like(w))
    check_same_shape(value, f"config['{key}']", w, "w")
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
    w, dw = _checked_step_inputs(w, dw)
    config = dict(config or {})
    config.setdefault("learning_rate", 1e-2)
    return w - config["learning_rate"] * dw, config


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
    w, dw = _checked_step_inputs(w, dw)
    config = dict(config or {})
    config.setdefault("learning_rate", 1e-2)
    config.setdefault("beta", 0.9)
    v = config["beta"] * _state(config, "velocity", w) + (1 - config["beta"]) * dw
    config["velocity"] = v
    return w - config["learning_rate"] * v, config


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
    w, dw = _checked_step_inputs(w, dw)
    config = dict(config or {})
    for key, default in (("learning_rate", 1e-3), ("beta1", 0.9), ("beta2", 0.999), ("epsilon", 1e-8), ("t", 0)):
        config.setdefault(key, default)
    t = config["t"]
    if not isinstance(t, numbers.Integral) or isinstance(t, bool) or t < 0:
        raise ValueError(f"config['t']: expected an int >= 0 (the Adam steps taken so far), found {t!r}")
    t, beta1, beta2 = int(t) + 1, config["beta1"], config["beta2"]
    v = beta1 * _state(config, "v", w) + (1 - beta1) * dw
    s = beta2 * _state(config, "s", w) + (1 - beta2) * dw ** 2
    v_corrected, s_corrected = v / (1 - beta1 ** t), s / (1 - beta2 ** t)
    config.update(v=v, s=s, t=t, v_corrected=v_corrected, s_corrected=s_corrected)
    return w - config["learning_rate"] * v_corrected / (np.sqrt(s_corrected) + config["epsilon"]), config


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of (mini-batch) gradient descent on every parameter, into a new dict.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (not modified)
    grads -- dict {"dW1", "db1", ..., "dWL", "dbL"}, shaped like the parameters
    learning_rate -- float, the step size alpha

    Returns:
    parameters -- new dict: W^[l] - alpha dW^[l], b^[l] - alpha db^[l]
    """
    return {key: sgd(parameters[key], gradient_of(parameters, grads, key), {"learning_rate": learning_rate})[0]
            for key in parameter_keys(parameters)}


def random_mini_batches(X, Y, mini_batch_size=64, rng=None):
    """Shuffle the examples (columns) of X and Y the same way, then cut them into mini-batches.

    The shuffle is ``permutation(m)`` of the legacy RandomState stream. All mini-batches have
    ``mini_batch_size`` examples except the last one, which has the ``m % mini_batch_size`` left over
    (when that is not 0).

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels, shape (n_y, m) (e.g. (1, m))
    mini_batch_size -- int > 0, examples per mini-batch (a power of two such as 64 is usual)
    rng -- None (numpy's global stream, so np.random.seed applies), int seed or np.random.RandomState

    Returns:
    mini_batches -- list of ceil(m / mini_batch_size) tuples (mini_batch_X (n_x, size), mini_batch_Y (n_y, size))
    """
    X, Y = np.asarray(X), np.asarray(Y)
    check_shape(X, "X", (None, None))
    check_shape(Y, "Y", (None, X.shape[1]))
    if not isinstance(mini_batch_size, numbers.Integral) or isinstance(mini_batch_size, bool) or mini_batch_size < 1:
        raise ValueError(f"mini_batch_size: expected an int >= 1, found {mini_batch_size!r}")
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
    return {f"d{key}": np.zeros_like(parameters[key], dtype=float) for key in parameter_keys(parameters)}


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
    new_parameters, new_v = {}, {}
    for key in parameter_keys(parameters):
        config = {"learning_rate": learning_rate, "beta": beta, "velocity": gradient_of(parameters, v, key, "v")}
        new_parameters[key], config = momentum(parameters[key], gradient_of(parameters, grads, key), config)
        new_v[f"d{key}"] = config["velocity"]
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
    if not isinstance(t, numbers.Integral) or isinstance(t, bool) or t < 1:
        raise ValueError(f"t: expected an int >= 1 (the number of this Adam step, counting from 1), found {t!r}")
    results = {"parameters": {}, "v": {}, "s": {}, "v_corrected": {}, "s_corrected": {}}
    for key in parameter_keys(parameters):
        config = {"learning_rate": learning_rate, "beta1": beta1, "beta2": beta2, "epsilon": epsilon,
                  "t": int(t) - 1, "v": gradient_of(parameters, v, key, "v"), "s": gradient_of(parameters, s, key, "s")}
        results["parameters"][key], config = adam(parameters[key], gradient_of(parameters, grads, key), config)
        for name in ("v", "s", "v_corrected", "s_corrected"):
            results[name][f"d{key}"] = config[name]
    return tuple(results.values())


def update_lr(learning_rate0, epoch_num, decay_rate):
    """Learning rate decayed at every epoch: ``learning_rate0 / (1 + decay_rate * epoch_num)``.

    Arguments:
    learning_rate0 -- float, the initial learning rate
    epoch_num -- int >= 0, the epoch
    decay_rate -- float >= 0

    Returns:
    learning_rate -- float
    """
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
    return update_lr(learning_rate0, epoch_num // time_interval, decay_rate)
