"""utils.plotting draws the data it is given (checked on the artists' data, not on pixels)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import plotting  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_decision_boundary_scatters_the_examples_and_colours_by_prediction():
    X = np.array([[-1.0, 2.0, 0.5, 3.0], [0.0, 1.0, -2.0, 4.0]])
    Y = np.array([[0, 1, 0, 1]])
    seen = []

    def predict(points):
        seen.append(points.shape)
        return (points[0:1] > 1.0).astype(int)

    _, ax = plt.subplots()
    assert plotting.plot_decision_boundary(predict, X, Y, ax=ax, resolution=50, margin=0.5) is ax
    assert seen == [(2, 2500)]
    scatter = ax.collections[-1]
    np.testing.assert_array_equal(scatter.get_offsets(), X.T)
    colors = scatter.get_facecolors()
    assert np.allclose(colors[0], colors[2]) and np.allclose(colors[1], colors[3])
    assert not np.allclose(colors[0], colors[1])
    assert ax.get_xlim()[0] == pytest.approx(-1.5) and ax.get_xlim()[1] == pytest.approx(3.5)


def test_decision_boundary_accepts_rank1_predictions_and_makes_its_own_axes():
    X = np.array([[0.0, 1.0], [0.0, 1.0]])
    ax = plotting.plot_decision_boundary(lambda p: np.zeros(p.shape[1]), X, [0, 1], resolution=10)
    assert isinstance(ax, matplotlib.axes.Axes)


@pytest.mark.parametrize("X,Y,message", [
    (np.zeros((3, 4)), np.zeros((1, 4)), r"X: expected shape \(2, any\), found \(3, 4\)"),
    (np.zeros((2, 4)), np.zeros((1, 3)), r"Y: expected 4 labels"),
])
def test_decision_boundary_rejects_bad_shapes(X, Y, message):
    with pytest.raises(ValueError, match=message):
        plotting.plot_decision_boundary(lambda p: p[0], X, Y)


def test_plot_costs_puts_iterations_on_x():
    ax = plotting.plot_costs([0.7, 0.5, 0.4], learning_rate=0.005, every=100)
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), [0, 100, 200])
    np.testing.assert_array_equal(line.get_ydata(), [0.7, 0.5, 0.4])
    assert ax.get_title() == "Learning rate = 0.005"
    assert line.get_label() == "learning rate = 0.005"


def test_plot_costs_rejects_bad_interval():
    with pytest.raises(ValueError, match="every: expected an int >= 1, found 0"):
        plotting.plot_costs([1.0], every=0)


def test_compare_costs_draws_one_labelled_curve_per_entry():
    _, ax = plt.subplots()
    out = plotting.compare_costs({0.01: [0.6, 0.3], 0.001: [0.6, 0.5], "baseline": [0.7, 0.7]}, ax=ax, every=50)
    assert out is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["learning rate = 0.01", "learning rate = 0.001", "baseline"]
    np.testing.assert_array_equal(lines[1].get_xdata(), [0, 50])
    np.testing.assert_array_equal(lines[1].get_ydata(), [0.6, 0.5])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [line.get_label() for line in lines]


def test_compare_costs_needs_a_curve():
    with pytest.raises(ValueError, match="at least one learning curve"):
        plotting.compare_costs({})


def test_show_images_grid_titles_and_data():
    images = np.arange(7 * 4 * 4, dtype=np.uint8).reshape(7, 4, 4)
    fig = plotting.show_images(images, [f"image {i}" for i in range(7)], ncols=3)
    axes = fig.get_axes()
    assert len(axes) == 9                               # 3 x 3 grid, two left empty
    for i, ax in enumerate(axes[:7]):
        (shown,) = ax.get_images()
        np.testing.assert_array_equal(shown.get_array(), images[i])
        assert shown.get_clim() == (0, 255)
        assert ax.get_title() == f"image {i}"
    assert all(not ax.get_images() and not ax.axison for ax in axes[7:])


def test_show_images_on_given_axes_and_rgb():
    fig, axes = plt.subplots(1, 2)
    rgb = np.random.RandomState(0).rand(2, 3, 3, 3)
    assert plotting.show_images(rgb, axes=axes) is fig
    np.testing.assert_array_equal(axes[1].get_images()[0].get_array(), rgb[1])


@pytest.mark.parametrize("kwargs,message", [
    ({"images": np.zeros((2, 3))}, r"images: expected shape \(k, h, w\) or \(k, h, w, 3\), found \(2, 3\)"),
    ({"images": np.zeros((2, 3, 3)), "titles": ["one"]}, "titles: expected 2 titles"),
    ({"images": np.zeros((3, 3, 3)), "axes": [None, None]}, "axes: expected at least 3 Axes"),
])
def test_show_images_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plotting.show_images(**kwargs)
