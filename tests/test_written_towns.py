"""Towns the gazetteer does not know, read from the preposition before them."""

from __future__ import annotations

from incidex.geo.written_towns import written_towns


def _names(text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
    return [t.name for t in written_towns(text, taken or [])]


def test_a_name_after_in_is_a_town() -> None:
    assert _names("A roadside bomb exploded in Qaryat Zurbah on Monday.") == ["Qaryat Zurbah"]


def test_a_name_after_near_is_a_town() -> None:
    assert _names("Rebels attacked a camp near Kafr Dunna.") == ["Kafr Dunna"]


def test_months_buildings_and_common_words_are_not_towns() -> None:
    assert _names("He was killed in January.") == []
    assert _names("A bomb went off in Kabul University.") == []
    assert _names("The vote took place in Parliament.") == []


def test_a_name_already_read_as_something_else_is_left_alone() -> None:
    text = "Gunmen fired in Zaranj on Sunday."
    start = text.index("Zaranj")
    assert _names(text, [(start, start + len("Zaranj"))]) == []


def test_lowercase_text_has_no_written_towns() -> None:
    assert _names("a bomb exploded in qaryat zurbah on monday.") == []


def test_a_name_before_settlement_or_after_kibbutz_of_is_a_town() -> None:
    assert _names("Shots were fired at the Homesh settlement.") == ["Homesh"]
    assert _names("Two militants attacked the kibbutz of Kerem Shalom, near the border.") == [
        "Kerem Shalom"]
    assert _names("Shots were fired at the Homesh bus.") == []


def test_a_housing_estate_is_no_town() -> None:
    assert "Millburn Estate" not in _names("A pipe bomb was thrown at a home in Millburn Estate.")
