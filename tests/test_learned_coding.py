"""The learned GTD coder: its linear model, its features, and its place in the pipelines."""

from __future__ import annotations

import pytest

from incidex.article import Article
from incidex.errors import DataError
from incidex.models.linear import LinearModel
from incidex.pipeline.coding_features import incident_features, text_features
from incidex.pipeline.doc import Span
from incidex.pipeline.learned_coding import FIELDS, coding_models, decide
from incidex.pipeline.runner import Pipeline

SHOOTING = ("Gunmen opened fire on a police patrol in Quetta, Pakistan, on Monday, killing two "
            "officers and wounding three others.")
SUICIDE_BOMBING = ("A suicide bomber detonated his explosives vest at a crowded market in Kabul, "
                   "Afghanistan, killing twelve people and wounding thirty.")


def test_a_linear_model_sums_the_weights_of_the_features_present() -> None:
    model = LinearModel.from_feature_rows({
        "labels": ["Bombing/Explosion", "Armed Assault"],
        "bias": [0.0, 0.5],
        "weights": {"w:bomb": [2.0, 0.0], "w:gunmen": [0.0, 2.0]},
    })
    assert model.predict([]) == "Armed Assault"
    assert model.predict(["w:bomb"]) == "Bombing/Explosion"
    assert model.predict(["w:bomb", "w:gunmen", "w:unseen"]) == "Armed Assault"
    probabilities = model.distribution(["w:bomb"])
    assert probabilities["Bombing/Explosion"] > 0.5
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_a_model_whose_weights_do_not_fit_its_labels_is_refused() -> None:
    with pytest.raises(DataError):
        LinearModel.from_feature_rows({"labels": ["0", "1"], "bias": [0.0, 0.0], "weights": {"w:x": [1.0]}})


def test_text_features_are_case_blind_and_leave_numbers_out() -> None:
    cased = text_features([Span(0, 40, "05/02/2016: Gunmen KILLED 3 policemen")])
    lower = text_features([Span(0, 40, "gunmen killed policemen")])
    assert "w:gunmen" in cased and "b:killed_policemen" in cased
    assert not any(ch.isdigit() for feature in cased for ch in feature)
    assert set(cased) <= set(lower)


def test_the_features_hold_the_rule_stage_decisions() -> None:
    doc = Pipeline.named("rules").run(Article(text=SHOOTING, id="t"))
    frame = doc.frames[0]
    features = incident_features(frame, doc.sentences, doc.text)
    assert "r:attack=Armed Assault" in features
    assert "r:weapon=Firearms" in features
    assert "r:killed=2" in features


def test_the_shipped_models_code_every_field() -> None:
    models = coding_models()
    assert set(models) == set(FIELDS)
    assert set(models["success"].classes) == {"0", "1"}
    assert "Bombing/Explosion" in models["attack"].classes


def test_the_learned_pipeline_codes_a_suicide_bombing() -> None:
    assert "coding.learned" in Pipeline.named("learned").names
    incident = Pipeline.named("learned").extract(Article(text=SUICIDE_BOMBING, id="t"))[0]
    assert incident.attack_types[0] == "Bombing/Explosion"
    assert incident.weapon_types[0] == "Explosives"
    assert incident.suicide.value and incident.success.value


def test_the_rule_pipeline_keeps_the_rules_alone() -> None:
    assert "coding.learned" not in Pipeline.named("rules").names
    incident = Pipeline.named("rules").extract(Article(text=SHOOTING, id="t"))[0]
    assert incident.attack_types[0] == "Armed Assault"
    assert incident.weapon_types[0] == "Firearms"


def test_the_rule_decision_stands_unless_the_model_is_sure_it_is_wrong() -> None:
    model = LinearModel.from_feature_rows({
        "labels": ["Firearms", "Explosives", "Melee"],
        "bias": [0.0, 0.0, 0.0],
        "weights": {"w:bomb": [0.0, 4.0, 0.0], "w:car": [0.0, 0.3, 0.0]},
    })
    # The model is sure: a bomb, not the rules' firearms.
    assert decide(model, ["w:bomb"], "Firearms") == "Explosives"
    # Unsure (no class reaches CHOOSE): the rules keep their firearms.
    assert decide(model, ["w:car"], "Firearms") == "Firearms"
    # The rules agree with what the model finds likely enough: they stand.
    assert decide(model, [], "Melee") == "Melee"


def test_a_rule_choice_the_model_barely_learned_stands() -> None:
    model = LinearModel.from_feature_rows({
        "labels": ["Firearms", "Explosives", "Biological"],
        "bias": [0.0, 0.0, -3.0],
        "weights": {"w:letter": [0.0, 4.0, 0.0]},
    })
    # Sure of its explosives, the model would override the rules' biological ...
    assert decide(model, ["w:letter"], "Biological") == "Explosives"
    # ... but it saw too few biological attacks to judge one: the rules' choice stands.
    assert decide(model, ["w:letter"], "Biological", rare=frozenset({"Biological"})) == "Biological"
    # A label the model never saw at all stands too.
    assert decide(model, ["w:letter"], "Sabotage Equipment") == "Sabotage Equipment"


def test_the_shipped_coder_knows_which_labels_it_barely_saw() -> None:
    from incidex.pipeline.learned_coding import rare_labels

    rare = rare_labels()
    assert set(rare) == set(FIELDS)
    assert "Explosives" not in rare["weapon"] and "Bombing/Explosion" not in rare["attack"]
    # six anthrax letters in the GTD sample: too few to overrule the rules' Biological
    assert "Biological" in rare["weapon"]


def test_the_shipped_coder_says_which_files_it_was_fitted_on() -> None:
    from incidex.pipeline.learned_coding import trained_on

    # North America stays out, so the CI floor on it measures incidents the coder never saw.
    assert trained_on() == ["gtd0718_sample.csv"]
