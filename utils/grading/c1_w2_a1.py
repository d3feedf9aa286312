"""Public tests of C1_W2_A1 - Python basics with NumPy.

Expected values are frozen literals computed once from the reference solutions; the inputs differ
from the notebook's visible examples, so hard-coding a visible answer does not pass.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function

# inputs of sigmoid and sigmoid_derivative: a vector (4,) and a matrix (2, 3)
X_VECTOR = np.array([-2.0, 0.0, 0.5, 4.0])
X_MATRIX = np.array([[1.0, -1.0, 3.0], [-0.5, 2.0, 0.0]])


def hello_test(target):
    check_function(target, [
        Case(("Ada",), "Hello, Ada!"),
        Case(("deep learning",), "Hello, deep learning!"),
    ], hint='return the string (do not print it), spelled exactly like "Hello, World!"')


def basic_sigmoid_test(target):
    check_function(target, [
        Case((-1.5,), 0.18242552380635635),
        Case((0.25,), 0.5621765008857981),
        Case((4.0,), 0.9820137900379085),
    ], hint="sigmoid(x) = 1 / (1 + exp(-x)) with math.exp; mind the minus sign")


def sigmoid_test(target):
    check_function(target, [
        Case((X_VECTOR,),
             np.array([0.11920292202211755, 0.5, 0.6224593312018546, 0.9820137900379085]), label="vector"),
        Case((X_MATRIX,),
             np.array([[0.7310585786300049, 0.2689414213699951, 0.9525741268224334],
                       [0.3775406687981454, 0.8807970779778823, 0.5]]), label="2x3 matrix"),
    ], hint="use np.exp (math.exp only takes single numbers); sigmoid(x) = 1 / (1 + exp(-x))")


def sigmoid_derivative_test(target):
    check_function(target, [
        Case((X_VECTOR,),
             np.array([0.1049935854035065, 0.25, 0.2350037122015945, 0.017662706213291107]), label="vector"),
        Case((X_MATRIX,),
             np.array([[0.19661193324148185, 0.19661193324148185, 0.045176659730912],
                       [0.2350037122015945, 0.10499358540350662, 0.25]]), label="2x3 matrix"),
    ], hint="compute s = sigmoid(x) first, then return s * (1 - s)")


def image2vector_test(target):
    check_function(target, [
        Case((np.arange(12, dtype=float).reshape(2, 3, 2) * 0.5,),
             np.arange(12, dtype=float).reshape(12, 1) * 0.5, label="shape (2, 3, 2)"),
        Case((np.array([[[0.1, 0.9, 0.4]], [[0.3, 0.2, 0.7]]]),),
             np.array([[0.1], [0.9], [0.4], [0.3], [0.2], [0.7]]), label="shape (2, 1, 3)"),
    ], hint="reshape to (length * height * depth, 1): a column vector, not a rank-1 array, and no transpose")


def normalize_rows_test(target):
    check_function(target, [
        Case((np.array([[3.0, 4.0, 0.0], [1.0, -2.0, 2.0], [0.5, 0.5, 0.5], [6.0, 0.0, -8.0]]),),
             np.array([[0.6, 0.8, 0.0],
                       [0.3333333333333333, -0.6666666666666666, 0.6666666666666666],
                       [0.5773502691896258, 0.5773502691896258, 0.5773502691896258],
                       [0.6, 0.0, -0.8]]), label="4x3 matrix"),
        Case((np.array([[2.0, -1.0], [0.0, 5.0]]),),
             np.array([[0.8944271909999159, -0.4472135954999579], [0.0, 1.0]]), label="2x2 matrix"),
    ], hint="np.linalg.norm(x, axis=1, keepdims=True) gives one norm per row as an (n, 1) column; "
            "divide by it without changing x in place")


def softmax_test(target):
    check_function(target, [
        Case((np.array([[1.0, 2.0, 0.5, -1.0], [0.0, 0.0, 3.0, 1.0]]),),
             np.array([[0.22420781804820114, 0.6094600375988771, 0.1359889157935055, 0.030343228559416225],
                       [0.04031637265264287, 0.04031637265264287, 0.809775991523652, 0.10959126317106233]]),
             label="2x4 matrix"),
        Case((np.array([[2.0, 1.0], [0.5, -0.5]]),),
             np.array([[0.7310585786300049, 0.2689414213699951],
                       [0.7310585786300049, 0.2689414213699951]]), label="2x2 matrix"),
        Case((np.array([[1000.0, 1001.0, 999.0]]),),
             np.array([[0.24472847105479764, 0.6652409557748218, 0.09003057317038046]]),
             label="large scores"),
    ], hint="each ROW sums to 1: sum with axis=1, keepdims=True; subtract each row's max before np.exp "
            "so that large scores do not overflow")


def L1_test(target):
    check_function(target, [
        Case((np.array([0.8, 0.1, 0.35, 0.9, 0.6]), np.array([1, 0, 0, 1, 1])), 1.15),
        Case((np.array([0.2, 0.7, 0.05]), np.array([0, 1, 0])), 0.55),
    ], hint="L1 = sum of |y - yhat| over all entries (a sum, not a mean)")


def L2_test(target):
    check_function(target, [
        Case((np.array([0.8, 0.1, 0.35, 0.9, 0.6]), np.array([1, 0, 0, 1, 1])), 0.34249999999999997),
        Case((np.array([0.2, 0.7, 0.05]), np.array([0, 1, 0])), 0.13250000000000003),
    ], hint="L2 = sum of (y - yhat)**2 over all entries: squared, and no square root")


GRADED = {
    "hello": Graded(hello_test, 5),
    "basic_sigmoid": Graded(basic_sigmoid_test, 10),
    "sigmoid": Graded(sigmoid_test, 10, vectorized=True),
    "sigmoid_derivative": Graded(sigmoid_derivative_test, 10, vectorized=True),
    "image2vector": Graded(image2vector_test, 10, vectorized=True),
    "normalize_rows": Graded(normalize_rows_test, 15, vectorized=True),
    "softmax": Graded(softmax_test, 15, vectorized=True),
    "L1": Graded(L1_test, 10, vectorized=True),
    "L2": Graded(L2_test, 15, vectorized=True),
}
