"""Seeded test inputs for the public tests.

Each draw comes from its own legacy ``np.random.RandomState(seed)`` stream, so an input depends only on its
seed and shape (stable across numpy versions) and the global random state is never touched.
"""

import numpy as np


def randn(seed, *shape):
    """Standard-normal array of the given shape (e.g. ``randn(11, 3, 4)`` is (3, 4)) drawn from ``seed``."""
    return np.random.RandomState(seed).randn(*shape)
