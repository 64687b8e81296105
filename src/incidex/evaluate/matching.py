"""One-to-one assignment for the scorers (no scipy): the Hungarian algorithm.

``max_weight_matching`` finds, for a rectangular matrix of non-negative weights, a set of
(row, column) pairs, each row and each column used at most once, whose total weight is as
large as possible; pairs of weight zero are left out (a zero pair is the same as no pair).
``max_bipartite_matching`` is the special case of 0/1 weights: the largest number of
compatible pairs.

The algorithm is the O(n²m) shortest-augmenting-path form of Kuhn–Munkres with potentials
(rows ≤ columns; the matrix is transposed otherwise). With integer weights it is exact; the
scorers only use integers.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["max_bipartite_matching", "max_weight_matching"]


def _min_cost_assignment(cost: Sequence[Sequence[float]], n: int, m: int) -> list[int]:
    """Assign every row of an n×m cost matrix (n ≤ m) to a distinct column, minimising the
    total cost. Returns ``col_of_row``."""
    inf = float("inf")
    u = [0.0] * (n + 1)  # row potentials (1-based; index 0 is a sentinel)
    v = [0.0] * (m + 1)  # column potentials
    row_of_col = [0] * (m + 1)  # 1-based row assigned to each column, 0 = free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        row_of_col[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = row_of_col[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = row[j - 1] - u[i0] - v[j]
                if reduced < minv[j]:
                    minv[j] = reduced
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[row_of_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if row_of_col[j0] == 0:
                break
        while j0:  # augment along the path found
            j1 = way[j0]
            row_of_col[j0] = row_of_col[j1]
            j0 = j1
    col_of_row = [-1] * n
    for j in range(1, m + 1):
        if row_of_col[j]:
            col_of_row[row_of_col[j] - 1] = j - 1
    return col_of_row


def max_weight_matching(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of a one-to-one matching with the largest total weight.

    ``weights`` is a list of equal-length rows of non-negative numbers; a weight of 0 means
    "cannot be paired" (or pairing gains nothing). Pairs of weight 0 are not returned. The
    result is sorted by row.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if any(len(row) != m for row in weights):
        raise ValueError("weights must be a rectangular matrix")
    if any(w < 0 for row in weights for w in row):
        raise ValueError("weights must be non-negative")
    if n <= m:
        cols = _min_cost_assignment([[-w for w in row] for row in weights], n, m)
        pairs = [(i, j) for i, j in enumerate(cols)]
    else:
        transposed = [[-weights[i][j] for i in range(n)] for j in range(m)]
        rows = _min_cost_assignment(transposed, m, n)
        pairs = sorted((i, j) for j, i in enumerate(rows))
    return [(i, j) for i, j in pairs if j >= 0 and weights[i][j] > 0]


def max_bipartite_matching(compatible: Sequence[Sequence[bool]]) -> list[tuple[int, int]]:
    """The largest set of one-to-one (row, column) pairs with ``compatible[row][col]`` true."""
    return max_weight_matching([[1 if c else 0 for c in row] for row in compatible])
