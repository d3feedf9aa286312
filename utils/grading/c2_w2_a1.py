"""Public tests of C2_W2_A1 - Optimization methods.

Inputs are drawn from fixed seeds of the legacy ``np.random.RandomState`` stream and differ from the
notebook's visible examples; every expected value is a frozen literal computed once from the reference
solutions (which agree with ``utils.optimizers``).
"""

import numpy as np

from utils.grading.check import Case, Graded, check_function
from utils.grading.inputs import randn

# a 2-layer network (W1 (3, 2), b1 (3, 1), W2 (1, 3), b2 (1, 1)) and a 3-layer one, with gradients
P2 = {"W1": randn(201, 3, 2), "b1": randn(202, 3, 1), "W2": randn(203, 1, 3), "b2": randn(204, 1, 1)}
G2 = {"dW1": randn(205, 3, 2), "db1": randn(206, 3, 1), "dW2": randn(207, 1, 3), "db2": randn(208, 1, 1)}
P3 = {"W1": randn(211, 2, 3), "b1": randn(212, 2, 1), "W2": randn(213, 2, 2), "b2": randn(214, 2, 1),
      "W3": randn(215, 1, 2), "b3": randn(216, 1, 1)}
G3 = {"dW1": randn(217, 2, 3), "db1": randn(218, 2, 1), "dW2": randn(219, 2, 2), "db2": randn(220, 2, 1),
      "dW3": randn(221, 1, 2), "db3": randn(222, 1, 1)}
# non-zero optimizer states (a velocity and a squared-gradient average part-way through training)
V2 = {k: 0.1 * randn(230 + i, *v.shape) for i, (k, v) in enumerate(G2.items())}
S2 = {k: 0.01 * np.abs(randn(240 + i, *v.shape)) for i, (k, v) in enumerate(G2.items())}
ZEROS2 = {"d" + k: np.zeros(v.shape) for k, v in P2.items()}
ZEROS3 = {"d" + k: np.zeros(v.shape) for k, v in P3.items()}
# mini-batch data: 7 and 10 examples
XB = np.array([[-0.7, -0.88, 1.27, -1.53, 1.36, 0.9, -1.8], [0.87, 0.63, 1.26, -1.04, 0.01, 0.96, -1.11]])
YB = np.array([[1, 0, 0, 1, 1, 0, 1]])
XC = np.array([[-0.79, 0.27, -0.34, -0.19, 0.79, -0.3, -2.21, 0.58, -0.09, -1.36], [-2.61, 0.19, -0.25, 0.53, 0.65, -0.51, 0.09, 0.84, -0.45, 2.34], [1.06, -0.83, -2.6, 0.44, 0.59, 0.83, 0.5, 0.53, -0.87, -0.06]])
YC = np.array([[0, 1, 1, 0, 1, 1, 0, 0, 1, 0]])


def update_parameters_with_gd_test(target):
    check_function(target, [
        Case((P2, G2, 0.1), {
            'W1': np.array([[0.30963599134515557, -0.5473977984919813], [1.2298983099957665, 0.3655801150392116], [-0.8085097122339157, 0.5665007661061253]]),
            'b1': np.array([[-0.679651348062054], [-0.5897149722789741], [-0.9332956921155177]]),
            'W2': np.array([[-0.12062000750428187, 0.38643766326209367, 2.3371011063552536]]),
            'b2': np.array([[-0.18949930050789404]]),
        }, label="2 layers, learning_rate 0.1"),
        Case((P3, G3, 0.02), {
            'W1': np.array([[0.6963825524956215, 1.0239988616963904, -0.11066391760217902], [1.8375115518452994, -0.5422692336643774, 0.9228928619124357]]),
            'b1': np.array([[0.24753776060631114], [-0.1402099565672122]]),
            'W2': np.array([[0.1462728597406184, 0.6097694223802471], [0.7854358117627164, 0.9251078928925464]]),
            'b2': np.array([[-0.11346440985088858], [-0.40889973853402467]]),
            'W3': np.array([[-0.04699884216688648, -1.2129146857076316]]),
            'b3': np.array([[-1.0707831157000303]]),
        }, label="3 layers, learning_rate 0.02"),
    ], hint="for l = 1 .. L: parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)], the same for b; "
            "build new arrays (no -=) so the caller's parameters stay as they were")


