"""Public tests of C5_W2_A1 - Word vectors: similarity, analogies and debiasing.

Inputs are fixed arrays or drawn from fixed seeds of the legacy ``np.random.RandomState`` stream and
differ from the notebook's examples: the analogy search runs on a small made-up vocabulary of 12 words
with random 6-d vectors of unequal lengths (not on GloVe); every expected value is a frozen literal
computed once from the reference solutions.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function
from utils.grading.inputs import randn


def _unit(x):
    """x scaled to length 1."""
    return x / np.linalg.norm(x)


# cosine_similarity: random (7,) vectors; parallel and opposite vectors of other lengths; (3,) vectors; zero vector
U1, V1 = randn(51, 7), randn(52, 7)
U2, V2 = randn(53, 3), np.array([0.5, -2.0, 1.0])

# complete_analogy: 12 words with random 6-d vectors scaled by random lengths in [0.3, 3]; the same
# vocabulary plus a 13th word "mirror" whose vector equals that of "cedar" (a zero offset e_w - e_c)
WORDS = ["amber", "basil", "cedar", "delta", "ember", "fjord", "grove", "heron", "iris", "juniper", "kelp", "lotus"]
_rs = np.random.RandomState(0)
VECTORS = _rs.randn(12, 6)
VECTORS *= _rs.uniform(0.3, 3.0, size=(12, 1))
WORDS_MIRROR, VECTORS_MIRROR = WORDS + ["mirror"], np.vstack([VECTORS, VECTORS[2]])

# neutralize: e (7,) with g of length about 1; e (5,) with g of length about 5
E1, G1 = randn(61, 7), randn(62, 7) * 0.4
E2, G2 = randn(63, 5), randn(64, 5) * 2.0

# equalize: unit vectors (6,) both on the negative side of g; unit vectors (4,) on opposite sides
A1, B1, G3 = _unit(randn(71, 6)), _unit(randn(72, 6)), randn(73, 6) * 0.5
A2, B2, G4 = _unit(randn(74, 4)), _unit(randn(75, 4)), randn(76, 4) * 1.5


def cosine_similarity_test(target):
    check_function(target, [
        Case((U1, V1), 0.15727842860516442, label="random u, v (7,)"),
        Case((U1, 2.5 * U1), 1.0, label="v = 2.5 u"),
        Case((U1, -0.4 * U1), -0.9999999999999997, label="v = -0.4 u"),
        Case((U2, V2), -0.7866739026483021, label="u, v (3,)"),
        Case((np.zeros(4), np.array([1.0, -2.0, 0.5, 3.0])), 0.0, label="u is the zero vector"),
        Case((np.array([0.3, 0.1, -0.2]), np.zeros(3)), 0.0, label="v is the zero vector"),
    ], hint="similarity = np.dot(u, v) / (norm_u * norm_v) with norm_u = np.sqrt(np.sum(u * u)) (not squared), "
            "and 0.0 when either norm is 0 (never nan); return a float")


def complete_analogy_test(target):
    check_function(target, [
        Case(("amber", "basil", "cedar", WORDS, VECTORS), "fjord", label="12 words, c = cedar"),
        Case(("amber", "basil", "delta", WORDS, VECTORS), "kelp", label="12 words, c = delta"),
        Case(("amber", "basil", "cedar", WORDS_MIRROR, VECTORS_MIRROR), "fjord",
             label="13 words, 'mirror' has the vector of c (zero offset)"),
    ], hint="maximize cosine_similarity(e_b - e_a, e_w - e_c) over all words w: offsets = vectors - e_c (V, n_e), "
            "divide offsets @ (e_b - e_a) by both norms (a zero norm gives 0, not nan), set the scores of "
            "word_a, word_b and word_c to -np.inf, return words[np.argmax(scores)]")


def neutralize_test(target):
    check_function(target, [
        Case((E1, G1), np.array([-0.4262841791202824, 0.662444596823281, 0.12033599037677221, 0.5861325552710452,
                                 0.8047021034439104, 0.28756551041244793, -0.39806215665982847]),
             label="e, g (7,)"),
        Case((E2, G2), np.array([-1.6969333220973974, 0.31555762693659184, -0.42630135293339516,
                                 0.2508276541817066, -0.7638498566933305]),
             label="e, g (5,), ||g|| about 5"),
    ], hint="e_bias_component = np.dot(e, g) / np.dot(g, g) * g (divide by the SQUARED norm of g), "
            "e_debiased = e - e_bias_component as a new array (no -= on e)")


def equalize_test(target):
    check_function(target, [
        Case((A1, B1, G3), (
            np.array([0.16310765467615862, 0.45055272337031654, 0.5902498091124331, 0.35335568575536874,
                      -0.539036224695961, -0.08113573258589069]),
            np.array([-0.13518349718380124, -0.6515216769814767, -0.6716771425181216, 0.21717971681697484,
                      0.23466255076893594, -0.062138559695316335]),
        ), label="unit e_w1, e_w2 (6,) on the same side of g"),
        Case((A2, B2, G4), (
            np.array([0.48332248036994346, -0.4660741446690625, -0.5136407043260065, 0.5341792756177755]),
            np.array([-0.19455197586187745, -0.06407168721498058, 0.2501917209089066, 0.9462813801266012]),
        ), label="unit e_w1, e_w2 (4,) on opposite sides of g"),
    ], hint="both results are mu_orth + np.sqrt(1 - ||mu_orth||^2) * (e_wiB - mu_B) / ||e_wiB - mu_B||, with "
            "mu_orth = mu - mu_B and every projection x_B = np.dot(x, g) / np.dot(g, g) * g; "
            "return (e_w1_eq, e_w2_eq) in that order")


GRADED = {
    "cosine_similarity": Graded(cosine_similarity_test, 20, vectorized=True),
    "complete_analogy": Graded(complete_analogy_test, 30, vectorized=True),
    "neutralize": Graded(neutralize_test, 20, vectorized=True),
    "equalize": Graded(equalize_test, 30, vectorized=True),
}
