"""Recurrent networks in the course's shapes: a basic RNN and an LSTM, forward and backward through time.

Shapes: an input sequence ``x`` is ``(n_x, m, T_x)`` (n_x features, m examples, T_x time steps); one time
step ``x<t>`` is ``x[:, :, t]`` of shape ``(n_x, m)``; hidden states ``a<t>`` are ``(n_a, m)``; outputs
``y_hat<t>`` are ``(n_y, m)``, a softmax over axis 0 (the n_y classes).

The backward passes follow the course: they take the upstream gradient of the *hidden states*
``da`` (dJ/da<t>, shape (n_a, m, T_x)), not of the softmax outputs; the gradients of the output layer
(Wya, by or Wy, by) are left to the caller, which turns dJ/dy_hat into its share of ``da``.
"""

import numpy as np

from utils.activations import sigmoid, softmax
from utils.validation import as_float_array, check_shape

RNN_KEYS = ("Wax", "Waa", "Wya", "ba", "by")
LSTM_GATES = ("f", "i", "c", "o")  # forget, update (input), candidate, output


def _checked_parameters(parameters, keys):
    """Return {key: float ndarray} for ``keys`` of ``parameters``, naming any missing key."""
    missing = [key for key in keys if key not in parameters]
    if missing:
        raise KeyError(f"parameters: missing {missing}")
    return {key: as_float_array(parameters[key], f"parameters['{key}']") for key in keys}


def _checked_rnn_inputs(xt, a_prev, parameters):
    """Check a time step of a basic RNN: xt (n_x, m), a_prev (n_a, m) and the shapes of the parameters."""
    p = _checked_parameters(parameters, RNN_KEYS)
    xt, a_prev = as_float_array(xt, "xt"), as_float_array(a_prev, "a_prev")
    check_shape(xt, "xt", (None, None))
    n_x, m = xt.shape
    n_a, n_y = p["Waa"].shape[0], p["Wya"].shape[0]
    check_shape(a_prev, "a_prev", (n_a, m))
    check_shape(p["Wax"], "parameters['Wax']", (n_a, n_x))
    check_shape(p["Waa"], "parameters['Waa']", (n_a, n_a))
    check_shape(p["Wya"], "parameters['Wya']", (n_y, n_a))
    check_shape(p["ba"], "parameters['ba']", (n_a, 1))
    check_shape(p["by"], "parameters['by']", (n_y, 1))
    return xt, a_prev, p


def _checked_lstm_inputs(xt, a_prev, c_prev, parameters):
    """Check a time step of an LSTM: xt (n_x, m), a_prev and c_prev (n_a, m), and the parameters' shapes."""
    keys = [f"{kind}{gate}" for gate in LSTM_GATES for kind in "Wb"] + ["Wy", "by"]
    p = _checked_parameters(parameters, keys)
    xt = as_float_array(xt, "xt")
    a_prev, c_prev = as_float_array(a_prev, "a_prev"), as_float_array(c_prev, "c_prev")
    check_shape(xt, "xt", (None, None))
    n_x, m = xt.shape
    n_a, n_y = p["Wf"].shape[0], p["Wy"].shape[0]
    check_shape(a_prev, "a_prev", (n_a, m))
    check_shape(c_prev, "c_prev", (n_a, m))
    for gate in LSTM_GATES:
        check_shape(p[f"W{gate}"], f"parameters['W{gate}']", (n_a, n_a + n_x))
        check_shape(p[f"b{gate}"], f"parameters['b{gate}']", (n_a, 1))
    check_shape(p["Wy"], "parameters['Wy']", (n_y, n_a))
    check_shape(p["by"], "parameters['by']", (n_y, 1))
    return xt, a_prev, c_prev, p


def _checked_sequence(x, a0, n_a):
    """Check a whole input sequence x (n_x, m, T_x) and the initial hidden state a0 (n_a, m)."""
    x, a0 = as_float_array(x, "x"), as_float_array(a0, "a0")
    check_shape(x, "x", (None, None, None))
    check_shape(a0, "a0", (n_a, x.shape[1]))
    return x, a0


# ---------------------------------------------------------------- basic RNN

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
    xt, a_prev, p = _checked_rnn_inputs(xt, a_prev, parameters)
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    yt_pred = softmax(p["Wya"] @ a_next + p["by"])
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)


