"""Incident confidence: the calibration report, and where the confidence comes from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidex.article import Article
from incidex.cli import app
from incidex.evaluate.calibration import evaluate_calibration, reliability
from incidex.pipeline.runner import Pipeline


def test_reliability_of_a_perfectly_calibrated_set() -> None:
    # Four at 0.25 with one right, four at 0.75 with three right: every bin is exact.
    pairs = [(0.25, True), (0.25, False), (0.25, False), (0.25, False),
             (0.75, True), (0.75, True), (0.75, True), (0.75, False)]
    scores = reliability(pairs)
    assert scores.ece == pytest.approx(0.0)
    assert scores.base_rate == pytest.approx(0.5)
    assert scores.brier == pytest.approx(0.1875)
    assert scores.brier_base_rate == pytest.approx(0.25)
    assert [(b.low, b.count, b.observed) for b in scores.bins] == [(0.2, 4, 0.25), (0.7, 4, 0.75)]


def test_reliability_of_an_overconfident_set() -> None:
    # Always 0.9, right half the time: the gap is 0.4; 1.0 falls in the last bin.
    scores = reliability([(0.9, True), (0.9, False), (1.0, True), (1.0, False)])
    assert scores.ece == pytest.approx(0.45)
    assert len(scores.bins) == 1 and scores.bins[0].count == 4


def test_reliability_of_nothing() -> None:
    scores = reliability([])
    assert scores.incidents == 0 and scores.bins == []


TEXT = ("guerrillas bombed the power station in the town of la paz today. "
        "the president spoke about the economy.")


def _write_muc4(path: Path, with_template: bool) -> Path:
    templates = [{"incident_type": "bombing", "PerpInd": [], "PerpOrg": [],
                  "Target": [[["power station", TEXT.index("power station")]]],
                  "Victim": [], "Weapon": []}] if with_template else []
    path.write_text(json.dumps({"docid": "DEV-1", "doctext": TEXT, "templates": templates}) + "\n",
                    encoding="utf-8")
    return path


def test_confidence_is_the_relevance_probability() -> None:
    doc = Pipeline().run(Article(text=TEXT, id="a"))
    assert doc.frames
    for frame, incident in zip(doc.frames, doc.incidents, strict=True):
        assert frame.relevance is not None
        assert incident.confidence == pytest.approx(frame.relevance, abs=1e-3)


def test_calibration_labels_follow_the_gold_templates(tmp_path: Path) -> None:
    real = evaluate_calibration(_write_muc4(tmp_path / "real.jsonl", True))
    none = evaluate_calibration(_write_muc4(tmp_path / "none.jsonl", False))
    assert real.documents == none.documents == 1
    assert real.incidents == none.incidents >= 1
    assert real.base_rate > 0.0
    assert none.base_rate == 0.0


def test_cli_prints_the_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "calibration", str(_write_muc4(tmp_path / "d.jsonl", True)),
                                      "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 1 and report["incidents"] >= 1
    assert 0.0 <= report["ece"] <= 1.0


def test_without_the_relevance_stage_confidence_counts_signals() -> None:
    doc = Pipeline.named("rules").run(Article(text=TEXT, id="a"))
    assert doc.incidents
    assert all(f.relevance is None for f in doc.frames)
    # 0.3 + 0.6 * (signals present / 6): a multiple of 0.1 between 0.3 and 0.9.
    assert all(0.3 <= i.confidence <= 0.9 and round(i.confidence * 10, 6) % 1 == 0
               for i in doc.incidents)
