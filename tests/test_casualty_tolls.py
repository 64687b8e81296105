"""Casualty figures told across sentences, summed subjects and GTD's count of attackers."""

from __future__ import annotations

import incidex
from incidex.evaluate.gtd import total_count
from incidex.pipeline.casualties import clause_statements
from incidex.pipeline.doc import Span
from incidex.record import Incident


def _one(text: str) -> Incident:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0]


def _killed_total(text: str) -> int | None:
    casualties = _one(text).casualties
    return total_count(casualties.killed, casualties.perpetrators_killed)


def _figures(text: str) -> dict[str, tuple[int | None, int | None]]:
    return {s.category: (s.min, s.max) for s in clause_statements(Span(0, len(text), text))}


def test_a_toll_in_a_sentence_of_its_own_counts_with_the_attackers() -> None:
    text = ("Three suicide bombers detonated explosives-laden trucks at an army base in Rutba, Iraq. "
            "In addition to the assailants, at least 12 soldiers were killed and 20 people were "
            "injured in the blasts.")
    assert _killed_total(text) == 15


def test_a_toll_across_a_series_is_not_the_incidents() -> None:
    text = ("A suicide bomber detonated at a market in Gombe, Nigeria. This was one of two coordinated "
            "attacks in Gombe on this day. In addition to the two assailants, 30 people were killed "
            "across both blasts.")
    assert (_killed_total(text) or 0) < 30


def test_coordinated_subjects_add_up() -> None:
    assert _figures("Seven soldiers and four civilians were killed in the ambush.")["killed"] == (11, 11)
    figures = _figures("Two police officers and three assailants were killed in the clash.")
    assert figures["killed"] == (2, 2) and figures["perpetrators_killed"] == (3, 3)


def test_two_named_victims_are_two() -> None:
    assert _figures("Okoro and his driver were killed in the attack.")["killed"] == (2, 2)


def test_a_date_before_the_subject_is_no_count() -> None:
    assert _figures("On June 28, 2005, two guards were killed in the blast.")["killed"] == (2, 2)


def test_an_age_is_no_count() -> None:
    assert _figures("A 34-year-old teacher was shot dead outside his house.")["killed"] == (1, 1)


def test_an_additional_number_is_that_number() -> None:
    assert _figures("An additional 40 people were wounded in the attack.")["wounded"] == (40, 40)


def test_an_aim_is_no_toll() -> None:
    assert "killed" not in _figures("The assailant attempted to kill two people with his car.")


def test_a_suicide_bomber_counts_among_the_dead() -> None:
    text = "A suicide bomber detonated his vest at a wedding in Kunduz, Afghanistan, killing 12 people."
    assert _killed_total(text) == 13


def test_a_caught_suicide_bomber_does_not() -> None:
    text = ("A suicide bomber was arrested before he could detonate his vest at a checkpoint in "
            "Kunduz, Afghanistan. The explosion of a second device killed two soldiers.")
    assert _killed_total(text) == 2
