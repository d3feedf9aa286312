"""Public tests of C1_W3_A1 - Planar data classification with one hidden layer.

Expected values are frozen literals computed once from the reference solutions; the inputs differ
from the notebook's visible examples, so hard-coding a visible answer does not pass.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function

# shared inputs: a network with n_x = 3, n_h = 2 on 4 examples, and one with n_x = 2, n_h = 3 on 5 examples
X34 = np.array([[1.75, -0.29, -0.48, -2.65], [-0.01, -0.32, -0.54, 0.32], [0.42, -1.07, -0.89, -0.48]])
Y34 = np.array([[0, 1, 1, 0]])
P1 = {'W1': np.array([[0.69, 0.56, -1.31], [-1.12, 0.74, 1.57]]),
      'b1': np.array([[-0.03], [-0.68]]),
      'W2': np.array([[1.1, -0.31]]),
      'b2': np.array([[0.73]])}
X25 = np.array([[1.55, 0.63, 0.07, 0.73, -0.64], [-0.18, -0.57, -0.2, -0.49, -0.19]])
Y25 = np.array([[1, 1, 0, 0, 1]])
P2 = {'W1': np.array([[-0.38, 0.09], [0.06, 0.3], [1.4, -1.55]]),
      'b1': np.array([[1.3], [-0.24], [-1.23]]),
      'W2': np.array([[-0.17, 0.09, 1.07]]),
      'b2': np.array([[-1.06]])}
CACHE1 = {'Z1': np.array([[0.6216999999999999, 0.9924000000000002, 0.5023000000000001, -1.0504999999999998],
                          [-1.9880000000000004, -2.2719, -1.9393000000000002, 1.7711999999999999]]),
          'A1': np.array([[0.5523105578898291, 0.7583838310370201, 0.463924063354347, -0.7820006710444428],
                          [-0.9631698892955327, -0.9789578900220629, -0.9594784623662381, 0.9437407967450421]]),
          'Z2': np.array([[1.6361242793604271, 1.8676991600475616, 1.5377547930233155, -0.42276038513985026]]),
          'A2': np.array([[0.8370068773259063, 0.8661918265725964, 0.8231381011274712, 0.39585640326555965]])}
CACHE2 = {'Z1': np.array([[0.6948, 1.0093, 1.2554, 0.9785000000000001, 1.5261], [-0.20099999999999998,
                           -0.3732, -0.2958, -0.3432, -0.3354], [1.2189999999999999, 0.5354999999999999,
                           -0.822, 0.5515000000000001, -1.8315]]),
          'A1': np.array([[0.6010567555037254, 0.7654723370449638, 0.8497909609507664, 0.7524158334227576,
                           0.9097548236430285], [-0.19833617323891445, -0.35678754346674213,
                           -0.2874643514424017, -0.33033122184219993, -0.3233645388711182],
                          [0.8393589469975041, 0.48957408331241686, -0.6761569669909963, 0.5016435862171307,
                           -0.9499726124453955]]),
          'Z2': np.array([[-0.2819158307398062, -0.6983969070653646, -1.9538242096718126,
                           -0.6808818643953369, -2.260231823834289]]),
          'A2': np.array([[0.429984147347208, 0.33216774995248743, 0.12413696541506367, 0.3360645080285991,
                           0.09447053551792824]])}
# forward_propagation's expected (A2, cache) of each network; the caches are backward_propagation's inputs
FWD1, FWD2 = (CACHE1['A2'], CACHE1), (CACHE2['A2'], CACHE2)
GRADS1 = {'dW1': np.array([[0.19072120699650708, 0.03754706110558265, 0.0975833876156923],
                           [3.482989328352689e-05, -0.0017525309092871228, -0.0017902369446088629]]),
          'db1': np.array([[0.1484491640932678], [-0.006524877155837161]]),
          'dW2': np.array([[-0.007700170895715411, -0.03297655851288561]]),
          'db2': np.array([[0.2305483020728834]])}
GRADS2 = {'dW1': np.array([[0.018013347981363313, -0.005931578304306536], [-0.00846858031804352,
                            0.0074763923476188696], [-0.07192730461311139, 0.04276085881946318]]),
          'db1': np.array([[0.020956511242971553], [-0.027503688576000596], [-0.09536884237267879]]),
          'dW2': np.array([[-0.2638556124841539, 0.09948951135029849, 0.0278950909047097]]),
          'db2': np.array([[-0.3366352187477427]])}

# expected values (and the nn_model inputs)
INIT1 = {'W1': np.array([[-0.004167578474054706, -0.0005626682722632948, -0.02136196095668454],
                         [0.016402708084049887, -0.017934355851948632, -0.00841747365656204],
                         [0.005028814171580428, -0.012452880866072316, -0.010579522188623389],
                         [-0.009090076149268494, 0.005514540445464244, 0.022922080128149575],
                         [0.0004153939299840346, -0.011179254451135169, 0.005390583205807888]]),
         'b1': np.zeros((5, 1)),
         'W2': np.array([[-0.00596159699806467, -0.00019130496521151477, 0.01175001219500291,
                          -0.007478709492938625, 9.025250973325124e-05], [-0.00878107893240342,
                          -0.0015643417038462366, 0.0025657045200129566, -0.009887790487696217,
                          -0.0033882196602919635]]),
         'b2': np.zeros((2, 1))}
INIT2 = {'W1': np.array([[-0.004167578474054706, -0.0005626682722632948, -0.02136196095668454,
                          0.016402708084049887], [-0.017934355851948632, -0.00841747365656204,
                          0.005028814171580428, -0.012452880866072316]]),
         'b1': np.zeros((2, 1)),
         'W2': np.array([[-0.010579522188623389, -0.009090076149268494]]),
         'b2': np.zeros((1, 1))}
UPD1 = {'W1': np.array([[0.5946393965017465, 0.5412264694472088, -1.3587916938078461],
                        [-1.120017414946642, 0.7408762654546436, 1.5708951184723046]]),
        'b1': np.array([[-0.1042245820466339], [-0.6767375614220814]]),
        'W2': np.array([[1.103850085447858, -0.2935117207435572]]),
        'b2': np.array([[0.6147258489635583]])}
UPD2 = {'W1': np.array([[-0.401616017577636, 0.09711789396516785], [0.07016229638165222,
                         0.29102832918285737], [1.4863127655357335, -1.6013130305833558]]),
        'b1': np.array([[1.2748521865084341], [-0.20699557370879929], [-1.1155573891527855]]),
        'W2': np.array([[0.14662673498098464, -0.029387413620358183, 1.0365258909143484]]),
        'b2': np.array([[-0.6560377375027089]])}
X28 = np.array([[0.22, 0.12, -1.68, -1.19, 0.6, 0.7, 1.09, 0.53], [0.4, 0.12, 1.21, -0.84, -0.14, 0.39,
                 -1.58, 1.31]])
NN1 = ({'W1': np.array([[-0.015164599827211411, -0.7821345786155885], [-0.823551782793397,
                         3.0014576395271253], [-0.060343892781226954, 0.8820074003635229]]),
        'b1': np.array([[0.8430446809436076], [1.1184007141320442], [-0.9964255232546428]]),
        'W2': np.array([[1.5166732594788002, -3.2717451370825565, -1.6728198777796408]]),
        'b2': np.array([[0.5161110179737866]])},
       [0.6930804529239647, 0.34228431830720357, 0.31966967383556344])
NN2 = ({'W1': np.array([[-0.051679034005080525, -0.010686004695705159], [-0.06927672477709987,
                         0.00476261656933407]]),
        'b1': np.array([[-0.00747750743230281], [-0.004545201620157661]]),
        'W2': np.array([[-0.0562476669018772, -0.06546393404205153]]),
        'b2': np.array([[0.40197085167017776]])},
       [0.6931251642596246, 0.672818554187846])
Y28 = np.array([[1, 0, 0, 1, 1, 0, 1, 0]])


def layer_sizes_test(target):
    check_function(target, [
        Case((np.ones((5, 3)), np.ones((2, 3))), (5, 4, 2), label="X (5, 3), Y (2, 3)"),
        Case((np.ones((3, 7)), np.ones((1, 7))), (3, 4, 1), label="X (3, 7), Y (1, 7)"),
    ], hint="n_x = X.shape[0] and n_y = Y.shape[0] (rows = features; columns = examples); n_h = 4")


def initialize_parameters_test(target):
    check_function(target, [
        Case((3, 5, 2), INIT1, label="n_x = 3, n_h = 5, n_y = 2"),
        Case((4, 2, 1), INIT2, label="n_x = 4, n_h = 2, n_y = 1"),
    ], hint="after np.random.seed(2): W1 = np.random.randn(n_h, n_x) * 0.01 first, then "
            "W2 = np.random.randn(n_y, n_h) * 0.01; b1 = np.zeros((n_h, 1)), b2 = np.zeros((n_y, 1))")


def forward_propagation_test(target):
    check_function(target, [
        Case((X34, P1), FWD1, label="n_x = 3, n_h = 2, m = 4"),
        Case((X25, P2), FWD2, label="n_x = 2, n_h = 3, m = 5"),
    ], hint="Z1 = np.dot(W1, X) + b1; A1 = np.tanh(Z1); Z2 = np.dot(W2, A1) + b2; A2 = sigmoid(Z2) "
            "(tanh in the hidden layer, sigmoid at the output)")


def compute_cost_test(target):
    check_function(target, [
        Case((np.array([[0.9, 0.2, 0.65, 0.4, 0.05]]), np.array([[1, 0, 0, 1, 0]])), 0.4691820435464839,
             label="m = 5"),
        Case((np.array([[0.35, 0.7, 0.5]]), np.array([[0, 1, 1]])), 0.4935350135303773, label="m = 3"),
    ], hint="cost = -(1/m) * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)), both terms, "
            "returned as a float (not a (1, 1) array)")


def backward_propagation_test(target):
    check_function(target, [
        Case((P1, CACHE1, X34, Y34), GRADS1, label="n_x = 3, n_h = 2, m = 4"),
        Case((P2, CACHE2, X25, Y25), GRADS2, label="n_x = 2, n_h = 3, m = 5"),
    ], hint="dZ2 = A2 - Y; dW2 = np.dot(dZ2, A1.T) / m; db2 = np.sum(dZ2, axis=1, keepdims=True) / m; "
            "dZ1 = np.dot(W2.T, dZ2) * (1 - A1 ** 2); dW1 = np.dot(dZ1, X.T) / m; "
            "db1 = np.sum(dZ1, axis=1, keepdims=True) / m")


def update_parameters_test(target):
    check_function(target, [
        Case((P1, GRADS1), UPD1, kwargs={"learning_rate": 0.5},
             label="learning rate 0.5"),
        Case((P2, GRADS2), UPD2, label="default learning rate"),
    ], hint="W1 = W1 - learning_rate * dW1 (a new array, not W1 -= ...), the same for b1, W2, b2; "
            "the default learning_rate is 1.2")


def nn_model_test(target):
    check_function(target, [
        Case((X28, Y28, 3), NN1, kwargs={"num_iterations": 250},
             label="n_h = 3, 250 iterations"),
        Case((X25, Y25, 2), NN2, kwargs={"num_iterations": 101, "learning_rate": 0.5},
             label="n_h = 2, 101 iterations, learning rate 0.5"),
    ], hint="parameters = initialize_parameters(n_x, n_h, n_y) with the n_h argument; each iteration: "
            "forward_propagation, compute_cost, backward_propagation, update_parameters(..., learning_rate)")


def predict_test(target):
    P0 = {"W1": P1["W1"], "b1": P1["b1"], "W2": np.zeros((1, 2)), "b2": np.zeros((1, 1))}
    P3 = {"W1": P2["W1"], "b1": P2["b1"], "W2": P2["W2"], "b2": np.zeros((1, 1))}
    check_function(target, [
        Case((P1, X34), np.array([[1, 1, 1, 0]]), label="n_h = 2, m = 4"),
        Case((P0, X34), np.array([[0, 0, 0, 0]]), label="every probability exactly 0.5"),
        Case((P3, X25), np.array([[1, 1, 0, 1, 0]]), label="n_h = 3, m = 5"),
    ], hint="A2, cache = forward_propagation(X, parameters); predictions = (A2 > 0.5).astype(int), "
            "shape (1, m)")


GRADED = {
    "layer_sizes": Graded(layer_sizes_test, 5),
    "initialize_parameters": Graded(initialize_parameters_test, 10),
    "forward_propagation": Graded(forward_propagation_test, 15, vectorized=True),
    "compute_cost": Graded(compute_cost_test, 10, vectorized=True),
    "backward_propagation": Graded(backward_propagation_test, 20, vectorized=True),
    "update_parameters": Graded(update_parameters_test, 10),
    "nn_model": Graded(nn_model_test, 20),
    "predict": Graded(predict_test, 10, vectorized=True),
}
