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


def test_a_list_of_victims_after_one_verb_is_one_count() -> None:
    text = ("Gunmen fired upon a crowd, killing two civilians, one marine, and a police officer, "
            "wounding two marines and kidnapping three police officers.")
    assert _figures(text)["killed"] == (4, 4)


def test_a_parenthetical_code_does_not_hide_the_victims() -> None:
    text = "Maoists ambushed a patrol, killing nine Central Reserve Police Force (CRPF) personnel."
    statements = clause_statements(Span(0, len(text), text))
    assert [(s.category, s.min) for s in statements] == [("killed", 9)]
    assert statements[0].evidence.text.endswith("(CRPF) personnel")  # evidence as written


def test_tolls_told_as_nouns_are_read() -> None:
    assert _figures("The blast caused the death of 10 people and the injury of over 95 people.") == {
        "killed": (10, 10), "wounded": (95, None)}
    assert _figures("The raid claimed at least 41 lives.")["killed"] == (41, None)
    assert _figures("The explosion resulted in 11 fatalities and 35 injuries.") == {
        "killed": (11, 11), "wounded": (35, 35)}


def test_left_dead_splits_attackers_from_victims() -> None:
    figures = _figures("The clash left twenty perpetrators and three police officers dead.")
    assert figures["killed"] == (3, 3)
    assert figures["perpetrators_killed"] == (20, 20)


def test_a_count_of_the_attackers_is_their_number_not_some() -> None:
    assert _figures("Six of the assailants were killed in the gun battle.") == {
        "perpetrators_killed": (6, 6)}
    assert _figures("The four assailants were killed when their car exploded.") == {
        "perpetrators_killed": (4, 4)}


def test_killing_him_and_others_counts_him() -> None:
    text = "Gunmen fired at the car of a local leader, killing him and four others who were inside."
    assert _killed_total(text) == 5


def test_murdered_and_assassinated_are_killings() -> None:
    assert _figures("Militants murdered seven villagers in the night.")["killed"] == (7, 7)
    assert _figures("A judge was assassinated outside his home.")["killed"] == (1, 1)


def test_a_named_victim_and_who_he_was_are_one_person() -> None:
    assert _figures("Assailants shot and killed Magomed Khidirov, an imam, in the town.") == {
        "killed": (1, 1)}


def test_injured_after_died_is_its_own_count() -> None:
    assert _figures("Five policemen died and 15 others were injured.") == {
        "killed": (5, 5), "wounded": (15, 15)}


def test_a_prevented_killing_is_no_toll() -> None:
    assert _figures("Guards stopped a suicide bomber from assassinating the governor.") == {}


def test_a_toll_summed_over_a_series_is_not_the_incidents() -> None:
    text = ("Between May 3 and 7, eighteen pipe bombs were found in mailboxes in Nebraska, "
            "collectively causing seven injuries. In this incident, one bomb was found in a "
            "mailbox in Omaha, Nebraska. The bomb did not detonate and no injuries were suffered.")
    casualties = _one(text).casualties
    assert total_count(casualties.wounded, casualties.perpetrators_wounded) in (0, None)


def test_all_of_the_attackers_are_as_many_as_attacked() -> None:
    text = ("Fourteen militants launched an attack on the airport in Colombo, Sri Lanka. Seven "
            "soldiers were killed and 12 were wounded. All of the assailants were killed.")
    assert _killed_total(text) == 21


def test_a_family_of_six_and_a_list_ending_in_himself() -> None:
    assert _figures("Militants killed a family of six in the village.")["killed"] == (6, 6)
    figures = _figures("He killed seven students, a teacher, and himself, with a handgun.")
    assert figures == {"killed": (8, 8), "perpetrators_killed": (1, 1)}


def test_victims_besides_those_told_add_up() -> None:
    text = ("Two militants ambushed a truck in Kashgar, China, and killed its driver before "
            "attacking a crowd with knives, killing six more and injuring 22.")
    assert _killed_total(text) == 7


def test_a_series_toll_told_in_a_split_sentence_is_not_the_incidents() -> None:
    text = ("A car bomb exploded outside a mosque in Tripoli, Lebanon. At least 47 people were "
            "killed and 300 others were wounded in the blasts combined.")
    assert _killed_total(text) in (0, None)


def test_others_killed_along_with_the_first_count() -> None:
    assert _figures("The mayor was killed along with his secretary in front of his home.") == {
        "killed": (2, 2)}
    assert _figures("Gunmen killed an engineer along with two Iraqis accompanying him.") == {
        "killed": (3, 3)}


def test_an_age_is_no_count_and_an_adverb_no_subject() -> None:
    assert _figures("A sixty-five-year-old man was shot to death by gunmen.") == {"killed": (1, 1)}
    assert _figures("At least 21 people were brutally murdered by assailants.")["killed"][0] == 21
    assert _figures("Karim is the second auditor to be killed this year.") == {}


def test_a_body_found_is_one_dead() -> None:
    assert _figures("Police recovered the decomposed body of a woman from the forest.") == {
        "killed": (1, 1)}


def test_who_the_counted_were_is_no_further_victims() -> None:
    text = "The mortars hit a greenhouse, killing three workers, one Chinese and two Palestinians."
    assert _figures(text) == {"killed": (3, 3)}


