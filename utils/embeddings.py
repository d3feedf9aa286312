"""Word-embedding helpers for the word-vector notebook (Course 5, week 2).

The vectors of a vocabulary of V words live in a matrix ``vectors`` of shape (V, n_e), one word per
row, in the order of a list ``words`` (as ``utils.data.load_glove_vectors`` returns them). The
course's embedding matrix E of shape (n_e, V) is its transpose: e_j = E o_j is row j here.
"""

import numpy as np

from utils.validation import as_float_array, check_shape


def _check_vectors(vectors, words=None):
    vectors = as_float_array(vectors, "vectors")
    check_shape(vectors, "vectors", (None, None))
    if words is not None and len(words) != vectors.shape[0]:
        raise ValueError(f"words: expected {vectors.shape[0]} words (one per row of vectors), found {len(words)}")
    return vectors


def unit_rows(vectors):
    """Scale every row to Euclidean length 1; rows of zeros stay zero (they have no direction).

    Arguments:
    vectors -- array of shape (V, n_e), one word vector per row

    Returns:
    unit -- array of shape (V, n_e), same dtype; unit[i] = vectors[i] / ||vectors[i]||
    """
    vectors = _check_vectors(vectors)
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
    unit = _check_vectors(unit, words)
    query = as_float_array(query, "query")
    check_shape(query, "query", (unit.shape[1],))
    norm = np.linalg.norm(query)
    if norm == 0:
        raise ValueError("query: the zero vector has no direction, so no cosine similarity")
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k: expected an int >= 1, found {k!r}")
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
    X = _check_vectors(X)
    if X.shape[0] < 2:
        raise ValueError(f"X: expected at least 2 rows to find principal axes, found shape {X.shape}")
    centred = X - X.mean(axis=0, keepdims=True)
    _, s, Vt = np.linalg.svd(centred, full_matrices=False)
    axes = Vt[:2]
    signs = np.sign(axes[np.arange(axes.shape[0]), np.argmax(np.abs(axes), axis=1)])
    axes = axes * signs[:, None]
    variance = s ** 2
    return centred @ axes.T, variance[:2] / variance.sum()
