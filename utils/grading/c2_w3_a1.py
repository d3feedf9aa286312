"""Public tests of C2_W3_A1 - Softmax classifier in NumPy.

Inputs are fixed arrays or drawn from fixed seeds of the legacy ``np.random.RandomState`` stream (the
probabilities and one-hot labels fed to the cost and the backward pass are built with the library's
softmax and one_hot), and differ from the notebook's visible examples; every expected value is a
frozen literal computed once from the reference solutions.
"""

import numpy as np

from utils.activations import softmax
from utils.data import one_hot
from utils.grading.check import Case, Graded, check_function
from utils.grading.inputs import randn


def _one_hot(labels, C):
    """One-hot test labels (C, m) from a list of m class indices."""
    return one_hot(np.array([labels]), C)


# softmax: random scores (4, 3); huge logits, one column tied, one column far below the others (3, 4); C = 1
Z_RANDOM = randn(11, 4, 3) * 3
Z_HUGE = np.array([[1000.0, -1000.0, 2.0, -700.0], [999.0, -1001.0, 2.0, -702.0], [990.0, -1003.0, 2.0, -745.0]])
Z_ONE_CLASS = randn(12, 1, 5)

# cost: softmax outputs (3, 5); probabilities with exact zeros in wrong classes (3, 4)
AL_RANDOM, Y_RANDOM = softmax(randn(21, 3, 5)), _one_hot([2, 0, 1, 1, 0], 3)
AL_ZEROS = np.array([[0.0, 0.25, 0.9, 0.0], [1.0, 0.5, 0.1, 0.3], [0.0, 0.25, 0.0, 0.7]])
Y_ZEROS = _one_hot([1, 2, 0, 2], 3)

# output layer: A_prev (5, 6), W (3, 5), b (3, 1), 3 classes; A_prev (4, 3), W (2, 4), b (2, 1), 2 classes
A1, W1, B1 = randn(31, 5, 6), randn(32, 3, 5), randn(33, 3, 1)
Z1 = W1 @ A1 + B1
CACHE1, AL1, Y1 = ((A1, W1, B1), Z1), softmax(Z1), _one_hot([0, 2, 1, 2, 2, 0], 3)
A2, W2, B2 = randn(34, 4, 3), randn(35, 2, 4), randn(36, 2, 1)
Z2 = W2 @ A2 + B2
CACHE2, AL2, Y2 = ((A2, W2, B2), Z2), softmax(Z2), _one_hot([1, 0, 1], 2)


def softmax_test(target):
    check_function(target, [
        Case((Z_RANDOM,), np.array([
            [0.9987340852189215, 0.10479155349308937, 0.05319272393373846],
            [1.832944957080449e-06, 0.2411304985091444, 0.08724523306237418],
            [0.0010494185528884465, 0.6367646798452904, 0.8049411460597171],
            [0.00021466328323280562, 0.01731326815247594, 0.05462089694417015],
        ]), label="Z (4, 3)"),
        Case((Z_HUGE,), np.array([
            [0.7310343155951328, 0.7053845126982412, 0.3333333333333333, 0.8807970779778823],
            [0.26893249549828524, 0.25949646034241913, 0.3333333333333333, 0.11920292202211755],
            [3.318890658198521e-05, 0.03511902695933973, 0.3333333333333333, 2.5212980014053014e-20],
        ]), label="logits of +-1000 (3, 4)"),
        Case((Z_ONE_CLASS,), np.array([[1.0, 1.0, 1.0, 1.0, 1.0]]), label="one class, Z (1, 5)"),
    ], hint="work column by column: subtract np.max(Z, axis=0, keepdims=True) (each column's own maximum), "
            "exponentiate, divide by np.sum(..., axis=0, keepdims=True); every column must sum to 1")


