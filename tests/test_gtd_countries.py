"""GTD names the country as it was on the day of the attack (codebook, country)."""

from __future__ import annotations

import datetime as dt

from incidex.export.gtd_countries import gtd_country, gtd_province


def test_germany_before_and_after_unification() -> None:
    assert gtd_country("Germany", "DE", "North Rhine-Westphalia", 50.7, dt.date(1989, 5, 1)) == (
        "West Germany (FRG)")
    assert gtd_country("Germany", "DE", "Saxony", 51.3, dt.date(1989, 5, 1)) == "East Germany (GDR)"
    assert gtd_country("Germany", "DE", "North Rhine-Westphalia", 50.7, dt.date(1991, 5, 1)) == (
        "Germany")


def test_soviet_and_yugoslav_successors_by_their_independence_dates() -> None:
    assert gtd_country("Russia", "RU", "Moscow", 55.7, dt.date(1991, 8, 1)) == "Soviet Union"
    assert gtd_country("Russia", "RU", "Moscow", 55.7, dt.date(1992, 1, 1)) == "Russia"
    assert gtd_country("Croatia", "HR", None, 45.8, dt.date(1991, 3, 1)) == "Yugoslavia"
    assert gtd_country("Serbia", "RS", None, 44.8, dt.date(2001, 3, 1)) == "Yugoslavia"
    assert gtd_country("Serbia", "RS", None, 44.8, dt.date(2004, 3, 1)) == "Serbia-Montenegro"
    assert gtd_country("Serbia", "RS", None, 44.8, dt.date(2007, 3, 1)) == "Serbia"


def test_the_two_yemens_zaire_and_rhodesia() -> None:
    assert gtd_country("Yemen", "YE", "Aden", 12.8, dt.date(1986, 1, 13)) == "South Yemen"
    assert gtd_country("Yemen", "YE", "Amanat Alasimah", 15.4, dt.date(1986, 1, 13)) == "North Yemen"
    assert gtd_country("Democratic Republic of the Congo", "CD", None, -4.3,
                       dt.date(1990, 1, 1)) == "Zaire"
    assert gtd_country("Zimbabwe", "ZW", None, -17.8, dt.date(1978, 1, 1)) == "Rhodesia"


def test_no_date_keeps_todays_name() -> None:
    assert gtd_country("Germany", "DE", "Bavaria", 48.1, None) == "Germany"


def test_puerto_rico_and_the_virgin_islands_are_in_the_united_states() -> None:
    assert gtd_country("Puerto Rico", "PR", "San Juan", 18.4, dt.date(2017, 10, 28)) == (
        "United States")
    assert gtd_province("PR", "San Juan") == "Puerto Rico"
    assert gtd_province("VI", "Saint Thomas Island") == "U.S. Virgin Islands"
    assert gtd_province("US", "Ohio") == "Ohio"
