from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

from factories import REPORTS, all_reports, make_article, make_incident, make_report
from incidex.article import Article
from incidex.errors import InputError, NotFoundError, StoreError
from incidex.record import Incident
from incidex.store import IncidentFilter, IncidentStore, default_db_url, open_store
from incidex.store.tables import IncidentArticleRow


@pytest.fixture
def store(store_url: str) -> Iterator[IncidentStore]:
    """An empty store on each database the suite runs against (see conftest.py)."""
    with open_store(store_url) as s:
        yield s


@pytest.fixture
def loaded(store: IncidentStore) -> IncidentStore:
    store.ingest_many(all_reports())
    return store


def names(incidents: list[Incident]) -> list[str]:
    by_id = {make_incident(name).id: name for name in REPORTS}
    return [by_id[i.id] for i in incidents]


# -- ingest ---------------------------------------------------------------------------------


def test_ingest_stores_the_full_record_with_evidence(store: IncidentStore) -> None:
    article, incidents = make_report("kabul")
    result = store.ingest(article, incidents)

    assert result.is_new and result.article_id == article.id
    assert result.incident_ids == [incidents[0].id]
    assert result.incidents_inserted == 1
    stored = store.get_incident(incidents[0].id)
    assert stored == incidents[0]
    assert stored.casualties.killed is not None
    ev = stored.casualties.killed.evidence[0]
    assert article.text[ev.start : ev.end] == "at least 12 people"
    assert store.get_article(article.id) == article


def test_same_article_twice_is_stored_once_and_incidents_not_duplicated(
    store: IncidentStore,
) -> None:
    article, incidents = make_report("kabul")
    first = store.ingest(article, incidents)
    second = store.ingest(article, incidents)

    assert not second.is_new
    assert second.article_id == first.article_id
    assert second.incident_ids == []
    assert store.counts() == {"articles": 1, "incidents": 1}


def test_same_text_under_another_id_and_spacing_returns_the_stored_article(
    store: IncidentStore,
) -> None:
    article = make_article("kabul")
    store.add_article(article)
    respaced = Article(text="  " + article.text.replace(" ", "\n ", 3), id="feed-item-7")

    stored_id, is_new = store.add_article(respaced)

    assert (stored_id, is_new) == (article.id, False)
    assert store.has_article(respaced.hash)
    assert store.counts()["articles"] == 1


def test_an_id_taken_by_another_text_is_replaced_everywhere_in_the_incident(
    store: IncidentStore,
) -> None:
    store.add_article(make_article("kabul", id="feed-1"))
    article = make_article("mogadishu", id="feed-1")
    incident = make_incident("mogadishu", article)

    result = store.ingest(article, [incident])

    assert result.is_new and result.article_id != "feed-1"
    stored = store.get_incident(incident.id)
    assert stored.article_ids == [result.article_id]
    assert stored.location.evidence[0].article_id == result.article_id
    assert stored.casualties.killed is not None
    assert stored.casualties.killed.evidence[0].article_id == result.article_id
    assert store.get_article(result.article_id).text == article.text


def test_an_incident_reported_by_a_second_article_is_updated_not_duplicated(
    store: IncidentStore,
) -> None:
    article, [incident] = make_report("kabul")
    store.ingest(article, [incident])
    follow_up = Article(text="Kabul death toll rises to 15, police say.", id="art-followup")
    revised = incident.model_copy(
        update={"article_ids": [follow_up.id], "summary": "Toll rises to 15."}
    )

    result = store.ingest(follow_up, [revised])

    assert (result.incidents_inserted, result.incidents_updated) == (0, 1)
    assert store.counts() == {"articles": 2, "incidents": 1}
    stored = store.get_incident(incident.id)
    assert stored.summary == "Toll rises to 15."
    assert stored.article_ids == [article.id, follow_up.id]  # the first report is kept
    with store.engine.connect() as conn:
        links = conn.execute(select(IncidentArticleRow.article_id)).scalars().all()
    assert sorted(links) == sorted([article.id, follow_up.id])


