"""Counties, named regions, landmarks and names inside names, on invented sentences."""

from __future__ import annotations

import pytest

from incidex.evaluate.geo import GeoDocument, GoldToponym, predict_geo
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import distance_km, resolve_spans
from incidex.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _spans(text: str, *names: str) -> dict[str, Place | None]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return {r.toponym.text: r.place for r in resolve_spans(text, spans)}


def test_an_english_county_beats_american_towns_of_its_name() -> None:
    text = "Flooding closed roads across Kent and Essex, police in England said."
    places = _spans(text, "Kent", "Essex", "England")
    for county in ("Kent", "Essex"):
        place = places[county]
        assert place is not None and place.kind == "admin2" and place.country_code == "GB"


def test_a_scottish_county_without_context(gaz: Gazetteer) -> None:
    fife = gaz.candidates("Fife")[0]
    assert fife.kind == "admin2" and fife.country_code == "GB"
    assert fife.lat == pytest.approx(56.2, abs=0.5)


def test_a_namesake_city_beats_its_own_district(gaz: Gazetteer) -> None:
    text = "Fans travelled to Manchester, England, for the match."
    place = _spans(text, "Manchester", "England")["Manchester"]
    assert place is not None and place.kind == "city" and place.country_code == "GB"


def test_natural_earth_grouping_is_a_region_without_a_geonames_id(gaz: Gazetteer) -> None:
    darfur = gaz.candidates("Darfur")[0]
    assert darfur.kind == "region" and darfur.country_code == "SD" and darfur.geonameid < 0
    text = "Aid convoys reached Darfur this week."
    start = text.index("Darfur")
    doc = GeoDocument("1", text, (GoldToponym(start, start + 6, "Darfur", 13.0, 25.0, None),))
    record = predict_geo([doc], gaz)[0]["toponyms"][0]
    assert record["geonameid"] is None and record["lat"] == pytest.approx(darfur.lat)


def test_short_forms_of_region_names(gaz: Gazetteer) -> None:
    assert gaz.candidates("North Africa")[0].name == "Northern Africa"
    latin = gaz.demonym("Latin American")
    assert latin is not None and latin.name.startswith("Latin America")
    assert gaz.candidates("Soviet Union")[0] == gaz.country("RU")


def test_seat_of_government_names_its_capital() -> None:
    text = "The White House said on Monday that talks would go on."
    place = _spans(text, "White House")["White House"]
    assert place is not None and place.capital and place.country_code == "US"


def test_the_state_when_the_story_names_its_towns() -> None:
    text = "Wildfires burned near Spokane and Yakima, and Washington declared an emergency."
    place = _spans(text, "Spokane", "Yakima", "Washington")["Washington"]
    assert place is not None and place.kind == "admin1" and place.admin1_code == "WA"


def test_names_inside_organisations() -> None:
    text = "The Bank of Japan and the Russian Foreign Ministry issued statements in London."
    places = _spans(text, "Bank of Japan", "Russian Foreign Ministry", "London")
    japan, russia = places["Bank of Japan"], places["Russian Foreign Ministry"]
    assert japan is not None and japan.kind == "country" and japan.country_code == "JP"
    assert russia is not None and russia.kind == "country" and russia.country_code == "RU"


def test_a_street_stays_in_the_city_of_the_story() -> None:
    text = (
        "In New Orleans, Louisiana, the old Carnegie Library on Elysian Fields Avenue "
        "will reopen next year."
    )
    places = _spans(text, "New Orleans", "Louisiana", "Carnegie Library", "Elysian Fields Avenue")
    city = places["New Orleans"]
    assert city is not None
    for unknown in ("Carnegie Library", "Elysian Fields Avenue"):
        place = places[unknown]
        assert place is not None and distance_km(place, city) < 50


def test_a_township_is_not_in_its_namesake() -> None:
    text = "Police in Washington Township, New Jersey, made an arrest."
    places = _spans(text, "Washington Township", "New Jersey")
    township = places["Washington Township"]
    assert township is None or township.admin1_code == "NJ"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ministers of the EU met on Friday.", "EU"),
        ("Storms hit Sydney, NSW, overnight.", "NSW"),
        ("A ferry left Victoria, BC, at noon.", "BC"),
        ("The Texas Rangers won again.", "Texas"),
    ],
)
def test_abbreviations_and_embedded_states_are_found(text: str, name: str) -> None:
    assert name in [t.text for t in find_toponyms(text)]


def test_an_old_alternate_name_inside_a_longer_name_is_not_a_place() -> None:
    found = [t.text for t in find_toponyms("Rioters threw Molotov Cocktails at the police.")]
    assert "Molotov" not in found


def test_the_whole_of_compass_named_provinces_is_a_place(gaz: Gazetteer) -> None:
    text = "A tsunami hit the Indonesian island of Java and later Sumatra."
    places = _spans(text, "Java", "Sumatra")
    java, sumatra = places["Java"], places["Sumatra"]
    assert java is not None and java.kind == "region" and java.country_code == "ID"
    assert distance_km(java, gaz.candidates("Yogyakarta")[0]) < 200
    assert sumatra is not None and sumatra.country_code == "ID"
    # Names that already mean something keep their meaning: North and South Holland.
    assert gaz.candidates("Holland")[0].kind == "country"


def test_bare_korea_is_south_korea(gaz: Gazetteer) -> None:
    korea = gaz.candidates("Korea")[0]
    assert korea.kind == "country" and korea.country_code == "KR"


def test_saint_and_st_name_the_same_county(gaz: Gazetteer) -> None:
    for name in ("Saint Bernard Parish", "St. Bernard Parish"):
        parish = gaz.candidates(name)[0]
        assert parish.kind == "admin2" and parish.admin1_code == "LA", name


def test_arab_is_arabia(gaz: Gazetteer) -> None:
    arab = gaz.demonym("Arab")
    assert arab is not None and arab.name == "Arabia" and arab.kind == "region"
