"""Recurrent networks in the course's shapes: a basic RNN and an LSTM, forward and backward through time.

Shapes: an input sequence ``x`` is ``(n_x, m, T_x)`` (n_x features, m examples, T_x time steps); one time
step ``x<t>`` is ``x[:, :, t]`` of shape ``(n_x, m)``; hidden states ``a<t>`` are ``(n_a, m)``; outputs
``y_hat<t>`` are ``(n_y, m)``, a softmax over axis 0 (the n_y classes).

The backward passes follow the course: they take the upstream gradient of the *hidden states*
``da`` (dJ/da<t>, shape (n_a, m, T_x)), not of the softmax outputs; the gradients of the output layer
(Wya, by or Wy, by) are left to the caller, which turns dJ/dy_hat into its share of ``da``.

Every public function checks its arguments (dtype, shapes, NaN/inf) once; the loops over time steps then
run the unchecked cell steps ``_rnn_step``, ``_rnn_step_backward``, ``_lstm_step`` and
``_lstm_step_backward``, and the sequence functions ``_rnn_forward`` / ``_rnn_backward`` serve callers
that have checked their arguments already (utils.char_rnn). Caches are trusted: they come from a forward pass.
"""

import numpy as np

from utils.activations import KERNELS
from utils.validation import as_float_array, check_finite, check_shape

RNN_KEYS = ("Wax", "Waa", "Wya", "ba", "by")
LSTM_GATES = ("f", "i", "c", "o")  # forget, update (input), candidate, output
LSTM_KEYS = tuple(f"{kind}{gate}" for gate in LSTM_GATES for kind in "Wb") + ("Wy", "by")
_sigmoid, _softmax = KERNELS["sigmoid"][0], KERNELS["softmax"][0]


def _checked_array(x, name, expected):
    """x as a float array of the ``expected`` shape (None: any size), finite; errors name the argument."""
    x = as_float_array(x, name)
    check_shape(x, name, expected)
    check_finite(x, name)
    return x


def _checked_parameters(parameters, keys):
    """``parameters`` itself when its ``keys`` hold finite float arrays, else a dict of them converted to float.

    Raises TypeError (not a dict, wrong dtype), KeyError (missing keys, all named) or ValueError (NaN or inf).
    """
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters: expected a dict with keys {list(keys)}, found {type(parameters).__name__}")
    missing = [key for key in keys if key not in parameters]
    if missing:
        raise KeyError(f"parameters: missing {missing}")
    checked = {key: as_float_array(parameters[key], f"parameters['{key}']") for key in keys}
    for key, value in checked.items():
        check_finite(value, f"parameters['{key}']")
    return parameters if all(checked[key] is parameters[key] for key in keys) else checked


def _checked_rnn_parameters(parameters, n_x):
    """Checked basic-RNN parameters (see _checked_parameters) for inputs of n_x features (None: any), and n_a, n_y."""
    p = _checked_parameters(parameters, RNN_KEYS)
    check_shape(p["Waa"], "parameters['Waa']", (None, None))
    check_shape(p["Wya"], "parameters['Wya']", (None, None))
    n_a, n_y = p["Waa"].shape[0], p["Wya"].shape[0]
    for key, shape in (("Wax", (n_a, n_x)), ("Waa", (n_a, n_a)), ("Wya", (n_y, n_a)), ("ba", (n_a, 1)),
                       ("by", (n_y, 1))):
        check_shape(p[key], f"parameters['{key}']", shape)
    return p, n_a, n_y


def _checked_lstm_parameters(parameters, n_x):
    """Checked LSTM parameters (see _checked_parameters) for inputs of n_x features, and n_a, n_y."""
    p = _checked_parameters(parameters, LSTM_KEYS)
    check_shape(p["Wf"], "parameters['Wf']", (None, None))
    check_shape(p["Wy"], "parameters['Wy']", (None, None))
    n_a, n_y = p["Wf"].shape[0], p["Wy"].shape[0]
    for gate in LSTM_GATES:
        check_shape(p[f"W{gate}"], f"parameters['W{gate}']", (n_a, n_a + n_x))
        check_shape(p[f"b{gate}"], f"parameters['b{gate}']", (n_a, 1))
    check_shape(p["Wy"], "parameters['Wy']", (n_y, n_a))
    check_shape(p["by"], "parameters['by']", (n_y, 1))
    return p, n_a, n_y


