"""Draw the figures under images/ (maintainers: `make figures`). Every figure is made here, from code.

Each ``draw_*`` function returns a matplotlib Figure; ``main`` saves them as PNG without the
software-version metadata so a redraw with the same matplotlib gives the same file.
"""

import itertools
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # the backend must be chosen before pyplot is imported
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch, Rectangle

IMAGES = Path(__file__).resolve().parent.parent / "images"


def _grid(ax, x0, y0, values, color, ghost=None, title=None):
    """Draw a matrix of numbers as boxes with top-left corner (x0, y0); ``ghost`` marks copied cells."""
    for i, row in enumerate(values):
        for j, v in enumerate(row):
            copied = ghost is not None and ghost(i, j)
            ax.add_patch(Rectangle((x0 + j, y0 - i - 1), 1, 1, facecolor=color, alpha=0.35 if copied else 0.9,
                                   edgecolor="black", linestyle="--" if copied else "-", linewidth=1))
            ax.text(x0 + j + 0.5, y0 - i - 0.5, str(v), ha="center", va="center", fontsize=11,
                    color="dimgray" if copied else "black")
    if title:
        ax.text(x0 + len(values[0]) / 2, y0 + 0.4, title, ha="center", va="bottom", fontsize=10)


def _finished_diagram(fig, axes, xlim, ylim, aspect="equal", title=None, title_size=11):
    """Frame a diagram drawn in data coordinates and lay out its figure; returns the figure.

    ``axes`` is one Axes or an array of them (from ``plt.subplots``); each gets the limits ``xlim`` and
    ``ylim`` (pairs), the ``aspect`` ("equal" keeps boxes and circles true, "auto" fills the figure) and no
    axis lines. ``title``, if given, is the figure's suptitle in font size ``title_size``.
    """
    for ax in np.ravel(axes):
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_aspect(aspect)
        ax.axis("off")
    if title:
        fig.suptitle(title, fontsize=title_size)
    fig.tight_layout()
    return fig


def draw_broadcasting():
    """Two broadcasting examples: (3, 4) + (1, 4) and (3, 4) / (3, 1), the small array stretched."""
    fig, axes = plt.subplots(2, 1, figsize=(9, 6.2))
    A = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
    row = [[10, 20, 30, 40]] * 3
    col = [[1] * 4, [2] * 4, [4] * 4]
    sums = [[a + r for a, r in zip(ar, rr)] for ar, rr in zip(A, row)]
    quot = [[f"{a / c:g}" for a, c in zip(ar, cr)] for ar, cr in zip(A, col)]
    examples = [
        (axes[0], row, lambda i, j: i > 0, "b: shape (1, 4)\nrow copied down", "+", sums, "A + b: (3, 4)"),
        (axes[1], col, lambda i, j: j > 0, "c: shape (3, 1)\ncolumn copied across", "/", quot, "A / c: (3, 4)"),
    ]
    for ax, small, ghost, small_title, op, result, result_title in examples:
        _grid(ax, 0, 3, A, "#9ecae1", title="A: shape (3, 4)")
        ax.text(4.75, 1.5, op, fontsize=20, ha="center", va="center")
        _grid(ax, 5.5, 3, small, "#fdae6b", ghost=ghost, title=small_title)
        ax.text(10.25, 1.5, "=", fontsize=20, ha="center", va="center")
        _grid(ax, 11, 3, result, "#a1d99b", title=result_title)
    return _finished_diagram(fig, axes, (-0.2, 15.2), (-0.2, 4.4), title="Broadcasting: a dimension of size 1 "
                             "is stretched (dashed cells) to match the other array")


def _box(ax, x, y, w, h, text, color, fontsize=10):
    """A rounded box centred at (x, y) with a label."""
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                facecolor=color, edgecolor="black", linewidth=1.2))
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)


def _arrow(ax, start, end, text=None, text_offset=(0, 0.18), dashed=False, color="black", fontsize=11):
    """An arrow from start to end, with an optional label near its middle."""
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 1.4,
                                                          "linestyle": "--" if dashed else "-",
                                                          "shrinkA": 0, "shrinkB": 0})
    if text:
        ax.text((start[0] + end[0]) / 2 + text_offset[0], (start[1] + end[1]) / 2 + text_offset[1], text,
                ha="center", va="center", fontsize=fontsize, color=color)


