"""utils.char_rnn: sequences and one-hot inputs, the loss against a direct computation with the RNN cell,
the full backward pass (output layer and backpropagation through time) against centred differences,
the update, and clear errors."""

import numpy as np
import pytest

from utils.char_rnn import (VOCABULARY, char_rnn_backward, char_rnn_forward, indices_to_name, initial_loss,
                            initialize_char_rnn, name_to_sequence, one_hot_sequence, smooth_loss,
                            update_char_rnn, vocabulary_maps)
from utils.gradcheck import numerical_gradient, relative_error
from utils.rnn import rnn_cell_forward

N_A, VOCAB = 4, 6
RS = np.random.RandomState(3)
PARAMETERS = {"Wax": RS.randn(N_A, VOCAB) * 0.8, "Waa": RS.randn(N_A, N_A) * 0.6, "Wya": RS.randn(VOCAB, N_A),
              "ba": RS.randn(N_A, 1) * 0.3, "by": RS.randn(VOCAB, 1) * 0.3}
A0 = RS.randn(N_A, 1) * 0.5
X, Y = [None, 2, 5, 1, 3], [2, 5, 1, 3, 0]


def test_vocabulary_and_sequences():
    char_to_ix, ix_to_char = vocabulary_maps()
    assert len(VOCABULARY) == 27 and char_to_ix["\n"] == 0 and char_to_ix["a"] == 1 and ix_to_char[26] == "z"
    assert name_to_sequence("rex", char_to_ix) == ([None, 18, 5, 24], [18, 5, 24, 0])
    assert indices_to_name([18, 5, 24, 0], ix_to_char) == "Rex"
    with pytest.raises(ValueError, match=r"name: characters \['-'\] are not in the vocabulary"):
        name_to_sequence("t-rex", char_to_ix)
    with pytest.raises(ValueError, match="chars: expected distinct characters"):
        vocabulary_maps("abca")


def test_one_hot_sequence():
    x = one_hot_sequence([None, 2, 0], 3)
    assert x.shape == (3, 1, 3)
    np.testing.assert_array_equal(x[:, 0, :], [[0, 0, 1], [0, 0, 0], [0, 1, 0]])
    with pytest.raises(ValueError, match=r"indices: expected ints in 0\.\.2 or None"):
        one_hot_sequence([None, 3], 3)


def test_initialization_draws_the_legacy_stream_in_order():
    p = initialize_char_rnn(5, 7, 7, rng=1)
    rs = np.random.RandomState(1)
    np.testing.assert_array_equal(p["Wax"], rs.randn(5, 7) * 0.01)
    np.testing.assert_array_equal(p["Waa"], rs.randn(5, 5) * 0.01)
    np.testing.assert_array_equal(p["Wya"], rs.randn(7, 5) * 0.01)
    assert not p["ba"].any() and p["ba"].shape == (5, 1) and not p["by"].any() and p["by"].shape == (7, 1)


def test_forward_matches_the_cell_step_by_step():
    loss, a, _ = char_rnn_forward(X, Y, A0, PARAMETERS)
    a_prev, expected = A0, 0.0
    for t, (i, target) in enumerate(zip(X, Y)):
        xt = np.zeros((VOCAB, 1))
        if i is not None:
            xt[i] = 1
        a_prev, y, _ = rnn_cell_forward(xt, a_prev, PARAMETERS)
        np.testing.assert_allclose(a[:, :, t], a_prev, rtol=1e-13)
        expected -= np.log(y[target, 0])
    assert isinstance(loss, float) and loss == pytest.approx(expected, rel=1e-13)


@pytest.mark.parametrize("key", ["Wax", "Waa", "Wya", "ba", "by"])
def test_backward_matches_numerical_gradient(key):
    gradients = char_rnn_backward(char_rnn_forward(X, Y, A0, PARAMETERS)[2])

    def loss_of(value):
        return np.array(char_rnn_forward(X, Y, A0, {**PARAMETERS, key: value})[0])

    numeric = numerical_gradient(loss_of, PARAMETERS[key], np.array(1.0))
    assert gradients[f"d{key}"].shape == PARAMETERS[key].shape
    assert relative_error(gradients[f"d{key}"], numeric) < 1e-7


def test_backward_gradient_of_the_initial_state():
    gradients = char_rnn_backward(char_rnn_forward(X, Y, A0, PARAMETERS)[2])
    numeric = numerical_gradient(lambda a0: np.array(char_rnn_forward(X, Y, a0, PARAMETERS)[0]), A0, np.array(1.0))
    assert relative_error(gradients["da0"], numeric) < 1e-7


def test_backward_does_not_modify_the_cache():
    _, _, cache = char_rnn_forward(X, Y, A0, PARAMETERS)
    y_hat = cache[0].copy()
    char_rnn_backward(cache)
    np.testing.assert_array_equal(cache[0], y_hat)


