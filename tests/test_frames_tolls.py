"""A toll told after the perpetrators and the claim still belongs to the attack it counts; a
killing that is only wished, ordered or threatened opens no incident."""

from __future__ import annotations

import pytest

from incidex.article import Article
from incidex.pipeline.doc import Doc
from incidex.pipeline.runner import Pipeline

_FRAMES = Pipeline(("segment", "attribution", "geocode", "frames"))


def _frames(text: str) -> Doc:
    return _FRAMES.run(Article(text=text, id="t"))


def test_a_late_toll_joins_the_attack_it_counts() -> None:
    doc = _frames(
        "Two gunmen opened fire on a bus near the market in Mosul. The gunmen fled in a car. "
        "The men were later identified as brothers. A local group claimed responsibility. "
        "Eleven passengers were killed and four others were injured."
    )
    assert len(doc.frames) == 1
    assert 4 in doc.frames[0].sentences


def test_a_late_killing_in_another_city_is_still_its_own_incident() -> None:
    doc = _frames(
        "Two gunmen opened fire on a bus near the market in Mosul. The gunmen fled in a car. "
        "The men were later identified as brothers. A local group claimed responsibility. "
        "In Kirkuk, gunmen shot dead a policeman."
    )
    assert len(doc.frames) == 2


@pytest.mark.parametrize("toll", [
    "Two people were killed and another five injured.",
    "Two people were killed and another four injured in the assault.",
])
def test_another_in_a_toll_counts_victims_not_incidents(toll: str) -> None:
    doc = _frames("Assailants opened fire on a crowd at a fair in Pattani. " + toll)
    assert len(doc.frames) == 1
    assert doc.frames[0].sentences == [0, 1]


@pytest.mark.parametrize("wish", [
    "The leaflet says that terrorists must be killed, as well as their allies.",
    "The rebels vowed to bomb the embassy.",
    "The group threatened to kill the hostages.",
    "He said the soldiers should be shot.",
    "Is it not an invitation to kill foreigners?",
    "The navy denied it had uncovered a plot to assassinate the writer.",
    "The mercenaries were preparing to assassinate a cartel leader.",
    "The front demanded that the army stop bombing civilian targets.",
    "They urged the rebels to stop using land mines and booby traps.",
])
def test_a_wished_killing_is_no_incident(wish: str) -> None:
    doc = _frames("Guerrillas kidnapped twenty youths in Usulutan. " + wish)
    assert len(doc.frames) == 1
    assert doc.frames[0].sentences == [0]


def test_a_killing_in_may_is_told_not_wished() -> None:
    doc = _frames("On May 5 gunmen killed two farmers in Medea.")
    assert len(doc.frames) == 1


def test_a_toll_after_a_word_on_the_blasts_counts_the_incident_before() -> None:
    doc = _frames(
        "Assailants detonated eight explosive devices at buildings in Telibagh village. The "
        "buildings were under construction at the time of the blasts. Two workers were killed "
        "and seven others injured."
    )
    assert len(doc.frames) == 1
    assert doc.frames[0].sentences == [0, 2]


def test_the_total_of_the_day_is_no_toll_of_the_attack_before() -> None:
    doc = _frames(
        "A suicide bomber attacked a checkpoint in Baghdad, killing five people. This attack was "
        "one of a series of bombings. At the end of the day, over ninety people were killed."
    )
    assert all(2 not in frame.sentences for frame in doc.frames[:1])


def test_a_man_wounded_by_the_victim_is_no_other_incident() -> None:
    doc = _frames(
        "Two gunmen shot at a security guard near the market in Pattani. The guard fired back at "
        "the gunmen and killed one and injured another before he died."
    )
    assert len(doc.frames) == 1


def test_wounded_another_three_counts_victims() -> None:
    doc = _frames(
        "Masked gunmen attacked the residents of a village in Sinaloa. The gunmen shot twelve men "
        "and wounded another three, then fled in a truck."
    )
    assert len(doc.frames) == 1


@pytest.mark.parametrize("figure", [
    "What it has is an uncomfortable ally and a social time bomb about to explode.",
    "This explosion of freedom coincides with the restoration of democracy.",
    "The report that the ambassador's daughter was wounded by gunfire is absolutely unfounded.",
    "The army denied reports that soldiers had shot two students.",
])
def test_a_figure_of_speech_or_a_denied_report_is_no_incident(figure: str) -> None:
    doc = _frames("Guerrillas kidnapped twenty youths in Usulutan. " + figure)
    assert len(doc.frames) == 1
    assert doc.frames[0].sentences == [0]


def test_a_real_time_bomb_is_still_an_incident() -> None:
    doc = _frames("A time bomb exploded outside a bank in Lima, wounding two guards.")
    assert len(doc.frames) == 1
