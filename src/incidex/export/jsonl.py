"""JSON Lines: one full incident record per line, evidence included; lossless."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from incidex.record import Incident


def write_jsonl(incidents: Iterable[Incident], out: TextIO) -> int:
    """Write each incident as one line of JSON; returns the number written."""
    written = 0
    for incident in incidents:
        out.write(incident.model_dump_json())
        out.write("\n")
        written += 1
    return written
