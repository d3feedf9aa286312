"""A small conv net for images: CONV -> RELU -> MAXPOOL -> FLATTEN -> LINEAR -> SOFTMAX.

Images ``X`` are ``(m, n_H, n_W, n_C)`` (conv shapes); labels ``Y`` are one-hot ``(C, m)`` (dense shapes,
examples in columns). Parameters: ``W1`` (f, f, n_C, n_filters), ``b1`` (1, 1, 1, n_filters) for the
convolution, ``W2`` (C, n_flat), ``b2`` (C, 1) for the softmax layer, with ``n_flat`` the size of one
pooled feature map. Built from utils.conv and utils.layers; the cost is the categorical cross-entropy.
"""

import numpy as np

from utils.activations import relu_backward, relu_forward
from utils.conv import conv_backward, conv_forward, output_size, pool_backward, pool_forward
from utils.layers import linear_activation_forward, softmax_output_backward
from utils.validation import as_random_state


def initialize_convnet(input_shape, n_filters, n_classes, f=3, pool=2, rng=None):
    """He-scaled random parameters for the conv net (conv with 'same' padding, stride 1).

    Arguments:
    input_shape -- (n_H, n_W, n_C) of one image
    n_filters -- int, number of conv filters
    n_classes -- int C
    f -- int, odd filter size
    pool -- int, max-pool window size and stride
    rng -- None, int seed or np.random.RandomState

    Returns:
    parameters -- dict {"W1": (f, f, n_C, n_filters), "b1": (1, 1, 1, n_filters),
                        "W2": (C, n_flat), "b2": (C, 1)}
    """
    random_state = as_random_state(rng)
    n_H, n_W, n_C = input_shape
    n_flat = output_size(n_H, pool, 0, pool) * output_size(n_W, pool, 0, pool) * n_filters
    return {"W1": random_state.randn(f, f, n_C, n_filters) * np.sqrt(2.0 / (f * f * n_C)),
            "b1": np.zeros((1, 1, 1, n_filters)),
            "W2": random_state.randn(n_classes, n_flat) * np.sqrt(1.0 / n_flat),
            "b2": np.zeros((n_classes, 1))}


def convnet_forward(X, parameters, pool=2):
    """Forward pass of the conv net.

    Arguments:
    X -- images, shape (m, n_H, n_W, n_C)
    parameters -- dict from initialize_convnet
    pool -- int, max-pool window size and stride

    Returns:
    AL -- class probabilities, shape (C, m)
    caches -- (conv_cache, relu_cache, pool_cache, pooled_shape, output_cache)
    """
    f = parameters["W1"].shape[0]
    Z1, conv_cache = conv_forward(X, parameters["W1"], parameters["b1"], {"stride": 1, "pad": (f - 1) // 2})
    A1, relu_cache = relu_forward(Z1)
    P1, pool_cache = pool_forward(A1, {"f": pool, "stride": pool}, mode="max")
    flat = P1.reshape(P1.shape[0], -1).T
    AL, output_cache = linear_activation_forward(flat, parameters["W2"], parameters["b2"], "softmax")
    return AL, (conv_cache, relu_cache, pool_cache, P1.shape, output_cache)


def convnet_backward(AL, Y, caches):
    """Backward pass of the conv net under the categorical cross-entropy cost (averaged over m).

    Arguments:
    AL -- probabilities from convnet_forward, shape (C, m)
    Y -- one-hot labels, shape (C, m)
    caches -- from convnet_forward

    Returns:
    grads -- dict {"dW1", "db1", "dW2", "db2"} shaped like the parameters
    """
    conv_cache, relu_cache, pool_cache, pooled_shape, output_cache = caches
    dflat, dW2, db2 = softmax_output_backward(AL, Y, output_cache)
    dP1 = dflat.T.reshape(pooled_shape)
    dA1 = pool_backward(dP1, pool_cache, mode="max")
    # dA_prev = W^T dZ is a sum over the examples (not averaged), as in the course's dense layers, while
    # conv_backward sums dW and db over the examples: divide them by m as linear_backward does for dW2, db2
    _, dW1, db1 = conv_backward(relu_backward(dA1, relu_cache), conv_cache)
    m = Y.shape[1]
    return {"dW1": dW1 / m, "db1": db1 / m, "dW2": dW2, "db2": db2}


def convnet_predict(X, parameters, pool=2):
    """Predicted class of each image: int array of shape (1, m)."""
    AL, _ = convnet_forward(X, parameters, pool)
    return np.argmax(AL, axis=0).reshape(1, -1)
