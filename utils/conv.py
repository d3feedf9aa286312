"""Vectorized convolution and pooling layers in the course's conv shapes ``(m, n_H, n_W, n_C)``.

The notebook C4_W1_A1 teaches these layers with explicit loops over examples and pixels; this module
computes the same numbers without those loops: the only loops left run over the f * f offsets inside a
window. For each offset (i, j), the entries at that offset of all windows of all examples form one
strided slab of the input (a view, no copy). The convolution copies the slabs into one matrix
("im2col", one row per window entry, one column per output position, plus a row of ones that carries the
bias) and multiplies it by the filters in a single matrix product, written straight into the output. Its
backward pass rebuilds that matrix and gets dW and db from one product with dZ, then the gradient of
every window entry from a second product (into the same buffer), and adds each offset's slab back into
the input gradient ("col2im"). Pooling combines the slabs elementwise (maximum or sum), and its backward
pass routes each slab's share of the gradient back.

Output size of a convolution or pooling along one axis: ``n = floor((n_prev + 2 pad - f) / stride) + 1``.
Layer contract: ``*_forward(...) -> (out, cache)``; ``*_backward(dout, cache)`` -> gradients in the order
of the forward inputs. Caches follow the course: ``(A_prev, W, b, hparameters)`` for a convolution,
``(A_prev, hparameters)`` for pooling.

Bad input (utils.validation's policy): every public function checks its arguments once per call - a real
dtype (TypeError), the shapes, at least one example and finite values (ValueError), the hparameters keys
(KeyError) - and then runs the unchecked kernels (``_conv_forward``, ``_conv_backward``, ``_pool``,
``_pool_backward``), which utils.convnet shares. conv_backward looks for NaN and inf in its largest input,
dZ, only when the small db it computes (the sum of dZ over the positions) is not finite.
"""

import numpy as np

from utils.layers import _unpacked
from utils.validation import (
    as_float_array,
    as_int,
    check_finite,
    check_nonempty,
    check_shape,
)

POOL_MODES = ("max", "average")


def _hparameter(hparameters, key, minimum):
    if not isinstance(hparameters, dict):
        raise TypeError(f"hparameters: expected a dict, found {type(hparameters).__name__}")
    if key not in hparameters:
        raise KeyError(f"hparameters: missing {key!r}")
    return as_int(hparameters[key], f'hparameters["{key}"]', minimum)


def _checked_images(x, name):
    """``x`` as a float array after checking it is 4-D (m, n_H, n_W, n_C), non-empty and finite."""
    x = as_float_array(x, name)
    check_shape(x, name, (None, None, None, None))
    check_nonempty(x, name)
    check_finite(x, name)
    return x


def output_size(n_prev, f, pad, stride):
    """Output length along one axis: ``floor((n_prev + 2 pad - f) / stride) + 1``.

    Arguments:
    n_prev -- int >= 1, input length (height or width)
    f -- int >= 1, window (filter) size
    pad -- int >= 0, zeros added on each side
    stride -- int >= 1, step between windows

    Returns:
    n -- int, the output length; a ValueError if the window does not fit
    """
    n_prev, f = as_int(n_prev, "n_prev", 1), as_int(f, "f", 1)
    pad, stride = as_int(pad, "pad", 0), as_int(stride, "stride", 1)
    if n_prev + 2 * pad < f:
        raise ValueError(f"a window of size f={f} does not fit an input of size {n_prev} padded by {pad}")
    return (n_prev + 2 * pad - f) // stride + 1


def _zero_pad(X, pad):
    """Unchecked zero_pad: (m, n_H, n_W, n_C) -> new array (m, n_H + 2 pad, n_W + 2 pad, n_C)."""
    m, n_H, n_W, n_C = X.shape
    X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C), dtype=X.dtype)
    X_pad[:, pad:pad + n_H, pad:pad + n_W, :] = X
    return X_pad


def zero_pad(X, pad):
    """Pad the height and width of a batch of images with ``pad`` zeros on each side.

    Arguments:
    X -- array of shape (m, n_H, n_W, n_C), m >= 1
    pad -- int >= 0

    Returns:
    X_pad -- new array of shape (m, n_H + 2 pad, n_W + 2 pad, n_C)
    """
    return _zero_pad(_checked_images(X, "X"), as_int(pad, "pad", 0))


def _offset_slab(A, i, j, stride, n_H, n_W):
    """The entries at offset (i, j) of every window: view of shape (m, n_H, n_W, n_C)."""
    return A[:, i:i + stride * (n_H - 1) + 1:stride, j:j + stride * (n_W - 1) + 1:stride, :]


