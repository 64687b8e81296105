from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from factories import REPORTS, all_reports, make_incident
from incidex.errors import InputError
from incidex.export import GTD_COLUMNS, write_export, write_geojson
from incidex.record import Incident
from incidex.store import open_store


def incidents() -> list[Incident]:
    return [make_incident(name) for name in REPORTS]


def export(fmt: str, items: list[Incident] | None = None) -> tuple[int, str]:
    out = io.StringIO(newline="")
    count = write_export(items if items is not None else incidents(), fmt, out)
    return count, out.getvalue()


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == GTD_COLUMNS
    return {row["eventid"]: row for row in reader}


def test_jsonl_round_trips_every_record_with_evidence() -> None:
    count, text = export("jsonl")
    lines = text.splitlines()
    assert count == len(lines) == len(REPORTS)
    assert [Incident.model_validate_json(line) for line in lines] == incidents()


def test_csv_has_gtd_columns_and_values() -> None:
    count, text = export("csv")
    rows = csv_rows(text)
    assert count == len(rows) == len(REPORTS)

    kabul = rows[make_incident("kabul").id]
    assert kabul["iyear"] == "2024" and kabul["imonth"] == "3" and kabul["iday"] == "4"
    assert kabul["country_txt"] == "Afghanistan"
    assert kabul["provstate"] == "Kabul" and kabul["city"] == "Kabul"  # GTD names both
    assert float(kabul["latitude"]) == 34.5281 and float(kabul["longitude"]) == 69.1723
    assert kabul["specificity"] == "1"
    assert kabul["attacktype1_txt"] == "Bombing/Explosion" and kabul["attacktype2_txt"] == ""
    assert kabul["weaptype1_txt"] == "Explosives"
    assert kabul["targtype1_txt"] == "Police"
    assert kabul["gname"] == "Islamic State"
    assert kabul["claimed"] == "1"
    assert kabul["claimmode_txt"] == "Posted to website, blog, etc."
    assert (kabul["suicide"], kabul["success"], kabul["multiple"]) == ("1", "1", "0")
    assert (kabul["nkill"], kabul["nwound"], kabul["nkillter"]) == ("12", "30", "")
    assert kabul["article_ids"] == make_incident("kabul").article_ids[0]

    mogadishu = rows[make_incident("mogadishu").id]
    assert mogadishu["city"] == "Mogadishu"
    assert mogadishu["attacktype2_txt"] == "Hostage Taking (Barricade Incident)"
    assert (mogadishu["suicide"], mogadishu["nwound"]) == ("0", "2")  # "several" -> 2

    zamfara = rows[make_incident("zamfara").id]
    assert (zamfara["iyear"], zamfara["imonth"], zamfara["iday"]) == ("2022", "5", "")
    # Individuals only ("armed bandits"), no group: GTD writes Unknown.
    assert (zamfara["gname"], zamfara["claimed"], zamfara["claimmode_txt"]) == ("Unknown", "0", "")
    assert zamfara["nkill"] == ""

    ramming = rows[make_incident("ramming").id]
    assert ramming["weaptype1_txt"].startswith("Vehicle (not to include vehicle-borne")
    assert (ramming["gname"], ramming["claimed"], ramming["latitude"]) == ("", "", "")
    assert ramming["specificity"] == "5"


def test_csv_round_trips_commas_quotes_and_newlines_in_summaries() -> None:
    tricky = make_incident("kabul").model_copy(
        update={
            "id": "inc-tricky",
            "summary": 'He said, "they came at night",\nthen left;\r\nall, "quiet".',
        }
    )
    _, text = export("csv", [tricky, *incidents()])
    rows = csv_rows(text)
    assert rows[tricky.id]["summary"] == tricky.summary
    for incident in incidents():
        assert rows[incident.id]["summary"] == incident.summary


def test_csv_to_a_file_opened_as_documented(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        write_export(incidents(), "csv", out)
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["summary"] for r in rows] == [i.summary for i in incidents()]


def test_geojson_is_points_with_flat_properties_and_skips_unplaced(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="incidex.export"):
        count, text = export("geojson")
    collection = json.loads(text)

    assert collection["type"] == "FeatureCollection"
    assert count == len(collection["features"]) == len(REPORTS) - 1
    by_id = {f["id"]: f for f in collection["features"]}
    assert make_incident("ramming").id not in by_id
    kabul = by_id[make_incident("kabul").id]
    assert kabul["geometry"] == {"type": "Point", "coordinates": [69.1723, 34.5281]}
    assert kabul["properties"]["nkill"] == 12
    assert kabul["properties"]["gname"] == "Islamic State"
    assert kabul["properties"]["nkillter"] is None
    assert set(kabul["properties"]) == set(GTD_COLUMNS)
    assert "left out 1 incident" in caplog.text


def test_geojson_reports_what_it_skipped_and_stays_valid_when_empty() -> None:
    out = io.StringIO()
    result = write_geojson([make_incident("ramming")], out)
    assert (result.written, result.skipped) == (0, 1)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_writers_stream_instead_of_collecting_first(fmt: str) -> None:
    out = io.StringIO()
    seen_before_second: list[int] = []

    def produce() -> Iterator[Incident]:
        yield make_incident("kabul")
        seen_before_second.append(len(out.getvalue()))
        yield make_incident("mogadishu")

    assert write_export(produce(), fmt, out) == 2
    assert "Kabul" in out.getvalue()[: seen_before_second[0]]


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="jsonl, csv, acled, geojson, parquet"):
        export("xlsx")
    assert export("CSV")[0] == len(REPORTS)


def test_export_straight_from_the_store(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'incidex.db'}") as store:
        store.ingest_many(all_reports())
        out = io.StringIO(newline="")
        count = write_export(store.iter_incidents(batch=2), "csv", out)
    rows = csv_rows(out.getvalue())
    assert count == len(rows) == len(REPORTS)
    assert rows[make_incident("mogadishu").id]["nkill"] == "5"


def test_csv_totals_count_attackers_as_the_codebook_does() -> None:
    from incidex.record import Casualties, Count

    base = make_incident("kabul")
    incident = base.model_copy(update={"casualties": Casualties(
        killed=Count.exactly(3), wounded=Count.exactly(5),
        perpetrators_killed=Count.exactly(1), perpetrators_wounded=None,
    )})
    _, text = export("csv", [incident])
    row = csv_rows(text)[incident.id]
    assert (row["nkill"], row["nkillter"], row["nwound"], row["nwoundte"]) == ("4", "1", "5", "")
