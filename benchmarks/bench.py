"""Benchmark suite (`make bench`): how fast the course runs, measured side by side, written to
benchmarks/RESULTS.md with the machine, library versions and BLAS it ran on.

1. wall time of every source notebook, top to bottom in a fresh kernel, and the total;
2. loop vs vectorized ratios (Week 2 products, logistic-regression propagate);
3. one training iteration of the deep L-layer model on the Course 1 image data: achieved GFLOP/s
   against np.dot on the same float64 shapes (the limit for this code);
4. the same model, init, data and iterations in PyTorch on the CPU: time ratio and final costs.
5. convolution and pooling (utils.conv): loop vs vectorized, and utils.conv vs PyTorch's conv2d
   (`python -m benchmarks.bench conv` runs this section alone and rewrites its part of RESULTS.md).
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


def side_by_side(fa, fb, rounds=5, number=1):
    """Best per-call times of fa and fb, measured alternately so that machine noise hits both."""
    ta = tb = float("inf")
    for _ in range(rounds):
        ta = min(ta, best_of(fa, 1, number))
        tb = min(tb, best_of(fb, 1, number))
    return ta, tb


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


def gemm_limit(m, input_gradient=False, rounds=5):
    """FLOPs of one iteration's products and the best time np.dot takes for them (float64)."""
    rs = np.random.RandomState(0)
    shapes = gemm_shapes(m, input_gradient)
    operands = [(rs.randn(r, k), rs.randn(k, c)) for r, k, c in shapes]
    flops = sum(2 * r * k * c for r, k, c in shapes)
    seconds = best_of(lambda: [np.dot(a, b) for a, b in operands], repeat=rounds, number=50)
    return flops, seconds


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
    backward pass (with dA0), each against np.dot on its own products and, alternately, against PyTorch."""
    train_x, train_y, _, _, _ = load_shirts()
    X = train_x.reshape(train_x.shape[0], -1).T / 255.0
    Y = train_y.astype(float)
    start_params = initialize_parameters_deep(LAYER_DIMS, rng=1, scale="xavier")
    try:
        torch_step, torch_version = torch_trainer(start_params, X, Y)
    except ImportError:
        torch_step = torch_version = None
    result = {"m": X.shape[1], "torch_version": torch_version, "iterations": iterations}
    for input_gradient in (False, True):
        state = {"p": start_params}

        def numpy_step():
            state["p"], _ = train_iteration(state["p"], X, Y, input_gradient)

        flops, seconds = gemm_limit(X.shape[1], input_gradient)
        row = {"flops": flops, "gemm_seconds": seconds, "products": len(gemm_shapes(1, input_gradient))}
        if torch_step:
            row["t_numpy"], row["t_torch"] = side_by_side(numpy_step, torch_step, rounds=5, number=100)
        else:
            row["t_numpy"] = best_of(numpy_step, repeat=5, number=100)
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


def training_section(r):
    lines = ["## 3. One training iteration of the L-layer model", "",
             f"Layers {LAYER_DIMS}, m = {r['m']} images (Course 1 data), forward + backward + update, float64. "
             "A training step needs no gradient with respect to the input X: `L_model_backward(..., "
             "input_gradient=False)` leaves out dA0 = W1^T dZ1, as PyTorch does for an X that does not require "
             "a gradient. The course's default backward pass computes dA0 too (one more 784 x 20 x 209 product, "
             "half again the work of the first layer); it is measured on the second row.", "",
             "| iteration | multiply work | NumPy time | achieved | np.dot alone on the same products | "
             "fraction of that limit (target >= 60 %) |", "|---|---|---|---|---|---|"]
    for key, name in (("training", "training step (no dA0)"), ("with_dA0", "course's backward with dA0")):
        t = r[key]
        lines.append(f"| {name} | {t['flops'] / 1e6:.2f} MFLOP in {t['products']} products | {t['t_numpy'] * 1e3:.3f} ms | "
                     f"{t['flops'] / t['t_numpy'] / 1e9:.2f} GFLOP/s | {t['gemm_seconds'] * 1e3:.3f} ms = "
                     f"{t['flops'] / t['gemm_seconds'] / 1e9:.2f} GFLOP/s | {t['gemm_seconds'] / t['t_numpy'] * 100:.0f} % |")
    lines.append("")
    if r["torch_version"] is None:
        return lines + ["## 4. PyTorch", "", "Not installed: `pip install -r requirements-bench.txt` (make bench does it).", ""]
    return lines + [
        f"## 4. The same model in PyTorch {r['torch_version']} (CPU, float64, autograd, 1 thread)", "",
        "| NumPy iteration | NumPy | PyTorch, measured alternately | NumPy / PyTorch time (target <= 1.00) |",
        "|---|---|---|---|",
        *[f"| {name} | {r[key]['t_numpy'] * 1e3:.3f} ms | {r[key]['t_torch'] * 1e3:.3f} ms | "
          f"{r[key]['t_numpy'] / r[key]['t_torch']:.2f} |"
          for key, name in (("training", "training step (no dA0)"), ("with_dA0", "course's backward with dA0"))], "",
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
    return lines


def conv_main():
    """Run section 5 alone and replace (or append) its part of RESULTS.md."""
    lines = conv_section(conv_benchmark())
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    head, _, tail = text.partition(CONV_HEADING)
    rest = tail[tail.find("\n## "):] if "\n## " in tail else ""
    RESULTS.write_text(head.rstrip("\n") + "\n\n" + "\n".join(lines) + rest.rstrip("\n") + "\n")
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
    lines += conv_section(convolution)
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(conv_main() if sys.argv[1:] == ["conv"] else main())
