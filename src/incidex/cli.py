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
) -> None:
    """Print the incidents the articles report (nothing is stored)."""
    from incidex.pipeline.runner import default_pipeline
    from incidex.sources import iter_articles

    options = _read_options(published, text_field, date_field, kind=kind)
    pipeline = default_pipeline()
    incidents: list[Incident] = []
    errors: list[IncidexError] = []

    def skip(error: IncidexError) -> None:
        errors.append(error)
        _report_skip(error)

    extracted = 0
    for article in iter_articles(paths, options, on_error=skip):
        try:
            found = pipeline.extract(article)
        except InputError as exc:
            skip(exc)
            continue
        extracted += 1
        if fmt == "jsonl":
            print_incidents(found, fmt)
        incidents.extend(found)
    if fmt != "jsonl":
        print_incidents(incidents, fmt)
    if errors and not extracted:
        raise typer.Exit(errors[0].exit_code)  # nothing could be read: say so in the exit code


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
) -> None:
    """Extract incidents from articles and store both. The same article is stored once."""
    from incidex.ingest import ingest_paths

    options = _read_options(published, text_field, date_field, id_field, url_field, kind)
    summary = ingest_paths(paths, options, db, on_error=_report_skip,
                           wrap=lambda items: _progress(items, progress))
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
) -> None:
    """One incident, with the evidence of each field quoted."""
    from incidex.display import incident_detail
    from incidex.store import open_store

    store = open_store(db)
    try:
        incident = store.get_incident(incident_id)
    finally:
        store.close()
    if fmt == "json":
        typer.echo(incident.model_dump_json(indent=2))
    else:
        incident_detail(incident)


@app.command()
@handles_errors
def export(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv (GTD columns) or geojson.")]
    = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")]
    = None,
) -> None:
    """Write every stored incident in an exchange format."""
    from incidex.export import write_export
    from incidex.store import open_store

    store = open_store(db)
    try:
        if output is None:
            count = write_export(store.iter_incidents(), fmt, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                count = write_export(store.iter_incidents(), fmt, out)
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
) -> None:
    """Articles per second and peak memory of the pipeline on a corpus, per stage."""
    from incidex.bench import format_bench, run_bench

    report = run_bench(corpus, text_field=text_field, limit=limit)
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
