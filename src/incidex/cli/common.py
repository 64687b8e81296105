"""What every command shares: the Typer apps, the common options, error handling and
printing of incidents."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from functools import wraps
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
db_app = typer.Typer(help="The database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


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


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published {value!r} is not a date (YYYY-MM-DD)") from None


def read_options(
    published: str | None, text_field: str = "text", date_field: str | None = None,
    id_field: str | None = None, url_field: str = "url", kind: str | None = None,
) -> Any:
    from incidex.sources import ReadOptions

    return ReadOptions(published=parse_date(published), text_field=text_field, date_field=date_field,
                       id_field=id_field, url_field=url_field, kind=kind)


def report_skip(error: IncidexError) -> None:
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



def default_db() -> str:
    from incidex.store import default_db_url

    return default_db_url()