def _checked_cache(cache, size, source):
    """The tuple (or list) ``cache`` of ``size`` items made by ``source``, or a TypeError saying what was expected."""
    if not isinstance(cache, (tuple, list)) or len(cache) != size:
        raise TypeError(f"cache: expected the tuple of {size} items returned by {source}, found {type(cache).__name__}"
                        + (f" of length {len(cache)}" if isinstance(cache, (tuple, list)) else ""))
    return cache


def _checked_sequence_caches(caches, cell_size, source):
    """(cell caches, x) from ``source`` after checking their structure (not their values, made by source);
    lists are accepted where the course says tuple, as a learner's own forward pass may build them."""
    sequences = (tuple, list)
    if not (isinstance(caches, sequences) and len(caches) == 2 and isinstance(caches[0], sequences) and caches[0]
            and all(isinstance(c, sequences) and len(c) == cell_size for c in caches[0])):
        raise TypeError(f"caches: expected the (list of cell caches, x) returned by {source}, found "
                        f"{type(caches).__name__}")
    return caches


# ---------------------------------------------------------------- basic RNN

def _rnn_step(xt, a_prev, p):
    """(a_next, yt_pred) of one basic RNN cell, unchecked; shapes as in rnn_cell_forward."""
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, _softmax(p["Wya"] @ a_next + p["by"])


def rnn_cell_forward(xt, a_prev, parameters):
    """One time step of a basic RNN cell.

    a<t> = tanh(Waa a<t-1> + Wax x<t> + ba),   y_hat<t> = softmax(Wya a<t> + by)

    Arguments:
    xt -- input at time step t, shape (n_x, m)
    a_prev -- hidden state a<t-1>, shape (n_a, m)
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)

    Returns:
    a_next -- hidden state a<t>, shape (n_a, m)
    yt_pred -- prediction y_hat<t>, shape (n_y, m), each column sums to 1
    cache -- (a_next, a_prev, xt, parameters), for rnn_cell_backward
    """
    xt = _checked_array(xt, "xt", (None, None))
    p, n_a, _ = _checked_rnn_parameters(parameters, xt.shape[0])
    a_prev = _checked_array(a_prev, "a_prev", (n_a, xt.shape[1]))
    a_next, yt_pred = _rnn_step(xt, a_prev, p)
    return a_next, yt_pred, (a_next, a_prev, xt, p)


def _rnn_forward(x, a0, p):
    """rnn_forward for checked float arrays x (n_x, m, T_x), a0 (n_a, m) and parameters p, unchecked."""
    _, m, T_x = x.shape
    a, y_pred = np.zeros((a0.shape[0], m, T_x)), np.zeros((p["by"].shape[0], m, T_x))
    a_next, cell_caches = a0, []
    for t in range(T_x):
        a_prev, xt = a_next, x[:, :, t]
        a_next, y_pred[:, :, t] = _rnn_step(xt, a_prev, p)
        a[:, :, t] = a_next
        cell_caches.append((a_next, a_prev, xt, p))
    return a, y_pred, (cell_caches, x)


def rnn_forward(x, a0, parameters):
    """Forward pass of a basic RNN over a whole sequence (one cell step per time step, vectorized over m).

    Arguments:
    x -- input sequence, shape (n_x, m, T_x)
    a0 -- initial hidden state a<0>, shape (n_a, m)
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)

    Returns:
    a -- hidden states a<1>..a<T_x>, shape (n_a, m, T_x)
    y_pred -- predictions y_hat<1>..y_hat<T_x>, shape (n_y, m, T_x)
    caches -- (list of the T_x cell caches, x), for rnn_backward
    """
    x = _checked_array(x, "x", (None, None, None))
    p, n_a, _ = _checked_rnn_parameters(parameters, x.shape[0])
    return _rnn_forward(x, _checked_array(a0, "a0", (n_a, x.shape[1])), p)


