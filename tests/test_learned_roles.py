"""The learned role-filler tagger: features, labels from offsets, filler-to-incident
assignment, and the shipped model on sentences written here (not from MUC-4)."""

from __future__ import annotations

import pytest

from incidex.article import Article
from incidex.errors import PipelineError
from incidex.groups import GroupLexicon
from incidex.pipeline import learned_roles, role_context
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.learned_roles import (
    confident_entities,
    dedupe_entities,
    nearest_frame,
    surest_mention,
    tag_document,
    trimmed,
)
from incidex.pipeline.role_context import DocContext
from incidex.pipeline.role_features import (
    bio_labels,
    bio_spans,
    doc_sentences,
    gold_spans,
    shape,
    token_features,
)
from incidex.pipeline.runner import Pipeline
from incidex.pipeline.segment import tokenize


def _doc(text: str) -> Doc:
    """Segmented and geocoded, as the tagger reads it."""
    return Pipeline(["segment", "attribution", "geocode"]).run(Article(text=text, id="t"))


# -- features ------------------------------------------------------------------------------


def test_shape_collapses_character_classes() -> None:
    assert shape("m-16") == "x-d"
    assert shape("1989") == "d"
    assert shape("fmln") == "x"


def test_features_see_the_window_and_the_lexicons() -> None:
    words = ["two", "gunmen", "shot", "the", "mayor"]
    marks: list[set[str]] = [set(), {"B-PERP"}, {"B-TRG"}, set(), set()]
    features = token_features(words, marks, sentence_index=0)
    mayor = features[4]
    assert "w=mayor" in mayor and "title" in mayor
    assert "w-2=shot" in mayor and "w+1=</s>" in mayor
    assert "trg=after2" in mayor  # the trigger is two tokens before
    assert "m=B-PERP" in features[1] and "qty" in features[0]


def test_word_classes_are_features_of_the_word_and_its_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(role_context, "word_clusters", lambda: {"killed": ("256:7",)})
    features = token_features(["they", "killed", "him"], [set(), set(), set()], 0)
    assert "c=256:7" in features[1] and "c+1=256:7" in features[0] and "c-1=256:7" in features[2]
    assert not any(f.startswith("c") and "256:7" in f for f in token_features(["xqzv"], [set()], 0)[0])


def test_context_features_reach_past_the_two_word_window(monkeypatch: pytest.MonkeyPatch) -> None:
    words = "the mayor was killed by members of the fmln".split()
    marks: list[set[str]] = [set() for _ in words]
    marks[3] = {"B-TRG", "B-TRG_ASSASSINATION"}
    monkeypatch.setattr(role_context, "EXTRAS", frozenset({"kind", "prep", "doc", "count"}))
    context = DocContext({"fmln": 3, "mayor": 1}, frozenset({"fmln"}), frozenset({"mayor"}))
    features = token_features(words, marks, 1, context)
    fmln, mayor = features[8], features[1]
    assert {"prep=by", "prep=of"} <= set(fmln)  # "by" five words back still counts
    assert "kind<ASSASSINATION|kind>none" in fmln and "kind<none|kind>ASSASSINATION" in mayor
    assert {"df=2-3", "inlead"} <= set(fmln) and "df=1" in mayor and "inlead" not in mayor
    assert "neartrg" in mayor and "neartrg" not in fmln
    assert not any(f.startswith("df=") for f in token_features(words, marks, 1)[8])
    monkeypatch.setattr(role_context, "EXTRAS", frozenset({"doc"}))
    alone = token_features(words, marks, 1, context)[8]
    assert "inlead" in alone and not any(f.startswith(("df=", "prep=", "kind")) for f in alone)


def test_features_are_the_same_for_cased_and_lower_case_text() -> None:
    lexicon = GroupLexicon.default()
    cased = "Gunmen from the FMLN killed Mayor Jose Rodriguez in San Salvador."
    upper = doc_sentences(_doc(cased), lexicon)
    lower = doc_sentences(_doc(cased.lower()), lexicon)
    assert [s.features for s in upper] == [s.features for s in lower]
    assert any("m=B-GROUP" in f for f in upper[0].features)


# -- labels from offsets -------------------------------------------------------------------


