"""The plain-Python logistic models behind the learned relevance stage: fitting, scoring and
the shipped file format."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidex.errors import DataError
from incidex.models.linear import LinearModel, fit_logistic, load_model, read_model, save_model

_BOMBS = [["w=bomb", "w=exploded", "w=bank"], ["w=bomb", "w=car"], ["w=exploded", "w=market"]] * 6
_TALKS = [["w=talks", "w=minister"], ["w=election", "w=minister"], ["w=talks", "w=market"]] * 6


def _binary() -> LinearModel:
    examples = [(f, "rel") for f in _BOMBS] + [(f, "no") for f in _TALKS]
    return fit_logistic(examples, ["no", "rel"], epochs=10, l2=0.01, rate=0.3, min_count=2)


def test_a_binary_model_learns_which_words_tell_the_class() -> None:
    model = _binary()
    assert model.probability(["w=bomb", "w=exploded"]) > 0.8
    assert model.probability(["w=talks", "w=minister"]) < 0.2
    # a word seen in both classes ("market") says less than one seen in one
    assert abs(model.probability(["w=market"]) - 0.5) < abs(model.probability(["w=bomb"]) - 0.5)


def test_features_seen_too_rarely_are_dropped() -> None:
    examples = [(["w=bomb", "w=once"], "rel"), (["w=bomb"], "rel"), (["w=talks"], "no"),
                (["w=talks"], "no")]
    model = fit_logistic(examples, ["no", "rel"], min_count=2)
    assert "w=once" not in model.weights[0]


def test_a_multi_class_model_gives_a_distribution() -> None:
    examples = ([(["w=kidnapped"], "kidnapping")] * 5 + [(["w=bomb"], "bombing")] * 5
                + [(["w=shot"], "attack")] * 5)
    model = fit_logistic(examples, ["attack", "bombing", "kidnapping"], epochs=10, min_count=1)
    dist = model.distribution(["w=kidnapped"])
    assert sum(dist.values()) == pytest.approx(1.0)
    assert max(dist, key=lambda c: dist[c]) == "kidnapping"


def test_a_saved_model_reads_back_with_the_same_scores(tmp_path: Path) -> None:
    model = _binary()
    path = tmp_path / "m.json.gz"
    save_model(model, path)
    again = read_model(path)
    assert again.classes == model.classes
    assert again.probability(["w=bomb"]) == pytest.approx(model.probability(["w=bomb"]), abs=1e-4)


def test_a_missing_shipped_model_says_how_to_rebuild_it() -> None:
    with pytest.raises(DataError, match="train-muc4-templates"):
        load_model("no-such-model.json.gz")
