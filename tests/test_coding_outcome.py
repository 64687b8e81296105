"""Suicide, success and assassination as the GTD codebook defines them."""

from __future__ import annotations

import incidex
from incidex.article import Article
from incidex.pipeline.runner import Pipeline
from incidex.record import Incident


def _one(text: str) -> Incident:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0]


def test_a_suicide_bomber_is_among_the_dead() -> None:
    incident = _one("A suicide bomber detonated a vest at a funeral in Taloqan, Afghanistan. "
                    "Nineteen people were killed in the attack.")
    assert incident.suicide.value
    assert incident.casualties.perpetrators_killed is not None
    assert incident.casualties.perpetrators_killed.min == 1


def test_a_bomber_who_detonated_without_an_object_blew_himself_up() -> None:
    incident = _one("An assailant detonated at a checkpoint in Maiduguri, Nigeria, killing three people.")
    assert incident.suicide.value


def test_an_intercepted_bomber_fails() -> None:
    incident = _one("Security forces identified and arrested a suicide bomber targeting a cafe in "
                    "Beirut, Lebanon.")
    assert incident.success.value is False


def test_a_bombing_succeeds_when_one_device_goes_off() -> None:
    incident = _one("Assailants threw two grenades at a market in Tripoli, Lebanon. One of the grenades "
                    "detonated and the other was defused.")
    assert incident.success.value is True


def test_an_assault_that_hurt_nobody_fails() -> None:
    incident = _one("A sniper opened fire on soldiers in Mosul, Iraq. There were no reported casualties "
                    "in the assault.")
    assert incident.success.value is False


def test_an_attack_on_a_named_official_is_an_assassination_and_fails_if_he_lives() -> None:
    incident = _one("Assailants opened fire on Rosef Kasirak in Krabi, Thailand. Kasirak, a district "
                    "chairman, was wounded in the attack.")
    assert incident.attack_types[0] == "Assassination"
    assert incident.success.value is False


def test_grenades_thrown_with_firearms_are_an_armed_assault() -> None:
    incident = _one("Assailants armed with grenades and firearms attacked a police camp in Sumbal, "
                    "India, killing two officers.")
    assert incident.attack_types[0] == "Armed Assault"


def test_the_target_of_an_arson_is_read_from_the_verb() -> None:
    incident = _one("Assailants set fire to Riverside Church in Haverhill, Massachusetts, United States.")
    assert incident.target_types[0] == "Religious Figures/Institutions"


def _rules(text: str) -> Incident:
    incidents = Pipeline.named("rules").extract(Article(text=text, id="t"))
    assert incidents
    return incidents[0]


def test_attackers_who_blew_themselves_up_made_a_bombing() -> None:
    incident = _rules("Two militants blew themselves up at a police academy in Baghdad, Iraq, killing "
                      "36 officers.")
    assert incident.attack_types[0] == "Bombing/Explosion"
    assert incident.weapon_types[0] == "Explosives"