def _rnn_step_backward(da_next, cache):
    """(dz, da_prev, dWax, dWaa, dba) of one basic RNN cell, unchecked; dz = da_next * (1 - a<t>**2) is (n_a, m)
    and gives dxt = Wax^T dz to the callers that need it; other shapes as in rnn_cell_backward."""
    a_next, a_prev, xt, p = cache
    dz = da_next * (1 - a_next ** 2)
    return dz, p["Waa"].T @ dz, dz @ xt.T, dz @ a_prev.T, dz.sum(axis=1, keepdims=True)


def rnn_cell_backward(da_next, cache):
    """Backward pass of one basic RNN cell, for the upstream gradient of its hidden state.

    With dz = da_next * (1 - a<t>**2) (the tanh derivative), the gradients are
    dxt = Wax^T dz, da_prev = Waa^T dz, dWax = dz x<t>^T, dWaa = dz a<t-1>^T, dba = sum over examples of dz.

    Arguments:
    da_next -- dJ/da<t>, shape (n_a, m); the gradient of the hidden state, not of y_hat<t>
    cache -- (a_next, a_prev, xt, parameters) from rnn_cell_forward

    Returns:
    gradients -- dict with dxt (n_x, m), da_prev (n_a, m), dWax (n_a, n_x), dWaa (n_a, n_a), dba (n_a, 1)
    """
    cache = _checked_cache(cache, 4, "rnn_cell_forward")
    dz, *gradients = _rnn_step_backward(_checked_array(da_next, "da_next", np.shape(cache[0])), cache)
    return dict(zip(("dxt", "da_prev", "dWax", "dWaa", "dba"), [cache[3]["Wax"].T @ dz, *gradients]))


def _rnn_backward(da, caches, input_gradient=True):
    """rnn_backward for a checked float array da (n_a, m, T_x) and the caches of a forward pass, unchecked;
    with input_gradient=False, dx (which a language model's caller never uses) is neither computed nor returned."""
    cell_caches, x = caches
    p = cell_caches[0][3]
    dx = np.zeros_like(x) if input_gradient else None
    dWax, dWaa, dba = np.zeros(p["Wax"].shape), np.zeros(p["Waa"].shape), np.zeros(p["ba"].shape)
    da_prev = np.zeros(da.shape[:2])
    for t in reversed(range(x.shape[2])):
        dz, da_prev, dWax_t, dWaa_t, dba_t = _rnn_step_backward(da[:, :, t] + da_prev, cell_caches[t])
        if input_gradient:
            dx[:, :, t] = p["Wax"].T @ dz
        dWax += dWax_t
        dWaa += dWaa_t
        dba += dba_t
    return {**({"dx": dx} if input_gradient else {}), "da0": da_prev, "dWax": dWax, "dWaa": dWaa, "dba": dba}


def rnn_backward(da, caches):
    """Backpropagation through time for a basic RNN.

    At step t the cell receives da[:, :, t] (from the output layer at step t) plus the gradient flowing
    back from step t+1 through a<t>; parameter gradients are summed over the time steps.

    Arguments:
    da -- dJ/da<t> for every step from the layers above, shape (n_a, m, T_x); gradients of the hidden
          states, not of the softmax outputs
    caches -- (list of cell caches, x) from rnn_forward

    Returns:
    gradients -- dict with dx (n_x, m, T_x), da0 (n_a, m), dWax (n_a, n_x), dWaa (n_a, n_a), dba (n_a, 1)
    """
    cell_caches, _ = _checked_sequence_caches(caches, 4, "rnn_forward")
    n_a, m = np.shape(cell_caches[0][0])
    return _rnn_backward(_checked_array(da, "da", (n_a, m, len(cell_caches))), caches)


