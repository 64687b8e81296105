"""What every request shares: the store, the write token, and the pipeline (built on first use)."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from incidex.pipeline.runner import Pipeline, default_pipeline
from incidex.store import IncidentStore
from incidex.web.errors import WriteForbiddenError


@dataclass
class AppState:
    store: IncidentStore
    token: str | None
    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def pipeline(self) -> Pipeline:
        with self._lock:  # the rule pipeline loads lexicons and the gazetteer once
            if self._pipeline is None:
                self._pipeline = default_pipeline()
            return self._pipeline


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.incidex
    return state


def get_store(state: Annotated[AppState, Depends(app_state)]) -> IncidentStore:
    return state.store


def require_token(request: Request, state: Annotated[AppState, Depends(app_state)]) -> None:
    """Writes need the server's token as ``Authorization: Bearer <token>``.

    A server started without a token refuses every write, so a read-only deployment cannot
    be written to by accident.
    """
    if not state.token:
        raise WriteForbiddenError("this server is read-only: start it with --token to allow writes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), state.token.encode()
    ):
        raise WriteForbiddenError("writes need the server's token as 'Authorization: Bearer <token>'")


StoreDep = Annotated[IncidentStore, Depends(get_store)]
StateDep = Annotated[AppState, Depends(app_state)]
