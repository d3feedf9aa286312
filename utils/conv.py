"""Vectorized convolution and pooling layers in the course's conv shapes ``(m, n_H, n_W, n_C)``.

The notebook C4_W1_A1 teaches these layers with explicit loops over examples and pixels; this module
computes the same numbers without those loops: the only loops left run over the f * f offsets inside a
window. For each offset (i, j), the entries at that offset of all windows of all examples form one
strided slab of the input (a view, no copy). The convolution copies the slabs into one matrix
("im2col", one row per window entry, one column per output position) and multiplies it by the filters
in a single matrix product; its backward pass computes the gradient of that matrix with one product and
adds each offset's slab back into the input gradient ("col2im"). Pooling combines the slabs elementwise
(maximum or sum), and its backward pass routes each slab's share of the gradient back.

Output size of a convolution or pooling along one axis: ``n = floor((n_prev + 2 pad - f) / stride) + 1``.
Layer contract: ``*_forward(...) -> (out, cache)``; ``*_backward(dout, cache)`` -> gradients in the order
of the forward inputs. Caches follow the course: ``(A_prev, W, b, hparameters)`` for a convolution,
``(A_prev, hparameters)`` for pooling.
"""

import numbers

import numpy as np

from utils.validation import as_float_array, check_shape

POOL_MODES = ("max", "average")


def _positive_int(value, name, minimum=1):
    if not isinstance(value, numbers.Integral) or isinstance(value, (bool, np.bool_)) or value < minimum:
        raise ValueError(f"{name}: expected an int >= {minimum}, found {value!r}")
    return int(value)


def _hparameter(hparameters, key, minimum):
    if not isinstance(hparameters, dict) or key not in hparameters:
        raise KeyError(f"hparameters: missing {key!r}")
    return _positive_int(hparameters[key], f'hparameters["{key}"]', minimum)


def output_size(n_prev, f, pad, stride):
    """Output length along one axis: ``floor((n_prev + 2 pad - f) / stride) + 1``.

    Arguments:
    n_prev -- int, input length (height or width)
    f -- int, window (filter) size
    pad -- int >= 0, zeros added on each side
    stride -- int >= 1, step between windows

    Returns:
    n -- int, the output length; a ValueError if the window does not fit
    """
    if n_prev + 2 * pad < f:
        raise ValueError(f"a window of size f={f} does not fit an input of size {n_prev} padded by {pad}")
    return (n_prev + 2 * pad - f) // stride + 1


def zero_pad(X, pad):
    """Pad the height and width of a batch of images with ``pad`` zeros on each side.

    Arguments:
    X -- array of shape (m, n_H, n_W, n_C)
    pad -- int >= 0

    Returns:
    X_pad -- new array of shape (m, n_H + 2 pad, n_W + 2 pad, n_C)
    """
    X = as_float_array(X, "X")
    check_shape(X, "X", (None, None, None, None))
    pad = _positive_int(pad, "pad", minimum=0)
    m, n_H, n_W, n_C = X.shape
    X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C), dtype=X.dtype)
    X_pad[:, pad:pad + n_H, pad:pad + n_W, :] = X
    return X_pad


def _columns(A_pad, f, stride, n_H, n_W):
    """im2col: every window of A_pad as a column, shape (f * f * n_C, m * n_H * n_W), rows in W's order.

    Filled by one strided copy per filter offset (i, j): each row block is a whole slab of the input.
    """
    m, n_C = A_pad.shape[0], A_pad.shape[3]
    columns = np.empty((f, f, n_C, m, n_H, n_W))
    for i in range(f):
        for j in range(f):
            columns[i, j] = _offset_slab(A_pad, i, j, stride, n_H, n_W).transpose(3, 0, 1, 2)
    return columns.reshape(f * f * n_C, -1)


