"""The public tests of C5_W1_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (sigmoid for tanh, softmax over the wrong axis, the prediction read from a_prev, a cache in
another order, a hidden state not carried forward, an off-by-one time index, [x; a] stacked the wrong
way round, a missing tanh on the cell state, c<0> = a<0>); the solutions agree with utils.rnn."""

import numpy as np

from utils.activations import sigmoid, softmax
from utils.grading import c5_w1_a1 as tests
from utils.rnn import lstm_cell_forward, lstm_forward, rnn_cell_forward, rnn_forward

from tests.conftest import public_test_suite, run_public_test

STEM = "C5_W1_A1"


def _rnn_cell(xt, a_prev, parameters, activation=np.tanh, softmax_axis=0, predict_from_prev=False,
              cache_order=(0, 1, 2, 3)):
    p = parameters
    a_next = activation(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    scores = p["Wya"] @ (a_prev if predict_from_prev else a_next) + p["by"]
    yt = softmax(scores) if softmax_axis == 0 else softmax(scores.T).T
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt, tuple(cache[i] for i in cache_order)


def _rnn(x, a0, parameters, carry=True, first_step=0, shift=0, cell=_rnn_cell):
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a, y, caches = np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x)), []
    a_next = a0
    for t in range(first_step, T_x):
        a_t, y_t, cache = cell(x[:, :, t], a_next if carry else a0, parameters)
        a_next = a_t
        a[:, :, (t + shift) % T_x], y[:, :, (t + shift) % T_x] = a_t, y_t
        caches.append(cache)
    return a, y, (caches, x)


def _lstm_cell(xt, a_prev, c_prev, parameters, stack_x_first=False, tanh_on_c=True, output_activation=sigmoid,
               forget_c_prev=False):
    p = parameters
    concat = np.concatenate((xt, a_prev) if stack_x_first else (a_prev, xt), axis=0)
    ft = sigmoid(p["Wf"] @ concat + p["bf"])
    it = sigmoid(p["Wi"] @ concat + p["bi"])
    cct = np.tanh(p["Wc"] @ concat + p["bc"])
    c_next = (0 if forget_c_prev else ft * c_prev) + it * cct
    ot = output_activation(p["Wo"] @ concat + p["bo"])
    a_next = ot * (np.tanh(c_next) if tanh_on_c else c_next)
    yt = softmax(p["Wy"] @ a_next + p["by"])
    return a_next, c_next, yt, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)


def _lstm(x, a0, parameters, c0_from_a0=False, carry_c=True, steps=None):
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape
    a, c, y, caches = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x)), []
    a_next, c_next = a0, (a0 if c0_from_a0 else np.zeros((n_a, m)))
    for t in range(T_x if steps is None else steps):
        a_next, c_t, y_t, cache = _lstm_cell(x[:, :, t], a_next, c_next if carry_c else np.zeros((n_a, m)), parameters)
        c_next = c_t
        a[:, :, t], c[:, :, t], y[:, :, t] = a_next, c_t, y_t
        caches.append(cache)
    return a, y, c, (caches, x)


MISTAKES = {
    "rnn_cell_forward": [
        lambda xt, a_prev, parameters: _rnn_cell(xt, a_prev, parameters, activation=sigmoid),    # sigmoid for tanh
        lambda xt, a_prev, parameters: _rnn_cell(xt, a_prev, parameters, softmax_axis=1),        # softmax over examples
        lambda xt, a_prev, parameters: _rnn_cell(xt, a_prev, parameters, predict_from_prev=True),  # y from a<t-1>
        lambda xt, a_prev, parameters: _rnn_cell(xt, a_prev, parameters, cache_order=(1, 0, 2, 3)),  # cache order
    ],
    "rnn_forward": [
        lambda x, a0, parameters: _rnn(x, a0, parameters, carry=False),      # every step starts again from a0
        lambda x, a0, parameters: _rnn(x, a0, parameters, first_step=1),     # loop starts at t = 1
        lambda x, a0, parameters: _rnn(x, a0, parameters, shift=1),          # stored at t + 1
        lambda x, a0, parameters: _rnn(x, a0, parameters)[:2] + (_rnn(x, a0, parameters)[2][0],),  # caches without x
    ],
    "lstm_cell_forward": [
        lambda xt, a_prev, c_prev, parameters: _lstm_cell(xt, a_prev, c_prev, parameters, stack_x_first=True),
        lambda xt, a_prev, c_prev, parameters: _lstm_cell(xt, a_prev, c_prev, parameters, tanh_on_c=False),
        lambda xt, a_prev, c_prev, parameters: _lstm_cell(xt, a_prev, c_prev, parameters, output_activation=np.tanh),
        lambda xt, a_prev, c_prev, parameters: _lstm_cell(xt, a_prev, c_prev, parameters, forget_c_prev=True),
    ],
    "lstm_forward": [
        lambda x, a0, parameters: _lstm(x, a0, parameters, c0_from_a0=True),   # c<0> = a<0>
        lambda x, a0, parameters: _lstm(x, a0, parameters, carry_c=False),     # cell state not passed on
        lambda x, a0, parameters: _lstm(x, a0, parameters, steps=x.shape[2] - 1),  # one step short
    ],
}


def test_correct_variants_pass():
    """The broken variants differ from a correct implementation only by the mistake they name."""
    for name, correct in [("rnn_cell_forward", _rnn_cell), ("rnn_forward", _rnn),
                          ("lstm_cell_forward", _lstm_cell), ("lstm_forward", _lstm)]:
        run_public_test(tests, name, correct)


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(8)
    n_x, n_a, n_y, m, T_x = 4, 6, 3, 5, 7
    x, a0, c0 = rs.randn(n_x, m, T_x), rs.randn(n_a, m), rs.randn(n_a, m)
    rnn_p = {"Wax": rs.randn(n_a, n_x), "Waa": rs.randn(n_a, n_a), "Wya": rs.randn(n_y, n_a),
             "ba": rs.randn(n_a, 1), "by": rs.randn(n_y, 1)}
    lstm_p = {**{f"W{g}": rs.randn(n_a, n_a + n_x) for g in "fico"}, **{f"b{g}": rs.randn(n_a, 1) for g in "fico"},
              "Wy": rs.randn(n_y, n_a), "by": rs.randn(n_y, 1)}
    pairs = [(ns["rnn_cell_forward"](x[:, :, 0], a0, rnn_p)[:2], rnn_cell_forward(x[:, :, 0], a0, rnn_p)[:2]),
             (ns["rnn_forward"](x, a0, rnn_p)[:2], rnn_forward(x, a0, rnn_p)[:2]),
             (ns["lstm_cell_forward"](x[:, :, 0], a0, c0, lstm_p)[:3], lstm_cell_forward(x[:, :, 0], a0, c0, lstm_p)[:3]),
             (ns["lstm_forward"](x, a0, lstm_p)[:3], lstm_forward(x, a0, lstm_p)[:3])]
    for mine, library in pairs:
        for a, b in zip(mine, library):
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
