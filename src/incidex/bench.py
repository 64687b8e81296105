"""``incidex bench``: throughput and peak memory of the pipeline on a corpus, per stage.

Besides articles per second, it reports how far the pipeline is from the floor: its time as a
multiple of a bare tokenizer pass over the same texts (``segment.tokenize``, one regular
expression). With ``workers`` above one, the same articles go through a pool of processes too
(:mod:`incidex.scale.workers`), and the report gives the parallel rate and its scaling.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from incidex.article import Article
from incidex.errors import IncidexError
from incidex.pipeline.runner import CONFIGURATIONS, Pipeline
from incidex.pipeline.segment import tokenize
from incidex.scale.workers import WorkerPool
from incidex.sources import ReadOptions, iter_articles


def _peak_memory_mb(peak: int | None = None) -> float:
    if peak is None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _rate(count: int, seconds: float) -> float | None:
    return round(count / seconds, 1) if seconds else None


def tokenizer_seconds(texts: Sequence[str]) -> float:
    """Seconds of a bare tokenizer pass over ``texts``: the floor any pipeline stands on."""
    began = time.perf_counter()
    for text in texts:
        tokenize(text)
    return time.perf_counter() - began


def run_bench(
    corpus: Path, *, text_field: str = "text", limit: int | None = None, workers: int = 1,
    configuration: str = "learned",
) -> dict[str, Any]:
    """Run a named pipeline configuration (the default, "learned", or "rules") over a corpus
    once (and once more on ``workers`` processes when above one); the figures a script wants."""
    started = time.perf_counter()
    pipeline = Pipeline.named(configuration)
    startup = time.perf_counter() - started
    skipped: list[IncidexError] = []
    articles: list[Article] = []
    for article in iter_articles([corpus], ReadOptions(text_field=text_field),
                                 on_error=skipped.append):
        articles.append(article)
        if limit is not None and len(articles) >= limit:
            break
    stages: dict[str, float] = dict.fromkeys(pipeline.names, 0.0)
    incidents = 0
    characters = 0
    began = time.perf_counter()
    for article in articles:
        doc = pipeline.run(article)
        incidents += len(doc.incidents)
        characters += len(article.text)
        for name, seconds in doc.timings.items():
            stages[name] += seconds
    seconds = time.perf_counter() - began
    floor = tokenizer_seconds([article.text for article in articles])
    total = sum(stages.values()) or 1.0
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "configuration": configuration,
        "articles": len(articles),
        "skipped": len(skipped),
        "characters": characters,
        "incidents": incidents,
        "startup_seconds": round(startup, 3),
        "seconds": round(seconds, 3),
        "articles_per_second": _rate(len(articles), seconds),
        "tokenizer_seconds": round(floor, 4),
        "multiple_of_tokenizer": round(seconds / floor, 1) if floor else None,
        "peak_memory_mb": _peak_memory_mb(),
        "stages": {
            name: {"seconds": round(value, 3), "share": round(value / total, 3)}
            for name, value in stages.items()
        },
    }
    if workers > 1:
        report["parallel"] = _parallel_bench(articles, workers, seconds, CONFIGURATIONS[configuration])
    return report


def _parallel_bench(articles: list[Article], workers: int, one_process_seconds: float,
                    stages: tuple[str, ...]) -> dict[str, Any]:
    """The same articles through ``workers`` processes; start-up is timed apart from the work."""
    started = time.perf_counter()
    with WorkerPool(workers, stages) as pool:
        pool.wait_until_ready()
        startup = time.perf_counter() - started
        began = time.perf_counter()
        for _ in pool.extract(articles):
            pass
        seconds = time.perf_counter() - began
        worker_peak = pool.peak_memory()
    speedup = one_process_seconds / seconds if seconds else 0.0
    return {
        "workers": workers,
        "startup_seconds": round(startup, 3),
        "seconds": round(seconds, 3),
        "articles_per_second": _rate(len(articles), seconds),
        "speedup": round(speedup, 2),
        "scaling": round(speedup / workers, 2),
        "peak_memory_mb_per_worker": _peak_memory_mb(worker_peak),
    }


def format_bench(report: dict[str, Any]) -> str:
    lines = [
        f"corpus       {report['corpus']}",
        f"pipeline     {report.get('configuration', 'learned')}",
        f"articles     {report['articles']} ({report['skipped']} skipped), "
        f"{report['incidents']} incidents",
        f"time         {report['seconds']} s (+ {report['startup_seconds']} s start-up)",
        f"throughput   {report['articles_per_second']} articles/s (one process, one core)",
        f"floor        {report['tokenizer_seconds']} s for the bare tokenizer; the pipeline "
        f"takes {report['multiple_of_tokenizer']}x that",
        f"peak memory  {report['peak_memory_mb']} MB",
    ]
    parallel = report.get("parallel")
    if parallel:
        lines += [
            f"parallel     {parallel['articles_per_second']} articles/s on {parallel['workers']} "
            f"worker processes ({parallel['seconds']} s + {parallel['startup_seconds']} s start-up)",
            f"scaling      {parallel['speedup']}x one process = {parallel['scaling']} x N; "
            f"peak memory {parallel['peak_memory_mb_per_worker']} MB per worker",
        ]
    lines.append("stages:")
    for name, figures in report["stages"].items():
        lines.append(f"  {name:<14} {figures['seconds']:>8.3f} s  {figures['share']:>6.1%}")
    return "\n".join(lines)
