"""Victims told one after another: "His driver was also killed" adds to the toll, a victim
named with an Arabic article ("Husayn al-Fattal") is one person, and a singular verb after
an apposition ("a neighbor of the victims, X, was killed") counts one."""

from __future__ import annotations

import incidex
from incidex.pipeline.casualty_patterns import PROPER
from incidex.record import Incident


def _one(text: str) -> Incident:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0]


def _best(count: object) -> int | None:
    return getattr(count, "min", None)


def test_a_victim_also_killed_adds_to_the_one_told_before() -> None:
    incident = _one("An armed group assassinated Major Sultan Haasan in Baqubah, Iraq. His driver "
                    "was also killed.")
    assert _best(incident.casualties.killed) == 2


def test_also_among_those_killed_is_no_further_victim() -> None:
    incident = _one("A suicide bomber detonated explosives in Khost, Afghanistan. The blast killed 10 "
                    "people, including eight children. A police officer who tried to stop the "
                    "attacker was also among those killed in the blast.")
    assert _best(incident.casualties.killed) == 10


def test_a_name_with_an_arabic_article_is_one_victim() -> None:
    assert PROPER.fullmatch("Husayn al-Fattal")
    assert PROPER.fullmatch("Osama bin Laden")
    assert not PROPER.fullmatch("the director")
    incident = _one("Unknown gunmen assassinated Husayn al-Fattal near his home in Baghdad, Iraq.")
    assert _best(incident.casualties.killed) == 1


def test_a_singular_verb_after_an_apposition_counts_one() -> None:
    incident = _one("Gunmen shot and killed a lawyer and his wife in Tijuana, Mexico. A neighbor of "
                    "the victims, Fernando Alcala, was also shot and killed in the attack.")
    assert _best(incident.casualties.killed) == 3


def test_along_with_after_a_place_phrase_and_as_were_add_victims() -> None:
    incident = _one("A bomb detonated at a cafe in Tel Aviv, Israel. The bomber was killed in the "
                    "explosion along with three other civilians.")
    assert _best(incident.casualties.killed) == 3
    assert _best(incident.casualties.perpetrators_killed) == 1
    incident = _one("Gunmen ambushed the minister's car in Dushanbe, Tajikistan. The Deputy Minister "
                    "was killed, as were two bodyguards and the driver.")
    assert _best(incident.casualties.killed) == 4


def test_shot_him_to_death_and_hanged_are_one_death_each() -> None:
    incident = _one("Militants entered the house of a civilian in Doda, India and shot him to death.")
    assert _best(incident.casualties.killed) == 1
    incident = _one("Suspected militants abducted and hanged a mother of five children in Hadera, "
                    "Kashmir.")
    assert _best(incident.casualties.killed) == 1


def test_found_dead_and_the_body_of_a_named_victim_are_deaths() -> None:
    incident = _one("Rebels kidnapped the mayor and the town secretary in Tame, Colombia. Both were "
                    "found dead in a remote area outside Tame.")
    assert _best(incident.casualties.killed) == 2
    incident = _one("Gunmen kidnapped a mayor in Ocana, Colombia. The body of Jose Aquiles Rodriguez "
                    "was found in the rural area of the municipality.")
    assert _best(incident.casualties.killed) == 1


def test_them_beaten_to_death_are_the_attackers_just_named() -> None:
    incident = _one("Two militants shot and killed an elder in Nawa, Afghanistan. Villagers jumped the "
                    "two gunmen and beat them to death with stones.")
    assert _best(incident.casualties.perpetrators_killed) == 2


def test_not_including_the_bomber_adds_him_to_the_dead() -> None:
    incident = _one("A suicide bomber detonated himself on a train in London, United Kingdom. Seven "
                    "people, not including the suicide bomber, were killed in the attack.")
    assert _best(incident.casualties.killed) == 7
    assert _best(incident.casualties.perpetrators_killed) == 1


def test_leaving_ten_killed_is_a_toll() -> None:
    incident = _one("A bomb exploded at a cinema in Satkhira, Bangladesh, leaving one person killed "
                    "and ninety others injured.")
    assert _best(incident.casualties.killed) == 1


