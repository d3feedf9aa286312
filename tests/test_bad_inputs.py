"""Bad input to every public function of ``utils``: one table, one row per function.

Each row builds VALID arguments (small, seeded) and lists the bad variants that apply to the function:
a wrong shape, a wrong dtype (strings, complex numbers), NaN, inf, an empty array (0 examples) where a
mean is taken or the result means nothing, a missing dict key, a wrong type (None where an array, a dict
or a number is expected). Each row is first called on its valid arguments, so that a variant cannot pass
by accident: the error must come from the one damaged argument. Each variant then checks the policy of
utils/validation.py: the exception class (TypeError / ValueError / KeyError), and a message that names
the argument (and the dict entry, for damage inside a dict) and says what was expected.

``test_the_table_covers_every_public_function`` keeps the table honest: a new public function of a
``utils`` module without a row (or an exemption with its reason) fails the suite.

Left out: ``utils.grading`` and ``utils.release``, whose hostile inputs (broken learner code and
notebooks) are tested in tests/test_grader.py, tests/test_check.py and tests/test_release.py.
"""

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest

import utils
from utils import (activations, char_rnn, conv, convnet, data, embeddings, gradcheck, initializers,
                   layers, losses, models, optimizers, plotting, regularization, rnn, validation)

MODULES = [importlib.import_module(f"utils.{info.name}") for info in pkgutil.iter_modules(utils.__path__)
           if not info.ispkg and info.name != "release"]

# Public functions without a row, and why: they take no array, dict or number, only a file or a folder.
EXEMPT = {
    "utils.data.sha256_of": "a file path; a missing file raises FileNotFoundError naming it (tests/test_data.py)",
    "utils.data.dataset_path": "a dataset name and folder; unknown name, missing, truncated and modified files "
                               "are tested in tests/test_data.py",
    "utils.data.load_shirts": "only a folder; tests/test_data.py: missing, truncated and modified file",
    "utils.data.load_fashion_mnist": "only a folder; tests/test_data.py: missing, truncated and modified file",
    "utils.data.load_dinosaur_names": "only a folder; tests/test_data.py: missing, truncated and modified file",
    "utils.data.load_glove_vectors": "only a folder; tests/test_data.py: missing, truncated and modified file",
}

EXPECTATION_WORDS = ("expected", "missing", "must")
M = 3   # examples in every valid call; the "empty" variant rebuilds the arguments with m = 0


# ---------------------------------------------------------------- the variants

@dataclass(frozen=True)
class Bad:
    """One damaged argument: ``damage(container, slot)`` spoils ``kwargs[arg]`` (or ``kwargs[arg][key]``)."""
    arg: str
    kind: str
    damage: Callable = None          # None: rebuild all arguments with m = 0 examples
    error: type = ValueError
    key: object = None               # the entry of a dict argument that is damaged
    names: tuple = ()                # what the message must name (default: arg, and key if any)
    either: tuple = ()               # or: the message must name at least one of these

    def must_name(self):
        return self.names or (self.arg,) + (() if self.key is None else (str(self.key),))


def _replace(new_value):
    def damage(container, slot):
        container[slot] = new_value(container[slot])
    return damage


def _delete(container, slot):
    del container[slot]


