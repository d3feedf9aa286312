"""utils.data.load_glove_vectors (the pretrained GloVe subset), utils.embeddings (unit rows, nearest
words, PCA to 2-D) and the GloVe builder's snappy decoder."""


import numpy as np
import pytest

from tools.build_datasets import GLOVE_EXTRA_WORDS, GLOVE_TOP, _unsnappy
from utils import data
from utils.embeddings import nearest_words, project_2d, unit_rows


def test_glove_words_vectors_and_order():
    words, vectors = data.load_glove_vectors()
    assert vectors.shape == (20004, 50) and vectors.dtype == np.float32
    assert len(words) == 20004 and len(set(words)) == 20004
    assert words[:6] == ["the", ",", ".", "of", "to", "and"]        # GloVe's frequency order
    assert set(GLOVE_EXTRA_WORDS) <= set(words) and len(words) - GLOVE_TOP == 4
    np.testing.assert_allclose(vectors[0, :4], [0.418, 0.24968, -0.41242, 0.1217], rtol=1e-6)  # e_the as shipped
    unit = unit_rows(vectors)
    king, queen, zebra_like = (unit[words.index(w)] for w in ("king", "queen", "frog"))
    assert king @ queen > 0.75 > king @ zebra_like                   # rows belong to their words


def test_unsnappy_literals_and_overlapping_copies():
    # "abcabcabcX": varint length 10, literal "abc", copy (1-byte offset 3, length 6), literal "X"
    block = bytes([10, (3 - 1) << 2]) + b"abc" + bytes([((6 - 4) << 2) | 1, 3, 0]) + b"X"
    assert _unsnappy(block) == b"abcabcabcX"
    # a 2-byte-offset copy of length 4
    block = bytes([6, (2 - 1) << 2]) + b"xy" + bytes([((4 - 1) << 2) | 2, 2, 0])
    assert _unsnappy(block) == b"xyxyxy"
    with pytest.raises(ValueError, match="header says"):
        _unsnappy(bytes([5, 0]) + b"a")


def test_unit_rows_lengths_zero_rows_and_dtype():
    X = np.array([[3.0, 4.0], [0.0, 0.0], [-1.0, 0.0]], dtype=np.float32)
    U = unit_rows(X)
    assert U.dtype == np.float32
    np.testing.assert_allclose(U, [[0.6, 0.8], [0.0, 0.0], [-1.0, 0.0]], rtol=1e-6)
    with pytest.raises(ValueError, match=r"vectors: expected shape \(any, any\), found \(3,\)"):
        unit_rows(np.ones(3))


def test_nearest_words_ranks_by_cosine_and_excludes():
    words = ["east", "north", "northeast", "west", "zero"]
    vectors = np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 3.0], [-5.0, 0.0], [0.0, 0.0]])
    unit = unit_rows(vectors)
    result = nearest_words(np.array([2.0, 0.2]), unit, words, k=3)
    assert [w for w, _ in result] == ["east", "northeast", "north"]
    assert result[0][1] == pytest.approx(2.0 / np.hypot(2.0, 0.2))
    assert [w for w, _ in nearest_words(np.array([1.0, 0.0]), unit, words, k=2, exclude=["east"])] == \
        ["northeast", "north"]
    assert len(nearest_words(np.array([1.0, 0.0]), unit, words, k=10, exclude=["east"])) == 4
    with pytest.raises(ValueError, match="query: expected a vector with a direction, found the zero vector"):
        nearest_words(np.zeros(2), unit, words)
    with pytest.raises(ValueError, match=r"query: expected shape \(2,\), found \(3,\)"):
        nearest_words(np.ones(3), unit, words)
    with pytest.raises(ValueError, match="words: expected 5 words"):
        nearest_words(np.ones(2), unit, words[:4])
    with pytest.raises(ValueError, match="k: expected an int >= 1"):
        nearest_words(np.ones(2), unit, words, k=0)


def test_project_2d_matches_an_independent_pca():
    rs = np.random.RandomState(3)
    X = rs.randn(30, 5) @ np.diag([5.0, 3.0, 1.0, 0.5, 0.1]) + 7.0
    coords, explained = project_2d(X)
    assert coords.shape == (30, 2) and explained.shape == (2,)
    np.testing.assert_allclose(coords.mean(axis=0), 0, atol=1e-12)
    cov = np.cov(X.T, bias=True)                 # oracle: eigenvectors of the covariance matrix
    values, vecs = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1]
    np.testing.assert_allclose(explained, values[order[:2]] / values.sum(), rtol=1e-10)
    for k in range(2):
        axis = vecs[:, order[k]]
        np.testing.assert_allclose(np.abs(coords[:, k]), np.abs((X - X.mean(axis=0)) @ axis), rtol=1e-8, atol=1e-10)
    with pytest.raises(ValueError, match="X: expected at least 2 rows"):
        project_2d(np.ones((1, 4)))
