"""Casualty totals as GTD summaries and news state them: appositions, coordinated subjects,
named victims, attackers among the dead (GTD's nkill counts them)."""

from __future__ import annotations

import incidex
from incidex.record import Incident


def _one(text: str) -> Incident:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0]


def _best(count: object) -> int | None:
    return getattr(count, "min", None)


def test_an_including_apposition_splits_the_total_into_victims_and_attackers() -> None:
    incident = _one("Gunmen attacked a checkpoint in Kabul, Afghanistan. Nine people, including three "
                    "soldiers and four assailants, were killed in the ensuing clash.")
    assert _best(incident.casualties.killed) == 5
    assert _best(incident.casualties.perpetrators_killed) == 4


def test_coordinated_subjects_each_count() -> None:
    incident = _one("Assailants attacked an army convoy in Kabul, Afghanistan. Six soldiers and four "
                    "attackers were killed and two soldiers were injured.")
    assert _best(incident.casualties.killed) == 6
    assert _best(incident.casualties.perpetrators_killed) == 4
    assert _best(incident.casualties.wounded) == 2


def test_a_named_victim_is_one_person() -> None:
    incident = _one("Assailants opened fire on a patrol in Hebron, West Bank. Nathan Graff was "
                    "wounded in the attack.")
    assert _best(incident.casualties.wounded) == 1


def test_killing_himself_and_others_counts_the_bomber_apart() -> None:
    incident = _one("A suicide bomber detonated explosives at a rally in Anuradhapura, Sri Lanka, "
                    "killing himself and 28 others.")
    assert _best(incident.casualties.killed) == 28
    assert _best(incident.casualties.perpetrators_killed) == 1


def test_bodies_found_are_dead() -> None:
    incident = _one("Six bodies were found in Karbala, Iraq, after gunmen attacked the village.")
    assert _best(incident.casualties.killed) == 6


def test_an_attacker_killed_in_the_next_sentence_belongs_to_the_incident() -> None:
    incident = _one("An assailant stabbed a soldier near Hebron, West Bank. The assailant was killed "
                    "and the soldier was injured in the ensuing clash.")
    assert _best(incident.casualties.perpetrators_killed) == 1
    assert _best(incident.casualties.wounded) == 1


def test_nobody_hurt_is_zero_not_one() -> None:
    from incidex.pipeline.casualties import clause_statements
    from incidex.pipeline.doc import Span

    text = "Nobody was hurt in the blast."
    statements = clause_statements(Span(0, len(text), text))
    assert [(s.category, s.min, s.max) for s in statements] == [("wounded", 0, 0)]


def test_a_toll_that_rose_later_in_the_sentence_is_read() -> None:
    from incidex.pipeline.casualties import clause_statements
    from incidex.pipeline.doc import Span

    text = ("The death toll from Friday's suicide car bombing at a security checkpoint in Mogadishu "
            "rose to 11, police said.")
    statements = clause_statements(Span(0, len(text), text))
    assert [(s.category, s.min) for s in statements] == [("killed", 11)]
