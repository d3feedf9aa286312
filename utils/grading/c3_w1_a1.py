"""Public tests of C3_W1_A1 - ML strategy in numbers (the practice notebook of Course 3).

The inputs are small hand-made arrays and lists, plus one pair of 0/1 vectors drawn from fixed seeds of
the legacy ``np.random.RandomState`` stream; they differ from the notebook's visible examples. Every
expected value is a frozen literal computed once from the reference solutions.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function

# 40 random 0/1 labels (about 30 % positive) and 40 random 0/1 predictions (about 40 % positive)
LABELS_RANDOM = (np.random.RandomState(41).rand(1, 40) < 0.3).astype(int)
PREDICTIONS_RANDOM = (np.random.RandomState(42).rand(1, 40) < 0.4).astype(int)


def precision_recall_f1_test(target):
    check_function(target, [
        Case((np.array([[1, 0, 1, 1, 0, 0, 1, 0, 1, 1]]), np.array([[1, 0, 0, 1, 1, 0, 1, 0, 0, 1]])),
             (0.6666666666666666, 0.8, 0.7272727272727272), label="m=10: 4 true positives, 2 false positives, 1 miss"),
        Case((PREDICTIONS_RANDOM, LABELS_RANDOM), (0.2631578947368421, 0.35714285714285715, 0.30303030303030304),
             label="m=40, random labels and predictions"),
        Case((np.zeros((1, 5), dtype=int), np.array([[0, 1, 0, 1, 1]])), (0.0, 0.0, 0.0),
             label="nothing predicted positive"),
        Case((np.array([[1, 0, 0, 1]]), np.zeros((1, 4), dtype=int)), (0.0, 0.0, 0.0),
             label="no actual positive"),
        Case((np.zeros((1, 3), dtype=int), np.zeros((1, 3), dtype=int)), (0.0, 0.0, 0.0),
             label="no positive at all"),
    ], hint="true positives = predicted 1 AND labelled 1; precision = TP / (predicted 1s), "
            "recall = TP / (labelled 1s), F1 = 2 P R / (P + R) (the harmonic mean, not (P + R) / 2); "
            "when a denominator is 0 return 0.0 instead of dividing")


def best_model_test(target):
    check_function(target, [
        Case((np.array([0.91, 0.95, 0.97, 0.93, 0.96]), np.array([40.0, 80.0, 150.0, 60.0, 100.0]), 100.0), 4,
             label="the most accurate model is too slow"),
        Case((np.array([0.80, 0.90, 0.90, 0.85]), np.array([10.0, 20.0, 20.0, 5.0]), 20.0), 1,
             label="a tie at the limit: cost == max_cost is allowed, the first of equals wins"),
        Case((np.array([0.70, 0.80]), np.array([30.0, 40.0]), 25.0), None, label="no model meets the constraint"),
    ], hint="first keep the models with costs <= max_cost (the limit itself is acceptable), then take the "
            "largest accuracy among them with np.argmax (it returns the first of equal maxima); return None, "
            "not -1 or 0, when no model qualifies")


def error_decomposition_test(target):
    check_function(target, [
        Case((1.0, 8.0, 10.0, 11.5),
             {"avoidable_bias": 7.0, "variance": 2.0, "data_mismatch": 1.5, "focus": "avoidable_bias"},
             label="bias first"),
        Case((0.5, 1.5, 9.0, 10.0),
             {"avoidable_bias": 1.0, "variance": 7.5, "data_mismatch": 1.0, "focus": "variance"},
             label="variance first"),
        Case((2.0, 3.0, 4.5, 12.5),
             {"avoidable_bias": 1.0, "variance": 1.5, "data_mismatch": 8.0, "focus": "data_mismatch"},
             label="data mismatch first"),
        Case((2.0, 5.0, 8.0, 9.0),
             {"avoidable_bias": 3.0, "variance": 3.0, "data_mismatch": 1.0, "focus": "avoidable_bias"},
             label="bias and variance tie"),
    ], hint="each gap is a difference of two NEIGHBOURING error rates in the order human, train, train-dev, "
            "dev: avoidable bias = train - human, variance = train-dev - train, data mismatch = dev - train-dev; "
            "focus is the key of the LARGEST gap (the first one in that order on a tie)")


def error_analysis_test(target):
    check_function(target, [
        Case((np.array([[0, 1, 2, 2, 1, 0, 2, 3, 3, 1, 2, 0]]), np.array([[0, 2, 1, 2, 1, 2, 0, 3, 1, 1, 1, 0]]),
              ["cat", "dog", "bird", "fish"]),
             [("bird", 3, 0.5), ("cat", 1, 0.16666666666666666), ("dog", 1, 0.16666666666666666),
              ("fish", 1, 0.16666666666666666)], label="m=12, 4 classes, 6 errors"),
        Case((np.array([[4, 4, 0, 1, 4, 0]]), np.array([[3, 4, 0, 3, 0, 0]]), ["zero", "one", "two", "three", "four"]),
             [("four", 2, 0.6666666666666666), ("one", 1, 0.3333333333333333)],
             label="m=6, 5 classes, classes without errors left out"),
        Case((np.array([[1, 0]]), np.array([[1, 0]]), ["a", "b"]), [], label="no error at all"),
    ], hint="keep only the misclassified examples (labels != predictions), count them by their TRUE class "
            "(np.bincount with minlength=len(class_names)), drop the classes with 0 errors, sort by count with "
            "the largest first (np.argsort(-counts, kind='stable')), and divide by the number of errors, not by m")


GRADED = {
    "precision_recall_f1": Graded(precision_recall_f1_test, 25, vectorized=True),
    "best_model": Graded(best_model_test, 20, vectorized=True),
    "error_decomposition": Graded(error_decomposition_test, 25, vectorized=True),
    "error_analysis": Graded(error_analysis_test, 30, vectorized=True),
}
