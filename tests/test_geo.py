"""The shipped gazetteer, toponym finder and resolver on sentences a user would write."""

from __future__ import annotations

import pytest

from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import resolve, resolve_name, specificity
from incidex.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _resolved(text: str) -> dict[str, Place | None]:
    return {r.toponym.text: r.place for r in resolve(find_toponyms(text), text)}


def test_default_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz


def test_grozny_is_the_chechen_capital(gaz: Gazetteer) -> None:
    best = gaz.candidates("Grozny")[0]
    assert best.country_code == "RU"
    assert best.country == "Russia"
    assert best.admin1 == "Chechnya"
    assert best.kind == "city"
    assert best.lat == pytest.approx(43.31, abs=0.05)
    assert best.lon == pytest.approx(45.69, abs=0.05)


@pytest.mark.parametrize("spelling", ["Groznyy", "Grozniy", "GROZNY", "grozny"])
def test_transliteration_variants_reach_grozny(gaz: Gazetteer, spelling: str) -> None:
    assert gaz.candidates(spelling)[0].geonameid == gaz.candidates("Grozny")[0].geonameid


def test_hyphen_and_j_y_variants(gaz: Gazetteer) -> None:
    for spelling in ("Mesker-Yurt", "Mesker-Jurt", "Mesker Yurt"):
        place = gaz.candidates(spelling)[0]
        assert (place.name, place.admin1) == ("Mesker-Yurt", "Chechnya")


def test_country_and_admin1_lookups_use_gtd_names(gaz: Gazetteer) -> None:
    assert gaz.country("RU") is not None and gaz.country("RU").name == "Russia"  # type: ignore[union-attr]
    ps = gaz.country("ps")
    assert ps is not None and ps.name == "West Bank and Gaza Strip"
    chechnya = gaz.admin1("RU", "12")
    assert chechnya is not None and chechnya.name == "Chechnya" and chechnya.kind == "admin1"
    assert gaz.country("XX") is None


def test_demonyms(gaz: Gazetteer) -> None:
    chechen = gaz.demonym("Chechen")
    assert chechen is not None and chechen.name == "Chechnya" and chechen.country == "Russia"
    assert gaz.demonym("Afghan") == gaz.country("AF")
    assert gaz.demonym("Russian") == gaz.country("RU")
    assert gaz.demonym("table") is None


def test_shali_in_chechnya_context() -> None:
    places = _resolved("Federal troops entered Shali, a town in Chechnya, on Tuesday.")
    shali = places["Shali"]
    assert shali is not None and shali.country_code == "RU" and shali.admin1 == "Chechnya"


def test_village_names_in_chechnya_text() -> None:
    text = "Russian troops shelled Mesker-Yurt and Shali, a Chechen official said in Grozny."
    found = find_toponyms(text)
    assert [t.text for t in found] == ["Russian", "Mesker-Yurt", "Shali", "Chechen", "Grozny"]
    assert [t.is_demonym for t in found] == [True, False, False, True, False]
    places = {r.toponym.text: r.place for r in resolve(found, text)}
    assert all(p is not None and p.country_code == "RU" for p in places.values())


def test_georgia_is_the_country_unless_the_text_is_american() -> None:
    assert resolve_name("Georgia") == Gazetteer.default().country("GE")
    us_state = resolve_name("Georgia", context_country="US")
    assert us_state is not None and (us_state.kind, us_state.country_code) == ("admin1", "US")
    places = _resolved("Storms hit Atlanta and Savannah in Georgia, United States.")
    georgia = places["Georgia"]
    assert georgia is not None and georgia.country_code == "US"


@pytest.mark.parametrize("name", ["Jordan", "Chechnya", "Georgia"])
def test_countries_and_regions_beat_villages(name: str) -> None:
    place = resolve_name(name)
    assert place is not None and place.kind in ("country", "admin1")


def test_paris_defaults_to_france_and_texas_in_context() -> None:
    paris = resolve_name("Paris")
    assert paris is not None and paris.country_code == "FR" and paris.kind == "city"
    texan = _resolved("A shooting in Paris, Texas, left two dead, Texas police said.")["Paris"]
    assert texan is not None and (texan.country_code, texan.admin1) == ("US", "Texas")


def test_lowercase_news_finds_places() -> None:
    text = "guerrillas attacked a power station in san salvador, el salvador, and in lima, peru."
    places = _resolved(text)
    assert places["san salvador"] is not None and places["san salvador"].country_code == "SV"
    assert places["el salvador"] is not None and places["el salvador"].kind == "country"
    assert places["lima"] is not None and places["lima"].country_code == "PE"
    assert places["peru"] is not None and places["peru"].kind == "country"


def test_lowercase_common_words_are_not_places() -> None:
    text = "it is said that the police will march in may, as they can, by order of the man."
    assert find_toponyms(text) == []


def test_no_toponym_in_plain_sentence() -> None:
    assert find_toponyms("He said it was a bad day.") == []
    assert find_toponyms("Police said March was quiet. Will you come in May?") == []


