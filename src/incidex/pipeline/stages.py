"""Importing this module registers every built-in stage."""

from incidex.pipeline import (  # noqa: F401
    assemble,
    attribution,
    casualties,
    coding,
    frames,
    geocode,
    locate,
    perpetrators,
    roles,
    segment,
    time,
)
