"""``/api/stats``: what the charts draw, for the same selection as ``/api/incidents``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from incidex.store import IncidentFilter
from incidex.web.params import incident_filter
from incidex.web.schemas import ErrorOut, StatsOut
from incidex.web.state import StoreDep

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats", response_model=StatsOut, responses={400: {"model": ErrorOut},
                                                          422: {"model": ErrorOut}})
def stats(
    store: StoreDep,
    filters: Annotated[IncidentFilter, Depends(incident_filter)],
    top: Annotated[int, Query(ge=1, le=500, description="Groups listed per category.")] = 20,
) -> StatsOut:
    """Incidents, killed and wounded in total and by day, country, perpetrator and attack type."""
    return StatsOut.of(store.stats(filters, top=top))
