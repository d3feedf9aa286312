"""Public tests of C5_W1_A2 - Character-level language model (dinosaur names).

Inputs use small vocabularies (4 or 5 symbols, sometimes with the newline at an index other than 0) and
parameters drawn from fixed seeds of the legacy ``np.random.RandomState`` stream, all different from the
notebook's visible examples; every expected value is a frozen literal computed once from the reference
solutions.
"""

import numpy as np

from utils.char_rnn import vocabulary_maps
from utils.grading.check import Case, Graded, check_function
from utils.grading.inputs import randn


def _parameters(seed, n_a, vocab_size, scale):
    """RNN parameters Wax, Waa, Wya (scaled) and ba, by from one seed: big enough to give varied outputs."""
    rs = np.random.RandomState(seed)
    return {"Wax": rs.randn(n_a, vocab_size) * scale, "Waa": rs.randn(n_a, n_a) * scale,
            "Wya": rs.randn(vocab_size, n_a) * scale, "ba": rs.randn(n_a, 1), "by": rs.randn(vocab_size, 1)}


G1 = {"dWax": randn(41, 3, 4) * 4, "dWaa": randn(42, 3, 3) * 4, "dWya": randn(43, 4, 3) * 4,
      "dba": randn(44, 3, 1) * 4, "dby": randn(45, 4, 1) * 4}
G2 = {"dWax": randn(46, 2, 3), "da0": randn(47, 2, 1) * 0.3, "dby": np.array([[0.05], [-0.2], [0.1]])}

C2I_5, _ = vocabulary_maps("\nabcd")
C2I_SHIFTED, _ = vocabulary_maps("ab\ncd")
P_SAMPLE = _parameters(51, 3, 5, 1.0)
P_LONG = {**_parameters(52, 3, 5, 1.0), "by": np.array([[-30.0], [0.5], [0.0], [0.2], [-0.4]])}
P_LONG_SHIFTED = {**P_LONG, "by": P_LONG["by"][[1, 2, 0, 3, 4]]}

P_OPT = _parameters(61, 3, 4, 1.5)
A_PREV_OPT = randn(62, 3, 1)
X_OPT, Y_OPT = [None, 1, 3, 2], [1, 3, 2, 0]
P_OPT2 = _parameters(63, 2, 4, 0.8)
X_OPT2, Y_OPT2 = [None, 3, 3], [3, 3, 0]

NAMES_MODEL = ["abc", "cab", "ba", "acca", "bcb"]
C2I_4, I2C_4 = vocabulary_maps("\nabc")


def clip_test(target):
    check_function(target, [
        Case((G1, 2.5), {
            "dWax": np.array([[-1.082849292269282, 0.41939221043896024, 1.0021112628942879, -2.5], [2.268574641143624, -2.5, -0.6147038058317498, 2.5], [-2.5, -2.5, -2.2786157677202588, -2.5]]),
            "dWaa": np.array([[1.9868566120449307, -0.5530572046847386, 2.5], [2.5, -0.9366134988933439, -0.9365478277967222], [2.5, 2.5, -1.8778975437398084]]),
            "dWya": np.array([[1.0295997013787734, -2.5, -1.514012424235293], [-2.139662395102283, 2.5, -1.6520399292589079], [1.9927543379491315, 2.5, 2.5], [-1.7568594274705363, -1.3857515719546025, 1.8212786382289867]]),
            "dba": np.array([[-2.5], [2.5], [2.5]]),
            "dby": np.array([[0.10549909139824738], [1.041286805690603], [-1.580582166071172], [-0.8172036201530474]]),
        }, label="five gradients, maxValue 2.5"),
        Case((G2, 0.1), {
            "dWax": np.array([[0.1, 0.1, 0.1], [-0.1, 0.1, -0.1]]),
            "da0": np.array([[-0.1], [0.1]]),
            "dby": np.array([[0.05], [-0.1], [0.1]]),
        }, label="other keys (da0), maxValue 0.1"),
        Case((G2, 10), G2, label="nothing to clip, maxValue 10: G2 unchanged"),
    ], hint="clip every array of the dict to [-maxValue, maxValue] (np.clip) into a new dict; keep every key, "
            "including da0, and do not change the arrays you were given")


