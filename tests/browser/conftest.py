"""A real server on 127.0.0.1 in a thread, and Debian's Chromium driven by Playwright.

Every test here is skipped, not failed, where Chromium or Playwright is missing: the API
tests cover the server there. Set ``INCIDEX_CHROMIUM`` to use another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factories import REPORTS, all_reports, make_article, make_incident

CHROMIUM = os.environ.get("INCIDEX_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-extensions", "--no-first-run",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]
SCRIPT_ARTICLE = (
    "Gunmen attacked a checkpoint in Kabul on Monday, killing four soldiers, officials said. "
    "<script>window.__pwned = true</script> <img src=x onerror=\"window.__pwned = true\">"
)

def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real headless Chromium")




def script_report() -> tuple[Any, list[Any]]:
    """An article whose text holds markup, with an incident citing it."""
    article = make_article("kabul", text=SCRIPT_ARTICLE, id="art-script")
    incident = make_incident("kabul")
    data = incident.model_dump()
    data["id"] = "inc-script"
    data["article_ids"] = ["art-script"]
    data["summary"] = "Gunmen attacked a checkpoint <script>window.__pwned = true</script>"
    data["casualties"]["killed"] = {
        "min": 4, "max": 4, "exact": True,
        "evidence": [{"article_id": "art-script", "start": SCRIPT_ARTICLE.index("killing four"),
                      "end": SCRIPT_ARTICLE.index("killing four") + len("killing four soldiers"),
                      "text": "killing four soldiers", "attributed_to": "officials"}],
    }
    data["casualties"]["wounded"] = None
    for key in ("date", "location"):
        data[key]["evidence"] = []
    data["perpetrators"] = []
    data["evidence"] = {}
    return article, [type(incident).model_validate(data)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("fastapi", reason="fastapi is not installed")
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
    from incidex.store import open_store
    from incidex.web import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'browser.db'}"
    store = open_store(url)
    for article, incidents in [*all_reports(), script_report()]:
        store.ingest(article, incidents)
    store.close()
    port = _free_port()
    config = uvicorn.Config(create_app(url, token=None), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.errors = []
    tab.external = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))

    def local_only(route: Any) -> None:  # every asset is vendored: nothing may leave the machine
        if route.request.url.startswith("http://127.0.0.1"):
            route.continue_()
        else:
            tab.external.append(route.request.url)
            route.abort()

    tab.route("**/*", local_only)
    yield tab
    context.close()


__all__ = ["REPORTS"]