def test_an_arson_told_around_a_clause_is_still_an_arson() -> None:
    incident = _rules("The Earth Liberation Front claimed responsibility for setting a luxury home, "
                      "that was under construction, on fire in Bloomington, Indiana, United States.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"
    assert incident.weapon_types[0] == "Incendiary"
    burned = _rules("Twelve luxury homes in Charles County, Maryland, were burned to the ground.")
    assert burned.weapon_types[0] == "Incendiary"


def test_an_anthrax_attack_is_a_biological_unarmed_assault() -> None:
    incident = _rules("The office of Senator Patrick Leahy was the target of an anthrax (bacillus "
                      "anthracis) attack in Washington, D.C., United States.")
    assert incident.weapon_types[0] == "Biological"
    assert incident.attack_types[0] in ("Unarmed Assault", "Assassination")


def test_hostages_held_where_they_were_seized_are_a_barricade_incident() -> None:
    held = _rules("Gunmen stormed the Park Palace Hotel in Kabul, Afghanistan, and took dozens of "
                  "people hostage. Fourteen people were killed.")
    assert held.attack_types[0] == "Hostage Taking (Barricade Incident)"
    moved = _rules("Gunmen took three engineers hostage in Kabul, Afghanistan, and drove them to a "
                   "hideout, demanding a ransom.")
    assert moved.attack_types[0] == "Hostage Taking (Kidnapping)"


def test_sticks_and_bats_make_an_unarmed_assault() -> None:
    incident = _rules("Assailants armed with baseball bats attacked two Syrian refugees in Wismar, "
                      "Germany. Both refugees were injured in the attack.")
    assert incident.attack_types[0] == "Unarmed Assault"
    assert incident.weapon_types[0] == "Melee"
    stabbed = _rules("Assailants armed with knives attacked two refugees in Wismar, Germany. Both "
                     "refugees were injured in the attack.")
    assert stabbed.attack_types[0] == "Armed Assault"


def test_acid_thrown_at_people_is_a_chemical_unarmed_assault() -> None:
    incident = _rules("Two assailants on motorcycles threw acid at schoolgirls in Kandahar, "
                      "Afghanistan, injuring 16 people.")
    assert incident.attack_types[0] == "Unarmed Assault"
    assert incident.weapon_types[0] == "Chemical"


def test_a_weapon_named_outside_the_attack_clause_is_the_weapon() -> None:
    incident = _rules("An assailant attacked a police patrol with a hatchet in Queens, New York City, "
                      "United States. The assailant was killed and two officers were wounded.")
    assert incident.weapon_types[0] == "Melee"


def test_an_incendiary_device_that_exploded_is_still_incendiary() -> None:
    incident = _rules("A small incendiary device exploded at the entrance of a tax office in Casa "
                      "Grande, Arizona, United States. No one was injured in the blast.")
    assert incident.weapon_types[0] == "Incendiary"
    bomb = _rules("A pipe bomb exploded at the entrance of a tax office in Casa Grande, Arizona, "
                  "United States. No one was injured in the blast.")
    assert bomb.weapon_types[0] == "Explosives"


def test_a_plane_flown_into_a_building_is_the_weapon() -> None:
    incident = _rules("Joseph Stack flew his private plane into the Internal Revenue Service "
                      "building in Austin, Texas, United States, igniting a fire.")
    assert incident.weapon_types[0] == "Vehicle"


def test_sabotage_is_a_facility_attack_with_sabotage_equipment() -> None:
    incident = _rules("Activists were suspected of sabotaging a gondola at a ski resort in Stateline, "
                      "Nevada, United States.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"
    assert incident.weapon_types[0] == "Sabotage Equipment"


def test_bombs_that_never_went_off_fail() -> None:
    none = _rules("Seven pipe bombs were found in rural mailboxes in Nebraska, United States. None of "
                  "these bombs detonated and no injuries were suffered.")
    assert none.success.value is False
    disposed = _rules("A pipe bomb was found in a mailbox in Philadelphia, Pennsylvania, United States. "
                      "Police safely detonated the device and no one was hurt.")
    assert disposed.success.value is False


def test_an_attack_that_missed_or_was_unsuccessful_fails() -> None:
    missed = _rules("Molotov cocktails were thrown at two sailors in a jeep in Vieques, Puerto Rico. "
                    "The devices missed and no one was injured in the attack.")
    assert missed.success.value is False
    tried = _rules("Two teens tried to ignite the fuel tanks of a construction crane in Richmond, "
                   "Virginia, United States. They were unsuccessful in their attempt.")
    assert tried.success.value is False


def test_a_bomb_that_carries_acid_is_a_chemical_weapon() -> None:
    incident = _rules("Two acid bombs went off at restaurants in Clearwater, Florida, United States. "
                      "No injuries were reported.")
    assert incident.attack_types[0] == "Bombing/Explosion"
    assert incident.weapon_types[0] == "Chemical"
