"""Plots the notebooks share: decision boundaries, learning curves and image grids.

Every function draws on the Axes it is given (or on a new figure when ``ax=None``) and returns what
it drew on; none calls ``plt.show()`` or changes rcParams, so the notebook decides when to display.
Data follow the course's shapes: ``X`` is ``(2, m)`` with one example per column, ``Y`` is ``(1, m)``.
"""

import matplotlib.pyplot as plt
import numpy as np

from utils.validation import as_float_array, as_int, as_real, check_finite, check_nonempty, check_shape

POINT_COLORS = ("#d7301f", "#2b8cbe")     # class 0, class 1
REGION_COLORS = ("#fcbba1", "#a6d5ec")


def _checked_data(x, name):
    """``x`` as a finite float array with at least one element, or a TypeError/ValueError naming ``name``."""
    x = as_float_array(x, name)
    check_nonempty(x, name)
    check_finite(x, name)
    return x


def _new_axes(ax, figsize=(5, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_decision_boundary(predict_fn, X, Y, ax=None, resolution=200, margin=1.0, title=None):
    """Colour the plane by the class ``predict_fn`` assigns, and scatter the labelled examples on it.

    Arguments:
    predict_fn -- function taking an array (2, k) of points (one per column) and returning their
                  predicted labels 0/1, shape (1, k) or (k,)
    X -- array (2, m), the examples' coordinates
    Y -- array (1, m) or (m,), their labels 0/1
    ax -- matplotlib Axes to draw on (default: a new figure)
    resolution -- int, grid points per axis at which predict_fn is evaluated
    margin -- float, how far the grid extends beyond the data on each side
    title -- optional str

    Returns:
    ax -- the Axes drawn on (its first collection is the filled region plot, the last the scatter)
    """
    if not callable(predict_fn):
        raise TypeError(f"predict_fn: expected a function of a (2, k) array of points, "
                        f"found {type(predict_fn).__name__}")
    X = _checked_data(X, "X")
    check_shape(X, "X", (2, None))
    Y = _checked_data(Y, "Y").reshape(-1)
    if Y.shape[0] != X.shape[1]:
        raise ValueError(f"Y: expected {X.shape[1]} labels (one per column of X), found {Y.shape[0]}")
    resolution, margin = as_int(resolution, "resolution", 2), as_real(margin, "margin")
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    grid1, grid2 = np.meshgrid(x1, x2)
    points = np.stack([grid1.ravel(), grid2.ravel()])
    labels = np.asarray(predict_fn(points)).reshape(grid1.shape).astype(float)
    ax = _new_axes(ax)
    ax.contourf(grid1, grid2, labels, levels=[-0.5, 0.5, 1.5], colors=REGION_COLORS)
    colors = np.where(Y == 1, POINT_COLORS[1], POINT_COLORS[0])
    ax.scatter(X[0], X[1], c=colors, s=14, edgecolors="black", linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_costs(costs, learning_rate=None, label=None, ax=None, every=100):
    """Plot one learning curve: the cost recorded every ``every`` iterations.

    Arguments:
    costs -- sequence of floats, costs[k] recorded at iteration k * every
    learning_rate -- optional float, shown in the title and the legend
    label -- optional str for the legend (default: "learning rate = <learning_rate>" if given)
    ax -- matplotlib Axes to draw on (default: a new figure)
    every -- int > 0, iterations between two recorded costs

    Returns:
    ax -- the Axes drawn on (the curve is its last line)
    """
    costs = _checked_data(costs, "costs").reshape(-1)
    every = as_int(every, "every", 1)
    if learning_rate is not None:
        learning_rate = as_real(learning_rate, "learning_rate")
    if label is None and learning_rate is not None:
        label = f"learning rate = {learning_rate:g}"
    ax = _new_axes(ax)
    ax.plot(np.arange(costs.size) * every, costs, label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost $J$")
    if learning_rate is not None:
        ax.set_title(f"Learning rate = {learning_rate:g}")
    return ax


def compare_costs(curves, ax=None, every=100):
    """Plot several learning curves on one Axes with a legend, e.g. one per learning rate.

    Arguments:
    curves -- dict mapping a legend label (str, or a number such as a learning rate) to a sequence
              of costs recorded every ``every`` iterations
    ax -- matplotlib Axes to draw on (default: a new figure)
    every -- int > 0, iterations between two recorded costs

    Returns:
    ax -- the Axes drawn on (one line per curve, in the dict's order)
    """
    if not isinstance(curves, dict):
        raise TypeError(f"curves: expected a dict mapping a label to a sequence of costs, "
                        f"found {type(curves).__name__}")
    if not curves:
        raise ValueError("curves: expected at least one learning curve, found none")
    for name, costs in curves.items():       # every curve checked before anything is drawn
        _checked_data(costs, f"curves[{name!r}]")
    ax = _new_axes(ax, figsize=(6, 4))
    for name, costs in curves.items():
        label = f"learning rate = {name:g}" if isinstance(name, (int, float, np.number)) else str(name)
        plot_costs(costs, label=label, ax=ax, every=every)
    ax.legend()
    return ax


def show_images(images, titles=None, ncols=5, axes=None, cmap="gray", size=1.8):
    """Show images in a grid, one per Axes, with optional titles and no ticks.

    Arguments:
    images -- array (k, h, w) of grayscale or (k, h, w, 3) of RGB images (uint8 grayscale is shown
              on the fixed range 0..255, other arrays on their own range)
    titles -- optional sequence of k str, one title per image
    ncols -- int, images per row when a new figure is made
    axes -- optional array of at least k Axes to draw on (default: a new figure with a grid)
    cmap -- colour map for grayscale images
    size -- inches per image when a new figure is made

    Returns:
    fig -- the Figure holding the grid (unused Axes of the grid are hidden)
    """
    images = np.asarray(images)
    if images.dtype.kind not in "biuf":
        raise TypeError(f"images: expected an array of pixel values (uint8 or float), found dtype {images.dtype}")
    if images.ndim not in (3, 4) or (images.ndim == 4 and images.shape[-1] != 3):
        raise ValueError(f"images: expected shape (k, h, w) or (k, h, w, 3), found {images.shape}")
    check_nonempty(images, "images")
    check_finite(images, "images")
    k = images.shape[0]
    if titles is not None and len(titles) != k:
        raise ValueError(f"titles: expected {k} titles (one per image), found {len(titles)}")
    if axes is None:
        ncols, size = max(1, min(as_int(ncols, "ncols", 1), k)), as_real(size, "size")
        nrows = -(-k // ncols)
        _, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows + 0.3 * nrows),
                                 squeeze=False)
    axes = np.asarray(axes).reshape(-1)
    value_range = {"vmin": 0, "vmax": 255} if images.dtype == np.uint8 and images.ndim == 3 else {}
    if axes.size < k:
        raise ValueError(f"axes: expected at least {k} Axes (one per image), found {axes.size}")
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i < k:
            ax.imshow(images[i], cmap=cmap if images.ndim == 3 else None, **value_range)
            if titles is not None:
                ax.set_title(titles[i], fontsize=9)
    return axes[0].figure
