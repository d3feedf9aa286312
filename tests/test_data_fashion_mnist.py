"""utils.data.load_fashion_mnist (the 10-class image set) and utils.data.one_hot."""


import numpy as np
import pytest

from utils import data

NAMES = [b"T-shirt/top", b"Trouser", b"Pullover", b"Dress", b"Coat", b"Sandal", b"Shirt", b"Sneaker", b"Bag",
         b"Ankle boot"]


def test_fashion_mnist_shapes_balance_and_names():
    train_x, train_y, test_x, test_y, classes = data.load_fashion_mnist()
    assert train_x.shape == (6000, 28, 28) and train_x.dtype == np.uint8
    assert test_x.shape == (1000, 28, 28) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 6000) and test_y.shape == (1, 1000)
    assert train_y.dtype == np.int64 and test_y.dtype == np.int64
    np.testing.assert_array_equal(np.bincount(train_y[0]), np.full(10, 600))
    np.testing.assert_array_equal(np.bincount(test_y[0]), np.full(10, 100))
    assert classes.tolist() == NAMES
    assert train_x.max() > 200 and train_x.min() == 0  # raw pixel intensities
    assert len(np.unique(train_x.reshape(6000, -1), axis=0)) == 6000  # no image drawn twice
    assert not (np.diff(train_y[0]) == 0).all()  # shuffled, not sorted by class


def test_one_hot_values():
    Y = data.one_hot(np.array([[2, 0, 1, 2]]), 4)
    np.testing.assert_array_equal(Y, [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 1], [0, 0, 0, 0]])
    assert Y.dtype == np.float64
    np.testing.assert_array_equal(np.argmax(Y, axis=0), [2, 0, 1, 2])
    assert data.one_hot(np.zeros((1, 0), dtype=int), 3).shape == (3, 0)


@pytest.mark.parametrize("labels,C,error,message", [
    (np.array([2, 0, 1]), 3, ValueError, r"labels: expected shape \(1, m\), found \(3,\)"),
    (np.array([[0.0, 1.0]]), 3, TypeError, r"labels: expected integer class indices, found dtype float64"),
    (np.array([[0, 3]]), 3, ValueError, r"labels: expected class indices in 0\.\.2, found values from 0 to 3"),
    (np.array([[-1, 0]]), 3, ValueError, r"labels: expected class indices in 0\.\.2"),
    (np.array([[0, 1]]), 0, ValueError, r"C: expected an int >= 1, found 0"),
])
def test_one_hot_errors(labels, C, error, message):
    with pytest.raises(error, match=message):
        data.one_hot(labels, C)
