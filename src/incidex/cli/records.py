"""Commands over the stored incidents: list, show, split, export, serve, schema and the
database schema's migrations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from incidex.cli.common import (
    DbOption,
    app,
    db_app,
    default_db,
    handles_errors,
    parse_date,
    print_incidents,
)


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
        date_from=parse_date(since), date_to=parse_date(until), country=country, admin1=admin1,
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


@db_app.command("upgrade")
@handles_errors
def db_upgrade(db: DbOption = None) -> None:
    """Create or migrate the database to the newest schema (opening it does this too)."""
    from incidex.store import open_store
    from incidex.store.db import create_store_engine
    from incidex.store.migrate import upgrade_schema

    engine = create_store_engine(db or default_db())
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

    engine = create_store_engine(db or default_db())
    try:
        with engine.connect() as connection:
            current = current_revision(connection)
    finally:
        engine.dispose()
    typer.echo(f"{current or 'none'} (newest: {head_revision()})")


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