# ---------------------------------------------------------------- LSTM

def _lstm_step(xt, a_prev, c_prev, p):
    """(a_next, c_next, yt_pred, ft, it, cct, ot) of one LSTM cell, unchecked; shapes as in lstm_cell_forward."""
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = _sigmoid(p["Wf"] @ concat + p["bf"])
    it = _sigmoid(p["Wi"] @ concat + p["bi"])
    cct = np.tanh(p["Wc"] @ concat + p["bc"])
    c_next = ft * c_prev + it * cct
    ot = _sigmoid(p["Wo"] @ concat + p["bo"])
    a_next = ot * np.tanh(c_next)
    return a_next, c_next, _softmax(p["Wy"] @ a_next + p["by"]), ft, it, cct, ot


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """One time step of an LSTM cell; every gate reads the stacked vector [a<t-1>; x<t>].

    forget      ft  = sigmoid(Wf [a<t-1>; x<t>] + bf)
    update      it  = sigmoid(Wi [a<t-1>; x<t>] + bi)
    candidate   cct = tanh(Wc [a<t-1>; x<t>] + bc)
    cell        c<t> = ft * c<t-1> + it * cct
    output      ot  = sigmoid(Wo [a<t-1>; x<t>] + bo),   a<t> = ot * tanh(c<t>)
    prediction  y_hat<t> = softmax(Wy a<t> + by)

    Arguments:
    xt -- input at time step t, shape (n_x, m)
    a_prev -- hidden state a<t-1>, shape (n_a, m)
    c_prev -- cell state c<t-1>, shape (n_a, m)
    parameters -- dict with Wf, Wi, Wc, Wo (n_a, n_a + n_x), bf, bi, bc, bo (n_a, 1), Wy (n_y, n_a), by (n_y, 1)

    Returns:
    a_next -- hidden state a<t>, shape (n_a, m)
    c_next -- cell state c<t>, shape (n_a, m)
    yt_pred -- prediction y_hat<t>, shape (n_y, m)
    cache -- (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters), for lstm_cell_backward
    """
    xt = _checked_array(xt, "xt", (None, None))
    p, n_a, _ = _checked_lstm_parameters(parameters, xt.shape[0])
    a_prev = _checked_array(a_prev, "a_prev", (n_a, xt.shape[1]))
    c_prev = _checked_array(c_prev, "c_prev", (n_a, xt.shape[1]))
    a_next, c_next, yt_pred, ft, it, cct, ot = _lstm_step(xt, a_prev, c_prev, p)
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p)


def lstm_forward(x, a0, parameters):
    """Forward pass of an LSTM over a whole sequence; the cell state starts at c<0> = 0.

    Arguments:
    x -- input sequence, shape (n_x, m, T_x)
    a0 -- initial hidden state a<0>, shape (n_a, m)
    parameters -- dict with Wf, Wi, Wc, Wo (n_a, n_a + n_x), bf, bi, bc, bo (n_a, 1), Wy (n_y, n_a), by (n_y, 1)

    Returns:
    a -- hidden states, shape (n_a, m, T_x)
    y -- predictions, shape (n_y, m, T_x)
    c -- cell states, shape (n_a, m, T_x)
    caches -- (list of the T_x cell caches, x), for lstm_backward
    """
    x = _checked_array(x, "x", (None, None, None))
    p, n_a, n_y = _checked_lstm_parameters(parameters, x.shape[0])
    a0 = _checked_array(a0, "a0", (n_a, x.shape[1]))
    _, m, T_x = x.shape
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    a_next, c_next, cell_caches = a0, np.zeros_like(a0), []
    for t in range(T_x):
        a_prev, c_prev, xt = a_next, c_next, x[:, :, t]
        a_next, c_next, y[:, :, t], *gates = _lstm_step(xt, a_prev, c_prev, p)
        a[:, :, t], c[:, :, t] = a_next, c_next
        cell_caches.append((a_next, c_next, a_prev, c_prev, *gates, xt, p))
    return a, y, c, (cell_caches, x)


