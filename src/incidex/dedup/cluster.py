"""Resolution: candidate pairs -> scores -> clusters -> one merged record per cluster.

Clustering is greedy best-link with a no-conflict check (a constrained average-link
agglomeration): candidate pairs are taken from the highest score down; two clusters are joined
when the pair reaches the threshold, no pair across the two clusters is vetoed (same article,
dates or places too far apart: :mod:`incidex.dedup.similarity`), and the mean score of the
scored pairs across them still reaches the threshold. The last check stops chaining, where
A~B and B~C would otherwise merge A with a C it does not resemble.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from incidex.dedup.blocking import candidate_pairs
from incidex.dedup.merge import ArticleMeta, merge
from incidex.dedup.similarity import MATCH_THRESHOLD, MatchExplanation, score_pair
from incidex.record import Incident

__all__ = ["ClusterExplanation", "Resolution", "cluster", "explain", "resolve", "score_candidates"]


@dataclass
class Resolution:
    """The outcome of :func:`resolve`: clusters of input positions and their merged records."""

    clusters: list[list[int]]
    incidents: list[Incident]
    pairs_scored: int
    explanations: dict[tuple[int, int], MatchExplanation] = field(default_factory=dict)

    def cluster_of(self) -> list[int]:
        """For each input position, the index of its cluster."""
        out = [0] * sum(len(c) for c in self.clusters)
        for k, members in enumerate(self.clusters):
            for i in members:
                out[i] = k
        return out


@dataclass(frozen=True)
class ClusterExplanation:
    """Why a merged record holds its members: the scored pairs among them (``show --why``)."""

    incident_id: str
    members: tuple[str, ...]
    pairs: tuple[MatchExplanation, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "incident_id": self.incident_id,
            "members": list(self.members),
            "pairs": [p.to_json() for p in self.pairs],
        }


class _Clusters:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def score_candidates(
    incidents: Sequence[Incident], threshold: float = MATCH_THRESHOLD, max_block: int | None = None
) -> dict[tuple[int, int], MatchExplanation]:
    """Every candidate pair the blocking yields, scored: (i, j) with i < j -> explanation."""
    return {
        (i, j): score_pair(incidents[i], incidents[j], threshold)
        for i, j in candidate_pairs(incidents, max_block)
    }


def cluster(
    n: int, scored: Mapping[tuple[int, int], MatchExplanation], threshold: float = MATCH_THRESHOLD
) -> list[list[int]]:
    """Constrained greedy best-link clusters of positions 0..n-1, each sorted, by first member."""
    clusters = _Clusters(n)
    for (i, j), explanation in sorted(scored.items(), key=lambda kv: (-kv[1].score, kv[0])):
        if explanation.vetoed or explanation.score < threshold:
            continue
        ri, rj = clusters.find(i), clusters.find(j)
        if ri != rj and _compatible(clusters.members[ri], clusters.members[rj], scored, threshold):
            clusters.union(ri, rj)
    return sorted((sorted(m) for m in clusters.members.values()), key=lambda m: m[0])


def resolve(
    incidents: Sequence[Incident],
    articles: Mapping[str, ArticleMeta] | None = None,
    threshold: float = MATCH_THRESHOLD,
    max_block: int | None = None,
    keep_explanations: bool = False,
) -> Resolution:
    """Group incidents that report one event and merge each group (see the module docstring)."""
    scored = score_candidates(incidents, threshold, max_block)
    groups = cluster(len(incidents), scored, threshold)
    merged = [merge([incidents[i] for i in members], articles) for members in groups]
    kept = dict(scored) if keep_explanations else {}
    return Resolution(clusters=groups, incidents=merged, pairs_scored=len(scored), explanations=kept)


def _compatible(
    left: Sequence[int],
    right: Sequence[int],
    scored: Mapping[tuple[int, int], MatchExplanation],
    threshold: float,
) -> bool:
    total, n = 0.0, 0
    for i in left:
        for j in right:
            explanation = scored.get((i, j) if i < j else (j, i))
            if explanation is None:
                continue
            if explanation.vetoed:
                return False
            total += explanation.score
            n += 1
    return n > 0 and total / n >= threshold


def explain(merged: Incident, threshold: float = MATCH_THRESHOLD) -> ClusterExplanation:
    """Every pair of a merged record's members scored again, for ``incidex show ID --why``."""
    members = merged.members()
    pairs = tuple(
        score_pair(a, b, threshold) for k, a in enumerate(members) for b in members[k + 1 :]
    )
    return ClusterExplanation(merged.id, tuple(m.id for m in members), pairs)
