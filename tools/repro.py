"""Reproducibility matrix (maintainers: `make repro`, or `python -m tools.repro NOTEBOOK...` for some):
strict nbval over every source notebook under
varied conditions, one table of notebooks matched per condition, written to docs/reproducibility.md.

Conditions: the pinned environment with BLAS on 1 and on 2 threads; a fresh virtualenv with the pins;
the oldest numpy the other pins allow; OpenBLAS's matrix-multiply kernels of other CPUs (x86-64); newer
CPythons when pyenv or the PATH has them. Virtualenvs are
kept under .repro/ (git-ignored) so a second run only re-runs the notebooks.
"""

import os
import platform
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".repro"
REPORT = ROOT / "docs" / "reproducibility.md"
OLDEST_NUMPY = "1.26.4"  # scipy 1.17.1 requires numpy >= 1.26.4; the pin is the newest allowed
NUMPY_RANGE = f">={OLDEST_NUMPY}, <=2.4.6"


def threads(n):
    return {"OMP_NUM_THREADS": str(n), "OPENBLAS_NUM_THREADS": str(n), "MKL_NUM_THREADS": str(n)}


def make_venv(name, python, numpy=None):
    """Create or update .repro/<name> with the pinned requirements, numpy optionally replaced; return its python."""
    venv = WORK / name
    py = venv / "bin" / "python"
    requirements = (ROOT / "requirements.txt").read_text()
    if numpy:
        requirements = "\n".join(f"numpy=={numpy}" if line.startswith("numpy==") else line
                                 for line in requirements.splitlines())
    installed = venv / "requirements.txt"
    if installed.exists() and installed.read_text() == requirements:
        return py
    if not py.exists():
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
    installed.unlink(missing_ok=True)
    (venv / "requested.txt").write_text(requirements)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-r", str(venv / "requested.txt"), "-e", str(ROOT)],
                   check=True)
    (venv / "requested.txt").rename(installed)
    return py


def run_nbval(py, env_extra, label, notebooks):
    """Strict nbval over the ``notebooks`` (paths) with ``py``; return {notebook: (cells passed, cells total)}."""
    xml = WORK / f"{label}.xml"
    env = dict(os.environ, **env_extra)
    subprocess.run([str(py), "-m", "pytest", "-q", "-n", "2", "--dist", "loadscope", "-p", "no:python",
                    "--nbval", "--nbval-current-env", "--nbval-cell-timeout=300",
                    "--nbval-sanitize-with", "tools/nbval_sanitize.cfg", f"--junitxml={xml}", *map(str, notebooks)],
                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=False)  # failures are counted below
    counts = {}
    for case in ET.parse(xml).iter("testcase"):
        notebook = case.get("classname").removesuffix(".ipynb").rsplit(".", 1)[-1]  # "notebooks.<stem>.ipynb"
        ok = case.find("failure") is None and case.find("error") is None
        passed, total = counts.get(notebook, (0, 0))
        counts[notebook] = (passed + ok, total + 1)
    return counts


def _printed_by(py, code):
    """What the Python snippet ``code`` prints when the interpreter ``py`` runs it, stripped."""
    return subprocess.run([str(py), "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def version_of(py, module):
    """``module.__version__`` in the environment of the interpreter ``py``."""
    return _printed_by(py, f"import {module}; print({module}.__version__)")


def python_version(py):
    """The version of the interpreter ``py``, e.g. "3.11.7"."""
    return _printed_by(py, "import platform; print(platform.python_version())")


def find_python(minor):
    """An interpreter for Python ``minor`` (e.g. "3.12") that really runs: PATH first, then pyenv's versions."""
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [shutil.which(f"python{minor}")] + sorted(map(str, pyenv_root.glob(f"versions/{minor}.*/bin/python{minor}")))
    for exe in filter(None, candidates):
        if subprocess.run([exe, "-c", "pass"], capture_output=True, check=False).returncode == 0:
            return exe
    return None


# OpenBLAS picks its matrix-multiply kernels by CPU, and kernels round differently: the kernels of older CPUs,
# forced with OPENBLAS_CORETYPE, stand in for machines other than this one (only those this CPU can run:
# kernel -> the /proc/cpuinfo flag it needs; "pni" is SSE3).
OTHER_KERNELS = {"Haswell": "avx2", "Sandybridge": "avx", "Prescott": "pni"}


def cpu_flags():
    """The CPU's feature flags from /proc/cpuinfo (an empty set where there is none)."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return set()
    return set(next((line.split(":", 1)[1].split() for line in lines if line.startswith("flags")), []))


def conditions():
    """(label, python executable, numpy override, extra env) for every condition available here."""
    base = find_python("3.11") or sys.executable
    found = [("pinned, BLAS 1 thread", base, None, threads(1)),
             ("pinned, BLAS 2 threads", base, None, threads(2)),
             (f"oldest numpy {OLDEST_NUMPY}", base, OLDEST_NUMPY, threads(1))]
    flags = cpu_flags()
    found += [(f"OpenBLAS kernels of {kernel} CPUs", base, None, dict(threads(1), OPENBLAS_CORETYPE=kernel))
              for kernel, flag in OTHER_KERNELS.items() if flag in flags]
    for minor in ("3.12", "3.13"):
        exe = find_python(minor)
        if exe:
            found.append((f"Python {minor}", exe, None, threads(1)))
    return found


def main(paths):
    WORK.mkdir(exist_ok=True)
    paths = [Path(p).resolve() for p in paths] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    rows, notebooks = [], [p.stem for p in paths]
    venvs = {}
    for label, python, numpy, env in conditions():
        key = (python, numpy)
        if key not in venvs:
            name = f"{Path(python).name}-numpy-{numpy or 'pinned'}"
            venvs[key] = make_venv(name, python, numpy)
        py = venvs[key]
        print(f"{label}: running nbval ...", flush=True)
        counts = run_nbval(py, env, label.replace(" ", "_").replace(",", ""), paths)
        rows.append((label, python_version(py), version_of(py, "numpy"), env["OPENBLAS_NUM_THREADS"], counts))
    fresh, env = make_venv("fresh-second-venv", find_python("3.11") or sys.executable), threads(1)
    rows.append(("fresh virtualenv, second install", python_version(fresh), version_of(fresh, "numpy"),
                 env["OPENBLAS_NUM_THREADS"], run_nbval(fresh, env, "fresh", paths)))
    shutil.rmtree(WORK / "fresh-second-venv")  # fresh again next time

    lines = [f"# Reproducibility matrix ({date.today().isoformat()})", "",
             "Strict `pytest --nbval` (sanitizer `tools/nbval_sanitize.cfg`, no `--nbval-lax`) over every source",
             f"notebook, re-run by `make repro` (`tools/repro.py`). Supported numpy range: {NUMPY_RANGE}.",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}.", "",
             "Each entry: cells whose stored outputs matched / cells checked.", "",
             "| condition | Python | numpy | BLAS threads | " + " | ".join(notebooks) + " | all matched |",
             "|---|---|---|---|" + "---|" * (len(notebooks) + 1)]
    for label, pyver, npver, nthreads, counts in rows:
        cells = [f"{counts.get(nb, (0, 0))[0]}/{counts.get(nb, (0, 0))[1]}" for nb in notebooks]
        every = all(counts.get(nb, (0, 1))[0] == counts.get(nb, (0, 1))[1] for nb in notebooks)
        lines.append(f"| {label} | {pyver} | {npver} | {nthreads} | " + " | ".join(cells) + f" | {'yes' if every else 'NO'} |")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if all("| NO |" not in line for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