def sample_test(target):
    check_function(target, [
        Case((P_SAMPLE, C2I_5, 4), [3, 2, 3, 2, 1, 1, 3, 0], label="5 symbols, seed 4"),
        Case((P_SAMPLE, C2I_5, 21), [0], label="5 symbols, seed 21: a newline at once"),
        Case((P_LONG, C2I_5, 0), [
            1, 1, 1, 1, 1, 1, 1, 3, 4, 1, 3, 1, 1, 3, 1, 1, 1, 3, 3, 3, 4, 1, 3, 1, 1, 1, 1, 4, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0
        ], label="newline very unlikely: 50 characters, then a newline"),
        Case((P_LONG_SHIFTED, C2I_SHIFTED, 0), [
            0, 1, 0, 1, 0, 1, 0, 3, 4, 1, 3, 1, 0, 3, 0, 0, 0, 1, 3, 1, 4, 1, 0, 1, 0, 1, 0, 4, 0, 1, 0,
            1, 0, 1, 0, 1, 3, 1, 3, 1, 0, 1, 0, 0, 3, 1, 0, 0, 0, 1, 2
        ], label="the same with the newline at index 2"),
        Case((P_SAMPLE, C2I_SHIFTED, 9), [0, 2], label="newline at index 2, seed 9"),
    ], hint="start from x = 0 and a_prev = 0 and call np.random.seed(seed) once; at each step call "
            "rnn_cell_forward, draw with np.random.choice(vocab_size, p=y.ravel()), one-hot "
            "the index as the next x; stop at the newline (char_to_ix['\\n']) or after 50 characters, and append "
            "a newline in the second case")


def optimize_test(target):
    check_function(target, [
        Case((X_OPT, Y_OPT, A_PREV_OPT, P_OPT), (10.133107997846412, {
            "dWax": np.array([[0.0, 0.0009194408788583045, 0.574745696398943, -0.00033555280191756656], [0.0, -0.5428250539337433, -0.0009031210684946421, 1.0463168320815457], [0.0, -0.9709086866197723, -0.03309949469911673, 0.11097317622998193]]),
            "dWaa": np.array([[0.5801166441367663, 0.5385721901130222, 0.6820615880303034], [0.576971282048709, -1.3732697645425611, 0.7248879944371629], [-0.7554615138054118, -0.7902102456088276, 0.9512902979008098]]),
            "dWya": np.array([[-0.9099871168216117, 0.9924093476804787, -0.9601291719158344], [0.5366697480673209, -0.24122798996315414, 1.6585593443392312], [-0.24156519816940047, -0.09332708942684242, -1.4877686976907383], [0.6148825669236914, -0.6578542682904821, 0.7893385252673419]]),
            "dba": np.array([[0.1481676663613104], [0.42083983950454595], [-1.2346836034049975]]),
            "dby": np.array([[-0.9845523824033445], [0.45253550302951095], [-0.14775919015941114], [0.6797760695332447]]),
            "da0": np.array([[-1.4796599887494055], [-0.03555501809715765], [0.38878941885532275]]),
        }, np.array([[0.9246545960151352], [-0.9997235179684559], [0.9689116738513665]]), {
            "Wax": np.array([[-0.6472433273397166, 0.6590541255629765, -0.007640185220619163, 1.591687620511992], [0.30504717450522445, 1.0037873676883373, -1.5654138049666833, -1.9363298007215863], [-0.06230083980856305, -1.7122569069644409, -0.18843343898348847, 1.5291130995969617]]),
            "Waa": np.array([[1.5386298888522676, -0.10637838158438462, -0.9064429492770731], [0.3544992687379641, -3.2938166719913173, -0.8550902325283446], [2.3212953927069497, 1.0296639012208304, 0.18017033014791167]]),
            "Wya": np.array([[-2.0613135905790125, -1.1200247089642064, -0.6325997867285511], [0.1680446942480744, 0.7551664055167868, -0.15116200290265164], [1.311792988817247, -0.9270241251224132, -2.9291241683883444], [2.16993783792936, -3.2832665459557218, -1.2680256037074351]]),
            "ba": np.array([[1.008675358258923], [-0.6197040016396739], [-0.7767022681792987]]),
            "by": np.array([[-0.3376135872060416], [1.7201527475352392], [0.46009899304036295], [-1.0657309142308165]]),
        }), label="4 symbols, n_a = 3, default step"),
        Case((X_OPT2, Y_OPT2, np.zeros((2, 1)), P_OPT2), (4.206622371635892, {
            "dWax": np.array([[0.0, 0.0, 0.0, -0.06566450067322727], [0.0, 0.0, 0.0, -0.43441634549195685]]),
            "dWaa": np.array([[0.29282969584182805, 0.35254672920238717], [0.09721917543117406, 0.26701283128384945]]),
            "dWya": np.array([[-0.24341102215998697, 0.26466684193360557], [0.045753606640955444, -0.04341122928373623], [0.13499803134160454, -0.5], [0.062659384177427, 0.3724051569705185]]),
            "dba": np.array([[-0.23049479148319732], [-0.5]]),
            "dby": np.array([[-0.3366770108200747], [0.1775672923317541], [0.5], [-0.5]]),
            "da0": np.array([[0.20685643663380499], [0.034316557122278935]]),
        }, np.array([[0.4929348909798792], [-0.3534352646384412]]), {
            "Wax": np.array([[-1.7111829228144757, 0.8896489896796376, 0.0286412420882062, -0.49755974337724906], [2.8324092836898483e-05, -0.9671659358006255, 0.23330245982899195, -1.2770824832086143]]),
            "Waa": np.array([[-1.2349862426901017, 0.17697079417129497], [-0.09084418454205605, -0.7190139982878015]]),
            "Wya": np.array([[0.5992825946943752, 0.8366165371112941], [-0.11801997077023202, 0.894450065364553], [-0.059574679193428695, 0.05646706583034301], [0.16229783491721364, 0.7733879612078607]]),
            "ba": np.array([[0.7235946550308783], [0.37641112928514797]]),
            "by": np.array([[0.5763136577349852], [-0.5675390306616629], [1.1397322709112556], [0.8808483109482601]]),
        }),
             kwargs={"learning_rate": 0.1, "maxValue": 0.5}, label="n_a = 2, learning_rate 0.1, maxValue 0.5"),
    ], hint="forward with char_rnn_forward, backward with char_rnn_backward, clip with maxValue, then "
            "update_char_rnn(parameters, gradients, learning_rate); return the loss, the clipped gradients, "
            "the last hidden state a[:, :, len(X) - 1] and the new parameters")


