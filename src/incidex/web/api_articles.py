"""``/api/articles``: read an article with the spans incidents cite; ingest a new one."""

from __future__ import annotations

import dataclasses

from fastapi import APIRouter, Depends

from incidex.article import Article
from incidex.sources import ReadOptions, article_from_text
from incidex.sources.html import parse_html
from incidex.web.evidence import cited_spans
from incidex.web.schemas import ArticleIn, ArticleInfo, ArticleOut, ErrorOut, IngestOut, SpanOut
from incidex.web.state import StateDep, StoreDep, require_token

router = APIRouter(prefix="/api", tags=["articles"])

_ORIGIN = "POST /api/articles"


@router.get("/articles/{article_id}", response_model=ArticleOut,
            responses={404: {"model": ErrorOut}})
def get_article(article_id: str, store: StoreDep) -> ArticleOut:
    """The article text, the incidents read from it, and every span they cite."""
    article = store.get_article(article_id)
    incidents = store.article_incidents(article.id)
    spans = cited_spans(article.text, article.id, incidents)
    return ArticleOut(
        **ArticleInfo.of(article).model_dump(),
        text=article.text,
        incident_ids=[i.id for i in incidents],
        spans=[SpanOut.of(s) for s in spans],
    )


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={400: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut},
               422: {"model": ErrorOut}},
)
def post_article(body: ArticleIn, state: StateDep, store: StoreDep) -> IngestOut:
    """Extract the incidents of an article and store both. Needs the server's token.

    The same text posted twice is stored once; the second answer has ``is_new`` false and
    the incidents stored the first time. A new report of an event already stored joins its
    record (``merge``, on by default), and the answer gives that merged record.
    """
    article = article_from_body(body)
    if store.has_article(article.hash):
        result = store.ingest(article, [])
    else:
        result = store.ingest(article, state.pipeline.extract(article), merge=body.merge)
    incidents = store.article_incidents(result.article_id)
    return IngestOut(article_id=result.article_id, is_new=result.is_new, incidents=incidents)


def article_from_body(body: ArticleIn) -> Article:
    if body.text is not None:
        return article_from_text(body.text, published=body.published, url=body.url,
                                 title=body.title, source=body.source, id=body.id, origin=_ORIGIN)
    assert body.html is not None
    page = parse_html(body.html, _ORIGIN, ReadOptions(published=body.published))
    return dataclasses.replace(
        page,
        id=body.id or page.id,
        url=body.url or page.url,
        title=body.title or page.title,
        source=body.source or page.source,
    )
