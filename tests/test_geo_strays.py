"""Stray readings: a namesake town abroad that the rest of the article never goes near."""

from __future__ import annotations

from incidex.geo.gazetteer import Place
from incidex.geo.strays import Strays


def _town(gid: int, cc: str, population: int, kind: str = "city") -> Place:
    return Place(gid, f"town{gid}", kind, 0.0, 0.0, cc, cc, None, None, population)


def _article(foreign: list[Place], home: int, home_cc: str = "KE") -> Strays:
    chosen = [((p.geonameid,), p) for p in foreign]
    chosen += [((1000 + k,), _town(1000 + k, home_cc, 50_000)) for k in range(home)]
    return Strays(chosen)


def test_small_town_abroad_is_stray_in_a_one_country_story() -> None:
    town = _town(1, "RW", 5_000)
    assert _article([town], home=3).stray(town, (1,))


def test_bigger_town_is_stray_only_where_the_story_is_concentrated() -> None:
    town = _town(1, "RW", 32_000)
    assert not _article([town], home=4).stray(town, (1,))  # too few mentions to tell
    assert _article([town], home=12).stray(town, (1,))


def test_one_other_reading_in_the_country_does_not_save_it_in_a_concentrated_story() -> None:
    town, region = _town(1, "RW", 32_000), _town(2, "RW", 1_000_000, kind="admin1")
    assert _article([town, region], home=12).stray(town, (1,))
    assert not _article([town, region], home=3).stray(town, (1,))


def test_big_city_abroad_is_never_stray() -> None:
    city = _town(1, "RW", 500_000)
    assert not _article([city], home=20).stray(city, (1,))


def test_a_country_the_story_never_goes_near_gives_way_to_its_own_state() -> None:
    from incidex.geo.resolver import resolve_spans

    text = (
        "Guard teams from Florida, Louisiana, Nevada, Alaska and Hawaii trained in Thailand"
        " and Guam before joining the Georgia National Guard."
    )
    names = ("Florida", "Louisiana", "Nevada", "Alaska", "Hawaii", "Thailand", "Guam", "Georgia")
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    georgia = resolve_spans(text, spans)[-1].place
    assert georgia is not None and (georgia.kind, georgia.country_code) == ("admin1", "US")


def test_home_region_needs_a_story_in_one_country() -> None:
    country = Place(9, "Georgia", "country", 42.0, 43.5, "GE", "Georgia", None, None, 3_700_000)
    state = Place(8, "Georgia", "admin1", 32.7, -83.5, "US", "United States", "Georgia", "GA", 9_000_000)
    few = _article([], home=3, home_cc="US")
    many = _article([], home=6, home_cc="US")
    assert few.home_region(country, [state], (9,)) is None
    assert many.home_region(country, [state], (9,)) == state
