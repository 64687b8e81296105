"""The assignment used by the MUC-4 scorers, checked against exhaustive search."""

from __future__ import annotations

import itertools
import random

import pytest

from incidex.evaluate.matching import max_bipartite_matching, max_weight_matching


def _brute_force(weights: list[list[int]]) -> int:
    n = len(weights)
    m = len(weights[0]) if n else 0
    best = 0
    if n <= m:
        for cols in itertools.permutations(range(m), n):
            best = max(best, sum(weights[i][j] for i, j in enumerate(cols)))
    else:
        for rows in itertools.permutations(range(n), m):
            best = max(best, sum(weights[i][j] for j, i in enumerate(rows)))
    return best


def _check_valid(pairs: list[tuple[int, int]], weights: list[list[int]]) -> int:
    rows = [i for i, _ in pairs]
    cols = [j for _, j in pairs]
    assert len(set(rows)) == len(rows) and len(set(cols)) == len(cols)
    assert all(weights[i][j] > 0 for i, j in pairs)
    return sum(weights[i][j] for i, j in pairs)


def test_matches_exhaustive_search_on_random_matrices() -> None:
    rng = random.Random(7)
    for _ in range(400):
        n, m = rng.randint(1, 6), rng.randint(1, 6)
        weights = [[rng.choice([0, 0, 1, 2, 3, 5, 8]) for _ in range(m)] for _ in range(n)]
        pairs = max_weight_matching(weights)
        assert _check_valid(pairs, weights) == _brute_force(weights)


def test_greedy_trap() -> None:
    # taking the largest weight (4) first gives 4 + 1 = 5; the optimum is 3 + 3 = 6
    weights = [[4, 3], [3, 1]]
    assert sorted(max_weight_matching(weights)) == [(0, 1), (1, 0)]


def test_zero_weight_pairs_are_left_out_and_shapes() -> None:
    assert max_weight_matching([]) == []
    assert max_weight_matching([[]]) == []
    assert max_weight_matching([[0, 0], [0, 0]]) == []
    assert max_weight_matching([[0], [2], [1]]) == [(1, 0)]
    assert max_weight_matching([[0, 2, 1]]) == [(0, 1)]


def test_bad_matrices_are_refused() -> None:
    with pytest.raises(ValueError):
        max_weight_matching([[1, 2], [3]])
    with pytest.raises(ValueError):
        max_weight_matching([[-1]])


def test_bipartite_matching_is_maximum() -> None:
    # row 0 fits both columns, row 1 only column 0: the maximum pairs row 0 with column 1
    assert sorted(max_bipartite_matching([[True, True], [True, False]])) == [(0, 1), (1, 0)]
    assert max_bipartite_matching([[False, False]]) == []
