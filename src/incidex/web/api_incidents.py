"""``/api/incidents``: the selection as JSON pages or as an export file, and one incident."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from incidex.errors import NotFoundError
from incidex.export import write_export
from incidex.store import IncidentFilter, IncidentStore
from incidex.web.evidence import cited_spans
from incidex.web.params import incident_filter, paging
from incidex.web.schemas import (
    ArticleInfo,
    ArticleOut,
    ErrorOut,
    IncidentDetail,
    IncidentPage,
    PointOut,
    PointsOut,
    SpanOut,
)
from incidex.web.state import StoreDep
from incidex.web.streaming import stream_text

router = APIRouter(prefix="/api", tags=["incidents"])

#: What each export format is served as.
EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled": ("text/csv; charset=utf-8", "acled.csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}
#: Most points the map endpoint returns; the rest (least severe first) are left out.
MAX_POINTS = 50_000

FilterDep = Annotated[IncidentFilter, Depends(incident_filter)]
PagingDep = Annotated[tuple[str, int, int], Depends(paging)]
_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut},
}


@router.get(
    "/incidents",
    response_model=IncidentPage,
    responses={**_ERRORS, 200: {"content": {t: {} for t, _ in EXPORT_TYPES.values()}}},
)
def list_incidents(
    store: StoreDep,
    filters: FilterDep,
    page: PagingDep,
    format: Annotated[
        Literal["json", "csv", "acled", "geojson", "jsonl"] | None,
        Query(description="csv (GTD columns), acled (ACLED columns), geojson or jsonl: the whole "
              "selection as a file, "
              "in `sort` order, not paged."),
    ] = None,
) -> IncidentPage | Response:
    """Incidents matching every filter given, one page at a time, with the total count."""
    sort, limit, offset = page
    if format is not None and format != "json":
        return export_response(store, filters, sort, format)
    items = store.list_incidents(filters, limit=limit, offset=offset, sort=sort)
    total = store.count_incidents(filters)
    following = offset + len(items)
    return IncidentPage(
        total=total, limit=limit, offset=offset, sort=sort, items=items,
        next_offset=following if following < total and items else None,
    )


def export_response(store: IncidentStore, filters: IncidentFilter, sort: str, fmt: str) -> Response:
    """The whole selection as a file, streamed as it is read: no size of store fills memory."""
    media_type, extension = EXPORT_TYPES[fmt]
    body = stream_text(lambda out: write_export(store.iter_incidents(filters, sort=sort), fmt, out))
    return StreamingResponse(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="incidents.{extension}"'},
    )


@router.get("/points", response_model=PointsOut, responses=_ERRORS)
def incident_points(
    store: StoreDep,
    filters: FilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = 20_000,
) -> PointsOut:
    """Where the matching incidents happened and how many died, for a map: the worst first."""
    points = store.points(filters, limit=limit)
    return PointsOut(
        total=store.count_incidents(filters),
        truncated=len(points) >= limit,
        points=[PointOut.of(p) for p in points],
    )


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses=_ERRORS)
def get_incident(incident_id: str, store: StoreDep) -> IncidentDetail:
    """One incident with every field's evidence, and the stored articles that reported it."""
    incident = store.get_incident(incident_id)
    articles = []
    for article_id in incident.article_ids:
        try:
            article = store.get_article(article_id)
        except NotFoundError:  # merged from a store that held the article
            continue
        spans = cited_spans(article.text, article.id, [incident])
        articles.append(
            ArticleOut(**ArticleInfo.of(article).model_dump(), text=article.text,
                       incident_ids=[incident.id], spans=[SpanOut.of(s) for s in spans])
        )
    return IncidentDetail(incident=incident, articles=articles)