def draw_layer_blocks():
    """One layer's forward block (A[l-1] -> A[l], storing a cache) above its backward block (dA[l] -> dA[l-1], dW, db)."""
    fig, ax = plt.subplots(figsize=(9, 5.2))
    fwd, bwd = "#9ecae1", "#fdae6b"
    _box(ax, 4.5, 3.6, 3.4, 1.1, "forward, layer $l$\n$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$\n"
         "$A^{[l]} = g^{[l]}(Z^{[l]})$", fwd)
    _box(ax, 4.5, 0.9, 3.4, 1.1, "backward, layer $l$\n$dZ^{[l]} = dA^{[l]} * g^{[l]\\prime}(Z^{[l]})$\n"
         "$dA^{[l-1]} = W^{[l]T} dZ^{[l]}$", bwd)
    _arrow(ax, (0.6, 3.6), (2.8, 3.6), "$A^{[l-1]}$")
    _arrow(ax, (6.2, 3.6), (8.4, 3.6), "$A^{[l]}$")
    _arrow(ax, (4.5, 5.1), (4.5, 4.15), "$W^{[l]}, b^{[l]}$", text_offset=(0.75, 0.1))
    _arrow(ax, (8.4, 0.9), (6.2, 0.9), "$dA^{[l]}$")
    _arrow(ax, (2.8, 0.9), (0.6, 0.9), "$dA^{[l-1]}$")
    _arrow(ax, (4.5, 0.35), (4.5, -0.45), text=None)
    ax.text(4.5, -0.65, "$dW^{[l]} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}$,   "
            "$db^{[l]} = \\frac{1}{m} \\sum_i dZ^{[l](i)}$", ha="center", va="top", fontsize=11)
    _arrow(ax, (4.5, 3.05), (4.5, 1.45), "cache: $(A^{[l-1]}, W^{[l]}, b^{[l]}), Z^{[l]}$",
           text_offset=(1.75, 0.0), dashed=True, color="#636363", fontsize=10)
    ax.text(8.4, 3.3, "on to layer $l+1$", ha="right", fontsize=9, color="#08519c")
    ax.text(0.6, 0.6, "back to layer $l-1$", ha="left", fontsize=9, color="#a63603")
    return _finished_diagram(fig, ax, (0, 9), (-1.4, 5.3), aspect="auto", title="The two building blocks of "
                             "layer $l$: the forward pass stores a cache, the backward pass uses it")


