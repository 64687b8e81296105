"""Word lists the rule stages share: what signals an attack, who is an attacker, what a target
is, which weapon is which. The categories are the GTD codebook's (``incidex.codebook``).

Patterns are matched case-insensitively, so they serve lower-case text (MUC-4) too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidex.codebook import AttackType as A
from incidex.codebook import TargetType as T
from incidex.codebook import WeaponType as W


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern[str]
    attack_type: A | None
    weapon: W | None
    #: True for words that name a concrete violent act ("exploded", "shot dead"); False for
    #: words that only say something happened ("attack", "incident").
    concrete: bool


def _t(words: str, attack: A | None, weapon: W | None = None, concrete: bool = True) -> Trigger:
    return Trigger(re.compile(rf"\b(?:{words})\b", re.IGNORECASE), attack, weapon, concrete)


TRIGGERS: tuple[Trigger, ...] = (
    _t(r"assassinat\w*|gunned\s+down", A.ASSASSINATION, W.FIREARMS),
    _t(r"hijack\w*|commandeered", A.HIJACKING),
    # "took three Colombians hostage", "attempted to take the civilian hostage"
    _t(r"kidnap\w*|abduct\w*|taken\s+hostage|(?:t(?:ook|ake|aking)|seiz(?:ed|e|ing))\s+"
       r"(?:[\w'’-]+\s+){1,3}?hostages?|fled\s+with\s+(?:[\w'’-]+\s+){0,2}?hostages", A.KIDNAPPING),
    # "held three people hostage"; victims "tied and gagged" or "tied up by" the attackers
    _t(r"(?:held|holding)\s+(?:[\w'’-]+\s+){0,8}?hostages?|hostage[-\s]taking|barricaded|siege|"
       r"(?:tied|bound)\s+(?:up\s+)?and\s+gagged|(?:was|were)\s+tied\s+up\s+by", A.BARRICADE),
    # Arson as reports tell it: "setting fire to", "ignited a fire at", "started the fire",
    # "set four separate fires", "set a Nike shoe outlet on fire", "lit a bible on fire"
    # ("started the fire" tells the same fire again, not another one).
    # ("setting a luxury home, that was under construction, on fire", "lighting it on fire",
    # "set aflame", "burned to the ground", "were burned at the construction site")
    _t(r"set(?:s|ting)?\s+(?:on\s+)?(?:fire|ablaze|alight|aflame)|"
       r"(?:set(?:s|ting)?|lit|light(?:s|ing)?)\s+(?!off\b|up\b)(?:[\w'’-]+,?\s+){1,8}?"
       r"(?:on\s+fire|ablaze|alight|aflame)|"
       r"burn(?:ed|t)\s+to\s+the\s+ground|(?:was|were)\s+(?:\w+\s+)?burn(?:ed|t)\b|"
       r"(?:set(?:s|ting)?|start(?:s|ed|ing)?|ignit(?:e|es|ed|ing)|lit)\s+"
       r"(?:(?:a|an|two|three|four|five|six|several|multiple|numerous|\d+)\s+)?"
       r"(?:(?:separate|small|large|big|massive|deliberate)\s+)?fires?|"
       r"ignit(?:e|ed|ing)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:fuel|tanks?)|"
       r"poured\s+(?:gasoline|petrol|kerosene|fuel|an\s+accelerant)\s+(?:on|over|into)|"
       r"doused\s+(?:[\w'’-]+\s+){1,3}?(?:with|in)\s+(?:gasoline|petrol|kerosene|fuel)|"
       r"burn(?:ed|t)\s+(?:alive|to\s+death)|arson\w*|torch\w*|burn(?:ed|t)\s+(?:down|the|a)|firebomb\w*|fire[-\s]?bomb\w*|"
       r"molotov(?:\s+cocktails?)?|incendiary|(?:petrol|gasoline|fire)\s+bombs?|gutted\s+by\s+fire",
       A.FACILITY, W.INCENDIARY),
    _t(r"suicide\s+(?:bomb\w*|attack\w*|vest|belt|mission|car)|car[-\s]bomb\w*|truck[-\s]bomb\w*|"
       r"bomb\w*|explo(?:sion|sions|ded|de|ding)|blast\w*|detonat\w*|blow\s+up|blew\s+up|"
       r"bl(?:ew|own|ow)\s+(?:him|her|them)sel(?:f|ves)\s+up|explosive\s+charges?|"
       r"blown\s+up|i\.?e\.?d\.?s?|improvised\s+explosive|grenades?|dynamit\w*|land\s?mines?|"
       r"mortars?|rockets?|shell(?:ing|ed)|booby[-\s]trap\w*|explosive\s+devices?|explosives|"
       r"blowing\s+up|projectiles?|(?:artillery|mortar|tank|anti[-\s]?aircraft)\s+shells|firecrackers?",
       A.BOMBING, W.EXPLOSIVES),
    # "shots were fired overnight at a recruiting station"
    _t(r"shot|shoot-outs?|shoot\w*|gunfire|gunshots?|opened\s+fire|fired\s+(?:on|at|upon)|"
       r"shots\s+(?:were|had\s+been)\s+fired|"
       r"fir(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:shots|bullets?|rounds|volleys?)|"
       r"machine[-\s]?gunned|gunm[ae]n|sniper|ambush\w*|firefight|exchange\s+of\s+fire|"
       r"exchanged\s+(?:[\w-]+\s+){0,2}?fire|strafed|gun\s?battles?|gunfights?|gun\s+trucks?|"
       r"(?:machine\s+)?guns?\s+(?:attack|fire)", A.ARMED_ASSAULT, W.FIREARMS),
    _t(r"stab(?:b\w*|s)?|ston(?:ed|ing)\s+(?:\w+\s+){0,3}?to\s+death|knife|knives|knifed|machetes?|hacked|axes?|swords?|"
       r"knife\s+wounds?|slashed|beheaded|decapitated|(?:slit|cut)\s+(?:[\w'’-]+\s+){0,2}?throats?",
       A.ARMED_ASSAULT, W.MELEE),
    # Damage done by hand: "sabotaging a gondola", "vandalized a car", "broke a window".
    _t(r"sabotag(?:ed|ing)", A.FACILITY, W.SABOTAGE),
    # "toppled an electricity pylon", "destroyed by guerrillas": damage with no weapon named.
    _t(r"vandali[sz](?:ed|ing)|destroyed\s+by|"
       r"toppl(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:pylons?|towers?|posts?)|"
       r"(?:broke|smashed|shattered)\s+(?:a|an|the|\w+)\s+(?:[\w-]+\s+)?(?:windows?|glass)",
       A.FACILITY),
    # Graffiti is most often a detail left at the scene of an attack told before.
    _t(r"sabotag\w*|vandali[sz]\w*|damaged|defac(?:ed|ing)|spray[-\s]?paint(?:ed|ing)", A.FACILITY, None,
       concrete=False),
    # "drove it through a crowd", "drove at Kamal Ahmed with a van", "running into them with his
    # vehicle", "in an attempt to run over civilians"
    _t(r"ramm\w*|r[au]n\s+over|running\s+over|mowed\s+down|ploughed\s+into|plowed\s+into|"
       r"(?:drove|crashed|driving)\s+(?:a|an|his|her|the|their|it)\s+(?:[\w-]+\s+){0,3}?"
       r"(?:(?:car|truck|vehicle|van|jeep|lorry|tractor|suv)\s+)?(?:into|through)\s+(?:a|an|the)?\s*"
       r"(?:[\w-]+\s+){0,2}?(?:crowds?|group|people|pedestrians|civilians|protesters|shoppers)|"
       r"drove\s+at\s+\w+|(?:drove|crashed)\s+(?:a|his|her|the|their)\s+(?:car|truck|vehicle|van)\s+into|"
       r"(?:hitting|running\s+into|r[au]n\s+into)\s+(?:a|an|the|two|several|them|him|her|\w+)\s+[\w\s]{0,30}?"
       r"with\s+(?:his|her|a|their)\s+(?:car|truck|vehicle|van)", A.UNARMED_ASSAULT, W.VEHICLE),
    # An aircraft flown into a building is the weapon (GTD: Vehicle): "flew his private plane
    # into the IRS building", "Flight 11 crashed into the North Tower", "crashed it into".
    _t(r"(?:flew|crashed|piloted)\s+(?:[\w'’-]+\s+){0,3}?(?:plane|airplane|aircraft|jet|airliner)\s+into|"
       r"(?:plane|airplane|aircraft|jet|airliner|flight\s+\d+)\s+(?:\w+\s+){0,2}?crashed\s+into|"
       r"crashed\s+it\s+into", None, W.VEHICLE),
    # Acid and chemical agents harm by no arm, blade or blast (codebook: chemical attacks are
    # unarmed assaults): "threw acid at schoolgirls", "contaminated with an unknown chemical agent".
    _t(r"(?:threw|thrown|throwing|throw|sprayed|spraying|spray|dumped|poured|splashed)\s+"
       r"(?:\w+\s+){0,3}?acid|acid\s+attacks?|with\s+acid|chemical\s+agents?|"
       r"(?:pepper|irritant)\s+(?:spray|gas)", A.UNARMED_ASSAULT, W.CHEMICAL),
    _t(r"beat(?:en|ing)?\s+(?:to\s+(?:near\s+)?death|up|unconscious)|beaten\s+by|lynch\w*|punched|"
       r"poison\w*", A.UNARMED_ASSAULT, W.MELEE),
    # Harmful mail: "sent envelopes stuffed with monazite", "a letter laced with anthrax".
    _t(r"(?:envelopes?|envelops|letters?|packages?|parcels?)\s+(?:[\w-]+\s+){0,2}?"
       r"(?:stuffed|filled|laced|containing|contaminated|tainted)"
       r"(?!\s+(?:with\s+)?(?:an?\s+)?(?:explosives?|bombs?|money|cash|a\s+(?:message|statement)))|"
       r"(?:anthrax|ricin)[-\s](?:laced|tainted|filled|contaminated)", A.UNARMED_ASSAULT),
    # "the target of an anthrax (bacillus anthracis) attack", "anthrax spores"
    _t(r"(?:anthrax|ricin)(?:\s+\([^)]{0,40}\))?\s+(?:attacks?|letters?|spores|contamination|exposure)",
       A.UNARMED_ASSAULT, W.BIOLOGICAL),
    _t(r"(?:contracted|diagnosed\s+with|tested\s+positive\s+for)\s+(?:[\w-]+\s+){0,4}?anthrax",
       A.UNARMED_ASSAULT, W.BIOLOGICAL),
    _t(r"massacr\w*|murder\w*|killed|killing|slain|slaughter\w*|executed|died|"
       r"bod(?:y|ies)\s+(?:\w+\s+){0,3}?(?:found|discovered|recovered)", None, None),
    _t(r"wounded|injured|injuring|wounding|hurt", None, None),
    _t(r"attack\w*|assault\w*|raid\w*|stormed|struck|targeted|incidents?|clash\w*|"
       r"offensive|operation", None, None, concrete=False),
)

#: Heads of noun phrases that name the people who carried out an attack.
PERPETRATOR_NOUNS = re.compile(
    r"\b(?:(?:suicide\s+)?(?:attackers?|assailants?|bombers?|gunm[ae]n|militants?|terrorists?|"
    r"insurgents?|rebels?|guerrill?as?|jihadists?|extremists?|fighters?|hijackers?|"
    r"kidnappers?|abductors?|perpetrators?|suspects?|assassins?|raiders?|snipers?|"
    r"hitm[ae]n|shooters?|arsonists?|subversives?|urban\s+terrorists?|commandos?|"
    r"(?:unidentified|unknown|armed|masked|hooded)\s+(?:m[ae]n|individuals|youths?|persons?|"
    r"people))|"
    r"m[ae]n\s+armed\s+with|individuals\s+armed\s+with)\b",
    re.IGNORECASE,
)

#: Words for people who report, fight or respond, never victims of the attack they report.
RESPONDER_NOUNS = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person)|authorities|minister|witnesses?|sources?|"
    r"reporters?|journalists?\s+said)\b",
    re.IGNORECASE,
)

#: Target type from the words naming a human or physical target, most specific first.
TARGET_CLASSES: tuple[tuple[re.Pattern[str], T], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), target)
    for words, target in (
        (r"abortion|family\s+planning|planned\s+parenthood|reproductive\s+(?:health|services)|"
         r"women'?s\s+(?:health\s+)?(?:clinic|cent(?:er|re))", T.ABORTION),
        (r"embass\w+|consulat\w+|diplomats?|ambassadors?|consul", T.DIPLOMATIC),
        (r"airports?|airlines?|airliners?|aircraft|planes?|airplanes?|flights?|helicopters?",
         T.AIRPORTS),
        (r"journalists?|reporters?|newspapers?|radio\s+stations?|television|tv\s+stations?|"
         r"media|broadcast\w*|editors?|cameram[ae]n", T.JOURNALISTS),
        (r"police\w*|policem[ae]n|policewom[ae]n|patrolm[ae]n|constables?|gendarme\w*|"
         r"traffic\s+officers?|sheriffs?|deputies|cops?|officers?\s+on\s+duty|"
         r"police\s+officers?|checkpoints?\s+manned\s+by\s+police", T.POLICE),
        (r"soldiers?|troops?|army|military|armed\s+forces|recruit\w*\s+(?:offices?|stations?|cent(?:er|re)s?)|servicem[ae]n|marines?|battalion|brigade|"
         r"garrison|barracks|base|convoy|paramilitar\w*|national\s+guard|"
         r"security\s+forces|sentr\w+|navy|air\s+force", T.MILITARY),
        (r"mosques?|church\w*|islamic\s+(?:cent(?:er|re)|society)|jewish\s+(?:community\s+)?"
         r"cent(?:er|re)|cathedrals?|chapels?|parish\w*|congregations?|gurdwaras?|temples?|synagogues?|shrines?|imams?|priests?|clerics?|"
         r"worshipp?ers?|pilgrims?|monks?|nuns?|bishops?|rabbis?|religious", T.RELIGIOUS),
        (r"schools?|students?|universit\w+|colleges?|teachers?|pupils?|campus", T.EDUCATIONAL),
        (r"tourists?|holidaymakers", T.TOURISTS),
        (r"aid\s+workers?|ngos?|red\s+cross|charit\w+|humanitarian|relief\s+workers?|"
         r"united\s+nations|u\.?n\.?\s+(?:staff|workers?|peacekeepers?)", T.NGO),
        (r"buses|bus|trains?|railways?|railroads?|rail\s+lines?|subway|metro|stations?|"
         r"bridges?|highways?|roads?|trucks?|vehicles?|ferr(?:y|ies)|passengers?|commuters?",
         T.TRANSPORTATION),
        (r"power\s+(?:lines?|stations?|plants?|pylons?|towers?)|pylons?|electric\w*|"
         r"pipelines?|gas\s+lines?|water\s+(?:supply|plants?)|dams?|oil\s+wells?|"
         r"substations?|refiner\w+|utilit\w+", T.UTILITIES),
        (r"telecom\w*|telephone\s+(?:exchange|lines?)|cell\s+towers?|antennas?", T.TELECOM),
        (r"ships?|vessels?|boats?|tankers?|ports?|fishermen", T.MARITIME),
        (r"mayors?|governors?|ministers?|ministr\w+|officials?|government|parliament\w*|"
         r"legislators?|congressm[ae]n|senators?|politicians?|councill?ors?|judges?|"
         r"prosecutors?|courthouses?|courts?|town\s+halls?|city\s+halls?|candidates?|"
         r"presiden\w+|municipal\w*|administrat\w+|tax\s+offices?|civil\s+servants?|"
         r"election\s+officials?|polling\s+stations?", T.GOVERNMENT),
        (r"banks?|shops?|stores?|businesses|business|compan\w+|factor\w+|plants?|"
         r"hotels?|restaurants?|cafes?|bars?|markets?|offices?|supermarkets?|"
         r"businessm[ae]n|merchants?|farms?|mines?|construction|contractors?|"
         r"employees?|workers?|executives?|firms?|dealerships?|clinics?|pharmac\w+|"
         r"cinemas?|theat(?:er|re)s?|nightclubs?|malls?|gas\s+stations?|laborator\w+|"
         r"research\s+(?:facilit\w+|cent(?:er|re)s?)|fur\s+farms?|mink|slaughterhouses?|"
         r"logging|lumber|timber|developments?|construction\s+sites?|condominiums?|"
         r"real\s+estate|ranch\w*|dealers?|car\s+lots?|McDonald'?s|Starbucks|corporat\w+",
         T.BUSINESS),
        (r"militants?|rebels?|insurgents?|militia\w*|guerrill?as?|fighters?", T.TERRORISTS),
        (r"civilians?|people|villagers?|residents?|famil\w+|children|women|men|m[ae]n|"
         r"farmers?|peasants?|houses?|homes?|residences?|vehicles?|cars?|passers-?by|"
         r"bystanders?|crowds?|shoppers?|wedding|funeral|protesters?|demonstrators?|"
         r"individuals?|persons?|boys?|girls?|victims?|couple|youths?|refugees?|"
         r"teenagers?|citizens?|neighbo\w+|village\w*|apartments?|cemetery",
         T.PRIVATE),
    )
)

#: Weapons named in text, with their GTD type; the entity text is what the role keeps.
WEAPON_WORDS: tuple[tuple[re.Pattern[str], W], ...] = tuple(
    (re.compile(rf"\b(?:{words})\b", re.IGNORECASE), weapon)
    for words, weapon in (
        (r"(?:car|truck|vehicle)[-\s]bombs?|suicide\s+(?:vests?|belts?)|"
         r"(?:(?:homemade|powerful|time|remote[-\s]controlled|pipe|nail|roadside)\s+)?bombs?|"
         r"explosives?(?:\s+devices?)?|i\.?e\.?d\.?s?|grenades?|dynamite|tnt|c-?4|semtex|"
         r"land\s?mines?|mines|mortars?(?:\s+rounds?|\s+shells?)?|rockets?|"
         r"rocket[-\s]propelled\s+grenades?|rpgs?|missiles?|shells?|projectiles?|"
         r"(?:truck|car)\s+loaded\s+with\s+[\w\s]{0,20}?(?:canisters|explosives|cylinders)",
         W.EXPLOSIVES),
        (r"guns?|rifles?|pistols?|revolvers?|firearms?|machine[-\s]?guns?|submachine[-\s]?guns?|"
         r"shotguns?|ak-?47s?|kalashnikovs?|automatic\s+weapons?|small\s+arms|"
         r"assault\s+rifles?|handguns?|bullets?|m-?16s?|uzis?|carbines?", W.FIREARMS),
        (r"knives|knife|machetes?|axes?|hatchets?|swords?|daggers?|clubs?|sticks?|hammers?|cutters?|"
         r"iron\s+bars?|bats?|stones?|rocks?|bayonets?", W.MELEE),
        (r"molotov\s+cocktails?|petrol\s+bombs?|fire\s?bombs?|incendiary\s+devices?|"
         r"gasoline|petrol|kerosene|accelerants?", W.INCENDIARY),
        (r"(?:his|her|their)\s+(?:car|truck|van|vehicle|lorry)", W.VEHICLE),
        (r"(?:nerve|poison|toxic|tear|mustard|chlorine)\s+gas|sarin|chlorine|acid|toxic\s+chemicals?|cyanide|mustard\s+gas|"
         r"chemical\s+agents?|(?:pepper|irritant)\s+(?:spray|gas)",
         W.CHEMICAL),
        (r"anthrax|ricin|toxins?|biological\s+agents?", W.BIOLOGICAL),
        (r"toy\s+guns?|fake\s+(?:guns?|bombs?|weapons?)|replica\s+(?:guns?|weapons?)|"
         r"hoax\s+devices?", W.FAKE),
    )
)


def target_type_of(phrase: str) -> T | None:
    for pattern, target in TARGET_CLASSES:
        if pattern.search(phrase):
            return target
    return None
