"""The public tests of C5_W2_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (no normalization, squared norms, nan for the zero vector, inputs not excluded from the
analogy search, reversed offsets, the 3CosAdd objective, projections divided by ||g|| instead of
||g||^2, in-place updates, equalizing without removing mu_B); the solutions agree with the library."""

import numpy as np

from utils.embeddings import nearest_words, unit_rows
from utils.grading import c5_w2_a1 as tests

from tests.conftest import public_test_suite, run_public_test

STEM = "C5_W2_A1"


def _cosine(u, v, norm="plain", zero_rule=True):
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if zero_rule and (nu == 0 or nv == 0):
        return 0.0
    divisor = {"plain": nu * nv, "squared": nu ** 2 * nv ** 2, "none": 1.0, "u_only": nu * nu}[norm]
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.dot(u, v) / divisor)


def _analogy(word_a, word_b, word_c, words, vectors, rule="offset", exclude="all", normalize=True, sign=1,
             zero_rule=True):
    i_a, i_b, i_c = words.index(word_a), words.index(word_b), words.index(word_c)
    target = vectors[i_b] - vectors[i_a]
    if rule == "offset":
        candidates = sign * (vectors - vectors[i_c])
    else:                                        # 3CosAdd: the word nearest to e_b - e_a + e_c
        candidates, target = vectors, target + vectors[i_c]
    norms = np.linalg.norm(candidates, axis=1) * np.linalg.norm(target) if normalize else np.ones(len(words))
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = candidates @ target / norms
    if zero_rule:
        scores = np.where(norms == 0, 0.0, scores)
    if exclude == "all":
        scores[[i_a, i_b, i_c]] = -np.inf
    elif exclude == "c":
        scores[i_c] = -np.inf
    return words[int(np.argmax(scores))]


def _neutralize(e, g, divisor="squared", sign=-1, in_place=False):
    scale = {"squared": np.dot(g, g), "norm": np.linalg.norm(g), "none": 1.0}[divisor]
    component = np.dot(e, g) / scale * g
    if in_place:
        e -= component
        return e
    return e + sign * component


def _project(x, g):
    return np.dot(x, g) / np.dot(g, g) * g


def _equalize(e_w1, e_w2, g, center=True, orth=True, square=True, normalize=True, swap=False):
    mu = (e_w1 + e_w2) / 2
    mu_B = _project(mu, g)
    mu_orth = mu - mu_B if orth else mu
    length = np.dot(mu_orth, mu_orth) if square else np.linalg.norm(mu_orth)
    scale = np.sqrt(np.maximum(1 - length, 0))
    results = []
    for e_w in (e_w1, e_w2):
        direction = _project(e_w, g) - (mu_B if center else 0)
        results.append(mu_orth + scale * direction / (np.linalg.norm(direction) if normalize else 1))
    return tuple(results[::-1]) if swap else tuple(results)


MISTAKES = {
    "cosine_similarity": [
        lambda u, v: _cosine(u, v, norm="none"),          # the dot product alone
        lambda u, v: _cosine(u, v, norm="squared"),       # divided by the squared norms
        lambda u, v: _cosine(u, v, norm="u_only"),        # ||u|| twice
        lambda u, v: _cosine(u, v, zero_rule=False),      # nan for the zero vector
    ],
    "complete_analogy": [
        lambda a, b, c, words, vectors: _analogy(a, b, c, words, vectors, exclude="none"),   # inputs not excluded
        lambda a, b, c, words, vectors: _analogy(a, b, c, words, vectors, exclude="c"),      # only c excluded
        lambda a, b, c, words, vectors: _analogy(a, b, c, words, vectors, normalize=False),  # dot products, not cosines
        lambda a, b, c, words, vectors: _analogy(a, b, c, words, vectors, sign=-1),          # e_c - e_w
        lambda a, b, c, words, vectors: _analogy(a, b, c, words, vectors, rule="add"),       # another objective
        lambda a, b, c, words, vectors: _analogy(a, b, c, words, vectors, zero_rule=False),  # nan at a zero offset
    ],
    "neutralize": [
        lambda e, g: _neutralize(e, g, divisor="norm"),   # divided by ||g||, not ||g||^2
        lambda e, g: _neutralize(e, g, divisor="none"),   # as if g had length 1
        lambda e, g: _neutralize(e, g, sign=1),           # added the bias component
        lambda e, g: _neutralize(e, g, in_place=True),    # e -= ... modifies the caller's vector
    ],
    "equalize": [
        lambda e1, e2, g: _equalize(e1, e2, g, center=False),     # e_wiB not centred on mu_B
        lambda e1, e2, g: _equalize(e1, e2, g, orth=False),       # mu instead of mu_orth
        lambda e1, e2, g: _equalize(e1, e2, g, square=False),     # 1 - ||mu_orth|| (not squared)
        lambda e1, e2, g: _equalize(e1, e2, g, normalize=False),  # bias parts not scaled to unit length
        lambda e1, e2, g: _equalize(e1, e2, g, swap=True),        # the pair returned in reverse order
    ],
}


def test_correct_variants_pass():
    """The broken variants differ from a correct implementation only by the mistake they name."""
    for name, correct in [("cosine_similarity", _cosine), ("complete_analogy", _analogy),
                          ("neutralize", _neutralize), ("equalize", _equalize)]:
        run_public_test(tests, name, correct)


def test_solutions_agree_with_the_library(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(8)
    vectors = rs.randn(40, 9)
    words = [f"w{i}" for i in range(40)]
    unit = unit_rows(vectors)
    for i in range(5):
        (word, similarity), = nearest_words(vectors[i], unit, words, k=1, exclude=[words[i]])
        assert abs(ns["cosine_similarity"](vectors[i], vectors[words.index(word)]) - similarity) < 1e-12
    # the analogy rule, checked against a direct search with nearest_words on the offsets
    a, b, c = 3, 7, 11
    offsets = vectors - vectors[c]
    keep = [i for i in range(40) if i not in (a, b, c)]
    (expected, _), = nearest_words(vectors[b] - vectors[a], unit_rows(offsets[keep]), [words[i] for i in keep], k=1)
    assert ns["complete_analogy"](words[a], words[b], words[c], words, vectors) == expected
    g = rs.randn(9)
    assert abs(np.dot(ns["neutralize"](vectors[0], g), g)) < 1e-12
    e1, e2 = ns["equalize"](unit[0], unit[1], g)
    np.testing.assert_allclose([np.linalg.norm(e1), np.linalg.norm(e2)], [1.0, 1.0], rtol=1e-12)
    assert abs(np.dot(e1, g) + np.dot(e2, g)) < 1e-12
    np.testing.assert_allclose(e1 - _project(e1, g), e2 - _project(e2, g), atol=1e-12)


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
