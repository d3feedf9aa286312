"""Generate the learner's copies of the assignments: ``python -m utils.release [--force] [names...]``.

For each source notebook in notebooks/ a learner copy is written to assignments/ with the code
between ``# YOUR CODE STARTS HERE`` and ``# YOUR CODE ENDS HERE`` replaced by a stub that raises
NotImplementedError, and every output cleared. An existing learner copy is never overwritten; with
``--force`` it is first moved to ``assignments/backups/<name>.<timestamp>.ipynb``.
"""

import argparse
import copy
import sys
from datetime import datetime
from pathlib import Path

import nbformat

START, END = "# YOUR CODE STARTS HERE", "# YOUR CODE ENDS HERE"
STUB = 'raise NotImplementedError("not done yet: replace this line with your code")'
ROOT = Path(__file__).resolve().parent.parent


def strip_solution(source, where="cell"):
    """Replace every block between the code markers by the stub, keeping the markers' indentation.

    Arguments:
    source -- str, the code of one cell
    where -- how to name the cell in an error message

    Returns:
    learner_source -- str, the same code with each solution block replaced by one stub line
    """
    out, inside = [], False
    for number, line in enumerate(source.split("\n"), start=1):
        marker = line.strip()
        if marker == START:
            if inside:
                raise ValueError(f"{where}, line {number}: {START!r} again before {END!r}")
            inside = True
            out += [line, line[: len(line) - len(line.lstrip())] + STUB]
        elif marker == END:
            if not inside:
                raise ValueError(f"{where}, line {number}: {END!r} without {START!r}")
            inside = False
            out.append(line)
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"{where}: {START!r} is never closed by {END!r}")
    return "\n".join(out)


def learner_notebook(nb):
    """Return the learner version of a source notebook: solutions stubbed, outputs cleared.

    Arguments:
    nb -- nbformat.NotebookNode (version 4), not modified

    Returns:
    learner -- nbformat.NotebookNode
    """
    learner = copy.deepcopy(nb)
    for index, cell in enumerate(learner.cells):
        if cell.cell_type != "code":
            continue
        cell.source = strip_solution(cell.source, where=f"code cell {index}")
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)
    return learner


def release(source_dir, dest_dir, names=None, force=False, now=None):
    """Write learner copies of the source notebooks that do not have one yet.

    Arguments:
    source_dir -- folder of source notebooks (*.ipynb)
    dest_dir -- folder of learner copies (created if needed)
    names -- optional list of notebook file names or stems to release; default all
    force -- regenerate existing copies too, after moving each one to dest_dir/backups/
    now -- datetime used for backup names (default: the current time)

    Returns:
    actions -- list of (notebook file name, message) in source order
    """
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    sources = sorted(source_dir.glob("*.ipynb"))
    if names:
        wanted = {Path(n).stem for n in names}
        unknown = wanted - {p.stem for p in sources}
        if unknown:
            raise FileNotFoundError(f"no source notebook named {', '.join(sorted(unknown))} in {source_dir}")
        sources = [p for p in sources if p.stem in wanted]
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    actions = []
    for src in sources:
        target = dest_dir / src.name
        message = "created"
        if target.exists():
            if not force:
                actions.append((src.name, "kept your existing copy (use --force to regenerate it)"))
                continue
            backup = dest_dir / "backups" / f"{src.stem}.{stamp}.ipynb"
            backup.parent.mkdir(exist_ok=True)
            if backup.exists():
                raise FileExistsError(f"backup {backup} already exists; wait a second and retry")
            target.rename(backup)
            message = f"regenerated; your previous copy is in {backup}"
        nbformat.write(learner_notebook(nbformat.read(src, as_version=4)), target)
        actions.append((src.name, message))
    return actions


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m utils.release", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to release (default: all)")
    parser.add_argument("--source", default=ROOT / "notebooks", type=Path, help="source notebooks folder")
    parser.add_argument("--dest", default=ROOT / "assignments", type=Path, help="learner copies folder")
    parser.add_argument("--force", action="store_true",
                        help="regenerate existing learner copies (each is backed up first)")
    args = parser.parse_args(argv)
    try:
        actions = release(args.source, args.dest, args.names, args.force)
    except (FileNotFoundError, FileExistsError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for name, message in actions:
        print(f"{name}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
