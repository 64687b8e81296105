"""The incident's country: a chronology's country heading, a country used as an adjective,
a town written in a looser spelling."""

from __future__ import annotations

from incidex import extract
from incidex.article import Article
from incidex.pipeline.runner import Pipeline
from incidex.record import Location


def _location(text: str) -> Location:
    incidents = extract(text)
    assert incidents, text
    return incidents[0].location


def test_a_country_heading_keeps_the_incident_in_that_country() -> None:
    loc = _location("ISRAEL.  Ten letter bombs addressed to officials were intercepted in a "
                    "Jerusalem post office.  They were part of 50 letter bombs mailed from Amsterdam.")
    assert loc.country == "Israel"
    assert loc.name == "Jerusalem"


def test_a_country_heading_over_a_country_crossed_from() -> None:
    loc = _location("WEST BANK.  Palestinian gunmen shot and wounded two workers who crossed "
                    "from Israel to the West Bank to shop.")
    assert loc.country == "West Bank and Gaza Strip"


def test_a_town_read_abroad_keeps_its_name_under_the_heading() -> None:
    loc = _location("PERU.  A bomb tossed from a car destroyed the residence of the honorary "
                    "consul in Guayaquil.")
    assert loc.country == "Peru"
    assert loc.name == "Guayaquil"


def test_us_forces_are_no_place() -> None:
    loc = _location("An Iraqi who worked with US forces was kidnapped and killed by insurgents. "
                    "Such attacks are frequent in Iraq.")
    assert loc.country == "Iraq"


def test_a_country_named_in_the_article_outweighs_a_stray_name() -> None:
    loc = _location("A senior Interior Ministry police officer was killed by gunmen who opened "
                    "fire on him. Police in Iraq are the frequent target of insurgent attack.")
    assert loc.country == "Iraq"


def test_a_settlement_of_is_where_it_happened() -> None:
    loc = _location("Palestinian militants fired a rocket on the Israeli settlement of Sderot.  "
                    "The rocket landed in an open area.  Since the withdrawal from the Gaza Strip, "
                    "such attacks have been frequent.")
    assert loc.country == "Israel"
    assert loc.name == "Sderot"


def test_a_town_in_a_looser_spelling_is_found() -> None:
    loc = _location("Insurgents attacked the blue-domed government building in Baqouba.  Guards "
                    "fired back, killing four of them.")
    assert loc.country == "Iraq"
    assert loc.admin1 == "Diyala"


def test_a_sentence_opening_in_is_no_part_of_the_name() -> None:
    loc = _location("In Ondarroa, unknown persons set fire to a TV booster station, causing "
                    "serious damage.")
    assert loc.country == "Spain"
    assert loc.name == "Ondarroa"


def test_a_molotov_cocktail_is_no_place() -> None:
    loc = _location("A Molotov cocktail was thrown at the vehicle owned by Antonio Gila, the "
                    "Socialist deputy mayor.  No one was injured.")
    assert loc.country != "Russia"


def test_where_a_rocket_was_fired_from_is_not_where_it_struck() -> None:
    text = "Palestinians fired a mortar shell from the Gaza Strip into Israel.  No one was hurt."
    doc = Pipeline().run(Article(text=text, id="t"))
    where = {s.text: s.attrs["locative"] or s.attrs["aimed"] for s in doc.mentions["toponym"]}
    assert where == {"Palestinians": False, "Gaza Strip": False, "Israel": True}
    assert _location(text).country == "Israel"


def test_a_capitalised_us_navy_is_no_place() -> None:
    loc = _location("Molotov cocktails were thrown at two U.S.A. Navy sailors by three people. "
                    "A U.S. Navy spokesman said such attacks are rare in Puerto Rico.")
    assert loc.country == "Puerto Rico"


def test_an_international_airport_is_in_its_city() -> None:
    loc = _location("An explosive device detonated at the terminal at the Baghdad International "
                    "Airport.  It is unknown if anyone was killed or injured in the blast.")
    assert loc.country == "Iraq"


def test_a_city_in_the_possessive_after_a_lowercase_word_is_the_place() -> None:
    loc = _location("A suicide bomber detonated himself outside the main gate of central "
                    "Colombo's Eye Hospital.  Six other people were killed.")
    assert loc.name == "Colombo"


def test_a_town_with_nothing_known_around_it_keeps_its_written_name() -> None:
    loc = _location("Gunmen killed three villagers in Halabjah on Monday.")
    assert loc.name == "Halabjah"
    assert loc.lat is None
    assert loc.specificity == 5


def test_a_country_misspelt_as_a_town_after_its_town() -> None:
    loc = _location("Rebels tried to bomb the army headquarters in Medellin, Columbia. "
                    "Six people were wounded.")
    assert loc.country == "Colombia"
    assert loc.name == "Medellin"


def test_a_kidnapping_at_sea_is_placed_off_the_coast_it_names_not_at_a_town_told_earlier() -> None:
    incidents = extract(
        "A bomb exploded outside a market in the town of Datu Piang on Sunday, killing two people."
        "\n\nOn Thursday, gunmen in two speedboats abducted three fishermen off the coast of "
        "Tawi-Tawi province, the military said. The kidnappers took their captives towards the "
        "island of Jolo.", published="2020-10-05")
    assert len(incidents) == 2
    assert incidents[0].location.name == "Datu Piang"
    assert incidents[1].location.name == "Tawi-Tawi" and incidents[1].location.specificity == 3


def test_a_capital_introduced_by_its_country_s_adjective_is_where_it_happened() -> None:
    incidents = extract(
        "A suicide bomber drove a car into a checkpoint in the Somali capital Mogadishu on Friday, "
        "killing seven people.\n\nLate on Thursday, fighters set fire to three lorries on the "
        "outskirts of Afgooye, according to the district commissioner.", published="2019-07-13")
    assert [i.location.name for i in incidents] == ["Mogadishu", "Afgooye"]


def test_a_country_in_a_group_s_name_is_not_where_the_attack_was() -> None:
    loc = _location(
        "A single assailant stormed a kosher supermarket in the Porte de Vincennes area, Paris, "
        "France. The gunman took the employees and customers hostage in a standoff against "
        "security forces. Four hostages were killed. The gunman pledged allegiance to the "
        "Islamic State of Iraq and the Levant (ISIL) in a video.")
    assert loc.country == "France"


def test_a_country_in_a_group_s_name_places_an_article_that_names_no_other() -> None:
    loc = _location("Communist Party of Nepal-Maoist (CPN-M) rebels set fire to a village "
                    "office. The building had been built with help from the Japanese government.")
    assert loc.country == "Nepal"


def test_a_region_of_several_countries_gives_way_to_the_town_the_article_puts_the_attack_in() -> None:
    loc = _location(
        "Police stopped a car near the police building in Kizlyar, Dagestan, Russia. The car "
        "then exploded, killing two inspectors. The bomb was the traditional North Caucasus "
        "mixture of ammonium nitrate and aluminium powder.")
    assert loc.country == "Russia"
    assert loc.name == "Kizlyar"


def test_a_region_of_several_countries_still_places_an_attack_nothing_else_places() -> None:
    loc = _location("Gunmen attacked a convoy in the North Caucasus on Monday, killing three soldiers.")
    assert loc.country is None
    assert (loc.geonameid, loc.specificity) == (615318, 5)
