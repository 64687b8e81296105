"""``incidex watch``: new items are ingested exactly once, across restarts; changes are reported
through filters; fetching refuses what it must. Servers run on 127.0.0.1 only."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidex.article import Article
from incidex.cli import app
from incidex.errors import InputError, InputTooLargeError
from incidex.record import Casualties, Count, Entity, Incident, IncidentDate, Location, Perpetrator
from incidex.store import IncidentStore, open_store
from incidex.watch import (
    FetchPolicy,
    Notifier,
    WatchFilter,
    WatchOptions,
    check_url,
    fetch,
    parse_every,
    poll_once,
)

KABUL = Location(name="Kabul", admin1="Kabul", country="Afghanistan", country_code="AF",
                 lat=34.53, lon=69.17, specificity=1)
ITEMS = {
    "wedding-1": "A suicide bomber blew himself up at a wedding hall in western Kabul, killing 12 guests.",
    "wedding-2": "The death toll from the suicide bombing at a Kabul wedding hall rose to 20, police said.",
    "market": "Gunmen attacked a police checkpoint in eastern Kabul, killing two officers.",
}
KILLED = {"wedding-1": 12, "wedding-2": 20, "market": 2}


def extract(article: Article) -> list[Incident]:
    """A stand-in for the pipeline: the incident each canned item reports."""
    name = next(k for k, text in ITEMS.items() if text in article.text)
    wedding = name.startswith("wedding")
    return [Incident(
        id=f"inc-{article.id}",
        article_ids=[article.id],
        summary=ITEMS[name],
        date=IncidentDate(start=dt.date(2020, 3, 2), end=dt.date(2020, 3, 2)),
        location=KABUL,
        attack_types=["Bombing/Explosion" if wedding else "Armed Assault"],
        perpetrators=[Perpetrator(name="Islamic State" if wedding else "Taliban",
                                  canonical="Islamic State" if wedding else "Taliban")],
        human_targets=[Entity(mentions=["wedding guests" if wedding else "police officers"])],
        casualties=Casualties(killed=Count.exactly(KILLED[name])),
    )]


def rss(names: list[str]) -> bytes:
    items = "".join(
        f"<item><guid>{n}</guid><title>{n}</title><description>{ITEMS[n]}</description>"
        "<pubDate>Mon, 02 Mar 2020 10:00:00 GMT</pubDate></item>"
        for n in names
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>").encode()


class Server:
    """A feed at /feed.xml and a webhook at /hook, on 127.0.0.1."""

    def __init__(self) -> None:
        self.feed = rss(["wedding-1", "market"])
        self.posts: list[dict[str, object]] = []
        self.user_agents: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.user_agents.append(self.headers.get("User-Agent", ""))
                if self.path == "/redirect":
                    self.send_response(302)
                    self.send_header("Location", "ftp://127.0.0.1/feed.xml")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(server.feed)))
                self.end_headers()
                self.wfile.write(server.feed)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                server.posts.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


LOCAL = WatchOptions(policy=FetchPolicy(allow_private=True, timeout=5))


@pytest.fixture
def store(store_url: str) -> Iterator[IncidentStore]:
    with open_store(store_url, merge=True) as s:
        yield s


def poll(
    store: IncidentStore, source: str, filters: list[WatchFilter] | None = None
) -> list[dict[str, object]]:
    sent: list[str] = []
    poll_once(store, [source], extract, Notifier(stdout=sent.append), filters or [], LOCAL)
    return [json.loads(line) for line in sent]


def test_new_items_are_ingested_once_and_reported(server: Server, store: IncidentStore) -> None:
    feed = server.url + "/feed.xml"
    first = poll(store, feed)
    assert sorted(m["event"] for m in first) == ["new", "new"]
    assert store.count_incidents() == 2
    assert poll(store, feed) == []  # nothing new

    server.feed = rss(["wedding-1", "market", "wedding-2"])
    (update,) = poll(store, feed)

    assert update["event"] == "updated"  # the second wedding report merged into the first
    incident = update["incident"]
    assert isinstance(incident, dict) and len(incident["article_ids"]) == 2
    assert store.count_incidents() == 2
    assert all(ua.startswith("incidex/") for ua in server.user_agents)


def test_the_seen_items_survive_a_restart(server: Server, store_url: str) -> None:
    feed = server.url + "/feed.xml"
    with open_store(store_url, merge=True) as first:
        assert len(poll(first, feed)) == 2
    with open_store(store_url, merge=True) as second:
        assert poll(second, feed) == []
        assert second.counts() == {"articles": 2, "incidents": 2}


def test_filters_choose_what_is_reported(server: Server, store: IncidentStore) -> None:
    wanted = WatchFilter.parse("country=Afghanistan, killed>=10")
    (message,) = poll(store, server.url + "/feed.xml", [wanted])
    assert message["filter"] == "country=Afghanistan, killed>=10"
    assert isinstance(message["incident"], dict) and message["incident"]["summary"] == ITEMS["wedding-1"]


@pytest.mark.parametrize(
    ("spec", "matches"),
    [("country=af", True), ("place=Kabul,killed>=12", True), ("killed>12", False),
     ("perpetrator=islamic state", True), ("attack_type=Armed Assault", False), ("country!=Iraq", True),
     ("text=wedding hall", True)],
)
def test_filter_conditions(spec: str, matches: bool) -> None:
    (incident,) = extract(Article(text=ITEMS["wedding-1"], id="a"))
    assert WatchFilter.parse(spec).matches(incident) is matches


@pytest.mark.parametrize("spec", ["", "killed>=many", "colour=red", "country>=3", "nonsense"])
def test_bad_filters_are_input_errors(spec: str) -> None:
    with pytest.raises(InputError):
        WatchFilter.parse(spec)


def test_folders_are_watched_too(tmp_path: Path, store: IncidentStore) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text(ITEMS["wedding-1"])
    assert [m["event"] for m in poll(store, str(folder))] == ["new"]
    (folder / "two.txt").write_text(ITEMS["wedding-2"])
    assert [m["event"] for m in poll(store, str(folder))] == ["updated"]
    assert poll(store, str(folder)) == []


def test_private_addresses_are_refused_unless_allowed(server: Server) -> None:
    with pytest.raises(InputError, match="not a public address"):
        fetch(server.url + "/feed.xml", FetchPolicy())
    with pytest.raises(InputError, match="not a public address"):
        check_url("http://localhost/feed", FetchPolicy())
    with pytest.raises(InputError, match="only http and https"):
        check_url("file:///etc/passwd", FetchPolicy(allow_private=True))
    assert fetch(server.url + "/feed.xml", FetchPolicy(allow_private=True)).startswith(b"<?xml")


def test_redirects_are_checked_too(server: Server) -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetch(server.url + "/redirect", FetchPolicy(allow_private=True))


def test_responses_over_the_size_limit_are_refused(server: Server) -> None:
    with pytest.raises(InputTooLargeError):
        fetch(server.url + "/feed.xml", FetchPolicy(allow_private=True, max_bytes=100))


def test_webhooks_receive_each_report(server: Server, store: IncidentStore) -> None:
    notifier = Notifier(webhooks=[server.url + "/hook"], policy=LOCAL.policy)
    poll_once(store, [server.url + "/feed.xml"], extract, notifier, [], LOCAL)
    assert sorted(str(p["article_id"]) for p in server.posts) == sorted(store.counts() and [
        a for i in store.list_incidents() for a in i.article_ids])
    assert all(p["event"] == "new" for p in server.posts)


def test_durations() -> None:
    assert [parse_every(v) for v in ("90", "30s", "10m", "2h", "1d")] == [90, 30, 600, 7200, 86400]
    with pytest.raises(InputError):
        parse_every("soon")


def test_cli_watch_once_reports_matching_incidents_then_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "kabul.txt").write_text(
        "KABUL (Reuters) - A suicide bomber killed at least 12 people and wounded 30 others outside "
        "a police station in Kabul on Monday, police said. The Islamic State group claimed it."
    )
    db = f"sqlite:///{tmp_path / 'w.db'}"
    out = tmp_path / "reports.jsonl"
    args = ["watch", str(folder), "--once", "--db", db, "--filter", "country=Afghanistan,killed>=1",
            "--save-filters", "--jsonl", str(out), "--published", "2024-03-05"]
    runner = CliRunner()

    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    (line,) = [json.loads(x) for x in first.stdout.splitlines() if x.startswith("{")]
    assert line["event"] == "new" and line["filter"] == "country=Afghanistan,killed>=1"
    assert out.read_text().count("\n") == 1

    again = runner.invoke(app, ["watch", str(folder), "--once", "--db", db])  # the saved filter
    assert again.exit_code == 0 and not [x for x in again.stdout.splitlines() if x.startswith("{")]
