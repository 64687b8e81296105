"""The cluster scorer and gold-set helpers behind ``incidex eval dedup``, on hand-made cases."""

from __future__ import annotations

import pytest

from incidex.evaluate.dedup import score_clusters
from incidex.evaluate.dedup_gold import _lead, _types_compatible


def test_perfect_clustering_scores_one() -> None:
    scores = score_clusters(["a", "a", "b"], ["x", "x", "y"])
    assert (scores.pairwise_precision, scores.pairwise_recall, scores.bcubed_f1) == (1.0, 1.0, 1.0)
    assert scores.gold_pairs == scores.correct_pairs == 1
    assert scores.gold_multi_clusters == 1


def test_merging_everything_keeps_recall_and_loses_precision() -> None:
    scores = score_clusters(["a", "a", "b", "c"], ["x"] * 4)
    assert scores.pairwise_recall == 1.0
    assert scores.pairwise_precision == pytest.approx(1 / 6)
    # B-cubed precision per item: 2/4 for the two a's, 1/4 for b and c.
    assert scores.bcubed_precision == pytest.approx((0.5 + 0.5 + 0.25 + 0.25) / 4)
    assert scores.bcubed_recall == 1.0


def test_splitting_a_gold_pair_is_a_recall_error_on_the_multi_items() -> None:
    scores = score_clusters(["a", "a", "b"], ["x", "y", "z"])
    assert scores.pairwise_recall == 0.0
    assert scores.multi_bcubed_recall == pytest.approx(0.5)
    assert scores.multi_bcubed_precision == 1.0


def test_attack_is_compatible_with_bombing_but_kidnapping_is_not() -> None:
    assert _types_compatible("attack", "bombing")
    assert _types_compatible("bombing / arson", "arson")
    assert not _types_compatible("kidnapping", "bombing")


def test_lead_sentence_drops_the_country_prefix_and_the_boilerplate() -> None:
    text = "ARGENTINA.  A bomb exploded at a bank in Rosario. Police said nobody was hurt."
    assert _lead(text) == "A bomb exploded at a bank in Rosario."