def _put(value, bad):
    """A copy of ``value`` with one entry set to ``bad`` (a plain number becomes ``bad`` itself)."""
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return bad
    spoiled = np.array(value, dtype=float)
    spoiled.flat[spoiled.size // 2] = bad
    return spoiled


def _as_text(value):
    return np.full(np.shape(value), "a") if np.ndim(value) else "a"


def nan(arg, key=None, names=()):
    return Bad(arg, "nan", _replace(lambda v: _put(v, np.nan)), ValueError, key, names)


def inf(arg, key=None, names=()):
    return Bad(arg, "inf", _replace(lambda v: _put(v, np.inf)), ValueError, key, names)


def text(arg, key=None, names=()):
    return Bad(arg, "str", _replace(_as_text), TypeError, key, names)


def cplx(arg, key=None, names=()):
    return Bad(arg, "complex", _replace(lambda v: np.asarray(v) + 1j), TypeError, key, names)


def none(arg, key=None, names=()):
    return Bad(arg, "None", _replace(lambda v: None), TypeError, key, names)


def shape(arg, how, key=None, names=()):
    return Bad(arg, "shape", _replace(how), ValueError, key, names)


def empty(arg, *others, names=()):
    """m = 0 examples in every array that carries them: the message names ``arg`` or one of ``others``."""
    return Bad(arg, "empty", names=names, either=(arg, *others) if others else ())


def missing(arg, key):
    return Bad(arg, "missing", _delete, KeyError, key)


def _nan_in_an_input(kwargs, slot):
    """check_finite_results: a NaN in the input named "w" and in the result computed from it."""
    w = _put(kwargs[slot][0][1], np.nan)
    kwargs.update(results=[2 * w], named_inputs=[("w", w)])


def float_array(arg, key=None):
    """The variants every float array argument gets: strings, complex, None, NaN, inf."""
    return [text(arg, key), cplx(arg, key), none(arg, key), nan(arg, key), inf(arg, key)]


def transposed(a):
    return a.T


def raveled(a):
    return np.ravel(a)


def one_short(a):
    return a[..., :-1]


def last_axis_dropped(a):
    return a[..., 0]


# ---------------------------------------------------------------- valid arguments

def randn(*shape, seed=0):
    return np.random.RandomState(seed).randn(*shape)


def probabilities(*shape, seed=0):
    return np.random.RandomState(seed).uniform(0.1, 0.9, size=shape)


def labels(m):
    return (np.arange(m) % 2).reshape(1, m).astype(float)


def one_hot_labels(C, m):
    return np.eye(C)[:, np.arange(m) % C]


def dense_parameters(dims=(4, 3, 1)):
    """{"W1", "b1", ...} for layer sizes dims, seeded, non-zero biases."""
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = randn(dims[l], dims[l - 1], seed=l)
        parameters[f"b{l}"] = randn(dims[l], 1, seed=10 + l)
    return parameters


def dense_grads(dims=(4, 3, 1)):
    return {f"d{key}": 0.1 * value for key, value in dense_parameters(dims).items()}


def dense_caches(m):
    """AL (1, m) and the caches of a 2-layer [LINEAR -> RELU] -> LINEAR -> SIGMOID pass, built with NumPy."""
    p, X = dense_parameters(), randn(4, m, seed=5)
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.maximum(Z1, 0)
    Z2 = p["W2"] @ A1 + p["b2"]
    return 1 / (1 + np.exp(-Z2)), [((X, p["W1"], p["b1"]), Z1), ((A1, p["W2"], p["b2"]), Z2)]


def linear_cache(m):
    return randn(4, m, seed=1), randn(2, 4, seed=2), randn(2, 1, seed=3)


def rnn_parameters(n_x=3, n_a=5, n_y=2):
    return {"Wax": randn(n_a, n_x, seed=1), "Waa": randn(n_a, n_a, seed=2), "Wya": randn(n_y, n_a, seed=3),
            "ba": randn(n_a, 1, seed=4), "by": randn(n_y, 1, seed=5)}


def lstm_parameters(n_x=3, n_a=5, n_y=2):
    parameters = {f"W{gate}": randn(n_a, n_a + n_x, seed=i) for i, gate in enumerate("fico")}
    parameters.update({f"b{gate}": randn(n_a, 1, seed=10 + i) for i, gate in enumerate("fico")})
    return {**parameters, "Wy": randn(n_y, n_a, seed=20), "by": randn(n_y, 1, seed=21)}


def conv_input(m):
    return randn(m, 4, 4, 2, seed=1)


def conv_cache(m):
    return conv_input(m), randn(2, 2, 2, 3, seed=2), randn(1, 1, 1, 3, seed=3), {"stride": 1, "pad": 1}


def convnet_parameters():
    return convnet.initialize_convnet((4, 4, 1), 2, 2, rng=0)


def gradient_layout():
    return gradcheck.dictionary_to_vector(dense_parameters((2, 2, 1)))


def report_rows():
    grad, layout = gradient_layout()
    return gradcheck.compare_gradients(grad, grad + 1e-9, layout)


# ---------------------------------------------------------------- the table

def elementwise(m):
    return {"Z": randn(2, m)}


def upstream(m):
    return {"dA": randn(2, m, seed=1), "cache": randn(2, m, seed=2)}


ACTIVATION_BADS = float_array("Z")
BACKWARD_BADS = float_array("dA") + [shape("dA", transposed), none("cache")]
INIT_BADS = [none("parameters"), missing("parameters", "W2")]
DENSE_BADS = INIT_BADS + [text("parameters", "W1"), nan("parameters", "W1")]
UPDATE_BADS = [missing("grads", "dW1"), text("grads", "dW1"), nan("grads", "db1"), inf("grads", "dW2"),
               shape("grads", transposed, key="dW1"), none("grads"), none("learning_rate"), nan("learning_rate")]
L2_BADS = DENSE_BADS + [none("lambd"), nan("lambd"), none("m"), nan("m")]
RNG_BAD = text("rng")

ROWS = {
    # utils.activations
    activations.sigmoid: (elementwise, ACTIVATION_BADS),
    activations.relu: (elementwise, ACTIVATION_BADS),
    activations.tanh: (elementwise, ACTIVATION_BADS),
    activations.softmax: (elementwise, ACTIVATION_BADS + [shape("Z", last_axis_dropped)]),
    activations.sigmoid_forward: (elementwise, ACTIVATION_BADS),
    activations.relu_forward: (elementwise, ACTIVATION_BADS),
    activations.tanh_forward: (elementwise, ACTIVATION_BADS),
    activations.softmax_forward: (elementwise, ACTIVATION_BADS + [shape("Z", last_axis_dropped)]),
    activations.sigmoid_backward: (upstream, BACKWARD_BADS),
    activations.relu_backward: (upstream, BACKWARD_BADS),
    activations.tanh_backward: (upstream, BACKWARD_BADS),
    activations.softmax_backward: (upstream, BACKWARD_BADS),
    # utils.layers
    layers.linear_forward: (
        lambda m: dict(zip(("A_prev", "W", "b"), linear_cache(m))),
        float_array("A_prev") + float_array("W") + float_array("b")
        + [shape("A_prev", last_axis_dropped), shape("W", transposed), shape("b", raveled)]),
    layers.linear_backward: (
        lambda m: {"dZ": randn(2, m), "cache": linear_cache(m)},
        float_array("dZ") + [shape("dZ", transposed), empty("dZ", "A_prev"), none("cache")]),
    layers.linear_activation_forward: (
        lambda m: {**dict(zip(("A_prev", "W", "b"), linear_cache(m))), "activation": "relu"},
        float_array("A_prev") + [nan("W"), nan("b"), shape("W", transposed), shape("b", raveled)]),
    layers.linear_activation_backward: (
        lambda m: {"dA": randn(2, m), "cache": (linear_cache(m), randn(2, m, seed=4)), "activation": "relu"},
        float_array("dA") + [shape("dA", transposed), empty("dA", "A_prev"), none("cache")]),
    layers.softmax_output_backward: (
        lambda m: {"AL": probabilities(2, m), "Y": one_hot_labels(2, m), "cache": (linear_cache(m), randn(2, m))},
        float_array("AL") + float_array("Y") + [shape("Y", transposed), empty("AL", "Y"), none("cache")]),
    layers.batchnorm_forward: (
        lambda m: {"Z": randn(2, m), "gamma": randn(2, 1, seed=1), "beta": randn(2, 1, seed=2)},
        float_array("Z") + [nan("gamma"), text("beta"), shape("gamma", raveled), shape("beta", transposed),
                            empty("Z"), none("epsilon"), nan("epsilon")]),
    layers.batchnorm_backward: (
        lambda m: {"dZ_tilde": randn(2, m), "cache": (randn(2, m, seed=1), randn(2, 1, seed=2), np.ones((2, 1)))},
        float_array("dZ_tilde") + [shape("dZ_tilde", transposed), empty("dZ_tilde", "Z_norm"), none("cache")]),
    # utils.losses
    losses.compute_cost: (
        lambda m: {"AL": probabilities(1, m), "Y": labels(m)},
        float_array("AL") + float_array("Y") + [shape("Y", raveled), empty("AL", "Y")]),
    losses.compute_cost_gradient: (
        lambda m: {"AL": probabilities(1, m), "Y": labels(m)},
        float_array("AL") + float_array("Y") + [shape("Y", raveled)]),
    losses.categorical_cross_entropy: (
        lambda m: {"AL": probabilities(2, m), "Y": one_hot_labels(2, m)},
        float_array("AL") + float_array("Y") + [shape("Y", transposed), empty("AL", "Y")]),
    # utils.models
    models.number_of_layers: (lambda m: {"parameters": dense_parameters()}, INIT_BADS),
    models.L_model_forward: (lambda m: {"X": randn(4, m), "parameters": dense_parameters()},
                             float_array("X") + [shape("X", last_axis_dropped)] + DENSE_BADS),
    models.L_model_backward: (
        lambda m: {"AL": dense_caches(m)[0], "Y": labels(m), "caches": dense_caches(m)[1]},
        float_array("AL") + float_array("Y") + [shape("Y", raveled), empty("AL", "Y"), none("caches")]),
    models.update_parameters: (
        lambda m: {"parameters": dense_parameters(), "grads": dense_grads(), "learning_rate": 0.1},
        DENSE_BADS + UPDATE_BADS),
    models.parameter_keys: (lambda m: {"parameters": dense_parameters()}, INIT_BADS),
    models.gradient_of: (
        lambda m: {"parameters": dense_parameters(), "grads": dense_grads(), "key": "W1"},
        [missing("grads", "dW1"), none("grads"), shape("grads", transposed, key="dW1"), none("parameters")]),
    models.predict: (lambda m: {"X": randn(4, m), "parameters": dense_parameters()},
                     float_array("X") + [missing("parameters", "b2")]),
    # utils.conv
    conv.output_size: (lambda m: {"n_prev": 4, "f": 2, "pad": 1, "stride": 1},
                       [none("n_prev"), none("f"), none("pad"), none("stride")]),
    conv.zero_pad: (lambda m: {"X": conv_input(m), "pad": 1},
                    float_array("X") + [shape("X", last_axis_dropped), none("pad")]),
    conv.conv_forward: (
        lambda m: dict(zip(("A_prev", "W", "b", "hparameters"), conv_cache(m))),
        float_array("A_prev") + float_array("W") + [nan("b"), shape("W", lambda W: W[:, :, :1]), shape("b", raveled),
                                                    missing("hparameters", "stride"), missing("hparameters", "pad"),
                                                    none("hparameters", "stride"),
                                                    none("hparameters")]),
    conv.conv_backward: (lambda m: {"dZ": randn(m, 5, 5, 3), "cache": conv_cache(m)},
                         float_array("dZ") + [shape("dZ", one_short), none("cache")]),
    conv.pool_forward: (lambda m: {"A_prev": conv_input(m), "hparameters": {"f": 2, "stride": 2}},
                        float_array("A_prev") + [shape("A_prev", last_axis_dropped), missing("hparameters", "f"),
                                                 missing("hparameters", "stride"), none("hparameters"),
                                                 none("hparameters", "f")]),
    conv.pool_backward: (
        lambda m: {"dA": randn(m, 2, 2, 2), "cache": (conv_input(m), {"f": 2, "stride": 2})},
        float_array("dA") + [shape("dA", one_short), none("cache")]),
    # utils.convnet
    convnet.initialize_convnet: (
        lambda m: {"input_shape": (4, 4, 1), "n_filters": 2, "n_classes": 2, "rng": 0},
        [none("input_shape"), shape("input_shape", lambda s: s[:2]), none("n_filters"), none("n_classes"), RNG_BAD]),
    convnet.convnet_forward: (
        lambda m: {"X": randn(m, 4, 4, 1), "parameters": convnet_parameters()},
        float_array("X") + [shape("X", last_axis_dropped), missing("parameters", "W1"), missing("parameters", "b2"),
                            nan("parameters", "W1"), none("parameters")]),
    convnet.convnet_backward: (
        lambda m: {"AL": probabilities(2, m), "Y": one_hot_labels(2, m),
                   "caches": convnet.convnet_forward(randn(m, 4, 4, 1), convnet_parameters())[1]},
        float_array("AL") + float_array("Y") + [shape("Y", transposed), none("caches")]),
    convnet.convnet_predict: (lambda m: {"X": randn(m, 4, 4, 1), "parameters": convnet_parameters()},
                              float_array("X") + [missing("parameters", "W2")]),
    # utils.rnn
    rnn.rnn_cell_forward: (
        lambda m: {"xt": randn(3, m), "a_prev": randn(5, m, seed=1), "parameters": rnn_parameters()},
        float_array("xt") + float_array("a_prev") + [shape("a_prev", transposed), missing("parameters", "Wax"),
                                                     nan("parameters", "Waa"),
                                                     shape("parameters", transposed, key="Wax"),
                                                     none("parameters")]),
    rnn.rnn_forward: (
        lambda m: {"x": randn(3, m, 4), "a0": randn(5, m, seed=1), "parameters": rnn_parameters()},
        float_array("x") + float_array("a0") + [shape("x", last_axis_dropped), missing("parameters", "Wya"),
                                                nan("parameters", "Wax"), none("parameters")]),
    rnn.rnn_cell_backward: (
        lambda m: {"da_next": randn(5, m), "cache": rnn.rnn_cell_forward(randn(3, m), randn(5, m, seed=1),
                                                                         rnn_parameters())[2]},
        float_array("da_next") + [shape("da_next", transposed), none("cache")]),
    rnn.rnn_backward: (
        lambda m: {"da": randn(5, m, 4), "caches": rnn.rnn_forward(randn(3, m, 4), randn(5, m, seed=1),
                                                                   rnn_parameters())[2]},
        float_array("da") + [shape("da", last_axis_dropped), none("caches")]),
    rnn.lstm_cell_forward: (
        lambda m: {"xt": randn(3, m), "a_prev": randn(5, m, seed=1), "c_prev": randn(5, m, seed=2),
                   "parameters": lstm_parameters()},
        float_array("xt") + float_array("a_prev") + float_array("c_prev")
        + [shape("c_prev", transposed), missing("parameters", "Wf"), missing("parameters", "by"),
           nan("parameters", "Wo"), none("parameters")]),
    rnn.lstm_forward: (
        lambda m: {"x": randn(3, m, 4), "a0": randn(5, m, seed=1), "parameters": lstm_parameters()},
        float_array("x") + float_array("a0") + [shape("x", last_axis_dropped), missing("parameters", "Wc"),
                                                nan("parameters", "bi"), none("parameters")]),
    rnn.lstm_cell_backward: (
        lambda m: {"da_next": randn(5, m), "dc_next": randn(5, m, seed=1),
                   "cache": rnn.lstm_cell_forward(randn(3, m), randn(5, m, seed=1), randn(5, m, seed=2),
                                                  lstm_parameters())[3]},
        float_array("da_next") + float_array("dc_next") + [shape("dc_next", transposed), none("cache")]),
    rnn.lstm_backward: (
        lambda m: {"da": randn(5, m, 4), "caches": rnn.lstm_forward(randn(3, m, 4), randn(5, m, seed=1),
                                                                    lstm_parameters())[3]},
        float_array("da") + [shape("da", last_axis_dropped), none("caches")]),
    # utils.char_rnn (one sequence; the builder's m is its length T_x)
    char_rnn.vocabulary_maps: (lambda m: {"chars": "\nabc"}, [none("chars")]),
    char_rnn.name_to_sequence: (lambda m: {"name": "abc", "char_to_ix": char_rnn.vocabulary_maps()[0]},
                                [none("name"), none("char_to_ix"), missing("char_to_ix", "\n")]),
    char_rnn.indices_to_name: (lambda m: {"indices": [1, 2, 0], "ix_to_char": char_rnn.vocabulary_maps()[1]},
                               [none("indices"), missing("ix_to_char", 1)]),
    char_rnn.one_hot_sequence: (lambda m: {"indices": [None, 1, 2], "vocab_size": 27},
                                [none("indices"), text("indices"), none("vocab_size")]),
    char_rnn.initialize_char_rnn: (lambda m: {"n_a": 5, "n_x": 27, "n_y": 27, "rng": 0},
                                   [none("n_a"), none("n_x"), none("n_y"), RNG_BAD]),
    char_rnn.char_rnn_forward: (
        lambda m: {"X": [None, 1, 2, 3][:m], "Y": [1, 2, 3, 0][:m], "a0": np.zeros((5, 1)),
                   "parameters": char_rnn.initialize_char_rnn(5, 27, 27, rng=0)},
        float_array("a0") + [none("X"), none("Y"), shape("a0", transposed), missing("parameters", "Wax"),
                             missing("parameters", "by"), nan("parameters", "Waa"), empty("X", "Y")]),
    char_rnn.char_rnn_backward: (
        lambda m: {"cache": char_rnn.char_rnn_forward([None, 1, 2], [1, 2, 0], np.zeros((5, 1)),
                                                      char_rnn.initialize_char_rnn(5, 27, 27, rng=0))[2]},
        [none("cache")]),
    char_rnn.update_char_rnn: (
        lambda m: {"parameters": rnn_parameters(), "gradients": {f"d{k}": 0.1 * v for k, v in rnn_parameters().items()},
                   "learning_rate": 0.01},
        [missing("gradients", "dWax"), missing("parameters", "Wya"), nan("gradients", "dWaa"),
         shape("gradients", transposed, key="dWya"), none("gradients"), none("learning_rate"), nan("learning_rate")]),
    char_rnn.initial_loss: (lambda m: {"vocab_size": 27, "seq_length": 7},
                            [none("vocab_size"), none("seq_length"), nan("seq_length")]),
    char_rnn.smooth_loss: (lambda m: {"loss": 20.0, "current_loss": 18.0},
                           [none("loss"), nan("current_loss"), inf("current_loss"), none("beta")]),
    # utils.optimizers
    optimizers.sgd: (lambda m: {"w": randn(2, m), "dw": randn(2, m, seed=1), "config": {"learning_rate": 0.1}},
                     float_array("w") + float_array("dw") + [shape("dw", transposed), none("config", "learning_rate"),
                                                             nan("config", "learning_rate")]),
    optimizers.momentum: (
        lambda m: {"w": randn(2, m), "dw": randn(2, m, seed=1),
                   "config": {"velocity": randn(2, m, seed=2), "beta": 0.9}},
        float_array("dw") + [shape("dw", transposed), shape("config", transposed, key="velocity"),
                             nan("config", "velocity"), none("config", "beta")]),
    optimizers.adam: (
        lambda m: {"w": randn(2, m), "dw": randn(2, m, seed=1), "config": {"t": 2, "beta1": 0.9}},
        float_array("dw") + [shape("dw", transposed), none("config", "t"), nan("config", "beta1")]),
    optimizers.update_parameters_with_gd: (
        lambda m: {"parameters": dense_parameters(), "grads": dense_grads(), "learning_rate": 0.1},
        DENSE_BADS + UPDATE_BADS),
    optimizers.random_mini_batches: (
        lambda m: {"X": randn(2, m), "Y": labels(m), "mini_batch_size": 2, "rng": 0},
        float_array("X") + [text("Y"), nan("Y"), shape("Y", one_short), empty("X", "Y"), none("mini_batch_size"),
                            nan("mini_batch_size"), RNG_BAD]),
    optimizers.initialize_velocity: (lambda m: {"parameters": dense_parameters()}, INIT_BADS),
    optimizers.update_parameters_with_momentum: (
        lambda m: {"parameters": dense_parameters(), "grads": dense_grads(), "v": dense_grads(), "beta": 0.9,
                   "learning_rate": 0.1},
        DENSE_BADS + UPDATE_BADS + [missing("v", "db1"), shape("v", transposed, key="dW1"), nan("v", "dW2"),
                                    none("beta"), nan("beta")]),
    optimizers.initialize_adam: (lambda m: {"parameters": dense_parameters()}, INIT_BADS),
    optimizers.update_parameters_with_adam: (
        lambda m: {"parameters": dense_parameters(), "grads": dense_grads(), "v": dense_grads(),
                   "s": {key: value ** 2 for key, value in dense_grads().items()},
                   "t": 2},
        DENSE_BADS + UPDATE_BADS + [missing("s", "dW2"), shape("v", transposed, key="dW1"), nan("s", "db1"),
                                    none("t"), none("beta1"), nan("epsilon")]),
    optimizers.update_lr: (lambda m: {"learning_rate0": 0.5, "epoch_num": 3, "decay_rate": 1.0},
                           [none("learning_rate0"), nan("learning_rate0"), none("epoch_num"), none("decay_rate")]),
    optimizers.schedule_lr_decay: (
        lambda m: {"learning_rate0": 0.5, "epoch_num": 3000, "decay_rate": 1.0, "time_interval": 1000},
        [none("learning_rate0"), nan("learning_rate0"), none("epoch_num"), none("decay_rate"), none("time_interval")]),
    # utils.data
    data.one_hot: (lambda m: {"labels": np.arange(m).reshape(1, m), "C": 3},
                   [text("labels"), Bad("labels", "float", _replace(lambda v: v + 0.5), TypeError), none("labels"),
                    shape("labels", raveled), none("C"), nan("C")]),
    data.make_flower: (lambda m: {"m": 20, "rng": 0},
                       [none("m"), text("m"), nan("noise"), inf("noise"), none("petals"), none("radius"), RNG_BAD]),
    data.make_circles: (lambda m: {"m": 20, "rng": 0},
                        [none("m"), nan("noise"), none("factor"), nan("factor"), RNG_BAD]),
    data.make_moons: (lambda m: {"m": 20, "rng": 0}, [none("m"), nan("noise"), inf("noise"), RNG_BAD]),
    data.make_blobs: (lambda m: {"m": 20, "rng": 0},
                      [none("m"), none("centers"), nan("spread"), inf("box"), RNG_BAD]),
    data.make_gaussian_quantiles: (lambda m: {"m": 20, "rng": 0}, [none("m"), nan("scale"), RNG_BAD]),
    data.make_goalkeeper_field: (lambda m: {"m_train": 20, "m_test": 5, "rng": 0},
                                 [none("m_train"), none("m_test"), nan("flip"), inf("blur"), RNG_BAD]),
    # utils.embeddings
    embeddings.unit_rows: (lambda m: {"vectors": randn(m, 3)},
                           float_array("vectors") + [shape("vectors", last_axis_dropped)]),
    embeddings.nearest_words: (
        lambda m: {"query": randn(3), "unit": embeddings.unit_rows(randn(5, 3, seed=1)),
                   "words": ["a", "b", "c", "d", "e"], "k": 2},
        float_array("query") + [shape("query", one_short), nan("unit"), text("unit"), none("words"),
                                shape("words", lambda w: w[:-1]), none("k"), none("exclude")]),
    embeddings.project_2d: (lambda m: {"X": randn(m, 3)},
                            float_array("X") + [shape("X", last_axis_dropped), empty("X")]),
    # utils.gradcheck
    gradcheck.numerical_gradient: (
        lambda m: {"f": np.square, "x": randn(2, m), "df": randn(2, m, seed=1)},
        float_array("x") + float_array("df") + [none("f"), shape("df", transposed), none("h"), nan("h")]),
    gradcheck.relative_error: (lambda m: {"a": randn(2, m), "b": randn(2, m, seed=1)},
                               float_array("a") + float_array("b") + [shape("b", transposed)]),
    gradcheck.dictionary_to_vector: (
        lambda m: {"parameters": dense_parameters(), "keys": ["W1", "b1", "W2", "b2"]},
        [none("parameters"), missing("parameters", "W2"), text("parameters", "W1"), nan("parameters", "b1"),
         inf("parameters", "W2")]),
    gradcheck.vector_to_dictionary: (
        lambda m: {"theta": gradient_layout()[0], "layout": gradient_layout()[1]},
        float_array("theta") + [shape("theta", lambda t: t[:-1]), none("layout")]),
    gradcheck.gradients_to_vector: (
        lambda m: {"grads": {f"d{k}": v for k, v in dense_parameters((2, 2, 1)).items()},
                   "layout": gradient_layout()[1]},
        [none("grads"), missing("grads", "dW1"), nan("grads", "db1"), text("grads", "dW2"),
         shape("grads", transposed, key="dW2")]),
    gradcheck.compare_gradients: (
        lambda m: {"grad": gradient_layout()[0], "grad_approx": gradient_layout()[0] * 1.001,
                   "layout": gradient_layout()[1]},
        float_array("grad") + float_array("grad_approx")
        + [shape("grad_approx", lambda t: t[:-1]), none("layout"), nan("rtol"), none("atol")]),
    gradcheck.format_gradient_report: (
        lambda m: {"rows": report_rows()},
        [none("rows"), missing("rows", "max_diff"), none("floor"), nan("floor")]),
    # utils.initializers
    initializers.initialize_parameters: (lambda m: {"n_x": 2, "n_h": 3, "n_y": 1, "rng": 0},
                                         [none("n_x"), text("n_h"), nan("n_h"), none("n_y"), RNG_BAD]),
    initializers.initialize_parameters_deep: (
        lambda m: {"layer_dims": [4, 3, 1], "rng": 0},
        [none("layer_dims"), text("layer_dims"), shape("layer_dims", lambda dims: dims[:1]), nan("layer_dims"),
         nan("scale"), none("scale"), RNG_BAD]),
    # utils.regularization
    regularization.l2_regularization_cost: (
        lambda m: {"parameters": dense_parameters(), "lambd": 0.7, "m": 5}, L2_BADS),
    regularization.l2_regularization_gradients: (
        lambda m: {"parameters": dense_parameters(), "lambd": 0.7, "m": 5}, L2_BADS),
    regularization.dropout_forward: (
        lambda m: {"A": randn(2, m), "keep_prob": 0.8, "rng": 0, "mask": (randn(2, m, seed=1) > 0).astype(int)},
        float_array("A") + [none("keep_prob"), nan("keep_prob"), inf("keep_prob"), text("mask"), nan("mask"),
                            shape("mask", transposed)]),
    regularization.dropout_backward: (
        lambda m: {"dA": randn(2, m), "cache": ((randn(2, m, seed=1) > 0).astype(int), 0.8)},
        float_array("dA") + [shape("dA", transposed), none("cache")]),
    # utils.plotting
    plotting.plot_decision_boundary: (
        lambda m: {"predict_fn": lambda points: (points[0] > 0).astype(int), "X": randn(2, m), "Y": labels(m),
                   "resolution": 5},
        float_array("X") + [none("predict_fn"), shape("X", transposed), text("Y"), nan("Y"), shape("Y", one_short),
                            empty("X", "Y"), none("resolution"), nan("margin")]),
    plotting.plot_costs: (lambda m: {"costs": list(np.linspace(0.7, 0.3, m)), "learning_rate": 0.01},
                          float_array("costs") + [empty("costs"), none("every"), nan("learning_rate")]),
    plotting.compare_costs: (
        lambda m: {"curves": {0.01: list(np.linspace(0.7, 0.3, m)), "baseline": [0.7] * m}},
        [none("curves"), nan("curves", 0.01), text("curves", "baseline"), empty("curves"), none("every")]),
    plotting.show_images: (
        lambda m: {"images": (np.arange(m * 16) % 256).astype(np.uint8).reshape(m, 4, 4),
                   "titles": [str(i) for i in range(m)]},
        float_array("images") + [shape("images", last_axis_dropped), empty("images"),
                                 shape("titles", lambda t: t[:-1]), none("ncols"), none("size")]),
    # utils.validation (the messages name the `name` they are given)
    validation.as_float_array: (lambda m: {"x": randn(2, m), "name": "Z"},
                                [text("x", names=("Z",)), cplx("x", names=("Z",)), none("x", names=("Z",))]),
    validation.check_shape: (lambda m: {"arr": randn(2, m), "name": "X", "expected": (2, None)},
                             [shape("arr", transposed, names=("X",))]),
    validation.check_finite: (lambda m: {"arr": randn(2, m), "name": "X"},
                              [nan("arr", names=("X",)), inf("arr", names=("X",))]),
    validation.check_nonempty: (lambda m: {"arr": randn(2, m), "name": "X"}, [empty("arr", names=("X",))]),
    validation.check_same_shape: (lambda m: {"a": randn(2, m), "a_name": "dA", "b": randn(2, m), "b_name": "Z"},
                                  [shape("b", transposed, names=("dA", "Z"))]),
    validation.check_finite_results: (lambda m: {"results": [2 * randn(2, m)], "named_inputs": [("w", randn(2, m))]},
                                      [Bad("named_inputs", "nan", _nan_in_an_input, names=("w",))]),
    validation.as_random_state: (lambda m: {"rng": 0}, [RNG_BAD]),
    validation.as_int: (lambda m: {"value": 3, "name": "n", "minimum": 1},
                        [none("value", names=("n",)), nan("value", names=("n",))]),
    validation.as_real: (lambda m: {"value": 0.5, "name": "lr"},
                         [none("value", names=("lr",)), nan("value", names=("lr",)), inf("value", names=("lr",))]),
}


def _qualified(function):
    return f"{function.__module__}.{function.__name__}"


def _case_id(function, bad):
    where = bad.arg if bad.key is None else f"{bad.arg}[{bad.key!r}]"
    return f"{function.__name__}-{where}-{bad.kind}"


CASES = [(function, bad) for function, (_, bads) in ROWS.items() for bad in bads]
IDS = [_case_id(function, bad) for function, bad in CASES]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _damaged_arguments(function, bad):
    """The row's valid arguments with ``bad`` applied (an argument left to its default is damaged too)."""
    build, _ = ROWS[function]
    kwargs = build(0 if bad.damage is None else M)
    if bad.damage is None:
        return kwargs
    if bad.arg not in kwargs:
        kwargs[bad.arg] = inspect.signature(function).parameters[bad.arg].default
    if bad.key is None:
        bad.damage(kwargs, bad.arg)
    elif isinstance(kwargs[bad.arg], list):        # a list of dicts (report rows): damage the first one
        bad.damage(kwargs[bad.arg][0], bad.key)
    else:
        bad.damage(kwargs[bad.arg], bad.key)
    return kwargs


def _mentions(message, name):
    """True if ``message`` holds ``name`` as a whole word (``dA`` is not found in ``dA_prev``) or its repr."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", message) is not None or repr(name) in message


def _public_functions():
    return {f"{module.__name__}.{name}" for module in MODULES for name, obj in vars(module).items()
            if not name.startswith("_") and inspect.isfunction(obj) and obj.__module__ == module.__name__}


def test_the_table_covers_every_public_function():
    rows, exempt, public = {_qualified(function) for function in ROWS}, set(EXEMPT), _public_functions()
    assert not rows & exempt, "a function has a row and an exemption"
    assert sorted(public - rows - exempt) == [], "public functions without a row in ROWS (or an exemption)"
    assert sorted((rows | exempt) - public) == [], "rows or exemptions of functions that are not public"


def test_case_ids_are_unique():
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("function", ROWS, ids=lambda function: function.__name__)
def test_valid_arguments_work(function):
    build, _ = ROWS[function]
    function(**build(M))


@pytest.mark.parametrize("function,bad", CASES, ids=IDS)
def test_bad_input_gets_a_clear_error(function, bad):
    kwargs = _damaged_arguments(function, bad)
    with pytest.raises(Exception) as info:
        function(**kwargs)
    error = info.value
    message = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    found = f"{type(error).__name__}: {message}"
    assert isinstance(error, bad.error), f"expected {bad.error.__name__}, found {found}"
    if bad.either:
        assert any(_mentions(message, name) for name in bad.either), f"the message names none of {bad.either}: {found}"
    else:
        for name in bad.must_name():
            assert _mentions(message, name), f"the message does not name {name!r}: {found}"
    assert any(word in message for word in EXPECTATION_WORDS), f"the message says nothing expected: {found}"
