"""ACLED-style CSV and Parquet exports, and the GTD -> ACLED event crosswalk."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from factories import REPORTS, make_incident
from incidex.codebook import acled_event
from incidex.errors import InputError
from incidex.export import ACLED_COLUMNS, export_to_path, read_parquet, write_export
from incidex.record import Casualties, Count, Incident


def acled_rows(items: list[Incident]) -> dict[str, dict[str, str]]:
    out = io.StringIO(newline="")
    assert write_export(items, "acled", out) == len(items)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    return {row["event_id_cnty"]: row for row in reader}


def test_acled_row_of_a_suicide_bombing_claimed_by_a_group() -> None:
    kabul = make_incident("kabul")
    row = acled_rows([kabul])[kabul.id]
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-04", "2024", "1")
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Suicide bomb")
    assert row["actor1"] == "Islamic State"
    assert row["actor2"] == "Police Forces of Afghanistan"
    assert row["civilian_targeting"] == ""
    assert (row["country"], row["admin1"], row["location"]) == ("Afghanistan", "Kabul", "Kabul")
    assert row["geo_precision"] == "1"
    assert row["fatalities"] == "12"
    assert row["source"] == "police"
    assert row["gtd_attack_type"] == "Bombing/Explosion"


def test_acled_fatalities_count_the_attackers_and_unnamed_groups_are_unidentified() -> None:
    base = make_incident("mogadishu")
    incident = base.model_copy(update={
        "perpetrators": [],
        "casualties": Casualties(killed=Count.exactly(5), perpetrators_killed=Count.exactly(3)),
    })
    row = acled_rows([incident])[incident.id]
    assert row["fatalities"] == "8"
    assert row["actor1"] == "Unidentified Armed Group (Somalia)"
    assert row["actor2"] == "Civilians (Somalia)"
    assert row["event_type"] == "Violence against civilians"
    assert row["civilian_targeting"] == "Civilian targeting"


def test_an_incident_with_no_place_has_no_geo_precision() -> None:
    ramming = make_incident("ramming")
    row = acled_rows([ramming])[ramming.id]
    assert row["geo_precision"] == "" and row["country"] == ""
    assert row["actor1"] == "Unidentified Armed Group"


@pytest.mark.parametrize(
    ("attack", "weapons", "target", "suicide", "expected"),
    [
        ("Armed Assault", ["Firearms"], "Military", False, ("Battles", "Armed clash")),
        ("Armed Assault", ["Firearms"], "Private Citizens & Property", False,
         ("Violence against civilians", "Attack")),
        ("Bombing/Explosion", ["Explosives"], "Police", False,
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("Bombing/Explosion", ["Explosives"], "Business", True,
         ("Explosions/Remote violence", "Suicide bomb")),
        ("Hostage Taking (Kidnapping)", ["Firearms"], "Police", False,
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("Facility/Infrastructure Attack", ["Incendiary"], "Business", False,
         ("Strategic developments", "Looting/property destruction")),
        ("Unarmed Assault", ["Chemical"], "Private Citizens & Property", False,
         ("Explosions/Remote violence", "Chemical weapon")),
        (None, [], None, None, ("Violence against civilians", "Attack")),
        ("Not a GTD type", [], None, None, ("Violence against civilians", "Attack")),
    ],
)
def test_acled_crosswalk(
    attack: str | None,
    weapons: list[str],
    target: str | None,
    suicide: bool | None,
    expected: tuple[str, str],
) -> None:
    assert acled_event(attack, weapons, target, suicide) == expected


def test_parquet_round_trips_every_record(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    items = [make_incident(name) for name in REPORTS]
    path = tmp_path / "incidents.parquet"
    assert export_to_path(items, "parquet", path) == len(items)
    assert read_parquet(path) == items
    table = pq.read_table(str(path))
    assert table.schema.field("nkill").type == "int64"
    assert table.schema.field("latitude").type == "double"
    assert table.column("country_txt").to_pylist()[0] == "Afghanistan"
    assert not list(tmp_path.glob(".*partial"))  # written under a temporary name, then renamed


def test_parquet_of_nothing_is_a_valid_empty_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "empty.parquet"
    assert export_to_path([], "parquet", path) == 0
    assert read_parquet(path) == []


def test_parquet_needs_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary format"):
        write_export([], "parquet", io.StringIO())
    with pytest.raises(InputError, match="unknown export format"):
        export_to_path([], "xlsx", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
