"""Suicide, success and assassination as the GTD codebook defines them."""

from __future__ import annotations

import incidex
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
