"""Conventions every source notebook must keep (DESIGN.md): names, stored outputs, graded cells, figures."""

import re

import nbformat
import pytest

from tests.conftest import NOTEBOOKS
from utils.grading.grader import NOTEBOOK_NAME, assignment_module, graded_cells
from utils.release import END, START

SOURCES = sorted(NOTEBOOKS.glob("*.ipynb"))
WIDGET_CALL = re.compile(r"\binteract(ive)?\(|\bwidgets\.[A-Z]\w*\(|@interact")


def test_there_are_notebooks_and_nothing_shadows_the_package():
    assert SOURCES
    assert not list(NOTEBOOKS.rglob("utils.py")) and not (NOTEBOOKS / "utils").exists()


@pytest.fixture(params=SOURCES, ids=lambda p: p.stem)
def notebook(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_name_follows_the_convention(notebook):
    path, _ = notebook
    assert path.name.isascii() and NOTEBOOK_NAME.match(path.name), path.name


def test_executed_top_to_bottom_without_errors(notebook):
    path, nb = notebook
    code = [c for c in nb.cells if c.cell_type == "code" and "skip-execution" not in c.metadata.get("tags", [])]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), f"run `make execute` on {path.name}"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_stored_outputs_are_version_proof(notebook):
    _, nb = notebook
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert not re.search(r"np\.(float|int)\d*\(|at 0x[0-9a-fA-F]+", text)
    assert not [o for o in outputs if "image/svg+xml" in o.get("data", {})], "keep figures as PNG"
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"], "a warning was stored"


def test_widget_cells_are_ignored_by_nbval_and_follow_a_checked_static_version(notebook):
    _, nb = notebook
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        if WIDGET_CALL.search(cell.source):
            assert "nbval-ignore-output" in cell.metadata.get("tags", []), f"code cell {i} is not tagged"
            previous = code[i - 1]
            assert "nbval-ignore-output" not in previous.metadata.get("tags", [])
            kinds = {o.output_type for o in previous.outputs}
            assert "stream" in kinds and "display_data" in kinds, \
                f"code cell {i - 1} should print and draw the static version of the exploration in cell {i}"


def test_every_graded_function_has_its_cell_markers_and_test_cell(notebook):
    path, nb = notebook
    module = assignment_module(path)
    cells = graded_cells(nb)
    assert list(cells) == list(module.GRADED), "graded cells must match the GRADED dict, in order"
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    for name, source in cells.items():
        assert START in source and END in source, name
        assert any(f"tests.{name}_test({name})" in s for s in sources), f"no test cell for {name}"
    assert sum(g.points for g in module.GRADED.values()) == 100


def test_readme_course_map_lists_the_notebook_and_its_graded_functions(notebook):
    path, _ = notebook
    readme = (NOTEBOOKS.parent / "README.md").read_text()
    (row,) = [line for line in readme.splitlines() if line.startswith(f"| `{path.stem}` |")]
    for name in assignment_module(path).GRADED:
        assert f"`{name}`" in row, f"README course map: {path.stem} lacks {name}"


def test_referenced_images_exist(notebook):
    _, nb = notebook
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for ref in re.findall(r"\]\((\.\./images/[^)\s]+)\)", cell.source):
                assert (NOTEBOOKS / ref).resolve().is_file(), ref
            assert not re.search(r"\]\((?!\.\./images/|#|https?://)[^)]+\.(png|jpg|gif)\)", cell.source)


def test_kernel_is_python3(notebook):
    _, nb = notebook
    assert nb.metadata.kernelspec.name == "python3"
