"""Public tests of C1_W4_A2 - Deep neural network application.

The two training loops run on small synthetic problems (fixed seeds of the legacy
``np.random.RandomState`` stream, different from the notebook's example and from the image data) so
they finish in well under a second; the expected parameters and costs are frozen literals computed
once from the reference solutions.
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function
from utils.grading.inputs import randn


def _problem(seed, n_x, m):
    """Features (n_x, m) and labels (1, m): label 1 when a fixed mix of the first two features is positive."""
    X = randn(seed, n_x, m)
    Y = (X[0:1] - 0.5 * X[1:2] > 0.2).astype(int)
    return X, Y


X6, Y6 = _problem(201, 6, 20)
X4, Y4 = _problem(202, 4, 15)


def two_layer_model_test(target):
    check_function(target, [
        Case((X6, Y6, (6, 4, 1)), (
            {
                'W1': np.array([
                    [2.182258504113263, -0.3246140940606691, 0.6186302172522609, 0.16727475461587646, -0.31243057273300784, 1.1861803780890514],
                    [-0.4090648099200007, 0.18291716545295247, -0.03991078233526584, -0.09669762165706748, 0.03957795141506012, -0.2764190940324447],
                    [-1.2420396925962462, 0.36179246868382237, -0.32376502679531277, -0.17318976866378935, 0.1131306317246252, -0.6318938779104505],
                    [-0.5626943573663679, 0.12579861319236402, -0.23351600529124528, -0.01909149060478784, 0.028901800111996463, -0.2495780500057642],
                ]),
                'b1': np.array([
                    [0.27601181372049155],
                    [0.47894055827785553],
                    [1.3609861364527713],
                    [0.6061059054413264],
                ]),
                'W2': np.array([[2.617560431825706, -0.718936091264421, -2.01631903146834, -0.9038103478028139]]),
                'b2': np.array([[-1.434476626689371]]),
            },
            [0.6931475282853182, 0.026826353950387176, 0.0066657129235760445],
        ), kwargs={"learning_rate": 0.5, "num_iterations": 201},
             rtol=1e-6, label="layers (6, 4, 1), 201 iterations"),
        Case((X4, Y4, (4, 3, 1)), (
            {
                'W1': np.array([
                    [1.2695880097126833, -0.7374605032674312, 0.6253924553481535, 0.48446773900997686],
                    [1.8362487302173476, -1.0908179405264011, 0.9381189490005983, 0.7177374996104164],
                    [0.9525228872901161, -0.5448269847623456, 0.4752413975143854, 0.3679159443255969],
                ]),
                'b1': np.array([[-0.03347843208461536], [-0.05453328807212052], [-0.02583331566371304]]),
                'W2': np.array([[1.6648505899572947, 2.4369800131387427, 1.2489287399165439]]),
                'b2': np.array([[-3.781821966939069]]),
            },
            [0.6931776596929858, 0.016065688970847414],
        ), kwargs={"learning_rate": 1.1, "num_iterations": 101},
             rtol=1e-6, label="layers (4, 3, 1), 101 iterations"),
    ], hint="initialize_parameters(n_x, n_h, n_y, rng=1); each iteration: forward LINEAR->RELU then "
            "LINEAR->SIGMOID, cost, dA2 = compute_cost_gradient(A2, Y), backward through the sigmoid layer then "
            "the ReLU layer, update_parameters, and read W1, b1, W2, b2 back from the updated dict; "
            "record the cost (before the update) when i % 100 == 0")


def L_layer_model_test(target):
    check_function(target, [
        Case((X6, Y6, [6, 5, 3, 1]), (
            {
                'W1': np.array([
                    [0.6429505800948904, -0.25484912901857687, -0.20307489660484024, -0.44928405143944633, 0.35472547582082997, -0.9471961712998177],
                    [0.560218930321882, -0.07572799114646908, 0.15575110967852562, -0.1853377103999901, 0.47364319500303104, -1.0197559683134525],
                    [-0.2249758214153666, -0.020825844014505206, 0.4208910878319902, -0.3882201305617922, 0.03537129011570421, -0.5112092556353887],
                    [1.5495703177443512, -0.2000741359812483, 0.5830375166406219, 0.38130204010470814, -0.10262184926006623, 0.6954614235849895],
                    [0.9305905122961113, -0.20610669866051418, 0.03185638612520357, -0.47003778099250526, -0.25132953652568496, 0.48629792981782133],
                ]),
                'b1': np.array([
                    [-0.012800904866102617],
                    [-0.12982420013148405],
                    [-0.00224849962207699],
                    [0.08998103833401508],
                    [0.03672897580637268],
                ]),
                'W2': np.array([
                    [-0.3093200916452792, -0.17743357127255074, -0.3073129739499004, -0.3779874538714908, -0.30019039563696903],
                    [0.04139543240424971, -0.45722301503713286, -0.0056882011260791475, 1.0443727323944068, 0.5201617167267076],
                    [-0.06608456365236078, -0.4008009103945841, -0.4130173660995608, 1.6547625388613938, 0.9227451670202249],
                ]),
                'b2': np.array([[0.0], [-0.11210619247778128], [-0.1565430306918966]]),
                'W3': np.array([[-0.3677696080194359, 0.8255835777353462, 2.131821783700552]]),
                'b3': np.array([[-3.4004641427107045]]),
            },
            [0.7577878616325738, 0.055908974708501036, 0.022741069797351108],
        ), kwargs={"learning_rate": 0.3, "num_iterations": 201},
             rtol=1e-6, label="layers [6, 5, 3, 1], 201 iterations"),
        Case((X4, Y4, [4, 1]), (
            {
                'W1': np.array([[4.035098318730463, -2.1555743909372445, 1.7044977778052879, 1.3042570735064636]]),
                'b1': np.array([[-1.6804576605598474]]),
            },
            [0.5427906964869201, 0.05394285799465338],
        ), kwargs={"learning_rate": 0.8, "num_iterations": 101},
             rtol=1e-6, label="layers [4, 1] (logistic regression), 101 iterations"),
    ], hint="initialize_parameters_deep(layers_dims, rng=1, scale=\"xavier\"); each iteration: L_model_forward, "
            "compute_cost, L_model_backward, update_parameters; record the cost (before the update) when "
            "i % 100 == 0")


GRADED = {
    "two_layer_model": Graded(two_layer_model_test, 50),
    "L_layer_model": Graded(L_layer_model_test, 50),
}
