"""Character-level language model built on utils.rnn: a basic RNN reading one character per time step
and predicting the next one with a softmax over the vocabulary at every step.

Shapes follow utils.rnn with one sequence at a time (m = 1): a name of T_x characters becomes the input
indices ``X = [None, c1, ..., c_{T_x-1}]`` (None: x<1> is the zero vector) and the targets
``Y = [c1, ..., c_{T_x-1}, newline]``, one-hot encoded as ``(vocab_size, 1, T_x)``; hidden states are
``(n_a, 1, T_x)``. The loss of a sequence is the cross-entropy summed over its time steps (not averaged).

A training step (char_rnn_forward, char_rnn_backward, update_char_rnn) checks its arguments once per
call and runs the unchecked sequence functions of utils.rnn inside; the cache of the forward pass is
trusted by the backward pass.
"""

import numbers
import string

import numpy as np

from utils.rnn import RNN_KEYS, _checked_array, _checked_rnn_parameters, _rnn_backward, _rnn_forward
from utils.validation import (as_float_array, as_int, as_random_state, as_real, check_finite_results,
                              check_same_shape, check_shape)

# the 27-symbol vocabulary: index 0 is the newline that ends a name, then "a".."z" are 1..26
VOCABULARY = "\n" + string.ascii_lowercase


def _checked_dict(d, name, keys):
    """Raise TypeError unless ``d`` is a dict, KeyError naming the missing ``keys``."""
    if not isinstance(d, dict):
        raise TypeError(f"{name}: expected a dict with keys {list(keys)}, found {type(d).__name__}")
    missing = [key for key in keys if key not in d]
    if missing:
        raise KeyError(f"{name}: missing {missing}")


def _checked_indices(indices, name, size, none_allowed):
    """Raise TypeError unless ``indices`` is a list/tuple of ints (or None where allowed), ValueError unless
    they lie in 0..size-1."""
    if not isinstance(indices, (list, tuple)):
        raise TypeError(f"{name}: expected a list of ints, found {type(indices).__name__}")
    ints = [i for i in indices if i is not None or not none_allowed]
    if not all(type(i) is int for i in ints) and not all(  # the fast test first: Python ints
            isinstance(i, numbers.Integral) and not isinstance(i, (bool, np.bool_)) for i in ints):
        raise TypeError(f"{name}: expected ints{' or None' if none_allowed else ''}, found {list(indices)}")
    if ints and (min(ints) < 0 or max(ints) >= size):
        raise ValueError(f"{name}: expected ints in 0..{size - 1}{' or None' if none_allowed else ''}, "
                         f"found {list(indices)}")


def vocabulary_maps(chars=VOCABULARY):
    """Index maps of a vocabulary, in the order of ``chars``.

    Arguments:
    chars -- str of distinct characters (default: newline then a-z, 27 symbols)

    Returns:
    char_to_ix -- dict str -> int
    ix_to_char -- dict int -> str
    """
    if not isinstance(chars, str):
        raise TypeError(f"chars: expected a str of distinct characters, found {type(chars).__name__}")
    if len(set(chars)) != len(chars) or not chars:
        raise ValueError(f"chars: expected distinct characters, found {chars!r}")
    return {c: i for i, c in enumerate(chars)}, dict(enumerate(chars))


def name_to_sequence(name, char_to_ix):
    """Input and target indices of one name for next-character prediction.

    Arguments:
    name -- str of characters that are keys of char_to_ix (without the final newline), length n
    char_to_ix -- dict str -> int that contains "\\n"

    Returns:
    X -- list of n + 1 items: [None, index of name[0], ..., index of name[n-1]]
    Y -- list of n + 1 ints: [index of name[0], ..., index of name[n-1], index of "\\n"]
    """
    if not isinstance(name, str):
        raise TypeError(f"name: expected a str, found {type(name).__name__}")
    _checked_dict(char_to_ix, "char_to_ix", ["\n"])
    unknown = sorted(set(name) - set(char_to_ix))
    if unknown:
        raise ValueError(f"name: characters {unknown} are not in the vocabulary (name {name!r})")
    indices = [char_to_ix[c] for c in name]
    return [None] + indices, indices + [char_to_ix["\n"]]


