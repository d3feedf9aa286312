"""Character-level language model built on utils.rnn: a basic RNN reading one character per time step
and predicting the next one with a softmax over the vocabulary at every step.

Shapes follow utils.rnn with one sequence at a time (m = 1): a name of T_x characters becomes the input
indices ``X = [None, c1, ..., c_{T_x-1}]`` (None: x<1> is the zero vector) and the targets
``Y = [c1, ..., c_{T_x-1}, newline]``, one-hot encoded as ``(vocab_size, 1, T_x)``; hidden states are
``(n_a, 1, T_x)``. The loss of a sequence is the cross-entropy summed over its time steps (not averaged).
"""

import string

import numpy as np

from utils.optimizers import sgd
from utils.rnn import RNN_KEYS, rnn_backward, rnn_forward
from utils.validation import as_random_state, check_shape

# the 27-symbol vocabulary: index 0 is the newline that ends a name, then "a".."z" are 1..26
VOCABULARY = "\n" + string.ascii_lowercase


def vocabulary_maps(chars=VOCABULARY):
    """Index maps of a vocabulary, in the order of ``chars``.

    Arguments:
    chars -- str of distinct characters (default: newline then a-z, 27 symbols)

    Returns:
    char_to_ix -- dict str -> int
    ix_to_char -- dict int -> str
    """
    if len(set(chars)) != len(chars):
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
    return "".join(ix_to_char[i] for i in indices).rstrip("\n").capitalize()


def one_hot_sequence(indices, vocab_size):
    """One-hot encode a sequence of indices as an RNN input of one example.

    Arguments:
    indices -- list of T_x items, each an int in 0..vocab_size-1 or None (None gives a zero column)
    vocab_size -- int, the number of symbols n_x

    Returns:
    x -- float64 array of shape (vocab_size, 1, T_x)
    """
    steps = [t for t, i in enumerate(indices) if i is not None]
    rows = np.array([indices[t] for t in steps], dtype=int)
    if rows.size and (rows.min() < 0 or rows.max() >= vocab_size):
        raise ValueError(f"indices: expected ints in 0..{vocab_size - 1} or None, found {list(indices)}")
    x = np.zeros((vocab_size, 1, len(indices)))
    x[rows, 0, steps] = 1.0
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
    if len(X) != len(Y) or not len(X):
        raise ValueError(f"X and Y: expected two non-empty lists of the same length, found lengths "
                         f"{len(X)} and {len(Y)}")
    check_shape(a0, "a0", (None, 1))
    x = one_hot_sequence(X, np.shape(parameters["Wax"])[1])
    a, y_hat, caches = rnn_forward(x, a0, parameters)
    Y = np.asarray(Y, dtype=int)
    loss = -float(np.sum(np.log(y_hat[Y, 0, np.arange(len(Y))])))
    return loss, a, (y_hat, a, parameters["Wya"], Y, caches)


def char_rnn_backward(cache):
    """Backpropagation through time for char_rnn_forward, output layer included.

    At each step dz_y<t> = y_hat<t> - y<t> (softmax with cross-entropy); dWya = sum_t dz_y<t> a<t>^T,
    dby = sum_t dz_y<t>, and the hidden states receive Wya^T dz_y<t>, which utils.rnn.rnn_backward
    carries back through time.

    Arguments:
    cache -- from char_rnn_forward

    Returns:
    gradients -- dict with dWax (n_a, n_x), dWaa (n_a, n_a), dWya (n_y, n_a), dba (n_a, 1), dby (n_y, 1),
                 da0 (n_a, 1)
    """
    y_hat, a, Wya, Y, caches = cache
    dy = y_hat.copy()
    dy[Y, 0, np.arange(len(Y))] -= 1.0
    dWya = np.einsum("ymt,amt->ya", dy, a)
    dby = np.sum(dy, axis=(1, 2)).reshape(-1, 1)
    through_time = rnn_backward(np.einsum("ya,ymt->amt", Wya, dy), caches)
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
    missing = [f"d{key}" for key in RNN_KEYS if f"d{key}" not in gradients]
    if missing:
        raise KeyError(f"gradients: missing {missing}")
    return {key: sgd(parameters[key], gradients[f"d{key}"], {"learning_rate": learning_rate})[0]
            for key in RNN_KEYS}


def initial_loss(vocab_size, seq_length):
    """Loss of a model that guesses uniformly, the usual start for the smoothed loss.

    Arguments:
    vocab_size -- int, number of symbols
    seq_length -- number of time steps per sequence (e.g. the number of names of an "average" length)

    Returns:
    loss -- Python float, seq_length * log(vocab_size)
    """
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
    return float(beta * loss + (1 - beta) * current_loss)
