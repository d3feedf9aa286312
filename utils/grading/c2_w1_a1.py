"""Public tests of C2_W1_A1 - Initialization.

The layer sizes differ from the notebook's visible examples; every expected value is a frozen literal
computed once from the reference solutions (the random ones follow np.random.seed(3) and the legacy
RandomState stream, stable across numpy versions).
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function


def initialize_parameters_zeros_test(target):
    check_function(target, [
        Case(([2, 4, 1],), {
            'W1': np.zeros((4, 2)),
            'b1': np.zeros((4, 1)),
            'W2': np.zeros((1, 4)),
            'b2': np.zeros((1, 1)),
        }, label="layers_dims [2, 4, 1]"),
        Case(([4, 3, 2, 1],), {
            'W1': np.zeros((3, 4)),
            'b1': np.zeros((3, 1)),
            'W2': np.zeros((2, 3)),
            'b2': np.zeros((2, 1)),
            'W3': np.zeros((1, 2)),
            'b3': np.zeros((1, 1)),
        }, label="layers_dims [4, 3, 2, 1]"),
    ], hint='for l = 1 .. L: W{l} = np.zeros((layers_dims[l], layers_dims[l - 1])) and b{l} = np.zeros((layers_dims[l], 1)); "L" is len(layers_dims) - 1 layers, so the loop must reach the output layer')


def initialize_parameters_random_test(target):
    check_function(target, [
        Case(([2, 4, 1],), {
            'W1': np.array([
                [17.886284734303185, 4.365098505119894],
                [0.9649746807200863, -18.634927033644907],
                [-2.7738820251439904, -3.5475897926898674],
                [-0.8274148148245977, -6.270006768238473],
            ]),
            'b1': np.zeros((4, 1)),
            'W2': np.array([[-0.4381816897592824, -4.772180303595027, -13.138647533626822, 8.846223804995846]]),
            'b2': np.zeros((1, 1)),
        }, label="layers_dims [2, 4, 1]"),
        Case(([4, 3, 2, 1],), {
            'W1': np.array([
                [17.886284734303185, 4.365098505119894, 0.9649746807200863, -18.634927033644907],
                [-2.7738820251439904, -3.5475897926898674, -0.8274148148245977, -6.270006768238473],
                [-0.4381816897592824, -4.772180303595027, -13.138647533626822, 8.846223804995846],
            ]),
            'b1': np.zeros((3, 1)),
            'W2': np.array([
                [8.813180422075298, 17.095730636529485, 0.5003364217686022],
                [-4.046774146008908, -5.453599476195304, -15.464773155829683],
            ]),
            'b2': np.zeros((2, 1)),
            'W3': np.array([[9.8236743425816, -11.010676301114756]]),
            'b3': np.zeros((1, 1)),
        }, label="layers_dims [4, 3, 2, 1]"),
    ], hint='keep np.random.seed(3) first; for l = 1 .. L, in order: W{l} = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10, then b{l} = np.zeros((layers_dims[l], 1)) (no random draw for the biases)')


def initialize_parameters_he_test(target):
    check_function(target, [
        Case(([2, 4, 1],), {
            'W1': np.array([
                [1.7886284734303186, 0.43650985051198943],
                [0.09649746807200862, -1.8634927033644908],
                [-0.27738820251439905, -0.35475897926898675],
                [-0.08274148148245977, -0.6270006768238473],
            ]),
            'b1': np.zeros((4, 1)),
            'W2': np.array([[-0.030984124422056857, -0.33744410537169206, -0.9290426766647434, 0.6255224840406426]]),
            'b2': np.zeros((1, 1)),
        }, label="layers_dims [2, 4, 1]"),
        Case(([4, 3, 2, 1],), {
            'W1': np.array([
                [1.2647513225859208, 0.3086590753517539, 0.06823401404104966, -1.317688327240683],
                [-0.1961430790190789, -0.25085247992791837, -0.05850706264166846, -0.44335643039069744],
                [-0.030984124422056857, -0.33744410537169206, -0.9290426766647434, 0.6255224840406426],
            ]),
            'b1': np.zeros((3, 1)),
            'W2': np.array([
                [0.7195931681723655, 1.3958605613187702, 0.04085229776876763],
                [-0.33041772540029923, -0.4452845326062704, -1.2626934406557815],
            ]),
            'b2': np.zeros((2, 1)),
            'W3': np.array([[0.9823674342581601, -1.1010676301114757]]),
            'b3': np.zeros((1, 1)),
        }, label="layers_dims [4, 3, 2, 1]"),
    ], hint='keep np.random.seed(3) first; W{l} = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1]): the factor uses the size of the PREVIOUS layer, and the 2 is for ReLU; biases are zeros of shape (layers_dims[l], 1)')


GRADED = {
    "initialize_parameters_zeros": Graded(initialize_parameters_zeros_test, 20),
    "initialize_parameters_random": Graded(initialize_parameters_random_test, 40),
    "initialize_parameters_he": Graded(initialize_parameters_he_test, 40),
}
