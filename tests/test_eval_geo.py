"""The geoparsing scorer behind ``incidex eval geo``, on hand-made documents."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from incidex.errors import MalformedRecordError
from incidex.evaluate.geo import (
    MAX_ERROR_KM,
    auc_of_errors,
    evaluate_geo,
    format_geo_report,
    load_geo_documents,
    score_geo,
)

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _gold(tmp_path: Path) -> Path:
    text = "Paris and Lyon and Nowhere."
    return _write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "1",
                "text": text,
                "toponyms": [
                    {"start": 0, "end": 5, "name": "Paris", "lat": 48.85, "lon": 2.35, "geonameid": "29"},
                    {"start": 10, "end": 14, "name": "Lyon", "lat": 45.76, "lon": 4.83, "geonameid": 2996944},
                    {"start": 19, "end": 26, "name": "Nowhere", "lat": 0.0, "lon": 0.0},
                    {"start": 0, "end": 4, "name": "Lyon", "lat": 45.76, "lon": 4.83},  # does not slice
                ],
            }
        ],
    )


def test_scores_a_hand_made_case(tmp_path: Path) -> None:
    gold = load_geo_documents(_gold(tmp_path))
    predictions = _write(
        tmp_path / "pred.jsonl",
        [
            {
                "id": "1",
                "toponyms": [
                    {"start": 0, "end": 5, "lat": 48.85, "lon": 2.35, "geonameid": 29},
                    # Lyon put 1 degree of latitude north (~111 km): right within 161 km, wrong id
                    {"start": 10, "end": 14, "lat": 46.76, "lon": 4.83, "geonameid": 1},
                    {"start": 19, "end": 26, "lat": None, "lon": None, "geonameid": None},
                ],
            }
        ],
    )
    scores = score_geo(gold, predictions)
    assert (scores.toponyms, scores.skipped, scores.resolved) == (3, 1, 2)
    assert scores.within_161km == 2
    assert scores.accuracy == pytest.approx(2 / 3)
    assert (scores.with_geonameid, scores.exact_geonameid) == (2, 1)
    assert scores.median_km == pytest.approx(111.2, abs=0.5)
    assert scores.mean_km == pytest.approx((0 + 111.2 + MAX_ERROR_KM) / 3, abs=0.5)
    expected_auc = auc_of_errors([0.0, 111.19, MAX_ERROR_KM])
    assert scores.auc == pytest.approx(expected_auc, abs=1e-4)
    assert 0.0 < scores.auc < 1.0


def test_missing_prediction_counts_as_wrong(tmp_path: Path) -> None:
    gold = load_geo_documents(_gold(tmp_path))
    scores = score_geo(gold, _write(tmp_path / "pred.jsonl", []))
    assert scores.resolved == 0 and scores.within_161km == 0 and scores.accuracy == 0.0
    assert scores.median_km == MAX_ERROR_KM
    assert scores.auc == pytest.approx(1.0)


def test_auc_bounds() -> None:
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0
    assert auc_of_errors([MAX_ERROR_KM] * 4) == pytest.approx(1.0)
    assert auc_of_errors([]) == 0.0
    assert auc_of_errors([MAX_ERROR_KM * 3]) == 1.0  # clipped
    half = auc_of_errors([0.0, MAX_ERROR_KM])
    assert half == pytest.approx(0.5)
    assert auc_of_errors([10.0]) == pytest.approx(math.log(11) / math.log(MAX_ERROR_KM))


def test_evaluate_writes_predictions_in_the_contract_format(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    scores = evaluate_geo(FIXTURES / "tiny.jsonl", out, recognise=True)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    for line in lines:
        assert set(line) == {"id", "toponyms"}
        for top in line["toponyms"]:
            assert set(top) == {"start", "end", "lat", "lon", "geonameid"}
    grozny = lines[0]["toponyms"][0]
    assert (grozny["start"], grozny["end"]) == (15, 21)
    assert grozny["geonameid"] == 558418 and abs(grozny["lat"] - 43.31) < 0.1
    unknown = lines[1]["toponyms"][0]
    assert unknown["lat"] is None and unknown["geonameid"] is None  # nothing to place it by
    assert scores.toponyms == 3 and scores.skipped == 1
    assert scores.within_161km == 2 and scores.exact_geonameid == 1
    rec = scores.recognition
    assert rec is not None and rec.gold == 3
    assert rec.exact >= 2 and rec.exact_prf()["recall"] == pytest.approx(rec.exact / 3)
    report = format_geo_report(scores)
    assert "within 161 km" in report and "recognition" in report
    assert json.loads(scores.to_json())["accuracy_161km"] == pytest.approx(2 / 3)


def test_malformed_gold_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "x", "toponyms": [{"start": "a", "end": 2}]}\n')
    with pytest.raises(MalformedRecordError):
        load_geo_documents(bad)
