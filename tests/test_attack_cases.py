"""The codebook's attack-type cases decided by target and outcome (``attack_cases``)."""

from __future__ import annotations

import incidex
from incidex.article import Article
from incidex.codebook import TargetType
from incidex.pipeline.attack_cases import case_sentences
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.target_types import _phrase_type
from incidex.record import Incident


def _one(text: str) -> Incident:
    incidents = incidex.extract(text, published="2016-05-01")
    assert incidents
    return incidents[0]


def test_shots_at_an_empty_building_are_a_facility_attack() -> None:
    incident = _one("Shots were fired overnight at an Army recruiting office in Dayton, Ohio, "
                    "United States. No one was in the building at the time, but two windows "
                    "were broken.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"
    assert incident.weapon_types[0] == "Firearms"


def test_shots_at_a_substation_are_a_facility_attack() -> None:
    incident = _one("Assailants opened fire on an electrical substation in Moab, Utah, United "
                    "States, damaging three transformers.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"


def test_shots_that_wound_people_in_a_building_stay_an_armed_assault() -> None:
    incident = _one("Gunmen opened fire overnight on a police station in Dayton, Ohio, United "
                    "States, wounding two officers.")
    assert incident.attack_types[0] == "Armed Assault"


def test_an_incendiary_device_that_exploded_is_a_bombing() -> None:
    incident = _one("An incendiary device exploded at a research laboratory in Tucson, Arizona, "
                    "United States. There were no casualties, but the building was damaged.")
    assert incident.attack_types[0] == "Bombing/Explosion"


def test_an_incendiary_device_that_burned_is_a_facility_attack() -> None:
    incident = _one("An incendiary device set fire to a research laboratory in Tucson, Arizona, "
                    "United States. There were no casualties, but the building was damaged.")
    assert incident.attack_types[0] == "Facility/Infrastructure Attack"


def _sentences(text: str) -> list[Span]:
    out, start = [], 0
    for part in text.split(". "):
        out.append(Span(start, start + len(part), part))
        start += len(part) + 2
    return out


def test_a_sentence_no_frame_holds_speaks_of_the_first_incident() -> None:
    text = ("Gunmen seized the refuge headquarters. A leader was killed in a clash. "
            "Two men were arrested for a shooting")
    sentences = _sentences(text)
    first, second = Frame(clauses=[sentences[1]]), Frame(clauses=[sentences[2]])
    doc = Doc(article=Article(text=text, id="x"), sentences=sentences, frames=[first, second])
    assert [s.text for s in case_sentences(doc, first)] == [sentences[0].text, sentences[1].text]
    assert [s.text for s in case_sentences(doc, second)] == [sentences[0].text, sentences[2].text]


def test_an_agency_after_the_is_a_target_and_police_who_report_are_not() -> None:
    targeted = _phrase_type("placed four devices at the BLM Wild Horse Corrals", responders=True)
    assert targeted is not None and targeted[0] == TargetType.GOVERNMENT
    assert _phrase_type("according to the police", responders=True) is None


def test_weapons_of_a_campaign_told_in_passing_are_not_the_incidents() -> None:
    incident = _one("Insurgents shot and killed a 32-year-old man in Yala, Thailand, on Monday. "
                    "Insurgents in the south continue to target civilians with drive-by "
                    "shootings and bomb attacks.")
    assert incident.weapon_types[0] == "Firearms"
    assert incident.attack_types[0] == "Armed Assault"


def test_an_assault_with_a_gun_in_hand_is_armed() -> None:
    incident = _one("Assailants threatened a man with a gun and punched him outside his home in "
                    "Kansas City, Missouri, United States. The man was injured in the assault.")
    assert incident.attack_types[0] == "Armed Assault"


def test_a_gun_named_as_a_topic_leaves_an_unarmed_assault_unarmed() -> None:
    incident = _one("Assailants punched a member of Mayors Against Illegal Guns outside his home "
                    "in Kansas City, Missouri, United States. The man was injured in the assault.")
    assert incident.attack_types[0] == "Unarmed Assault"


def test_in_a_long_article_a_frame_speaks_only_in_its_own_clauses() -> None:
    text = ("Gunmen seized the refuge headquarters. A leader was killed in a clash. "
            + "The talks went on for weeks without any result " * 30 + ". Two men were arrested")
    sentences = _sentences(text)
    first, second = Frame(clauses=[sentences[1]]), Frame(clauses=[sentences[-1]])
    doc = Doc(article=Article(text=text, id="x"), sentences=sentences, frames=[first, second])
    assert case_sentences(doc, first) == [sentences[1]]
