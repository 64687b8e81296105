from __future__ import annotations

import datetime as dt

from incidex.pipeline.dates import find_dates

TUESDAY = dt.date(2018, 8, 21)


def _dates(text: str, published: dt.date | None = TUESDAY) -> list[dt.date | None]:
    return [m.date for m in find_dates(text, published)]


def test_weekday_resolves_to_the_most_recent_such_day() -> None:
    assert _dates("attacks on Monday") == [dt.date(2018, 8, 20)]
    assert _dates("late on Friday") == [dt.date(2018, 8, 17)]
    assert _dates("on Tuesday") == [TUESDAY]


def test_relative_days_count_back_from_publication() -> None:
    assert _dates("yesterday") == [dt.date(2018, 8, 20)]
    assert _dates("last night") == [dt.date(2018, 8, 20)]
    assert _dates("three days ago") == [dt.date(2018, 8, 18)]


def test_absolute_dates_in_news_gtd_and_muc_styles() -> None:
    assert _dates("on 20 August 2018") == [dt.date(2018, 8, 20)]
    assert _dates("on August 20, 2018") == [dt.date(2018, 8, 20)]
    assert _dates("08/20/2018: A bomb exploded") == [dt.date(2018, 8, 20)]
    assert _dates("on 25 oct 89", None) == [dt.date(1989, 10, 25)]


def test_month_day_without_year_is_never_after_publication() -> None:
    assert _dates("on December 30", dt.date(2019, 1, 2)) == [dt.date(2018, 12, 30)]


def test_relative_dates_need_a_publication_date() -> None:
    assert _dates("on Monday", None) == []


def test_may_as_a_verb_is_not_a_date() -> None:
    assert _dates("officials may 5 times revise it") == []


def test_an_incident_is_dated_by_its_deed_not_by_the_statement_about_it() -> None:
    from incidex import extract

    told = extract("The ELN said on Tuesday that its fighters had bombed the oil pipeline in "
                   "Arauca. The explosion early on Monday ruptured the pipeline.",
                   published="2018-11-20")
    assert told and told[0].date is not None and told[0].date.start == dt.date(2018, 11, 19)
    # a statement date is still the date when the report gives no other
    only = extract("The ELN said on Tuesday that its fighters had bombed the oil pipeline in "
                   "Arauca.", published="2018-11-21")
    assert only and only[0].date is not None and only[0].date.start == dt.date(2018, 11, 20)