def draw_deep_forward_backward():
    """The whole L-layer network: forward blocks left to right, then backward blocks right to left."""
    fig, ax = plt.subplots(figsize=(11, 4.6))
    fwd, bwd, cost = "#9ecae1", "#fdae6b", "#a1d99b"
    xs = [2.0, 4.9, 8.3]
    labels = ["layer 1\nLINEAR -> RELU", "layer 2\nLINEAR -> RELU", "layer $L$\nLINEAR -> SIGMOID"]
    for x, label in zip(xs, labels):
        _box(ax, x, 3.0, 1.9, 0.9, label, fwd, fontsize=9)
        _box(ax, x, 0.6, 1.9, 0.9, label.replace("layer", "back, layer"), bwd, fontsize=9)
        _arrow(ax, (x, 2.55), (x, 1.05), "cache", text_offset=(0.35, 0), dashed=True, color="#636363", fontsize=9)
    _arrow(ax, (0.0, 3.0), (1.05, 3.0), "$X = A^{[0]}$", text_offset=(0, 0.25))
    _arrow(ax, (2.95, 3.0), (3.95, 3.0), "$A^{[1]}$", text_offset=(0, 0.25))
    _arrow(ax, (5.85, 3.0), (6.35, 3.0))
    ax.text(6.6, 3.0, "...", fontsize=14, ha="center", va="center")
    _arrow(ax, (6.85, 3.0), (7.35, 3.0), "$A^{[L-1]}$", text_offset=(0.05, 0.45))
    ax.plot([9.25, 10.55], [3.0, 3.0], color="black", linewidth=1.4)
    ax.text(9.85, 3.3, "$A^{[L]} = \\hat{Y}$", ha="center", va="center", fontsize=11)
    _box(ax, 10.55, 1.8, 0.9, 0.8, "cost\n$J$", cost)
    _arrow(ax, (10.55, 3.0), (10.55, 2.2))
    _arrow(ax, (10.55, 1.4), (10.55, 0.6))
    _arrow(ax, (10.55, 0.6), (9.25, 0.6), "$dA^{[L]}$", text_offset=(0, 0.25))
    _arrow(ax, (7.35, 0.6), (6.85, 0.6))
    ax.text(6.6, 0.6, "...", fontsize=14, ha="center", va="center")
    _arrow(ax, (6.35, 0.6), (5.85, 0.6), "$dA^{[2]}$", text_offset=(0, 0.25))
    _arrow(ax, (3.95, 0.6), (2.95, 0.6), "$dA^{[1]}$", text_offset=(0, 0.25))
    for x, l in zip(xs, ["1", "2", "L"]):
        ax.text(x, -0.1, f"$dW^{{[{l}]}}, db^{{[{l}]}}$", ha="center", va="top", fontsize=10, color="#a63603")
    return _finished_diagram(fig, ax, (-0.1, 11.1), (-0.6, 3.8), aspect="auto", title_size=10,
                             title="An L-layer network: forward propagation (top) caches each layer; backward "
                             "propagation (bottom) returns every $dW^{[l]}, db^{[l]}$")


def draw_logistic_graph():
    """Computation graph of logistic regression for one example: forward left to right, derivatives back."""
    fig, ax = plt.subplots(figsize=(10, 3.8))
    inputs, node, loss = "#d9d9d9", "#9ecae1", "#a1d99b"
    for y, text in [(3.2, "$x$"), (2.2, "$w$"), (1.2, "$b$")]:
        _box(ax, 0.6, y, 0.8, 0.6, text, inputs, fontsize=12)
        _arrow(ax, (1.0, y), (2.3, 2.2))
    _box(ax, 3.3, 2.2, 2.0, 0.8, "$z = w^T x + b$", node, fontsize=12)
    _arrow(ax, (4.3, 2.2), (5.3, 2.2))
    _box(ax, 6.1, 2.2, 1.6, 0.8, "$a = \\sigma(z)$", node, fontsize=12)
    _arrow(ax, (6.9, 2.2), (7.7, 2.2))
    _box(ax, 8.9, 2.2, 2.4, 0.8, "$\\mathcal{L}(a, y)$", loss, fontsize=12)
    back = "#a63603"
    _arrow(ax, (8.9, 1.3), (6.1, 1.3), None, dashed=True, color=back)
    _arrow(ax, (6.1, 1.3), (3.3, 1.3), None, dashed=True, color=back)
    ax.text(8.9, 1.15, "$da = -\\frac{y}{a} + \\frac{1-y}{1-a}$", ha="center", va="top", fontsize=11, color=back)
    ax.text(6.1, 1.15, "$dz = da \\cdot a(1-a) = a - y$", ha="center", va="top", fontsize=11, color=back)
    ax.text(3.3, 1.15, "$dw = x\\,dz$,  $db = dz$", ha="center", va="top", fontsize=11, color=back)
    ax.text(5.0, 3.55, "forward: compute the loss", ha="center", fontsize=10, color="#08519c")
    ax.text(5.0, 0.2, "backward (chain rule, right to left): each derivative is the next one times a local slope",
            ha="center", fontsize=10, color=back)
    return _finished_diagram(fig, ax, (0, 10.3), (0.0, 3.8), aspect="auto")


