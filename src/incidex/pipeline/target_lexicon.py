"""Words that name a GTD target/victim type, taken from the codebook's definitions and subtypes.

Each entry is a type and the nouns (heads of target or victim phrases) that the codebook files
under it, e.g. "Business ... a restaurant, gas station, music store, bar, café ... hospitals"
or "Police ... police boxes, patrols, headquarters, academies, cars, checkpoints ... jails or
prison facilities". Entries are in priority order: when one phrase holds words of several
types ("the delivery truck of a meatpacking plant", "the vehicle of a university professor",
"the IRS office"), the first entry that matches wins, so the institution that owns or uses the
thing outranks the thing itself, and specific institutions outrank the generic "office" or
"company". Private Citizens & Property comes last: the codebook's catch-all for individuals,
homes, cars and the public, and the one that a venue with a type overrides ("civilians
patronizing a business such as a restaurant" are a Business target).

This list is separate from :data:`incidex.pipeline.lexicon.TARGET_CLASSES`, whose entries are
features of the learned role tagger and must stay as the tagger was trained.
"""

from __future__ import annotations

import re

from incidex.codebook import TargetType as T

__all__ = ["TARGET_LEXICON", "TargetMatch", "target_matches", "type_of_phrase"]

_ENTRIES: tuple[tuple[T, str], ...] = (
    # Longest match first: these name Private Citizens & Property although they hold a word
    # of another type ("sport utility vehicle", "presidential candidate", "bus driver").
    (T.PRIVATE, r"sport\s+utility\s+vehicles?|(?:presidential\s+|political\s+|mayoral\s+)?"
                r"candidates?|campaign\s+(?:rall(?:y|ies)|events?)|political\s+supporters?|"
                r"party\s+members?|(?:bus|taxi|truck)\s+drivers?|college\s+students?"),
    (T.ABORTION, r"abortions?|family\s+planning|planned\s+parenthood|reproductive\s+(?:health|"
                 r"services|rights)|women'?s\s+(?:health\s+)?(?:clinic|cent(?:er|re)|practice)|"
                 r"gyn[ae]colog\w*|obstetric\w*|ob/?gyn"),
    (T.DIPLOMATIC, r"embass(?:y|ies)|consulates?|consular|diplomats?|diplomatic|ambassadors?|"
                   r"consuls?|united\s+nations|u\.n\.|peacekeep\w+"),
    (T.UTILITIES, r"power\s+(?:lines?|stations?|plants?|poles?|substations?|grid|facilit\w+)|"
                  r"electric(?:al|ity)?\s+(?:lines?|towers?|substations?|transformers?|"
                  r"facilit\w+|stations?|companies|company|utilit\w+)|"
                  # A substation of the police or a recruiting substation is not a utility's.
                  r"(?:gas|utility|transmission|electric\w*|power)\s+substations?|"
                  r"transformers?|pylons?|high[-\s]tension|(?:oil|gas)\s+(?:pipe)?lines?|"
                  r"pipelines?|oil\s+wells?|gas\s+wells?|utilit(?:y|ies)|street\s*lights?|"
                  r"lamp\s*posts?|energy\s+facilit\w+|hydroelectric|dams?"),
    (T.TELECOM, r"telecom\w*|telephone\s+(?:exchanges?|lines?|poles?|booths?)|cell(?:ular)?\s+"
                r"(?:phone\s+)?towers?|communications?\s+towers?|transmi(?:tters?|ssion\s+"
                r"towers?)|antenna[es]?|radio\s+towers?|microwave\s+towers?|fib(?:er|re)[-\s]optic"),
    (T.JOURNALISTS, r"journalists?|reporters?|newspapers?|newsrooms?|news\s+(?:agenc\w+|offices?)|"
                    r"radio\s+stations?|television\s+stations?|tv\s+stations?|media|editors?|"
                    r"publishers?|photographers?|cameram[ae]n|anchorm[ae]n|magazines?|"
                    r"broadcast(?:ers?|ing\s+(?:company|corporation))|(?-i:[A-Z]{2,4}\s+News|NBC|CBS|ABC|CNN|"
                    r"(?:[A-Z]\w+\s+)+(?:Post|Times|Tribune|Herald|Gazette|Chronicle)\b)"),
    (T.MILITARY, r"soldiers?|troops?|army|military|armed\s+forces|servicem[ae]n|"
                 r"servicewom[ae]n|marines?|sailors?|airm[ae]n|navy|naval|air\s+force|"
                 r"national\s+guard\w*|recruit\w*\s+(?:offices?|stations?|cent(?:er|re)s?|"
                 r"headquarters|facilit\w+)|recruiters?|barracks|(?:air|military|army|naval)\s+"
                 r"bases?|garrisons?|battalions?|brigades?|regiments?|paramilitar\w*|"
                 r"nato|coast\s+guard|rotc|reserve\s+officers'?\s+training\s+corps"),
    (T.POLICE, r"police\w*|policem[ae]n|policewom[ae]n|patrolm[ae]n|constables?|gendarm\w*|"
               r"sheriff'?s?|deput(?:y|ies)|troopers?|cops?|(?:police\s+|law\s+enforcement\s+)?"
               r"officers?|border\s+patrol|law\s+enforcement|jails?|prisons?|penitentiar\w+|"
               r"detention\s+(?:cent(?:er|re)s?|facilit\w+)|correction(?:s|al)\s+(?:officers?|"
               r"facilit\w+)|prison\s+guards?|nypd|lapd"),
    (T.RELIGIOUS, r"mosques?|masjid|church\w*|cathedrals?|chapels?(?-i:(?!\s+Hill))|parish\w*|congregations?|"
                  r"congregants?|gurdwaras?|temples?|synagogues?|shrines?|imams?|priests?|"
                  r"pastors?|reverend|rev\.|clerics?|clergy\w*|worship\w*|monks?|nuns?|"
                  r"bishops?|rabbis?|missionar\w+|chabad|prayer\s+(?:cent(?:er|re)|halls?)|"
                  r"(?:islamic|jewish|muslim|catholic|christian|hindu|sikh|buddhist)\s+(?:(?!education)\w+\s+)?"
                  r"(?:cent(?:er|re)s?|society|societies|homes?|organi[sz]ations?|associations?)|"
                  r"religious\s+(?:leaders?|figures?|institutions?|sites?|buildings?)"),
    (T.EDUCATIONAL, r"education(?:al)?\s+cent(?:er|re)s?|researchers?|schools?|universit\w+|"
                    r"colleges?(?!\s+students?)|teachers?|professors?|"
                    r"lecturers?|campus\w*|academ(?:y|ies)|school\s+bus\w*|principals?|"
                    r"kindergartens?|(?-i:[A-Z]{2,4})\s+(?:professor|researcher)s?"),
    (T.FOOD_WATER, r"water\s+(?:suppl\w+|treatment|reservoirs?|plants?|systems?)|reservoirs?|"
                   r"food\s+suppl\w+"),
    (T.GOVERNMENT, r"government\w*|pentagon|federal|state\s+(?:capitol|house|offices?|building|"
                   r"department)|capitol|white\s+house|congress\w*|senat\w+|parliament\w*|"
                   r"legislat\w+|mayors?|governors?|ministers?\s+of|ministr(?:y|ies)|"
                   r"officials?|politicians?|councill?ors?|council\s*(?:m[ae]n|wom[ae]n|members?)|"
                   r"judges?|justices?|prosecutors?|attorneys?\s+general|district\s+attorneys?|"
                   r"court\s*houses?|courts?|town\s+halls?|city\s+halls?|president|presidential|"
                   r"municipal\w*|(?:county|city|state)\s+(?:offices?|buildings?|employees?|"
                   r"workers?)|civil\s+servants?|department\s+of|bureau\s+of|agenc(?:y|ies)|"
                   r"administrations?|national\s+(?:wildlife\s+refuges?|parks?|forests?)|"
                   r"wildlife\s+refuges?|ranger\s+stations?|tax\s+(?:offices?|assessors?|collectors?|"
                   r"agenc\w+)|irs|internal\s+revenue|fbi|cia|blm|bureau\s+of\s+land\s+management|post\s+offices?|postal|"
                   r"forest\s+service|"
                   r"election\w*|polling|(?:republican|democratic)\s+(?:party|national|"
                   r"headquarters|offices?)|party\s+(?:headquarters|offices?)|"
                   r"(?-i:Rep\.|Representative\s+[A-Z])|intelligence\s+(?:agenc\w+|services?|officers?)"),
    # Airport security screeners work for an agency, but GTD codes them with the airport.
    (T.AIRPORTS, r"tsa|transportation\s+security\s+administration|"
                 r"airports?|airlines?|airliners?|aircraft|planes?|airplanes?|jets?|"
                 r"flights?|air\s+terminals?|aviation"),
    # "Port St. Lucie", "Port Arthur": a town named Port, not a port.
    (T.MARITIME, r"ships?|vessels?|boats?|tankers?|ferr(?:y|ies)|yachts?|"
                 r"ports?(?!\s+authority)(?-i:(?!\s+[A-Z]))|harbou?rs?|marinas?|cruise|seaports?"),
    (T.TOURISTS, r"tourists?|tour\s+(?:bus\w*|groups?|guides?)|holidaymakers|sightseers"),
    (T.NGO, r"ngos?|non-?governmental|non-?profit|red\s+(?:cross|crescent)|charit\w+|"
            r"humanitarian|aid\s+(?:workers?|agenc\w+|groups?|organi[sz]ations?)|"
            r"relief\s+(?:workers?|agenc\w+)|foundation|advocacy|rights\s+groups?"),
    (T.OTHER, r"ambulances?|fire\s*fighters?|fire\s+(?:stations?|trucks?|departments?)|"
              r"paramedics?|demilitari[sz]ed"),
    (T.TRANSPORTATION, r"bus|buses|trains?|railways?|railroads?|rail\s+(?:lines?|tracks?|cars?)|"
                       r"subways?|metro|trams?|trolle(?:y|ys)|"
                       r"(?:bus|train|railway|subway|metro)\s+(?:stations?|stops?|terminals?|"
                       r"depots?)|taxis?|transit|commuters?|passengers?"),
    # Construction is a business (codebook subtype "Construction"): "a group of luxury homes
    # that were under construction", "show homes" (longer than "homes", so they win over it;
    # one home being built is still a private home).
    (T.BUSINESS, r"construction\s+(?:sites?|companies|company|equipment|projects?|firms?|"
                 r"crews?|cranes?|vehicles?)|(?:housing|residential)\s+developments?|"
                 r"(?:homes|houses|townhouses|townhomes|condominiums)\s+(?:(?:that|which)\s+"
                 r"(?:were|are)\s+|being\s+|still\s+)?(?:under\s+construction|being\s+(?:built|"
                 r"constructed))|(?:show|model)\s+homes|"
                 r"banks?|shops?|stores?|outlets?|business\w*|compan(?:y|ies)|corporat\w+|"
                 r"inc\.?|co\.|llc|ltd\.?|firms?|factor(?:y|ies)|(?<!\bto\s)plants?|mills?|hotels?|motels?|"
                 r"resorts?|restaurants?|cafes?|caf\u00e9s?|bars?|taverns?|pubs?|nightclubs?|"
                 r"casinos?|theat(?:er|re)s?|cinemas?|movie|concerts?|stadiums?|"
                 r"malls?|shopping\s+(?:cent(?:er|re)s?|plazas?)|supermarkets?|grocer\w+|"
                 r"baker(?:y|ies)|bodegas?|delis?|diners?|pizzerias?|fast[-\s]food|kfc|"
                 r"fried\s+chicken|pharmac\w+|hospitals?|clinics?|medical|physicians?|doctors?|"
                 r"dr\.|dealerships?|dealers?|auto\s+(?:cent(?:er|re)|sales|dealers?)|"
                 r"car\s+lots?|(?:truck|auto|car|motor)\s+(?:cent(?:er|re)s?|lots?|sales)|"
                 r"commercial\s+(?:buildings?|complex(?:es)?|propert(?:y|ies))|gas\s+stations?|laborator(?:y|ies)|labs?|research\s+(?:facilit\w+|"
                 r"cent(?:er|re)s?|farms?)|farms?|ranch\w*|feedlots?|slaughterhouses?|"
                 r"meat\w*|poultry|dairy|fur|mink|logging|lumber|timber|sawmills?|mines?|"
                 r"mining|headquarters|offices?|warehouses?|employees?|executives?|"
                 r"businessm[ae]n|merchants?|franchise|(?-i:[A-Z][\w&]+\s+(?:Inc|Corp|Co|LLC)\b)|"
                 r"mcdonald'?s|starbucks|walmart|nike|microsoft|fedex|security\s+guards?|"
                 r"workers?\s+at|contractors?|chamber\s+of\s+commerce|cooperatives?|"
                 r"real\s+estate|cotton\s+gins?|distribution\s+cent(?:er|re)s?|trucking"),
    (T.TERRORISTS, r"militants?|rebels?|insurgents?|militia\w*|guerrill?as?|"
                   r"terrorists?(?!\s+(?:attacks?|incidents?|acts?))|(?:exile\s+)?paramilitary\s+"
                   r"groups?|(?:terrorist|militant|armed|rebel)\s+groups?"),
    (T.PRIVATE, r"civilians?|people|persons?|individuals?|residents?|villagers?|famil(?:y|ies)|"
                r"children|child|women|woman|men|man|boys?|girls?|babies|baby|teen\w*|youths?|"
                r"victims?|couples?|bystanders?|passers-?by|pedestrians?|crowds?|shoppers?|"
                r"customers?|patrons?|audience|spectators?|public|citizens?|neighbou?r\w*|"
                r"students?|protesters?|demonstrators?|activists?|rally|rallies|marchers?|"
                r"parade|wedding|funeral|refugees?|immigrants?|migrants?|asylum|farmers?|"
                r"fishermen|laborers?|labourers?|houses?|homes?|residences?|apartments?|"
                r"dwellings?|yards?|high-rises?|townhouses?|townhomes?|driveways?|porch\w*|cars?|vehicles?|trucks?|suvs?|sport\s+utility\s+vehicles?|"
                r"vans?|mailbox\w*|museums?|memorials?|monuments?|cemeter(?:y|ies)|graves?|"
                r"parks?|plazas?|squares?|markets?|marketplaces?|streets?|neighbou?rhoods?|"
                r"villages?|towns?|muslims?|jews?|christians?|sikhs?|hindus?|"
                r"african[-\s]americans?|blacks?|whites?|hispanics?|latinos?|arabs?|"
                r"gay|lesbian|lgbt\w*|homosexuals?|guards?"),

    # A road or bridge is the target only when nothing else is, not even a person or a home
    # ("a home on Lake Road") (codebook: "highways (if the
    # highway itself is the target of the attack), bridges, roads").
    # A street named Court, Drive or Lane is an address ("a home on Sarah Anne Court"), not a
    # court of law.
    (T.TRANSPORTATION, r"bridges?|highways?|tunnels?|roads?|railroad\s+crossings?|"
                       r"(?-i:(?!The\s)(?:[A-Z][a-z]+\s+){1,3}"
                       r"(?<!Supreme\s)(?<!District\s)(?<!Federal\s)(?<!High\s)(?<!Appeals\s)"
                       r"(?<!County\s)(?<!Superior\s)(?<!Circuit\s)(?<!Family\s)(?<!Criminal\s)"
                       r"(?<!Civil\s)(?<!State\s)(?<!City\s)(?<!Sharia\s)(?<!Military\s)"
                       r"(?:Court|Drive|Lane|Circle|Terrace))"),)

