"""The check engine: type, then shape, then values; every mismatch with its path; mutation; one error."""

import numpy as np
import pytest

from utils.grading.check import Case, CheckFailure, check_function, compare


def test_equal_nested_values_have_no_problems():
    expected = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1)), "cost": 0.5, "n": 3, "tag": "x"}
    actual = {"W1": np.ones((2, 3)) + 1e-12, "b1": np.zeros((2, 1)), "cost": 0.5 + 1e-12, "n": 3, "tag": "x"}
    assert compare(expected, actual) == []


def test_every_mismatch_is_reported_with_its_path():
    expected = {"dW1": np.zeros((4, 2)), "db1": np.zeros((4, 1)), "dW2": np.ones((1, 4))}
    actual = {"dW1": np.zeros((4, 3)), "dW2": np.ones((1, 4)) * 2, "dX": 0}
    assert compare(expected, actual, "grads") == [
        "grads: missing key 'db1'",
        "grads: unexpected key 'dX'",
        "grads['dW1']: expected shape (4, 2), found (4, 3)",
        "grads['dW2']: values differ at 4 of 4 entries; first at index (0, 0): expected 1, found 2",
    ]


@pytest.mark.parametrize("expected,actual,message", [
    (np.zeros(3), [0.0, 0.0, 0.0], "output: expected an ndarray of shape (3,), found list"),
    (0.5, np.array([[0.5]]), "output: expected a number (float), found ndarray of shape (1, 1)"),
    (3, 3.0, "output: expected an int, found float"),
    (True, 1, "output: expected a bool, found int"),
    ((1.0, 2.0), 1.0, "output: expected a tuple of 2 items, found float"),
    ((1.0, 2.0), (1.0,), "output: expected 2 items, found 1"),
    ("Hello", "hello", "output: expected 'Hello', found 'hello'"),
    (np.zeros(2), np.array(["a", "b"]), "output: expected an array of numbers, found dtype <U1"),
    (np.array([1, 2]), np.array([1, 3]), "output: values differ at 1 of 2 entries; first at index (1,): expected 2, found 3"),
    (0.25, 0.26, "output: expected 0.25, found 0.26"),
])
def test_type_shape_value_messages(expected, actual, message):
    assert compare(expected, actual) == [message]


def test_nan_never_matches():
    assert compare(np.array([1.0]), np.array([np.nan])) != []
    assert compare(1.0, float("nan")) != []


def test_tolerances_are_respected():
    assert compare(1.0, 1.0 + 1e-6) != []
    assert compare(1.0, 1.0 + 1e-6, rtol=1e-5) == []


def test_pass_prints_one_stable_line(capsys):
    def double(x):
        return 2 * x
    check_function(double, [Case((np.array([1.0]),), np.array([2.0])), Case((3,), 6)])
    assert capsys.readouterr().out == "double: all 2 tests passed.\n"


def test_failure_is_one_assertion_listing_every_problem_and_the_hint():
    def wrong(x):
        return x
    with pytest.raises(AssertionError) as info:
        check_function(wrong, [Case((1.0,), 2.0, label="one"), Case((np.ones(2),), np.ones(3))], hint="double it")
    assert isinstance(info.value, CheckFailure)
    assert str(info.value) == ("wrong failed 2 of 2 tests:\n"
                               "  - test 1 (one): output: expected 2, found 1\n"
                               "  - test 2: output: expected shape (3,), found (2,)\n"
                               "Hint: double it")
    assert info.value.problems[0] == "test 1 (one): output: expected 2, found 1"


def test_mutating_an_input_is_detected_and_the_caller_data_is_safe():
    def scale_in_place(x, factor=2.0):
        x *= factor
        return x
    original = np.array([1.0, 2.0])
    with pytest.raises(AssertionError, match="modified its input `x` in place"):
        check_function(scale_in_place, [Case((original,), np.array([2.0, 4.0]))])
    np.testing.assert_array_equal(original, [1.0, 2.0])


def test_mutating_a_keyword_input_is_detected():
    def pop_key(d):
        d.pop("a")
        return 1
    with pytest.raises(AssertionError, match="modified its input `d` in place"):
        check_function(pop_key, [Case((), 1, kwargs={"d": {"a": 1}})])


@pytest.mark.parametrize("error", [ValueError("bad"), SystemExit(3)])
def test_exceptions_in_the_target_become_failures(error):
    def boom():
        raise error
    with pytest.raises(AssertionError, match=f"test 1: raised {type(error).__name__}"):
        check_function(boom, [Case((), 0)])


def test_not_a_function():
    with pytest.raises(AssertionError, match="expected a function, found int"):
        check_function(5, [Case((), 0)])
