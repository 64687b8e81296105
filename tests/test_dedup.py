"""Cross-article resolution on small hand-written incidents: what a reader of the database sees."""

from __future__ import annotations

import datetime as dt

from incidex import Article
from incidex.dedup import (
    candidate_pairs,
    explain,
    merge,
    reconcile_count,
    resolve,
    score_pair,
    split,
)
from incidex.record import (
    Casualties,
    Count,
    Entity,
    Evidence,
    Incident,
    IncidentDate,
    Location,
    Perpetrator,
    SourceReport,
)

KABUL = {"name": "Kabul", "admin1": "Kabul", "country": "Afghanistan", "country_code": "AF",
         "lat": 34.53, "lon": 69.17, "specificity": 1}
MOSUL = {"name": "Mosul", "admin1": "Nineveh", "country": "Iraq", "country_code": "IQ",
         "lat": 36.34, "lon": 43.13, "specificity": 1}


def _count(n: int, article: str, attributed_to: str | None = None) -> Count:
    evidence = [Evidence(article_id=article, start=0, end=1, text=str(n), attributed_to=attributed_to)]
    return Count.exactly(n, evidence)


def _incident(
    article: str,
    summary: str,
    *,
    day: dt.date = dt.date(2020, 3, 2),
    place: dict[str, object] | None = None,
    attack: str = "Bombing/Explosion",
    targets: tuple[str, ...] = (),
    perpetrator: str | None = None,
    killed: int | None = None,
    killed_by: str | None = None,
) -> Incident:
    return Incident(
        id=f"inc-{article}",
        article_ids=[article],
        summary=summary,
        date=IncidentDate(start=day, end=day),
        location=Location.model_validate(place or KABUL),
        attack_types=[attack],
        perpetrators=[Perpetrator(name=perpetrator, canonical=perpetrator)] if perpetrator else [],
        human_targets=[Entity(mentions=[t]) for t in targets],
        casualties=Casualties(killed=_count(killed, article, killed_by) if killed is not None else None),
    )


WEDDING_1 = _incident(
    "a1",
    "A suicide bomber blew himself up at a wedding hall in western Kabul, killing 12 guests.",
    targets=("wedding guests",),
    perpetrator="Islamic State",
    killed=12,
)
WEDDING_2 = _incident(
    "a2",
    "The death toll from Sunday's suicide bombing at a Kabul wedding hall rose to 20, police said.",
    targets=("guests at the wedding hall",),
    perpetrator="Islamic State",
    killed=20,
    killed_by="police",
)
CHECKPOINT = _incident(
    "a3",
    "Gunmen attacked a police checkpoint in eastern Kabul, killing two officers.",
    attack="Armed Assault",
    targets=("police officers",),
    perpetrator="Taliban",
    killed=2,
)


def test_two_reports_of_one_bombing_merge_and_keep_both_figures() -> None:
    resolution = resolve([WEDDING_1, WEDDING_2])
    assert resolution.clusters == [[0, 1]]
    (merged,) = resolution.incidents
    assert merged.article_ids == ["a1", "a2"]
    figures = {(r.article_id, r.casualties.killed.min if r.casualties.killed else -1) for r in merged.reports}
    assert figures == {("a1", 12), ("a2", 20)}


def test_different_attacks_on_the_same_day_in_the_same_city_stay_apart() -> None:
    resolution = resolve([WEDDING_1, CHECKPOINT, WEDDING_2])
    assert sorted(resolution.clusters) == [[0, 2], [1]]
    explanation = score_pair(WEDDING_1, CHECKPOINT)
    assert not explanation.is_match
    assert {f.name for f in explanation.fired() if f.contribution < 0} >= {"perpetrator", "targets"}


def test_reports_a_week_apart_or_from_one_article_never_merge() -> None:
    later = WEDDING_2.model_copy(update={"date": IncidentDate(start=dt.date(2020, 3, 9))})
    assert score_pair(WEDDING_1, later).vetoed
    same_article = WEDDING_2.model_copy(update={"article_ids": ["a1"]})
    assert score_pair(WEDDING_1, same_article).vetoed
    assert resolve([WEDDING_1, same_article]).clusters == [[0], [1]]


def test_reconciled_toll_is_the_latest_official_report() -> None:
    articles = {
        "a1": Article(text="x", id="a1", published=dt.date(2020, 3, 2), source="Agency A"),
        "a2": Article(text="y", id="a2", published=dt.date(2020, 3, 3), source="Agency B"),
    }
    merged = merge([WEDDING_1, WEDDING_2], articles)
    assert merged.casualties.killed is not None and merged.casualties.killed.min == 20
    assert merged.reconciliation["killed"].startswith("latest official report: police in a2")
    assert [r.source for r in merged.reports] == ["Agency A", "Agency B"]


def test_without_an_official_source_the_maximum_report_wins() -> None:
    reports = [
        SourceReport(incident_id="i1", article_id="a1", casualties=Casualties(killed=Count(min=11))),
        SourceReport(incident_id="i2", article_id="a2", casualties=Casualties(killed=Count.exactly(5))),
        SourceReport(incident_id="i3", article_id="a3", published=dt.date(2020, 1, 9)),
    ]
    count, rule = reconcile_count("killed", reports)
    assert count is not None and count.min == 11 and count.max is None
    assert rule is not None and rule.startswith("maximum of 2 reports: a1")


def test_an_early_official_figure_loses_to_a_later_official_one() -> None:
    early = SourceReport(
        incident_id="i1", article_id="a1", published=dt.date(2020, 1, 1),
        casualties=Casualties(killed=_count(30, "a1", "the interior ministry")),
    )
    late = SourceReport(
        incident_id="i2", article_id="a2", published=dt.date(2020, 1, 2),
        casualties=Casualties(killed=_count(25, "a2", "police")),
    )
    count, _ = reconcile_count("killed", [late, early])
    assert count is not None and count.min == 25


def test_split_restores_the_inputs() -> None:
    merged = merge([WEDDING_1, WEDDING_2])
    assert split(merged) == [WEDDING_1, WEDDING_2]
    rest, detached = split(merged, detach={"a2"})
    assert rest == WEDDING_1 and detached == WEDDING_2
    assert split(merge([merged, CHECKPOINT]), detach={CHECKPOINT.id})[0].article_ids == ["a1", "a2"]


def test_why_lists_the_features_that_fired() -> None:
    why = explain(merge([WEDDING_1, WEDDING_2])).to_json()
    (pair,) = why["pairs"]  # type: ignore[misc]
    assert pair["match"] is True
    assert {"date", "place", "perpetrator", "wording"} <= {f["name"] for f in pair["features"]}


def test_blocking_does_not_compare_far_apart_incidents() -> None:
    far_in_time = WEDDING_2.model_copy(update={"date": IncidentDate(start=dt.date(2020, 4, 1))})
    far_in_space = WEDDING_2.model_copy(update={"location": Location.model_validate(MOSUL)})
    incidents = [WEDDING_1, far_in_time, far_in_space, WEDDING_2]
    assert set(candidate_pairs(incidents)) == {(0, 3)}


def test_a_report_known_only_to_the_country_still_meets_a_city_report() -> None:
    country_only = WEDDING_2.model_copy(
        update={"location": Location(country="Afghanistan", country_code="AF", specificity=4)}
    )
    assert set(candidate_pairs([WEDDING_1, country_only])) == {(0, 1)}


def test_the_same_perpetrator_meets_across_unknown_places() -> None:
    nowhere = WEDDING_2.model_copy(update={"location": Location()})
    assert set(candidate_pairs([WEDDING_1, nowhere])) == {(0, 1)}