def test_person_and_organisation_names_are_not_places() -> None:
    text = "Victoria Beckham read the Washington Post in London."
    assert [t.text for t in find_toponyms(text)] == ["London"]


def test_offsets_slice_the_text() -> None:
    text = "Bombs hit Kabul and Kandahar.\nLater, in Helmand Province, Afghanistan, a convoy..."
    found = find_toponyms(text)
    assert [t.text for t in found] == ["Kabul", "Kandahar", "Helmand Province", "Afghanistan"]
    for top in found:
        assert text[top.start : top.end] == top.text
    helmand = _resolved(text)["Helmand Province"]
    assert helmand is not None and helmand.kind == "admin1"


def test_baghdad_is_the_city_not_the_governorate() -> None:
    baghdad = resolve_name("Baghdad")
    assert baghdad is not None and baghdad.kind == "city"


def test_a_region_named_less_its_unit_word_is_the_town() -> None:
    # "Prešov" is the town's own name and only a short form of the Prešov Region's.
    town, region = resolve_name("Prešov"), resolve_name("Prešov Region")
    assert town is not None and town.kind == "city"
    assert region is not None and region.kind == "admin1"
    pattani = resolve_name("Pattani")  # the province's own name: the province stays
    assert pattani is not None and pattani.kind == "admin1"


def test_washington_is_the_capital() -> None:
    washington = resolve_name("Washington")
    assert washington is not None and washington.kind == "city" and washington.capital


def test_specificity_follows_gtd(gaz: Gazetteer) -> None:
    assert specificity(gaz.candidates("Grozny")[0]) == 1
    assert specificity(gaz.candidates("Cook County")[0]) == 3
    assert specificity(gaz.admin1("RU", "12")) == 4
    assert specificity(gaz.country("AF")) == 4
    assert specificity(None) == 5


def test_unknown_names_resolve_to_nothing(gaz: Gazetteer) -> None:
    assert gaz.candidates("Xqzzyville") == []
    assert resolve_name("Xqzzyville") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A professor at the University of California, Los Angeles, said so.", "University of California"),
        ("A researcher at Loyola University in Los Angeles said so.", "Loyola University"),
        ("Staff at Los Angeles's Loyola University said so.", "Loyola University"),
    ],
)
def test_a_name_read_from_a_region_lies_in_the_town_written_with_it(text: str, name: str) -> None:
    from incidex.geo.resolver import resolve_spans

    spans = [(text.index(n), text.index(n) + len(n)) for n in (name, "Los Angeles")]
    place = resolve_spans(text, spans)[0].place
    assert place is not None and place.kind == "city" and place.name == "Los Angeles"


def test_a_marked_common_word_far_from_the_story_is_placed_from_it() -> None:
    from incidex.geo.resolver import resolve_spans

    text = "Lawmakers in Washington said Congress would vote on Tuesday."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Washington", "Congress")]
    congress = resolve_spans(text, spans)[1].place
    assert congress is not None and congress.admin1 != "Arizona"  # not Congress, Arizona
    assert congress.name == "Washington"


@pytest.mark.parametrize(
    ("towns", "region"),
    [(("Perth", "Fremantle"), "Western Australia"), (("Seattle", "Tacoma"), "Washington")],
)
def test_initials_are_the_region_of_the_story(towns: tuple[str, str], region: str) -> None:
    from incidex.geo.resolver import resolve_spans

    text = f"Police in {towns[0]} and {towns[1]} said the storm hit WA on Monday."
    spans = [(text.index(n), text.index(n) + len(n)) for n in (*towns, "WA")]
    wa = resolve_spans(text, spans)[2].place
    assert wa is not None and wa.kind == "admin1" and wa.name == region


def test_a_country_read_from_its_initials_stays() -> None:
    from incidex.geo.resolver import resolve_spans

    text = "Police in Prague and Usti nad Labem said the UK sent experts."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Prague", "Usti nad Labem", "UK")]
    uk = resolve_spans(text, spans)[2].place
    assert uk is not None and uk.kind == "country" and uk.country_code == "GB"


def test_a_bare_name_is_the_district_the_article_names_in_full() -> None:
    from incidex.geo.resolver import resolve_spans

    text = "Suffolk County police said the storm hit Suffolk hardest."
    spans = [(0, 14), (text.index("Suffolk", 5), text.index("Suffolk", 5) + 7)]
    county, bare = (r.place for r in resolve_spans(text, spans))
    assert county is not None and county.kind == "admin2"
    assert bare == county


def test_no_part_of_a_word_mangled_by_a_bad_encoding_is_a_place() -> None:
    found = _resolved("On Sunday, in Diyala, Ba\ufffdquba, Iraq a suicide bomber struck.")
    assert "Ba" not in found and "Diyala" in found
    found = _resolved("A bomb hit London\ufffds underground.")  # an apostrophe lost
    assert "London" in found