def test_gold_spans_label_every_whole_word_occurrence_longest_first() -> None:
    text = "The FMLN bombed a bus. FMLNs deny it; the FMLN said the bus bomb was theirs."
    spans = gold_spans(text, {"PerpOrg": ["fmln"], "Weapon": ["bus bomb"], "Target": ["bus"]})
    assert [(text[s:e], role) for s, e, role in spans] == [
        ("FMLN", "PerpOrg"), ("bus", "Target"), ("FMLN", "PerpOrg"), ("bus bomb", "Weapon"),
    ]
    first_only = gold_spans(text, {"PerpOrg": ["fmln"]}, every_occurrence=False)
    assert [(s, e) for s, e, _ in first_only] == [(4, 8)]


def test_bio_labels_and_spans_round_trip() -> None:
    text = "guerrillas of the farabundo marti front attacked"
    tokens = tokenize(text)
    spans = [(0, 10, "PerpInd"), (18, 39, "PerpOrg")]
    labels = bio_labels(tokens, spans)
    assert labels == ["B-PerpInd", "O", "O", "B-PerpOrg", "I-PerpOrg", "I-PerpOrg", "O"]
    assert bio_spans(tokens, labels) == spans


def test_bio_spans_open_a_span_at_a_stray_inside_label() -> None:
    tokens = tokenize("a car bomb exploded")
    assert bio_spans(tokens, ["O", "I-Weapon", "I-Weapon", "O"]) == [(2, 10, "Weapon")]
    assert bio_spans(tokens, ["B-Target", "I-Weapon", "O", "O"]) == [
        (0, 1, "Target"), (2, 5, "Weapon"),
    ]


# -- assignment and entities ---------------------------------------------------------------


def _frame(*bounds: tuple[int, int]) -> Frame:
    return Frame(clauses=[Span(s, e, "x" * (e - s)) for s, e in bounds])


def test_a_filler_goes_to_the_frame_holding_it_else_the_nearest() -> None:
    first, second = _frame((0, 50)), _frame((100, 150), (300, 340))
    frames = [first, second]
    assert nearest_frame(frames, Span(10, 20, "")) is first
    assert nearest_frame(frames, Span(310, 320, "")) is second
    assert nearest_frame(frames, Span(60, 70, "")) is first  # 10 from the first, 30 from the next
    assert nearest_frame(frames, Span(200, 210, "")) is second


def test_mentions_of_one_name_become_one_entity() -> None:
    spans = [Span(0, 22, "Jose Antonio Rodriguez"), Span(40, 49, "Rodriguez"),
             Span(60, 68, "the bomb"), Span(80, 84, "bomb"), Span(90, 93, "Ana")]
    entities = dedupe_entities(spans)
    assert [e.text for e in entities] == ["Jose Antonio Rodriguez", "the bomb", "Ana"]
    assert [m.text for m in entities[0].attrs["mentions"]] == ["Jose Antonio Rodriguez", "Rodriguez"]


def test_an_entity_is_told_by_the_mention_the_tagger_is_surest_of() -> None:
    spans = [Span(0, 27, "the group of paid assassins", "Victim", {"confidence": 0.4}),
             Span(40, 54, "paid assassins", "Victim", {"confidence": 0.9})]
    (entity,) = dedupe_entities(spans)
    assert entity.text == "the group of paid assassins"
    best = surest_mention(entity)
    assert (best.start, best.text, len(best.attrs["mentions"])) == (40, "paid assassins", 2)


def test_an_acronym_is_one_entity_with_the_name_it_abbreviates() -> None:
    spans = [Span(0, 41, "the farabundo marti national liberation front"), Span(50, 54, "FMLN"),
             Span(60, 64, "army"), Span(70, 73, "ERP")]
    entities = dedupe_entities(spans)
    assert [e.text for e in entities] == ["the farabundo marti national liberation front", "army",
                                          "ERP"]
    assert [m.text for m in entities[0].attrs["mentions"]] == [
        "the farabundo marti national liberation front", "FMLN"]


