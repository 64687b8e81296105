"""Toponym resolution speed: toponyms resolved per second on one core.

Usage (from the repository root, in the project's virtual environment)::

    python benchmarks/geo_speed.py ../shared/data/geo/geowebnews.jsonl ../shared/data/geo/geovirus.jsonl
    python benchmarks/geo_speed.py DATA.jsonl --repeat 10     # more timed passes
    python benchmarks/geo_speed.py DATA.jsonl --json          # one JSON object on stdout

Each input line is an article ``{"text": ..., "toponyms": [{"start": ..., "end": ...}, ...]}``
(GeoWebNews and GeoVirus as shipped in ``../shared/data/geo/``). Every article's spans go
through ``incidex.geo.resolver.resolve_spans``, as ``incidex eval geo`` does.

It prints the shipped gazetteer's load time, then toponyms/s for the first pass (cold: places
decoded and names looked up for the first time) and the best of ``--repeat`` further passes
(warm: what a long-running pipeline sees). The issue's target (#5) is the warm rate,
>= 20,000 toponyms/s. Run on a quiet machine: on a shared one take the best of a few runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from datetime import date
from pathlib import Path
from typing import Any

from incidex.geo import Gazetteer
from incidex.geo.resolver import resolve_spans

Article = tuple[str, list[tuple[int, int]]]


def read_articles(paths: list[Path]) -> list[Article]:
    """The (text, spans) of every article, keeping spans that lie inside the text."""
    out: list[Article] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                obj = json.loads(line)
                text = obj["text"]
                spans = [
                    (int(t["start"]), int(t["end"]))
                    for t in obj.get("toponyms", [])
                    if 0 <= t["start"] < t["end"] <= len(text)
                ]
                out.append((text, spans))
    return out


def time_pass(articles: list[Article], gazetteer: Gazetteer) -> float:
    """Seconds to resolve every article's spans once."""
    start = time.perf_counter()
    for text, spans in articles:
        resolve_spans(text, spans, gazetteer)
    return time.perf_counter() - start


def measure(paths: list[Path], repeat: int) -> dict[str, Any]:
    start = time.perf_counter()
    gazetteer = Gazetteer.default()
    load_s = time.perf_counter() - start
    articles = read_articles(paths)
    count = sum(len(spans) for _, spans in articles)
    cold_s = time_pass(articles, gazetteer)
    warm_s = min(time_pass(articles, gazetteer) for _ in range(max(1, repeat)))
    return {
        "date": date.today().isoformat(),
        "machine": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "files": [str(p) for p in paths],
        "articles": len(articles),
        "toponyms": count,
        "gazetteer_load_s": round(load_s, 3),
        "cold_toponyms_per_s": round(count / cold_s),
        "warm_toponyms_per_s": round(count / warm_s),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("data", nargs="+", type=Path, help="JSONL of {text, toponyms: [{start, end}]}")
    parser.add_argument("--repeat", type=int, default=5, help="warm passes; the best is reported")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args.data, args.repeat)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['date']} on {result['machine']}")
    print(f"{result['articles']} articles, {result['toponyms']} toponyms")
    print(f"gazetteer load: {result['gazetteer_load_s']:.3f} s")
    print(f"cold (first pass): {result['cold_toponyms_per_s']:,} toponyms/s")
    print(f"warm (best of {args.repeat}): {result['warm_toponyms_per_s']:,} toponyms/s")


if __name__ == "__main__":
    main()
