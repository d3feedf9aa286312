"""Draw the figures under images/ (maintainers: `make figures`). Every figure is made here, from code.

Each ``draw_*`` function returns a matplotlib Figure; ``main`` saves them as PNG without the
software-version metadata so a redraw with the same matplotlib gives the same file.
"""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (backend must be chosen first)
from matplotlib.patches import Rectangle  # noqa: E402

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
        ax.set_xlim(-0.2, 15.2)
        ax.set_ylim(-0.2, 4.4)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.suptitle("Broadcasting: a dimension of size 1 is stretched (dashed cells) to match the other array",
                 fontsize=11)
    fig.tight_layout()
    return fig


FIGURES = {"broadcasting.png": draw_broadcasting}


def main():
    IMAGES.mkdir(exist_ok=True)
    for name, draw in FIGURES.items():
        fig = draw()
        fig.savefig(IMAGES / name, dpi=100, metadata={"Software": None})
        plt.close(fig)
        print(f"images/{name}")


if __name__ == "__main__":
    main()
