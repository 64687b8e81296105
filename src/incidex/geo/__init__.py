"""Offline gazetteer, toponym finder and resolver (GeoNames-compatible ids)."""

from __future__ import annotations

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import Resolved, resolve, resolve_name, specificity
from incidex.geo.toponyms import Toponym, find_toponyms

__all__ = [
    "Gazetteer",
    "Place",
    "Resolved",
    "Toponym",
    "find_toponyms",
    "resolve",
    "resolve_name",
    "specificity",
]
