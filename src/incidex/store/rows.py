"""Conversions between records (Article, Incident) and table rows.

The filter columns are derived here and only here, so they never drift from the record.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from incidex.article import Article
from incidex.record import Incident
from incidex.store.tables import ArticleRow


def article_values(article: Article, stored_id: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": stored_id,
        "content_hash": article.hash,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "text": article.text,
        "ingested_at": now,
    }


def article_from_row(row: ArticleRow) -> Article:
    return Article(
        text=row.text,
        id=row.id,
        url=row.url,
        title=row.title,
        published=row.published,
        source=row.source,
    )


def incident_values(incident: Incident) -> dict[str, Any]:
    """The ``incidents`` row for a record, without ``created_at`` (set once, on insert)."""
    location = incident.location
    killed = incident.casualties.killed
    wounded = incident.casualties.wounded
    return {
        "id": incident.id,
        "record": incident.model_dump(mode="json"),
        "summary": incident.summary,
        "date_start": incident.date.start,
        "country": location.country,
        "country_code": location.country_code,
        "admin1": location.admin1,
        "city": location.name,
        "lat": location.lat,
        "lon": location.lon,
        "attack_type": incident.primary_attack_type,
        "weapon_type": incident.weapon_types[0] if incident.weapon_types else None,
        "target_type": incident.target_types[0] if incident.target_types else None,
        "perpetrator": incident.primary_perpetrator,
        "killed": killed.min if killed else None,
        "wounded": wounded.min if wounded else None,
    }


def category_values(incident: Incident) -> list[dict[str, str]]:
    """One ``incident_categories`` row per distinct (kind, lower-cased value)."""
    pairs: set[tuple[str, str]] = set()
    for kind, values in (
        ("attack", incident.attack_types),
        ("weapon", incident.weapon_types),
        ("target", incident.target_types),
    ):
        pairs.update((kind, v.lower()) for v in values if v)
    for perpetrator in incident.perpetrators:
        for name in (perpetrator.canonical, perpetrator.name):
            if name:
                pairs.add(("perpetrator", name.lower()))
    return [
        {"incident_id": incident.id, "kind": kind, "value": value} for kind, value in sorted(pairs)
    ]


def with_article_id(incident: Incident, old: str, new: str) -> Incident:
    """The incident with every reference to article ``old`` (ids, evidence) pointing at ``new``,
    and ``new`` listed among its article ids."""
    data = incident.model_dump(mode="json")
    if old != new:
        data = _replace_article_id(data, old, new)
    article_ids: list[str] = data["article_ids"]
    if new not in article_ids:
        article_ids.append(new)
    return Incident.model_validate(data)


def _replace_article_id(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "article_id" and item == old:
                out[key] = new
            elif key == "article_ids" and isinstance(item, list):
                out[key] = _dedupe([new if a == old else a for a in item])
            else:
                out[key] = _replace_article_id(item, old, new)
        return out
    if isinstance(value, list):
        return [_replace_article_id(item, old, new) for item in value]
    return value


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