def test_ingest_many_counts_new_and_known_articles(store: IncidentStore) -> None:
    items = [*all_reports(), make_report("kabul"), make_report("zamfara")]

    summary = store.ingest_many(items, batch_size=2)

    assert summary.articles_new == len(REPORTS)
    assert summary.articles_existing == 2
    assert summary.incidents_inserted == len(REPORTS)
    assert summary.batches == 3
    assert store.counts() == {"articles": len(REPORTS), "incidents": len(REPORTS)}


def test_ingest_many_uses_a_few_statements_per_batch_not_per_article(
    store: IncidentStore,
) -> None:
    items = [make_report("kabul")]
    for n in range(60):
        article = make_article("kabul", text=f"Report {n}: " + REPORTS["kabul"].text)
        items.append((article, [make_incident("kabul", article)]))
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(store.engine, "before_cursor_execute", count)
    summary = store.ingest_many(items, batch_size=100, merge=False)

    assert summary.incidents_inserted == 61
    assert len(statements) < 15, statements


def test_many_reports_of_one_event_merge_into_one_record(store: IncidentStore) -> None:
    items = [make_report("kabul")]
    for n in range(30):
        article = make_article("kabul", text=f"Report {n}: " + REPORTS["kabul"].text)
        items.append((article, [make_incident("kabul", article)]))

    summary = store.ingest_many(items, batch_size=7, merge=True)

    assert (summary.incidents_inserted, summary.incidents_updated) == (1, 30)
    (merged,) = store.list_incidents()
    assert len(merged.article_ids) == 31 and len(merged.reports) == 31


def test_ingest_rejects_a_batch_size_below_one(store: IncidentStore) -> None:
    with pytest.raises(InputError):
        store.ingest_many(all_reports(), batch_size=0)


# -- reading --------------------------------------------------------------------------------


def test_missing_ids_raise_not_found(loaded: IncidentStore) -> None:
    with pytest.raises(NotFoundError, match="inc-nope"):
        loaded.get_incident("inc-nope")
    with pytest.raises(NotFoundError, match="art-nope"):
        loaded.get_article("art-nope")
    assert not loaded.has_article("0" * 64)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (IncidentFilter(date_from=dt.date(2023, 1, 1)), {"kabul", "mogadishu"}),
        (IncidentFilter(date_to=dt.date(2022, 12, 31)), {"zamfara", "ramming"}),
        (IncidentFilter(country="somalia"), {"mogadishu"}),
        (IncidentFilter(country="ng"), {"zamfara"}),
        (IncidentFilter(admin1="BANAADIR"), {"mogadishu"}),
        (IncidentFilter(perpetrator="islamic state"), {"kabul"}),
        (IncidentFilter(perpetrator="The Islamic State group"), {"kabul"}),
        (IncidentFilter(attack_type="armed assault"), {"mogadishu"}),
        (IncidentFilter(attack_type="Hostage Taking (Barricade Incident)"), {"mogadishu"}),
        (IncidentFilter(weapon_type="Explosives"), {"kabul", "mogadishu"}),
        (IncidentFilter(weapon_type="firearms"), {"mogadishu", "zamfara"}),
        (IncidentFilter(target_type="police"), {"kabul"}),
        (
            IncidentFilter(target_type="Private Citizens & Property"),
            {"mogadishu", "zamfara", "ramming"},
        ),
        (IncidentFilter(min_killed=5), {"kabul", "mogadishu"}),
        (IncidentFilter(min_killed=6), {"kabul"}),
        (IncidentFilter(text="POLICE STATION"), {"kabul"}),
        (IncidentFilter(text='"killing'), {"mogadishu"}),
        (IncidentFilter(text="%"), set()),
        (IncidentFilter(bbox=(40.0, -5.0, 75.0, 40.0)), {"kabul", "mogadishu"}),
        (IncidentFilter(bbox=(60.0, 0.0, 10.0, 40.0)), {"kabul", "zamfara"}),  # crosses 180°
        (IncidentFilter(country="Afghanistan", weapon_type="Firearms"), set()),
        (IncidentFilter(country=""), set(REPORTS)),
        (None, set(REPORTS)),
    ],
)
def test_filters(loaded: IncidentStore, filters: IncidentFilter | None, expected: set[str]) -> None:
    assert set(names(loaded.list_incidents(filters))) == expected
    assert loaded.count_incidents(filters) == len(expected)


