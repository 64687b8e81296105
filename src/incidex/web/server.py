"""Running the app: what ``incidex serve`` calls."""

from __future__ import annotations

import logging
import os

from incidex.errors import IncidexError

#: The environment variable holding the write token when ``--token`` is not given.
TOKEN_ENV = "INCIDEX_TOKEN"

log = logging.getLogger(__name__)


def serve(db_url: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None) -> None:
    """Serve the API and the pages until interrupted. ``token`` (else ``$INCIDEX_TOKEN``)
    allows writes; without one the server is read-only."""
    try:
        import uvicorn

        from incidex.web.app import create_app
    except ModuleNotFoundError as exc:
        raise IncidexError(
            f"the web server needs {exc.name!r}, which is not installed "
            "(pip install fastapi uvicorn jinja2)"
        ) from exc

    token = token or os.environ.get(TOKEN_ENV) or None
    app = create_app(db_url, token)
    if token and host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("writes are enabled on %s: the token travels in clear text without TLS", host)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
