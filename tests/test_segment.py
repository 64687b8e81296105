from __future__ import annotations

import pytest

from incidex.pipeline.segment import split_clauses, split_sentences


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Gen. Smith said U.S. troops left. A bomb exploded in St. Louis on Monday."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Gen. Smith said U.S. troops left.",
        "A bomb exploded in St. Louis on Monday.",
    ]


def test_lower_case_text_is_split_too() -> None:
    text = "guerrillas attacked the farm. a civilian was killed.    the army denied it."
    assert len(split_sentences(text)) == 3


def test_offsets_slice_the_original_text() -> None:
    text = "  First one.\n\nSecond one here!  Third?"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_a_coordinated_clause_with_its_own_subject_is_cut() -> None:
    text = ("an attacker was killed after hitting a traffic policeman with his car and a police "
            "officer was also killed in a shoot-out.")
    sentence = split_sentences(text)[0]
    clauses = [c.text for c in split_clauses(text, sentence)]
    assert clauses == [
        "an attacker was killed after hitting a traffic policeman with his car",
        "a police officer was also killed in a shoot-out.",
    ]


def test_a_verb_phrase_after_and_stays_in_its_clause() -> None:
    text = "Two men entered the station and inflicted wounds on two officers."
    sentence = split_sentences(text)[0]
    assert len(split_clauses(text, sentence)) == 1


def test_a_lost_space_after_a_full_stop_still_ends_the_sentence() -> None:
    text = "She was told to stop working.The Islamic State of Iraq claimed the attack."
    assert [s.text for s in split_sentences(text)] == [
        "She was told to stop working.", "The Islamic State of Iraq claimed the attack."]


@pytest.mark.parametrize("text", ["He holds a Ph.D. in law.", "Gen.Smith said so.",
                                  "They were wounded in the attack.U.S. forces came."])
def test_abbreviations_without_a_space_do_not_end_it(text: str) -> None:
    assert len(split_sentences(text)) == 1


def test_a_comma_and_before_the_last_counted_subject_does_not_cut_the_clause() -> None:
    text = "Seven soldiers, one policeman, and one civilian were killed in the attack."
    sentence = split_sentences(text)[0]
    assert [c.text for c in split_clauses(text, sentence)] == [text]


def test_a_relative_clause_object_is_no_new_subject() -> None:
    text = "Gunmen fired on the car, killing him and four others who were inside it."
    sentence = split_sentences(text)[0]
    assert len(split_clauses(text, sentence)) == 1