def rnn_forward(x, a0, parameters):
    """Forward pass of a basic RNN over a whole sequence (one rnn_cell_forward per time step).

    Arguments:
    x -- input sequence, shape (n_x, m, T_x)
    a0 -- initial hidden state a<0>, shape (n_a, m)
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)

    Returns:
    a -- hidden states a<1>..a<T_x>, shape (n_a, m, T_x)
    y_pred -- predictions y_hat<1>..y_hat<T_x>, shape (n_y, m, T_x)
    caches -- (list of the T_x cell caches, x), for rnn_backward
    """
    p = _checked_parameters(parameters, RNN_KEYS)
    n_a, n_y = p["Waa"].shape[0], p["Wya"].shape[0]
    x, a0 = _checked_sequence(x, a0, n_a)
    _, m, T_x = x.shape
    a, y_pred = np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    a_next, cell_caches = a0, []
    for t in range(T_x):
        a_next, y_pred[:, :, t], cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        cell_caches.append(cache)
    return a, y_pred, (cell_caches, x)


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
    a_next, a_prev, xt, parameters = cache
    da_next = as_float_array(da_next, "da_next")
    check_shape(da_next, "da_next", a_next.shape)
    dz = da_next * (1 - a_next ** 2)
    return {"dxt": parameters["Wax"].T @ dz, "da_prev": parameters["Waa"].T @ dz,
            "dWax": dz @ xt.T, "dWaa": dz @ a_prev.T, "dba": np.sum(dz, axis=1, keepdims=True)}


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
    cell_caches, x = caches
    _, m, T_x = x.shape
    da = as_float_array(da, "da")
    check_shape(da, "da", (cell_caches[0][0].shape[0], m, T_x))
    parameters = cell_caches[0][3]
    dx = np.zeros_like(x)
    grads = {key: np.zeros(np.shape(parameters[key[1:]])) for key in ("dWax", "dWaa", "dba")}
    da_prev = np.zeros(da.shape[:2])
    for t in reversed(range(T_x)):
        step = rnn_cell_backward(da[:, :, t] + da_prev, cell_caches[t])
        dx[:, :, t], da_prev = step["dxt"], step["da_prev"]
        for key in grads:
            grads[key] += step[key]
    return {"dx": dx, "da0": da_prev, **grads}


# ---------------------------------------------------------------- LSTM

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
    xt, a_prev, c_prev, p = _checked_lstm_inputs(xt, a_prev, c_prev, parameters)
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = sigmoid(p["Wf"] @ concat + p["bf"])
    it = sigmoid(p["Wi"] @ concat + p["bi"])
    cct = np.tanh(p["Wc"] @ concat + p["bc"])
    c_next = ft * c_prev + it * cct
    ot = sigmoid(p["Wo"] @ concat + p["bo"])
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(p["Wy"] @ a_next + p["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)


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
    p = _checked_parameters(parameters, ("Wf", "Wy"))
    n_a, n_y = p["Wf"].shape[0], p["Wy"].shape[0]
    x, a0 = _checked_sequence(x, a0, n_a)
    _, m, T_x = x.shape
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    a_next, c_next, cell_caches = a0, np.zeros_like(a0), []
    for t in range(T_x):
        a_next, c_next, y[:, :, t], cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t], c[:, :, t] = a_next, c_next
        cell_caches.append(cache)
    return a, y, c, (cell_caches, x)


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
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    da_next, dc_next = as_float_array(da_next, "da_next"), as_float_array(dc_next, "dc_next")
    check_shape(da_next, "da_next", a_next.shape)
    check_shape(dc_next, "dc_next", c_next.shape)
    n_a = a_next.shape[0]
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c ** 2)
    dz = {"f": dc * c_prev * ft * (1 - ft), "i": dc * cct * it * (1 - it),
          "c": dc * it * (1 - cct ** 2), "o": da_next * tanh_c * ot * (1 - ot)}
    concat = np.concatenate([a_prev, xt], axis=0)
    dconcat = sum(parameters[f"W{gate}"].T @ dz[gate] for gate in LSTM_GATES)
    gradients = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a], "dc_prev": dc * ft}
    for gate in LSTM_GATES:
        gradients[f"dW{gate}"] = dz[gate] @ concat.T
        gradients[f"db{gate}"] = np.sum(dz[gate], axis=1, keepdims=True)
    return gradients


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
    cell_caches, x = caches
    _, m, T_x = x.shape
    da = as_float_array(da, "da")
    check_shape(da, "da", (cell_caches[0][0].shape[0], m, T_x))
    parameters = cell_caches[0][9]
    keys = [f"d{kind}{gate}" for gate in LSTM_GATES for kind in "Wb"]
    grads = {key: np.zeros(np.shape(parameters[key[1:]])) for key in keys}
    dx = np.zeros_like(x)
    da_prev, dc_prev = np.zeros(da.shape[:2]), np.zeros(da.shape[:2])
    for t in reversed(range(T_x)):
        step = lstm_cell_backward(da[:, :, t] + da_prev, dc_prev, cell_caches[t])
        dx[:, :, t], da_prev, dc_prev = step["dxt"], step["da_prev"], step["dc_prev"]
        for key in keys:
            grads[key] += step[key]
    return {"dx": dx, "da0": da_prev, **grads}
