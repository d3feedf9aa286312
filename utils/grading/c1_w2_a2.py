"""Public tests of C1_W2_A2 - Logistic regression with a neural-network mindset.

Expected values are frozen literals computed once from the reference solutions; the inputs differ
from the notebook's visible examples, so hard-coding a visible answer does not pass.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function

# shared inputs: (w, b, X, Y) for 3 features x 4 examples and for 2 features x 5 examples
W3, B3 = np.array([[0.2], [-0.5], [0.1]]), -0.3
X3 = np.array([[1.0, -2.0, 0.5, 3.0], [0.4, 1.1, -0.7, 2.0], [-1.5, 0.3, 2.2, -0.4]])
Y3 = np.array([[1, 0, 1, 0]])
W2, B2 = np.array([[-0.6], [0.9]]), 0.4
X2 = np.array([[0.3, -1.2, 2.5, 0.0, 1.4], [1.8, 0.6, -0.9, -2.1, 0.7]])
Y2 = np.array([[0, 1, 1, 0, 1]])


def sigmoid_test(target):
    check_function(target, [
        Case((np.array([[-1.0, 0.5], [2.0, -4.0]]),),
             np.array([[0.2689414213699951, 0.6224593312018546],
                       [0.8807970779778823, 0.01798620996209156]]), label="2x2 matrix"),
        Case((0.75,), 0.679178699175393, label="a number"),
        Case((np.array([-30.0, 30.0, 0.2]),),
             np.array([9.357622968839299e-14, 0.9999999999999065, 0.549833997312478]), rtol=1e-9,
             atol=1e-15, label="large inputs"),
    ], hint="sigmoid(z) = 1 / (1 + np.exp(-z)); mind the minus sign and use np.exp, not math.exp")


def initialize_with_zeros_test(target):
    check_function(target, [
        Case((5,), (np.zeros((5, 1)), 0.0), label="dim = 5"),
        Case((1,), (np.zeros((1, 1)), 0.0), label="dim = 1"),
    ], hint="w = np.zeros((dim, 1)): a column of shape (dim, 1), not np.zeros(dim); b = 0.0; return (w, b)")


def propagate_test(target):
    check_function(target, [
        Case((W3, B3, X3, Y3),
             ({"dw": np.array([[-0.07544255364870833], [0.23461535116771426], [-0.01091302971416925]]),
               "db": -0.11705991529543716}, 0.5292976092554782), label="3 features, 4 examples"),
        Case((W2, B2, X2, Y2),
             ({"dw": np.array([[-0.4721296391348641], [0.30765648267711265]]),
               "db": -0.08731061836205987}, 1.003091869883477), label="2 features, 5 examples"),
        Case((np.zeros((3, 1)), 0.0, X3, Y3),
             ({"dw": np.array([[-0.0625], [0.425], [-0.10000000000000003]]), "db": 0.0},
              0.6931471805599453), label="zero parameters"),
    ], hint="A = sigmoid(np.dot(w.T, X) + b); cost = -(1/m) * np.sum(Y*log(A) + (1-Y)*log(1-A)); "
            "dw = (1/m) * np.dot(X, (A - Y).T) has the shape of w; db = (1/m) * np.sum(A - Y) is a number")


def optimize_test(target):
    check_function(target, [
        Case((W2, B2, X2, Y2), (
            {"w": np.array([[0.5152688478866027], [0.226718111368671]]), "b": 0.17061526978500025},
            {"dw": np.array([[-0.00444376481228782], [-0.00059099748608269]]), "db": 0.008363605401192575},
            [1.003091869883477, 0.6273203221842097, 0.6190731850795912, 0.6178856727731009]),
            kwargs={"num_iterations": 301, "learning_rate": 0.05}, label="301 iterations, learning rate 0.05"),
        Case((W3, B3, X3, Y3), (
            {"w": np.array([[0.7412029670247645], [-3.647101139100716], [-0.7629730047838559]]),
             "b": 1.7891387834162669},
            {"dw": np.array([[-0.00355419224500476], [0.0279102083404167], [0.00826837338242941]]),
             "db": -0.019258936205372605},
            [0.5292976092554782, 0.08172778571661614]),
            kwargs={"num_iterations": 150, "learning_rate": 0.3}, label="150 iterations, learning rate 0.3"),
        Case((W3, B3, X3, Y3), (
            {"w": np.array([[0.26076537561984975], [-0.6965956478852], [0.09732138879112011]]),
             "b": -0.1970520743864215},
            {"dw": np.array([[-0.06024530288462604], [0.2040041663894009], [0.01445977338656294]]),
             "db": -0.11165628981847535},
            [0.5292976092554782]), label="default arguments"),
    ], hint="each iteration: grads, cost = propagate(w, b, X, Y); w = w - learning_rate * dw (not w -= ..., "
            "which changes the caller's array); b = b - learning_rate * db; keep the cost every 100 iterations")


def predict_test(target):
    check_function(target, [
        Case((np.array([[0.6], [-1.1]]), 0.0, np.array([[1.5, -0.3, 0.0, 2.0, -1.0], [0.2, 0.9, 0.0, -1.7, -0.4]])),
             np.array([[1, 0, 0, 1, 0]]), label="5 examples, one exactly on the boundary"),
        Case((np.array([[-0.3], [0.7], [1.2]]), -0.6,
              np.array([[0.5, -2.0, 1.0], [1.0, 0.5, -0.3], [-0.2, 0.4, 0.8]])),
             np.array([[0, 1, 0]]), label="3 features"),
        Case((np.array([[0.25], [-0.5]]), 0.0, np.array([[2.0, 0.0, 1.0], [1.0, 0.0, 0.2]])),
             np.array([[0, 0, 1]]), label="probabilities of exactly 0.5"),
    ], hint="A = sigmoid(np.dot(w.T, X) + b), then 1 where A > 0.5 (strictly) and 0 elsewhere, "
            "as an array of shape (1, m)")


def model_test(target):
    X_train = np.array([[0.2, 1.0, -0.5, 0.8, -1.2, 0.3], [1.1, -0.4, 0.6, 0.2, -0.9, -1.3],
                        [0.0, 0.5, -0.8, 1.4, 0.3, -0.2], [-0.7, 0.9, 0.4, -0.1, 1.5, 0.6]])
    Y_train = np.array([[1, 0, 1, 0, 0, 1]])
    X_test = np.array([[0.4, -0.9, 1.1], [0.5, -0.2, -0.8], [-0.3, 0.6, 0.9], [0.2, 1.0, -0.5]])
    Y_test = np.array([[1, 0, 0]])
    check_function(target, [
        Case((X_train, Y_train, X_test, Y_test), {
            "costs": [0.6931471805599453, 0.2987982759912622, 0.19446878168948803],
            "Y_prediction_test": np.array([[1, 0, 0]]),
            "Y_prediction_train": np.array([[1, 0, 1, 0, 0, 1]]),
            "w": np.array([[-0.01740691876842052], [0.01659131270794274], [-2.7195340456222103],
                           [-1.3905885121524708]]),
            "b": 1.0143851619130664,
            "learning_rate": 0.1,
            "num_iterations": 250},
            kwargs={"num_iterations": 250, "learning_rate": 0.1}, label="4 features, 6 + 3 examples"),
        Case((X2, Y2, X2[:, :3], Y2[:, :3]), {
            "costs": [0.6931471805599453, 0.6176147911350683],
            "Y_prediction_test": np.array([[1, 0, 1]]),
            "Y_prediction_train": np.array([[1, 0, 1, 0, 1]]),
            "w": np.array([[0.5411250730986651], [0.23151649812484887]]),
            "b": 0.12035316939450036,
            "learning_rate": 0.5,
            "num_iterations": 120},
            kwargs={"num_iterations": 120, "learning_rate": 0.5}, label="2 features, 5 + 3 examples"),
    ], hint="initialize_with_zeros(X_train.shape[0]); optimize(..., num_iterations, learning_rate, print_cost); "
            "then predict on X_train and on X_test with the learned params['w'] and params['b']")


GRADED = {
    "sigmoid": Graded(sigmoid_test, 10, vectorized=True),
    "initialize_with_zeros": Graded(initialize_with_zeros_test, 10),
    "propagate": Graded(propagate_test, 25, vectorized=True),
    "optimize": Graded(optimize_test, 20),
    "predict": Graded(predict_test, 15, vectorized=True),
    "model": Graded(model_test, 20),
}
