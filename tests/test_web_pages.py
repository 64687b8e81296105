"""The server-rendered pages (no browser): escaping, evidence marks, links; and the pieces
under them (evidence segments, full-text search with and without FTS5)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from factories import all_reports, make_article, make_incident
from incidex.record import Evidence, Incident
from incidex.store import IncidentFilter, open_store
from incidex.web import create_app
from incidex.web.evidence import CitedSpan, locate, segments

EVIL = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"


def evil_report() -> tuple[object, list[Incident]]:
    text = f"Gunmen killed four soldiers in Kabul on Monday. {EVIL} Officials said so."
    article = make_article("kabul", text=text, id="art-evil")
    data = make_incident("kabul").model_dump()
    start = text.index("four soldiers")
    data.update(
        id="inc-evil", article_ids=["art-evil"], summary=f"Attack {EVIL}", perpetrators=[],
        evidence={"attack_types": [{"article_id": "art-evil", "start": text.index(EVIL),
                                    "end": text.index(EVIL) + len(EVIL), "text": EVIL}]},
    )
    data["casualties"] = {"killed": {"min": 4, "max": 4, "exact": True, "evidence": [
        {"article_id": "art-evil", "start": start, "end": start + 13, "text": "four soldiers"}]}}
    data["date"]["evidence"] = []
    data["location"]["evidence"] = []
    data["location"]["name"] = "<b>Kabul</b>"
    return article, [Incident.model_validate(data)]


TWO_ATTACKS = ("A bomb killed three people in Kabul on Monday. On Tuesday gunmen wounded five guards "
               "in Kandahar, police said.")


def two_attacks_report() -> tuple[object, list[Incident]]:
    """One article reporting two incidents, each citing its own casualty figure."""
    article = make_article("kabul", text=TWO_ATTACKS, id="art-two")
    incidents = []
    for suffix, field, quote in (("a", "killed", "three people"), ("b", "wounded", "five guards")):
        data = make_incident("kabul").model_dump()
        start = TWO_ATTACKS.index(quote)
        data.update(id=f"inc-two-{suffix}", article_ids=["art-two"], perpetrators=[], evidence={},
                    human_targets=[], physical_targets=[], weapons=[])
        data["casualties"] = {field: {"min": 3, "max": 3, "exact": True, "evidence": [
            {"article_id": "art-two", "start": start, "end": start + len(quote), "text": quote}]}}
        data["date"]["evidence"] = []
        data["location"]["evidence"] = []
        incidents.append(Incident.model_validate(data))
    return article, incidents


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'pages.db'}"
    store = open_store(url)
    for article, incidents in [*all_reports(), evil_report(), two_attacks_report()]:
        store.ingest(article, incidents)  # type: ignore[arg-type]
    store.close()
    with TestClient(create_app(url)) as c:
        yield c


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def test_article_markup_is_escaped_on_the_incident_page(client: TestClient) -> None:
    response = client.get("/incidents/inc-evil")
    assert response.status_code == 200
    html = response.text
    assert EVIL not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&lt;b&gt;Kabul&lt;/b&gt;" in html
    tags = parse(html)
    assert "img" not in tags.tags and "b" not in tags.tags
    assert all(s.get("src", "").startswith("/static/") for s in tags.scripts)  # no inline script


def test_article_markup_is_escaped_in_the_table(client: TestClient) -> None:
    html = client.get("/", params={"q": "soldiers"}).text
    assert "&lt;b&gt;Kabul&lt;/b&gt;" in html
    assert "<b>Kabul</b>" not in html


def test_pages_forbid_inline_scripts(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    scripts = policy.split("script-src")[1].split(";")[0]
    assert "'self'" in scripts and "unsafe-inline" not in scripts
    assert client.get("/incidents/inc-evil").headers["x-content-type-options"] == "nosniff"


def test_incident_page_marks_each_fields_evidence(client: TestClient) -> None:
    incident = make_incident("kabul")
    html = client.get(f"/incidents/{incident.id}").text
    marks = dict(re.findall(r'<mark class="ev-span" data-fields="([^"]+)">([^<]*)</mark>', html))
    assert marks["casualties.killed"] == "at least 12 people"
    assert marks["casualties.wounded"] == "30 others"
    assert 'data-field="casualties.killed"' in html  # the field a reader hovers


def test_article_page_marks_the_evidence_of_every_incident_read_from_it(client: TestClient) -> None:
    response = client.get("/articles/art-two")
    assert response.status_code == 200
    html = response.text
    marks = {text: (keys, title) for keys, title, text in re.findall(
        r'<mark class="ev-span" data-fields="([^"]+)" title="([^"]*)">([^<]*)</mark>', html)}
    assert marks["three people"] == ("i0 i0.casualties.killed", "Killed (incident 1)")
    assert marks["five guards"] == ("i1 i1.casualties.wounded", "Wounded (incident 2)")
    assert 'data-field="i0.casualties.killed"' in html and 'data-field="i1"' in html  # hover targets
    assert 'href="/incidents/inc-two-a"' in html and 'href="/incidents/inc-two-b"' in html
    text = re.search(r'<div class="article-text">(.*?)</div>', html, re.S)
    assert text is not None and re.sub(r"<[^>]+>", "", text.group(1)) == TWO_ATTACKS


def test_article_markup_is_escaped_on_the_article_page(client: TestClient) -> None:
    html = client.get("/articles/art-evil").text
    assert EVIL not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    tags = parse(html)
    assert "img" not in tags.tags and "b" not in tags.tags
    assert [s.get("src") for s in tags.scripts] == ["/static/incident.js"]


def test_incident_page_links_to_its_articles_page(client: TestClient) -> None:
    assert 'href="/articles/art-two"' in client.get("/incidents/inc-two-b").text


def test_unknown_article_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/articles/nope", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_overview_table_filters_and_links(client: TestClient) -> None:
    html = client.get("/", params={"country": "Somalia"}).text
    rows = re.findall(r'<tr data-id="([^"]+)"', html)
    assert rows == [make_incident("mogadishu").id]
    assert f'href="/incidents/{rows[0]}"' in html
    assert "/api/incidents?country=Somalia&amp;format=csv" in html
    assert 'value="Somalia"' in html


def test_overview_rejects_bad_filters_with_an_html_error(client: TestClient) -> None:
    response = client.get("/", params={"min_killed": "many"}, headers={"accept": "text/html"})
    assert response.status_code == 422
    assert "E100" in response.text and response.headers["content-type"].startswith("text/html")


def test_unsafe_article_urls_are_not_links(tmp_path: object) -> None:
    from incidex.web.templating import http_url

    assert http_url("javascript:alert(1)") is None
    assert http_url(" https://example.org/a ") == "https://example.org/a"


# -- evidence segments -----------------------------------------------------------------------


def span(field: str, start: int, end: int, text: str) -> CitedSpan:
    return CitedSpan("inc-1", field, field, start, end, text[start:end], None)


def test_segments_cover_the_text_and_keep_overlaps() -> None:
    text = "Gunmen killed five guests in Mogadishu."
    spans = [span("perp", 0, 6, text), span("killed", 7, 25, text), span("victims", 19, 25, text)]
    pieces = segments(text, spans)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.fields) for p in pieces if p.fields] == [
        ("Gunmen", ["perp"]), ("killed five ", ["killed"]), ("guests", ["killed", "victims"]),
    ]


def test_stale_offsets_are_found_by_their_quote() -> None:
    text = "Police said 12 people died."
    moved = Evidence(article_id="a", start=0, end=9, text="12 people")
    assert locate(text, moved) == (12, 21)
    assert locate(text, Evidence(article_id="a", start=0, end=3, text="absent")) is None


# -- full-text search: FTS5 and the portable fallback agree ---------------------------------


@pytest.mark.parametrize("query", ["hotel", "kidnap", "amaq website", "police", "zzz", "Somal"])
def test_fallback_search_agrees_with_fts5(tmp_path: object, query: str) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    store = open_store(f"sqlite:///{tmp_path / 's.db'}")
    for article, incidents in all_reports():
        store.ingest(article, incidents)
    with_fts = {i.id for i in store.list_incidents(IncidentFilter(query=query))}
    store._fts = False  # as on a database without FTS5
    without = {i.id for i in store.list_incidents(IncidentFilter(query=query))}
    store.close()
    assert with_fts == without


def test_index_covers_records_stored_before_it_existed(tmp_path: object) -> None:
    from pathlib import Path

    from sqlalchemy import text

    assert isinstance(tmp_path, Path)
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = open_store(url)
    with store.engine.begin() as connection:  # an older database, written before the index
        for name in ("incident_search", "article_search", "incident_search_docs",
                     "article_search_docs"):
            connection.execute(text(f"DROP TABLE {name}"))
        for trigger in ("incident_search_ai", "incident_search_au", "incident_search_ad",
                        "article_search_ai", "article_search_ad"):
            connection.execute(text(f"DROP TRIGGER {trigger}"))
    for article, incidents in all_reports():
        store.ingest(article, incidents)
    store.close()
    reopened = open_store(url)
    found = reopened.list_incidents(IncidentFilter(query="hotel"))
    reopened.close()
    assert [i.location.name for i in found] == ["Mogadishu"]


def test_merged_incident_page_shows_each_sources_figure_and_the_rule(tmp_path: object) -> None:
    from incidex.dedup import merge
    from incidex.record import Casualties, Count

    first_text = "A suicide bomber killed 12 people outside a police station in Kabul, police said."
    second_text = "The toll from Monday's bombing of a Kabul police station rose to 15, officials said."
    first = make_article("kabul", text=first_text, id="art-first")
    second = make_article("kabul", text=second_text, id="art-second")
    reports = []
    for article, text, quote, n in ((first, first_text, "12 people", 12), (second, second_text, "15", 15)):
        start = text.index(quote)
        evidence = [Evidence(article_id=article.id, start=start, end=start + len(quote), text=quote)]
        base = make_incident("kabul")
        reports.append(base.model_copy(update={
            "id": f"inc-{article.id}", "article_ids": [article.id], "evidence": {},
            "human_targets": [], "physical_targets": [], "weapons": [], "perpetrators": [],
            "casualties": Casualties(killed=Count.exactly(n, evidence)),
        }))
    merged = merge(reports, {first.id: first, second.id: second})
    url = f"sqlite:///{tmp_path}/merged.db"
    with open_store(url) as store:
        store.ingest(first, [])
        store.ingest(second, [merged])
    page = TestClient(create_app(url, None)).get(f"/incidents/{merged.id}").text
    figures = page[page.index("Casualties by source"):]
    assert "<strong class=\"num\">12</strong>" in figures
    assert "<strong class=\"num\">15</strong>" in figures
    assert merged.reconciliation.get("killed") and merged.reconciliation["killed"] in figures
