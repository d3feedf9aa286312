"""utils.data.make_goalkeeper_field: shapes, labels, determinism, the noise it promises, argument checks."""

import numpy as np
import pytest

from utils.data import make_goalkeeper_field


def _line(x1):
    return 0.25 * np.sin(3.5 * x1) + 0.15 * x1 - 0.05


def test_shapes_types_and_range():
    train_X, train_Y, test_X, test_Y = make_goalkeeper_field(m_train=50, m_test=30, rng=0)
    assert train_X.shape == (2, 50) and train_Y.shape == (1, 50)
    assert test_X.shape == (2, 30) and test_Y.shape == (1, 30)
    assert train_X.dtype == np.float64 and train_Y.dtype == np.int64
    assert set(np.unique(np.hstack([train_Y, test_Y]))) <= {0, 1}
    assert np.abs(np.hstack([train_X, test_X])).max() <= 0.8


def test_seeded_and_train_drawn_before_test():
    a = make_goalkeeper_field(m_train=40, m_test=20, rng=5)
    b = make_goalkeeper_field(m_train=40, m_test=20, rng=np.random.RandomState(5))
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    np.random.seed(5)
    c = make_goalkeeper_field(m_train=40, m_test=20)
    np.testing.assert_array_equal(a[2], c[2])
    # the training set does not depend on the size of the test set
    d = make_goalkeeper_field(m_train=40, m_test=7, rng=5)
    np.testing.assert_array_equal(a[0], d[0])
    np.testing.assert_array_equal(a[1], d[1])
    assert not np.array_equal(a[0], make_goalkeeper_field(m_train=40, m_test=20, rng=6)[0])


def test_labels_follow_the_line_with_the_promised_noise():
    X, Y, _, _ = make_goalkeeper_field(m_train=20000, m_test=1, flip=0.1, blur=0.03, rng=1)
    beyond = X[1] > _line(X[0])
    far = np.abs(X[1] - _line(X[0])) > 0.2          # sigmoid(0.2 / 0.03) > 0.998: only lucky bounces disagree
    disagree = np.mean((Y[0] == 1) != beyond)
    assert np.mean((Y[0, far] == 1) != beyond[far]) == pytest.approx(0.1, abs=0.01)
    assert 0.1 < disagree < 0.15                     # bounces plus the contested zone near the line
    clean = make_goalkeeper_field(m_train=5000, m_test=1, flip=0.0, blur=1e-6, rng=2)
    np.testing.assert_array_equal(clean[1][0] == 1, clean[0][1] > _line(clean[0][0]))


@pytest.mark.parametrize("kwargs,message", [
    ({"m_train": 1}, r"m_train: expected an int >= 2"),
    ({"m_test": 0}, r"m_test: expected an int >= 1"),
    ({"flip": 0.7}, r"flip: expected a probability between 0 and 0.5"),
    ({"flip": -0.1}, r"flip: expected a number >= 0"),
    ({"blur": 0}, r"blur: expected a number > 0"),
])
def test_argument_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_goalkeeper_field(**kwargs)