def _offset_slab(A, i, j, stride, n_H, n_W):
    """The entries at offset (i, j) of every window: view of shape (m, n_H, n_W, n_C)."""
    return A[:, i:i + stride * (n_H - 1) + 1:stride, j:j + stride * (n_W - 1) + 1:stride, :]


def _checked_conv_inputs(A_prev, W, b, hparameters):
    A_prev, W, b = as_float_array(A_prev, "A_prev"), as_float_array(W, "W"), as_float_array(b, "b")
    check_shape(A_prev, "A_prev", (None, None, None, None))
    check_shape(W, "W", (None, None, None, None))
    f, n_C_prev = W.shape[0], A_prev.shape[3]
    check_shape(W, "W", (f, f, n_C_prev, None))
    check_shape(b, "b", (1, 1, 1, W.shape[3]))
    return A_prev, W, b, _hparameter(hparameters, "stride", 1), _hparameter(hparameters, "pad", 0)


def conv_forward(A_prev, W, b, hparameters):
    """Forward pass of a convolution layer: every filter slides over the padded input.

    ``Z[i, h, w, c] = sum over the window at (h * stride, w * stride) of A_pad * W[..., c] + b[..., c]``.

    Arguments:
    A_prev -- activations of the previous layer, shape (m, n_H_prev, n_W_prev, n_C_prev)
    W -- filters, shape (f, f, n_C_prev, n_C)
    b -- biases, shape (1, 1, 1, n_C)
    hparameters -- dict {"stride": int >= 1, "pad": int >= 0}

    Returns:
    Z -- conv output, shape (m, n_H, n_W, n_C), n_H = floor((n_H_prev + 2 pad - f) / stride) + 1
    cache -- (A_prev, W, b, hparameters), for conv_backward
    """
    A_prev, W, b, stride, pad = _checked_conv_inputs(A_prev, W, b, hparameters)
    f = W.shape[0]
    n_H = output_size(A_prev.shape[1], f, pad, stride)
    n_W = output_size(A_prev.shape[2], f, pad, stride)
    # im2col, one row per window entry: (f * f * n_C_prev, m * n_H * n_W), then one matrix product
    Z_T = W.reshape(-1, W.shape[3]).T @ _columns(zero_pad(A_prev, pad), f, stride, n_H, n_W)  # (n_C, m n_H n_W)
    Z = np.empty((A_prev.shape[0], n_H, n_W, W.shape[3]))
    np.add(Z_T.T, b.reshape(1, -1), out=Z.reshape(-1, W.shape[3]))   # back to one row per position, plus b
    return Z, (A_prev, W, b, hparameters)


def conv_backward(dZ, cache):
    """Backward pass of a convolution layer.

    Arguments:
    dZ -- gradient of the cost with respect to the conv output Z, shape (m, n_H, n_W, n_C)
    cache -- (A_prev, W, b, hparameters) from conv_forward

    Returns:
    dA_prev -- gradient with respect to A_prev, shape (m, n_H_prev, n_W_prev, n_C_prev)
    dW -- gradient with respect to W, shape (f, f, n_C_prev, n_C)
    db -- gradient with respect to b, shape (1, 1, 1, n_C)
    """
    A_prev, W, b, stride, pad = _checked_conv_inputs(*cache)
    f, n_C = W.shape[0], W.shape[3]
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    n_H, n_W = output_size(n_H_prev, f, pad, stride), output_size(n_W_prev, f, pad, stride)
    dZ = as_float_array(dZ, "dZ")
    check_shape(dZ, "dZ", (m, n_H, n_W, n_C))
    A_pad = zero_pad(A_prev, pad)
    dZ_T = np.ascontiguousarray(dZ.reshape(-1, n_C).T)       # (n_C, m n_H n_W)
    W_rows = W.reshape(-1, n_C)                                # (f f n_C_prev, n_C)
    dW = (_columns(A_pad, f, stride, n_H, n_W) @ dZ_T.T).reshape(W.shape)
    db = dZ_T.sum(axis=1).reshape(b.shape)
    # col2im: the gradient of every window entry, then each filter offset (i, j) adds its strided slab
    dcolumns = (W_rows @ dZ_T).reshape(f, f, n_C_prev, m, n_H, n_W)
    dA_pad = np.zeros_like(A_pad)
    for i in range(f):
        for j in range(f):
            _offset_slab(dA_pad, i, j, stride, n_H, n_W)[...] += dcolumns[i, j].transpose(1, 2, 3, 0)
    dA_prev = dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    return dA_prev, dW, db