def indices_to_name(indices, ix_to_char):
    """Turn sampled indices back into a printable name.

    Arguments:
    indices -- list of int, e.g. from sampling, usually ending with the index of "\n"
    ix_to_char -- dict int -> str

    Returns:
    name -- str without the final newline, first letter upper-case (e.g. "Tyrannosaurus")
    """
    if not isinstance(indices, (list, tuple)):
        raise TypeError(f"indices: expected a list of ints, found {type(indices).__name__}")
    _checked_dict(ix_to_char, "ix_to_char", indices)
    return "".join(ix_to_char[i] for i in indices).rstrip("\n").capitalize()


def one_hot_sequence(indices, vocab_size):
    """One-hot encode a sequence of indices as an RNN input of one example.

    Arguments:
    indices -- list of T_x items, each an int in 0..vocab_size-1 or None (None gives a zero column)
    vocab_size -- int, the number of symbols n_x

    Returns:
    x -- float64 array of shape (vocab_size, 1, T_x)
    """
    vocab_size = as_int(vocab_size, "vocab_size", 1)
    _checked_indices(indices, "indices", vocab_size, none_allowed=True)
    steps = [t for t, i in enumerate(indices) if i is not None]
    x = np.zeros((vocab_size, 1, len(indices)))
    x[[indices[t] for t in steps], 0, steps] = 1.0
    return x


def initialize_char_rnn(n_a, n_x, n_y, rng=None):
    """Small random weights and zero biases for the character-level RNN.

    Draws ``Wax = randn(n_a, n_x) * 0.01``, then ``Waa = randn(n_a, n_a) * 0.01``, then
    ``Wya = randn(n_y, n_a) * 0.01`` from the legacy stream; ``ba`` and ``by`` are zeros.

    Arguments:
    n_a -- int, number of hidden units
    n_x, n_y -- int, input and output sizes (both the vocabulary size for a language model)
    rng -- None / int / np.random.RandomState (see utils.validation.as_random_state)

    Returns:
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)
    """
    n_a, n_x, n_y = (as_int(n, name, 1) for n, name in ((n_a, "n_a"), (n_x, "n_x"), (n_y, "n_y")))
    rs = as_random_state(rng)
    Wax = rs.randn(n_a, n_x) * 0.01
    Waa = rs.randn(n_a, n_a) * 0.01
    Wya = rs.randn(n_y, n_a) * 0.01
    return {"Wax": Wax, "Waa": Waa, "Wya": Wya, "ba": np.zeros((n_a, 1)), "by": np.zeros((n_y, 1))}


def char_rnn_forward(X, Y, a0, parameters):
    """Forward pass over one sequence and its cross-entropy loss summed over the time steps.

    loss = - sum_t log y_hat<t>[Y[t]]

    Arguments:
    X -- list of T_x input indices (None allowed: zero input), see name_to_sequence
    Y -- list of T_x target indices
    a0 -- initial hidden state, shape (n_a, 1)
    parameters -- dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a), ba (n_a, 1), by (n_y, 1)

    Returns:
    loss -- Python float, the summed cross-entropy
    a -- hidden states a<1>..a<T_x>, shape (n_a, 1, T_x)
    cache -- (y_hat (n_y, 1, T_x), a, Wya, Y, rnn caches), for char_rnn_backward
    """
    if not isinstance(X, (list, tuple)) or not isinstance(Y, (list, tuple)):
        raise TypeError(f"X and Y: expected two lists of indices, found {type(X).__name__} and {type(Y).__name__}")
    if len(X) != len(Y) or not len(X):
        raise ValueError(f"X and Y: expected two non-empty lists of the same length, found lengths "
                         f"{len(X)} and {len(Y)}")
    check_shape(as_float_array(a0, "a0"), "a0", (None, 1))
    p, n_a, n_y = _checked_rnn_parameters(parameters, None)
    a0 = _checked_array(a0, "a0", (n_a, 1))
    _checked_indices(Y, "Y", n_y, none_allowed=False)
    a, y_hat, caches = _rnn_forward(one_hot_sequence(X, p["Wax"].shape[1]), a0, p)
    Y = np.asarray(Y, dtype=int)
    loss = -float(np.sum(np.log(y_hat[Y, 0, np.arange(len(Y))])))
    return loss, a, (y_hat, a, p["Wya"], Y, caches)


