"""Cross-article incident resolution: many reports of one event become one record.

Pure functions over :class:`incidex.Incident` records, no database:

- :mod:`~incidex.dedup.blocking`: which pairs to compare (date window x place cell, perpetrator);
- :mod:`~incidex.dedup.similarity`: a named-feature score for a pair, with vetoes;
- :mod:`~incidex.dedup.cluster`: constrained greedy clustering, :func:`resolve` and :func:`explain`;
- :mod:`~incidex.dedup.merge`: :func:`merge` (per-source figures, reconciled counts) and :func:`split`;
- :mod:`~incidex.dedup.why`: what ``incidex show ID --why`` prints.
"""

from incidex.dedup.blocking import DATE_WINDOW_DAYS, candidate_pairs, home_keys, probe_keys
from incidex.dedup.cluster import ClusterExplanation, Resolution, cluster, explain, resolve, score_candidates
from incidex.dedup.merge import OFFICIAL_WORDS, ArticleMeta, merge, merged_id, reconcile_count, split
from incidex.dedup.similarity import MATCH_THRESHOLD, Feature, MatchExplanation, score_pair
from incidex.dedup.why import format_why, why_json

__all__ = [
    "DATE_WINDOW_DAYS",
    "MATCH_THRESHOLD",
    "OFFICIAL_WORDS",
    "ArticleMeta",
    "ClusterExplanation",
    "Feature",
    "MatchExplanation",
    "Resolution",
    "candidate_pairs",
    "cluster",
    "explain",
    "format_why",
    "home_keys",
    "merge",
    "merged_id",
    "probe_keys",
    "reconcile_count",
    "resolve",
    "score_candidates",
    "score_pair",
    "split",
    "why_json",
]