def test_sort_puts_unknown_values_last_both_ways(loaded: IncidentStore) -> None:
    assert names(loaded.list_incidents(sort="-date")) == [
        "kabul",
        "mogadishu",
        "zamfara",
        "ramming",
    ]
    assert names(loaded.list_incidents(sort="date")) == ["ramming", "zamfara", "mogadishu", "kabul"]
    assert names(loaded.list_incidents(sort="-killed"))[:2] == ["kabul", "mogadishu"]
    assert names(loaded.list_incidents(sort="killed"))[:2] == ["mogadishu", "kabul"]
    assert names(loaded.list_incidents(sort="-wounded")) == [
        "kabul",
        "ramming",
        "mogadishu",
        "zamfara",
    ]


def test_pages_cover_every_incident_once(loaded: IncidentStore) -> None:
    pages = [loaded.list_incidents(limit=3, offset=o, sort="date") for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 1, 0]
    assert names(pages[0] + pages[1]) == names(loaded.list_incidents(sort="date"))


def test_bad_sort_or_page_is_an_input_error(loaded: IncidentStore) -> None:
    with pytest.raises(InputError, match="choose one of"):
        loaded.list_incidents(sort="casualties")
    with pytest.raises(InputError):
        loaded.list_incidents(limit=-1)
    with pytest.raises(InputError, match="min_lat"):
        loaded.list_incidents(IncidentFilter(bbox=(0.0, 10.0, 5.0, -10.0)))


def test_iter_incidents_streams_every_match(loaded: IncidentStore) -> None:
    everything = list(loaded.iter_incidents(batch=1))
    assert names(everything) == ["ramming", "zamfara", "mogadishu", "kabul"]
    assert names(list(loaded.iter_incidents(IncidentFilter(min_killed=1)))) == [
        "mogadishu",
        "kabul",
    ]


# -- opening --------------------------------------------------------------------------------


def test_an_unwritable_path_is_a_store_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(f"sqlite:///{not_a_folder / 'incidex.db'}")


def test_a_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        open_store("not a url")
    with pytest.raises(StoreError):
        open_store("nosuchdb://host/db")


def test_default_url_honours_env_then_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INCIDEX_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_url() == f"sqlite:///{tmp_path / 'data' / 'incidex' / 'incidex.db'}"
    assert (tmp_path / "data" / "incidex").is_dir()
    monkeypatch.setenv("INCIDEX_DB", "sqlite:///elsewhere.db")
    assert default_db_url() == "sqlite:///elsewhere.db"


def test_open_store_without_url_uses_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INCIDEX_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with open_store() as s:
        s.add_article(make_article())
    assert (tmp_path / "env.db").exists()


def test_sqlite_uses_wal_and_foreign_keys(store: IncidentStore) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_the_store_persists_across_opens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'incidex.db'}"
    with open_store(url) as s:
        s.ingest_many(all_reports())
    with open_store(url) as s:
        assert s.counts() == {"articles": len(REPORTS), "incidents": len(REPORTS)}


def test_an_update_replaces_the_filterable_values(store: IncidentStore) -> None:
    article, [incident] = make_report("kabul")
    store.ingest(article, [incident])
    follow_up = Article(text="It was a rocket attack, officials now say.", id="art-rocket")
    corrected = incident.model_copy(update={"weapon_types": ["Incendiary"], "article_ids": []})

    store.ingest(follow_up, [corrected])

    assert store.count_incidents(IncidentFilter(weapon_type="Explosives")) == 0
    assert store.count_incidents(IncidentFilter(weapon_type="Incendiary")) == 1
    assert store.get_incident(incident.id).article_ids == [article.id, follow_up.id]


def test_one_incident_from_two_articles_in_one_batch(store: IncidentStore) -> None:
    first, [incident] = make_report("kabul")
    second = make_article("kabul", text="Updated: " + first.text)

    summary = store.ingest_many([(first, [incident]), (second, [incident])])

    assert (summary.incidents_inserted, summary.incidents_updated) == (1, 1)
    assert store.counts() == {"articles": 2, "incidents": 1}
    assert store.get_incident(incident.id).article_ids == [first.id, second.id]


