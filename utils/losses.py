"""Costs and their gradients with respect to the network's output.

The binary cross-entropy cost of predictions ``AL`` (shape ``(1, m)``, probabilities) against labels
``Y`` (shape ``(1, m)``, 0 or 1) is ``J = -(1/m) sum(Y log AL + (1 - Y) log(1 - AL))``. With C classes
(softmax outputs ``AL`` and one-hot labels ``Y``, both ``(C, m)``) it is ``J = -(1/m) sum(Y log AL)``.

Stability: ``AL`` is clipped into ``[EPSILON, 1 - EPSILON]`` before any log or division, so a
prediction of exactly 0 or 1 (a saturated sigmoid) gives a finite cost and gradient, never ``nan``
or ``inf``. Inside that range (every prediction a trained network makes unless it saturates) the
values are exactly the textbook formula's.

The public functions check their arguments (same 2-D shape, finite, at least one example);
``_binary_cost_gradient`` is the unchecked formula behind compute_cost_gradient, shared with the
training loop of utils.models, which checks its arguments once per call.
"""

import numpy as np

from utils.validation import as_float_array, check_finite, check_nonempty, check_same_shape, check_shape

EPSILON = 1e-15


def _checked(AL, Y):
    """AL and Y as float arrays, after checking both (2-D, same shape, m >= 1, finite)."""
    if not (type(AL) is np.ndarray and type(Y) is np.ndarray and AL.dtype.kind == "f" and Y.dtype.kind == "f"
            and AL.ndim == 2 and AL.shape == Y.shape and AL.size):   # else the checks that name what is wrong
        AL, Y = as_float_array(AL, "AL"), as_float_array(Y, "Y")
        check_shape(Y, "Y", (None, None))
        check_same_shape(AL, "AL", Y, "Y")
        check_nonempty(Y, "Y")
    check_finite(AL, "AL")
    check_finite(Y, "Y")
    return AL, Y


def _clipped(AL):
    return np.clip(AL, EPSILON, 1 - EPSILON)


def _binary_cost_gradient(AL, Y):
    """Unchecked ``dAL = -(Y/AL - (1-Y)/(1-AL))`` with AL clipped; AL and Y of shape (1, m), finite."""
    AL = _clipped(AL)
    return -(Y / AL - (1 - Y) / (1 - AL))


def compute_cost(AL, Y):
    """Mean binary cross-entropy over the m examples.

    Arguments:
    AL -- predicted probabilities of label 1, shape (1, m)
    Y -- true labels 0/1, shape (1, m)

    Returns:
    cost -- Python float, J = -(1/m) sum(Y log(AL) + (1 - Y) log(1 - AL)) (AL clipped, see module doc)
    """
    AL, Y = _checked(AL, Y)
    AL, m = _clipped(AL), Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def compute_cost_gradient(AL, Y):
    """Derivative of the summed cross-entropy with respect to the predictions: ``dAL = -(Y/AL - (1-Y)/(1-AL))``.

    The 1/m of the mean is applied later, in linear_backward, as the course does.

    Arguments:
    AL -- predicted probabilities of label 1, shape (1, m)
    Y -- true labels 0/1, shape (1, m)

    Returns:
    dAL -- ndarray of shape (1, m) (AL clipped, see module doc)
    """
    return _binary_cost_gradient(*_checked(AL, Y))


def categorical_cross_entropy(AL, Y):
    """Mean categorical cross-entropy of softmax outputs against one-hot labels.

    Only the probability each example gives its true class counts: ``J = -(1/m) sum(Y log AL)``.

    Arguments:
    AL -- predicted class probabilities, shape (C, m), each column summing to 1
    Y -- one-hot labels, shape (C, m) (utils.data.one_hot)

    Returns:
    cost -- Python float (AL clipped, see module doc)
    """
    AL, Y = _checked(AL, Y)
    AL, m = _clipped(AL), Y.shape[1]
    return float(-np.sum(Y * np.log(AL)) / m)
