"""Parameter initialization for dense networks, in the course's notation and random streams.

Weights are drawn from the legacy ``np.random.RandomState`` stream so that ``rng=k`` gives exactly the
numbers a learner sees after ``np.random.seed(k)`` followed by the same ``np.random.randn`` calls, one
weight matrix after the other from layer 1 to layer L; biases start at zero (no draw). No function
here reseeds numpy's global generator: pass ``rng`` (None / int / RandomState, see
``utils.validation.as_random_state``). ``W^[l]`` has shape ``(n^[l], n^[l-1])``, ``b^[l]`` ``(n^[l], 1)``.
"""

import numbers

import numpy as np

from utils.validation import as_random_state, as_real

# names accepted by `scale` besides a number: "xavier" gives weights of variance 1/n^[l-1] (suits tanh
# and sigmoid), "he" variance 2/n^[l-1] (suits ReLU)
_SCALES = ("he", "xavier")


def _check_layer_sizes(sizes, name):
    """``sizes`` as a list of ints after checking it: TypeError for a non-list or a non-number entry (None,
    str), ValueError for fewer than 2 sizes or an entry that is not a whole number > 0."""
    if isinstance(sizes, np.ndarray):
        sizes = sizes.tolist()
    message = f"{name}: expected a list of at least 2 positive ints [n_x, n^[1], ..., n^[L]], found {sizes!r}"
    if not isinstance(sizes, (list, tuple)) or not all(isinstance(n, numbers.Real) and not isinstance(n, bool)
                                                       for n in sizes):
        raise TypeError(message)
    if len(sizes) < 2 or not all(isinstance(n, numbers.Integral) and n > 0 for n in sizes):
        raise ValueError(message)
    return [int(n) for n in sizes]


def _scaled_randn(random_state, n, n_prev, scale):
    """randn(n, n_prev) scaled as ``scale`` says (see initialize_parameters_deep); shape (n, n_prev)."""
    W = random_state.randn(n, n_prev)
    if scale == "xavier":
        return W / np.sqrt(n_prev)  # divided, not multiplied by 1/sqrt: the course's exact numbers
    if scale == "he":
        return W * np.sqrt(2 / n_prev)
    return W * scale


def initialize_parameters(n_x, n_h, n_y, rng=None):
    """Small random weights and zero biases for a 2-layer network LINEAR -> RELU/TANH -> LINEAR -> SIGMOID.

    ``W1 = randn(n_h, n_x) * 0.01`` is drawn before ``W2 = randn(n_y, n_h) * 0.01``.

    Arguments:
    n_x -- int, size of the input layer n^[0]
    n_h -- int, size of the hidden layer n^[1]
    n_y -- int, size of the output layer n^[2]
    rng -- None (global legacy stream), int seed or np.random.RandomState

    Returns:
    parameters -- dict: "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h), "b2" (n_y, 1)
    """
    n_x, n_h, n_y = _check_layer_sizes([n_x, n_h, n_y], "n_x, n_h, n_y")
    return initialize_parameters_deep([n_x, n_h, n_y], rng=rng, scale=0.01)


def initialize_parameters_deep(layer_dims, rng=None, scale=0.01):
    """Random weights and zero biases for an L-layer dense network.

    Arguments:
    layer_dims -- list of ints [n^[0] = n_x, n^[1], ..., n^[L]]
    rng -- None (global legacy stream), int seed or np.random.RandomState
    scale -- how randn(n^[l], n^[l-1]) is scaled: a number (the course's 0.01 by default),
             "xavier" (divided by sqrt(n^[l-1]), what the deep application uses) or
             "he" (multiplied by sqrt(2 / n^[l-1]))

    Returns:
    parameters -- dict with, for l = 1..L: "Wl" of shape (n^[l], n^[l-1]) and "bl" of shape (n^[l], 1)
    """
    layer_dims = _check_layer_sizes(layer_dims, "layer_dims")
    if isinstance(scale, str):
        if scale not in _SCALES:
            raise ValueError(f"scale: expected a number or one of {list(_SCALES)}, found {scale!r}")
    elif not isinstance(scale, numbers.Real) or isinstance(scale, bool):
        raise TypeError(f"scale: expected a number or one of {list(_SCALES)}, found {type(scale).__name__}")
    else:
        scale = as_real(scale, "scale")
    random_state = as_random_state(rng)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = _scaled_randn(random_state, layer_dims[l], layer_dims[l - 1], scale)
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters
