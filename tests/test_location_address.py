"""The incident's place when a report writes an address: innermost part first, containers after."""

from __future__ import annotations

from incidex import extract
from incidex.record import Location


def _location(text: str) -> Location:
    incidents = extract(text)
    assert incidents, text
    return incidents[0].location


def test_a_village_is_read_inside_the_country_written_after_it() -> None:
    loc = _location("Assailants opened fire on a soldier in Qibbah, Tripoli, Lebanon. "
                    "Two people were injured in the attack.")
    assert loc.country == "Lebanon"
    assert loc.name == "Qibbah"


def test_a_town_the_gazetteer_does_not_know_is_named_at_its_container() -> None:
    loc = _location("Gunmen attacked civilians in Laguilaylan, Isulan district, Sultan Kudarat, "
                    "Philippines. Two people were killed.")
    assert loc.name == "Laguilaylan"
    assert loc.country == "Philippines"
    assert loc.specificity == 2


def test_the_city_not_the_governorate_of_the_same_name() -> None:
    loc = _location("A bomb exploded near a police station in Beni Suef city, Beni Suef governorate, "
                    "Egypt. Two policemen were killed.")
    assert loc.name == "Beni Suef"
    assert loc.specificity == 1


def test_a_neighbourhood_gives_way_to_its_city() -> None:
    loc = _location("Seven assailants armed with grenades attacked a bakery in Gulshan neighborhood, "
                    "Dhaka, Bangladesh. Twenty people were killed.")
    assert loc.name == "Dhaka"
    assert loc.country == "Bangladesh"


def test_a_state_alone_gives_the_country() -> None:
    loc = _location("A gunman shot and killed two people in Reno, Washoe county, Nevada.")
    assert loc.name == "Reno"
    assert loc.admin1 == "Nevada"
    assert loc.country == "United States"


def test_the_west_bank_is_its_own_country_in_gtd_terms() -> None:
    loc = _location("Two assailants stabbed two civilians outside a store in Beit Horon, West Bank. "
                    "One civilian was killed.")
    assert loc.country == "West Bank and Gaza Strip"
    assert loc.name == "Beit Horon"


def test_a_facility_named_like_a_town_abroad_is_not_the_place() -> None:
    loc = _location("An explosive device detonated at the Stina pub in Kharkiv city, Kharkiv oblast, "
                    "Ukraine. Eleven people were injured in the blast.")
    assert loc.name == "Kharkiv"
    assert loc.country == "Ukraine"


def test_a_list_of_towns_is_not_an_address() -> None:
    loc = _location("Bombs exploded in Kabul, Kandahar and Herat on Monday, killing ten people.")
    assert loc.country == "Afghanistan"
    assert loc.name in ("Kabul", "Kandahar", "Herat")


def test_a_wire_dateline_gives_the_country_when_nothing_else_does() -> None:
    loc = _location("ARGENTINA.  A bomb exploded at a bank during the early morning hours, "
                    "killing two guards.")
    assert loc.country == "Argentina"


def test_a_full_stop_ends_the_chain_before_the_next_sentence() -> None:
    loc = _location("Fifty gunmen attacked a gendarmerie post in Tiaboure department, Kenedougou "
                    "province, Burkina Faso. At least four people were killed.")
    assert loc.country == "Burkina Faso"
    assert loc.name == "Tiaboure"


def test_a_part_called_city_wins_over_the_quarters_before_it() -> None:
    loc = _location("Gunmen shot a trader in Haleel area, Warta neighborhood, Mogadishu city, "
                    "Banaadir region, Somalia. The trader was killed.")
    assert loc.name == "Mogadishu"


def test_a_capital_filed_under_its_own_region_is_still_the_city() -> None:
    loc = _location("Assailants threw a grenade at a bank in Kiev city, Kiev oblast, Ukraine. "
                    "Nobody was hurt.")
    assert loc.name in ("Kyiv", "Kiev")
    assert loc.specificity == 1


def test_a_region_named_with_and_stays_one_part_of_the_chain() -> None:
    loc = _location("Militants stormed a hotel in Lal Bazaar, Srinagar, Jammu and Kashmir, India, "
                    "killing three policemen.")
    assert loc.name == "Srinagar"
    assert loc.country == "India"


def test_a_village_that_was_attacked_is_the_place() -> None:
    loc = _location("Approximately 80 assailants attacked Dhuurre village in Nugaal, Somalia. "
                    "Six villagers were killed.")
    assert loc.name == "Dhuurre"


def test_a_town_in_the_sentence_beats_the_country_of_an_aside() -> None:
    loc = _location("Gunmen, believed to be part of the insurgency in Algeria, set up a fake "
                    "roadblock near Oued Fodda Zemmour, Algeria. They killed four drivers.")
    assert loc.name == "Oued Fodda Zemmour"
    assert loc.country == "Algeria"


def test_a_town_at_the_end_of_a_sentence_is_found() -> None:
    # The capitalised word that opens the next sentence is not part of the town's name.
    loc = _location("Gunmen shot and killed a shopkeeper in Baghdad. Nobody claimed the attack.")
    assert loc.name == "Baghdad"
    assert loc.country == "Iraq"


def test_a_town_named_later_in_the_article_places_the_incident() -> None:
    loc = _location("Gunmen attacked the home of a translator, wounding her. The attack occurred "
                    "in Kirkuk.")
    assert loc.name == "Kirkuk"


def test_the_town_of_a_name_is_that_town() -> None:
    loc = _location("Four gunmen seized a school in the town of Vrendorp in Drenthe, Netherlands. "
                    "Forty children were taken hostage.")
    assert loc.name == "Vrendorp"
    assert loc.country == "Netherlands"


def test_a_town_abroad_named_in_another_sentence_is_not_the_place() -> None:
    loc = _location("Gunmen assaulted a journalist in Athens, Attica, Greece. Perros, the "
                    "journalist, was injured in the attack.")
    assert loc.country == "Greece"


def test_a_hamlet_the_gazetteer_does_not_know_is_the_city() -> None:
    loc = _location("The commander of the local police force in Qaryat Zurbah was shot dead by "
                    "gunmen. Attacks on police are frequent in Iraq.")
    assert loc.name == "Qaryat Zurbah"
    assert loc.country == "Iraq"


def test_a_building_after_in_is_not_a_town() -> None:
    loc = _location("A bomb exploded in Parliament House, killing two guards. Police in Iraq "
                    "blamed insurgents.")
    assert loc.name != "Parliament House"


def test_a_state_named_like_a_capital_holds_the_town_before_it() -> None:
    loc = _location("An assailant shot a civilian in Ballard neighborhood, Seattle, Washington, "
                    "United States. Nobody else was hurt.")
    assert loc.name == "Seattle"
    assert loc.admin1 == "Washington"


def test_an_airport_opening_a_chain_gives_way_to_its_city() -> None:
    loc = _location("A man placed a bomb at Mitchell International Airport, Milwaukee, Wisconsin, "
                    "United States. The bomb did not explode.")
    assert loc.name == "Milwaukee"


def test_a_building_named_after_a_town_is_not_the_town() -> None:
    loc = _location("An assailant shot a guard near Union Station in Denver, Colorado, United "
                    "States. The guard died.")
    assert loc.name == "Denver"


def test_the_capital_is_written_without_its_district() -> None:
    loc = _location("A bomb exploded at an office in Washington D.C., United States, injuring "
                    "two guards.")
    assert loc.name == "Washington"


def test_a_part_the_scan_missed_is_looked_up_inside_its_container() -> None:
    # The scan reads "Orange" after the direction word; the chain knows the whole name.
    loc = _location("Assailants shot and killed a driver at a traffic signal in West Orange, "
                    "New Jersey, United States. The assailants fled.")
    assert loc.name == "West Orange"
    assert loc.specificity == 1
    assert loc.lat is not None and abs(loc.lat - 40.8) < 0.2


def test_a_nationality_before_a_camp_does_not_cut_the_chain() -> None:
    loc = _location("A suicide bomber detonated a vehicle at a Yemeni Army camp in Wadi Sarr area, "
                    "Shabwah governorate, Yemen. Ten soldiers were killed.")
    assert loc.country == "Yemen"
    assert loc.name == "Wadi Sarr"


def test_a_unit_written_with_a_capital_or_in_brackets() -> None:
    loc = _location("Two pipe bombs exploded on a bus in Kharkhola District, Eastern Development "
                    "Region, Nepal, injuring two.")
    assert loc.name == "Kharkhola"
    loc = _location("A bomb exploded at an office in Biratnagar City, Morang (District), Nepal, "
                    "injuring two.")
    assert loc.name == "Biratnagar"


