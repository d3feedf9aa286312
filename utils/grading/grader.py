"""Grade learner notebooks locally: ``python -m utils.grading [--json] [--timeout S] PATH...``.

PATH is a notebook or a folder of notebooks (its top-level ``C<n>_W<n>_A<n>_*.ipynb`` files). For
each ``# GRADED FUNCTION: name`` cell of the assignment, the notebook's import cell and its graded
cells run in a separate process with a time limit, then that function's public test runs. A crash, an
endless loop or an exit in learner code costs that function only. The notebook is only read.
Exit status: 0 when every graded function passes, 1 otherwise, 2 for a usage error.
"""

import argparse
import ast
import importlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

GRADED_MARK = "# GRADED FUNCTION:"
NOTEBOOK_NAME = re.compile(r"^(C\d+_W\d+_A\d+)_\w+\.ipynb$")
LOOP_NODES = (ast.For, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    """The grade of one graded function (one row of the report)."""

    notebook: str
    function: str
    passed: bool
    points: int
    max_points: int
    message: str
    flags: list = field(default_factory=list)


def assignment_module(notebook_path):
    """The public-test module of a notebook, e.g. utils.grading.c1_w2_a1, or None if it has none."""
    match = NOTEBOOK_NAME.match(Path(notebook_path).name)
    if not match:
        return None
    name = f"utils.grading.{match.group(1).lower()}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name != name:
            raise
        return None


def graded_cells(nb):
    """Map function name -> source of its ``# GRADED FUNCTION: name`` cell, in notebook order."""
    cells = {}
    for cell in nb.cells:
        first = cell.source.lstrip().split("\n", 1)[0].strip()
        if cell.cell_type == "code" and first.startswith(GRADED_MARK):
            cells[first[len(GRADED_MARK):].strip()] = cell.source
    return cells


def import_cell(nb):
    """Source of the notebook's first code cell (its imports), without IPython magics or shell lines."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            return "\n".join(line for line in cell.source.split("\n") if not line.lstrip().startswith(("%", "!")))
    return ""


def loop_flags(source, function):
    """Describe the Python loops in ``function``'s definition in ``source`` (empty if none or unparsable)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    kinds = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            kinds |= {type(n).__name__ for n in ast.walk(node) if isinstance(n, LOOP_NODES)}
    if not kinds:
        return []
    return [f"contains a Python loop ({', '.join(sorted(kinds))}); this function should be vectorized"]


def run_isolated(payload, timeout):
    """Run the runner on ``payload`` in a new process (killed after ``timeout`` s); return (passed, message)."""
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        payload_path, result_path = Path(tmp, "payload.json"), Path(tmp, "result.json")
        payload_path.write_text(json.dumps(payload), encoding="utf-8")
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
                   MPLBACKEND="Agg", PYTHONPATH=os.pathsep.join(filter(None, [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")])))
        proc = subprocess.Popen([sys.executable, "-m", "utils.grading.runner", str(payload_path), str(result_path)],
                                cwd=payload["cwd"], env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return False, f"time limit of {timeout:g} s exceeded (an endless loop, or code far too slow?)"
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        try:
            result = json.loads(result_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False, f"the grading process ended without a result (exit status {code}): did the code call os._exit() or crash Python?"
        return result["passed"], result["message"]


def grade_notebook(path, timeout=120.0, workers=2):
    """Grade one learner notebook.

    Arguments:
    path -- path of a notebook named like C1_W2_A1_*.ipynb
    timeout -- seconds allowed per graded function
    workers -- graded functions run this many at a time

    Returns:
    results -- list of Result, one per graded function of the assignment, in the assignment's order
    """
    path = Path(path)
    module = assignment_module(path)
    if module is None:
        raise ValueError(f"{path.name}: no public tests for this notebook (expected a name like C1_W2_A1_*.ipynb)")
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as err:  # not JSON, not a notebook, unreadable: every function scores 0
        return [Result(path.name, name, False, 0, g.points, f"the notebook could not be read: {type(err).__name__}: {err}")
                for name, g in module.GRADED.items()]
    cells = graded_cells(nb)
    setup = import_cell(nb)

    def grade_one(name, graded):
        if name not in cells:
            return Result(path.name, name, False, 0, graded.points,
                          f"no cell starts with '{GRADED_MARK} {name}' (was the cell deleted or its first line changed?)")
        payload = {"module": module.__name__, "function": name, "setup": setup,
                   "cells": list(cells.items()), "cwd": str(path.parent.resolve())}
        passed, message = run_isolated(payload, timeout)
        flags = loop_flags(cells[name], name) if graded.vectorized else []
        return Result(path.name, name, passed, graded.points if passed else 0, graded.points, message, flags)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda item: grade_one(*item), module.GRADED.items()))


def notebooks_in(paths):
    """Expand the command-line paths into notebook paths (folders: their top-level graded notebooks)."""
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(q for q in p.glob("*.ipynb") if NOTEBOOK_NAME.match(q.name))
        elif p.is_file():
            found.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    return found


def format_report(results):
    """The human-readable report: a table per notebook and the total score."""
    lines, width = [], max([8] + [len(r.function) for r in results])
    for notebook in dict.fromkeys(r.notebook for r in results):
        rows = [r for r in results if r.notebook == notebook]
        lines += [notebook, f"  {'function':<{width}}  points  result  message"]
        for r in rows:
            note = "; ".join(filter(None, [r.message] + r.flags)).replace("\n", " ")
            lines.append(f"  {r.function:<{width}}  {r.points:>2}/{r.max_points:<3}  {'pass' if r.passed else 'FAIL':<6}  {note}".rstrip())
        lines.append(f"  score: {sum(r.points for r in rows)}/{sum(r.max_points for r in rows)}\n")
    score, total = sum(r.points for r in results), sum(r.max_points for r in results)
    lines.append(f"TOTAL: {score}/{total} points, {sum(r.passed for r in results)} of {len(results)} functions pass")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m utils.grading", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="learner notebooks or folders (e.g. assignments/)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per graded function (default 120)")
    args = parser.parse_args(argv)
    try:
        notebooks = notebooks_in(args.paths)
        if not notebooks:
            raise FileNotFoundError(f"no graded notebooks (C<n>_W<n>_A<n>_*.ipynb) in {', '.join(args.paths)}")
        results = [r for nb in notebooks for r in grade_notebook(nb, args.timeout)]
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"results": [asdict(r) for r in results],
                          "score": sum(r.points for r in results),
                          "max_score": sum(r.max_points for r in results)}, indent=2))
    else:
        print(format_report(results))
    return 0 if all(r.passed for r in results) else 1
