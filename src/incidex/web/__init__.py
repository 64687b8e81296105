"""The analyst's view: a JSON API (OpenAPI at /openapi.json) and pages with a map, a timeline,
a table and the evidence of every field, served from one process with every asset vendored.

FastAPI, uvicorn and Jinja2 are needed only here, so importing :mod:`incidex` never needs
them; :func:`serve` says which is missing when one is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from incidex.web.server import TOKEN_ENV, serve

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_url: str | None = None, token: str | None = None) -> FastAPI:
    """See :func:`incidex.web.app.create_app`."""
    from incidex.web.app import create_app as _create_app

    return _create_app(db_url, token)

__all__ = ["TOKEN_ENV", "create_app", "serve"]
