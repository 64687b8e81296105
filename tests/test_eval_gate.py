"""Accuracy floors on the development sets, as trafilatura pins its evaluation scores.

Runs when ``../shared/data`` is beside the checkout (as in CI) and skips otherwise. The floors
live in ``tests/eval_baseline.json``; each was set a little below the score measured when it
was last raised, so noise does not fail CI but a real regression does. Lowering a floor is an
explicit edit of that file, to be justified in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="../shared/data not present")


def _check(name: str, measured: dict[str, float]) -> None:
    floors: dict[str, float] = BASELINE[name]
    below = {k: (round(measured[k], 2), floor) for k, floor in floors.items() if measured[k] < floor}
    assert not below, f"{name}: below the pinned floor (measured, floor): {below}"


def _accuracies(scores: dict[str, Any]) -> dict[str, float]:
    """Per-field accuracy in percent from a field report's JSON."""
    return {name: 100 * field["accuracy"] for name, field in scores["fields"].items()}


def test_muc4_dev_floor(tmp_path: Path) -> None:
    from incidex.evaluate.muc4_run import evaluate_muc4

    scores = evaluate_muc4(SHARED / "muc4" / "dev.jsonl", tmp_path / "muc4.jsonl")
    _check("muc4_dev", {
        "template_f1": 100 * scores.template_f1.total.f1,
        "ceaf_ree_f1": 100 * scores.ceaf_ree.total.f1,
    })


def test_gtd_north_america_floor(tmp_path: Path) -> None:
    from incidex.evaluate.gtd import evaluate_gtd

    scores = json.loads(evaluate_gtd(SHARED / "gtd" / "gtd0718_north_america.csv",
                                     tmp_path / "gtd.csv").to_json())
    _check("gtd_north_america", _accuracies(scores))


def test_geowebnews_floor(tmp_path: Path) -> None:
    from incidex.evaluate.geo import evaluate_geo

    scores = json.loads(evaluate_geo(SHARED / "geo" / "geowebnews.jsonl", tmp_path / "geo.jsonl").to_json())
    _check("geowebnews", {
        "accuracy_161km": 100 * scores["accuracy_161km"],
        "geonameid_accuracy": 100 * scores["geonameid_accuracy"],
    })


def test_gtd_sample_floor(tmp_path: Path) -> None:
    # Only fields the learned coder was not fitted on (it is fitted on this file): places and counts.
    from incidex.evaluate.gtd import evaluate_gtd

    scores = json.loads(evaluate_gtd(SHARED / "gtd" / "gtd0718_sample.csv", tmp_path / "gtd.csv").to_json())
    _check("gtd_sample", _accuracies(scores))


def test_rand_floor(tmp_path: Path) -> None:
    from incidex.evaluate.rand import evaluate_rand

    scores = json.loads(evaluate_rand(SHARED / "rand" / "rdwti.csv", tmp_path / "rand.csv",
                                      limit=3000).to_json())
    _check("rand_3000", _accuracies(scores))


def test_geovirus_floor(tmp_path: Path) -> None:
    from incidex.evaluate.geo import evaluate_geo

    scores = json.loads(evaluate_geo(SHARED / "geo" / "geovirus.jsonl", tmp_path / "geo.jsonl").to_json())
    _check("geovirus", {"accuracy_161km": 100 * scores["accuracy_161km"]})
