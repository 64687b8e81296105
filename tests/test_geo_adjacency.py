"""Neighbouring mentions and the words around a name decide between a state and a city."""

from __future__ import annotations

from incidex.geo.gazetteer import Place
from incidex.geo.resolver import resolve, resolve_spans
from incidex.geo.toponyms import context_hint, find_toponyms


def _resolved(text: str) -> dict[str, Place | None]:
    return {r.toponym.text: r.place for r in resolve(find_toponyms(text), text)}


def _span(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


def test_a_town_before_its_state_is_the_town_in_it() -> None:
    text = "Reports came from Paris, Tennessee yesterday."
    place = _resolved(text)["Paris"]
    assert place is not None and place.country_code == "US" and place.admin1_code == "TN"
    washington = _resolved("A nurse from Tacoma, Washington fell ill.")["Washington"]
    assert washington is not None and washington.kind == "admin1"


def test_buffalo_new_york_is_the_state_but_brooklyn_new_york_the_city() -> None:
    buffalo = _resolved("He lived in Buffalo, New York for years.")["New York"]
    assert buffalo is not None and buffalo.kind == "admin1"
    brooklyn = _resolved("He lived in Brooklyn, New York for years.")["New York"]
    assert brooklyn is not None and brooklyn.kind == "city"


def test_a_list_of_states_makes_washington_a_state() -> None:
    text = "Cases were found in Texas, Utah, Washington and Wyoming."
    place = _resolved(text)["Washington"]
    assert place is not None and place.kind == "admin1"


def test_a_country_after_its_region_is_no_list() -> None:
    text = "It happened in Matias Romero, Oaxaca State, Mexico, on Wednesday."
    spans = [_span(text, "Oaxaca State"), _span(text, "Mexico")]
    mexico = resolve_spans(text, spans)[1].place
    assert mexico is not None and mexico.kind == "country"


def test_the_word_state_next_to_a_name_makes_it_the_state() -> None:
    text = "The cow came from a Washington state farm; the state of Washington said so."
    places = resolve_spans(text, [_span(text, "Washington"), _span(text, "Washington", 1)])
    assert [r.place.kind if r.place else None for r in places] == ["admin1", "admin1"]
    assert context_hint("Washington said", 0, 10) is None


def test_a_small_town_abroad_in_a_story_about_one_country_is_a_stray() -> None:
    text = "Police in Chicago, Evanston and Oak Park said he waved at Grand and State."
    spans = [_span(text, n) for n in ("Chicago", "Evanston", "Oak Park", "Grand")]
    grand = resolve_spans(text, spans)[3]
    assert grand.place is not None and grand.place.country_code == "US"
    assert grand.score < 0.5  # placed from the article, not a reading of the name
    # Found by the finder rather than marked, such a name is most likely no place at all.
    found = {r.toponym.text: r.place for r in resolve(find_toponyms(text), text)}
    assert found.get("Grand") is None


def test_a_town_written_as_the_head_of_an_address_is_no_stray() -> None:
    text = "Police in Chicago, Evanston and Oak Park said a bomb hit Grand, Illinois."
    spans = [_span(text, n) for n in ("Chicago", "Evanston", "Oak Park", "Grand")]
    assert resolve_spans(text, spans)[3].score >= 0.5


def test_a_counted_list_of_provinces_makes_quebec_the_province() -> None:
    text = "Cases: twelve in Ontario, eight in Alberta, and one in Quebec."
    spans = [_span(text, n) for n in ("Ontario", "Alberta", "Quebec")]
    quebec = resolve_spans(text, spans)[2].place
    assert quebec is not None and quebec.kind == "admin1"


def test_an_unknown_name_is_placed_in_the_story_cluster_not_at_a_lone_town() -> None:
    text = (
        "Shelling hit Damascus and nearby Douma again. Moscow said Zzyzxqa Farms was hit."
    )
    spans = [_span(text, n) for n in ("Damascus", "Douma", "Moscow", "Zzyzxqa Farms")]
    farms = resolve_spans(text, spans)[3].place
    assert farms is not None and farms.country_code == "SY"


def test_an_unknown_name_in_a_named_city_is_placed_there() -> None:
    text = "Fans from Liverpool and Birkenhead met at the Qqzxv Hospital in Rome on Monday."
    spans = [_span(text, n) for n in ("Liverpool", "Birkenhead", "Qqzxv Hospital", "Rome")]
    hospital = resolve_spans(text, spans)[2].place
    assert hospital is not None and hospital.country_code == "IT"