def test_database_failures_come_back_as_store_errors(store: IncidentStore) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE incident_categories"))
    with pytest.raises(StoreError, match="could not ingest an article"):
        store.ingest(*make_report("kabul"))
    assert store.counts() == {"articles": 0, "incidents": 0}  # rolled back


# -- paging on indexes ------------------------------------------------------------------------


@pytest.fixture
def many(store: IncidentStore) -> IncidentStore:
    """25 incidents with ties and unknown values in every sort key."""
    base = make_incident("kabul").model_dump()
    items = []
    for n in range(25):
        data = {**base, "id": f"inc-p{n:02d}"}
        data["date"] = {**base["date"], "start": None if n % 5 == 0 else dt.date(2020, 1, 1 + n % 4)}
        killed = None if n % 3 == 0 else {"min": n % 6, "max": n % 6, "exact": True, "evidence": []}
        data["casualties"] = {**base["casualties"], "killed": killed, "wounded": None}
        data["location"] = {**base["location"], "country": None if n % 4 == 0 else f"C{n % 3}"}
        items.append(Incident.model_validate(data))
    article = make_article("kabul")
    store.ingest(article, [i.model_copy(update={"article_ids": [article.id]}) for i in items])
    return store


@pytest.mark.parametrize("sort", ["date", "-date", "killed", "-killed", "wounded", "country", "-country",
                                  "created", "-created"])
def test_pages_and_exports_agree_and_put_unknown_values_last(many: IncidentStore, sort: str) -> None:
    whole = many.list_incidents(limit=100, sort=sort)
    assert len(whole) == 25
    pages = [many.list_incidents(limit=4, offset=o, sort=sort) for o in range(0, 28, 4)]
    assert [i.id for page in pages for i in page] == [i.id for i in whole]
    assert [i.id for i in many.iter_incidents(sort=sort, batch=3)] == [i.id for i in whole]
    key = {"date": lambda i: i.date.start,
           "killed": lambda i: i.casualties.killed and i.casualties.killed.min,
           "wounded": lambda i: i.casualties.wounded, "country": lambda i: i.location.country,
           "created": lambda i: 0}[sort.lstrip("-")]
    values = [key(i) for i in whole]
    known = [v for v in values if v is not None]
    assert values == known + [None] * (len(values) - len(known))
    assert known == sorted(known, reverse=sort.startswith("-"))


def test_a_page_is_read_from_an_index_without_sorting(many: IncidentStore) -> None:
    if many.engine.dialect.name != "sqlite":
        pytest.skip("reads SQLite's query plans; PostgreSQL's planner sorts small tables by choice")
    from incidex.store.paging import sorted_parts
    from incidex.store.tables import IncidentRow

    for sort in ("date", "-date", "-killed", "country"):
        for part in sorted_parts([IncidentRow.id], [], sort):
            sql = str(part.limit(50).compile(many.engine, compile_kwargs={"literal_binds": True}))
            with many.engine.connect() as connection:
                plan = " ".join(r[3] for r in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
            assert "TEMP B-TREE" not in plan, (sort, plan)


def test_an_older_database_gets_the_new_indexes_when_opened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    open_store(url).close()
    with open_store(url) as s, s.engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_incidents_killed_id")
    with open_store(url) as s, s.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        names = set(rows.scalars())
    assert "ix_incidents_killed_id" in names


# -- full-text search on each database ------------------------------------------------------


@pytest.mark.parametrize("query", ["hotel", "kidnap", "amaq website", "police", "zzz", "Somal", "BOMB"])
def test_full_text_search_agrees_with_the_portable_fallback(loaded: IncidentStore, query: str) -> None:
    assert loaded.enable_text_search()  # FTS5 on SQLite, GIN tsvector indexes on PostgreSQL
    with_index = {i.id for i in loaded.list_incidents(IncidentFilter(query=query))}
    loaded._fts = False
    without = {i.id for i in loaded.list_incidents(IncidentFilter(query=query))}
    assert with_index == without
    if query in ("police", "Somal"):
        assert with_index, "a word the fixtures contain finds something"
