"""Perpetrators as reports name and credit them: who claimed, who acted, who was blamed."""

from __future__ import annotations

import pytest

import incidex
from factories import first_group
from incidex.groups import GroupLexicon
from incidex.pipeline.group_mentions import apposed_names, category_groups, unnamed_organisations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group acting outside the clause that tells the incident
        ("SPAIN.  ETA machine-gunned a French truck outside San Sebastian.  No one was injured.",
         "ETA"),
        # a claim in a sentence of its own covers the report
        ("COLOMBIA.  A bomb exploded outside a bank in Bogota.  A guard was killed.  "
         "FARC claimed responsibility.", "FARC"),
        # the first claimant named is the first perpetrator
        ("TURKEY.  Branches of Citibank in Istanbul were bombed. One person was injured. The "
         "Turkish People's Liberation Front (THKP-C) claimed responsibility, as did Dev Sol.",
         "Turkish People's Liberation Front (THKP-C)"),
        # a group that only qualifies another ("Fatah-linked") is not the perpetrator
        ("Gunmen from the Fatah-linked al-Aqsa Martyrs Brigades shot dead two settlers near "
         "Nablus.", "al-Aqsa Martyrs Brigades"),
        # a denied claim credits nobody; the blamed group is the perpetrator
        ("Assailants set fire to a church in St. Louis, Missouri. No group claimed responsibility; "
         "however, sources suspected the involvement of the Black Hebrew Israelites.",
         "Black Hebrew Israelites"),
    ],
)
def test_the_credited_group_is_the_perpetrator(text: str, expected: str) -> None:
    assert first_group(text) == expected


def test_an_organisation_the_table_does_not_know_is_taken_where_it_acts() -> None:
    text = ("BRAZIL.  Members of the Popular Revolutionary Vanguard machine-gunned a U.S. Army "
            "captain in front of his home in Sao Paulo.")
    assert first_group(text) == "Popular Revolutionary Vanguard"
    assert [m.text for m in unnamed_organisations("The U.S. Army said the Peruvian Army left.")] == []


def test_claimants_named_before_the_claim_are_groups_but_people_are_not() -> None:
    found = apposed_names("Students For Insurrection claimed responsibility. "
                          "Mark Sands claimed responsibility.")
    assert [m.text for m in found] == ["Students For Insurrection"]
    assert [m.group.canonical for m in apposed_names("WNBF rebels attacked the camp.")] == ["WNBF"]


def test_a_stance_names_gtds_generic_category() -> None:
    lexicon = GroupLexicon.default()
    found = category_groups("Gavin Long, an anti-police extremist, claimed it; a pro-LGBT rights "
                            "extremist wrote on the wall.", lexicon)
    assert [m.group.canonical for m in found] == ["Anti-Police extremists", "Pro-LGBT Rights extremists"]


def test_a_group_that_inspired_an_attacker_is_a_category_not_the_actor() -> None:
    text = ("A man inspired by the Islamic State stabbed three people at a mall in St. Cloud, "
            "Minnesota. The assailant was shot dead by an off-duty officer.")
    assert first_group(text) == "Jihadi-inspired extremists"


def test_people_alone_are_individuals_not_a_group() -> None:
    text = "Assailants set fire to an apartment building in Portland, Oregon. No one was hurt."
    perps = incidex.extract(text)[0].perpetrators
    assert all(p.canonical is None for p in perps)


def claim(text: str) -> tuple[bool, str | None]:
    incidents = incidex.extract(text)
    assert incidents
    perps = incidents[0].perpetrators
    return (perps[0].claimed, perps[0].claim_mode) if perps else (False, None)


def test_a_person_claims_without_a_group() -> None:
    # a confession is a personal claim, and the claim survives with no group named
    assert claim("An assailant set fire to a bakery in Dayton, Ohio, on Monday. No one was hurt. "
                 "Tom Brenner was arrested and confessed to carrying out the attack.") == (
        True, "Personal claim")
    # writing left at the scene naming the group is its claim
    assert claim("Assailants set fire to a lumber yard in Eugene, Oregon. The letters \"ELF\" were "
                 "spray-painted on a wall.") == (True, "Note left at scene")
    # a denial is no claim
    assert claim("An assailant set fire to a bakery in Dayton, Ohio. No one has claimed "
                 "responsibility for the attack.")[0] is False
