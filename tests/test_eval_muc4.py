"""MUC-4 scorers on small hand-made cases with exact numbers."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from incidex.errors import EmptyInputError, MalformedRecordError
from incidex.evaluate.muc4 import (
    PRF,
    ROLES,
    Template,
    format_report,
    load_documents,
    load_gold,
    load_predictions,
    normalise,
    score,
    template_to_json,
)


def T(itype: str, **roles: list[list[str]]) -> Template:
    return Template(itype, {r: tuple(tuple(e) for e in roles.get(r, [])) for r in ROLES})


def counts(p: PRF) -> tuple[int, int, int]:
    return (p.correct, p.predicted, p.gold)


GOLD_1 = [T("attack", PerpInd=[["guerrillas", "guerrilla column"]], Target=[["farm"]])]


def test_perfect_prediction_is_one() -> None:
    gold = {
        "d1": GOLD_1,
        "d2": [T("kidnapping", Victim=[["jose"]]), T("bombing", Weapon=[["bomb"]])],
    }
    s = score(gold, gold)
    assert counts(s.template_f1.total) == (7, 7, 7)
    assert counts(s.ceaf_ree.total) == (4, 4, 4)
    for m in (s.template_f1.total, s.ceaf_ree.total):
        assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)


def test_empty_gold_doc_and_empty_prediction_contribute_nothing() -> None:
    pred = {"d1": [T("attack", PerpInd=[["guerrillas"]])]}
    base = score({"d1": GOLD_1}, pred)
    with_empty = score({"d1": GOLD_1, "d0": []}, {**pred, "d0": []})
    missing_line = score({"d1": GOLD_1, "d0": []}, pred)
    for s in (with_empty, missing_line):
        assert s.template_f1 == base.template_f1
        assert s.ceaf_ree == base.ceaf_ree
    # and the numbers themselves: type + guerrillas correct of 2 predicted, 3 gold
    assert counts(base.template_f1.total) == (2, 2, 3)
    assert base.template_f1.total.recall == pytest.approx(2 / 3)


def test_spurious_template_on_empty_gold_lowers_precision_only() -> None:
    gold = {"d1": [T("attack", PerpInd=[["x"]])], "d0": []}
    pred = {"d1": gold["d1"], "d0": [T("bombing", Weapon=[["bomb"]], Target=[["car"]])]}
    s = score(gold, pred)
    tf = s.template_f1.total
    assert counts(tf) == (2, 5, 2)
    assert (tf.precision, tf.recall) == (0.4, 1.0)
    assert tf.f1 == pytest.approx(4 / 7)
    ce = s.ceaf_ree.total
    assert counts(ce) == (1, 3, 1)
    assert (ce.precision, ce.recall) == (pytest.approx(1 / 3), 1.0)


def test_two_type_gold_template_matched_by_one_of_its_types() -> None:
    gold = {"d": [T("attack / bombing", Target=[["embassy"]])]}
    for itype in ("bombing", "attack", "attack / bombing", " Bombing "):
        s = score(gold, {"d": [T(itype, Target=[["embassy"]])]})
        assert counts(s.template_f1.total) == (2, 2, 2)
    # the other way round is no match: "attack / bombing" is not in "bombing"
    s = score(
        {"d": [T("bombing", Target=[["embassy"]])]},
        {"d": [T("attack / bombing", Target=[["embassy"]])]},
    )
    assert counts(s.template_f1.total) == (0, 2, 2)


def test_wrong_type_prevents_matching() -> None:
    gold = {"d": [T("kidnapping", Victim=[["mayor"]])]}
    s = score(gold, {"d": [T("attack", Victim=[["mayor"]])]})
    assert counts(s.template_f1.total) == (0, 2, 2)
    assert s.template_f1.total.f1 == 0.0
    # CEAF-REE pools role fillers and ignores types
    assert counts(s.ceaf_ree.total) == (1, 1, 1)


def test_optimal_mapping_beats_greedy() -> None:
    gold = {
        "d": [
            T("attack", PerpInd=[["fmln"]], Target=[["bridge"]], Victim=[["soldiers"]]),
            T("attack", PerpInd=[["eln"]], Target=[["pipeline"]]),
        ]
    }
    pred = {
        "d": [
            # with gold 1: type, fmln, bridge, soldiers = 4; with gold 2: type, eln, pipeline = 3
            T(
                "attack",
                PerpInd=[["fmln"], ["eln"]],
                Target=[["bridge"], ["pipeline"]],
                Victim=[["soldiers"]],
            ),
            # with gold 1: type + bridge + soldiers = 3; with gold 2: type only = 1
            T("attack", Target=[["bridge"]], Victim=[["soldiers"]]),
        ]
    }
    s = score(gold, pred)
    tf = s.template_f1.total
    # greedy (pred 1 -> gold 1 first) would give 4 + 1 = 5; the best mapping gives 3 + 3 = 6
    assert counts(tf) == (6, 9, 7)
    assert (tf.precision, tf.recall) == (pytest.approx(2 / 3), pytest.approx(6 / 7))
    assert tf.f1 == pytest.approx(0.75)
    per = {r: counts(p) for r, p in s.template_f1.per_role.items()}
    assert per == {
        "incident_type": (2, 2, 2),
        "PerpInd": (1, 2, 2),
        "PerpOrg": (0, 0, 0),
        "Target": (2, 3, 2),
        "Victim": (1, 2, 1),
        "Weapon": (0, 0, 0),
    }
    # a role with nothing predicted and nothing gold scores 1.0 rather than 0/0
    assert s.template_f1.per_role["Weapon"].f1 == 1.0
    assert s.template_f1.per_role["PerpInd"].f1 == pytest.approx(0.5)


def test_entity_mixing_two_gold_entities_is_wrong() -> None:
    gold = {"d": [T("attack", Victim=[["jose perez", "perez"], ["maria lopez"]])]}
    s = score(gold, {"d": [T("attack", Victim=[["perez", "maria lopez"]])]})
    assert counts(s.template_f1.per_role["Victim"]) == (0, 1, 2)
    assert counts(s.template_f1.total) == (1, 2, 3)
    assert counts(s.ceaf_ree.total) == (0, 1, 2)
    s = score(gold, {"d": [T("attack", Victim=[["perez", "jose perez"]])]})
    assert counts(s.template_f1.per_role["Victim"]) == (1, 1, 2)


def test_normalisation() -> None:
    assert normalise("The FMLN,") == "fmln"
    assert normalise("  An   Urban\tCommando's ") == "urban commandos"
    assert normalise("theatre in a town") == "theatre in town"
    assert normalise("“the” — ") == ""
    gold = {"d": [T("attack", PerpOrg=[["fmln"]])]}
    s = score(gold, {"d": [T("attack", PerpOrg=[["The FMLN,"]])]})
    assert counts(s.template_f1.total) == (2, 2, 2)
    assert counts(s.ceaf_ree.total) == (1, 1, 1)


def test_unmatched_gold_template_counts_in_recall() -> None:
    gold = {"d": [T("attack", PerpInd=[["x"]]), T("bombing", Weapon=[["dynamite"]])]}
    s = score(gold, {"d": [T("attack", PerpInd=[["x"]])]})
    tf = s.template_f1.total
    assert counts(tf) == (2, 2, 4)
    assert (tf.precision, tf.recall) == (1.0, 0.5)
    assert tf.f1 == pytest.approx(2 / 3)
    assert counts(s.template_f1.per_role["Weapon"]) == (0, 0, 1)


def test_ceaf_ree_subset_rule_and_one_to_one() -> None:
    gold = {"d": [T("attack", Victim=[["jose perez", "perez"]])]}
    # both predicted entities fit the single gold entity, but only one may be aligned with it
    s = score(gold, {"d": [T("attack", Victim=[["perez"], ["jose perez"]])]})
    assert counts(s.ceaf_ree.total) == (1, 2, 1)
    assert (s.ceaf_ree.total.precision, s.ceaf_ree.total.recall) == (0.5, 1.0)
    # a mention outside the gold entity: not a subset
    s = score(gold, {"d": [T("attack", Victim=[["perez", "mr perez"]])]})
    assert counts(s.ceaf_ree.total) == (0, 1, 1)
    # the alignment is the best one, not the first fit: "terrorists" must go to gold 2
    gold = {"d": [T("attack", PerpInd=[["guerrillas", "terrorists"], ["terrorists"]])]}
    s = score(gold, {"d": [T("attack", PerpInd=[["terrorists"], ["guerrillas"]])]})
    assert counts(s.ceaf_ree.per_role["PerpInd"]) == (2, 2, 2)


def test_ceaf_ree_pools_templates_and_dedups() -> None:
    gold = {
        "d": [T("attack", PerpOrg=[["fmln"]], Target=[["bus"]]), T("bombing", PerpOrg=[["FMLN"]])]
    }
    s = score(gold, {"d": [T("arson", PerpOrg=[["the fmln"]])]})
    per = {r: counts(p) for r, p in s.ceaf_ree.per_role.items()}
    assert per == {
        "PerpInd": (0, 0, 0),
        "PerpOrg": (1, 1, 1),
        "Target": (0, 0, 1),
        "Victim": (0, 0, 0),
        "Weapon": (0, 0, 0),
    }
    assert counts(s.ceaf_ree.total) == (1, 1, 2)
    # template F1 sees no matching type at all
    assert counts(s.template_f1.total) == (0, 2, 5)


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    return path


def test_files_round_trip_and_unknown_docids(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gold_rows = [
        {
            "docid": "D1",
            "doctext": "the fmln attacked a farm.",
            "templates": [
                {
                    "incident_type": "attack",
                    "PerpInd": [],
                    "PerpOrg": [[["the fmln", 0]]],
                    "Target": [[["a farm", 18], ["farm", 20]]],
                    "Victim": [],
                    "Weapon": [],
                }
            ],
        },
        {"docid": "D2", "doctext": "nothing happened.", "templates": []},
    ]
    gold_path = _write(tmp_path / "gold.jsonl", gold_rows)
    docs = load_documents(gold_path)
    assert [d.docid for d in docs] == ["D1", "D2"] and docs[0].text.startswith("the fmln")
    gold = load_gold(gold_path)
    assert gold["D1"][0].entities("Target") == (("a farm", "farm"),)
    assert gold["D2"] == []
    pred_rows = [
        {"docid": d, "templates": [template_to_json(t) for t in ts]} for d, ts in gold.items()
    ]
    pred_rows.append({"docid": "ELSEWHERE", "templates": [{"incident_type": "attack"}]})
    preds = load_predictions(_write(tmp_path / "pred.jsonl", pred_rows))
    with caplog.at_level(logging.WARNING, logger="incidex.evaluate.muc4"):
        s = score(gold, preds)
    assert "ELSEWHERE" in caplog.text
    assert s.ignored_docids == ("ELSEWHERE",)
    assert s.template_f1.total.f1 == 1.0 and s.ceaf_ree.total.f1 == 1.0
    data = json.loads(s.to_json())
    assert data["template_f1"]["f1"] == 1.0
    assert data["ceaf_ree"]["per_role"]["PerpOrg"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "correct": 1,
        "predicted": 1,
        "gold": 1,
    }
    assert data["n_documents"] == 2 and data["ignored_docids"] == ["ELSEWHERE"]
    report = format_report(s)
    assert "Template F1" in report and "CEAF-REE" in report and "not in gold ignored" in report
    totals = [ln.split() for ln in report.splitlines() if ln.strip().startswith("all")]
    assert totals == [
        ["all", "100.00", "100.00", "100.00", "3", "3", "3"],
        ["all", "100.00", "100.00", "100.00", "2", "2", "2"],
    ]


def test_prediction_reader_is_lenient_about_shape(tmp_path: Path) -> None:
    rows = [
        {
            "docid": "D1",
            "templates": [
                {
                    "incident_type": "bombing",
                    "Weapon": ["bomb", [], ["", "  "], ["dynamite", "tnt"]],
                }
            ],
        }
    ]
    preds = load_predictions(_write(tmp_path / "p.jsonl", rows))
    # a bare string is a one-mention entity; empty entities and blank mentions are dropped
    assert preds["D1"][0].entities("Weapon") == (("bomb",), ("dynamite", "tnt"))
    assert preds["D1"][0].entities("Victim") == ()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert load_predictions(empty) == {}
    with pytest.raises(EmptyInputError):
        load_gold(empty)


@pytest.mark.parametrize(
    "line",
    [
        "{not json",
        '{"templates": []}',
        '{"docid": "D", "templates": {}}',
        '{"docid": "D", "templates": [{"incident_type": "attack", "Victim": {}}]}',
        "[1, 2]",
        '{"docid": "D", "templates": [{"incident_type": 3}]}',
        '{"docid": "D", "templates": [{"incident_type": "attack", "Victim": "x"}]}',
        '{"docid": "D", "templates": [{"incident_type": "attack", "Victim": [[7]]}]}',
        '{"docid": "D", "templates": []}\n{"docid": "D", "templates": []}',
    ],
)
def test_malformed_lines_are_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(MalformedRecordError):
        load_predictions(path)
