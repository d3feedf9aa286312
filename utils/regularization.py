"""Regularization pieces for dense networks: the L2 penalty (weight decay) and inverted dropout.

Notation of the course: ``A`` and ``dA`` are ``(n^[l], m)`` (one example per column), parameters are a
dict ``{"W1", "b1", ..., "WL", "bL"}`` with ``W^[l]`` of shape ``(n^[l], n^[l-1])``. Dropout follows
the layer contract: ``dropout_forward(A, ...) -> (out, cache)`` and ``dropout_backward(dA, cache)``.
Masks are drawn from the legacy RandomState stream (``rng``: None / int / RandomState), so that after
``np.random.seed(k)`` the mask is the course's ``np.random.rand(*A.shape) < keep_prob``.
"""

import numpy as np

from utils.models import number_of_layers
from utils.validation import as_float_array, as_int, as_random_state, as_real, check_finite, check_same_shape


def _checked_l2_inputs(parameters, lambd, m):
    """The weights W1..WL of ``parameters`` as finite float arrays, after checking lambd >= 0 and m >= 1."""
    L = number_of_layers(parameters)
    as_real(lambd, "lambd", 0)
    as_int(m, "m", 1)
    weights = [as_float_array(parameters[f"W{l}"], f"parameters['W{l}']") for l in range(1, L + 1)]
    for l, W in enumerate(weights, start=1):
        check_finite(W, f"parameters['W{l}']")
    return weights


def l2_regularization_cost(parameters, lambd, m):
    """The L2 penalty added to the cost: ``(lambd / (2 m)) * sum over l of ||W^[l]||_F^2`` (biases excluded).

    Arguments:
    parameters -- dict {"W1": (n^[1], n^[0]), "b1": (n^[1], 1), ..., "WL", "bL"}
    lambd -- float >= 0, the regularization strength lambda
    m -- int, the number of training examples the cost averages over

    Returns:
    penalty -- Python float
    """
    squares = sum(float(np.sum(np.square(W))) for W in _checked_l2_inputs(parameters, lambd, m))
    return lambd / (2 * m) * squares


def l2_regularization_gradients(parameters, lambd, m):
    """Gradient of the L2 penalty, to be added to the weight gradients: ``(lambd / m) * W^[l]``.

    Arguments:
    parameters -- dict {"W1", "b1", ..., "WL", "bL"} (shapes in the module doc)
    lambd -- float >= 0, the regularization strength lambda
    m -- int, the number of training examples

    Returns:
    terms -- dict {"dW1": (n^[1], n^[0]), ..., "dWL": (n^[L], n^[L-1])}; the biases get no term
    """
    return {f"dW{l}": lambd / m * W for l, W in enumerate(_checked_l2_inputs(parameters, lambd, m), start=1)}


def dropout_forward(A, keep_prob, rng=None, mask=None):
    """Inverted dropout: keep each unit with probability keep_prob, scale the kept ones by 1 / keep_prob.

    ``D = rand(*A.shape) < keep_prob``; ``out = A * D / keep_prob``, so that the expected value of each
    entry is unchanged and nothing needs rescaling at test time (where dropout is not applied).

    Arguments:
    A -- activations of a layer, shape (n^[l], m)
    keep_prob -- float in (0, 1], the probability of keeping a unit
    rng -- None (global legacy stream), int seed or np.random.RandomState, for drawing the mask
    mask -- optional array of 0/1 (or bool) of A's shape to use instead of drawing one (no draw then)

    Returns:
    out -- ndarray of shape (n^[l], m)
    cache -- tuple (D, keep_prob), D the int 0/1 mask of shape (n^[l], m), for dropout_backward
    """
    A = as_float_array(A, "A")
    check_finite(A, "A")
    if not 0 < as_real(keep_prob, "keep_prob") <= 1:
        raise ValueError(f"keep_prob: expected a probability in (0, 1], found {keep_prob!r}")
    if mask is None:
        D = (as_random_state(rng).rand(*A.shape) < keep_prob).astype(int)
    else:
        D = np.asarray(mask)
        if D.dtype.kind not in "biuf":
            raise TypeError(f"mask: expected an array of 0 and 1 (or bool), found dtype {D.dtype}")
        check_same_shape(D, "mask", A, "A")
        if not np.isin(D, (0, 1)).all():
            raise ValueError("mask: expected only 0 and 1 (drop / keep)")
        D = D.astype(int)
    return A * D / keep_prob, (D, keep_prob)


def dropout_backward(dA, cache):
    """Backward pass of inverted dropout: the gradient flows only through the kept units, scaled alike.

    Arguments:
    dA -- upstream gradient with respect to dropout_forward's output, shape (n^[l], m)
    cache -- tuple (D, keep_prob) from dropout_forward

    Returns:
    dA_in -- gradient with respect to dropout_forward's input A, shape (n^[l], m): dA * D / keep_prob
    """
    if not isinstance(cache, tuple) or len(cache) != 2:
        raise TypeError(f"cache: expected the tuple (D, keep_prob) from dropout_forward, found {type(cache).__name__}")
    D, keep_prob = cache
    dA = as_float_array(dA, "dA")
    check_same_shape(dA, "dA", D, "cache (D)")
    check_finite(dA, "dA")
    return dA * D / keep_prob