def random_mini_batches_test(target):
    check_function(target, [
        Case((XB, YB, 3), [
            (
                np.array([[-1.8, 1.27, -0.88], [-1.11, 1.26, 0.63]]),
                np.array([[1, 0, 0]]),
            ),
            (
                np.array([[-1.53, -0.7, 0.9], [-1.04, 0.87, 0.96]]),
                np.array([[1, 1, 0]]),
            ),
            (
                np.array([[1.36], [0.01]]),
                np.array([[1]]),
            ),
        ], kwargs={"rng": 0},
             label="m=7, mini_batch_size=3, rng=0"),
        Case((XC, YC, 4), [
            (
                np.array([[-1.36, -0.3, -0.34, 0.79], [2.34, -0.51, -0.25, 0.65], [-0.06, 0.83, -2.6, 0.59]]),
                np.array([[0, 1, 1, 1]]),
            ),
            (
                np.array([[0.58, 0.27, -0.79, -0.09], [0.84, 0.19, -2.61, -0.45], [0.53, -0.83, 1.06, -0.87]]),
                np.array([[0, 1, 0, 1]]),
            ),
            (
                np.array([[-2.21, -0.19], [0.09, 0.53], [0.5, 0.44]]),
                np.array([[0, 0]]),
            ),
        ], kwargs={"rng": 5},
             label="m=10, mini_batch_size=4, rng=5"),
        Case((XC, YC, 5), [
            (
                np.array([[0.79, 0.27, -0.3, -0.79, 0.58], [0.65, 0.19, -0.51, -2.61, 0.84], [0.59, -0.83, 0.83, 1.06, 0.53]]),
                np.array([[1, 1, 1, 0, 0]]),
            ),
            (
                np.array([[-0.34, -0.19, -2.21, -1.36, -0.09], [-0.25, 0.53, 0.09, 2.34, -0.45], [-2.6, 0.44, 0.5, -0.06, -0.87]]),
                np.array([[1, 0, 0, 0, 1]]),
            ),
        ], kwargs={"rng": 2},
             label="m=10, mini_batch_size=5 (no partial batch), rng=2"),
    ], hint="one permutation = list(random_state.permutation(m)) shuffles the columns of X and of Y alike; "
            "then slices k * mini_batch_size : (k + 1) * mini_batch_size for the complete batches and "
            "num_complete_minibatches * mini_batch_size : m for the last one, only if m % mini_batch_size != 0")


def initialize_velocity_test(target):
    check_function(target, [
        Case((P2,), ZEROS2, label="2 layers"),
        Case((P3,), ZEROS3, label="3 layers"),
    ], hint="v['dW' + str(l)] = np.zeros(parameters['W' + str(l)].shape), the same for 'db' + str(l)")


# expected: the velocity after one step from V2 with the gradients G2 and beta 0.9, the same for momentum's
# v and for Adam's first moment v (beta1 0.9)
V2_NEXT = {
    'dW1': np.array([[0.08571349690000417, 0.08090205236309012], [-0.08922517294102174, -0.029183774550386482], [0.10146919259264496, -0.12773992786608193]]),
    'db1': np.array([[-0.018607486916566662], [-0.14469916412879893], [-0.15071810469978325]]),
    'dW2': np.array([[-0.33445525753136357, -0.11293693317289284, -0.17027726429683038]]),
    'db2': np.array([[0.09012668062201352]]),
}


def update_parameters_with_momentum_test(target):
    check_function(target, [
        Case((P2, G2, V2, 0.9, 0.05), (
            {
                'W1': np.array([[0.31249778254800886, -0.4974621994678418], [1.2224070693797742, 0.43822995164282885], [-0.7327661333789761, 0.43669443519039697]]),
                'b1': np.array([[-0.7349433676097624], [-0.8529182032920531], [-0.9157465037962722]]),
                'W2': np.array([[-0.33333546818603726, 0.3971618751398659, 2.139333240369915]]),
                'b2': np.array([[-0.18320168928988395]]),
            },
            V2_NEXT,
        ),
             label="2 layers, beta 0.9, learning_rate 0.05"),
        Case((P3, G3, ZEROS3, 0.8, 0.1), (
            {
                'W1': np.array([[0.6963825524956215, 1.0239988616963904, -0.11066391760217902], [1.8375115518452994, -0.5422692336643774, 0.9228928619124357]]),
                'b1': np.array([[0.2475377606063111], [-0.1402099565672122]]),
                'W2': np.array([[0.1462728597406184, 0.6097694223802471], [0.7854358117627164, 0.9251078928925464]]),
                'b2': np.array([[-0.1134644098508886], [-0.40889973853402467]]),
                'W3': np.array([[-0.04699884216688648, -1.2129146857076316]]),
                'b3': np.array([[-1.0707831157000303]]),
            },
            {
                'dW1': np.array([[0.02799222791821671, -0.037810814429958, 0.14099165690494034], [-0.29912592153769807, 0.4315422968386735, 0.10328506906097416]]),
                'db1': np.array([[-0.18190846932112661], [-0.08587073385749898]]),
                'dW2': np.array([[-0.11427392271445021, -0.15991548746683582], [0.051855101224847634, 0.10614121375910526]]),
                'db2': np.array([[-0.264870315658472], [-0.2931739622249622]]),
                'dW3': np.array([[0.10458948224860416, 0.010490484357003713]]),
                'db3': np.array([[0.3926850033929224]]),
            },
        ),
             label="3 layers from zero velocity, beta 0.8, learning_rate 0.1"),
    ], hint="v['dW1'] = beta * v['dW1'] + (1 - beta) * grads['dW1'], then W1 - learning_rate * v['dW1'] (the "
            "velocity, not the gradient); the same for every dW, db; return new dicts, do not change the inputs")


