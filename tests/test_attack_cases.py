"""The codebook's attack-type cases decided by target and outcome (``attack_cases``)."""

from __future__ import annotations

import incidex
from incidex.record import Incident


def _one(text: str) -> Incident:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0]


def test_shots_at_an_empty_building_are_a_facility_attack() -> None:
    incident = _one("Shots were fired overnight at an Army recruiting office in Dayton, Ohio, "
                    "United States. No one was in the building at the time, but two windows "
                    "were broken.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"
    assert incident.weapon_types[0] == "Firearms"


def test_shots_at_a_substation_are_a_facility_attack() -> None:
    incident = _one("Assailants opened fire on an electrical substation in Moab, Utah, United "
                    "States, damaging three transformers.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"


def test_shots_that_wound_people_in_a_building_stay_an_armed_assault() -> None:
    incident = _one("Gunmen opened fire overnight on a police station in Dayton, Ohio, United "
                    "States, wounding two officers.")
    assert incident.attack_types[0] == "Armed Assault"


def test_an_incendiary_device_that_exploded_is_a_bombing() -> None:
    incident = _one("An incendiary device exploded at a research laboratory in Tucson, Arizona, "
                    "United States. There were no casualties, but the building was damaged.")
    assert incident.attack_types[0] == "Bombing/Explosion"


def test_an_incendiary_device_that_burned_is_a_facility_attack() -> None:
    incident = _one("An incendiary device set fire to a research laboratory in Tucson, Arizona, "
                    "United States. There were no casualties, but the building was damaged.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"
