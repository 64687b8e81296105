"""The FastAPI application: API routers, pages, static files and error handling in one place."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from incidex.store import open_store
from incidex.web import api_articles, api_incidents, api_stats, pages
from incidex.web.errors import install_error_handlers
from incidex.web.state import AppState

API_DESCRIPTION = """\
Incidents of political violence read from news reports, each field with the span of the
article it was read from. Reads are open; `POST /api/articles` needs the server's token as
`Authorization: Bearer <token>` and is refused when the server has none. Errors answer
`{"error": {"code", "status", "message"}}` with the code of `incidex.errors`.
"""


def create_app(db_url: str | None = None, token: str | None = None) -> FastAPI:
    """The web app over the store at ``db_url`` (default: ``$INCIDEX_DB``, else the user's
    SQLite file). ``token`` enables writes; without one the app is read-only.

    The store opens here, so a bad URL fails before the server starts listening.
    """
    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="incidex",
        description=API_DESCRIPTION,
        version=_version(),
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI, not a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.incidex = AppState(store=store, token=token or None)
    install_error_handlers(app)
    app.middleware("http")(security_headers)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="incidex API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
        )

    app.include_router(api_incidents.router)
    app.include_router(api_articles.router)
    app.include_router(api_stats.router)
    app.include_router(pages.router)
    static = resources.files("incidex.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


#: Scripts only from this server: even if some article text escaped into the markup, a
#: browser would not run it. Inline styles stay allowed (Leaflet positions with them).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if request.url.path != "/api/docs":  # Swagger UI starts itself with an inline script
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    return response


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("incidex")
    except PackageNotFoundError:
        return "0"
