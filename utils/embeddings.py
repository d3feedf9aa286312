"""Word-embedding helpers for the word-vector notebook (Course 5, week 2).

The vectors of a vocabulary of V words live in a matrix ``vectors`` of shape (V, n_e), one word per
row, in the order of a list ``words`` (as ``utils.data.load_glove_vectors`` returns them). The
course's embedding matrix E of shape (n_e, V) is its transpose: e_j = E o_j is row j here.
"""

from collections.abc import Iterable

import numpy as np

from utils.validation import as_float_array, as_int, check_finite, check_shape


def _checked_rows(vectors, name):
    """``vectors`` as a finite float array of shape (rows, n_e), or a TypeError/ValueError naming ``name``."""
    vectors = as_float_array(vectors, name)
    check_shape(vectors, name, (None, None))
    check_finite(vectors, name)
    return vectors


def unit_rows(vectors):
    """Scale every row to Euclidean length 1; rows of zeros stay zero (they have no direction).

    Arguments:
    vectors -- array of shape (V, n_e), one word vector per row

    Returns:
    unit -- array of shape (V, n_e), same dtype; unit[i] = vectors[i] / ||vectors[i]||
    """
    vectors = _checked_rows(vectors, "vectors")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms).astype(vectors.dtype)


def nearest_words(query, unit, words, k=5, exclude=()):
    """The k words whose vectors have the largest cosine similarity with ``query``.

    Arguments:
    query -- array of shape (n_e,), the vector to search around (any non-zero length)
    unit -- array of shape (V, n_e), unit-length rows (see ``unit_rows``)
    words -- list of V str, words[i] is the word of unit[i]
    k -- int >= 1, how many neighbours to return (at most V minus the excluded words)
    exclude -- iterable of str, words never returned (e.g. the query words themselves)

    Returns:
    neighbours -- list of k (word, similarity) pairs, most similar first; similarity a float
    """
    unit = _checked_rows(unit, "unit")
    if not isinstance(words, (list, tuple)):
        raise TypeError(f"words: expected a list of {unit.shape[0]} str (one per row of unit), "
                        f"found {type(words).__name__}")
    if len(words) != unit.shape[0]:
        raise ValueError(f"words: expected {unit.shape[0]} words (one per row of unit), found {len(words)}")
    query = as_float_array(query, "query")
    check_shape(query, "query", (unit.shape[1],))
    check_finite(query, "query")
    norm = np.linalg.norm(query)
    if norm == 0:
        raise ValueError("query: expected a vector with a direction, found the zero vector (no cosine similarity)")
    k = as_int(k, "k", 1)
    if not isinstance(exclude, Iterable):
        raise TypeError(f"exclude: expected an iterable of words, found {type(exclude).__name__}")
    similarities = unit @ (query / norm)
    blocked = np.isin(np.asarray(words, dtype=object), list(exclude))
    similarities = np.where(blocked, -np.inf, similarities)
    top = np.argsort(-similarities, kind="stable")[:min(k, int((~blocked).sum()))]
    return [(words[i], float(similarities[i])) for i in top]


def project_2d(X):
    """Principal component analysis to two dimensions, by the SVD of the centred data.

    Arguments:
    X -- array of shape (m, n_e), one vector per row (m >= 2)

    Returns:
    coords -- array of shape (m, 2): the rows of X, centred, on the two leading principal axes
              (each axis's sign fixed so that its largest-magnitude loading is positive)
    explained -- array of shape (2,): the fraction of the total variance each axis captures
    """
    X = _checked_rows(X, "X")
    if X.shape[0] < 2:
        raise ValueError(f"X: expected at least 2 rows to find principal axes, found shape {X.shape}")
    centred = X - X.mean(axis=0, keepdims=True)
    _, s, Vt = np.linalg.svd(centred, full_matrices=False)
    axes = Vt[:2]
    signs = np.sign(axes[np.arange(axes.shape[0]), np.argmax(np.abs(axes), axis=1)])
    axes = axes * signs[:, None]
    variance = s ** 2
    return centred @ axes.T, variance[:2] / variance.sum()
