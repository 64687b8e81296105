"""Names the gazetteer build adds to GeoNames': GTD spellings, aliases and demonyms.

Kept apart from ``build_gazetteer.py`` so the lexicons can be read (and reviewed) in one
place. Every entry is general knowledge of how English news names places, not an answer
for any document.
"""

from __future__ import annotations

import re

# GTD's country names where GeoNames' differ (GTD codebook, "Country (Location) Codes").
GTD_COUNTRY: dict[str, str] = {
    "BA": "Bosnia-Herzegovina", "CZ": "Czech Republic", "SK": "Slovak Republic",
    "MK": "Macedonia", "PS": "West Bank and Gaza Strip", "TL": "East Timor",
    "SZ": "Swaziland", "VA": "Vatican City", "KN": "St. Kitts and Nevis", "LC": "St. Lucia",
    "MF": "St. Martin", "MO": "Macau", "VI": "Virgin Islands (U.S.)", "IM": "Man, Isle of",
    "NL": "Netherlands", "CV": "Cape Verde",
}
# GTD's first-level region names: GeoNames' without a generic word ("Borno State" -> "Borno"),
# and these exceptions.
GTD_ADMIN1: dict[str, str] = {"US.DC": "District of Columbia"}
GTD_ADMIN1_SUFFIX = re.compile(r" (State|Department|Province|Governorate|Prefecture)$")
# Other names news uses for countries, beyond GeoNames/Natural Earth/GTD spellings.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["US", "USA", "U.S.", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    # A former state is mapped to its successor, as GeoNames does.
    "RU": ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Zaire", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Congo"],
    "MM": ["Burma"], "NL": ["Holland"], "CI": ["Cote d'Ivoire"], "CZ": ["Czechia"],
    "TL": ["Timor-Leste"], "SZ": ["Eswatini"], "MK": ["North Macedonia"],
    "PS": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territories"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "KR": ["Republic of Korea", "Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "BA": ["Bosnia"], "VN": ["Viet Nam"], "SY": ["Syrian Arab Republic"], "IR": ["Persia"],
    "CV": ["Cabo Verde"], "TR": ["Turkiye"], "LA": ["Lao PDR"], "VA": ["Vatican", "Holy See"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "SA": ["Saudi", "KSA"], "TT": ["T&T", "Trinidad"],
}
# Postal abbreviations of Australian states that do not collide with other common uses.
AU_ABBREVIATIONS = {"nsw", "qld"}
# Aliases of continents and named regions, by GeoNames id.
REGION_ALIASES: dict[int, list[str]] = {
    6255148: ["EU", "European Union"], 7730009: ["Latin America"],
}
# Nationality words of continents and named regions, by the region's GeoNames name.
REGION_DEMONYMS: dict[str, str] = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "oceanian": "Oceania",
    "south american": "South America", "north american": "North America",
    "central american": "Central America", "latin american": "Latin America and the Caribbean",
    "middle eastern": "Middle East", "scandinavian": "Scandinavia", "arctic": "Arctic",
    "antarctic": "Antarctica", "arab": "Arabia", "arabian": "Arabian Peninsula",
    "balkan": "Balkans",
}
# Sub-national demonyms: word -> (country code, admin1 name as in admin1CodesASCII).
ADMIN1_DEMONYMS: dict[str, tuple[str, str]] = {
    "chechen": ("RU", "Chechnya"), "chechens": ("RU", "Chechnya"),
    "dagestani": ("RU", "Dagestan"), "ingush": ("RU", "Ingushetiya Republic"),
    "scottish": ("GB", "Scotland"), "welsh": ("GB", "Wales"),
    "catalan": ("ES", "Catalonia"), "basque": ("ES", "Basque Country"),
    "tibetan": ("CN", "Tibet"), "uighur": ("CN", "Xinjiang"), "uyghur": ("CN", "Xinjiang"),
    "texan": ("US", "Texas"), "californian": ("US", "California"),
    "kashmiri": ("IN", "Jammu and Kashmir"), "punjabi": ("PK", "Punjab"),
    "balochi": ("PK", "Balochistan"), "baluch": ("PK", "Balochistan"),
    # The language name is also the adjective of the place ("English football").
    "english": ("GB", "England"), "sicilian": ("IT", "Sicily"), "tamil": ("IN", "Tamil Nadu"),
    "bavarian": ("DE", "Bavaria"), "quebecois": ("CA", "Quebec"),
}
# Seats of government and landmarks that news names for the capital they stand in
# ("the White House said", "the Kremlin denied"): extra names of that capital, by country.
CAPITAL_LANDMARKS: dict[str, list[str]] = {
    "US": ["White House", "Capitol Hill", "Oval Office", "Foggy Bottom",
           "West Wing"],
    "RU": ["Kremlin"], "GB": ["Downing Street", "Whitehall", "Westminster"],
    "FR": ["Elysee Palace", "Élysée Palace", "Quai d'Orsay"], "CN": ["Zhongnanhai"],
    "KR": ["Blue House"], "IL": ["Knesset"], "DE": ["Bundestag", "Reichstag"],
    "JP": ["Kasumigaseki"], "BE": ["Berlaymont"],
}

# Abbreviated and spelt-out forms of the same name word ("St. Bernard Parish" and "Saint
# Bernard Parish", "Ste. Genevieve", "Mt. Pleasant", "Ft. Worth"): normalised name words.
ABBREVIATED_WORDS: dict[str, str] = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def abbreviation_variants(name: str) -> set[str]:
    """The other spellings of a normalised name with an abbreviated or spelt-out word."""
    words = name.split()
    out = set()
    for short, full in ABBREVIATED_WORDS.items():
        for a, b in ((short, full), (full, short)):
            if a in words:
                out.add(" ".join(b if w == a else w for w in words))
    out.discard(name)
    return out
