"""The public tests of C5_W1_A2 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (clipping one side or in place, dropping keys; sampling with argmax, without feeding the
character back, with the newline assumed at index 0, without the final newline; optimizing without
clipping, with the first hidden state, with a reversed update; training without shuffling, carrying the
hidden state over, without smoothing)."""

import numpy as np

from utils.char_rnn import (char_rnn_backward, char_rnn_forward, indices_to_name, initial_loss,
                            initialize_char_rnn, name_to_sequence, smooth_loss, update_char_rnn)
from utils.grading import c5_w1_a2 as tests
from utils.rnn import rnn_cell_forward

from tests.conftest import public_test_suite

STEM = "C5_W1_A2"


def _clip(gradients, maxValue, lower=True, in_place=False, keys=None):
    out = {}
    for key, value in gradients.items():
        if keys is not None and key not in keys:
            continue
        low = -maxValue if lower else None
        out[key] = np.clip(value, low, maxValue, out=value if in_place else None)
    return out


def _sample(parameters, char_to_ix, seed, pick="choice", feed_back=True, newline_at=None, close=True,
            reseed_each=False):
    vocab_size, n_a = parameters["by"].shape[0], parameters["Waa"].shape[0]
    newline = char_to_ix["\n"] if newline_at is None else newline_at
    x, a_prev, indices, idx = np.zeros((vocab_size, 1)), np.zeros((n_a, 1)), [], -1
    np.random.seed(seed)
    while idx != newline and len(indices) < 50:
        a_prev, y, _ = rnn_cell_forward(x, a_prev, parameters)
        if reseed_each:
            np.random.seed(seed + len(indices))
        idx = int(np.argmax(y)) if pick == "argmax" else int(np.random.choice(vocab_size, p=y.ravel()))
        indices.append(idx)
        if feed_back:
            x = np.zeros((vocab_size, 1))
            x[idx] = 1
    if close and idx != newline:
        indices.append(newline)
    return indices


def _optimize(X, Y, a_prev, parameters, learning_rate=0.01, maxValue=5.0, do_clip=True, last=True, sign=1):
    loss, a, cache = char_rnn_forward(X, Y, a_prev, parameters)
    gradients = char_rnn_backward(cache)
    if do_clip:
        gradients = {k: np.clip(v, -maxValue, maxValue) for k, v in gradients.items()}
    parameters = update_char_rnn(parameters, gradients, sign * learning_rate)
    return loss, gradients, a[:, :, len(X) - 1 if last else 0], parameters


def _model(names, ix_to_char, char_to_ix, num_iterations=8000, n_a=50, dino_names=7, print_every=2000,
           learning_rate=0.01, shuffle=True, carry=False, smooth=True):
    vocab_size = len(ix_to_char)
    parameters = initialize_char_rnn(n_a, vocab_size, vocab_size, rng=1)
    loss = initial_loss(vocab_size, np.mean([len(name) + 1 for name in names]))
    examples = list(names)
    np.random.seed(0)
    if shuffle:
        np.random.shuffle(examples)
    losses, a_prev = np.zeros(num_iterations), np.zeros((n_a, 1))
    for j in range(num_iterations):
        X, Y = name_to_sequence(examples[j % len(examples)], char_to_ix)
        if not carry:
            a_prev = np.zeros((n_a, 1))
        current, _, a_prev, parameters = _optimize(X, Y, a_prev, parameters, learning_rate)
        loss = smooth_loss(loss, current) if smooth else current
        losses[j] = loss
        if (j + 1) % print_every == 0:
            print(indices_to_name(_sample(parameters, char_to_ix, 0), ix_to_char))
    return parameters, losses


MISTAKES = {
    "clip": [
        lambda gradients, maxValue: _clip(gradients, maxValue, lower=False),          # only the upper bound
        lambda gradients, maxValue: _clip(gradients, maxValue, in_place=True),        # overwrites the inputs
        lambda gradients, maxValue: _clip(gradients, maxValue, keys=("dWax", "dWaa", "dWya", "dba", "dby")),
        lambda gradients, maxValue: {k: np.clip(v, 0, maxValue) for k, v in gradients.items()},  # [0, max]
    ],
    "sample": [
        lambda p, c, s: _sample(p, c, s, pick="argmax"),         # most likely character, no draw
        lambda p, c, s: _sample(p, c, s, feed_back=False),       # the drawn character is not fed back
        lambda p, c, s: _sample(p, c, s, newline_at=0),          # assumes the newline is index 0
        lambda p, c, s: _sample(p, c, s, close=False),           # no newline after 50 characters
        lambda p, c, s: _sample(p, c, s, reseed_each=True),      # another seed convention
    ],
    "optimize": [
        lambda X, Y, a, p, learning_rate=0.01, maxValue=5.0: _optimize(X, Y, a, p, learning_rate, maxValue,
                                                                       do_clip=False),
        lambda X, Y, a, p, learning_rate=0.01, maxValue=5.0: _optimize(X, Y, a, p, learning_rate, maxValue,
                                                                       last=False),
        lambda X, Y, a, p, learning_rate=0.01, maxValue=5.0: _optimize(X, Y, a, p, learning_rate, maxValue,
                                                                       sign=-1),
    ],
    "model": [
        lambda *args, **kwargs: _model(*args, **kwargs, shuffle=False),   # names in alphabetical order
        lambda *args, **kwargs: _model(*args, **kwargs, carry=True),      # hidden state carried across names
        lambda *args, **kwargs: _model(*args, **kwargs, smooth=False),    # raw loss recorded
    ],
}


def test_reference_model_matches_the_test_double(reference):
    """The helper _model above is the reference solution with switches: with none flipped it agrees."""
    names, (i2c, c2i) = tests.NAMES_MODEL, (tests.I2C_4, tests.C2I_4)
    kwargs = {"num_iterations": 7, "n_a": 3, "print_every": 100}
    expected = reference(STEM)["model"](names, i2c, c2i, **kwargs)
    actual = _model(names, i2c, c2i, **kwargs)
    np.testing.assert_allclose(actual[1], expected[1], rtol=1e-12)


(test_mistakes_cover_every_function, test_passes_on_solution, test_fails_on_stub,
 test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
