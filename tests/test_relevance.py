"""The learned frame-relevance stage: every frame scored, nothing dropped, case ignored."""

from __future__ import annotations

from incidex.article import Article
from incidex.pipeline.relevance import frame_features, is_combat
from incidex.pipeline.runner import DEFAULT_STAGES, Pipeline

_BOMBING = ("Urban guerrillas exploded a car bomb outside the Banco Central building in the "
            "capital last night. Two guards were killed and five passers-by were wounded.")
_COMBAT = ("Army troops clashed with a rebel column in the mountains of the north on Tuesday. "
           "The defence ministry said that the fighting went on for three hours.")


def test_the_default_pipeline_scores_every_frame_and_keeps_them() -> None:
    assert "relevance" in DEFAULT_STAGES
    doc = Pipeline().run(Article(text=_BOMBING + " " + _COMBAT, id="t"))
    assert doc.frames
    assert len(doc.incidents) == len(doc.frames)
    assert all(f.relevance is not None and 0.0 <= f.relevance <= 1.0 for f in doc.frames)


def test_a_bombing_of_a_bank_scores_above_a_battle_between_army_and_rebels() -> None:
    pipe = Pipeline()
    bombing = pipe.run(Article(text=_BOMBING, id="a"))
    combat = pipe.run(Article(text=_COMBAT, id="b"))
    assert bombing.frames
    best_bombing = max(f.relevance or 0.0 for f in bombing.frames)
    best_combat = max((f.relevance or 0.0 for f in combat.frames), default=0.0)
    assert best_bombing > best_combat


def test_features_read_cased_and_lower_case_text_alike() -> None:
    pipe = Pipeline()
    cased = pipe.run(Article(text=_BOMBING, id="a"))
    lower = pipe.run(Article(text=_BOMBING.lower(), id="a"))
    words = [{f for f in frame_features(d, d.frames[0], 0) if f.startswith(("w=", "b=", "lead="))}
             for d in (cased, lower)]
    assert words[0] == words[1]
    assert all(f == f.lower() for f in words[0])


def test_the_rules_configuration_runs_without_the_model() -> None:
    doc = Pipeline.named("rules").run(Article(text=_BOMBING, id="t"))
    assert doc.frames and all(f.relevance is None for f in doc.frames)


def test_combat_between_forces_is_told_apart_from_an_attack_on_civilians() -> None:
    pipe = Pipeline()
    combat = pipe.run(Article(text="Two rebels were killed and a soldier was wounded during "
                                   "clashes near the farm on Monday.", id="a"))
    strafed = pipe.run(Article(text="Helicopter gunships opened fire on rebel columns north of "
                                    "the capital.", id="b"))
    homes = pipe.run(Article(text="Army troops attacked the homes of peasants with rockets in "
                                  "the north.", id="c"))
    bombing = pipe.run(Article(text=_BOMBING, id="d"))
    convoy = pipe.run(Article(text="The rebels staged an ambush against army troops on the "
                                   "highway, destroying six armored vehicles.", id="e"))
    assert combat.frames and strafed.frames and homes.frames and bombing.frames and convoy.frames
    assert is_combat(combat, combat.frames[0]) and is_combat(strafed, strafed.frames[0])
    assert is_combat(convoy, convoy.frames[0])
    shootout = pipe.run(Article(text="Two subversives were killed and a policeman was wounded "
                                     "in a shoot-out near the service station.", id="f"))
    assert shootout.frames and is_combat(shootout, shootout.frames[0])
    assert not is_combat(homes, homes.frames[0])
    assert not is_combat(bombing, bombing.frames[0])