def draw_two_layer_network():
    """A network with 2 inputs, one hidden layer of 4 tanh units and one sigmoid output, with the shapes."""
    fig, ax = plt.subplots(figsize=(8, 4.6))
    layers = [(1.0, [3.0, 1.5], "#d9d9d9", ["$x_1$", "$x_2$"]),
              (4.0, [4.2, 3.0, 1.8, 0.6], "#9ecae1", [f"$a^{{[1]}}_{j}$" for j in range(1, 5)]),
              (7.0, [2.4], "#a1d99b", ["$a^{[2]}$"])]
    for (x0, ys0, _, _), (x1, ys1, _, _) in itertools.pairwise(layers):
        for y0 in ys0:
            for y1 in ys1:
                ax.plot([x0, x1], [y0, y1], color="#969696", linewidth=0.8, zorder=1)
    for x, ys, color, labels in layers:
        for y, label in zip(ys, labels):
            ax.add_patch(plt.Circle((x, y), 0.38, facecolor=color, edgecolor="black", zorder=2))
            ax.text(x, y, label, ha="center", va="center", fontsize=11, zorder=3)
    ax.plot([7.38, 8.2], [2.4, 2.4], color="black", linewidth=1.2)
    ax.text(8.3, 2.4, "$\\hat{y}$", va="center", fontsize=13)
    captions = [(1.0, "input layer [0]\n$x = a^{[0]}$, $n_x = 2$"),
                (4.0, "hidden layer [1]\ntanh, $n_h = 4$"),
                (7.0, "output layer [2]\nsigmoid, $n_y = 1$")]
    for x, text in captions:
        ax.text(x, -0.35, text, ha="center", va="top", fontsize=10)
    ax.text(2.5, 4.75, "$W^{[1]}$: (4, 2), $b^{[1]}$: (4, 1)", ha="center", fontsize=10)
    ax.text(5.5, 4.75, "$W^{[2]}$: (1, 4), $b^{[2]}$: (1, 1)", ha="center", fontsize=10)
    return _finished_diagram(fig, ax, (0, 9), (-1.3, 5.1))


def draw_two_sided_difference():
    """Slope of f(theta) = theta^3 at theta = 1: the tangent, a one-sided and a two-sided secant."""
    f = lambda t: t ** 3
    theta, eps = 1.0, 0.4
    t = np.linspace(0.4, 1.6, 200)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    ax.plot(t, f(t), color="black", lw=2, label=r"$J(\theta) = \theta^3$")
    one_sided = (f(theta + eps) - f(theta)) / eps
    two_sided = (f(theta + eps) - f(theta - eps)) / (2 * eps)
    lines = [(3.0, "#3182bd", "-", r"tangent: slope $J'(1) = 3$"),
             (one_sided, "#d7301f", "--",
              rf"one-sided $\frac{{J(\theta+\varepsilon) - J(\theta)}}{{\varepsilon}} = {one_sided:.2f}$"),
             (two_sided, "#31a354", "-.",
              rf"two-sided $\frac{{J(\theta+\varepsilon) - J(\theta-\varepsilon)}}{{2\varepsilon}} = {two_sided:.2f}$")]
    for slope, color, style, label in lines:
        ax.plot(t, f(theta) + slope * (t - theta), color=color, ls=style, lw=1.6, label=label)
    for x in (theta - eps, theta, theta + eps):
        ax.plot([x], [f(x)], "o", color="black", ms=5)
    ax.set_xticks([theta - eps, theta, theta + eps], [r"$\theta-\varepsilon$", r"$\theta$", r"$\theta+\varepsilon$"])
    ax.set_ylim(-0.5, 4.2)
    ax.set_xlim(0.4, 1.6)
    ax.set_ylabel(r"$J$")
    ax.set_title(r"Estimating $J'(\theta)$ at $\theta = 1$ with $\varepsilon = 0.4$")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


