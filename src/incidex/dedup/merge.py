"""Many reports, one record: merging incidents, reconciling their figures, and splitting again.

:func:`merge` keeps every single-article incident verbatim in ``merged_from`` (so the merge can
be explained and undone by :func:`split` exactly), each source's casualty figures in
``reports``, and for each casualty field a reconciled value with the rule that chose it in
``reconciliation``.

The reconciliation rule, per field (killed, wounded, perpetrators killed/wounded):

1. *latest official*: if some report's figure is attributed to an official source (police,
   army, ministry, government, officials, governor, spokesman, ... see :data:`OFFICIAL_WORDS`),
   the figure of the latest such report (by publication date; undated reports count as oldest,
   ties go to the later one in input order). Tolls grow over days and officials revise them;
   the latest official word is what agencies like GTD code.
2. otherwise *maximum of reports*: the largest lower bound any report gives ("at least 11"
   beats "5"), with that report's upper bound and exactness. An early report undercounts far
   more often than a later one overcounts.

Other fields: the most specific place (lowest GTD specificity, ties to the most reported
name), the earliest day-precision date, attack/weapon/target types ordered by how many reports
give them (ties by first appearance), perpetrators and entities united by their folded names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from incidex.record import (
    Casualties,
    Count,
    Entity,
    Evidence,
    Flag,
    Incident,
    IncidentDate,
    Location,
    Perpetrator,
    SourceReport,
)

__all__ = [
    "CASUALTY_FIELDS",
    "OFFICIAL_WORDS",
    "ArticleMeta",
    "merge",
    "merged_id",
    "reconcile_count",
    "split",
]

CASUALTY_FIELDS: tuple[str, ...] = ("killed", "wounded", "perpetrators_killed", "perpetrators_wounded")

#: A figure attributed to a source containing one of these words is official.
OFFICIAL_WORDS = frozenset(
    """police policeman policemen army military ministry minister government official officials
    authorities authority governor spokesman spokeswoman spokesperson prosecutor mayor commander
    interior defence defense president embassy""".split()
)

T = TypeVar("T")


class ArticleMeta(Protocol):
    """What merge reads about an article: an :class:`incidex.Article` or a stored row."""

    @property
    def published(self) -> dt.date | None: ...

    @property
    def source(self) -> str | None: ...


def merged_id(incident_ids: Iterable[str]) -> str:
    """A stable id for the merge of these single-article incidents, whatever their order."""
    digest = hashlib.sha1("\n".join(sorted(set(incident_ids))).encode()).hexdigest()
    return f"inc-{digest[:12]}"


def _originals(incidents: Iterable[Incident]) -> list[Incident]:
    """The single-article incidents behind the inputs (a merged input contributes its members)."""
    out: list[Incident] = []
    seen: set[str] = set()
    for incident in incidents:
        for original in incident.members():
            if original.id not in seen:
                seen.add(original.id)
                out.append(original)
    return out


def _attribution(count: Count | None) -> str | None:
    if count is None:
        return None
    return next((e.attributed_to for e in count.evidence if e.attributed_to), None)


def _is_official(attributed_to: str | None) -> bool:
    if not attributed_to:
        return False
    return any(word.strip(".,'\"()") in OFFICIAL_WORDS for word in attributed_to.casefold().split())


def _report_order(report: SourceReport) -> dt.date:
    return report.published or dt.date.min


def reconcile_count(name: str, reports: Sequence[SourceReport]) -> tuple[Count | None, str | None]:
    """The merged figure for one casualty field and the rule that chose it (module docstring)."""
    given = [(r, c) for r in reports if (c := getattr(r.casualties, name)) is not None and c.min is not None]
    if not given:
        return None, None
    official = [(r, c) for r, c in given if _is_official(_attribution(c))]
    if official:
        # max() keeps the first maximum; reversing makes ties go to the later report.
        report, count = max(reversed(official), key=lambda rc: _report_order(rc[0]))
        when = report.published.isoformat() if report.published else "undated"
        return count, f"latest official report: {_attribution(count)} in {report.article_id} ({when})"
    report, count = max(given, key=lambda rc: rc[1].min or 0)
    others = len(given) - 1
    return count, f"maximum of {len(given)} reports: {report.article_id}" + (
        f" (over {others} lower or equal)" if others else ""
    )


def _by_votes(values: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """Distinct values (by key) ordered by how often they occur, then by first occurrence."""
    votes: Counter[str] = Counter()
    first: dict[str, T] = {}
    for value in values:
        k = key(value)
        votes[k] += 1
        first.setdefault(k, value)
    return [first[k] for k in sorted(first, key=lambda k: -votes[k])]


def _merge_location(incidents: Sequence[Incident]) -> Location:
    names = Counter((i.location.name or "").casefold() for i in incidents if i.location.name)
    best = min(
        incidents,
        key=lambda i: (i.location.specificity, -names[(i.location.name or "").casefold()]),
    )
    evidence = [e for i in incidents for e in i.location.evidence]
    return best.location.model_copy(update={"evidence": evidence})


def _merge_date(incidents: Sequence[Incident]) -> IncidentDate:
    dated = [i.date for i in incidents if i.date.start is not None]
    if not dated:
        return IncidentDate(evidence=[e for i in incidents for e in i.date.evidence])
    precise = [d for d in dated if d.precision == "day"] or dated
    best = min(precise, key=lambda d: d.start or dt.date.max)
    evidence = [e for d in dated for e in d.evidence]
    return best.model_copy(update={"evidence": evidence})


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _merge_perpetrators(incidents: Sequence[Incident]) -> list[Perpetrator]:
    out: dict[str, Perpetrator] = {}
    for perpetrator in (p for i in incidents for p in i.perpetrators):
        key = _fold(perpetrator.canonical or perpetrator.name)
        if key not in out:
            out[key] = perpetrator.model_copy(deep=True)
            continue
        kept = out[key]
        kept.individuals.extend(x for x in perpetrator.individuals if x not in kept.individuals)
        kept.evidence.extend(perpetrator.evidence)
        if perpetrator.claimed and not kept.claimed:
            kept.claimed, kept.claim_mode = True, perpetrator.claim_mode
        kept.attributed_by = kept.attributed_by or perpetrator.attributed_by
    return list(out.values())


def _merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Entities sharing a folded mention become one, with every mention and all evidence."""
    merged: list[Entity] = []
    for entity in entities:
        keys = {_fold(m) for m in entity.mentions}
        home = next((m for m in merged if keys & {_fold(x) for x in m.mentions}), None)
        if home is None:
            merged.append(entity.model_copy(deep=True))
            continue
        known = {_fold(x) for x in home.mentions}
        home.mentions.extend(m for m in entity.mentions if _fold(m) not in known)
        home.evidence.extend(entity.evidence)
    return merged