def test_a_big_city_is_surer_than_a_region_read_in_another_country() -> None:
    loc = _location("Three militants attacked a security bunker at Lal Chowk in Srinagar, Kashmir. "
                    "Four soldiers were killed.")
    assert loc.country == "India"
    assert loc.name == "Srinagar"


def test_a_written_country_still_holds_a_town_named_like_a_bigger_one_abroad() -> None:
    loc = _location("Two suicide bombers detonated among pilgrims in Iskandariyah, Babil, Iraq, "
                    "killing 23 civilians.")
    assert loc.country == "Iraq"


def test_the_capital_in_brackets_tells_which_congo() -> None:
    loc = _location("Gunmen attacked a market in Ngaliema, Kinshasa, Congo (Kinshasa), killing "
                    "nine people.")
    assert loc.country == "Democratic Republic of the Congo"


def test_a_unit_written_before_the_name_is_not_part_of_it() -> None:
    loc = _location("Militants burned two buses at a depot in Barangay Talisay, Almeria, Biliran, "
                    "Philippines, killing two drivers.")
    assert loc.name == "Talisay"


def test_a_quarter_before_a_city_written_inside_its_province() -> None:
    loc = _location("A suicide bomber detonated a vehicle at a base in Albu Dhiyab, Ramadi, Al Anbar, "
                    "Iraq, killing 15 people.")
    assert loc.name == "Ramadi"


def test_a_place_given_as_a_reference_point_is_not_the_place() -> None:
    loc = _location("Gunmen opened fire on a police patrol in Qaryat Zurbah, north of Baghdad, "
                    "killing a policeman. Attacks on police are frequent in Iraq.")
    assert loc.name == "Qaryat Zurbah"
    assert loc.country == "Iraq"


def test_a_description_before_city_of_is_not_the_city() -> None:
    loc = _location("A small bomb exploded on a main street in the Southern Iranian city of "
                    "Zahedan, injuring two.")
    assert loc.name == "Zahedan"


def test_a_town_whose_name_ends_like_a_building_is_a_town() -> None:
    loc = _location("An assailant threw incendiary devices at an Islamic center in Falls Church, "
                    "Virginia, United States. Nobody was hurt.")
    assert loc.name == "Falls Church"


def test_a_state_named_like_its_city_holds_a_town_the_scan_missed() -> None:
    loc = _location("Assailants threw a firecracker at the house of a rabbi in New City, New York, "
                    "United States. Nobody was hurt.")
    assert loc.name == "New City"
    assert loc.admin1 == "New York"


def test_a_state_written_after_its_town_without_a_comma() -> None:
    loc = _location("A package bomb exploded at an office in Annapolis Maryland, United States, "
                    "injuring two guards.")
    assert loc.name == "Annapolis"
    assert loc.admin1 == "Maryland"


def test_a_name_with_a_place_in_it_stays_whole() -> None:
    loc = _location("Assailants attacked the Radio Television Afghanistan station in Jalalabad, "
                    "Nangarhar, Afghanistan, killing six civilians.")
    assert loc.name == "Jalalabad"


def test_a_written_address_beats_a_lone_name_of_another_state() -> None:
    loc = _location("Members set fire to the Birchwood at Spring Lake condominium in Middle Island, "
                    "New York in the United States.  There were no casualties.")
    assert loc.name == "Middle Island"
    assert loc.admin1 == "New York"


def test_a_place_near_another_name_is_its_reference_point() -> None:
    loc = _location("A suicide bomber detonated near the stadium, in Saint Denis suburb, near "
                    "Paris, France. Three people were killed.")
    assert loc.name == "Saint Denis"


def test_the_one_city_an_article_names_places_an_unplaced_attack() -> None:
    loc = _location("Naveed Haq forced his way into Jewish Federation of Greater Seattle, "
                    "headquarters of the philanthropic organization, by holding a gun to the head "
                    "of a teenage girl.  He then shot six women working there, killing one of them.")
    assert loc.name == "Seattle"


def test_a_village_written_in_a_small_town_is_the_incident_s_town() -> None:
    loc = _location("Militants entered a house in Mangota-Marmat in Doda district, "
                    "Jammu and Kashmir, India, and shot dead the owner's wife.")
    assert loc.name == "Mangota-Marmat"
    assert loc.country == "India"


def test_a_village_near_a_small_town_is_the_incident_s_town() -> None:
    loc = _location("Two Israelis were wounded in a shooting attack on their car near the "
                    "settlement of Ateret near Ramallah, West Bank.")
    assert loc.name == "Ateret"


def test_a_village_near_a_big_city_gives_way_to_the_city() -> None:
    # GTD codes the city, in its vicinity, for what happens just outside a big one.
    loc = _location("Two civilians were injured by a roadside bomb in Sadiyah, a town east of "
                    "Baqubah, Iraq.")
    assert loc.name == "Baqubah"


def test_a_known_town_before_its_district_address_wins_over_the_district() -> None:
    loc = _location("Two men threw a bomb at a medicine shop in Gaur municipality area in "
                    "Rautahat district, Naraynai province, Nepal, injuring six persons.")
    assert loc.name == "Gaur"


def test_the_settlement_of_a_bloc_is_the_settlement_not_the_bloc() -> None:
    loc = _location("An armored vehicle carrying school children was fired on near the Qatif "
                    "Bloc settlement of Morag, Gaza Strip.")
    assert loc.name != "Qatif Bloc"


def test_a_place_after_an_arabic_article_is_locative() -> None:
    loc = _location("The body of a Palestinian man was found shot dead in al-Birah near "
                    "Ramallah, West Bank.")
    assert "Birah" in str(loc.name)


def test_a_named_station_after_an_arabic_article_is_no_town() -> None:
    loc = _location("A woman suicide bomber blew herself up at the al-Sharqi police station in "
                    "Baqubah, Iraq, killing a policeman.")
    assert loc.name == "Baqubah"


def test_the_country_a_conflict_is_about_is_not_where_the_attack_happened() -> None:
    loc = _location("Assailants attacked an art gallery in Chelsea, New York City, United States. "
                    "The assailants defaced a photography exhibit on the conflict in Ukraine and "
                    "assaulted a German photojournalist with pepper spray.")
    assert loc.country == "United States"


def test_a_capital_filed_under_a_region_of_its_own_is_the_city() -> None:
    # GeoNames files Kyiv under "Kyiv City", beside the oblast the bare name resolves to.
    loc = _location("Assailants attacked the Russian Embassy in Kiev, Ukraine. There were no "
                    "reported casualties, although the building was damaged in the attack.")
    assert loc.name == "Kiev"
    assert loc.specificity == 1


def test_a_small_region_capital_written_bare_is_the_town() -> None:
    loc = _location("Security forces arrested a suicide bomber equipped with an explosives-laden "
                    "belt in Lahij, Yemen. The bomber had planned to attack a checkpoint.")
    assert loc.name == "Lahij"
    assert loc.specificity == 1


def test_a_loosely_spelled_town_stays_in_the_one_country_that_has_it() -> None:
    # "from the US" makes the United States the article's only place; the town is Iraq's.
    loc = _location("Insurgents attacked the government building in Baqouba. Guards fired back, "
                    "killing four of them. The attack came before the handover of power from the "
                    "US to a new Iraqi interim government.")
    assert loc.country == "Iraq"


def test_a_quarter_before_a_region_named_like_its_city_is_the_city() -> None:
    loc = _location("A suicide bomber detonated his explosives inside a restaurant in the Mansour "
                    "neighborhood, Baghdad, Baghdad, Iraq. Ten people were killed.")
    assert loc.name == "Baghdad"
    assert loc.specificity == 1


def test_a_quarter_before_a_province_stays_the_quarter() -> None:
    # "Tehran province": the writer means the province, not the city.
    loc = _location("A magnetic bomb attached to a car exploded near Darrous neighborhood, Tehran "
                    "province, Iran. A university professor was killed.")
    assert loc.name == "Darrous"


def test_a_side_of_a_city_is_named_as_the_city() -> None:
    loc = _location("An assailant armed with a knife attacked an Israeli teenager in East Jerusalem "
                    "city, West Bank and Gaza Strip. The assailant was killed.")
    assert loc.name == "Jerusalem"
    assert loc.country == "West Bank and Gaza Strip"


def test_a_town_named_for_a_side_of_a_smaller_one_keeps_its_name() -> None:
    loc = _location("An assailant set fire to a mosque in West Covina, California, United States. "
                    "There were no casualties.")
    assert loc.name == "West Covina"
