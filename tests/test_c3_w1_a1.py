"""The public tests of C3_W1_A1 pass on the notebook's solutions and fail on the stubs and on typical
mistakes (precision and recall swapped, an arithmetic mean for F1, true negatives counted as hits, a
division by zero; the constraint ignored or made strict, the last of equals, -1 for "none"; gaps taken
against the wrong error rate or with the wrong sign, the smallest gap named; errors counted by predicted
class, fractions over all examples, ascending order, classes without errors kept)."""

import numpy as np

from utils.grading import c3_w1_a1 as tests

from tests.conftest import public_test_suite, run_public_test

STEM = "C3_W1_A1"


def _prf(predictions, labels, swap=False, f1_mean="harmonic", hits="tp", zero="convention"):
    tp = float(np.sum(predictions == labels)) if hits == "agreement" else float(np.sum((predictions == 1) & (labels == 1)))
    predicted, actual = float(np.sum(predictions == 1)), float(np.sum(labels == 1))
    if zero == "convention":
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
    else:
        with np.errstate(invalid="ignore", divide="ignore"):
            precision, recall = float(np.float64(tp) / predicted), float(np.float64(tp) / actual)
    if swap:
        precision, recall = recall, precision
    if f1_mean == "arithmetic":
        f1 = (precision + recall) / 2
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _best(accuracies, costs, max_cost, constrained=True, strict=False, last=False, none=None, cheapest=False):
    ok = np.asarray(costs) < max_cost if strict else np.asarray(costs) <= max_cost
    if not constrained:
        ok = np.ones_like(ok)
    if not ok.any():
        return none
    if cheapest:
        return int(np.argmin(np.where(ok, costs, np.inf)))
    masked = np.where(ok, accuracies, -np.inf)
    return int(len(masked) - 1 - np.argmax(masked[::-1])) if last else int(np.argmax(masked))


def _decompose(human, train, train_dev, dev, gaps=None, pick=max):
    if gaps is None:
        gaps = (train - human, train_dev - train, dev - train_dev)
    named = dict(zip(["avoidable_bias", "variance", "data_mismatch"], gaps))
    return dict(named, focus=pick(named, key=named.get))


def _analysis(labels, predictions, class_names, by="true", over="errors", descending=True, keep_zero=False,
              only_errors=True):
    wrong = labels[0] != predictions[0] if only_errors else np.ones(labels.shape[1], dtype=bool)
    source = labels[0] if by == "true" else predictions[0]
    counts = np.bincount(source[wrong], minlength=len(class_names))
    order = np.argsort(-counts if descending else counts, kind="stable")
    if not keep_zero:
        order = order[counts[order] > 0]
    total = counts.sum() if over == "errors" else labels.shape[1]
    fractions = counts[order] / total
    return list(zip(np.array(class_names)[order].tolist(), counts[order].tolist(), fractions.tolist()))


MISTAKES = {
    "precision_recall_f1": [
        lambda p, y: _prf(p, y, swap=True),                  # precision and recall swapped
        lambda p, y: _prf(p, y, f1_mean="arithmetic"),       # (P + R) / 2 instead of the harmonic mean
        lambda p, y: _prf(p, y, hits="agreement"),           # counted every agreement (also true negatives)
        lambda p, y: _prf(p, y, zero="divide"),              # 0 / 0 gives nan
    ],
    "best_model": [
        lambda a, c, m: _best(a, c, m, constrained=False),   # ignored the satisficing metric
        lambda a, c, m: _best(a, c, m, strict=True),         # cost < max_cost: the limit itself excluded
        lambda a, c, m: _best(a, c, m, last=True),           # the last of equally accurate models
        lambda a, c, m: _best(a, c, m, none=-1),             # -1 instead of None when no model qualifies
        lambda a, c, m: _best(a, c, m, cheapest=True),       # optimized the cost instead of the accuracy
    ],
    "error_decomposition": [
        lambda h, t, td, d: _decompose(h, t, td, d, gaps=(t, td - t, d - td)),           # bias = training error
        lambda h, t, td, d: _decompose(h, t, td, d, gaps=(t - h, d - t, d - td)),        # variance = dev - train
        lambda h, t, td, d: _decompose(h, t, td, d, gaps=(t - h, td - t, d - t)),        # mismatch = dev - train
        lambda h, t, td, d: _decompose(h, t, td, d, gaps=(h - t, t - td, td - d)),       # the wrong way round
        lambda h, t, td, d: _decompose(h, t, td, d, pick=min),                           # named the smallest gap
    ],
    "error_analysis": [
        lambda y, p, n: _analysis(y, p, n, by="predicted"),     # counted by predicted class
        lambda y, p, n: _analysis(y, p, n, over="examples"),    # fraction of all examples, not of the errors
        lambda y, p, n: _analysis(y, p, n, descending=False),   # fewest errors first
        lambda y, p, n: _analysis(y, p, n, keep_zero=True),     # classes without errors kept
        lambda y, p, n: _analysis(y, p, n, only_errors=False),  # counted every example, right or wrong
    ],
}


def test_correct_variants_pass():
    """The broken variants differ from a correct implementation only by the mistake they name."""
    for name, correct in [("precision_recall_f1", _prf), ("best_model", _best), ("error_decomposition", _decompose),
                          ("error_analysis", _analysis)]:
        run_public_test(tests, name, correct)


def test_solutions_agree_with_direct_counts(reference):
    ns = reference(STEM)
    rs = np.random.RandomState(8)
    labels, predictions = rs.randint(2, size=(1, 200)), rs.randint(2, size=(1, 200))
    tp = int(np.sum(labels & predictions))
    p, r, f1 = ns["precision_recall_f1"](predictions, labels)
    assert (p, r) == (tp / predictions.sum(), tp / labels.sum())
    assert abs(f1 - 2 * tp / (predictions.sum() + labels.sum())) < 1e-12
    true, predicted = rs.randint(5, size=(1, 300)), rs.randint(5, size=(1, 300))
    table = ns["error_analysis"](true, predicted, list("abcde"))
    assert sum(count for _, count, _ in table) == int(np.sum(true != predicted))
    assert [count for _, count, _ in table] == sorted((count for _, count, _ in table), reverse=True)
    assert abs(sum(fraction for _, _, fraction in table) - 1) < 1e-12


(test_mistakes_cover_every_function, test_public_test_passes_on_solution, test_public_test_fails_on_stub,
 test_public_test_fails_on_typical_mistake, test_vectorized_solutions_have_no_loop) = public_test_suite(STEM, tests, MISTAKES)
