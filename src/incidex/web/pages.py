"""The web pages: the overview (map, timeline, table), one incident with its evidence, and one
article with the evidence of every incident read from it.

Pages are rendered on the server from the same store calls as the API; the JavaScript adds
the map, the timeline and the hover links, and reads the same query string, so a view is
shared by copying its URL.
"""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from incidex.article import Article
from incidex.codebook import AttackType, TargetType, WeaponType
from incidex.errors import NotFoundError
from incidex.record import Count, Evidence, Incident
from incidex.store import IncidentFilter
from incidex.web.evidence import cited_spans, field_evidence, segments
from incidex.web.params import incident_filter, paging
from incidex.web.state import StoreDep
from incidex.web.templating import ATTACK_COLOURS, templates

router = APIRouter(include_in_schema=False)

#: Query parameters that make up a selection (what the filter form sends).
FILTER_NAMES = ("q", "date_from", "date_to", "country", "admin1", "perpetrator", "attack_type",
                "weapon_type", "target_type", "min_killed", "bbox")
TABLE_COLUMNS = (("date", "Date"), ("country", "Place"), (None, "Attack type"),
                 (None, "Perpetrator"), ("killed", "Killed"), ("wounded", "Wounded"))


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    store: StoreDep,
    filters: Annotated[IncidentFilter, Depends(incident_filter)],
    page: Annotated[tuple[str, int, int], Depends(paging)],
) -> Response:
    sort, limit, offset = page
    limit = limit if "limit" in request.query_params else 100
    incidents = store.list_incidents(filters, limit=limit, offset=offset, sort=sort)
    total = store.count_incidents(filters)
    choices = store.stats(None, top=300)
    params = {k: v for k in FILTER_NAMES if (v := request.query_params.get(k, "").strip())}
    context: dict[str, Any] = {
        "params": params,
        "incidents": incidents,
        "total": total,
        "sort": sort,
        "limit": limit,
        "offset": offset,
        "pages": max(1, math.ceil(total / limit)) if limit else 1,
        "columns": TABLE_COLUMNS,
        "attack_types": [t.value for t in AttackType],
        "weapon_types": [t.value for t in WeaponType],
        "target_types": [t.value for t in TargetType],
        "countries": [g.key for g in choices.by_country if g.key],
        "perpetrators": [g.key for g in choices.by_perpetrator if g.key],
        "query": urlencode(params),
        "url_with": lambda **changes: _url_with(params, sort, offset, changes),
        "colour": lambda attack: ATTACK_COLOURS.get(attack or "", ATTACK_COLOURS["Unknown"]),
    }
    return templates.TemplateResponse(request, "overview.html", context)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str, store: StoreDep) -> Response:
    incident = store.get_incident(incident_id)
    articles: list[dict[str, Any]] = []
    sources: dict[str, Article] = {}
    for article_id in incident.article_ids:
        try:
            article = store.get_article(article_id)
        except NotFoundError:
            continue
        spans = cited_spans(article.text, article.id, [incident])
        articles.append({"article": article, "segments": segments(article.text, spans)})
        sources[article.id] = article
    context = {
        "incident": incident,
        "fields": field_evidence(incident),
        "articles": articles,
        "figures": casualty_figures(incident),
        "sources": sources,
        "colour": ATTACK_COLOURS.get(incident.primary_attack_type or "", ATTACK_COLOURS["Unknown"]),
        "count_text": count_text,
    }
    return templates.TemplateResponse(request, "incident.html", context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep) -> Response:
    """The article with the evidence of every incident read from it highlighted; hovering an
    incident or one of its fields lights its spans."""
    article = store.get_article(article_id)
    incidents = store.article_incidents(article.id)
    spans = cited_spans(article.text, article.id, incidents)
    number = {incident.id: n for n, incident in enumerate(incidents)}
    labels: dict[str, str] = {}
    for span in spans:
        n = number[span.incident_id]
        labels[f"i{n}.{span.field}"] = f"{span.label} (incident {n + 1})"
    pieces = []
    for seg in segments(article.text, spans, key=lambda s: f"i{number[s.incident_id]}.{s.field}"):
        keys = sorted({*seg.fields, *(k.split(".", 1)[0] for k in seg.fields)})
        title = "; ".join(labels[k] for k in seg.fields)
        pieces.append({"text": seg.text, "marks": keys, "title": title})
    listed = [
        {"incident": incident, "key": f"i{n}", "label": n + 1,
         "spans": [s for s in spans if s.incident_id == incident.id],
         "colour": ATTACK_COLOURS.get(incident.primary_attack_type or "", ATTACK_COLOURS["Unknown"])}
        for n, incident in enumerate(incidents)
    ]
    context = {"article": article, "incidents": listed, "segments": pieces, "count_text": count_text}
    return templates.TemplateResponse(request, "article.html", context)


def casualty_figures(incident: Incident) -> list[dict[str, Any]]:
    """Each casualty figure with its evidence grouped by article, so figures that different
    sources give for the same incident stand side by side."""
    rows = []
    for name, label in (("killed", "Killed"), ("wounded", "Wounded"),
                        ("perpetrators_killed", "Perpetrators killed"),
                        ("perpetrators_wounded", "Perpetrators wounded")):
        count: Count | None = getattr(incident.casualties, name)
        if count is None:
            continue
        by_article: dict[str, list[Evidence]] = {}
        for ev in count.evidence:
            by_article.setdefault(ev.article_id, []).append(ev)
        # A merged record keeps each source's own figure (incident.reports): show the numbers
        # side by side, and the rule that chose the record's value.
        numbers: dict[str, str] = {}
        for report in incident.reports:
            theirs: Count | None = getattr(report.casualties, name)
            if theirs is not None:
                numbers[report.article_id] = count_text(theirs)
                by_article.setdefault(report.article_id, list(theirs.evidence))
        rows.append({"key": f"casualties.{name}", "label": label, "value": count_text(count),
                     "by_article": by_article, "numbers": numbers,
                     "rule": incident.reconciliation.get(name)})
    return rows


def count_text(count: Count | None) -> str:
    """'12', 'at least 12', '2-5', 'unknown' - how the record's figure reads to a person."""
    if count is None or (count.min is None and count.max is None):
        return "unknown"
    if count.exact or count.min == count.max:
        return str(count.min)
    if count.max is None:
        return f"at least {count.min}"
    if count.min is None:
        return f"at most {count.max}"
    return f"{count.min}–{count.max}"


def _url_with(params: dict[str, str], sort: str, offset: int, changes: dict[str, Any]) -> str:
    merged: dict[str, Any] = {**params, "sort": sort, "offset": offset, **changes}
    if merged.get("offset") in (0, "0"):
        merged.pop("offset")
    if merged.get("sort") == "-date":
        merged.pop("sort")
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})
