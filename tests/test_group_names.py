"""Group names the alias table does not know, read from how a report introduces them, and
attack words that tell an incident without a weapon's name."""

from __future__ import annotations

import pytest

import incidex
from factories import first_group
from incidex.pipeline.group_mentions import acronym_named, apposed_names, unnamed_organisations


def test_a_name_with_its_own_initials_is_an_organisation() -> None:
    text = "He was stabbed by suspected members of Islam Chhatra Shibir (ICS) on Monday."
    assert [m.group.canonical for m in acronym_named(text)] == ["Islam Chhatra Shibir (ICS)"]


@pytest.mark.parametrize("text", [
    "A student of Rajshahi University (RU) was stabbed.",        # an institution
    "Basque Homeland and Freedom (ETA) bombed a car.",            # initials of another language
    "Police said (AP) that a bomb exploded.",                     # not a name
])
def test_names_that_are_not_read_from_initials(text: str) -> None:
    assert acronym_named(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("A bomb exploded at a hotel, but no one was hurt.  The People's National Congress (PNC) has "
     "been blamed for the attack.", "People's National Congress (PNC)"),
    ("A professor was injured when he was stabbed by suspected members of Islam Chhatra Shibir "
     "(ICS) on February 1.", "Islam Chhatra Shibir (ICS)"),
    # a claimant named by an organisation word first thought too plain to be one
    ("A hand grenade exploded at a scrap yard, injuring the owner.  The Orange Volunteers claimed "
     "responsibility for the attack.", "Orange Volunteers"),
    ("Two rockets were found near the embassy in Beirut and defused.  Lebanese Arab Youth claimed "
     "responsibility.", "Lebanese Arab Youth"),
    # "is behind" blames as "was behind" does
    ("A bomb damaged a newspaper office in Athens.  Authorities believe the Revolutionary "
     "Struggle is behind the attack.", "Revolutionary Struggle"),
])
def test_groups_the_table_does_not_know(text: str, expected: str) -> None:
    assert first_group(text) == expected


def test_a_date_does_not_open_a_group_name() -> None:
    text = ("On 23 December the National Resistance Brigades claimed responsibility for launching "
            "a rocket at Karm Abu Salim.")
    names = [m.text for m in apposed_names(text) + unnamed_organisations(text)]
    assert names and all(not n.startswith(("December", "the")) for n in names)


def test_a_states_army_is_not_an_organisation_but_a_revolutionary_one_is() -> None:
    assert [m.text for m in unnamed_organisations("The Peruvian Army attacked.")] == []
    assert [m.text for m in unnamed_organisations("The attack was claimed by the Revolutionary Army.")] == [
        "Revolutionary Army"]


@pytest.mark.parametrize(("text", "attack"), [
    ("On January 6 FARC rebels toppled an electricity pylon in Cauca Department.",
     "Facility/Infrastructure Attack"),
    ("Two power towers were destroyed by guerrillas in Antioquia.", "Facility/Infrastructure Attack"),
    ("Hezbollah fired anti aircraft shells near Birait.", "Bombing/Explosion"),
    ("Authorities blame the ELN for blowing up a power pylon in Lloro.", "Bombing/Explosion"),
    ("The group claimed responsibility for firing shots into a house in Cloughmills.", "Armed Assault"),
])
def test_attack_words_without_a_weapon_named(text: str, attack: str) -> None:
    incidents = incidex.extract(text)
    assert incidents, text
    assert incidents[0].attack_types[0] == attack


@pytest.mark.parametrize(("text", "expected"), [
    # Arabic names keep their articles and joining words
    ("An ethnic Somalian group called al-Ittihaad al-Islami claimed responsibility.",
     "al-Ittihaad al-Islami"),
    ("A group calling itself the Al-Bara bin Malek Brigades kidnapped six Jordanians.",
     "Al-Bara bin Malek Brigades"),
    # an organisation word inside a longer name does not end it
    ("Members of the Apo's Youth Revenge Brigades threw a Molotov cocktail at a car.",
     "Apo's Youth Revenge Brigades"),
    # a group named after a month and year keeps its month
    ("May 98 claimed responsibility for a powerful bomb placed outside a bank.", "May 98"),
    # a comma between the group word and "calling itself"
    ("An organization, calling itself the Tigers, claimed responsibility for a bomb.", "Tigers"),
])
def test_names_read_whole(text: str, expected: str) -> None:
    from incidex.pipeline.group_mentions import self_named_groups

    found = {m.group.canonical for m in
             self_named_groups(text) + apposed_names(text) + unnamed_organisations(text)}
    assert expected in found
    assert not any(name != expected and name in expected for name in found), found


@pytest.mark.parametrize(("text", "expected"), [
    # the organisation a report names outranks GTD's name for the kind of perpetrator
    ("Maoist guerrillas blew up a railroad station in Andhra Pradesh.  Armed rebels of the "
     "outlawed People's War Group (PWG) burst into the station and exploded a bomb.",
     "People's War Group"),
    ("Naxalites triggered a landmine that killed at least twenty-six policemen in Jharkhand.  "
     "Naxalites of the outlawed People's War Group (PWG) are suspected of being involved.",
     "People's War Group"),
])
def test_a_named_organisation_outranks_a_kind_of_perpetrator(text: str, expected: str) -> None:
    assert first_group(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Basque Homeland and Freedom kidnapped an industrialist in northern Spain.", "ETA"),
    ("The al-Qassem Brigades, the military wing of Hamas, claimed responsibility for the rocket.",
     "Hamas"),
])
def test_spellings_in_the_alias_table(text: str, expected: str) -> None:
    assert first_group(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a kind of group said of a name describes the name, after it, before it or around it
    ("A police station was attacked with firebombs.  The anarchist group the Conspiracy of Fire "
     "Cells of Thessaloniki-Athens claimed credit for the attack.", "Conspiracy of Fire Cells"),
    ("The attackers firebombed a car dealership in Athens.  The anarchist Group of Nighttime "
     "Sabotage claimed credit for the attack.", "Group of Nighttime Sabotage"),
    ("An incendiary device exploded outside a trade office in Athens.  The Black Star anarchist "
     "group claimed responsibility for the attack.", "Black Star"),
    # a nationality is no name: the kind stays
    ("A bomb exploded outside a bank in Athens.  The Greek anarchist group claimed responsibility.",
     "Anarchists"),
])
def test_a_name_outranks_the_kind_it_is_described_by(text: str, expected: str) -> None:
    assert first_group(text) == expected
