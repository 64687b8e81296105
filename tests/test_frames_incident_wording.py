"""Reports that tell an attack by what was done (arson, shots, hostages, harmful mail) rather
than by an attack word are still incidents; background told in an aside is not."""

from __future__ import annotations

import pytest

from incidex.article import Article
from incidex.pipeline.doc import Doc
from incidex.pipeline.runner import Pipeline

_FRAMES = Pipeline(("segment", "attribution", "geocode", "frames"))


def _frames(text: str) -> Doc:
    return _FRAMES.run(Article(text=text, id="t"))


@pytest.mark.parametrize("text", [
    "A radical group claimed responsibility for starting a fire at a car dealership in Eugene, Oregon.",
    "Unknown perpetrators ignited a fire at a family planning clinic in Dayton, Ohio.",
    "Activists claimed responsibility for setting fire to two new houses in Boulder, Colorado.",
    "The group said it had set four separate fires at a housing development in Denver.",
    "The group claimed responsibility for attempting to set a shoe store on fire in Salem.",
    "A fast food restaurant in Phoenix, Arizona was torched by an animal rights group, "
    "a group that has frequently targeted the company.",
    "A man fired twelve shots into the front window of a clinic in Wichita, Kansas.",
    "A gunman held three people hostage for six hours in a bank in Tampa, Florida.",
    "Armed men took two engineers hostage near the oil field in Warri.",
    "A man sent envelopes stuffed with a radioactive powder to five ministries in Tokyo.",
    "Five assailants slit the throats of two shepherds on a farm near Medea.",
    "Thirty assailants destroyed three shrines in the old city of Timbuktu.",
    "Three people were tied up by gunmen who threatened to blow up the houses in the village.",
])
def test_an_attack_told_by_its_deed_is_one_incident(text: str) -> None:
    assert len(_frames(text).frames) == 1


def test_the_fire_told_again_is_the_same_incident() -> None:
    doc = _frames(
        "An environmental group claimed responsibility for starting a fire at a party office in "
        "Bloomington, Indiana. The fire caused minor damage to the building. The group released a "
        "statement against the new highway. The group says it started the fire to protest the road."
    )
    assert len(doc.frames) == 1


def test_graffiti_at_the_scene_is_a_detail_of_the_arson() -> None:
    doc = _frames(
        "Members of an environmental group are believed to be responsible for an arson at a luxury "
        "home in Superior Township, Michigan. The house was destroyed. Investigators are still at "
        "the site. An anti-sprawl message was spray painted at the scene of the fire."
    )
    assert len(doc.frames) == 1


def test_the_attackers_doing_more_is_the_same_incident() -> None:
    doc = _frames(
        "At least 100 rebels attacked the town of Granada. At least 29 people were killed in the "
        "attack. The assailants set off explosives and demolished numerous buildings. They also took "
        "15 journalists hostage but released them the next day."
    )
    assert len(doc.frames) == 1


@pytest.mark.parametrize("text", [
    "The group has frequently targeted the corporation since 1999.",
    "Rebels were arrested in the capital on Monday.",
    "The minister said the fire service had been given new trucks.",
    "Police said they started the investigation after the letters were returned.",
    "The Abu Sayyaf is notorious for kidnapping foreigners and local people for ransom.",
    "The cartel is known for bombing police stations in the north.",
])
def test_no_incident_without_a_deed(text: str) -> None:
    assert _frames(text).frames == []


@pytest.mark.parametrize("follow_on", [
    "The bombing was followed by a second explosion near the hotel gates.",
    "Minutes later, a second explosion targeting rescuers occurred at the same place, injuring "
    "a policeman.",
])
def test_a_follow_on_blast_is_the_same_incident(follow_on: str) -> None:
    doc = _frames("A car bomb exploded outside a hotel in Mogadishu, killing six people. " + follow_on)
    assert len(doc.frames) == 1


def test_a_second_attack_is_still_another_incident() -> None:
    doc = _frames("A car bomb exploded outside a hotel in Mogadishu, killing six people. "
                  "In a second attack, gunmen shot dead two policemen at a checkpoint.")
    assert len(doc.frames) == 2