def _columns(A_pad, f, stride, n_H, n_W):
    """im2col with a row of ones: (f * f * n_C + 1, m * n_H * n_W).

    Row k < f * f * n_C holds window entry k (in the order of ``W.reshape(-1, n_C_out)``) of every output
    position (m, n_H, n_W); the last row is ones. Filled by one strided copy per filter offset (i, j).
    """
    m, n_C = A_pad.shape[0], A_pad.shape[3]
    columns = np.empty((f * f * n_C + 1, m * n_H * n_W))
    entries = columns[:-1].reshape(f, f, n_C, m, n_H, n_W)
    for i in range(f):
        for j in range(f):
            entries[i, j] = _offset_slab(A_pad, i, j, stride, n_H, n_W).transpose(3, 0, 1, 2)
    columns[-1] = 1.0
    return columns


def _conv_forward(A_prev, W, b, stride, pad):
    """Unchecked convolution: Z of shape (m, n_H, n_W, n_C) from the shapes of conv_forward."""
    f, n_C = W.shape[0], W.shape[3]
    n_H, n_W = output_size(A_prev.shape[1], f, pad, stride), output_size(A_prev.shape[2], f, pad, stride)
    W_b = np.concatenate((W.reshape(-1, n_C), b.reshape(1, n_C)))            # (f f n_C_prev + 1, n_C)
    Z = np.empty((A_prev.shape[0], n_H, n_W, n_C))
    # one row of Z per output position: (m n_H n_W, f f n_C_prev + 1) @ (f f n_C_prev + 1, n_C), b included
    np.matmul(_columns(_zero_pad(A_prev, pad), f, stride, n_H, n_W).T, W_b, out=Z.reshape(-1, n_C))
    return Z


def _conv_backward(dZ, A_prev, W, stride, pad, input_gradient=True):
    """Unchecked conv_backward: (dA_prev, dW, db) from the shapes of conv_backward.

    input_gradient=False leaves out dA_prev (returns None in its place): a network's first layer needs
    only dW and db, and dA_prev costs a second product and the col2im.
    """
    m, n_H, n_W, n_C = dZ.shape
    f, n_C_prev = W.shape[0], W.shape[2]
    A_pad = _zero_pad(A_prev, pad)
    columns = _columns(A_pad, f, stride, n_H, n_W)
    dZ_rows = dZ.reshape(-1, n_C)                                                # (m n_H n_W, n_C)
    dW_db = columns @ dZ_rows               # (f f n_C_prev + 1, n_C): the rows of dW, then db (row of ones)
    dW, db = dW_db[:-1].reshape(W.shape), dW_db[-1].reshape(1, 1, 1, n_C)
    if not input_gradient:
        return None, dW, db
    # the gradient of every window entry, written over the window entries (no longer needed) ...
    dcolumns = np.matmul(W.reshape(-1, n_C), dZ_rows.T, out=columns[:-1]).reshape(f, f, n_C_prev, m, n_H, n_W)
    # ... then col2im: each filter offset (i, j) adds its strided slab
    dA_pad = np.zeros_like(A_pad)
    for i in range(f):
        for j in range(f):
            _offset_slab(dA_pad, i, j, stride, n_H, n_W)[...] += dcolumns[i, j].transpose(1, 2, 3, 0)
    return dA_pad[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :], dW, db


def _checked_conv_inputs(A_prev, W, b, hparameters):
    """(A_prev, W, b, stride, pad, n_H, n_W) after checking them (module docstring's policy)."""
    A_prev = _checked_images(A_prev, "A_prev")
    W = _checked_images(W, "W")
    b = as_float_array(b, "b")
    check_shape(W, "W", (W.shape[0], W.shape[0], A_prev.shape[3], None))
    check_shape(b, "b", (1, 1, 1, W.shape[3]))
    check_finite(b, "b")
    stride, pad = _hparameter(hparameters, "stride", 1), _hparameter(hparameters, "pad", 0)
    n_H = output_size(A_prev.shape[1], W.shape[0], pad, stride)
    return A_prev, W, b, stride, pad, n_H, output_size(A_prev.shape[2], W.shape[0], pad, stride)