def test_a_name_set_off_by_commas_in_a_list_of_victims_is_no_further_victim() -> None:
    incident = _one("A bomb exploded inside a government building in Chardara, Afghanistan, killing the "
                    "district governor, Abdul Wahid Omarkhail, his two bodyguards and three civilians.")
    assert _best(incident.casualties.killed) == 6


def test_a_coordinated_subject_cut_at_and_is_read_whole() -> None:
    incident = _one("Two assailants opened fire on the village head in Pattani, Thailand. Awae Lunae, "
                    "the village head, and his wife were killed in the attack.")
    assert _best(incident.casualties.killed) == 2
    incident = _one("Rebels seized a businessman's wife in Alicia, Philippines. In a failed rescue "
                    "attempt six kidnappers and a bystander were killed.")
    assert _best(incident.casualties.killed) == 1
    assert _best(incident.casualties.perpetrators_killed) == 6


def test_a_name_after_a_title_is_the_same_person() -> None:
    incident = _one("Gunmen opened fire on a car in Basra, Iraq. A Sunni Imam, Wafiq al-Hamdani, and "
                    "his bodyguard were killed by the gunmen.")
    assert _best(incident.casualties.killed) == 2


def test_counted_people_of_a_group_are_the_count() -> None:
    incident = _one("Assailants attacked a residence in Peshawar, Pakistan. Nine relatives of the "
                    "former officer were killed in the attack.")
    assert _best(incident.casualties.killed) == 9
    incident = _one("Gunmen attacked a patrol in Baghdad, Iraq. Five members of the Police Commando "
                    "force were killed by the gunmen.")
    assert _best(incident.casualties.killed) == 5
    assert incident.casualties.perpetrators_killed is None


def test_a_second_full_name_after_a_named_victim_is_one_more() -> None:
    incident = _one("An assailant shot and killed Jeremy Himmelman and Andrew Oneschuk at their "
                    "apartment in Tampa, Florida.")
    assert _best(incident.casualties.killed) == 2


def test_an_including_apposition_without_its_closing_comma() -> None:
    incident = _one("Assailants attacked government troops near Maihtung, Myanmar. At least seven "
                    "people, including six soldiers and one assailant were killed in the assault.")
    assert _best(incident.casualties.killed) == 6
    assert _best(incident.casualties.perpetrators_killed) == 1


def test_an_including_apposition_without_commas_splits_the_total() -> None:
    incident = _one("Gunmen fired on a market in Juba, Sudan. Eight people including two Ugandan "
                    "nationals were killed in the attack.")
    assert _best(incident.casualties.killed) == 8
    incident = _one("A suicide bomber detonated his vest in Moudia, Yemen. Five people including the "
                    "leader and the bomber were killed.")
    assert _best(incident.casualties.killed) == 4
    assert _best(incident.casualties.perpetrators_killed) == 1


def test_a_capitalised_including_after_a_missed_full_stop_is_no_apposition() -> None:
    incident = _one("A suicide bomber detonated a bomb in a pizzeria in Jerusalem, Israel around 2 p.m. "
                    "Including the perpetrator, 16 people were killed.")
    assert _best(incident.casualties.killed) == 15
    assert _best(incident.casualties.perpetrators_killed) == 1


def test_claimed_the_life_of_and_slashed_to_death() -> None:
    incident = _one("A grenade attack in a market in Kampala, Uganda claimed the life of one and injured "
                    "ten others.")
    assert _best(incident.casualties.killed) == 1
    incident = _one("Rebels raided a saw mill in Shan, Myanmar and slashed to death eight saw mill "
                    "workers.")
    assert _best(incident.casualties.killed) == 8


def test_executed_people_are_dead_but_an_executed_attack_kills_nobody() -> None:
    incident = _one("Assailants executed two civilians by stoning in Taghlit, Mali.")
    assert _best(incident.casualties.killed) == 2
    incident = _one("Militants executed a coordinated attack on an army base in Kidal, Mali.")
    assert not _best(incident.casualties.killed)
