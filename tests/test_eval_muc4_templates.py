"""From incidex incidents to MUC-4 templates: which incidents MUC-4 records, and victims told
far from their incident as incidents of their own."""

from __future__ import annotations

from incidex.article import Article
from incidex.evaluate.muc4_run import (
    FAR_SENTENCES,
    RELEVANCE_THRESHOLD,
    document_templates,
    merge_fragments,
)
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.record import Entity, Evidence, Incident, Perpetrator

_SENTENCES = [
    "Guerrillas shot the mayor of San Pedro on Monday.",
    "The mayor died in hospital.",
    "The interior minister condemned the crime.",
    "Parliament will debate a new budget next week.",
    "The opposition wants lower taxes.",
    "Farmers marched to the capital.",
    "In the north a judge, Ana Ruiz, was also shot by unknown men.",
]
_TEXT = " ".join(_SENTENCES)


def _doc(frames: list[tuple[int, float | None]], victims: list[list[str]],
         others: list[list[str]] | None = None) -> Doc:
    """A processed article by hand: one frame per (sentence, relevance), the first frame
    holding the victims (each named at its first occurrence in the text), frame n + 1 the
    victim ``others[n]`` where given."""
    doc = Doc(article=Article(text=_TEXT, id="t"))
    start = 0
    for sentence in _SENTENCES:
        doc.sentences.append(Span(start, start + len(sentence), sentence))
        start += len(sentence) + 1
    for number, (sentence, relevance) in enumerate(frames):
        where = doc.sentences[sentence]
        clause = Span(where.start, where.end, where.text, "clause", {"sentence": sentence})
        frame = Frame(clauses=[clause], relevance=relevance)
        doc.frames.append(frame)
        entities = []
        mine = victims if number == 0 else [] if others is None else [others[number - 1]]
        for mentions in mine:
            at = _TEXT.index(mentions[0])
            entities.append(Entity(mentions=mentions, evidence=[Evidence(
                article_id="t", start=at, end=at + len(mentions[0]), text=mentions[0])]))
        doc.incidents.append(Incident(id=f"i{number}", article_ids=["t"],
                                      attack_types=["Armed Assault"], human_targets=entities))
    return doc


def test_incidents_scored_below_the_threshold_are_not_templates() -> None:
    low = RELEVANCE_THRESHOLD / 2
    doc = _doc([(0, 0.9), (3, low), (5, None)], [["the mayor of San Pedro"]],
               [["Parliament"], ["Farmers"]])
    templates = document_templates(doc)
    # the unscored frame (a pipeline without the relevance stage) is kept
    assert len(templates) == 2
    assert templates[0]["Victim"] == [["the mayor of San Pedro"]]
    assert len(document_templates(doc, threshold=0.0)) == 3


def test_a_victim_named_far_from_the_incident_is_another_incident() -> None:
    assert len(_SENTENCES) - 1 > FAR_SENTENCES  # the judge, last, is far from sentence 0
    doc = _doc([(0, 0.9)], [["mayor"], ["Ana Ruiz"]])
    templates = document_templates(doc)
    assert [t["Victim"] for t in templates] == [[["mayor"]], [["Ana Ruiz"]]]
    assert templates[1]["incident_type"] == "attack"
    assert templates[0]["incident_type"] == "attack"


def test_a_far_victim_keeps_the_group_of_the_incident_it_was_told_with() -> None:
    doc = _doc([(0, 0.9)], [["mayor"], ["Ana Ruiz"]])
    doc.incidents[0].perpetrators = [Perpetrator(name="FMLN", canonical="FMLN",
                                                 individuals=["two men"])]
    templates = document_templates(doc)
    assert [t["PerpOrg"] for t in templates] == [[["FMLN"]], [["FMLN"]]]
    assert [t["PerpInd"] for t in templates] == [[["two men"]], []]


def test_a_victim_named_close_to_the_incident_stays_in_it() -> None:
    doc = _doc([(0, 0.9)], [["mayor"], ["The mayor died"]])
    templates = document_templates(doc)
    assert len(templates) == 1
    assert templates[0]["Victim"] == [["mayor"], ["The mayor died"]]


_PASSING = ("the communique of the front says that its urban commandos punished the traitor "
            "jose antonio rodriguez, a judge of the supreme court, in san salvador yesterday.")


def test_an_attack_told_in_passing_gets_one_template_when_the_article_is_relevant() -> None:
    from incidex.pipeline.runner import Pipeline

    doc = Pipeline().run(Article(text=_PASSING, id="t"))
    assert not doc.frames  # no passage the frames stage takes for an incident
    templates = document_templates(doc, document_threshold=0.0)
    assert len(templates) == 1 and templates[0]["incident_type"] == "attack"
    assert any(templates[0][role] for role in ("PerpInd", "Victim"))
    # an article the document model does not find relevant enough gets none
    assert document_templates(doc, document_threshold=1.01) == []


def test_an_article_of_combat_alone_gets_no_template_from_the_tagger() -> None:
    from incidex.evaluate.muc4_run import _tagged_template
    from incidex.pipeline.runner import Pipeline

    doc = Pipeline().run(Article(text="fmln guerrillas and army troops clashed near san miguel. "
                                      "two guerrillas and a soldier were killed in the clashes, "
                                      "the armed forces press office said.", id="c"))
    assert doc.frames and all(f.relevance is not None and f.relevance < 0.1 for f in doc.frames)
    assert any(_tagged_template(doc)[role] for role in ("PerpInd", "PerpOrg", "Victim"))
    assert document_templates(doc, document_threshold=0.0) == []


def test_the_rules_configuration_makes_no_template_from_the_tagger() -> None:
    from incidex.pipeline.runner import Pipeline

    doc = Pipeline.named("rules").run(Article(text=_PASSING, id="t"))
    assert document_templates(doc, document_threshold=0.0) == []


def _template(kind: str, **roles: list[list[str]]) -> dict[str, object]:
    return {"incident_type": kind, **{r: roles.get(r, []) for r in
                                      ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")}}


def test_a_template_without_target_or_victim_joins_the_nearest_of_its_type() -> None:
    told = [
        ([0], _template("bombing", Target=[["bank"]])),
        ([6], _template("bombing", Target=[["hotel"]], PerpOrg=[["fmln"]])),
        ([7], _template("bombing", PerpOrg=[["FMLN"], ["eln"]], Weapon=[["dynamite"]])),
        ([8], _template("kidnapping", PerpInd=[["gunmen"]])),
    ]
    templates = merge_fragments(told)
    # the fragment went to the hotel bombing (sentence 6, not 0), its "FMLN" known there already
    assert [t["Target"] for t in templates] == [[["bank"]], [["hotel"]], []]
    assert templates[1]["PerpOrg"] == [["fmln"], ["eln"]]
    assert templates[1]["Weapon"] == [["dynamite"]]
    assert templates[0]["Weapon"] == []
    # a fragment with no template of its type stays a template of its own
    assert templates[2]["incident_type"] == "kidnapping"