def _merge_flag(flags: Sequence[Flag]) -> Flag:
    votes = [f.value for f in flags if f.value is not None]
    value = None if not votes else Counter(votes).most_common(1)[0][0]
    return Flag(value=value, evidence=[e for f in flags for e in f.evidence])


def _types(incidents: Sequence[Incident], field: str) -> list[str]:
    values: list[str] = [t for i in incidents for t in getattr(i, field)]
    known = _by_votes((t for t in values if t != "Unknown"), key=str)
    return known or (["Unknown"] if values else [])


def _report(incident: Incident, articles: Mapping[str, ArticleMeta]) -> SourceReport:
    article_id = incident.article_ids[0] if incident.article_ids else ""
    meta = articles.get(article_id)
    return SourceReport(
        incident_id=incident.id,
        article_id=article_id,
        source=meta.source if meta else None,
        published=meta.published if meta else None,
        casualties=incident.casualties.model_copy(deep=True),
    )


def merge(incidents: Sequence[Incident], articles: Mapping[str, ArticleMeta] | None = None) -> Incident:
    """One record for incidents that report one event (see the module docstring for the rules).

    ``articles`` (article id -> its metadata) supplies publication dates and outlets for the
    per-source reports; without it reports are undated, and "latest" falls back to input order.
    A single incident is returned unchanged; merged inputs are flattened to their originals.
    """
    originals = _originals(incidents)
    if not originals:
        raise ValueError("merge() needs at least one incident")
    if len(originals) == 1:
        return originals[0]
    metas: Mapping[str, ArticleMeta] = articles or {}
    reports = sorted((_report(i, metas) for i in originals), key=_report_order)
    casualties = Casualties()
    rules: dict[str, str] = {}
    for name in CASUALTY_FIELDS:
        count, rule = reconcile_count(name, reports)
        if count is not None and rule is not None:
            setattr(casualties, name, count.model_copy(deep=True))
            rules[name] = rule
    lead = max(originals, key=lambda i: (i.confidence, len(i.summary)))
    evidence: dict[str, list[Evidence]] = {}
    for incident in originals:
        for key, spans in incident.evidence.items():
            evidence.setdefault(key, []).extend(spans)
    article_ids = list(dict.fromkeys(a for i in originals for a in i.article_ids))
    return Incident(
        id=merged_id(i.id for i in originals),
        article_ids=article_ids,
        summary=lead.summary,
        date=_merge_date(originals),
        location=_merge_location(originals),
        attack_types=_types(originals, "attack_types"),
        weapon_types=_types(originals, "weapon_types"),
        target_types=_types(originals, "target_types"),
        perpetrators=_merge_perpetrators(originals),
        human_targets=_merge_entities(e for i in originals for e in i.human_targets),
        physical_targets=_merge_entities(e for i in originals for e in i.physical_targets),
        weapons=_merge_entities(e for i in originals for e in i.weapons),
        casualties=casualties,
        suicide=_merge_flag([i.suicide for i in originals]),
        success=_merge_flag([i.success for i in originals]),
        multiple=any(i.multiple for i in originals),
        related=list(dict.fromkeys(r for i in originals for r in i.related)),
        evidence=evidence,
        confidence=max(i.confidence for i in originals),
        reports=reports,
        reconciliation=rules,
        merged_from=[i.model_dump(mode="json") for i in originals],
    )


def split(
    merged: Incident,
    detach: Collection[str] | None = None,
    articles: Mapping[str, ArticleMeta] | None = None,
) -> list[Incident]:
    """Undo a merge: the original incidents, or the record without some of them.

    With ``detach`` None, every original single-article incident, verbatim. Otherwise
    ``detach`` names incident ids or article ids to take out: the result is the merge of what
    remains (itself again if nothing matched) followed by each detached original.
    """
    originals = merged.members()
    if detach is None:
        return originals
    wanted = set(detach)
    out_of = [o for o in originals if o.id in wanted or wanted & set(o.article_ids)]
    if not out_of:
        return [merged]
    rest = [o for o in originals if o not in out_of]
    kept = [merge(rest, articles)] if rest else []
    return kept + out_of