def one_hot_test(target):
    check_function(target, [
        Case((np.array([[3, 0, 2, 2, 5, 1]]), 7), np.array([
            [0.0, 1.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            [0.0, 0.0, 1.0, 1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 1.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        ]), label="m=6, C=7"),
        Case((np.array([[1, 1, 0]]), 4), np.array([
            [0.0, 0.0, 1.0],
            [1.0, 1.0, 0.0],
            [0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0],
        ]), label="m=3, C=4"),
    ], hint="the result has shape (C, m), one column per example, whatever the largest label; "
            "column i holds a single 1, in row labels[0, i]")


def compute_cost_test(target):
    check_function(target, [
        Case((AL_RANDOM, Y_RANDOM), 1.2941323397569728, label="C=3, m=5"),
        Case((AL_ZEROS, Y_ZEROS), 0.46208245517911234, label="probabilities of exactly 0 in wrong classes"),
    ], hint="cost = -(1/m) * np.sum(Y * np.log(AL)) with m = Y.shape[1] (not C * m); clip AL into "
            "[1e-15, 1] first so that 0 * log(0) never gives nan; return a float")


def output_layer_backward_test(target):
    check_function(target, [
        Case((AL1, Y1, CACHE1), (
            np.array([
                [0.0401735006513614, 0.3836471822083435, -0.4596477167647823, 0.28164633482030677, 0.3382284900626862, 0.037271922146754025],
                [0.06910837478288542, -0.5642845226011981, 0.01797568222485859, -0.6738183467600714, -0.9113140637525652, 0.31829215246823334],
                [0.11537801904678974, -0.6480289628120969, -0.1642293831790979, -0.8467348244625069, -1.1628152864328627, 0.4703449377312241],
                [-0.003211275543257844, -0.31336140334905976, 0.22347667842014726, -0.2899832571205116, -0.37182262730268917, 0.05571273889618299],
                [-0.14337012614150435, 0.6717585341180482, 0.2922507017816174, 0.9258620430654304, 1.2821181393616676, -0.5567415589587184],
            ]),
            np.array([
                [-0.09323068301094473, 0.193472396182507, -0.3458888335251538, 0.43925001571925115, 0.08013079043901196],
                [-0.040912318856507084, 0.0873459725145404, -0.11932934052004435, 0.0405809874656946, 0.040287746834081394],
                [0.13414300186745184, -0.2808183686970474, 0.4652181740451982, -0.4798310031849459, -0.12041853727309337],
            ]),
            np.array([[0.3045209869373101], [-0.0014251509639166594], [-0.30309583597339346]]),
        ), label="3 classes, A_prev (5, 6)"),
        Case((AL2, Y2, CACHE2), (
            np.array([
                [-0.06139961891180778, 0.4546498752622649, -0.3896207716057734],
                [-0.15986028308228875, 1.183728157452383, -1.0144181339806406],
                [-0.2511506424499024, 1.8597120028692293, -1.5937152190011088],
                [-0.27458408151001285, 2.033231160389541, -1.7424157283819783],
            ]),
            np.array([
                [-0.18052156339015565, -0.2618423272839276, -0.17202713613048962, -0.36552375241425006],
                [0.1805215633901556, 0.2618423272839276, 0.17202713613048962, 0.36552375241425006],
            ]),
            np.array([[-0.0025843362130523926], [0.0025843362130523553]]),
        ), label="2 classes, A_prev (4, 3)"),
    ], hint="dZ = AL - Y (a new array: no -= on AL); dW = np.dot(dZ, A_prev.T) / m, "
            "db = np.sum(dZ, axis=1, keepdims=True) / m, dA_prev = np.dot(W.T, dZ) (no 1/m); m = A_prev.shape[1]")


def confusion_matrix_test(target):
    check_function(target, [
        Case((np.array([[0, 1, 2, 2, 1, 0, 2, 3, 3, 1]]), np.array([[0, 2, 2, 1, 1, 0, 2, 3, 0, 1]]), 5), np.array([
            [2, 0, 0, 0, 0],
            [0, 2, 1, 0, 0],
            [0, 1, 2, 0, 0],
            [1, 0, 0, 1, 0],
            [0, 0, 0, 0, 0],
        ]), label="m=10, C=5 (class 4 never seen)"),
        Case((np.array([[1, 1, 1, 0]]), np.array([[1, 1, 0, 0]]), 2), np.array([
            [1, 0],
            [1, 2],
        ]), label="m=4, C=2, repeated pairs"),
    ], hint="shape (C, C), rows are the TRUE classes and columns the PREDICTED ones; "
            "counts[y_true[0], y_pred[0]] += 1 does not add up repeated pairs: use np.add.at (or np.bincount)")


GRADED = {
    "softmax": Graded(softmax_test, 15, vectorized=True),
    "one_hot": Graded(one_hot_test, 15, vectorized=True),
    "compute_cost": Graded(compute_cost_test, 20, vectorized=True),
    "output_layer_backward": Graded(output_layer_backward_test, 30, vectorized=True),
    "confusion_matrix": Graded(confusion_matrix_test, 20, vectorized=True),
}
