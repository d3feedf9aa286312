"""The planar generators of utils.data: shapes, labels, balance, determinism and argument checks."""

import numpy as np
import pytest

from utils import data

GENERATORS = [data.make_flower, data.make_circles, data.make_moons, data.make_blobs, data.make_gaussian_quantiles]


@pytest.mark.parametrize("make", GENERATORS)
@pytest.mark.parametrize("m", [2, 101, 400])
def test_shapes_dtypes_and_labels(make, m):
    X, Y = make(m=m, rng=3)
    assert X.shape == (2, m) and X.dtype == np.float64 and np.isfinite(X).all()
    assert Y.shape == (1, m) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1}


@pytest.mark.parametrize("make", [data.make_flower, data.make_circles, data.make_moons, data.make_gaussian_quantiles])
@pytest.mark.parametrize("m", [10, 101, 400])
def test_classes_are_balanced(make, m):
    _, Y = make(m=m, rng=0)
    assert int(Y.sum()) == m // 2


def test_blobs_alternate_labels_over_clusters():
    _, Y = data.make_blobs(m=600, centers=6, rng=0)
    assert int(Y.sum()) == 300
    _, Y = data.make_blobs(m=10, centers=3, rng=0)     # clusters of 4, 3, 3: labels 0, 1, 0
    assert int(Y.sum()) == 3


@pytest.mark.parametrize("make", GENERATORS)
def test_seed_gives_the_same_data_and_other_seeds_differ(make):
    X1, Y1 = make(rng=7)
    X2, Y2 = make(rng=np.random.RandomState(7))
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.array_equal(make(rng=8)[0], X1)


@pytest.mark.parametrize("make", GENERATORS)
def test_none_uses_the_global_stream(make):
    np.random.seed(5)
    X1, _ = make()
    np.random.seed(5)
    X2, _ = make()
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(X1, make(rng=5)[0])


def test_random_state_is_advanced_not_copied():
    rs = np.random.RandomState(0)
    X1, _ = data.make_moons(rng=rs)
    X2, _ = data.make_moons(rng=rs)
    assert not np.array_equal(X1, X2)


def test_frozen_first_values():
    # guards the legacy stream: a change of generator or draw order changes every notebook's data
    X, Y = data.make_flower(m=4, rng=0)
    np.testing.assert_allclose(X[:, 0], [0.7851841797678141, 3.004631705373567], rtol=1e-10)
    assert Y.tolist() == [[1, 1, 0, 0]]


def test_geometry():
    X, Y = data.make_circles(m=400, factor=0.3, noise=0.0, rng=1)
    radius = np.linalg.norm(X, axis=0)
    np.testing.assert_allclose(radius[Y[0] == 0], 1.0)
    np.testing.assert_allclose(radius[Y[0] == 1], 0.3)
    X, Y = data.make_gaussian_quantiles(m=400, rng=1)
    radius = np.linalg.norm(X, axis=0)
    assert radius[Y[0] == 0].max() < radius[Y[0] == 1].min()
    X, Y = data.make_flower(m=400, noise=0.0, radius=2.0, rng=1)
    assert np.linalg.norm(X, axis=0).max() <= 2.0 + 1e-12
    X, Y = data.make_moons(m=400, noise=0.0, rng=1)
    assert (X[1, Y[0] == 0] >= 0).all() and (X[1, Y[0] == 1] <= 0.5).all()


@pytest.mark.parametrize("call,message", [
    (lambda: data.make_flower(m=1), r"m: expected an int >= 2, found 1"),
    (lambda: data.make_flower(m=10.5), r"m: expected an int >= 2, found 10.5"),
    (lambda: data.make_flower(petals=5), "petals: expected an even number"),
    (lambda: data.make_flower(noise=-1), r"noise: expected a number >= 0, found -1"),
    (lambda: data.make_flower(radius=0), "radius: expected a number > 0"),
    (lambda: data.make_circles(factor=1.0), "factor: expected a number strictly between 0 and 1"),
    (lambda: data.make_moons(noise=float("nan")), "noise: expected a finite number, found nan"),
    (lambda: data.make_blobs(centers=1), "centers: expected an int >= 2"),
    (lambda: data.make_blobs(box=0), "box: expected a number > 0"),
    (lambda: data.make_gaussian_quantiles(scale=0), "scale: expected a number > 0"),
])
def test_bad_arguments_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("rng", ["1", 1.5, True, np.random.default_rng(0)])
def test_bad_rng(rng):
    with pytest.raises(TypeError, match="rng: expected None, an int seed or a np.random.RandomState"):
        data.make_moons(rng=rng)
