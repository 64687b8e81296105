"""The command line: thin Typer commands over the importable functions.

Exit codes: 0 success; the ``exit_code`` of an :mod:`incidex.errors` class otherwise, with a
one-line reason on standard error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from incidex.errors import IncidexError, InputError
from incidex.record import Incident

app = typer.Typer(
    name="incidex",
    help="News reports of political violence -> a structured, geolocated incident database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score incidex against public benchmarks.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

log = logging.getLogger("incidex")

_F = TypeVar("_F", bound=Callable[..., Any])

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL (default: INCIDEX_DB, else a SQLite file in the "
                 "user data directory)."),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Worker processes for extraction (1: this one).")
]
MergeOption = Annotated[
    bool, typer.Option("--merge/--no-merge", help="Merge reports of one event into one incident.")
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for inputs with none."),
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"incidex: {message}", err=True)
    return typer.Exit(code)


def handles_errors(func: _F) -> _F:
    """Translate incidex errors into a one-line message and the error's exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except IncidexError as exc:
            raise _fail(str(exc), exc.exit_code) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date (YYYY-MM-DD)") from None


def _read_options(
    published: str | None, text_field: str = "text", date_field: str | None = None,
    id_field: str | None = None, url_field: str = "url", kind: str | None = None,
) -> Any:
    from incidex.sources import ReadOptions

    return ReadOptions(published=_date(published), text_field=text_field, date_field=date_field,
                       id_field=id_field, url_field=url_field, kind=kind)


def _report_skip(error: IncidexError) -> None:
    typer.echo(f"incidex: skipped: {error}", err=True)


def print_incidents(incidents: list[Incident], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps([i.model_dump(mode="json") for i in incidents], indent=2,
                              ensure_ascii=False))
    elif fmt == "jsonl":
        for incident in incidents:
            typer.echo(incident.model_dump_json())
    elif fmt == "table":
        from incidex.display import incident_table

        incident_table(incidents)
    else:
        raise InputError(f"unknown format {fmt!r}: use json, jsonl or table")


@app.command()
@handles_errors
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    published: PublishedOption = None,
    fmt: Annotated[str, typer.Option("--format", help="json, jsonl or table.")] = "json",
    text_field: Annotated[str, typer.Option(help="Text field of JSONL/CSV inputs.")] = "text",
    date_field: Annotated[str | None, typer.Option(help="Date field of JSONL/CSV.")] = None,
    kind: Annotated[str | None, typer.Option(help="Force text|html|feed|jsonl|csv.")] = None,
    workers: WorkersOption = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (shards -> Parquet).")]
    = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (default: a "
                         "local cluster of --workers processes).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Folder of Parquet "
                      "shards (with --engine dask).")] = None,
) -> None:
    """Print the incidents the articles report (nothing is stored).

    With --engine dask, each input file is a shard of articles (JSONL or Parquet) and its
    incidents go to one Parquet file in --output; shards already written are skipped."""
    if engine == "dask":
        _extract_with_dask(paths, output, scheduler, workers,
                           _read_options(published, text_field, date_field, kind=kind))
        return
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}: use local or dask")
    from incidex.scale.workers import extract_parallel
    from incidex.sources import iter_articles

    options = _read_options(published, text_field, date_field, kind=kind)
    incidents: list[Incident] = []
    errors: list[IncidexError] = []

    def skip(error: IncidexError) -> None:
        errors.append(error)
        _report_skip(error)

    extracted = 0
    for result in extract_parallel(iter_articles(paths, options, on_error=skip), workers):
        if result.error is not None:
            skip(result.error)
            continue
        extracted += 1
        if fmt == "jsonl":
            print_incidents(result.incidents, fmt)
        incidents.extend(result.incidents)
    if fmt != "jsonl":
        print_incidents(incidents, fmt)
    if errors and not extracted:
        raise typer.Exit(errors[0].exit_code)  # nothing could be read: say so in the exit code


def _extract_with_dask(
    paths: list[str], output: Path | None, scheduler: str | None, workers: int, options: Any
) -> None:
    from contextlib import nullcontext

    from incidex.scale import extract_shards, open_client, pending_shards

    if output is None:
        raise InputError("--engine dask writes Parquet shards: give --output FOLDER")
    # No cluster to start when every shard is done already.
    cluster = open_client(scheduler, workers=workers) if pending_shards(paths, output) else nullcontext()
    with cluster as client:
        report = extract_shards(paths, output, client=client, options=options,
                                on_shard=lambda shard: typer.echo(f"incidex: {shard}", err=True))
    typer.echo(report.summary(), err=True)
    if report.failed:
        raise typer.Exit(InputError.exit_code)