def test_update_returns_a_new_dict():
    gradients = {f"d{k}": np.ones_like(v) for k, v in PARAMETERS.items()}
    before = {k: v.copy() for k, v in PARAMETERS.items()}
    updated = update_char_rnn(PARAMETERS, gradients, 0.5)
    for key in PARAMETERS:
        np.testing.assert_array_equal(updated[key], before[key] - 0.5)
        np.testing.assert_array_equal(PARAMETERS[key], before[key])
    with pytest.raises(KeyError, match=r"gradients: missing \['dby'\]"):
        update_char_rnn(PARAMETERS, {k: v for k, v in gradients.items() if k != "dby"}, 0.5)


def test_losses_helpers():
    assert initial_loss(27, 2) == pytest.approx(2 * np.log(27))
    assert smooth_loss(10.0, 20.0) == pytest.approx(10.01)
    assert isinstance(smooth_loss(np.float64(1), np.float64(2)), float)


def test_forward_errors():
    with pytest.raises(ValueError, match="X and Y: expected two non-empty lists of the same length"):
        char_rnn_forward(X, Y[:-1], A0, PARAMETERS)
    with pytest.raises(ValueError, match=r"a0: expected shape \(any, 1\), found \(4,\)"):
        char_rnn_forward(X, Y, A0[:, 0], PARAMETERS)
    with pytest.raises(ValueError, match=r"a0: expected shape \(4, 1\)"):
        char_rnn_forward(X, Y, np.zeros((3, 1)), PARAMETERS)


def nan_at_00(array):
    array = np.array(array, dtype=float)
    array[0, 0] = np.nan
    return array


@pytest.mark.parametrize("call,error,message", [
    (lambda: char_rnn_forward(X, Y, A0, {**PARAMETERS, "Waa": nan_at_00(PARAMETERS["Waa"])}), ValueError,
     r"parameters\['Waa'\]: expected finite numbers, found nan at index \(0, 0\)"),
    (lambda: char_rnn_forward(X, Y, nan_at_00(A0), PARAMETERS), ValueError, r"a0: expected finite numbers"),
    (lambda: char_rnn_forward(X, [2, 5, 1, 3, VOCAB], A0, PARAMETERS), ValueError, r"Y: expected ints in 0\.\.5"),
    (lambda: char_rnn_forward(X, [2, 5, 1, 3, 0.0], A0, PARAMETERS), TypeError, r"Y: expected ints, found"),
    (lambda: char_rnn_forward(X, np.array(Y), A0, PARAMETERS), TypeError, r"X and Y: expected two lists"),
    (lambda: char_rnn_forward(X, Y, A0, {k: v for k, v in PARAMETERS.items() if k != "by"}), KeyError,
     r"parameters: missing \['by'\]"),
    (lambda: char_rnn_backward((1, 2, 3)), TypeError,
     r"cache: expected the tuple of 5 items returned by char_rnn_forward"),
    (lambda: update_char_rnn(PARAMETERS, {f"d{k}": nan_at_00(v) if k == "Waa" else v for k, v in PARAMETERS.items()},
                             0.1), ValueError, r"gradients\['dWaa'\]: expected finite numbers"),
    (lambda: update_char_rnn(PARAMETERS, {f"d{k}": v.T for k, v in PARAMETERS.items()}, 0.1), ValueError,
     r"gradients\['dWax'\] and parameters\['Wax'\] must have the same shape"),
    (lambda: update_char_rnn(PARAMETERS, {f"d{k}": v for k, v in PARAMETERS.items()}, "0.1"), TypeError,
     r"learning_rate: expected a real number"),
    (lambda: update_char_rnn(list(PARAMETERS.values()), {}, 0.1), TypeError, r"parameters: expected a dict"),
    (lambda: one_hot_sequence([None, 1.0], 3), TypeError, r"indices: expected ints or None"),
    (lambda: name_to_sequence(["r", "e", "x"], vocabulary_maps()[0]), TypeError, r"name: expected a str"),
    (lambda: name_to_sequence("rex", {"r": 1, "e": 2, "x": 3}), KeyError, r"char_to_ix: missing"),
    (lambda: indices_to_name([1, 40], vocabulary_maps()[1]), KeyError, r"ix_to_char: missing \[40\]"),
    (lambda: initialize_char_rnn(0, 5, 5), ValueError, r"n_a: expected an int >= 1, found 0"),
    (lambda: smooth_loss(1.0, float("nan")), ValueError, r"current_loss: expected a finite number"),
    (lambda: smooth_loss(1.0, 2.0, beta=1.0), ValueError, r"beta: expected a number in \[0, 1\)"),
    (lambda: initial_loss(27, -1), ValueError, r"seq_length: expected a number >= 0"),
])
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_backward_skips_the_unused_input_gradient():
    gradients = char_rnn_backward(char_rnn_forward(X, Y, A0, PARAMETERS)[2])
    assert sorted(gradients) == sorted(["dWax", "dWaa", "dWya", "dba", "dby", "da0"])
