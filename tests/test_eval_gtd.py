"""GTD and RAND field scorers on hand-made rows: normalisation, gold-known rules, the report."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from incidex.errors import MalformedRecordError
from incidex.evaluate.field_matching import (
    group_named_in,
    same_city,
    same_country,
    same_group,
    same_weapon,
)
from incidex.evaluate.field_values import decode_text, fold, parse_count, read_csv_rows
from incidex.evaluate.fields import FieldScores, format_field_report
from incidex.evaluate.gtd import (
    PREDICTION_COLUMNS,
    compare_row,
    evaluate_gtd,
    prediction_row,
    score_gtd,
)
from incidex.evaluate.rand import compare_rand_row, evaluate_rand, load_rand
from incidex.record import Casualties, Count, Incident, Location

FIXTURES = Path(__file__).parent / "fixtures" / "eval"

# --------------------------------------------------------------------------- reading


def test_mixed_utf8_and_cp1252_bytes_decode() -> None:
    raw = "Bogotá".encode() + b" \x93quoted\x94 caf\xe9" + "\u2013".encode()
    assert decode_text(b"\xef\xbb\xbf" + raw) == "Bogotá \u201cquoted\u201d café\u2013"


def test_csv_without_summary_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("eventid,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(MalformedRecordError):
        read_csv_rows(path, required=("eventid", "summary"))


@pytest.mark.parametrize(
    ("cell", "expected"), [("", None), ("-99", None), ("-9", None), ("3.0", 3), ("0", 0), ("12", 12)]
)
def test_gtd_unknown_codes_are_no_count(cell: str, expected: int | None) -> None:
    assert parse_count(cell) == expected


# --------------------------------------------------------------------------- normalising


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("  Ash Shaykh ‘Uthmān ") == "ash shaykh uthman"
    assert fold("Al-Qa'ida") == "al qaida"


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [("Medellín", "Medellin"), ("Nawzad", "Nawzad District"), ("Kyiv", "Kiev"), ("Derry", "Londonderry"),
     ("Calcutta", "Kolkata"), ("Ekaterinburg", "Yekaterinburg")],
)
def test_city_matches_spelling_variants(predicted: str, gold: str) -> None:
    assert same_city(predicted, gold)


def test_city_does_not_match_a_different_city() -> None:
    assert not same_city("Kabul", "Kandahar")
    assert not same_city("Orange", "West Orange")
    assert not same_city(None, "Kabul")


def test_country_equivalents() -> None:
    assert same_country("West Bank and Gaza Strip", "West Bank/Gaza")
    assert same_country("Germany", "Federal Republic of Germany")
    assert same_country("Pakistan", "Kashmir") and same_country("India", "Kashmir")
    assert same_country("united states", "United States")
    assert not same_country("Israel", "West Bank and Gaza Strip")
    assert not same_country("China", "Kashmir")


def test_vehicle_weapon_long_label_equals_short() -> None:
    gold = "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)"
    assert same_weapon("Vehicle", gold)
    assert not same_weapon("Explosives", gold)


def test_group_names_match_by_acronym_or_alias() -> None:
    assert same_group("ELF", "Earth Liberation Front (ELF)")
    assert same_group("earth liberation front", "Earth Liberation Front (ELF)")
    assert same_group("Islamic State", "Islamic State of Iraq and the Levant (ISIL)")
    assert not same_group("Hamas", "Earth Liberation Front (ELF)")
    assert not same_group("Hamas", "Unknown")


def test_group_named_in_text() -> None:
    gold = "Islamic State of Iraq and the Levant (ISIL)"
    assert group_named_in("ISIL claimed responsibility for the attack.", gold)
    assert not group_named_in("Unidentified gunmen attacked a bank.", gold)


# --------------------------------------------------------------------------- predicting


def test_prediction_row_puts_counts_in_gtd_terms() -> None:
    incident = Incident(
        id="i1",
        article_ids=["a"],
        location=Location(name="Baghdad", admin1="Baghdad", country="Iraq", specificity=1),
        casualties=Casualties(
            killed=Count.exactly(15), perpetrators_killed=Count.exactly(1), wounded=Count.exactly(80)
        ),
    )
    row = prediction_row("e1", [incident])
    assert row["nkill"] == 16  # GTD's nkill counts the bomber too
    assert row["nwound"] == 80
    assert row["nkillter"] == 1
    assert row["city"] == "Baghdad"  # a city that is also its province is still GTD's city
    assert row["n_incidents"] == 1


def test_prediction_row_without_incident_is_blank() -> None:
    row = prediction_row("e2", [])
    assert row["eventid"] == "e2" and row["n_incidents"] == 0
    assert all(row[c] is None for c in PREDICTION_COLUMNS if c not in ("eventid", "n_incidents"))


# --------------------------------------------------------------------------- scoring

GOLD_NA = {
    "eventid": "1",
    "iyear": "2010",
    "imonth": "5",
    "iday": "3",
    "country_txt": "United States",
    "provstate": "Texas",
    "city": "Austin",
    "latitude": "30.2672",
    "longitude": "-97.7431",
    "attacktype1_txt": "Bombing/Explosion",
    "weaptype1_txt": "Explosives",
    "targtype1_txt": "Business",
    "gname": "Unknown",
    "claimed": "-9",
    "suicide": "0",
    "success": "1",
    "nkill": "0",
    "nwound": "",
    "nkillter": "0",
    "summary": "05/03/2010: A bomb exploded at a shop in Austin, Texas.",
}


def test_compare_row_scores_only_what_gold_knows() -> None:
    pred = {
        "eventid": "1", "iyear": "2010", "imonth": "5", "iday": "3", "country_txt": "United States",
        "provstate": "Texas", "city": "Austin", "latitude": "30.30", "longitude": "-97.70",
        "attacktype1_txt": "Bombing/Explosion", "weaptype1_txt": "Explosives",
        "targtype1_txt": "Private Citizens & Property", "gname": "", "suicide": "", "success": "1",
        "nkill": "", "nwound": "4", "nkillter": "", "n_incidents": "1",
    }
    compared = compare_row(GOLD_NA, pred)
    assert "group (named)" not in compared  # gname Unknown
    assert "claimed" not in compared  # -9
    assert "wounded" not in compared  # blank gold count
    assert compared["killed"] == (0, 0, True)  # blank prediction reads as none killed
    assert compared["suicide"][2]
    assert compared["date"][2] and compared["city"][2]
    assert compared["coordinates"][2]  # about 5 km off
    assert not compared["target type"][2]


def test_coordinates_farther_than_25_km_are_wrong() -> None:
    pred = {"latitude": "30.63", "longitude": "-97.68", "n_incidents": "1"}  # Georgetown, ~40 km
    assert not compare_row(GOLD_NA, pred)["coordinates"][2]


def test_blank_success_is_wrong() -> None:
    assert compare_row(GOLD_NA, {"n_incidents": "1"})["success"] == (1, None, False)


def test_group_scored_named_and_in_text() -> None:
    gold = {**GOLD_NA, "gname": "Earth Liberation Front (ELF)",
            "summary": "05/03/2010: The Earth Liberation Front (ELF) set fire to a sawmill."}
    compared = compare_row(gold, {"gname": "ELF", "n_incidents": "1"})
    assert compared["group (named)"][2] and compared["group (in text)"][2]
    elsewhere = {**gold, "summary": "05/03/2010: Arsonists set fire to a sawmill."}
    assert "group (in text)" not in compare_row(elsewhere, {"gname": "ELF"})


def test_score_counts_rows_mae_and_missing_predictions() -> None:
    gold = [
        {**GOLD_NA, "eventid": "1", "nkill": "3"},
        {**GOLD_NA, "eventid": "2", "nkill": "5"},
        {**GOLD_NA, "eventid": "3", "nkill": "-99"},
    ]
    predicted = {"1": {"nkill": "3", "n_incidents": "1"}, "2": {"nkill": "2", "n_incidents": "2"}}
    scores = score_gtd(gold, predicted)
    killed = scores.fields["killed"]
    assert (killed.n, killed.correct, killed.mae) == (2, 1, 1.5)
    assert scores.rows == 3 and scores.no_incident == 1
    assert scores.fields["year"].n == 3 and scores.fields["year"].correct == 0


def test_report_and_json_show_every_field() -> None:
    scores = FieldScores(dataset="demo", rows=4, no_incident=1)
    scores.field("attack type", 0.92).add(True)
    scores.field("attack type").add(False)
    scores.field("killed").add(True, 0.0)
    scores.field("killed").add(False, 3.0)
    report = format_field_report(scores)
    assert "1 without an incident (25.0 %)" in report
    line = next(ln for ln in report.splitlines() if ln.startswith("attack type"))
    assert line.split()[-3:] == ["2", "50.0", "92"]
    assert "1.50" in next(ln for ln in report.splitlines() if ln.startswith("killed"))
    data = json.loads(scores.to_json())
    assert data["fields"]["killed"] == {"n": 2, "correct": 1, "accuracy": 0.5, "mae": 1.5, "target": None}


# --------------------------------------------------------------------------- end to end


def test_evaluate_gtd_writes_gtd_columns_keyed_by_eventid(tmp_path: Path) -> None:
    out = tmp_path / "pred.csv"
    scores = evaluate_gtd(FIXTURES / "gtd_sample_style.csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["eventid"] for r in rows] == ["900001010001", "900001020001"]
    assert tuple(rows[0]) == PREDICTION_COLUMNS
    assert scores.rows == 2
    assert scores.fields["city"].n == 1  # the "Unknown" city is not scored
    assert "target type" not in scores.fields  # the sample-style file has no targtype1_txt
    assert rows[0]["country_txt"] == "Chile" and rows[0]["iyear"] == "1990"


def test_rand_weapon_classes_map_to_gtd_types() -> None:
    rows = load_rand(FIXTURES / "rand_style.csv")
    assert "weapon type" not in compare_rand_row(rows[1], {"Weapon": "Firearms"})  # "Other"
    assert compare_rand_row(rows[2], {"Weapon": "Incendiary"})["weapon type"][2]
    assert compare_rand_row(rows[0], {"Weapon": "Firearms"})["weapon type"][2]
    assert "city" not in compare_rand_row(rows[1], {})


def test_rand_limit_takes_an_even_sample(tmp_path: Path) -> None:
    rows = load_rand(FIXTURES / "rand_style.csv", limit=2)
    assert [r["row"] for r in rows] == ["rand-0", "rand-1"]
    scores = evaluate_rand(FIXTURES / "rand_style.csv", tmp_path / "p.csv", limit=2)
    assert scores.rows == 2 and scores.fields["country"].n == 2
