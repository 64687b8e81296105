"""GTD target/victim types as the codebook defines them, on invented reports."""

from __future__ import annotations

import pytest

import incidex
from incidex.codebook import TargetType as T
from incidex.pipeline.target_lexicon import type_of_phrase


def _target(text: str) -> str:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0].target_types[0]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # the owner or user outranks the thing owned
        ("two delivery trucks that belonged to the Hartwell Dairy Company", T.BUSINESS),
        ("the parked car of a university professor", T.EDUCATIONAL),
        ("the county tax assessor's office", T.GOVERNMENT),
        ("a house used for Sikh worship", T.RELIGIOUS),
        # longest match: a sport utility vehicle is a car, ROTC is military
        ("a sport utility vehicle", T.PRIVATE),
        ("two Reserve Officers' Training Corps vans", T.MILITARY),
        # codebook rules: candidates for office and college students are private citizens
        ("a mayoral candidate", T.PRIVATE),
        ("a college student", T.PRIVATE),
        # transmission towers are telecommunication, not media
        ("the transmission towers of a radio station", T.TELECOM),
        ("the Port Authority Bus Terminal", T.TRANSPORTATION),
        ("St. Jude's Catholic Church", T.RELIGIOUS),
        ("a gynecology clinic", T.ABORTION),
        # a substation is a utility's only when it carries power or gas
        ("the downtown substation of the city police department", T.POLICE),
        ("an army recruiting substation", T.MILITARY),
        ("an electrical substation", T.UTILITIES),
        # homes being built are a builder's business; one home, even unfinished, a private one
        ("a group of luxury homes that were under construction", T.BUSINESS),
        ("four luxury homes being constructed", T.BUSINESS),
        ("a luxury home", T.PRIVATE),
        ("the Romania Chevrolet Truck Center lot", T.BUSINESS),
        ("a commercial building", T.BUSINESS),
        # Chapel Hill is a town, not a chapel
        ("their residence in Chapel Hill", T.PRIVATE),
        ("the Chapel of St. Ignatius", T.RELIGIOUS),
        # airport screeners are coded with the airport; the BLM is a federal agency
        ("Transportation Security Administration (TSA) agents", T.AIRPORTS),
        ("the BLM wild horse corrals", T.GOVERNMENT),
        # a street named Court is an address; a court of law is the government's
        ("a luxury home on Sarah Anne Court", T.PRIVATE),
        ("the Lahore High Court", T.GOVERNMENT),
        ("a court in Lahore", T.GOVERNMENT),
        # a town called Port is no port
        ("a grocery store in Port Carlton", T.BUSINESS),
        ("the fishing port", T.MARITIME),
        ("nothing in particular", None),
    ],
)
def test_phrase_types(phrase: str, expected: T | None) -> None:
    assert type_of_phrase(phrase) == expected


def test_civilians_at_a_typed_place_take_its_type() -> None:
    # Codebook: "private citizens patronizing a business such as a restaurant" are Business.
    assert _target("An assailant opened fire on customers at a diner in Dayton, Ohio, United States. "
                   "Two people were killed.") == T.BUSINESS
    assert _target("An assailant shot at worshippers outside a mosque in Leeds, United Kingdom. "
                   "One person was wounded.") == T.RELIGIOUS


def test_people_alone_are_private_citizens() -> None:
    assert _target("An assailant stabbed three people in Tulsa, Oklahoma, United States.") == T.PRIVATE


def test_police_who_respond_are_not_the_target() -> None:
    assert _target("Assailants set fire to a pickup truck in Fresno, California, United States. "
                   "Police arrested two men.") == T.PRIVATE


def test_a_place_name_in_an_abbreviation_still_ends_the_object() -> None:
    assert _target("Assailants set fire to St. Mark's Lutheran Church in Akron, Ohio, United States. "
                   "There were no casualties.") == T.RELIGIOUS


def test_nothing_named_is_unknown() -> None:
    assert _target("An explosion was heard in Tulsa, Oklahoma, United States.") in (T.UNKNOWN, "")


def test_a_road_is_the_target_only_when_nothing_else_is() -> None:
    # Codebook: highways are Transportation "if the highway itself is the target of the attack".
    assert _target("Assailants set fire to a house on Millbrook Road in Fresno, California, "
                   "United States. No one was hurt.") == T.PRIVATE
    assert _target("Assailants blew up a bridge near Tarlac, Philippines. No one was hurt."
                   ) == T.TRANSPORTATION