def draw_dropout():
    """A 2-5-4-1 network: all units on (left) and one training step of dropout (right, crossed units removed)."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
    xs, sizes = [0.0, 1.6, 3.2, 4.8], [2, 5, 4, 1]
    ys = [[(n - 1) / 2 - j for j in range(n)] for n in sizes]
    dropped = {(1, 1), (1, 3), (2, 2)}          # (layer, unit) switched off at this step
    for ax, with_dropout in zip(axes, [False, True]):
        off = dropped if with_dropout else set()
        for l in range(3):
            for i, y0 in enumerate(ys[l]):
                for j, y1 in enumerate(ys[l + 1]):
                    gone = (l, i) in off or (l + 1, j) in off
                    ax.plot([xs[l], xs[l + 1]], [y0, y1], color="#d9d9d9" if gone else "#737373",
                            linewidth=0.5 if gone else 1.0, linestyle=":" if gone else "-", zorder=1)
        for l, (x, column) in enumerate(zip(xs, ys)):
            color = ["#d9d9d9", "#9ecae1", "#9ecae1", "#a1d99b"][l]
            for j, y in enumerate(column):
                gone = (l, j) in off
                ax.add_patch(plt.Circle((x, y), 0.26, facecolor="white" if gone else color,
                                        edgecolor="#bdbdbd" if gone else "black", zorder=2))
                if gone:
                    ax.plot([x - 0.18, x + 0.18], [y - 0.18, y + 0.18], color="#d7301f", linewidth=2, zorder=3)
                    ax.plot([x - 0.18, x + 0.18], [y + 0.18, y - 0.18], color="#d7301f", linewidth=2, zorder=3)
        ax.set_title("one training step with dropout: a random\nthinned network (3 of the 9 hidden units off)"
                     if with_dropout else "all units on (and at test time)", fontsize=10)
    return _finished_diagram(fig, axes, (-0.5, 5.3), (-2.7, 2.7))


def draw_softmax_layer():
    """A softmax output layer on one example with C = 4: scores, exponentials, probabilities, the one-hot
    label, the loss and the gradient dz = a - y."""
    z = [2.0, 1.0, 0.1, -1.0]
    e = [math.exp(v) for v in z]
    a = [v / sum(e) for v in e]
    y = [0, 1, 0, 0]
    fig, ax = plt.subplots(figsize=(11, 4.4))
    columns = [
        (0.0, [[f"{v:g}"] for v in z], "#c6dbef", "$z = W^{[L]} a^{[L-1]} + b^{[L]}$\nscores (logits)"),
        (3.2, [[f"{v:.3f}"] for v in e], "#fdd0a2", "$e^{z_k}$"),
        (6.4, [[f"{v:.3f}"] for v in a], "#a1d99b", "$a = $ softmax$(z)$\nprobabilities"),
        (9.6, [[str(v)] for v in y], "#dadaeb", "$y$ (one-hot)\ntrue class 1"),
        (12.8, [[f"{p - t:.3f}"] for p, t in zip(a, y)], "#fcbba1", "$dz = a - y$"),
    ]
    for x0, values, color, title in columns:
        _grid(ax, x0, 4, values, color)
        ax.text(x0 + 0.5, 4.35, title, ha="center", va="bottom", fontsize=10)
    for k in range(4):
        ax.text(-0.3, 3.5 - k, f"class {k}", ha="right", va="center", fontsize=9)
    _arrow(ax, (1.2, 2), (3.0, 2), "exp", text_offset=(0, 0.25))
    _arrow(ax, (4.4, 2), (6.2, 2), f"divide by\nthe sum {sum(e):.3f}", text_offset=(0, 0.45))
    ax.text(8.6, -0.55, f"loss $\\mathcal{{L}} = -\\sum_k y_k \\log a_k = -\\log a_1 = {-math.log(a[1]):.3f}$",
            ha="left", va="center", fontsize=11)
    ax.text(0.0, -0.55, "the entries of a sum to 1; the largest score gets the largest probability",
            ha="left", va="center", fontsize=9, color="dimgray")
    return _finished_diagram(fig, ax, (-1.6, 14.2), (-1.0, 5.4))


def draw_rnn_cell():
    """A basic RNN cell: a<t-1> and x<t> enter tanh(Waa a<t-1> + Wax x<t> + ba); a<t> goes on to the next
    step and to the softmax prediction y_hat<t>."""
    fig, ax = plt.subplots(figsize=(9, 4.6))
    ax.add_patch(FancyBboxPatch((1.6, 0.6), 5.2, 3.6, boxstyle="round,pad=0.02,rounding_size=0.2",
                                facecolor="#f7f7f7", edgecolor="gray", linestyle="--"))
    ax.text(1.8, 4.0, "RNN cell (the same weights at every step t)", fontsize=9, color="dimgray", va="top")
    _box(ax, 3.6, 1.8, 2.6, 0.9, "$\\tanh(W_{aa} a^{\\langle t-1 \\rangle}$\n$+ W_{ax} x^{\\langle t \\rangle} + b_a)$",
         "#c6dbef")
    _box(ax, 5.6, 3.3, 1.6, 0.7, "softmax$(W_{ya} \\cdot + b_y)$", "#a1d99b", fontsize=9)
    _arrow(ax, (0.0, 1.8), (2.3, 1.8), "$a^{\\langle t-1 \\rangle}$", text_offset=(-0.6, 0.25))
    _arrow(ax, (3.6, -0.3), (3.6, 1.35), "$x^{\\langle t \\rangle}$", text_offset=(0.4, -0.5))
    _arrow(ax, (4.9, 1.8), (8.4, 1.8), "$a^{\\langle t \\rangle}$", text_offset=(1.3, 0.25))
    ax.plot([5.6, 5.6], [1.8, 2.95], color="black", linewidth=1.4)
    _arrow(ax, (5.6, 3.65), (5.6, 4.9), "$\\hat{y}^{\\langle t \\rangle}$", text_offset=(0.45, 0.3))
    ax.text(8.5, 1.35, "to step t+1", fontsize=9, color="dimgray", ha="right")
    return _finished_diagram(fig, ax, (-0.4, 8.8), (-0.6, 5.3))


def draw_lstm_cell():
    """An LSTM cell: the gates read [a<t-1>; x<t>]; the cell state runs along the top, scaled by the forget
    gate and added to by the update gate times the candidate; the output gate filters tanh(c<t>)."""
    fig, ax = plt.subplots(figsize=(11, 5.6))
    ax.add_patch(FancyBboxPatch((1.0, 0.4), 9.0, 4.6, boxstyle="round,pad=0.02,rounding_size=0.2",
                                facecolor="#f7f7f7", edgecolor="gray", linestyle="--"))
    _arrow(ax, (-0.2, 4.3), (11.2, 4.3), None, color="#b2182b")
    ax.text(0.0, 4.55, "$c^{\\langle t-1 \\rangle}$", fontsize=12, color="#b2182b")
    ax.text(10.6, 4.55, "$c^{\\langle t \\rangle}$", fontsize=12, color="#b2182b")
    ax.text(5.5, 5.25, "cell state: only scaled by $\\Gamma_f$ and added to, no matrix product",
            fontsize=9, color="#b2182b", ha="center")
    _box(ax, 3.0, 4.3, 0.6, 0.5, "$\\times$", "#fddbc7", fontsize=12)
    _box(ax, 5.6, 4.3, 0.6, 0.5, "$+$", "#fddbc7", fontsize=12)
    _box(ax, 5.6, 3.3, 0.6, 0.5, "$\\times$", "#fddbc7", fontsize=12)
    _box(ax, 8.4, 2.5, 0.6, 0.5, "$\\times$", "#fddbc7", fontsize=12)
    _box(ax, 8.4, 3.4, 0.9, 0.5, "tanh", "#fddbc7", fontsize=10)
    gates = [(3.0, "$\\Gamma_f$\nforget\n$\\sigma$", (3.0, 4.05)), (4.6, "$\\Gamma_u$\nupdate\n$\\sigma$", (5.35, 3.3)),
             (6.4, "$\\tilde{c}$\ncandidate\ntanh", (5.85, 3.3)), (8.0, "$\\Gamma_o$\noutput\n$\\sigma$", (8.15, 2.5))]
    for x, label, target in gates:
        _box(ax, x, 1.45, 1.2, 0.9, label, "#c6dbef", fontsize=9)
        _arrow(ax, (x, 1.9), target)
    _arrow(ax, (5.6, 3.55), (5.6, 4.05))
    _arrow(ax, (8.4, 4.3), (8.4, 3.65))
    _arrow(ax, (8.4, 3.15), (8.4, 2.75))
    ax.plot([-0.2, 8.0], [0.7, 0.7], color="black", linewidth=1.4)
    for x in (3.0, 4.6, 6.4, 8.0):
        _arrow(ax, (x, 0.7), (x, 1.0))
    ax.text(-0.2, 0.95, "$[a^{\\langle t-1 \\rangle}; x^{\\langle t \\rangle}]$", fontsize=11)
    _arrow(ax, (8.7, 2.5), (11.2, 2.5), "$a^{\\langle t \\rangle}$", text_offset=(1.0, 0.25))
    _arrow(ax, (9.4, 2.5), (9.4, 5.9), "$\\hat{y}^{\\langle t \\rangle}$ = softmax$(W_y a^{\\langle t \\rangle} + b_y)$",
           text_offset=(1.2, 1.9), fontsize=10)
    return _finished_diagram(fig, ax, (-0.5, 11.5), (0.2, 6.2))


def draw_char_rnn():
    """The character-level model unrolled over "rex": in training (top) each step reads the previous
    character and is scored on the next one; in sampling (bottom) the character drawn at a step is fed
    back as the next input until the newline is drawn."""
    fig, ax = plt.subplots(figsize=(10, 6.4))
    rows = [(4.2, "training on 'rex'", ["$\\vec{0}$", "r", "e", "x"], ["r", "e", "x", "\\n"], False),
            (0.4, "sampling", ["$\\vec{0}$", "d", "i", "n"], ["d", "i", "n", "o ..."], True)]
    for y, title, inputs, outputs, feed in rows:
        ax.text(-0.3, y + 2.55, title, fontsize=11, fontweight="bold")
        _arrow(ax, (-0.3, y + 1.0), (0.45, y + 1.0), "$a^{\\langle 0 \\rangle} = \\vec{0}$", text_offset=(0, 0.3),
               fontsize=9)
        for t, (x, out) in enumerate(zip(inputs, outputs)):
            cx = 1.2 + 2.2 * t
            _box(ax, cx, y + 1.0, 1.5, 0.8, "RNN cell", "#c6dbef", fontsize=9)
            _arrow(ax, (cx, y - 0.15), (cx, y + 0.6))
            ax.text(cx, y - 0.4, f"$x^{{\\langle {t + 1} \\rangle}}$: {x}", ha="center", fontsize=10)
            _arrow(ax, (cx, y + 1.4), (cx, y + 1.95))
            label = f"draw '{out}'" if feed else f"target '{out}'"
            ax.text(cx, y + 2.15, f"$\\hat{{y}}^{{\\langle {t + 1} \\rangle}}$ -> {label}", ha="center", fontsize=9)
            if t < len(inputs) - 1:
                _arrow(ax, (cx + 0.75, y + 1.0), (cx + 1.45, y + 1.0))
                if feed:
                    _arrow(ax, (cx + 0.5, y + 2.0), (cx + 1.7, y - 0.1), dashed=True, color="#b2182b")
    ax.text(4.0, -0.95, "dashed: the drawn character becomes the next input", fontsize=9, color="#b2182b",
            ha="center")
    ax.text(4.0, 3.35, "loss = sum over steps of -log(probability of the target)", fontsize=9, color="dimgray",
            ha="center")
    return _finished_diagram(fig, ax, (-0.6, 8.8), (-1.2, 7.0))


FIGURES = {
    "broadcasting.png": draw_broadcasting,
    "layer_blocks.png": draw_layer_blocks,
    "deep_forward_backward.png": draw_deep_forward_backward,
    "logistic_graph.png": draw_logistic_graph,
    "two_layer_network.png": draw_two_layer_network,
    "two_sided_difference.png": draw_two_sided_difference,
    "dropout.png": draw_dropout,
    "softmax_layer.png": draw_softmax_layer,
    "rnn_cell.png": draw_rnn_cell,
    "lstm_cell.png": draw_lstm_cell,
    "char_rnn.png": draw_char_rnn,
}


def main():
    IMAGES.mkdir(exist_ok=True)
    for name, draw in FIGURES.items():
        fig = draw()
        fig.savefig(IMAGES / name, dpi=100, metadata={"Software": None})
        plt.close(fig)
        print(f"images/{name}")


if __name__ == "__main__":
    main()