def initialize_adam_test(target):
    check_function(target, [
        Case((P2,), (ZEROS2, ZEROS2), label="2 layers"),
        Case((P3,), (ZEROS3, ZEROS3), label="3 layers"),
    ], hint="v and s each get the keys 'dW1', 'db1', ... with np.zeros of the parameter's shape")


def update_parameters_with_adam_test(target):
    check_function(target, [
        Case((P2, G2, V2, S2, 3), (
            {
                'W1': np.array([[0.3145142905659976, -0.4946509239928237], [1.2201074513344792, 0.43742203085039494], [-0.7296029039888602, 0.43317685152562924]]),
                'b1': np.array([[-0.7355445749983779], [-0.8583400639952682], [-0.9197270481620462]]),
                'W2': np.array([[-0.3428705462289825, 0.39743423230497366, 2.1337079524798903]]),
                'b2': np.array([[-0.18098298033486193]]),
            },
            V2_NEXT,
            {
                'dW1': np.array([[0.005822558694328728, 0.017545216863414016], [0.006952742081576419, 0.008194299464579802], [0.011514505176287111, 0.008087524196612725]]),
                'db1': np.array([[0.013040411037709598], [0.025991900045502593], [0.007333508040644027]]),
                'dW2': np.array([[0.00883580868694651, 0.001485571928836322, 0.014180587900860877]]),
                'db2': np.array([[0.006334106419035285]]),
            },
            {
                'dW1': np.array([[0.3162859664206797, 0.298531558535388], [-0.32924418059417626, -0.10768920498297599], [0.3744250649175092, -0.47136504747631724]]),
                'db1': np.array([[-0.06866231334526446], [-0.5339452550878191], [-0.5561553678958794]]),
                'dW2': np.array([[-1.23415224181315, -0.41674145082248293, -0.6283293885491898]]),
                'db2': np.array([[0.33257077720300204]]),
            },
            {
                'dW1': np.array([[1.9427950455567846, 5.854257927646344], [2.3198998203792462, 2.7341664098810123], [3.8420091205465443, 2.6985390383962926]]),
                'db1': np.array([[4.351153382234307], [8.672636427382773], [2.4469488133784503]]),
                'dW2': np.array([[2.9482167963729453, 0.49568616388060016, 4.731592649071816]]),
                'db2': np.array([[2.113481583434669]]),
            },
        ),
             label="2 layers, t=3, default hyperparameters"),
        Case((P3, G3, ZEROS3, ZEROS3, 1), (
            {
                'W1': np.array([[0.6791819181832296, 1.0402176744641145, -0.11656472354125219], [1.8275989463192437, -0.5191149947114345, 0.9132214075462243]]),
                'b1': np.array([[0.249346891685142], [-0.12879707653449812]]),
                'W2': np.array([[0.1548454324656231, 0.6137778486203828], [0.7706213990229268, 0.9157220519540299]]),
                'b2': np.array([[-0.11995145651845442], [-0.41821714840028806]]),
                'W3': np.array([[-0.05653985569733582, -1.2318652559812675]]),
                'b3': np.array([[-1.0515146051744617]]),
            },
            {
                'dW1': np.array([[0.04198834187732508, -0.05671622164493702, 0.2114874853574106], [-0.4486888823065473, 0.6473134452580105, 0.1549276035914613]]),
                'db1': np.array([[-0.27286270398169005], [-0.12880610078624852]]),
                'dW2': np.array([[-0.17141088407167537, -0.23987323120025378], [0.07778265183727148, 0.15921182063865794]]),
                'db2': np.array([[-0.3973054734877082], [-0.4397609433374435]]),
                'dW3': np.array([[0.1568842233729063, 0.015735726535505576]]),
                'db3': np.array([[0.5890275050893838]]),
            },
            {
                'dW1': np.array([[0.00019589120595634804, 0.0003574144219641804, 0.00496966182920011], [0.02236907923394431, 0.04655718849019951, 0.002666951372732554]]),
                'db1': np.array([[0.008272672802688827], [0.001843445733306358]]),
                'dW2': np.array([[0.0032646323531370387, 0.006393240782938938], [0.0006722378807597995, 0.0028164893145640225]]),
                'db2': np.array([[0.01753907102925468], [0.02148774303167092]]),
                'dW3': np.array([[0.0027347399492577747, 2.7512565511134936e-05]]),
                'db3': np.array([[0.038550377972424915]]),
            },
            {
                'dW1': np.array([[0.13996113959108358, -0.18905407214979003, 0.7049582845247019], [-1.4956296076884907, 2.157711484193368, 0.5164253453048709]]),
                'db1': np.array([[-0.9095423466056334], [-0.429353669287495]]),
                'dW2': np.array([[-0.5713696135722511, -0.7995774373341792], [0.2592755061242382, 0.5307060687955264]]),
                'db2': np.array([[-1.3243515782923605], [-1.4658698111248114]]),
                'dW3': np.array([[0.5229474112430209, 0.05245242178501858]]),
                'db3': np.array([[1.9634250169646126]]),
            },
            {
                'dW1': np.array([[0.019589120595634786, 0.03574144219641801, 0.49696618292001055], [2.236907923394429, 4.655718849019947, 0.26669513727325517]]),
                'db1': np.array([[0.827267280268882], [0.18434457333063564]]),
                'dW2': np.array([[0.3264632353137036, 0.6393240782938933], [0.0672237880759799, 0.281648931456402]]),
                'db2': np.array([[1.7539071029254663], [2.14877430316709]]),
                'dW3': np.array([[0.27347399492577723, 0.0027512565511134913]]),
                'db3': np.array([[3.8550377972424883]]),
            },
        ),
             kwargs={"learning_rate": 0.02, "beta1": 0.7, "beta2": 0.99, "epsilon": 1e-6},
             label="3 layers, first step t=1, learning_rate 0.02, beta1 0.7, beta2 0.99, epsilon 1e-6"),
    ], hint="v = beta1 v + (1 - beta1) dW; v_corrected = v / (1 - beta1 ** t); s = beta2 s + (1 - beta2) dW ** 2; "
            "s_corrected = s / (1 - beta2 ** t); W - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon); "
            "t is already the number of this step (1 for the first), do not add or subtract 1")


