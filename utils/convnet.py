"""A small conv net for images: CONV -> RELU -> MAXPOOL -> FLATTEN -> LINEAR -> SOFTMAX.

Images ``X`` are ``(m, n_H, n_W, n_C)`` (conv shapes); labels ``Y`` are one-hot ``(C, m)`` (dense shapes,
examples in columns). Parameters: ``W1`` (f, f, n_C, n_filters), ``b1`` (1, 1, 1, n_filters) for the
convolution (f odd, 'same' padding (f - 1) / 2, stride 1), ``W2`` (C, n_flat), ``b2`` (C, 1) for the
softmax layer, with ``n_flat`` the size of one pooled feature map. Built from the unchecked kernels of
utils.conv, utils.activations and utils.layers; the cost is the categorical cross-entropy.

Bad input (utils.validation's policy): convnet_forward checks X and the parameters once per call (dtype,
shapes, m >= 1, finite values, the keys W1, b1, W2, b2) and the finiteness of its small output;
convnet_backward checks AL, Y and how the caches fit together, and trusts the cached arrays' values,
which convnet_forward computed from checked inputs.
"""

import numpy as np

from utils.activations import KERNELS
from utils.conv import (
    _checked_images,
    _conv_backward,
    _conv_forward,
    _pool,
    _pool_backward,
)
from utils.layers import _layer_forward, _linear_backward
from utils.losses import _checked as _checked_labels
from utils.validation import (
    as_float_array,
    as_int,
    as_random_state,
    check_finite,
    check_shape,
)

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")


