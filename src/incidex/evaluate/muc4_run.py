"""``incidex eval muc4``: run the pipeline on MUC-4 documents and score its templates.

Incidents map to MUC-4 templates through the codebook crosswalk: incident type from the
primary attack type (and incendiary facility attacks as arson); PerpInd from the individual
perpetrators, PerpOrg from the groups, Target from the physical targets, Victim from the human
targets, Weapon from the weapons. Only ``doctext`` is read from the data for prediction.

MUC-4's notion of relevance is narrower than incidex's: a template records a terrorist act
(an attack on civilians, officials or property, a kidnapping, a bombing), not combat between
the army and guerrillas, a massacre recalled in a speech, or a trial. The pipeline keeps every
incident it reads and the ``relevance`` stage scores each one; this adapter, as the mapping
from incidex incidents to MUC-4 templates, keeps those scored at least
``RELEVANCE_THRESHOLD``. A pipeline without the stage (``Pipeline.named("rules")``) keeps all.
A kept incident with neither target nor victim is a fragment of one told nearby and joins the
nearest template of its type (``merge_fragments``).

When no incident is kept but the document model says the article reports a terrorist act
(``DOCUMENT_THRESHOLD``), the role tagger's fillers over the whole article make one template of
MUC-4's most general type, "attack": MUC-4 articles often tell an attack only in passing, in a
speech or a communique, in words the frames stage does not take for an incident.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from incidex.article import Article
from incidex.codebook import muc4_incident_type
from incidex.evaluate.muc4 import (
    ROLES,
    Muc4Scores,
    load_documents,
    load_gold,
    normalise,
    score,
)
from incidex.groups import GroupLexicon
from incidex.pipeline.doc import Doc
from incidex.pipeline.frames import Frame
from incidex.pipeline.learned_roles import dedupe_entities, tag_document
from incidex.pipeline.relevance import is_combat, score_document
from incidex.pipeline.runner import Pipeline
from incidex.record import Entity, Incident

#: Frames scored below this are not MUC-4 templates. Low on purpose: under Template F1 a
#: template costs one predicted slot plus its fillers and pays its matches, so it is worth
#: keeping while its chance of matching stays above about a fifth. Chosen on dev among
#: 0.07-0.5 (Template F1 40.3 at 0.07, 40.0 at 0.1, 39.7 at 0.13, 37.9 at 0.3; 37.6 keeping all)
#: with the model of training/train_muc4_templates.py.
RELEVANCE_THRESHOLD = 0.1
#: A document with no kept incident scored at least this by the document model gets one
#: template of the tagger's fillers. Dev Template F1 / CEAF-REE 41.0 / 41.5 without;
#: 41.9 / 42.5 at 0.3, 41.8 / 42.4 at 0.5, 41.8 / 42.2 at 0.7, 39.7 / 39.9 at 0 (every one).
DOCUMENT_THRESHOLD = 0.5


def _entities(entities: list[Entity]) -> list[list[str]]:
    return [list(dict.fromkeys(e.mentions)) for e in entities if e.mentions]


def incident_template(incident: Incident) -> dict[str, Any]:
    groups: list[list[str]] = []
    individuals: list[list[str]] = []
    for perp in incident.perpetrators:
        if perp.canonical:
            groups.append([perp.name])
        for person in perp.individuals:
            if [person] not in individuals:
                individuals.append([person])
    return {
        "incident_type": muc4_incident_type(incident.primary_attack_type, incident.weapon_types),
        "PerpInd": individuals,
        "PerpOrg": groups,
        "Target": _entities(incident.physical_targets),
        "Victim": _entities(incident.human_targets),
        "Weapon": _entities(incident.weapons),
    }


#: A victim or physical target named more than this many sentences away from every sentence of
#: the incident it was given to (the nearest one) is taken as another incident the frames stage
#: did not recognise, and gets a template of its own. MUC-4 dev Template F1 40.0 -> 41.0 at 3
#: (40.9 at 2, 40.4 at 5); train 56.9 -> 57.5, the same ranking.
FAR_SENTENCES = 3
_FAR_ROLES = (("Victim", "human_targets"), ("Target", "physical_targets"))


def _split_far_fillers(doc: Doc, frame: Frame, incident: Incident,
                       template: dict[str, Any]) -> list[dict[str, Any]]:
    """The template, and one more per run of far victims and targets (consecutive sentences
    apart by at most one), typed "attack", MUC-4's most general type, with the template's
    organisations: an article's group is most often behind every attack it tells (MUC-4 dev
    Template F1 44.40 -> 44.51, train 64.06 -> 64.15; the individuals too: 44.61 / 64.06)."""
    far: list[tuple[int, str, list[str]]] = []
    own = frame.sentences
    for role, field_name in _FAR_ROLES:
        near = []
        for entity in getattr(incident, field_name):
            mentions = list(dict.fromkeys(entity.mentions))
            where = [doc.sentence_index(e.start) for e in entity.evidence]
            if where and min(abs(s - o) for s in where for o in own) > FAR_SENTENCES:
                far.append((min(where), role, mentions))
            elif mentions:
                near.append(mentions)
        template[role] = near
    templates = [template]
    last = -FAR_SENTENCES
    for sentence, role, mentions in sorted(far, key=lambda f: f[0]):
        if len(templates) == 1 or sentence - last > 1:
            templates.append({"incident_type": "attack", **{r: [] for r in ROLES},
                              "PerpOrg": [list(e) for e in template["PerpOrg"]]})
        templates[-1][role].append(mentions)
        last = sentence
    return templates


def _tagged_template(doc: Doc) -> dict[str, Any]:
    """One "attack" template of every filler the role tagger finds in the article."""
    spans = tag_document(doc, GroupLexicon.default())
    template: dict[str, Any] = {"incident_type": "attack"}
    for role in ROLES:
        template[role] = [list(dict.fromkeys(m.text for m in entity.attrs["mentions"]))
                          for entity in dedupe_entities([s for s in spans if s.label == role])]
    return template


def _is_fragment(template: dict[str, Any]) -> bool:
    """A template with neither target nor victim: MUC-4 tells an incident by what or whom it
    hit, so a passage that only names attackers or weapons is part of an incident told nearby."""
    return not template["Target"] and not template["Victim"]


def _add_fillers(host: dict[str, Any], template: dict[str, Any]) -> None:
    for role in ROLES:
        known = {normalise(m) for entity in host[role] for m in entity}
        host[role].extend(e for e in template[role] if not known & {normalise(m) for m in e})


def merge_fragments(told: list[tuple[list[int], dict[str, Any]]]) -> list[dict[str, Any]]:
    """The templates, each fragment (``_is_fragment``) merged into the nearest template (by
    sentence) of its type that has a target or a victim, where there is one. ``told`` pairs
    each template with the sentences of its incident. MUC-4 dev Template F1 43.96 -> 44.31,
    train 63.66 -> 64.06 (merging into the first of its type instead: 44.26 / 64.01; only
    within 4 sentences: 44.05 / 64.03; into any type when typed "attack": 43.72 / 63.85)."""
    whole = [(sentences, t) for sentences, t in told if not _is_fragment(t)]
    templates = [t for _, t in whole]
    for sentences, template in told:
        if not _is_fragment(template):
            continue
        hosts = [(min(abs(a - b) for a in sentences for b in own), i)
                 for i, (own, t) in enumerate(whole)
                 if t["incident_type"] == template["incident_type"]]
        if hosts:
            _add_fillers(whole[min(hosts)[1]][1], template)
        else:
            templates.append(template)
    return templates


def _only_combat(doc: Doc) -> bool:
    """True when every frame the article has tells combat between armed forces: the tagger's
    fillers of such an article are soldiers and guerrillas in battle, not an incident. MUC-4
    dev Template F1 / CEAF-REE 46.51 / 49.13 -> 46.97 / 49.78 (14 fewer fillers, none of them
    right); train 63.51 / 86.37 -> 63.32 / 85.99, where the tagger is scored in-sample."""
    return bool(doc.frames) and all(is_combat(doc, frame) for frame in doc.frames)


def document_templates(doc: Doc, threshold: float = RELEVANCE_THRESHOLD,
                       document_threshold: float = DOCUMENT_THRESHOLD) -> list[dict[str, Any]]:
    """The MUC-4 templates of a processed document: one per incident MUC-4 would record."""
    told: list[tuple[list[int], dict[str, Any]]] = []
    for frame, incident in zip(doc.frames, doc.incidents, strict=True):
        if frame.relevance is None or frame.relevance >= threshold:
            told.extend((frame.sentences, t) for t in
                        _split_far_fillers(doc, frame, incident, incident_template(incident)))
    templates = merge_fragments(told)
    if (not templates and "relevance" in doc.assigned and not _only_combat(doc)
            and score_document(doc) >= document_threshold):
        template = _tagged_template(doc)
        if any(template[role] for role in ROLES):
            templates.append(template)
    return templates


def predict(data: Path, predictions: Path, pipeline: Pipeline | None = None) -> None:
    pipe = pipeline or Pipeline()
    with predictions.open("w", encoding="utf-8") as out:
        for document in load_documents(data):
            doc = pipe.run(Article(text=document.text, id=document.docid))
            line = {"docid": document.docid, "templates": document_templates(doc)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def evaluate_muc4(data: Path, predictions: Path, pipeline: Pipeline | None = None) -> Muc4Scores:
    from incidex.evaluate.muc4 import load_predictions

    predict(data, predictions, pipeline)
    return score(load_gold(data), load_predictions(predictions))
