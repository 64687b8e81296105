"""Merge on ingest: reports of one event become one stored record, explainable and reversible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from incidex import Article
from incidex.errors import InputError, NotFoundError
from incidex.record import Casualties, Count, Entity, Evidence, Incident, IncidentDate, Location, Perpetrator
from incidex.store import IncidentFilter, IncidentStore, open_store

KABUL = {"name": "Kabul", "admin1": "Kabul", "country": "Afghanistan", "country_code": "AF",
         "lat": 34.53, "lon": 69.17, "specificity": 1}


def report(
    article_id: str,
    text: str,
    *,
    published: dt.date,
    source: str,
    attack: str = "Bombing/Explosion",
    targets: tuple[str, ...] = (),
    perpetrator: str | None = None,
    killed: int | None = None,
    killed_by: str | None = None,
    day: dt.date = dt.date(2020, 3, 2),
) -> tuple[Article, Incident]:
    """An article and the incident a careful reader takes from it (its whole text as summary)."""
    article = Article(text=text, id=article_id, published=published, source=source)
    evidence = [Evidence(article_id=article_id, start=0, end=len(text), text=text, attributed_to=killed_by)]
    incident = Incident(
        id=f"inc-{article_id}",
        article_ids=[article_id],
        summary=text,
        date=IncidentDate(start=day, end=day),
        location=Location.model_validate(KABUL),
        attack_types=[attack],
        perpetrators=[Perpetrator(name=perpetrator, canonical=perpetrator)] if perpetrator else [],
        human_targets=[Entity(mentions=[t]) for t in targets],
        casualties=Casualties(killed=Count.exactly(killed, evidence) if killed is not None else None),
    )
    return article, incident


WEDDING_1 = report(
    "a1",
    "A suicide bomber blew himself up at a wedding hall in western Kabul, killing 12 guests.",
    published=dt.date(2020, 3, 2), source="Agency A",
    targets=("wedding guests",), perpetrator="Islamic State", killed=12,
)
WEDDING_2 = report(
    "a2",
    "The death toll from Sunday's suicide bombing at a Kabul wedding hall rose to 20, police said.",
    published=dt.date(2020, 3, 3), source="Agency B",
    targets=("guests at the wedding hall",), perpetrator="Islamic State", killed=20, killed_by="police",
)
CHECKPOINT = report(
    "a3",
    "Gunmen attacked a police checkpoint in eastern Kabul, killing two officers.",
    published=dt.date(2020, 3, 2), source="Agency C",
    attack="Armed Assault", targets=("police officers",), perpetrator="Taliban", killed=2,
)


@pytest.fixture
def store(store_url: str) -> Iterator[IncidentStore]:
    with open_store(store_url, merge=True) as s:
        yield s


def ingest(store: IncidentStore, *reports: tuple[Article, Incident], merge: bool | None = None) -> list[str]:
    return [i for article, incident in reports for i in store.ingest(article, [incident], merge).incident_ids]


def test_two_articles_about_one_event_become_one_incident_with_both_figures(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2)

    (merged,) = store.list_incidents()
    assert merged.article_ids == ["a1", "a2"]
    figures = {
        (r.article_id, r.source, r.casualties.killed.min) for r in merged.reports if r.casualties.killed
    }
    assert figures == {("a1", "Agency A", 12), ("a2", "Agency B", 20)}
    assert merged.casualties.killed is not None and merged.casualties.killed.min == 20
    assert merged.reconciliation["killed"].startswith("latest official report: police in a2")
    # filters read the merged record's columns, and both articles lead to it
    assert store.count_incidents(IncidentFilter(min_killed=20)) == 1
    assert [i.id for i in store.article_incidents("a1")] == [merged.id]


def test_the_ingest_result_names_the_merged_record(store: IncidentStore) -> None:
    article, incident = WEDDING_1
    first = store.ingest(article, [incident])
    second = store.ingest(*WEDDING_2[:1], [WEDDING_2[1]])
    assert (first.incidents_inserted, first.incidents_updated) == (1, 0)
    assert (second.incidents_inserted, second.incidents_updated) == (0, 1)
    assert second.incident_ids == [store.list_incidents()[0].id]


def test_an_unrelated_article_stays_separate(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, CHECKPOINT, WEDDING_2)

    records = {tuple(i.article_ids) for i in store.list_incidents()}
    assert records == {("a1", "a2"), ("a3",)}


def test_old_ids_lead_to_the_record_that_holds_them(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2)
    (merged,) = store.list_incidents()

    assert store.get_incident("inc-a1").id == merged.id
    assert store.get_incident("inc-a2").id == merged.id
    with pytest.raises(NotFoundError):
        store.get_incident("inc-nothing")


def test_split_restores_the_reports(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2)
    (merged,) = store.list_incidents()

    parts = store.split(merged.id)

    assert parts == [WEDDING_1[1], WEDDING_2[1]]
    assert {i.id for i in store.list_incidents()} == {"inc-a1", "inc-a2"}
    assert store.get_incident("inc-a1") == WEDDING_1[1]
    assert [i.id for i in store.article_incidents("a2")] == ["inc-a2"]
    with pytest.raises(NotFoundError):
        store.get_incident(merged.id)


def test_split_one_article_out_keeps_the_rest(store: IncidentStore) -> None:
    third = report(
        "a4", "A suicide bombing at a wedding hall in Kabul killed 14 guests, Islamic State said.",
        published=dt.date(2020, 3, 2), source="Agency D",
        targets=("wedding guests",), perpetrator="Islamic State", killed=14,
    )
    ingest(store, WEDDING_1, WEDDING_2, third)
    (merged,) = store.list_incidents()
    assert merged.article_ids == ["a1", "a2", "a4"]

    rest, detached = store.split(merged.id, ["a4"])

    assert rest.article_ids == ["a1", "a2"] and detached == third[1]
    assert {tuple(i.article_ids) for i in store.list_incidents()} == {("a1", "a2"), ("a4",)}
    assert store.get_incident(merged.id).id == rest.id  # the old id leads to what is left


def test_split_refuses_a_single_report_and_unknown_articles(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2, CHECKPOINT)
    merged = store.get_incident("inc-a1")
    with pytest.raises(InputError):
        store.split("inc-a3")
    with pytest.raises(InputError):
        store.split(merged.id, ["a3"])
    with pytest.raises(NotFoundError):
        store.split("inc-nothing")


def test_reingesting_the_same_articles_changes_nothing(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2, CHECKPOINT)
    before = store.list_incidents(sort="date")

    again = [store.ingest(article, [incident]) for article, incident in (WEDDING_2, WEDDING_1, CHECKPOINT)]

    assert not any(r.is_new for r in again)
    assert store.list_incidents(sort="date") == before
    assert store.counts() == {"articles": 3, "incidents": 2}


def test_one_batch_merges_like_one_article_at_a_time(store: IncidentStore) -> None:
    summary = store.ingest_many([(a, [i]) for a, i in (WEDDING_1, CHECKPOINT, WEDDING_2)])
    assert (summary.incidents_inserted, summary.incidents_updated) == (2, 1)
    assert {tuple(i.article_ids) for i in store.list_incidents()} == {("a1", "a2"), ("a3",)}


def test_no_merge_keeps_every_report_apart(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2, merge=False)
    assert store.count_incidents() == 2


def test_a_later_report_joins_a_merged_record(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2)
    later = report(
        "a5", "Mourners buried the 20 guests killed in the Kabul wedding hall suicide bombing.",
        published=dt.date(2020, 3, 4), source="Agency E",
        targets=("wedding guests",), perpetrator="Islamic State", killed=20, day=dt.date(2020, 3, 3),
    )
    ingest(store, later)
    (merged,) = store.list_incidents()
    assert merged.article_ids == ["a1", "a2", "a5"]
    assert len(merged.merged_from) == 3


def test_explain_scores_every_pair_of_reports(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2)
    (merged,) = store.list_incidents()

    why = store.explain(merged.id)

    assert why.members == ("inc-a1", "inc-a2")
    (pair,) = why.pairs
    assert pair.is_match
    assert {"date", "place", "perpetrator"} <= {f.name for f in pair.fired()}


def test_merged_records_are_found_by_full_text(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2, CHECKPOINT)
    (found,) = store.list_incidents(IncidentFilter(query="wedding toll"))
    assert found.article_ids == ["a1", "a2"]


def test_a_split_stays_split_when_a_later_report_matches_both_parts(store: IncidentStore) -> None:
    ingest(store, WEDDING_1, WEDDING_2)
    (merged,) = store.list_incidents()
    store.split(merged.id)
    later = report(
        "a6", "Police said 20 guests died in the suicide bombing at a Kabul wedding hall.",
        published=dt.date(2020, 3, 4), source="Agency F",
        targets=("wedding guests",), perpetrator="Islamic State", killed=20,
    )

    ingest(store, later)

    records = store.list_incidents()
    assert len(records) == 2  # the later report joins one part; the parts are never fused again
    assert sorted(len(r.article_ids) for r in records) == [1, 2]
    assert any("a6" in r.article_ids for r in records)
