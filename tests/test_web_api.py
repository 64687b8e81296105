"""The JSON API against a real SQLite database built from the factory reports."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="the web extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx2
    from fastapi.testclient import TestClient

from factories import REPORTS, all_reports, make_article, make_incident
from incidex.store import open_store
from incidex.web import create_app

TOKEN = "s3cret-token"
SCRIPT_TEXT = (
    "Gunmen attacked a checkpoint in Kabul on Monday, killing four soldiers, officials said. "
    "<script>alert('x')</script>"
)


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'incidents.db'}"
    store = open_store(url)
    for article, incidents in all_reports():
        store.ingest(article, incidents)
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url, token=None)) as c:
        yield c


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.db'}", token=TOKEN)) as c:
        yield c


def ids(body: dict[str, object]) -> set[str]:
    items = body["items"]
    assert isinstance(items, list)
    return {i["id"] for i in items}


def place_of(body: dict[str, object]) -> set[str | None]:
    items = body["items"]
    assert isinstance(items, list)
    return {i["location"]["name"] for i in items}


# -- listing and filters ---------------------------------------------------------------------


def test_lists_every_incident_newest_first_with_total(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["total"] == 4
    dates = [i["date"]["start"] for i in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert body["next_offset"] is None


def test_pages_with_limit_and_offset(client: TestClient) -> None:
    first = client.get("/api/incidents", params={"limit": 3, "sort": "date"}).json()
    second = client.get("/api/incidents", params={"limit": 3, "offset": 3, "sort": "date"}).json()
    assert first["total"] == second["total"] == 4
    assert first["next_offset"] == 3 and second["next_offset"] is None
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    assert ids(first).isdisjoint(ids(second))


@pytest.mark.parametrize(
    ("params", "places"),
    [
        ({"country": "somalia"}, {"Mogadishu"}),
        ({"country": "AF"}, {"Kabul"}),
        ({"admin1": "Banaadir"}, {"Mogadishu"}),
        ({"perpetrator": "Islamic State"}, {"Kabul"}),
        ({"attack_type": "Hostage Taking (Barricade Incident)"}, {"Mogadishu"}),
        ({"weapon_type": "Firearms"}, {"Mogadishu", "Zamfara"}),
        ({"target_type": "Police"}, {"Kabul"}),
        ({"min_killed": 6}, {"Kabul"}),
        ({"date_from": "2022-01-01", "date_to": "2023-12-31"}, {"Mogadishu", "Zamfara"}),
        ({"bbox": "40,-5,52,12"}, {"Mogadishu"}),
        ({"q": "hotel"}, {"Mogadishu"}),  # only in the article text, not the summary
        ({"q": "amaq website"}, {"Kabul"}),
        ({"q": "kidnap"}, {"Zamfara"}),  # a prefix: "kidnapping"
        ({"q": "hotel kabul"}, set()),  # every word must match
        ({"q": '"unbalanced AND (quote'}, set()),  # FTS syntax in the query is just words
    ],
)
def test_filters(client: TestClient, params: dict[str, object], places: set[str]) -> None:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert place_of(body) == places
    assert body["total"] == len(places)


def test_sorts_by_killed(client: TestClient) -> None:
    body = client.get("/api/incidents", params={"sort": "-killed"}).json()
    killed = [i["casualties"]["killed"] for i in body["items"]]
    assert [k["min"] for k in killed if k] == [12, 5]
    assert killed[-1] is None  # unknown figures sort last


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "status", "where"),
    [
        ({"limit": "lots"}, 422, "query.limit"),
        ({"limit": 100_000}, 422, "query.limit"),
        ({"offset": -1}, 422, "query.offset"),
        ({"date_from": "yesterday"}, 422, "query.date_from"),
        ({"min_killed": -3}, 422, "query.min_killed"),
        ({"sort": "drop table"}, 422, "query.sort"),
        ({"format": "xlsx"}, 422, "query.format"),
        ({"bbox": "1,2,3"}, 400, None),
        ({"bbox": "0,50,10,40"}, 400, None),
        ({"bbox": "0,0,500,10"}, 400, None),
        ({"date_from": "2024-01-02", "date_to": "2024-01-01"}, 400, None),
    ],
)
def test_bad_input_is_a_4xx_with_a_code(
    client: TestClient, params: dict[str, object], status: int, where: str | None
) -> None:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == "E100"
    assert error["status"] == status
    assert error["message"]
    if where:
        assert where in [d["where"] for d in error["details"]]


def test_unknown_incident_is_404_with_the_store_code(client: TestClient) -> None:
    response = client.get("/api/incidents/inc-nothere")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E301"
    assert client.get("/api/articles/art-nothere").json()["error"]["code"] == "E301"


def test_unknown_route_is_json_for_the_api_and_html_for_people(client: TestClient) -> None:
    assert client.get("/api/nothing").json()["error"]["status"] == 404
    page = client.get("/nothing", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")


# -- one incident, one article ---------------------------------------------------------------


def test_incident_detail_has_evidence_that_points_into_its_article(client: TestClient) -> None:
    incident = make_incident("kabul")
    body = client.get(f"/api/incidents/{incident.id}").json()
    assert body["incident"]["casualties"]["killed"]["min"] == 12
    [article] = body["articles"]
    text = article["text"]
    assert article["source"] == "Reuters"
    evidence = body["incident"]["casualties"]["killed"]["evidence"][0]
    assert text[evidence["start"] : evidence["end"]] == "at least 12 people"
    fields = {s["field"] for s in article["spans"]}
    assert {"casualties.killed", "casualties.wounded", "location", "perpetrators.0"} <= fields


def test_article_lists_the_spans_incidents_cite(client: TestClient) -> None:
    article = make_article("mogadishu")
    body = client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == REPORTS["mogadishu"].text
    assert body["incident_ids"] == [make_incident("mogadishu").id]
    spans = {s["field"]: s for s in body["spans"]}
    wounded = spans["casualties.wounded"]
    assert body["text"][wounded["start"] : wounded["end"]] == wounded["text"] == "several guards"
    assert wounded["attributed_to"] == "a police officer"


# -- exports ---------------------------------------------------------------------------------


def test_csv_export_is_the_same_selection(client: TestClient) -> None:
    response = client.get("/api/incidents", params={"format": "csv", "weapon_type": "Firearms"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="incidents.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["country_txt"] for r in rows) == ["Nigeria", "Somalia"]


def test_acled_export_is_the_same_selection(client: TestClient) -> None:
    response = client.get("/api/incidents", params={"format": "acled", "weapon_type": "Firearms"})
    assert response.status_code == 200
    assert 'filename="incidents.acled.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["country"] for r in rows) == ["Nigeria", "Somalia"]
    assert all(r["event_type"] for r in rows)


def test_geojson_export_has_a_point_per_located_incident(client: TestClient) -> None:
    response = client.get("/api/incidents", params={"format": "geojson"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = json.loads(response.text)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 3  # the ramming has no coordinates
    lon, lat = next(
        f["geometry"]["coordinates"] for f in collection["features"]
        if f["properties"].get("city") == "Kabul" or "Kabul" in json.dumps(f["properties"])
    )
    assert (lat, lon) == (pytest.approx(34.5281), pytest.approx(69.1723))


def test_jsonl_export_round_trips_records(client: TestClient) -> None:
    lines = client.get("/api/incidents", params={"format": "jsonl", "country": "NG"}).text.splitlines()
    assert [json.loads(line)["location"]["name"] for line in lines] == ["Zamfara"]


# -- stats and points ------------------------------------------------------------------------


def test_stats_count_by_day_country_perpetrator_and_attack_type(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert (body["total"], body["killed"], body["wounded"]) == (4, 17, 35)
    assert [d["key"] for d in body["by_day"]] == ["2021-08-20", "2022-05-01", "2023-11-18", "2024-03-04"]
    countries = {g["key"]: g["incidents"] for g in body["by_country"]}
    assert countries == {None: 1, "Afghanistan": 1, "Nigeria": 1, "Somalia": 1}
    assert {g["key"] for g in body["by_perpetrator"]} >= {"Islamic State", "Al-Shabaab"}
    attacks = {g["key"]: g["killed"] for g in body["by_attack_type"]}
    assert attacks["Bombing/Explosion"] == 12


def test_stats_follow_the_filters(client: TestClient) -> None:
    body = client.get("/api/stats", params={"country": "Somalia"}).json()
    assert body["total"] == 1 and body["killed"] == 5


def test_points_are_the_located_incidents_worst_first(client: TestClient) -> None:
    body = client.get("/api/points").json()
    assert body["total"] == 4
    assert [p["place"] for p in body["points"]] == [
        "Kabul, Afghanistan", "Mogadishu, Banaadir, Somalia", "Zamfara, Nigeria"
    ]


# -- writes ----------------------------------------------------------------------------------


def test_writes_are_refused_without_a_server_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": REPORTS["kabul"].text},
                           headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "E601"


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
def test_writes_need_the_right_bearer_token(writer: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = writer.post("/api/articles", json={"text": REPORTS["kabul"].text}, headers=headers)
    assert response.status_code == 403
    assert writer.get("/api/incidents").json()["total"] == 0


def test_post_text_extracts_and_stores_incidents(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    payload = {"text": REPORTS["kabul"].text, "published": "2024-03-05", "source": "Reuters",
               "url": "https://news.example.org/kabul", "title": "Kabul bombing"}
    response = writer.post("/api/articles", json=payload, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["is_new"] is True
    assert body["incidents"], "the pipeline found no incident in the Kabul report"
    incident = body["incidents"][0]
    assert incident["location"]["country"] == "Afghanistan"
    stored = writer.get(f"/api/articles/{body['article_id']}").json()
    assert stored["title"] == "Kabul bombing" and stored["published"] == "2024-03-05"
    assert writer.get("/api/incidents").json()["total"] == len(body["incidents"])
    again = writer.post("/api/articles", json=payload, headers=auth).json()
    assert again["is_new"] is False
    assert [i["id"] for i in again["incidents"]] == [i["id"] for i in body["incidents"]]


WEDDING_REPORTS = (
    "A suicide bomber blew himself up at a crowded wedding hall in western Kabul on Sunday, killing 12 "
    "guests, police said. Islamic State claimed the bombing.",
    "The toll from Sunday's suicide bombing at a crowded wedding hall in western Kabul rose to 20 guests, "
    "police said on Monday. Islamic State claimed the attack.",
)


@pytest.mark.parametrize("merge", [True, False])
def test_a_second_report_of_an_event_joins_its_record_unless_told_not_to(
    writer: TestClient, merge: bool
) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for n, (text, day) in enumerate(zip(WEDDING_REPORTS, ("2020-03-02", "2020-03-03"), strict=True)):
        payload = {"text": text, "published": day, "id": f"wedding-{n}", "merge": merge}
        last = writer.post("/api/articles", json=payload, headers=auth)
        assert last.status_code == 201, last.text
    incidents = writer.get("/api/incidents").json()
    if merge:
        assert incidents["total"] == 1
        (record,) = last.json()["incidents"]
        assert record["article_ids"] == ["wedding-0", "wedding-1"]
    else:
        assert incidents["total"] == 2


def test_post_html_reads_the_page(writer: TestClient) -> None:
    html = (
        "<html><head><title>Hotel siege</title></head><body><article><p>"
        + REPORTS["mogadishu"].text + "</p></article></body></html>"
    )
    response = writer.post("/api/articles", json={"html": html, "published": "2023-11-19"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    article = writer.get(f"/api/articles/{response.json()['article_id']}").json()
    assert "Gunmen stormed a hotel" in article["text"]
    assert "<p>" not in article["text"]


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"text": "a", "html": "<p>a</p>"},
        {"text": "Gunmen attacked.", "published": "not a date"},
        {"text": "Gunmen attacked.", "colour": "red"},
    ],
)
def test_post_validation(writer: TestClient, payload: dict[str, object]) -> None:
    response = writer.post("/api/articles", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E100"


def test_post_of_blank_text_is_a_400(writer: TestClient) -> None:
    response = writer.post("/api/articles", json={"text": "   \n "},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E101"


# -- documentation ---------------------------------------------------------------------------


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/articles/{article_id}",
            "/api/articles", "/api/stats"} <= set(spec["paths"])
    parameters = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"q", "bbox", "country", "min_killed", "sort", "limit", "offset", "format"} <= parameters


def test_docs_page_uses_only_vendored_assets(client: TestClient) -> None:
    page = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn." not in page
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