def _progress(items: Iterator[Any], enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn(
            "{task.completed} articles"), TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        for item in items:
            yield item
            progress.advance(task)


@app.command()
@handles_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of articles.")],
    db: DbOption = None,
    published: PublishedOption = None,
    text_field: Annotated[str, typer.Option(help="Text field of JSONL/CSV inputs.")] = "text",
    date_field: Annotated[str | None, typer.Option(help="Date field of JSONL/CSV.")] = None,
    id_field: Annotated[str | None, typer.Option(help="Id field of JSONL/CSV.")] = None,
    url_field: Annotated[str, typer.Option(help="URL field of JSONL/CSV.")] = "url",
    kind: Annotated[str | None, typer.Option(help="Force text|html|feed|jsonl|csv.")] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = sys.stderr.isatty(),
    workers: WorkersOption = 1,
    merge: MergeOption = True,
) -> None:
    """Extract incidents from articles and store both. The same article is stored once, and
    reports of an event already stored join its record (unless --no-merge)."""
    from incidex.ingest import ingest_paths

    options = _read_options(published, text_field, date_field, id_field, url_field, kind)
    summary = ingest_paths(paths, options, db, on_error=_report_skip,
                           wrap=lambda items: _progress(items, progress), workers=workers,
                           merge=merge)
    typer.echo(
        f"{summary.articles_new} new articles ({summary.articles_seen - summary.articles_new} "
        f"already stored), {summary.incidents} incidents, {summary.skipped} skipped",
        err=True,
    )
    if summary.skipped and not summary.articles_seen:
        raise typer.Exit(InputError.exit_code)  # nothing could be read