def char_rnn_backward(cache):
    """Backpropagation through time for char_rnn_forward, output layer included.

    At each step dz_y<t> = y_hat<t> - y<t> (softmax with cross-entropy); dWya = sum_t dz_y<t> a<t>^T,
    dby = sum_t dz_y<t>, and the hidden states receive Wya^T dz_y<t>, which utils.rnn carries back
    through time.

    Arguments:
    cache -- from char_rnn_forward

    Returns:
    gradients -- dict with dWax (n_a, n_x), dWaa (n_a, n_a), dWya (n_y, n_a), dba (n_a, 1), dby (n_y, 1),
                 da0 (n_a, 1)
    """
    if not isinstance(cache, tuple) or len(cache) != 5:
        raise TypeError(f"cache: expected the tuple of 5 items returned by char_rnn_forward, "
                        f"found {type(cache).__name__}")
    y_hat, a, Wya, Y, caches = cache
    dy = y_hat.copy()
    dy[Y, 0, np.arange(len(Y))] -= 1.0
    dWya = np.einsum("ymt,amt->ya", dy, a)
    dby = dy.sum(axis=(1, 2)).reshape(-1, 1)
    through_time = _rnn_backward(np.einsum("ya,ymt->amt", Wya, dy), caches, input_gradient=False)
    return {"dWax": through_time["dWax"], "dWaa": through_time["dWaa"], "dWya": dWya,
            "dba": through_time["dba"], "dby": dby, "da0": through_time["da0"]}


def update_char_rnn(parameters, gradients, learning_rate):
    """One gradient-descent step on Wax, Waa, Wya, ba, by, into a new dict (the input is not modified).

    Arguments:
    parameters -- dict with Wax, Waa, Wya, ba, by (shapes as in initialize_char_rnn)
    gradients -- dict with dWax, dWaa, dWya, dba, dby of the same shapes
    learning_rate -- float

    Returns:
    parameters -- new dict: each parameter minus learning_rate times its gradient
    """
    learning_rate = as_real(learning_rate, "learning_rate")
    _checked_dict(parameters, "parameters", RNN_KEYS)
    _checked_dict(gradients, "gradients", [f"d{key}" for key in RNN_KEYS])
    new_parameters = {}
    for key in RNN_KEYS:
        w = as_float_array(parameters[key], f"parameters['{key}']")
        dw = as_float_array(gradients[f"d{key}"], f"gradients['d{key}']")
        check_same_shape(dw, f"gradients['d{key}']", w, f"parameters['{key}']")
        new_parameters[key] = w - learning_rate * dw
    check_finite_results(list(new_parameters.values()),
                         (pair for key in RNN_KEYS for pair in ((f"parameters['{key}']", parameters[key]),
                                                                (f"gradients['d{key}']", gradients[f"d{key}"]))))
    return new_parameters


def initial_loss(vocab_size, seq_length):
    """Loss of a model that guesses uniformly, the usual start for the smoothed loss.

    Arguments:
    vocab_size -- int, number of symbols
    seq_length -- number of time steps per sequence (e.g. the number of names of an "average" length)

    Returns:
    loss -- Python float, seq_length * log(vocab_size)
    """
    vocab_size, seq_length = as_int(vocab_size, "vocab_size", 1), as_real(seq_length, "seq_length", minimum=0)
    return float(seq_length * np.log(vocab_size))


def smooth_loss(loss, current_loss, beta=0.999):
    """Exponentially weighted average of the per-sequence loss: beta * loss + (1 - beta) * current_loss.

    Arguments:
    loss -- float, the smoothed loss so far
    current_loss -- float, the loss of the latest sequence
    beta -- float in [0, 1)

    Returns:
    loss -- Python float
    """
    loss, current_loss = as_real(loss, "loss"), as_real(current_loss, "current_loss")
    beta = as_real(beta, "beta")
    if not 0 <= beta < 1:
        raise ValueError(f"beta: expected a number in [0, 1), found {beta!r}")
    return float(beta * loss + (1 - beta) * current_loss)