#: (type, compiled pattern) in priority order, case-insensitive.
TARGET_LEXICON: tuple[tuple[T, re.Pattern[str]], ...] = tuple(
    (target, re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE))
    for target, words in _ENTRIES
)
_RANK: dict[T, int] = {}
for _rank, (_target, _) in enumerate(TARGET_LEXICON):
    _RANK.setdefault(_target, _rank)

TargetMatch = tuple[T, int, int, int]
"""One lexicon hit: (type, start, end, rank of its entry), offsets into the phrase searched."""


def target_matches(text: str) -> list[TargetMatch]:
    """The lexicon hits in ``text`` by position, longest first where hits overlap.

    Longest-leftmost: "sport utility vehicle" is a car, not a utility; "Reserve Officers'
    Training Corps" is military, not police.
    """
    hits: list[TargetMatch] = []
    for rank, (target, pattern) in enumerate(TARGET_LEXICON):
        hits.extend((target, m.start(), m.end(), rank) for m in pattern.finditer(text))
    hits.sort(key=lambda h: (h[1], -h[2], h[3]))
    kept: list[TargetMatch] = []
    for hit in hits:
        if kept and hit[1] < kept[-1][2]:
            continue
        kept.append(hit)
    return kept


def type_of_phrase(phrase: str) -> T | None:
    """The type of a target phrase: the highest-priority type any of its words names."""
    hits = target_matches(phrase)
    return min(hits, key=lambda h: h[3])[0] if hits else None


#: The rank of the roads-and-bridges entry, the last: the place of an attack more often than
#: its target.
ROADS_RANK = len(TARGET_LEXICON) - 1


def priority(target: T) -> int:
    """Rank of a type's first entry in the lexicon; lower is more specific."""
    return _RANK.get(target, len(TARGET_LEXICON))