def _lstm_step_backward(da_next, dc_next, cache):
    """Gradients of one LSTM cell, unchecked: dict as returned by lstm_cell_backward."""
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p = cache
    n_a = a_next.shape[0]
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c ** 2)
    dz = {"f": dc * c_prev * ft * (1 - ft), "i": dc * cct * it * (1 - it),
          "c": dc * it * (1 - cct ** 2), "o": da_next * tanh_c * ot * (1 - ot)}
    concat = np.concatenate([a_prev, xt], axis=0)
    dconcat = sum(p[f"W{gate}"].T @ dz[gate] for gate in LSTM_GATES)
    gradients = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a], "dc_prev": dc * ft}
    for gate in LSTM_GATES:
        gradients[f"dW{gate}"] = dz[gate] @ concat.T
        gradients[f"db{gate}"] = dz[gate].sum(axis=1, keepdims=True)
    return gradients


def lstm_cell_backward(da_next, dc_next, cache):
    """Backward pass of one LSTM cell, for the upstream gradients of its hidden state and cell state.

    The gradient reaching the cell state is dc = dc_next + da_next * ot * (1 - tanh(c<t>)**2); each gate's
    pre-activation gradient is then (sigmoid' = g (1 - g), tanh' = 1 - g**2):
    dot = da_next * tanh(c<t>) * ot (1 - ot), dcct = dc * it * (1 - cct**2),
    dit = dc * cct * it (1 - it), dft = dc * c<t-1> * ft (1 - ft); dc_prev = dc * ft.

    Arguments:
    da_next -- dJ/da<t>, shape (n_a, m); the gradient of the hidden state, not of y_hat<t>
    dc_next -- dJ/dc<t>, shape (n_a, m)
    cache -- (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters) from lstm_cell_forward

    Returns:
    gradients -- dict with dxt (n_x, m), da_prev (n_a, m), dc_prev (n_a, m),
                 dWf, dWi, dWc, dWo (n_a, n_a + n_x) and dbf, dbi, dbc, dbo (n_a, 1)
    """
    cache = _checked_cache(cache, 10, "lstm_cell_forward")
    da_next = _checked_array(da_next, "da_next", np.shape(cache[0]))
    dc_next = _checked_array(dc_next, "dc_next", np.shape(cache[1]))
    return _lstm_step_backward(da_next, dc_next, cache)


def lstm_backward(da, caches):
    """Backpropagation through time for an LSTM (no gradient arrives at the last cell state from outside).

    Arguments:
    da -- dJ/da<t> for every step from the layers above, shape (n_a, m, T_x); gradients of the hidden
          states, not of the softmax outputs
    caches -- (list of cell caches, x) from lstm_forward

    Returns:
    gradients -- dict with dx (n_x, m, T_x), da0 (n_a, m), dWf, dWi, dWc, dWo (n_a, n_a + n_x) and
                 dbf, dbi, dbc, dbo (n_a, 1); there is no dc0 because c<0> = 0 is not an input
    """
    cell_caches, x = _checked_sequence_caches(caches, 10, "lstm_forward")
    n_a, m = np.shape(cell_caches[0][0])
    da = _checked_array(da, "da", (n_a, m, len(cell_caches)))
    p = cell_caches[0][9]
    keys = [f"d{kind}{gate}" for gate in LSTM_GATES for kind in "Wb"]
    grads = {key: np.zeros(p[key[1:]].shape) for key in keys}
    dx = np.zeros_like(x)
    da_prev, dc_prev = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in reversed(range(len(cell_caches))):
        step = _lstm_step_backward(da[:, :, t] + da_prev, dc_prev, cell_caches[t])
        dx[:, :, t], da_prev, dc_prev = step["dxt"], step["da_prev"], step["dc_prev"]
        for key in keys:
            grads[key] += step[key]
    return {"dx": dx, "da0": da_prev, **grads}
