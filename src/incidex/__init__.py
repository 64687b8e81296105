"""incidex: news reports of political violence -> structured, geolocated incident records,
with the evidence for every field.

    >>> import incidex
    >>> incidents = incidex.extract(text, published="2018-08-21")
"""

from incidex.article import Article
from incidex.errors import (
    DataError,
    IncidexError,
    InputError,
    NotFoundError,
    PipelineError,
    StoreError,
)
from incidex.pipeline.runner import DEFAULT_STAGES, Pipeline, extract
from incidex.record import (
    Casualties,
    Count,
    Entity,
    Evidence,
    Flag,
    Incident,
    IncidentDate,
    Location,
    Perpetrator,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STAGES",
    "Article",
    "Casualties",
    "Count",
    "DataError",
    "Entity",
    "Evidence",
    "Flag",
    "Incident",
    "IncidentDate",
    "IncidexError",
    "InputError",
    "Location",
    "NotFoundError",
    "Perpetrator",
    "Pipeline",
    "PipelineError",
    "StoreError",
    "__version__",
    "extract",
]
