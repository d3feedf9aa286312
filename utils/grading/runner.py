"""Run one public test on one learner function, in a process of its own (used by the grader).

``python -m utils.grading.runner PAYLOAD RESULT``: PAYLOAD is a JSON file with the assignment
module, the function name, the notebook's import cell and its graded cells; RESULT receives
``{"passed": bool, "message": str}``. Whatever the learner code does (raise, print without end,
call sys.exit), this writes a result; a hang or os._exit is handled by the grader's time limit.
"""

import importlib
import io
import json
import sys

MAX_CAPTURED = 10_000


class _Sink(io.TextIOBase):
    """Stand-in for stdout/stderr that keeps only the first characters written."""

    def __init__(self):
        self.text = ""

    def write(self, s):
        if len(self.text) < MAX_CAPTURED:
            self.text += s[: MAX_CAPTURED - len(self.text)]
        return len(s)


def _error_line(err):
    text = f"{type(err).__name__}: {err}".strip()
    return text if len(text) <= 500 else text[:497] + "..."


def grade_function(payload):
    """Execute the cells and run the function's public test; return (passed, message)."""
    function = payload["function"]
    namespace = {"__name__": "__main__"}
    try:
        exec(compile(payload["setup"], "<import cell>", "exec"), namespace)
    except BaseException as err:
        return False, f"the notebook's import cell failed: {_error_line(err)}"
    for cell_name, source in payload["cells"]:
        try:
            exec(compile(source, f"<graded cell {cell_name}>", "exec"), namespace)
        except SyntaxError as err:
            if cell_name == function:
                return False, f"the graded cell does not parse: line {err.lineno}: {err.msg}"
        except BaseException as err:  # other graded cells may be unfinished; only this one counts
            if cell_name == function:
                return False, f"running the graded cell failed: {_error_line(err)}"
    target = namespace.get(function)
    if not callable(target):
        return False, (f"its graded cell defines no function named `{function}` "
                       "(keep the name given in the notebook)")
    test = importlib.import_module(payload["module"]).GRADED[function].test
    try:
        test(target)
    except AssertionError as err:
        problems = getattr(err, "problems", None)
        return False, problems[0] if problems else _error_line(err)
    except BaseException as err:
        return False, f"the test could not run: {_error_line(err)}"
    return True, ""


def main(payload_path, result_path):
    with open(payload_path, encoding="utf-8") as f:
        payload = json.load(f)
    sys.stdout, sys.stderr = _Sink(), _Sink()
    passed, message = grade_function(payload)
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"passed": passed, "message": message}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
