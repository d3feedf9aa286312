"""The grader: full marks on the solutions, zero on fresh learner copies, and hostile or broken learner
code costs only its own function (time limit, exceptions, exits, huge output, mutation, parse errors)."""

import json
import subprocess
import sys

import nbformat
import pytest

from tests.conftest import ROOT, notebook_path
from utils.grading import c1_w2_a1
from utils.grading.grader import GRADED_MARK, grade_notebook, main
from utils.release import learner_notebook

SOURCE = notebook_path("C1_W2_A1")
TOTAL = sum(g.points for g in c1_w2_a1.GRADED.values())


def set_graded_cell(nb, name, source):
    """Replace the body of ``name``'s graded cell (keeping its first line), or delete it if source is None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source.startswith(f"{GRADED_MARK} {name}"):
            if source is None:
                del nb.cells[i]
            else:
                cell.source = f"{GRADED_MARK} {name}\n{source}"
            return
    raise KeyError(name)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "utils.grading", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_source_notebook_gets_full_marks():
    results = grade_notebook(SOURCE)
    assert [r.function for r in results] == list(c1_w2_a1.GRADED)
    assert all(r.passed and r.points == r.max_points and r.message == "" and r.flags == [] for r in results)


def test_fresh_learner_copy_scores_zero_with_a_message_per_function(tmp_path):
    path = tmp_path / SOURCE.name
    nbformat.write(learner_notebook(nbformat.read(SOURCE, as_version=4)), path)
    proc = run_cli("--json", tmp_path)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["score"] == 0 and report["max_score"] == TOTAL
    for row in report["results"]:
        assert set(row) >= {"notebook", "function", "passed", "points", "message"}
        assert row["notebook"] == SOURCE.name and row["passed"] is False and row["points"] == 0
        assert "raised NotImplementedError: not done yet" in row["message"]


HOSTILE = {
    "hello": ("def hello(name):\n    while True:\n        pass", "time limit of 8 s exceeded"),
    "basic_sigmoid": ("def basic_sigmoid(x):\n    return 1 / 0", "raised ZeroDivisionError: division by zero"),
    "sigmoid": ("import sys\ndef sigmoid(x):\n    sys.exit(0)", "raised SystemExit"),
    "sigmoid_derivative": ("import os\ndef sigmoid_derivative(x):\n    os._exit(7)",
                           "ended without a result (exit status 7)"),
    "image2vector": ("def image2vector(image):\n    print('x' * 50_000_000)\n    return image.reshape(-1, 1)", None),
    "normalize_rows": ("import numpy as np\ndef normalize_rows(x):\n    x /= np.linalg.norm(x, axis=1, keepdims=True)\n"
                       "    return x", "modified its input `x` in place"),
    "softmax": ("def softmax(x)\n    return x", "the graded cell does not parse: line 2"),
    "L1": ("def l1_loss(yhat, y):\n    return 0.0", "defines no function named `L1`"),
    "L2": (None, "no cell starts with '# GRADED FUNCTION: L2'"),
}


def test_hostile_learner_code_costs_only_its_own_function(tmp_path):
    nb = nbformat.read(SOURCE, as_version=4)
    first_code = next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")
    nb.cells.insert(first_code + 1, nbformat.v4.new_code_cell("while True:\n    pass"))  # not graded, not run
    for name, (source, _) in HOSTILE.items():
        set_graded_cell(nb, name, source)
    path = tmp_path / SOURCE.name
    nbformat.write(nb, path)
    before = path.read_bytes()

    results = {r.function: r for r in grade_notebook(path, timeout=8)}

    assert path.read_bytes() == before
    for name, (_, message) in HOSTILE.items():
        if message is None:
            assert results[name].passed, results[name].message
        else:
            assert not results[name].passed and message in results[name].message, (name, results[name].message)


def test_loops_are_flagged_in_functions_that_must_be_vectorized(tmp_path):
    nb = nbformat.read(SOURCE, as_version=4)
    set_graded_cell(nb, "L1", "def L1(yhat, y):\n    total = 0.0\n    for a, b in zip(yhat, y):\n"
                              "        total += abs(b - a)\n    return float(total)")
    path = tmp_path / SOURCE.name
    nbformat.write(nb, path)
    (l1,) = [r for r in grade_notebook(path) if r.function == "L1"]
    assert l1.passed and l1.flags == ["contains a Python loop (For); this function should be vectorized"]


def test_unreadable_notebook_scores_zero_without_crashing(tmp_path, capsys):
    (tmp_path / SOURCE.name).write_text("{ this is not json")
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"TOTAL: 0/{TOTAL} points, 0 of {len(c1_w2_a1.GRADED)} functions pass" in out
    assert "the notebook could not be read" in out


def test_text_report_and_exit_status():
    proc = run_cli(SOURCE)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == SOURCE.name
    assert lines[1].split() == ["function", "points", "result", "message"]
    assert lines[2].split() == ["hello", "5/5", "pass"]
    assert f"TOTAL: {TOTAL}/{TOTAL} points, 9 of 9 functions pass" in lines[-1]


@pytest.mark.parametrize("args,message", [
    (["no/such/folder"], "no/such/folder: no such file or folder"),
    ([ROOT / "tests"], "no graded notebooks"),
])
def test_usage_errors(args, message):
    proc = run_cli(*args)
    assert proc.returncode == 2 and message in proc.stderr