def update_lr_test(target):
    check_function(target, [
        Case((0.5, 4, 0.25), 0.25, label="learning_rate0 0.5, epoch 4, decay_rate 0.25"),
        Case((0.03, 0, 2.0), 0.03, label="epoch 0"),
        Case((0.2, 17, 0.3), 0.03278688524590164, label="learning_rate0 0.2, epoch 17, decay_rate 0.3"),
    ], hint="learning_rate = learning_rate0 / (1 + decay_rate * epoch_num)")


def schedule_lr_decay_test(target):
    check_function(target, [
        Case((0.5, 2500, 1.0), 0.16666666666666666, label="epoch 2500, default time_interval 1000"),
        Case((0.5, 999, 1.0), 0.5, label="epoch 999: not yet decayed"),
        Case((0.3, 250, 0.5), 0.15, kwargs={"time_interval": 100},
             label="epoch 250, time_interval 100, decay_rate 0.5"),
    ], hint="learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval)): the rate only changes "
            "once every time_interval epochs")


GRADED = {
    "update_parameters_with_gd": Graded(update_parameters_with_gd_test, 10),
    "random_mini_batches": Graded(random_mini_batches_test, 15),
    "initialize_velocity": Graded(initialize_velocity_test, 5),
    "update_parameters_with_momentum": Graded(update_parameters_with_momentum_test, 15),
    "initialize_adam": Graded(initialize_adam_test, 5),
    "update_parameters_with_adam": Graded(update_parameters_with_adam_test, 25),
    "update_lr": Graded(update_lr_test, 10, vectorized=True),
    "schedule_lr_decay": Graded(schedule_lr_decay_test, 15, vectorized=True),
}
