"""Commands that read articles: extract, ingest, watch, demo and bench."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from incidex.cli.common import (
    DbOption,
    MergeOption,
    PublishedOption,
    WorkersOption,
    app,
    handles_errors,
    print_incidents,
    read_options,
    report_skip,
)
from incidex.errors import IncidexError, InputError
from incidex.record import Incident


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
                           read_options(published, text_field, date_field, kind=kind))
        return
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}: use local or dask")
    from incidex.scale.workers import extract_parallel
    from incidex.sources import iter_articles

    options = read_options(published, text_field, date_field, kind=kind)
    incidents: list[Incident] = []
    errors: list[IncidexError] = []

    def skip(error: IncidexError) -> None:
        errors.append(error)
        report_skip(error)

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

    options = read_options(published, text_field, date_field, id_field, url_field, kind)
    summary = ingest_paths(paths, options, db, on_error=report_skip,
                           wrap=lambda items: _progress(items, progress), workers=workers,
                           merge=merge)
    typer.echo(
        f"{summary.articles_new} new articles ({summary.articles_seen - summary.articles_new} "
        f"already stored), {summary.incidents} incidents, {summary.skipped} skipped",
        err=True,
    )
    if summary.skipped and not summary.articles_seen:
        raise typer.Exit(InputError.exit_code)  # nothing could be read


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
        options = WatchOptions(read=read_options(published), policy=policy, merge=merge)
        pipeline = default_pipeline()
        with suppress(KeyboardInterrupt):  # Ctrl-C ends a watch; the state is already saved
            run_watch(store, sources, pipeline.extract, notifier, active, options, every=interval,
                      once=once, on_error=report_skip,
                      on_poll=lambda report: typer.echo(f"incidex: {report.summary()}", err=True))
    finally:
        store.close()


@app.command()
@handles_errors
def demo(db: DbOption = None) -> None:
    """Ingest the bundled sample articles and print the incidents found."""
    from incidex.ingest import ingest_paths, sample_articles_path
    from incidex.store import open_store

    summary = ingest_paths([str(sample_articles_path())], read_options(None), db,
                           on_error=report_skip)
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
    configuration: Annotated[str, typer.Option(
        "--configuration",
        help="Named pipeline: learned (default, most accurate) or rules (faster).")] = "learned",
) -> None:
    """Articles per second and peak memory of the pipeline on a corpus, per stage."""
    from incidex.bench import format_bench, run_bench

    report = run_bench(corpus, text_field=text_field, limit=limit, workers=workers,
                       configuration=configuration)
    typer.echo(json.dumps(report, indent=2) if as_json else format_bench(report))
