"""The JSON bodies of the API, as pydantic models, so /openapi.json documents them."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

from incidex.article import Article
from incidex.pipeline.runner import MAX_ARTICLE_CHARS
from incidex.record import Incident
from incidex.store.aggregates import GroupCount, IncidentPoint, IncidentStats
from incidex.web.evidence import CitedSpan


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IncidentPage(_Model):
    total: int = Field(description="Incidents matching the filters, over all pages.")
    limit: int
    offset: int
    sort: str
    next_offset: int | None = Field(description="Offset of the next page; null on the last one.")
    items: list[Incident]


class ArticleInfo(_Model):
    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleInfo:
        return cls(id=article.id, url=article.url, title=article.title, source=article.source,
                   published=article.published)


class SpanOut(_Model):
    incident_id: str
    field: str = Field(description="The field the span is evidence for: date, casualties.killed, ...")
    label: str
    start: int
    end: int
    text: str
    attributed_to: str | None = None

    @classmethod
    def of(cls, span: CitedSpan) -> SpanOut:
        return cls(incident_id=span.incident_id, field=span.field, label=span.label,
                   start=span.start, end=span.end, text=span.text,
                   attributed_to=span.attributed_to)


class ArticleOut(ArticleInfo):
    text: str
    incident_ids: list[str] = Field(default_factory=list)
    spans: list[SpanOut] = Field(default_factory=list, description="Spans incidents cite as evidence.")


class IncidentDetail(_Model):
    incident: Incident
    articles: list[ArticleOut] = Field(description="The stored articles that reported the incident.")


class ArticleIn(_Model):
    """An article to ingest: ``text`` or ``html`` (one of them), with what is known about it."""

    text: str | None = Field(default=None, max_length=MAX_ARTICLE_CHARS)
    html: str | None = Field(default=None, max_length=4 * MAX_ARTICLE_CHARS)
    id: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=200)
    published: dt.date | None = Field(default=None, description="Publication date; needed to resolve "
                                      "'on Monday'. HTML pages may carry their own.")
    merge: bool = Field(default=True, description="Merge each incident into the stored record of the same "
                        "event, as `incidex ingest` does; false stores the article's incidents as they are.")

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


class IngestOut(_Model):
    article_id: str
    is_new: bool = Field(description="False when the same text was stored before (nothing changed).")
    incidents: list[Incident]


class GroupOut(_Model):
    key: str | None
    incidents: int
    killed: int
    wounded: int

    @classmethod
    def of(cls, group: GroupCount) -> GroupOut:
        return cls(key=group.key, incidents=group.incidents, killed=group.killed,
                   wounded=group.wounded)


class StatsOut(_Model):
    total: int
    killed: int
    wounded: int
    by_day: list[GroupOut]
    by_country: list[GroupOut]
    by_perpetrator: list[GroupOut]
    by_attack_type: list[GroupOut]

    @classmethod
    def of(cls, stats: IncidentStats) -> StatsOut:
        return cls(
            total=stats.total, killed=stats.killed, wounded=stats.wounded,
            by_day=[GroupOut.of(g) for g in stats.by_day],
            by_country=[GroupOut.of(g) for g in stats.by_country],
            by_perpetrator=[GroupOut.of(g) for g in stats.by_perpetrator],
            by_attack_type=[GroupOut.of(g) for g in stats.by_attack_type],
        )


class PointOut(_Model):
    id: str
    lat: float
    lon: float
    date: dt.date | None
    attack_type: str | None
    killed: int | None
    wounded: int | None
    place: str | None
    perpetrator: str | None

    @classmethod
    def of(cls, p: IncidentPoint) -> PointOut:
        return cls(id=p.id, lat=p.lat, lon=p.lon, date=p.date, attack_type=p.attack_type,
                   killed=p.killed, wounded=p.wounded, place=p.place, perpetrator=p.perpetrator)


class PointsOut(_Model):
    total: int = Field(description="Matching incidents, with or without coordinates.")
    truncated: bool = Field(description="True when only the worst `limit` of them are listed.")
    points: list[PointOut]


class ErrorBody(_Model):
    code: str
    status: int
    message: str
    details: list[dict[str, str]] | None = None


class ErrorOut(_Model):
    error: ErrorBody
