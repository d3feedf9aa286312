"""Stored outputs of source notebooks are version-proof and their interactive cells are nbval-safe.

Covers the notebooks listed in STEMS (add a notebook's stem once it follows these rules): no numpy
scalar reprs or object addresses in any stored output, no error outputs, and every ipywidgets cell is
tagged ``nbval-ignore-output`` and preceded by a code cell whose (checked) output is its static version.
"""

import re

import nbformat
import pytest

from tests.conftest import notebook_path

STEMS = ["C1_W2_A2", "C1_W3_A1"]
VOLATILE = re.compile(r"np\.(float|int)\d*\(|at 0x[0-9a-fA-F]+")


def _code_cells(stem):
    nb = nbformat.read(notebook_path(stem), as_version=4)
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _text(output):
    if output.output_type == "stream":
        return output.text
    return output.get("data", {}).get("text/plain", "")


@pytest.mark.parametrize("stem", STEMS)
def test_outputs_are_executed_and_version_proof(stem):
    cells = _code_cells(stem)
    assert all(cell.execution_count is not None for cell in cells), "re-run `make execute` on the notebook"
    for index, cell in enumerate(cells):
        for output in cell.outputs:
            assert output.output_type != "error", f"code cell {index} stored an error"
            assert not VOLATILE.search(_text(output)), f"code cell {index}: {_text(output)[:200]!r}"
            if output.output_type == "stream":
                assert output.name == "stdout", f"code cell {index} wrote to stderr (a warning?)"


@pytest.mark.parametrize("stem", STEMS)
def test_widget_cells_are_ignored_by_nbval_and_have_a_static_companion(stem):
    cells = _code_cells(stem)
    widget_cells = [i for i, cell in enumerate(cells) if "widgets.interact" in cell.source]
    assert widget_cells, "expected an interactive exploration"
    for i in widget_cells:
        assert "nbval-ignore-output" in cells[i].metadata.get("tags", []), f"code cell {i} is not tagged"
        previous = cells[i - 1]
        assert "nbval-ignore-output" not in previous.metadata.get("tags", [])
        kinds = {o.output_type for o in previous.outputs}
        assert "stream" in kinds and "display_data" in kinds, \
            f"code cell {i - 1} should print a table and draw the static version of the exploration"