@app.command("list")
@handles_errors
def list_(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Country name or code.")] = None,
    admin1: Annotated[str | None, typer.Option(help="First-level region.")] = None,
    perpetrator: Annotated[str | None, typer.Option(help="Perpetrator group.")] = None,
    attack_type: Annotated[str | None, typer.Option(help="GTD attack type.")] = None,
    weapon_type: Annotated[str | None, typer.Option(help="GTD weapon type.")] = None,
    target_type: Annotated[str | None, typer.Option(help="GTD target type.")] = None,
    since: Annotated[str | None, typer.Option(help="First date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last date (YYYY-MM-DD).")] = None,
    min_killed: Annotated[int | None, typer.Option(help="At least this many killed.")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the summary.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    sort: Annotated[str, typer.Option(help="date, -date, killed, -killed.")] = "-date",
    fmt: Annotated[str, typer.Option("--format", help="table, json or jsonl.")] = "table",
) -> None:
    """List stored incidents, newest first."""
    from incidex.store import IncidentFilter, open_store

    filters = IncidentFilter(
        date_from=_date(since), date_to=_date(until), country=country, admin1=admin1,
        perpetrator=perpetrator, attack_type=attack_type, weapon_type=weapon_type,
        target_type=target_type, min_killed=min_killed, text=text,
    )
    store = open_store(db)
    try:
        print_incidents(store.list_incidents(filters, limit=limit, offset=offset, sort=sort), fmt)
    finally:
        store.close()


@app.command()
@handles_errors
def show(
    incident_id: Annotated[str, typer.Argument(help="Incident id (inc-...).")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    why: Annotated[bool, typer.Option("--why", help="Why its reports were merged: the features "
                   "that fired, the scores, and the rule that chose each figure.")] = False,
) -> None:
    """One incident, with the evidence of each field quoted."""
    from incidex.display import incident_detail
    from incidex.store import open_store

    store = open_store(db)
    try:
        incident = store.get_incident(incident_id)
        explanation = store.explain(incident.id) if why else None
    finally:
        store.close()
    if explanation is not None:
        from incidex.dedup import format_why, why_json

        if fmt == "json":
            typer.echo(json.dumps(why_json(incident, explanation), indent=2, ensure_ascii=False))
        else:
            typer.echo(format_why(incident, explanation))
    elif fmt == "json":
        typer.echo(incident.model_dump_json(indent=2))
    else:
        incident_detail(incident)


@app.command()
@handles_errors
def split(
    incident_id: Annotated[str, typer.Argument(help="Id of a merged incident.")],
    article: Annotated[list[str] | None, typer.Option("--article", help="Take only this article's "
                       "report out (repeatable); default: split into every report.")] = None,
    db: DbOption = None,
) -> None:
    """Undo a merge: its reports become incidents of their own again."""
    from incidex.store import open_store

    store = open_store(db)
    try:
        parts = store.split(incident_id, article or None)
    finally:
        store.close()
    for part in parts:
        typer.echo(f"{part.id}\t{','.join(part.article_ids)}")


db_app = typer.Typer(help="The database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
@handles_errors
def db_upgrade(db: DbOption = None) -> None:
    """Create or migrate the database to the newest schema (opening it does this too)."""
    from incidex.store import open_store
    from incidex.store.db import create_store_engine
    from incidex.store.migrate import upgrade_schema

    engine = create_store_engine(db or _default_db())
    try:
        state = upgrade_schema(engine)
    finally:
        engine.dispose()
    open_store(db).close()  # and the full-text index
    typer.echo(f"schema {state.before or 'none'} -> {state.after}" if state.changed
               else f"schema already at {state.after}", err=True)


@db_app.command("current")
@handles_errors
def db_current(db: DbOption = None) -> None:
    """Print the database's schema revision and the newest this incidex knows."""
    from incidex.store.db import create_store_engine
    from incidex.store.migrate import current_revision, head_revision

    engine = create_store_engine(db or _default_db())
    try:
        with engine.connect() as connection:
            current = current_revision(connection)
    finally:
        engine.dispose()
    typer.echo(f"{current or 'none'} (newest: {head_revision()})")


def _default_db() -> str:
    from incidex.store import default_db_url

    return default_db_url()


@app.command()
@handles_errors
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs, feed or article files, folders.")],
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    filters: Annotated[list[str] | None, typer.Option("--filter", help="Report only incidents "
                       "matching this, e.g. 'country=Russia,killed>=1' (repeatable; default: the "
                       "saved filters, else everything).")] = None,
    save_filters: Annotated[bool, typer.Option("--save-filters", help="Save the --filter values "
                            "for later runs.")] = False,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Append reports to this JSONL file.")]
    = None,
    notify: Annotated[list[str] | None, typer.Option("--notify", help="POST each report as JSON to "
                      "this webhook URL (repeatable).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Do not print reports to stdout.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private and "
                             "loopback addresses (feeds and webhooks).")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds before a request gives up.")] = 20.0,
    max_bytes: Annotated[int, typer.Option(help="Largest feed fetched, in bytes.")] = 5_000_000,
    published: PublishedOption = None,
    merge: MergeOption = True,
) -> None:
    """Poll feeds, files and folders; ingest what is new exactly once; report new or updated
    incidents that match the filters (one JSON object per line)."""
    from contextlib import suppress

    from incidex.pipeline.runner import default_pipeline
    from incidex.store import open_store
    from incidex.watch import (
        FetchPolicy,
        Notifier,
        WatchFilter,
        WatchOptions,
        WatchState,
        check_url,
        parse_every,
    )
    from incidex.watch import watch as run_watch

    interval = parse_every(every)
    policy = FetchPolicy(timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    for url in notify or []:
        check_url(url, policy)
    parsed = [WatchFilter.parse(spec) for spec in filters or []]
    store = open_store(db, merge=merge)
    try:
        state = WatchState(store)
        if save_filters:
            for spec, watch_filter in zip(filters or [], parsed, strict=True):
                state.save_filter(watch_filter, spec)
        active = parsed or state.saved_filters()
        notifier = Notifier(stdout=None if quiet else typer.echo, jsonl=jsonl, webhooks=list(notify or []),
                            policy=policy)
        options = WatchOptions(read=_read_options(published), policy=policy, merge=merge)
        pipeline = default_pipeline()
        with suppress(KeyboardInterrupt):  # Ctrl-C ends a watch; the state is already saved
            run_watch(store, sources, pipeline.extract, notifier, active, options, every=interval,
                      once=once, on_error=_report_skip,
                      on_poll=lambda report: typer.echo(f"incidex: {report.summary()}", err=True))
    finally:
        store.close()


@app.command()
@handles_errors
def export(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option(
        "--format", help="jsonl, csv (GTD columns), acled (ACLED columns), geojson, or parquet (with -o).")]
    = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")]
    = None,
) -> None:
    """Write every stored incident in an exchange format."""
    from incidex.export import export_to_path, write_export
    from incidex.store import open_store

    store = open_store(db)
    try:
        if output is None:
            count = write_export(store.iter_incidents(), fmt, sys.stdout)
        else:
            count = export_to_path(store.iter_incidents(), fmt, output)
    finally:
        store.close()
    typer.echo(f"{count} incidents exported", err=True)


@app.command()
@handles_errors
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="INCIDEX_TOKEN",
                     help="Allow POST /api/articles with this bearer token.")] = None,
) -> None:
    """Serve the JSON API and the web page (map, timeline, table, evidence)."""
    from incidex.web import serve as serve_web

    serve_web(db, host, port, token)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the incident record."""
    from incidex.record import incident_json_schema

    typer.echo(json.dumps(incident_json_schema(), indent=2))


@app.command()
@handles_errors
def demo(db: DbOption = None) -> None:
    """Ingest the bundled sample articles and print the incidents found."""
    from incidex.ingest import ingest_paths, sample_articles_path
    from incidex.store import open_store

    summary = ingest_paths([str(sample_articles_path())], _read_options(None), db,
                           on_error=_report_skip)
    typer.echo(f"{summary.articles_seen} sample articles, {summary.incidents} incidents "
               f"({summary.articles_new} newly stored)", err=True)
    store = open_store(db)
    try:
        print_incidents(store.list_incidents(limit=200, sort="date"), "table")
    finally:
        store.close()


@app.command()
@handles_errors
def bench(
    corpus: Annotated[Path, typer.Argument(help="JSONL or CSV corpus of articles.")],
    text_field: Annotated[str, typer.Option(help="Field holding the text.")] = "text",
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Also time N worker processes "
                       "over the same articles.")] = 1,
) -> None:
    """Articles per second and peak memory of the pipeline on a corpus, per stage."""
    from incidex.bench import format_bench, run_bench

    report = run_bench(corpus, text_field=text_field, limit=limit, workers=workers)
    typer.echo(json.dumps(report, indent=2) if as_json else format_bench(report))


@eval_app.command("muc4")
@handles_errors
def eval_muc4(
    data: Annotated[Path, typer.Argument(help="MUC-4 JSONL (docid, doctext, templates).")],
    predictions: Annotated[Path, typer.Option(help="Where to write the predictions JSONL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Template F1 and CEAF-REE of the pipeline on a MUC-4 split."""
    from incidex.evaluate.muc4 import format_report
    from incidex.evaluate.muc4_run import evaluate_muc4

    scores = evaluate_muc4(data, predictions)
    typer.echo(scores.to_json(indent=2) if as_json else format_report(scores))


