"""`incidex eval`: the benchmark scorers (DESIGN.md, "Evaluation contracts")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from incidex.cli.common import (
    eval_app,
    handles_errors,
)


@eval_app.command("muc4")
@handles_errors
def eval_muc4(
    data: Annotated[Path, typer.Argument(help="MUC-4 JSONL (docid, doctext, templates).")],
    predictions: Annotated[Path, typer.Option(help="Where to write the predictions JSONL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    configuration: Annotated[str, typer.Option(
        "--configuration", help="Named pipeline: learned (default) or rules.")] = "learned",
) -> None:
    """Template F1 and CEAF-REE of the pipeline on a MUC-4 split."""
    from incidex.evaluate.muc4 import format_report
    from incidex.evaluate.muc4_run import evaluate_muc4
    from incidex.pipeline.runner import Pipeline

    scores = evaluate_muc4(data, predictions, Pipeline.named(configuration))
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


@eval_app.command("calibration")
@handles_errors
def eval_calibration(
    data: Annotated[Path, typer.Argument(help="MUC-4 JSONL with gold templates and mention offsets.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Is incident confidence calibrated? Reliability table, ECE and Brier score on MUC-4."""
    from incidex.evaluate.calibration import evaluate_calibration, format_calibration_report

    scores = evaluate_calibration(data)
    typer.echo(json.dumps(scores.to_json(), indent=2) if as_json else format_calibration_report(scores))
