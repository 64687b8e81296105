"""Errors of the web layer, and the one place every error becomes a response.

    IncidexError (incidex.errors)     its own code and ``http_status``
    └── WebError               E600  the HTTP request cannot be served
        └── WriteForbiddenError E601  a write without the server's token (403)

API paths (``/api/...``) answer ``{"error": {"code", "status", "message", "details"}}``;
pages answer the same facts as HTML. Request validation (pydantic) becomes E100 with 422,
and Starlette's own HTTP errors (unknown route, wrong method) keep their status.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from incidex.errors import IncidexError, InputError

log = logging.getLogger(__name__)


class WebError(IncidexError):
    code = "E600"
    http_status = 400


class WriteForbiddenError(WebError):
    code = "E601"
    http_status = 403


def install_error_handlers(app: FastAPI) -> None:
    async def on_incidex_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, IncidexError)
        if exc.http_status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc)
        return error_response(request, exc.http_status, exc.code, exc.message)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "problem": err.get("msg", "")}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return error_response(request, 422, InputError.code, f"invalid request: {summary}", details)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return error_response(request, exc.status_code, f"HTTP{exc.status_code}", str(exc.detail))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(request, 500, IncidexError.code, "internal error (see the server log)")

    app.add_exception_handler(IncidexError, on_incidex_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)


def error_response(
    request: Request, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> Response:
    if wants_html(request):
        from incidex.web.templating import templates

        return templates.TemplateResponse(
            request, "error.html", {"status": status, "code": code, "message": message},
            status_code=status,
        )
    body: dict[str, Any] = {"code": code, "status": status, "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": jsonable_encoder(body)}, status_code=status)


def wants_html(request: Request) -> bool:
    """Pages get HTML errors; the API, static files and everything else get JSON."""
    path = request.url.path
    if path.startswith(("/api/", "/static/", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")


__all__ = ["WebError", "WriteForbiddenError", "error_response", "install_error_handlers"]