def model_test(target):
    check_function(target, [
        Case((NAMES_MODEL, I2C_4, C2I_4), ({
            "Wax": np.array([[0.01624345363663242, -0.007725699479645479, -0.00337751402936402, -0.008076423664150047], [0.008654076293246785, -0.020694267893014453, 0.01828004720779968, -0.007432271015295041], [0.0031903909605709856, -0.00025126328271870895, 0.013030686407118509, -0.021049385229465548]]),
            "Waa": np.array([[-0.0032491669198517485, -0.0037784521869279465, 0.011334671878383499], [-0.011029614897690408, -0.0017011636560602813, -0.008756994893457697], [0.0004100842111621792, 0.00590348392426443, -0.010998549887562825]]),
            "Wya": np.array([[0.009854051913490224, 0.007459072908892395, 0.006545156492489471], [0.009062083004244943, -0.0024722393932740208, -0.004103008806995692], [-0.007978041314413098, -0.008246931127480706, 0.004670887402356416], [-0.006756598872125588, -0.001207689838772978, -0.004885166287832129]]),
            "ba": np.array([[0.0015364220068142087], [0.001160176124077539], [-0.0004112548391282043]]),
            "by": np.array([[-0.011179088857187082], [0.081973468004977], [-0.10514436283337236], [0.034349983685582466]]),
        }, np.array([5.543791626144331, 5.543796992930589, 5.543801193287822, 5.545253015215214, 5.5454631535179235, 5.54409675756706, 5.544100237270523, 5.544102803978663, 5.545553217051236])),
             kwargs={"num_iterations": 9, "n_a": 3, "dino_names": 2, "print_every": 100, "learning_rate": 0.1},
             label="5 names over 4 symbols, 9 iterations"),
    ], hint="initialize with initialize_char_rnn(n_a, vocab_size, vocab_size, rng=1), start the smoothed loss at "
            "initial_loss(vocab_size, mean name length + 1), shuffle a copy of the names after np.random.seed(0), "
            "take name j % len(names) at iteration j with a zero a_prev, call optimize, smooth the loss and record "
            "it at every iteration")


GRADED = {
    "clip": Graded(clip_test, 15),
    "sample": Graded(sample_test, 30),
    "optimize": Graded(optimize_test, 25),
    "model": Graded(model_test, 30),
}
