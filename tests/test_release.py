"""Learner copies: no solution line survives, outputs are cleared, existing work is never overwritten."""

from datetime import datetime

import nbformat
import pytest

from utils.release import END, START, STUB, learner_notebook, release, strip_solution
from tests.conftest import NOTEBOOKS

SOURCES = sorted(NOTEBOOKS.glob("*.ipynb"))


def solution_lines(source):
    """Non-blank lines strictly between the markers of one cell's source."""
    lines, inside = [], False
    for line in source.split("\n"):
        if line.strip() == START:
            inside = True
        elif line.strip() == END:
            inside = False
        elif inside and line.strip():
            lines.append(line.strip())
    return lines


def test_strip_solution_keeps_indentation_and_markers():
    source = f"def f(x):\n    {START}\n    y = 2 * x\n    {END}\n    return y"
    assert strip_solution(source) == f"def f(x):\n    {START}\n    {STUB}\n    {END}\n    return y"


@pytest.mark.parametrize("source,message", [
    (f"{START}\nx = 1", "never closed"),
    (f"x = 1\n{END}", "without"),
    (f"{START}\n{START}\n{END}", "again before"),
])
def test_unbalanced_markers_are_errors(source, message):
    with pytest.raises(ValueError, match=message):
        strip_solution(source, where="cell 3")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_solution_line_survives_and_outputs_are_cleared(path):
    nb = nbformat.read(path, as_version=4)
    learner = learner_notebook(nb)
    assert len(learner.cells) == len(nb.cells)
    n_blocks = 0
    for src, out in zip(nb.cells, learner.cells):
        if src.cell_type != "code":
            assert out.source == src.source
            continue
        assert out.outputs == [] and out.execution_count is None
        learner_lines = set(line.strip() for line in out.source.split("\n"))
        outside = set(line.strip() for line in strip_solution(src.source).split("\n"))
        leaked = [line for line in solution_lines(src.source) if line not in outside and line in learner_lines]
        assert leaked == []
        n_blocks += out.source.count(STUB)
    assert n_blocks >= 1
    nbformat.validate(learner)


def test_never_overwrites_and_force_keeps_a_byte_identical_backup(tmp_path):
    dest = tmp_path / "assignments"
    first = release(NOTEBOOKS, dest)
    assert {message for _, message in first} == {"created"}
    name = first[0][0]
    work = dest / name
    work.write_bytes(work.read_bytes().replace(STUB.encode(), b"pass  # my own work", 1))
    mine = work.read_bytes()

    again = release(NOTEBOOKS, dest)
    assert dict(again)[name].startswith("kept your existing copy")
    assert work.read_bytes() == mine

    forced = release(NOTEBOOKS, dest, names=[name], force=True, now=datetime(2026, 1, 2, 3, 4, 5))
    backup = dest / "backups" / f"{work.stem}.20260102-030405.ipynb"
    assert forced == [(name, f"regenerated; your previous copy is in {backup}")]
    assert backup.read_bytes() == mine
    assert STUB in "".join(cell.source for cell in nbformat.read(work, as_version=4).cells)


def test_unknown_name_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no source notebook named C9_W9_A9_nothing"):
        release(NOTEBOOKS, tmp_path, names=["C9_W9_A9_nothing"])
