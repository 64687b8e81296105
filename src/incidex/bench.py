"""``incidex bench``: throughput and peak memory of the pipeline on a corpus, per stage."""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Any

from incidex.errors import IncidexError
from incidex.pipeline.runner import Pipeline
from incidex.sources import ReadOptions, iter_articles


def _peak_memory_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run_bench(corpus: Path, *, text_field: str = "text", limit: int | None = None) -> dict[str, Any]:
    """Run the default pipeline over a corpus once; the figures a script wants."""
    started = time.perf_counter()
    pipeline = Pipeline()
    startup = time.perf_counter() - started
    skipped: list[IncidexError] = []
    articles = []
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
    total = sum(stages.values()) or 1.0
    return {
        "corpus": str(corpus),
        "articles": len(articles),
        "skipped": len(skipped),
        "characters": characters,
        "incidents": incidents,
        "startup_seconds": round(startup, 3),
        "seconds": round(seconds, 3),
        "articles_per_second": round(len(articles) / seconds, 1) if seconds else None,
        "peak_memory_mb": _peak_memory_mb(),
        "stages": {
            name: {"seconds": round(value, 3), "share": round(value / total, 3)}
            for name, value in stages.items()
        },
    }


def format_bench(report: dict[str, Any]) -> str:
    lines = [
        f"corpus       {report['corpus']}",
        f"articles     {report['articles']} ({report['skipped']} skipped), "
        f"{report['incidents']} incidents",
        f"time         {report['seconds']} s (+ {report['startup_seconds']} s start-up)",
        f"throughput   {report['articles_per_second']} articles/s (one process, one core)",
        f"peak memory  {report['peak_memory_mb']} MB",
        "stages:",
    ]
    for name, figures in report["stages"].items():
        lines.append(f"  {name:<14} {figures['seconds']:>8.3f} s  {figures['share']:>6.1%}")
    return "\n".join(lines)