def _n_flat(n_H, n_W, n_filters, pool):
    """Size of one pooled feature map, after checking ``pool`` (an int from 1 to min(n_H, n_W))."""
    pool = as_int(pool, "pool", 1)
    if pool > min(n_H, n_W):
        raise ValueError(f"pool: expected a window of at most the image size {n_H} x {n_W}, found {pool}")
    return (n_H // pool) * (n_W // pool) * n_filters


def initialize_convnet(input_shape, n_filters, n_classes, f=3, pool=2, rng=None):
    """He-scaled random parameters for the conv net (conv with 'same' padding, stride 1).

    Arguments:
    input_shape -- (n_H, n_W, n_C) of one image, positive ints
    n_filters -- int >= 1, number of conv filters
    n_classes -- int C >= 1
    f -- odd int >= 1, filter size
    pool -- int >= 1, max-pool window size and stride (at most n_H and n_W)
    rng -- None, int seed or np.random.RandomState

    Returns:
    parameters -- dict {"W1": (f, f, n_C, n_filters), "b1": (1, 1, 1, n_filters),
                        "W2": (C, n_flat), "b2": (C, 1)}
    """
    if not isinstance(input_shape, (tuple, list)):
        raise TypeError(f"input_shape: expected a tuple (n_H, n_W, n_C), found {type(input_shape).__name__}")
    if len(input_shape) != 3:
        raise ValueError(f"input_shape: expected a tuple of 3 sizes (n_H, n_W, n_C), found {tuple(input_shape)!r}")
    n_H, n_W, n_C = (as_int(n, f"input_shape[{k}]", 1) for k, n in enumerate(input_shape))
    n_filters, n_classes = as_int(n_filters, "n_filters", 1), as_int(n_classes, "n_classes", 1)
    if as_int(f, "f", 1) % 2 == 0:
        raise ValueError(f"f: expected an odd filter size ('same' padding), found {f}")
    n_flat = _n_flat(n_H, n_W, n_filters, pool)
    random_state = as_random_state(rng)
    return {"W1": random_state.randn(f, f, n_C, n_filters) * np.sqrt(2.0 / (f * f * n_C)),
            "b1": np.zeros((1, 1, 1, n_filters)),
            "W2": random_state.randn(n_classes, n_flat) * np.sqrt(1.0 / n_flat),
            "b2": np.zeros((n_classes, 1))}


def _checked_parameters(parameters, image_shape, pool):
    """(W1, b1, W2, b2) after checking them against images of shape (m, n_H, n_W, n_C)."""
    if not isinstance(parameters, dict):
        raise TypeError(f"parameters: expected a dict with keys {', '.join(PARAMETER_KEYS)}, "
                        f"found {type(parameters).__name__}")
    for key in PARAMETER_KEYS:
        if key not in parameters:
            raise KeyError(f"parameters: missing {key!r}")
    W1, b1, W2, b2 = (as_float_array(parameters[key], f"parameters['{key}']") for key in PARAMETER_KEYS)
    _, n_H, n_W, n_C = image_shape
    check_shape(W1, "parameters['W1']", (None, None, n_C, None))
    f, n_filters = W1.shape[0], W1.shape[3]
    check_shape(W1, "parameters['W1']", (f, f, n_C, n_filters))
    if f % 2 == 0:
        raise ValueError(f"parameters['W1']: expected an odd filter size ('same' padding), found {W1.shape}")
    check_shape(b1, "parameters['b1']", (1, 1, 1, n_filters))
    n_flat = _n_flat(n_H, n_W, n_filters, pool)
    check_shape(W2, "parameters['W2']", (None, n_flat))
    check_shape(b2, "parameters['b2']", (W2.shape[0], 1))
    for key, value in zip(PARAMETER_KEYS, (W1, b1, W2, b2)):
        check_finite(value, f"parameters['{key}']")
    return W1, b1, W2, b2


def convnet_forward(X, parameters, pool=2):
    """Forward pass of the conv net.

    Arguments:
    X -- images, shape (m, n_H, n_W, n_C), m >= 1, finite
    parameters -- dict from initialize_convnet (shapes in the module doc), finite
    pool -- int >= 1, max-pool window size and stride

    Returns:
    AL -- class probabilities, shape (C, m)
    caches -- (conv_cache, relu_cache, pool_cache, pooled_shape, output_cache): conv_cache
              (X, W1, b1, {"stride": 1, "pad": (f - 1) // 2}), relu_cache Z1 (m, n_H, n_W, n_filters),
              pool_cache (A1, {"f": pool, "stride": pool}), pooled_shape (m, n_H', n_W', n_filters),
              output_cache ((flat, W2, b2), Z2) with flat (n_flat, m)
    """
    X = _checked_images(X, "X")
    W1, b1, W2, b2 = _checked_parameters(parameters, X.shape, pool)
    pad = (W1.shape[0] - 1) // 2
    Z1 = _conv_forward(X, W1, b1, 1, pad)
    A1 = KERNELS["relu"][0](Z1)
    P1 = _pool(A1, pool, pool, "max")
    flat = P1.reshape(P1.shape[0], -1).T
    AL, output_cache = _layer_forward(flat, W2, b2, KERNELS["softmax"][0])
    if not np.isfinite(output_cache[1]).all():
        raise ValueError("Z2: the forward pass overflowed to inf or NaN from finite X and parameters: the weights "
                         "have grown too large (training diverged; try a smaller learning rate)")
    return AL, ((X, W1, b1, {"stride": 1, "pad": pad}), Z1, (A1, {"f": pool, "stride": pool}), P1.shape,
                output_cache)


def _checked_caches(caches, AL_shape):
    """The caches of convnet_forward, after checking their structure and that their shapes fit AL's (C, m)."""
    try:
        (X, W1, _, hparameters), Z1, (A1, pool_hparameters), pooled_shape, ((flat, W2, _), Z2) = caches
        pool = pool_hparameters["f"]
        fits = (Z1.shape == A1.shape == X.shape[:3] + W1.shape[3:] and Z2.shape == tuple(AL_shape)
                and flat.shape == (np.prod(pooled_shape[1:]), X.shape[0]) and W2.shape == (Z2.shape[0], flat.shape[0])
                and pooled_shape == (X.shape[0], A1.shape[1] // pool, A1.shape[2] // pool, A1.shape[3]))
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        raise TypeError("caches: expected the tuple (conv_cache, relu_cache, pool_cache, pooled_shape, "
                        f"output_cache) from convnet_forward, found {type(caches).__name__}") from None
    if not fits:
        raise ValueError(f"caches: the shapes do not fit together and with AL {tuple(AL_shape)}: X {X.shape}, "
                         f"W1 {W1.shape}, Z1 {Z1.shape}, pooled {tuple(pooled_shape)}, W2 {W2.shape}, Z2 {Z2.shape}")
    return X, W1, hparameters["pad"], Z1, A1, pool, pooled_shape, flat, W2


def convnet_backward(AL, Y, caches):
    """Backward pass of the conv net under the categorical cross-entropy cost (averaged over m).

    Arguments:
    AL -- probabilities from convnet_forward, shape (C, m)
    Y -- one-hot labels, shape (C, m)
    caches -- from convnet_forward

    Returns:
    grads -- dict {"dW1", "db1", "dW2", "db2"} shaped like the parameters
    """
    AL, Y = _checked_labels(AL, Y)
    X, W1, pad, Z1, A1, pool, pooled_shape, flat, W2 = _checked_caches(caches, AL.shape)
    # softmax and cross-entropy together: dZ2 = AL - Y; dW2, db2 averaged over the m examples
    dflat, dW2, db2 = _linear_backward(AL - Y, flat, W2)
    dA1 = _pool_backward(dflat.T.reshape(pooled_shape), A1, pool, pool, "max")
    # dA_prev = W^T dZ is a sum over the examples (not averaged), as in the course's dense layers, while
    # conv_backward sums dW and db over the examples: divide them by m as linear_backward does for dW2, db2
    _, dW1, db1 = _conv_backward(KERNELS["relu"][1](dA1, Z1), X, W1, 1, pad, input_gradient=False)
    m = Y.shape[1]
    return {"dW1": dW1 / m, "db1": db1 / m, "dW2": dW2, "db2": db2}


def convnet_predict(X, parameters, pool=2):
    """Predicted class of each image.

    Arguments:
    X -- images, shape (m, n_H, n_W, n_C)
    parameters -- dict from initialize_convnet
    pool -- int >= 1, max-pool window size and stride

    Returns:
    predictions -- int array of shape (1, m), the most probable class of each image
    """
    AL, _ = convnet_forward(X, parameters, pool)
    return np.argmax(AL, axis=0).reshape(1, -1)
