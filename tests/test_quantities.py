from __future__ import annotations

import pytest

from incidex.pipeline.quantities import find_quantities, leading_quantity, parse_number


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("two police officers", (2, 2, True)),
        ("at least five assailants", (5, None, False)),
        ("more than 20 people", (20, None, False)),  # GTD codes the stated number
        ("several policemen", (2, None, False)),
        ("dozens of people", (24, None, False)),
        ("twenty-one villagers", (21, 21, True)),
        ("1,200 people", (1200, 1200, True)),
        ("two to three soldiers", (2, 3, False)),
        ("both assailants", (2, 2, True)),
        ("a police officer", (1, 1, True)),
        ("some 100 people", (100, 100, False)),
        ("up to 40 people", (0, 40, False)),
        ("a dozen soldiers", (12, 12, True)),  # a dozen multiplies: not one plus twelve
        ("two dozen villagers", (24, 24, True)),
        ("Two-dozen Iraqi children", (24, 24, True)),  # one number, not a range two to twelve
    ],
)
def test_leading_quantity_keeps_the_uncertainty_of_the_text(
    phrase: str, expected: tuple[int | None, int | None, bool]
) -> None:
    assert leading_quantity(phrase) == expected


def test_words_that_are_not_numbers_are_not_counted() -> None:
    assert parse_number("police") is None
    assert leading_quantity("police officers") is None


def test_quantities_carry_offsets_into_the_text() -> None:
    text = "The blast killed at least 11 people and wounded dozens."
    found = find_quantities(text)
    spans = [text[q.start:q.end] for q in found]
    assert "at least 11" in spans
    assert "dozens" in spans


def test_an_article_before_a_number_word_is_not_one_more() -> None:
    assert parse_number("a sixty-five") is None
    assert parse_number("a hundred") == 100
