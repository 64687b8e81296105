"""The pipeline: stages chosen by name, checked once when built, run over each article."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Sequence

from incidex.article import Article
from incidex.errors import EmptyInputError, InputTooLargeError, MissingStageError, PipelineError
from incidex.pipeline import learned_coding, learned_roles, relevance  # noqa: F401  (registers the learned stages)
from incidex.pipeline.doc import Doc
from incidex.pipeline.registry import Stage, make_stage
from incidex.record import Incident

#: The rule-based configuration: every stage of DESIGN.md's flow, in order.
RULE_STAGES: tuple[str, ...] = (
    "segment", "attribution", "geocode", "frames", "casualties", "roles", "coding",
    "perpetrators", "locate", "time", "assemble",
)
#: The rules, then the learned GTD coder (``coding.learned``, on the rule coding's decisions),
#: the role fillers of the learned tagger (``roles.learned``) in place of the rule fillers (and
#: the unknown organisations it is sure of, ``roles.learned.groups``), and each frame's learned
#: relevance (``relevance``: scored, nothing dropped). The GTD coding still reads the rule
#: fillers (target types from "a traffic policeman"), which the learned ones, trained on
#: MUC-4's names, would not serve as well.
LEARNED_STAGES: tuple[str, ...] = tuple(
    name for stage in RULE_STAGES for name in (
        (stage, "coding.learned", "roles.learned") if stage == "coding"
        else (stage, "roles.learned.groups") if stage == "perpetrators"
        else ("relevance", stage) if stage == "assemble" else (stage,))
)
#: Named configurations, measured side by side in docs/benchmarks.md.
CONFIGURATIONS: dict[str, tuple[str, ...]] = {
    "rules": RULE_STAGES,
    "learned": LEARNED_STAGES,
}
DEFAULT_STAGES: tuple[str, ...] = LEARNED_STAGES

#: Longer than any news article (the longest MUC-4 and RAND texts are under 20,000
#: characters); past this, an input is a dump, not an article, and rules would crawl.
MAX_ARTICLE_CHARS = 2_000_000


class Pipeline:
    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES) -> None:
        self.stages: list[Stage] = [make_stage(name) for name in stages]
        self._check_chain()

    def _check_chain(self) -> None:
        available: set[str] = set()
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise MissingStageError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier "
                    "stage assigns"
                )
            available.update(stage.assigns)

    @classmethod
    def named(cls, configuration: str) -> Pipeline:
        """A pipeline of one of the named ``CONFIGURATIONS`` ("rules", "learned")."""
        try:
            return cls(CONFIGURATIONS[configuration])
        except KeyError:
            known = ", ".join(sorted(CONFIGURATIONS))
            raise PipelineError(f"unknown configuration {configuration!r}; known: {known}") from None

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(self, article: Article) -> Doc:
        if not article.text.strip():
            raise EmptyInputError("the article has no text", source=article.origin)
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise InputTooLargeError(
                f"the article has {len(article.text):,} characters; the limit is "
                f"{MAX_ARTICLE_CHARS:,}", source=article.origin,
            )
        doc = Doc(article=article)
        for stage in self.stages:
            began = time.perf_counter()
            doc = stage(doc)
            doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + (
                time.perf_counter() - began
            )
            doc.assigned.update(stage.assigns)
        return doc

    def extract(self, article: Article) -> list[Incident]:
        return self.run(article).incidents

    def pipe(self, articles: Iterable[Article]) -> Iterator[Doc]:
        for article in articles:
            yield self.run(article)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(
    text: str | Article,
    published: dt.date | str | None = None,
    *,
    article_id: str | None = None,
) -> list[Incident]:
    """The incidents an article reports. ``published`` anchors relative dates ("on Monday")."""
    if isinstance(text, Article):
        article = text
    else:
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        article = Article(text=text, id=article_id or "", published=published)
    return default_pipeline().extract(article)
