"""GeoJSON (RFC 7946): a FeatureCollection of Points, properties as in the GTD CSV.

Written feature by feature, so an export of the whole store never sits in memory. An
incident with no coordinates has no place on a map and is left out; the count of those comes
back in :class:`GeoJSONResult` so the caller can tell the user.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from incidex.export.gtd_csv import gtd_fields
from incidex.record import Incident


@dataclass(frozen=True)
class GeoJSONResult:
    written: int
    skipped: int


def incident_feature(incident: Incident) -> dict[str, Any] | None:
    """The incident as a Point feature, or None when its coordinates are not known."""
    lat, lon = incident.location.lat, incident.location.lon
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": gtd_fields(incident),
    }


def write_geojson(incidents: Iterable[Incident], out: TextIO) -> GeoJSONResult:
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [\n')
    for incident in incidents:
        feature = incident_feature(incident)
        if feature is None:
            skipped += 1
            continue
        if written:
            out.write(",\n")
        out.write(json.dumps(feature, ensure_ascii=False, allow_nan=False))
        written += 1
    out.write("\n]}\n")
    return GeoJSONResult(written=written, skipped=skipped)