def _checked_pool_inputs(A_prev, hparameters, mode):
    A_prev = as_float_array(A_prev, "A_prev")
    check_shape(A_prev, "A_prev", (None, None, None, None))
    if mode not in POOL_MODES:
        raise ValueError(f"mode: expected one of {POOL_MODES}, found {mode!r}")
    f, stride = _hparameter(hparameters, "f", 1), _hparameter(hparameters, "stride", 1)
    n_H, n_W = output_size(A_prev.shape[1], f, 0, stride), output_size(A_prev.shape[2], f, 0, stride)
    return A_prev, f, stride, n_H, n_W


def _pool(A_prev, f, stride, n_H, n_W, mode):
    """Max or mean of every window, combining the f * f offset slabs elementwise: (m, n_H, n_W, n_C)."""
    A = _offset_slab(A_prev, 0, 0, stride, n_H, n_W).copy()
    combine = np.maximum if mode == "max" else np.add
    for i in range(f):
        for j in range(f):
            if i or j:
                combine(A, _offset_slab(A_prev, i, j, stride, n_H, n_W), out=A)
    return A if mode == "max" else A / (f * f)


def pool_forward(A_prev, hparameters, mode="max"):
    """Forward pass of a pooling layer: the max or the mean of every f x f window, channel by channel.

    Arguments:
    A_prev -- input, shape (m, n_H_prev, n_W_prev, n_C)
    hparameters -- dict {"f": int >= 1, "stride": int >= 1}
    mode -- "max" or "average"

    Returns:
    A -- output, shape (m, n_H, n_W, n_C), n_H = floor((n_H_prev - f) / stride) + 1
    cache -- (A_prev, hparameters), for pool_backward
    """
    A_prev, f, stride, n_H, n_W = _checked_pool_inputs(A_prev, hparameters, mode)
    return _pool(A_prev, f, stride, n_H, n_W, mode), (A_prev, hparameters)


def pool_backward(dA, cache, mode="max"):
    """Backward pass of a pooling layer.

    Max pooling sends each output's gradient to every entry of its window equal to the window's
    maximum (mask = (window == max), as in the course, so tied maxima each receive it); average
    pooling spreads it evenly, dA / (f * f), over the window. Overlapping windows add up.

    Arguments:
    dA -- gradient with respect to the pooling output, shape (m, n_H, n_W, n_C)
    cache -- (A_prev, hparameters) from pool_forward
    mode -- "max" or "average", as in the forward pass

    Returns:
    dA_prev -- gradient with respect to A_prev, shape (m, n_H_prev, n_W_prev, n_C)
    """
    A_prev, hparameters = cache
    A_prev, f, stride, n_H, n_W = _checked_pool_inputs(A_prev, hparameters, mode)
    dA = as_float_array(dA, "dA")
    check_shape(dA, "dA", (A_prev.shape[0], n_H, n_W, A_prev.shape[3]))
    dA_prev = np.zeros_like(A_prev)
    if mode == "max":
        A = _pool(A_prev, f, stride, n_H, n_W, "max")
    for i in range(f):
        for j in range(f):
            slab = _offset_slab(dA_prev, i, j, stride, n_H, n_W)
            if mode == "max":
                slab += (_offset_slab(A_prev, i, j, stride, n_H, n_W) == A) * dA
            else:
                slab += dA / (f * f)
    return dA_prev