def conv_forward(A_prev, W, b, hparameters):
    """Forward pass of a convolution layer: every filter slides over the padded input.

    ``Z[i, h, w, c] = sum over the window at (h * stride, w * stride) of A_pad * W[..., c] + b[..., c]``.

    Arguments:
    A_prev -- activations of the previous layer, shape (m, n_H_prev, n_W_prev, n_C_prev), m >= 1
    W -- filters, shape (f, f, n_C_prev, n_C)
    b -- biases, shape (1, 1, 1, n_C)
    hparameters -- dict {"stride": int >= 1, "pad": int >= 0}

    Returns:
    Z -- conv output, shape (m, n_H, n_W, n_C), n_H = floor((n_H_prev + 2 pad - f) / stride) + 1
    cache -- (A_prev, W, b, hparameters), for conv_backward
    """
    A_prev, W, b, stride, pad, _, _ = _checked_conv_inputs(A_prev, W, b, hparameters)
    return _conv_forward(A_prev, W, b, stride, pad), (A_prev, W, b, hparameters)


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
    cache = _unpacked(cache, 4, "(A_prev, W, b, hparameters) from conv_forward")
    A_prev, W, _, stride, pad, n_H, n_W = _checked_conv_inputs(*cache)
    dZ = as_float_array(dZ, "dZ")
    check_shape(dZ, "dZ", (A_prev.shape[0], n_H, n_W, W.shape[3]))
    with np.errstate(invalid="ignore"):  # from finite inputs only an overflow (warned) makes NaN
        dA_prev, dW, db = _conv_backward(dZ, A_prev, W, stride, pad)
    if not np.isfinite(db).all():  # db sums dZ, so a NaN or inf in dZ reaches it: only then is dZ searched
        check_finite(dZ, "dZ")
    return dA_prev, dW, db


def _checked_pool_inputs(A_prev, hparameters, mode):
    """(A_prev, f, stride, n_H, n_W) after checking them (module docstring's policy)."""
    if not isinstance(mode, str):
        raise TypeError(f"mode: expected one of {POOL_MODES}, found {type(mode).__name__} {mode!r}")
    if mode not in POOL_MODES:
        raise ValueError(f"mode: expected one of {POOL_MODES}, found {mode!r}")
    A_prev = _checked_images(A_prev, "A_prev")
    f, stride = _hparameter(hparameters, "f", 1), _hparameter(hparameters, "stride", 1)
    n_H, n_W = output_size(A_prev.shape[1], f, 0, stride), output_size(A_prev.shape[2], f, 0, stride)
    return A_prev, f, stride, n_H, n_W


def _pool(A_prev, f, stride, mode):
    """Unchecked pooling: the max or mean of every window, (m, n_H, n_W, n_C), from the f * f offset slabs."""
    n_H, n_W = output_size(A_prev.shape[1], f, 0, stride), output_size(A_prev.shape[2], f, 0, stride)
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
    A_prev -- input, shape (m, n_H_prev, n_W_prev, n_C), m >= 1
    hparameters -- dict {"f": int >= 1, "stride": int >= 1}
    mode -- "max" or "average"

    Returns:
    A -- output, shape (m, n_H, n_W, n_C), n_H = floor((n_H_prev - f) / stride) + 1
    cache -- (A_prev, hparameters), for pool_backward
    """
    A_prev, f, stride, _, _ = _checked_pool_inputs(A_prev, hparameters, mode)
    return _pool(A_prev, f, stride, mode), (A_prev, hparameters)


def _pool_backward(dA, A_prev, f, stride, mode):
    """Unchecked pool_backward: dA_prev of A_prev's shape (m, n_H_prev, n_W_prev, n_C).

    Windows that do not overlap (stride >= f) have disjoint offset slabs: each slab's share of the gradient
    is then written in place instead of added.
    """
    n_H, n_W = dA.shape[1], dA.shape[2]
    dA_prev = np.zeros_like(A_prev)
    if mode == "max":
        A = _pool(A_prev, f, stride, "max")
    else:
        share = dA / (f * f)
    for i in range(f):
        for j in range(f):
            slab = _offset_slab(dA_prev, i, j, stride, n_H, n_W)
            if mode == "max":   # the course's mask (window == max): every tied maximum receives dA
                mask = _offset_slab(A_prev, i, j, stride, n_H, n_W) == A
                if stride < f:
                    slab += mask * dA
                else:
                    np.multiply(mask, dA, out=slab)
            elif stride < f:
                slab += share
            else:
                slab[...] = share
    return dA_prev


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
    A_prev, hparameters = _unpacked(cache, 2, "(A_prev, hparameters) from pool_forward")
    A_prev, f, stride, n_H, n_W = _checked_pool_inputs(A_prev, hparameters, mode)
    dA = as_float_array(dA, "dA")
    check_shape(dA, "dA", (A_prev.shape[0], n_H, n_W, A_prev.shape[3]))
    check_finite(dA, "dA")
    return _pool_backward(dA, A_prev, f, stride, mode)