@eval_app.command("geo")
@handles_errors
def eval_geo(
    data: Annotated[Path, typer.Argument(help="JSONL of {id, text, toponyms: [{start, end, ...}]}.")],
    predictions: Annotated[Path, typer.Option(help="Where to write the resolved toponyms.")],
    recognise: Annotated[bool, typer.Option(help="Also score toponym recognition (spans).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Toponym resolution: accuracy within 161 km, mean/median error, AUC, exact GeoNames id."""
    from incidex.evaluate.geo import evaluate_geo, format_geo_report

    scores = evaluate_geo(data, predictions, recognise=recognise)
    typer.echo(scores.to_json(indent=2) if as_json else format_geo_report(scores))


@eval_app.command("dedup")
@handles_errors
def eval_dedup(
    data_dir: Annotated[Path, typer.Argument(help="The shared data folder (muc4/, rand/, nlp/ewt/).")],
    rand_limit: Annotated[int, typer.Option(help="RAND candidate groups to use.")] = 2000,
    muc4_limit: Annotated[int | None, typer.Option(help="Only the first N MUC-4 documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Cross-article merging: pairwise and B-cubed precision/recall on MUC-4 and RAND sets."""
    from incidex.evaluate.dedup import evaluate_dedup, format_dedup_report

    scores = evaluate_dedup(data_dir, rand_limit=rand_limit, muc4_limit=muc4_limit)
    typer.echo(json.dumps(scores.to_json(), indent=2) if as_json else format_dedup_report(scores))


@eval_app.command("gtd")
@handles_errors
def eval_gtd(
    data: Annotated[Path, typer.Argument(help="GTD release CSV (eventid, summary, ...).")],
    predictions: Annotated[Path, typer.Option(help="Where to write the predicted GTD CSV.")],
    limit: Annotated[int | None, typer.Option(help="Only N rows, evenly spaced.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Per-field accuracy against GTD coders, reading only each row's summary."""
    from incidex.evaluate.fields import format_field_report
    from incidex.evaluate.gtd import evaluate_gtd

    scores = evaluate_gtd(data, predictions, limit=limit)
    typer.echo(scores.to_json(indent=2) if as_json else format_field_report(scores))


@eval_app.command("rand")
@handles_errors
def eval_rand(
    data: Annotated[Path, typer.Argument(help="RAND RDWTI CSV (Description, ...).")],
    predictions: Annotated[Path, typer.Option(help="Where to write the predicted CSV.")],
    limit: Annotated[int | None, typer.Option(help="Only N rows, evenly spaced.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Per-field accuracy on RAND descriptions: weapon, fatalities, injuries, place, group."""
    from incidex.evaluate.fields import format_field_report
    from incidex.evaluate.rand import evaluate_rand

    scores = evaluate_rand(data, predictions, limit=limit)
    typer.echo(scores.to_json(indent=2) if as_json else format_field_report(scores))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="incidex: %(message)s")
    app()


if __name__ == "__main__":
    main()
