"""Text decoded with the wrong code page is put right, one character for one."""

from __future__ import annotations

import pytest

import incidex
from incidex.article import Article
from incidex.mojibake import repair_mojibake


@pytest.mark.parametrize(("damaged", "meant"), [
    # Mac Roman read as Latin-1: its right quote became "Õ", its "á" a C1 control
    ("Tanzim QaÕidat al-Jihad fi Bilad al-Rafidayn", "Tanzim Qa’idat al-Jihad fi Bilad al-Rafidayn"),
    ("a clericÕs office in Bogot\x87", "a cleric’s office in Bogotá"),
    # Windows-1252 read as Latin-1
    ("the cleric\x92s office, \x93a warning\x94", "the cleric’s office, “a warning”"),
])
def test_damaged_text_is_repaired(damaged: str, meant: str) -> None:
    fixed = repair_mojibake(damaged)
    assert fixed == meant
    assert len(fixed) == len(damaged)


@pytest.mark.parametrize("text", [
    "Sánchez visited Óbidos and Õismäe.",   # genuine capitals with accents
    "plain text",
    "",
])
def test_sound_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) is text


def test_a_mixed_text_keeps_its_genuine_letters() -> None:
    assert repair_mojibake("Sánchez said the clericÕs car") == "Sánchez said the cleric’s car"


def test_articles_are_repaired_and_evidence_points_into_the_repaired_text() -> None:
    text = "A bomb exploded outside the clericÕs office in Baghdad, killing five people."
    article = Article(text=text)
    assert "cleric’s" in article.text and len(article.text) == len(text)
    incidents = incidex.extract(article)
    assert incidents
    killed = incidents[0].casualties.killed
    assert killed is not None and killed.evidence
    span = killed.evidence[0]
    assert article.text[span.start:span.end] == span.text
