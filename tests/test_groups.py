"""Perpetrator group names: finding them in text and normalising them to one group."""

from __future__ import annotations

import itertools
import json
import time

import pytest

from incidex.errors import DataError
from incidex.groups import Group, GroupLexicon, GroupMention


@pytest.fixture(scope="module")
def lexicon() -> GroupLexicon:
    return GroupLexicon.default()


def names(mentions: list[GroupMention]) -> list[tuple[str, str]]:
    return [(m.text, m.group.canonical) for m in mentions]


def assert_offsets(text: str, mentions: list[GroupMention]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text
    spans = [(m.start, m.end) for m in mentions]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


# -- the Islamic State and its many names ----------------------------------------------------


def test_every_name_of_the_islamic_state_is_one_group(lexicon: GroupLexicon) -> None:
    text = "IS claimed it. ISIS, ISIL, Daesh and the Islamic State are one group, said Da'esh."
    mentions = lexicon.find(text)
    assert [m.text for m in mentions] == ["IS", "ISIS", "ISIL", "Daesh", "Islamic State", "Da'esh"]
    assert {m.group.canonical for m in mentions} == {"Islamic State"}
    assert_offsets(text, mentions)


@pytest.mark.parametrize(
    "name",
    ["ISIL", "ISIS", "IS", "Daesh", "the Islamic state", "Islamic State group", "isis",
     "Islamic State of Iraq and the Levant (ISIL)", "Islamic State of Iraq and al-Sham"],
)  # fmt: skip
def test_canonical_normalises_free_names_of_the_islamic_state(lexicon: GroupLexicon, name: str) -> None:
    group = lexicon.canonical(name)
    assert group is not None
    assert group.gtd == "Islamic State of Iraq and the Levant (ISIL)"


def test_is_is_not_found_in_ordinary_words(lexicon: GroupLexicon) -> None:
    assert lexicon.find("This is what it is; the bomb is here and this island is quiet.") == []


def test_is_is_not_found_in_lowercase_text(lexicon: GroupLexicon) -> None:
    assert lexicon.find("the bomb is in the car and it is armed") == []


def test_word_acronyms_are_not_found_in_a_shouted_headline(lexicon: GroupLexicon) -> None:
    text = "THIS IS WAR, the paper wrote. Police blamed IS for the blast."
    assert names(lexicon.find(text)) == [("IS", "Islamic State")]


def test_generic_islamic_state_in_cased_text_is_no_group(lexicon: GroupLexicon) -> None:
    text = "The rebels seek an Islamic state in the south. An Islamic State fighter was killed."
    assert names(lexicon.find(text)) == [("Islamic State", "Islamic State")]


def test_sloppy_lowercase_state_still_names_the_group(lexicon: GroupLexicon) -> None:
    text = "Rebels swore allegiance to the Islamic state, according to the Islamic state website."
    assert [m.group.canonical for m in lexicon.find(text)] == ["Islamic State", "Islamic State"]


def test_possessive_does_not_hide_a_name(lexicon: GroupLexicon) -> None:
    text = "The Islamic State's fighters and ISIS's media arm."
    mentions = lexicon.find(text)
    assert names(mentions) == [("Islamic State", "Islamic State"), ("ISIS", "Islamic State")]
    assert_offsets(text, mentions)


# -- affiliates, variants and longest match ---------------------------------------------------


def test_sinai_province_is_the_affiliate_not_the_parent(lexicon: GroupLexicon) -> None:
    text = "Militants of the Islamic State's Sinai Province attacked a checkpoint."
    mentions = lexicon.find(text)
    assert len(mentions) == 1
    (mention,) = mentions
    assert mention.text == "Islamic State's Sinai Province"
    assert mention.group.gtd == "Sinai Province of the Islamic State"
    assert mention.group.parent == "Islamic State"
    parent = lexicon.parent_of(mention.group)
    assert parent is not None and parent.canonical == "Islamic State"
    assert_offsets(text, mentions)


def test_a_geographic_sinai_province_is_no_group(lexicon: GroupLexicon) -> None:
    assert lexicon.find("Gunmen attacked a checkpoint in North Sinai province.") == []


@pytest.mark.parametrize(
    "spelling", ["al-Qaeda", "al Qaeda", "Al-Qaida", "Al-Qa'ida", "Al-Qa’ida", "al-Qaeda's"]
)
def test_hyphen_space_and_apostrophe_variants_of_al_qaeda(lexicon: GroupLexicon, spelling: str) -> None:
    text = f"Officials blamed {spelling} for the bombing."
    mentions = lexicon.find(text)
    assert [m.group.gtd for m in mentions] == ["Al-Qaida"]
    assert_offsets(text, mentions)


def test_longest_name_wins(lexicon: GroupLexicon) -> None:
    text = "al-Qaeda in the Arabian Peninsula (AQAP) and the Pakistani Taliban claimed them."
    assert names(lexicon.find(text)) == [
        ("al-Qaeda in the Arabian Peninsula", "al-Qaeda in the Arabian Peninsula"),
        ("AQAP", "al-Qaeda in the Arabian Peninsula"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
    ]


def test_sentence_punctuation_breaks_a_name(lexicon: GroupLexicon) -> None:
    assert lexicon.find("He is from the Islamic. State officials deny it.") == []


def test_acronyms_in_title_case_british_style(lexicon: GroupLexicon) -> None:
    text = "Farc rebels and Isis fighters"
    assert names(lexicon.find(text)) == [("Farc", "FARC"), ("Isis", "Islamic State")]


def test_lowercase_acronyms_in_cased_text_are_words(lexicon: GroupLexicon) -> None:
    assert lexicon.find("Let me go far away, said the elf.") == []


# -- text without case: MUC-4 style and wire copy ---------------------------------------------


def test_lowercase_muc_text(lexicon: GroupLexicon) -> None:
    text = (
        "terrorists of the farabundo marti national liberation front (fmln) attacked. "
        "shining path, also known as sendero luminoso, and the eln struck; "
        "the extraditables of the medellin cartel and the manuel rodriguez patriotic front too."
    )
    mentions = lexicon.find(text)
    assert [m.group.canonical for m in mentions] == [
        "FMLN",
        "FMLN",
        "Shining Path",
        "Shining Path",
        "National Liberation Army (Colombia)",
        "The Extraditables",
        "Medellin Cartel",
        "Manuel Rodriguez Patriotic Front",
    ]
    assert_offsets(text, mentions)


def test_lowercase_text_skips_acronyms_that_are_words(lexicon: GroupLexicon) -> None:
    assert lexicon.find("it is far from the elf, let the arm mend") == []


def test_uppercase_wire_copy(lexicon: GroupLexicon) -> None:
    text = "ISIS CLAIMS ATTACK; THIS IS THE FMLN"
    assert names(lexicon.find(text)) == [("ISIS", "Islamic State"), ("FMLN", "FMLN")]


def test_plain_sentence_has_no_groups(lexicon: GroupLexicon) -> None:
    assert lexicon.find("The mayor opened a new bridge over the river on Tuesday.") == []
    assert lexicon.find("") == []


# -- canonical() ----------------------------------------------------------------------------


def test_canonical_of_descriptions_and_unknowns(lexicon: GroupLexicon) -> None:
    taliban = lexicon.canonical("suspected Taliban militants")
    assert taliban is not None and taliban.gtd == "Taliban"
    assert lexicon.canonical("Taliban and al-Qaeda") is None
    assert lexicon.canonical("Unknown") is None
    assert lexicon.canonical("   ") is None


# -- the shipped table ----------------------------------------------------------------------


def test_table_covers_many_groups_with_unique_gtd_names(lexicon: GroupLexicon) -> None:
    groups = list(lexicon)
    assert len(groups) >= 150
    assert len({g.gtd for g in groups}) == len(groups)
    for group in groups:
        if group.parent is not None:
            assert lexicon.parent_of(group) is not None


def test_every_alias_gtd_name_and_acronym_leads_back_to_its_group(lexicon: GroupLexicon) -> None:
    for group in lexicon:
        assert lexicon.canonical(group.gtd) is group
        for alias in group.aliases:
            assert lexicon.canonical(alias) is group, alias
        for acronym in group.acronyms:
            text = f"Police blamed the {acronym} for the attack."
            assert [m.group for m in lexicon.find(text)] == [group], acronym


def test_default_is_loaded_once() -> None:
    assert GroupLexicon.default() is GroupLexicon.default()


def test_find_is_fast(lexicon: GroupLexicon) -> None:
    texts = [
        f"On day {i}, gunmen from the Islamic State's Sinai Province and al-Qaeda attacked "
        f"a police post in town {i}, killing {i % 7} officers, officials said."
        for i in range(5000)
    ]
    started = time.perf_counter()
    for text in texts:
        lexicon.find(text)
    # At least 5,000 texts/s on a laptop; the bound leaves room for slow CI machines.
    assert time.perf_counter() - started < 5.0


# -- broken tables are refused --------------------------------------------------------------


def _table(*groups: dict[str, object]) -> str:
    return json.dumps({"groups": list(groups)})


def test_an_alias_of_two_groups_is_refused() -> None:
    raw = _table(
        {"canonical": "A", "gtd": "A", "aliases": ["Red Front"], "parent": None},
        {"canonical": "B", "gtd": "B", "aliases": ["red-front"], "parent": None},
    )
    with pytest.raises(DataError, match="names both"):
        GroupLexicon.from_json(raw)


def test_an_unknown_parent_is_refused() -> None:
    raw = _table({"canonical": "A", "gtd": "A", "aliases": ["A front"], "parent": "Nobody"})
    with pytest.raises(DataError, match="unknown parent"):
        GroupLexicon.from_json(raw)


def test_a_small_table_works_end_to_end() -> None:
    raw = _table(
        {"canonical": "Red Front", "gtd": "Red Front (RF)", "aliases": ["Red Front"],
         "acronyms": ["RF"], "parent": None},
    )  # fmt: skip
    lexicon = GroupLexicon.from_json(raw)
    (group,) = list(lexicon)
    assert group == Group("Red Front", "Red Front (RF)", ("Red Front",), None, acronyms=("RF",))
    assert names(lexicon.find("The red front and the RF.")) == [
        ("red front", "Red Front"),
        ("RF", "Red Front"),
    ]
