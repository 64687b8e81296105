"""Load check of ``/api/incidents``: requests per second and latency on 100,000 incidents.

Usage (from the repository root, in the project's virtual environment)::

    python benchmarks/load_api.py                       # build if absent, serve, measure
    python benchmarks/load_api.py --json > load.json    # the same, as JSON on stdout
    python benchmarks/load_api.py --build-only          # only build the database
    python benchmarks/load_api.py --requests 4000 --concurrency 16 --rebuild

What it does:

1. **Builds the database** (``--work-dir``, default ``/tmp/incidex-load``, never the repo) unless
   it already holds ``--incidents`` incidents (default 100,000). The corpus (default the RAND
   descriptions, ``/work/shared/data/rand/rdwti.csv`` with ``--text-field Description
   --date-field Date``) is read once and every distinct article goes through the real
   pipeline, in ``--workers`` processes; the output is cached as ``extracted.jsonl``. The
   database then receives the corpus several times, each pass ``n > 0`` with the marker
   `` [load copy n]`` appended to every text, the article re-keyed ``<id>-copy<n>`` and its
   incidents ``<id>-copy<n>`` (evidence offsets stay valid: the marker is at the end), until
   the store holds the target count. Rows are real pipeline output written through
   ``IncidentStore.ingest_many``, FTS triggers included; only the repeated pipeline runs are
   saved.
2. **Starts** ``incidex serve --db sqlite:///... --host 127.0.0.1 --port <free port>`` in a
   subprocess and waits until it answers.
3. **Sends** ``--requests`` requests (default 2,000) from ``--concurrency`` threads (default 8),
   each with a keep-alive connection to 127.0.0.1 only, drawing kinds from a fixed mix
   (``QUERY_MIX``) with a seeded random generator; filter values (countries, attack types,
   perpetrators) are the store's most frequent ones, so queries select real rows.
4. **Prints** requests/s over the whole run, and per query kind the count, errors and
   p50/p95/p99 latency in milliseconds; ``--json`` prints the same as one JSON object.
   Any non-200 answer makes the exit status 1.

The client runs on the same machine as the server and takes CPU from it, so the figures are
a floor for the server on that machine, not a ceiling.
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import json
import math
import os
import platform
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from incidex.article import Article
from incidex.record import Incident
from incidex.sources import ReadOptions, iter_articles
from incidex.store import IncidentStore, open_store
from incidex.store.rows import with_article_id

DEFAULT_CORPUS = "/work/shared/data/rand/rdwti.csv"
DEFAULT_WORK_DIR = "/tmp/incidex-load"
#: Query kinds and their share of the requests. "list" is the page's first request; the
#: others are what the filter form, the table headers, the pager, the search box and the map
#: send.
QUERY_MIX: dict[str, float] = {
    "list": 0.20,
    "filters": 0.20,
    "sort": 0.15,
    "deep_page": 0.10,
    "fts": 0.20,
    "bbox": 0.15,
}
#: Words the search box is given: common ones (thousands of matches) and rare ones.
SEARCH_WORDS = ("bomb", "police", "embassy", "kidnapped", "killed", "car bomb", "hostage",
                "grenade", "bus", "church", "airport", "journalist", "pipeline", "school")
#: Regions for the bbox kind: (min_lon, min_lat, max_lon, max_lat).
BOXES = ((60.0, 29.0, 75.0, 38.0), (34.0, 29.0, 48.0, 38.0), (-10.0, 35.0, 30.0, 60.0),
         (-80.0, -20.0, -65.0, 10.0), (-180.0, -90.0, 180.0, 90.0), (170.0, -50.0, -170.0, 0.0))
SORTS = ("date", "-date", "killed", "-killed", "wounded", "-country", "created")


# -- building the database ------------------------------------------------------------------


def _extract(article: Article) -> tuple[Article, list[Incident]]:
    from incidex.pipeline.runner import default_pipeline

    return article, default_pipeline().extract(article)


def extracted_corpus(corpus: str, options: ReadOptions, cache: Path, workers: int,
                     log: Callable[[str], None]) -> list[tuple[Article, list[Incident]]]:
    """Every distinct article of the corpus with the pipeline's incidents, cached as JSONL."""
    if cache.exists():
        log(f"reading the pipeline output cached in {cache}")
        return [_from_json(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    seen: set[str] = set()
    articles = []
    for article in iter_articles([corpus], options, on_error=lambda _e: None):
        if article.hash not in seen:
            seen.add(article.hash)
            articles.append(article)
    log(f"running the pipeline over {len(articles):,} distinct articles in {workers} process(es)")
    started = time.perf_counter()
    done: list[tuple[Article, list[Incident]]] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for n, item in enumerate(pool.map(_extract, articles, chunksize=64), 1):
            done.append(item)
            if n % 5000 == 0:
                log(f"  {n:,} articles, {n / (time.perf_counter() - started):.0f}/s")
    tmp = cache.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for article, incidents in done:
            out.write(_to_json(article, incidents) + "\n")
    tmp.replace(cache)
    return done


def _to_json(article: Article, incidents: list[Incident]) -> str:
    fields = {f.name: getattr(article, f.name) for f in dataclasses.fields(article) if f.name != "origin"}
    fields["published"] = article.published.isoformat() if article.published else None
    return json.dumps({"article": fields, "incidents": [i.model_dump(mode="json") for i in incidents]})


def _from_json(line: str) -> tuple[Article, list[Incident]]:
    import datetime as dt

    data = json.loads(line)
    fields = data["article"]
    if fields["published"]:
        fields["published"] = dt.date.fromisoformat(fields["published"])
    return Article(**fields), [Incident.model_validate(i) for i in data["incidents"]]


def copy_of(article: Article, incidents: list[Incident], n: int) -> tuple[Article, list[Incident]]:
    """Pass ``n`` of the corpus: a different text (a marker at the end), re-keyed ids."""
    if n == 0:
        return article, incidents
    copy = dataclasses.replace(article, text=f"{article.text} [load copy {n}]", id=f"{article.id}-copy{n}")
    moved = [
        with_article_id(i, article.id, copy.id).model_copy(update={"id": f"{i.id}-copy{n}"})
        for i in incidents
    ]
    return copy, moved


def build_database(args: argparse.Namespace, db: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """Fill ``db`` with at least ``args.incidents`` incidents; returns what it did and how long."""
    started = time.perf_counter()
    options = ReadOptions(text_field=args.text_field, date_field=args.date_field, max_bytes=1 << 31)
    cache = Path(args.work_dir) / "extracted.jsonl"
    corpus = extracted_corpus(args.corpus, options, cache, args.workers, log)
    extracted_s = time.perf_counter() - started
    per_pass = sum(len(incidents) for _, incidents in corpus)
    if per_pass == 0:
        raise SystemExit("the pipeline found no incidents in the corpus")
    passes = math.ceil(args.incidents / per_pass)
    log(f"{per_pass:,} incidents per pass: writing {passes} pass(es) to {db}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_store(f"sqlite:///{db}")
    try:
        for n in range(passes):
            summary = store.ingest_many((copy_of(a, i, n) for a, i in corpus), batch_size=500)
            log(f"  pass {n + 1}/{passes}: {summary.articles_new:,} articles, "
                f"{summary.incidents_inserted:,} incidents inserted")
        counts = store.counts()
    finally:
        store.close()
    _checkpoint(db)
    return {"build_s": round(time.perf_counter() - started, 1), "pipeline_s": round(extracted_s, 1),
            "passes": passes, "distinct_articles": len(corpus), **counts}


def _checkpoint(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("ANALYZE")


def incident_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as connection:
            count: int = connection.execute("SELECT count(*) FROM incidents").fetchone()[0]
            return count
    except sqlite3.Error:
        return 0


# -- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(db: Path, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    exe = shutil.which("incidex") or str(Path(sys.executable).with_name("incidex"))
    command = [exe, "serve", "--db", f"sqlite:///{db}", "--host", "127.0.0.1", "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "INCIDEX_TOKEN"}  # read-only server
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}; see {log_path}")
        try:
            status, _ = get("127.0.0.1", port, "/api/incidents?limit=1")
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"the server did not answer within 60 s; see {log_path}")


def get(host: str, port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# -- the requests ---------------------------------------------------------------------------


@dataclasses.dataclass
class Choices:
    """Filter values that select real rows: the store's most frequent ones."""

    countries: list[str]
    attack_types: list[str]
    perpetrators: list[str]
    years: list[int]


def choices_of(store: IncidentStore) -> Choices:
    stats = store.stats(None, top=15)
    years = sorted({int(g.key[:4]) for g in stats.by_day if g.key})
    return Choices(
        countries=[g.key for g in stats.by_country if g.key],
        attack_types=[g.key for g in stats.by_attack_type if g.key],
        perpetrators=[g.key for g in stats.by_perpetrator if g.key][:10],
        years=years or [2000],
    )


def request_plan(count: int, choices: Choices, total: int, seed: int) -> list[tuple[str, str]]:
    """``count`` (kind, path) pairs drawn from :data:`QUERY_MIX`."""
    rng = random.Random(seed)
    kinds = list(QUERY_MIX)
    weights = [QUERY_MIX[k] for k in kinds]
    plan = []
    for kind in rng.choices(kinds, weights, k=count):
        params: dict[str, Any] = {"limit": 50}
        if kind == "list":
            params["offset"] = 50 * rng.randrange(5)
        elif kind == "filters":
            params["country"] = rng.choice(choices.countries)
            if rng.random() < 0.5:
                params["attack_type"] = rng.choice(choices.attack_types)
            if rng.random() < 0.3 and choices.perpetrators:
                params["perpetrator"] = rng.choice(choices.perpetrators)
            if rng.random() < 0.5:
                year = rng.choice(choices.years)
                params |= {"date_from": f"{year}-01-01", "date_to": f"{year + 4}-12-31"}
            if rng.random() < 0.3:
                params["min_killed"] = rng.choice((1, 5, 20))
        elif kind == "sort":
            params |= {"sort": rng.choice(SORTS), "offset": 50 * rng.randrange(20)}
        elif kind == "deep_page":
            params |= {"sort": rng.choice(("-date", "killed")), "offset": rng.randrange(max(1, total - 50))}
        elif kind == "fts":
            params["q"] = rng.choice(SEARCH_WORDS)
            if rng.random() < 0.3:
                params["sort"] = "-killed"
        elif kind == "bbox":
            params["bbox"] = ",".join(str(v) for v in rng.choice(BOXES))
            if rng.random() < 0.3:
                params["attack_type"] = rng.choice(choices.attack_types)
        plan.append((kind, "/api/incidents?" + urlencode(params)))
    return plan


@dataclasses.dataclass
class Outcome:
    kind: str
    status: int
    seconds: float


def send(port: int, plan: list[tuple[str, str]], concurrency: int) -> tuple[list[Outcome], float]:
    """Send every request of ``plan`` from ``concurrency`` keep-alive connections; wall time."""
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    work: Iterator[tuple[str, str]] = iter(plan)

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[Outcome] = []
        while True:
            with lock:
                item = next(work, None)
            if item is None:
                break
            kind, path = item
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            mine.append(Outcome(kind, status, time.perf_counter() - started))
        connection.close()
        with lock:
            outcomes.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, time.perf_counter() - started


def summarise(outcomes: list[Outcome], wall: float) -> dict[str, Any]:
    def figures(items: list[Outcome]) -> dict[str, Any]:
        ms = sorted(o.seconds * 1000 for o in items)
        return {
            "requests": len(items),
            "errors": sum(1 for o in items if o.status != 200),
            "p50_ms": round(_percentile(ms, 50), 1),
            "p95_ms": round(_percentile(ms, 95), 1),
            "p99_ms": round(_percentile(ms, 99), 1),
            "mean_ms": round(statistics.fmean(ms), 1),
        }

    kinds = {kind: figures([o for o in outcomes if o.kind == kind]) for kind in QUERY_MIX
             if any(o.kind == kind for o in outcomes)}
    return {"requests_per_s": round(len(outcomes) / wall, 1), "wall_s": round(wall, 2),
            "all": figures(outcomes), "by_kind": kinds}


def _percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def machine() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "processor": _cpu_model()}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


# -- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--work-dir", default=DEFAULT_WORK_DIR, help="where the database and caches go")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="CSV or JSONL articles to repeat")
    parser.add_argument("--text-field", default="Description")
    parser.add_argument("--date-field", default="Date")
    parser.add_argument("--incidents", type=int, default=100_000, help="at least this many incidents")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="pipeline processes")
    parser.add_argument("--rebuild", action="store_true", help="build the database even if it exists")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=100, help="requests sent first and not counted")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--json", action="store_true", help="print the results as JSON on stdout")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1 or args.incidents < 1:
        parser.error("--requests, --concurrency and --incidents must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(args.work_dir)
    work.mkdir(parents=True, exist_ok=True)
    db = work / "load.db"

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report: dict[str, Any] = {"machine": machine(), "database": str(db)}
    if args.rebuild or incident_count(db) < args.incidents:
        report["build"] = build_database(args, db, log)
        log(f"built in {report['build']['build_s']} s")
    else:
        log(f"using {db} ({incident_count(db):,} incidents); --rebuild to build it again")
    if args.build_only:
        print(json.dumps(report, indent=2) if args.json else report)
        return 0

    with open_store(f"sqlite:///{db}") as store:
        report["counts"] = store.counts()
        choices = choices_of(store)
    port = free_port()
    server = start_server(db, port, work / "server.log")
    try:
        warmup = request_plan(args.warmup, choices, report["counts"]["incidents"], args.seed + 1)
        send(port, warmup, args.concurrency)
        plan = request_plan(args.requests, choices, report["counts"]["incidents"], args.seed)
        outcomes, wall = send(port, plan, args.concurrency)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report["load"] = {"concurrency": args.concurrency, **summarise(outcomes, wall)}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0 if report["load"]["all"]["errors"] == 0 else 1


def print_report(report: dict[str, Any]) -> None:
    m, load = report["machine"], report["load"]
    print(f"machine: {m['cpus']} CPU(s), {m['processor']}, Python {m['python']}, SQLite {m['sqlite']}")
    print(f"database: {report['database']}: {report['counts']['incidents']:,} incidents, "
          f"{report['counts']['articles']:,} articles")
    if "build" in report:
        print(f"built in {report['build']['build_s']} s (pipeline {report['build']['pipeline_s']} s)")
    print(f"{load['all']['requests']} requests, concurrency {load['concurrency']}: "
          f"{load['requests_per_s']} requests/s, {load['all']['errors']} errors")
    print(f"{'kind':<10} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, f in [*load["by_kind"].items(), ("all", load["all"])]:
        print(f"{kind:<10} {f['requests']:>5} {f['errors']:>4} "
              f"{f['p50_ms']:>8} {f['p95_ms']:>8} {f['p99_ms']:>8}")


if __name__ == "__main__":
    sys.exit(main())