def test_entities_below_their_role_cutoff_are_dropped_with_all_their_mentions() -> None:
    spans = [Span(0, 9, "Rodriguez", "Victim", {"confidence": 0.05}),
             Span(20, 29, "Rodriguez", "Victim", {"confidence": 0.6}),
             Span(40, 43, "Ana", "Victim", {"confidence": 0.3}),
             Span(50, 54, "bomb", "Weapon", {"confidence": 0.3})]
    kept = confident_entities(spans, {"Victim": 0.5, "Weapon": 0.2})
    assert [(s.start, s.text) for s in kept] == [(0, "Rodriguez"), (20, "Rodriguez"), (50, "bomb")]


def test_an_entity_told_often_adds_up_the_confidence_of_its_mentions() -> None:
    twice = [Span(0, 6, "Mendez", "Victim", {"confidence": 0.3}),
             Span(20, 26, "Mendez", "Victim", {"confidence": 0.3})]
    once = [Span(40, 43, "Ana", "Victim", {"confidence": 0.3})]
    kept = confident_entities(twice + once, {"Victim": 0.5})
    assert [s.text for s in kept] == ["Mendez", "Mendez"]  # 1 - 0.7 * 0.7 = 0.51


def test_a_filler_does_not_end_in_a_preposition_or_an_article() -> None:
    text = "the nelson mandela cell of the eln"
    assert trimmed(text, 4, 30) == (4, 23)
    assert trimmed(text, 0, 4) is None


def test_a_target_is_the_thing_not_the_part_of_it_that_was_hit() -> None:
    text = "the roof of the armored vehicle and the 5th floor of the cultural institute"
    assert text[slice(*trimmed(text, 0, 31) or (0, 0))] == "armored vehicle"
    assert text[slice(*trimmed(text, 36, 75) or (0, 0))] == "cultural institute"
    assert trimmed(text, 12, 31) == (12, 31)


class _Marginals:
    """A tagger stand-in with fixed per-token marginals."""

    def __init__(self, marginals: list[dict[str, float]]) -> None:
        self.marginals = marginals

    def marginal(self, label: str, index: int) -> float:
        return self.marginals[index].get(label, 0.0)


def test_a_timid_role_takes_in_tokens_by_its_own_marginal(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger = _Marginals([{"O": 0.97, "B-PerpInd": 0.03}, {"O": 0.97, "B-Victim": 0.03},
                         {"O": 0.8, "I-Target": 0.2}])
    names = ["B-PerpInd", "I-PerpInd", "B-Victim", "B-Target", "I-Target"]
    monkeypatch.setattr(learned_roles, "RECALL_IN", {"PerpInd": 0.02})
    labels = ["O", "O", "O"]
    learned_roles._recall(tagger, labels, names, 0.85)
    assert labels == ["B-PerpInd", "O", "I-Target"]


# -- the shipped model ---------------------------------------------------------------------

BOMBING = ("Members of the FMLN detonated a car bomb outside the U.S. embassy in San Salvador, "
           "killing Judge Carlos Mendoza.")
SHOOTING = ("Gunmen from the Shining Path shot dead the mayor of Huancayo, Pedro Ramirez, and set "
            "fire to the town hall.")


def _tagged(text: str) -> set[tuple[str, str]]:
    return {(s.label, s.text) for s in tag_document(_doc(text), GroupLexicon.default())}


def test_the_shipped_model_tags_reports_written_here() -> None:
    bombing = _tagged(BOMBING)
    assert {("PerpOrg", "FMLN"), ("Victim", "Carlos Mendoza")} <= bombing, bombing
    shooting = _tagged(SHOOTING)
    assert {("PerpInd", "Gunmen"), ("Target", "town hall")} <= shooting, shooting
    assert _tagged(BOMBING.lower()) == {(role, text.lower()) for role, text in bombing}


def test_the_learned_configuration_fills_incident_roles_on_cased_news() -> None:
    incidents = Pipeline.named("learned").extract(Article(text=BOMBING, id="t"))
    assert len(incidents) == 1
    (incident,) = incidents
    assert [e.mentions for e in incident.human_targets] == [["Carlos Mendoza"]]
    assert any(p.name == "FMLN" for p in incident.perpetrators)
    rules = Pipeline.named("rules").extract(Article(text=BOMBING, id="t"))
    assert not any(e.mentions == ["Carlos Mendoza"] for i in rules for e in i.human_targets)


def test_unknown_configuration_is_refused() -> None:
    with pytest.raises(PipelineError):
        Pipeline.named("fastest")