def test_killings_of_another_time_are_not_counted() -> None:
    assert _figures("Israel had assassinated a Hamas leader earlier in the week.") == {}
    assert _figures("The minister came to pay tribute to murdered Prefect Claude Erignac.") == {}
    assert _figures("He was to be killed the night that he was rescued.") == {}


def test_wounding_him_and_stabbed_but_survived_are_injuries() -> None:
    assert _figures("Gunmen fired upon the police commissioner, wounding him.") == {"wounded": (1, 1)}
    assert _figures("A doctor was stabbed in his office but survived the attack.") == {
        "wounded": (1, 1)}
    assert _figures("A car bomb left the driver and a soldier wounded.") == {"wounded": (2, 2)}


def test_a_count_that_opens_the_clause_is_the_subject_past_a_preposition() -> None:
    assert _figures("Two people riding on the motorcycle were killed.") == {"killed": (2, 2)}


def test_a_couple_is_two_and_a_named_victim_beaten_to_death_one() -> None:
    assert _figures("The couple was killed in their home.") == {"killed": (2, 2)}
    assert _figures("A mob beat Zada to death later in the day.") == {"killed": (1, 1)}


def test_a_suicide_attack_counts_its_attacker() -> None:
    text = "An Al-Aqsa Martyrs Brigade suicide attack killed ten people in Jerusalem, Israel."
    assert _killed_total(text) == 11


def test_times_ages_and_or_are_no_counts() -> None:
    assert _figures("Sixty people were inside, but no one was injured or killed.") == {"wounded": (0, 0)}
    assert _figures("An assailant shot and killed Donald Smart 49, on the 3000 block.") == {
        "killed": (1, 1)}
    text = "At 12:30 a.m., an assailant shot and killed Officer Miosotis Familia in the Bronx."
    assert _figures(text) == {"killed": (1, 1)}
    assert _figures("A total of 57 people were killed.") == {"killed": (57, 57)}


def test_an_attacker_and_a_victim_killed_together_both_count() -> None:
    text = ("An assailant shot at people in a tavern in Philadelphia, Pennsylvania. The assailant "
            "and one civilian were killed and five people were injured in the attack.")
    assert _killed_total(text) == 2


def test_thousands_are_one_number_and_a_threat_no_toll() -> None:
    assert _figures("More than 1,200 people were wounded.") == {"wounded": (1200, None)}
    assert _figures("The rebels say that, if necessary, soldiers must be killed, as well as "
                    "their allies.") == {}


def test_them_are_the_people_counted_before() -> None:
    assert _figures("They dragged six supporters out of their homes and killed them.") == {
        "killed": (6, 6)}


def test_as_many_as_keeps_a_coordinated_count() -> None:
    figures = _figures("Fourteen soldiers and as many as 15 perpetrators were killed.")
    assert figures["killed"] == (14, 14)
    assert figures["perpetrators_killed"][0] == 15


def test_nobody_in_any_phrasing_is_no_count() -> None:
    assert _figures("A gunman opened fire on the headquarters, injuring no one.") == {}
    assert _figures("The fire was put out before anyone was hurt.") == {}
    assert _figures("Neither the UN worker nor the driver were injured in the chase.") == {}


def test_a_named_victim_who_he_was_and_others_listed() -> None:
    text = ("Assailants used sickles to assault and wound Ram Sharan Mahat, the Finance Minister, "
            "and eight Nepali Congress members.")
    assert _figures(text) == {"wounded": (9, 9)}


def test_fatally_wounded_is_killed_and_three_of_them_no_more() -> None:
    assert _figures("The envoy was fatally wounded when he answered the phone.") == {"killed": (1, 1)}
    assert _figures("The blast wounded about 18 people, three of them seriously.") == {
        "wounded": (18, 18)}
    assert _figures("A bomb went off, causing injuries to the journalist and his son.") == {
        "wounded": (2, 2)}
    assert _figures("One bomb hit a house injuring one person.") == {"wounded": (1, 1)}


def test_a_series_total_is_shared_out_among_the_attacks() -> None:
    text = ("A car bomb exploded outside a mosque in Tripoli, Lebanon. This was one of two "
            "coordinated car bomb attacks on mosques in the city. At least 47 people were killed "
            "and 300 others were wounded across the two blasts.")
    casualties = _one(text).casualties
    assert total_count(casualties.killed, casualties.perpetrators_killed) == 23
    assert total_count(casualties.wounded, casualties.perpetrators_wounded) == 150


def test_this_attacks_own_toll_is_not_shared_out() -> None:
    text = ("A suicide bomber detonated a car near a checkpoint in Makhachkala, Russia. This was "
            "one of two coordinated attacks on the checkpoint. Fourteen people, including the "
            "bomber, died in this attack, while 101 people were wounded across both attacks.")
    assert _killed_total(text) == 14


def test_nobody_reportedly_hurt_is_a_zero() -> None:
    assert _figures("No one was reportedly injured or killed by the blast.") == {"wounded": (0, 0)}


def test_kidnapped_and_killed_is_a_killing_and_days_later_no_victims() -> None:
    assert _figures("Two men were abducted and killed by gunmen.") == {"killed": (2, 2)}
    assert _figures("Three soldiers were kidnapped and killed 33 days later.") == {"killed": (3, 3)}
