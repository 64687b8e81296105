"""The place where each incident happened, from the places the geocode stage found.

An incident's place is the most specific place its own clauses put it "in", "at" or "near";
then one its sentences put an event in; then the article's region, when its places agree on
one ("Grozny", "Shali" and "Chechnya" -> Chechnya), at GTD specificity 4; then its country.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from incidex.geo.address import UNIT_WORDS
from incidex.geo.address_parts import namesake_city
from incidex.geo.gazetteer import Gazetteer, Place
from incidex.geo.resolver import specificity
from incidex.geo.written_towns import written_towns
from incidex.groups import GroupLexicon
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.inner_towns import inner_town, whole_city
from incidex.pipeline.registry import register_stage

_POSSESSIVE = re.compile(r"[’']s?\b")
_SPECIFIC_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}


def _most_specific(spans: list[Span]) -> Span | None:
    """The most specific place; at one level, an address the text writes out ("in
    Campbelltown, Pennsylvania") before a lone name ("near Chestnut Hill and Kreider Roads"),
    then the first; a place given as a reference point ("near Paris, France", "on the
    outskirts of Philadelphia") after one that is not."""
    if not spans:
        return None
    return min(spans, key=lambda s: (_SPECIFIC_RANK.get(str(s.attrs["kind"]), 9),
                                     s.attrs.get("reference", False), "mention" not in s.attrs,
                                     s.start))


def _names_group(doc: Doc, span: Span) -> bool:
    """A group's whole name that the gazetteer also knows as a place ("Hamas")."""
    return any(g.start == span.start and g.end == span.end for g in doc.mentions.get("group", []))


def _is_group(doc: Doc, span: Span) -> bool:
    """A group's whole name, or a country or wider region inside one: the "Iraq" of "the
    Islamic State of Iraq and the Levant" says who, not where. A town inside a name stays
    ("the Jewish Federation of Greater Seattle" is in Seattle), and a group's country still
    places an article that names no place (``frame_location``)."""
    if _names_group(doc, span):
        return True
    return span.attrs["kind"] in ("country", "region", "continent") and any(
        g.start <= span.start and span.end <= g.end for g in doc.mentions.get("group", []))


def article_region(doc: Doc) -> tuple[Place | None, list[Span]]:
    """The admin1 region (else country) most of the article's places lie in."""
    toponyms = [s for s in doc.mentions.get("toponym", []) if not _names_group(doc, s)]
    places = [s for s in toponyms if not s.attrs["demonym"]] or toponyms
    admin1: Counter[tuple[str, str]] = Counter()
    country: Counter[str] = Counter()
    for span in places:
        place: Place = span.attrs["place"]
        if place.country_code:
            # "Police in Iraq are ..." says more of where the article is than "Interior"; a
            # country in a group's name ("Communist Party of Nepal-Maoist") is never where.
            locative = span.attrs["locative"] and not _is_group(doc, span)
            country[place.country_code] += 2 if locative else 1
        if place.admin1_code and place.country_code and place.kind in ("city", "admin2", "admin1"):
            admin1[(place.country_code, place.admin1_code)] += 1
    for address in doc.mentions.get("address", []):
        # A written address ("..., Jerusalem city, West Bank") says its country outright.
        code = address.attrs["place"].country_code
        if code:
            country[code] += 2
    if not country:
        return None, []
    top_country, _ = country.most_common(1)[0]
    gazetteer = Gazetteer.default()
    regions = [(k, n) for k, n in admin1.most_common() if k[0] == top_country]
    if regions and regions[0][1] >= 2 and (len(regions) == 1 or regions[0][1] > regions[1][1]):
        region = gazetteer.admin1(*regions[0][0])
        if region is not None:
            evidence = [s for s in places if s.attrs["place"].admin1_code == regions[0][0][1]
                        and s.attrs["place"].country_code == top_country]
            return region, evidence[:3]
    evidence = [s for s in places if s.attrs["place"].country_code == top_country] or [
        a for a in doc.mentions.get("address", []) if a.attrs["place"].country_code == top_country]
    return gazetteer.country(top_country), evidence[:3]


def _places_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Address chains and the toponyms outside them, within [start, end)."""
    # A chain counts where its first part is: a clause may end inside it.
    addresses = [a for a in doc.mentions.get("address", []) if start <= a.start < end]
    toponyms = [s for s in doc.mentions_in("toponym", start, end)
                if not any(a.start <= s.start < a.end for a in addresses) and not _is_group(doc, s)]
    if addresses:
        # Where the text spells out an address, a lone name in another country is something
        # else ("the Chatelet metro station in Paris, France").
        countries = {a.attrs["place"].country_code for a in addresses}
        toponyms = [s for s in toponyms if s.attrs["place"].country_code in countries]
    return addresses + toponyms


def _is_town(span: Span) -> bool:
    return span.attrs["kind"] in ("city", "admin2")


def _within(span: Span, region: Span) -> bool:
    place: Place = span.attrs["place"]
    outer: Place = region.attrs["place"]
    if place.country_code != outer.country_code:
        return False
    return outer.kind != "admin1" or place.admin1_code == outer.admin1_code


def _refine(choice: Span | None, wider: list[Span]) -> Span | None:
    """A region or country chosen from the incident's own clauses gives way to a town inside
    it that the incident's sentences put something in ("... the insurgency in Algeria, set up
    a roadblock near Sidi Lakhdar, Algeria"): GTD codes the town."""
    if choice is None or _is_town(choice):
        return choice
    towns = [s for s in wider if s.attrs["locative"] and _is_town(s) and _within(s, choice)]
    return _most_specific(towns) or choice


def frame_location(doc: Doc, frame: Frame) -> None:
    in_frame = [s for c in frame.clauses for s in _places_in(doc, c.start, c.end)]
    choice = _most_specific([s for s in in_frame if s.attrs["locative"]])
    sentence_spans = [
        s for i in frame.sentences
        for s in _places_in(doc, doc.sentences[i].start, doc.sentences[i].end)
    ]
    choice = _refine(choice, sentence_spans)
    if choice is None:
        choice = _most_specific([s for s in sentence_spans if s.attrs["locative"]])
    setup = frame.setup_sentence(doc)
    if setup is not None:
        sentence = doc.sentences[setup]
        setup_spans = _places_in(doc, sentence.start, sentence.end)
        choice = _refine(choice, setup_spans) if choice is not None else _most_specific(
            [s for s in setup_spans if s.attrs["locative"]])
    if choice is None or not _is_town(choice):
        choice = _written_town(doc, frame, choice) or choice
    regional: Span | None = None
    if choice is not None and choice.attrs["place"].country_code is None:
        # A region of several countries ("the traditional North Caucasus mixture of ammonium
        # nitrate", "across the Middle East") says less than a town the article puts the
        # attack in elsewhere, or its country: it places the incident only if nothing does.
        regional, choice = choice, None
    if choice is None:
        # The incident's own sentences name no place: a town the article puts something in
        # elsewhere ("Gunmen attacked the home of a translator. The attack occurred in
        # Baqubah."), else a town its sentences name at all, if the article is there.
        everywhere = _places_in(doc, 0, len(doc.text))
        choice = _most_specific([s for s in everywhere if s.attrs["locative"] and _is_town(s)])
        choice = choice or _written_town(doc, frame, None, anywhere=True)
    if choice is None:
        region, _ = article_region(doc)
        choice = _most_specific([
            s for s in sentence_spans if s.attrs["kind"] == "city"
            and not _surname(doc, s)
            and (region is None or region.country_code == s.attrs["place"].country_code)])
    if choice is None:
        choice = _only_city(doc, article_region(doc)[0])
    choice = _keep_to_dateline(doc, choice)
    choice = _village_before(doc, choice)
    hints = _hinted_countries(doc)
    if choice is not None:
        choice = whole_city(choice)
        place: Place = _in_hinted_country(doc, choice, hints)
        name = choice.attrs.get("name")
        frame.location = {"place": place, "evidence": [choice], "name": name,
                          "specificity": 2 if name else specificity(place)}
        return
    region, evidence = article_region(doc)
    dateline = next((s for s in doc.mentions.get("toponym", []) if s.attrs.get("dateline")), None)
    if dateline is not None:
        filed_in: Place = dateline.attrs["place"]
        if region is None or region.country_code != filed_in.country_code:
            region, evidence = filed_in, [dateline]
    if region is None and doc.mentions.get("group"):
        # Nothing in the text says where: the country the named group operates in.
        group = doc.mentions["group"][0]
        code = next(iter(_group_countries(str(group.attrs.get("canonical")))), None)
        region, evidence = (Gazetteer.default().country(code) if code else None), [group]
    if region is None and regional is not None:
        region, evidence = regional.attrs["place"], [regional]
    if region is not None:
        frame.location = {"place": region, "evidence": evidence,
                          "specificity": specificity(region)}
        return
    town = _bare_town(doc, frame)
    if town is not None:
        # "in Halabjah" and nothing the gazetteer knows around it: GTD still codes the town
        # as written, with no coordinates (codebook specificity 5).
        frame.location = {"place": None, "name": town.text, "evidence": [town], "specificity": 5}


def _bare_town(doc: Doc, frame: Frame) -> Span | None:
    """The first written town in the incident's clauses, else its sentences."""
    towns = doc.mentions.get("written_town", [])
    in_clauses = [t for t in towns if any(c.start <= t.start < c.end for c in frame.clauses)]
    in_sentences = [t for t in towns if any(doc.sentences[i].start <= t.start < doc.sentences[i].end
                                            for i in frame.sentences)]
    return next(iter(in_clauses or in_sentences), None)


def _mark_references(doc: Doc) -> None:
    """A place after "near" (or "outside", "a suburb of") that follows another name closely
    is that name's reference point, not the place ("in Saint Denis suburb, near Paris,
    France"; "Tapuah junction, near Nablus city"): it ranks after places that are not."""
    names = [s for kind in ("toponym", "address", "written_town") for s in doc.mentions.get(kind, [])]
    for span in doc.mentions.get("toponym", []) + doc.mentions.get("address", []):
        near = span.attrs.get("near_at")
        span.attrs["reference"] = near is not None and any(
            near - 30 <= other.end <= near for other in names if other is not span)


_CAPITALISED_BEFORE = re.compile(r"\b(?!(?:In|At|The|Near|From|Outside)\s)[A-Z][\w'’.-]*\s+$")


def _surname(doc: Doc, span: Span) -> bool:
    """A possessive name after a capitalised word is a person's ("Edythe London's home");
    after a lowercase one it is the place's ("central Colombo's Eye Hospital")."""
    return _POSSESSIVE.match(doc.text, span.end) is not None and _CAPITALISED_BEFORE.search(
        doc.text, max(0, span.start - 30), span.start) is not None


def _only_city(doc: Doc, region: Place | None) -> Span | None:
    """The one city an article names, in its region, however it names it ("the Jewish
    Federation of Greater Seattle"): where an incident nothing else places happened."""
    if region is None:
        return None
    cities = [s for s in _places_in(doc, 0, len(doc.text)) if s.attrs["kind"] == "city"
              and not _surname(doc, s) and not s.attrs["demonym"]
              and s.attrs["place"].country_code == region.country_code]
    return cities[0] if len({s.attrs["place"].geonameid for s in cities}) == 1 else None


def _country_dateline(doc: Doc) -> Span | None:
    """A dateline that is a country or region alone ("ARGENTINA.  The second floor of ...",
    "WEST BANK.  Palestinian gunmen ..."): the heading of a chronology's entry, which names
    the country the incident happened in. A city dateline ("KABUL (AP) -") only says where
    the report was filed."""
    first = next(iter(doc.mentions.get("toponym", [])), None)
    if first is None or not first.attrs.get("dateline") or first.attrs["demonym"]:
        return None
    place: Place = first.attrs["place"]
    return first if place.kind in ("country", "admin1", "region") and place.country_code else None


def _keep_to_dateline(doc: Doc, choice: Span | None) -> Span | None:
    """A place chosen outside the country of a country dateline gives way to its namesake in
    that country, else to the most specific place the article names there, else to the
    dateline itself ("ISRAEL.  Letter bombs were intercepted in a Jerusalem post office.
    They were mailed from Amsterdam.": Jerusalem)."""
    dateline = _country_dateline(doc)
    if dateline is None or choice is None:
        return choice
    code = dateline.attrs["place"].country_code
    if choice.attrs["place"].country_code == code:
        return choice
    namesake = next((c for c in choice.attrs.get("candidates") or ()
                     if c.country_code == code and c.kind in ("city", "admin2", "admin1")), None)
    if namesake is not None:
        return Span(choice.start, choice.end, choice.text, choice.label,
                    {**choice.attrs, "place": namesake, "place_name": namesake.name,
                     "kind": namesake.kind})
    there = [s for s in _places_in(doc, dateline.end, len(doc.text))
             if s.attrs["place"].country_code == code and not s.attrs["demonym"]]
    towns = [s for s in there if _is_town(s)]
    best = _most_specific([s for s in towns if s.attrs["locative"]]) or _most_specific(towns)
    if best is None and _is_town(choice):
        # A town the gazetteer puts abroad only ("SUDAN. ... the oil town of Bentiu", now in
        # South Sudan): the town, named, in the dateline's country.
        container: Place = dateline.attrs["place"]
        return Span(choice.start, choice.end, choice.text, choice.label, {
            **choice.attrs, "place": container, "place_name": container.name, "kind": "city",
            "name": choice.attrs.get("name") or choice.text, "candidates": ()})
    return best or _most_specific([s for s in there if s.attrs["locative"]]) or _most_specific(
        there) or dateline


def _village_before(doc: Doc, choice: Span | None) -> Span | None:
    """The village written right before the chosen place, where that place only locates it
    ("in Kufr Deek in the Salfit area"; see :mod:`incidex.pipeline.inner_towns`)."""
    if choice is None:
        return None
    known = [s for s in doc.mentions.get("toponym", []) if s.end <= choice.start
             and s.attrs["kind"] == "city" and s.attrs["locative"] and not s.attrs["demonym"]
             and not _is_group(doc, s)]
    container: Place = choice.attrs["place"]
    written = [_placed_town(doc, t, container) for t in doc.mentions.get("written_town", [])
               if t.end <= choice.start]
    return inner_town(doc, choice, known + written) or choice


def _placed_town(doc: Doc, town: Span, container: Place) -> Span:
    """A written town as a place: the gazetteer's under a looser spelling, else named at its
    container's point."""
    spelled = _spelled_town_in(doc, town.text, container)
    if spelled is not None:
        return Span(town.start, town.end, town.text, "toponym", {
            "place": spelled, "place_name": spelled.name, "kind": spelled.kind,
            "demonym": False, "locative": True, "candidates": ()})
    return Span(town.start, town.end, town.text, "toponym", {
        "place": container, "place_name": container.name, "kind": "city", "name": town.text,
        "demonym": False, "locative": True, "candidates": ()})


def _written_town(doc: Doc, frame: Frame, region: Span | None, anywhere: bool = False
                  ) -> Span | None:
    """A town the gazetteer does not know, written after "in" or "near" in the incident's
    clauses or sentences (with ``anywhere``, in the article), placed in the region chosen so
    far (else the article's)."""
    towns = doc.mentions.get("written_town", [])
    if not towns:
        return None
    in_clauses = [t for t in towns if any(c.start <= t.start < c.end for c in frame.clauses)]
    in_sentences = [t for t in towns if any(doc.sentences[i].start <= t.start < doc.sentences[i].end
                                            for i in frame.sentences)]
    if anywhere:
        in_sentences = in_sentences or towns
    if not (in_clauses or in_sentences):
        return None
    town = (in_clauses or in_sentences)[0]
    container = region.attrs["place"] if region is not None else article_region(doc)[0]
    if container is not None:
        return _placed_town(doc, town, container)
    spelled = _spelled_town(town.text, None)
    return None if spelled is None else Span(town.start, town.end, town.text, "toponym", {
        "place": spelled, "place_name": spelled.name, "kind": spelled.kind,
        "demonym": False, "locative": True, "candidates": ()})


def _spelled_town_in(doc: Doc, name: str, container: Place) -> Place | None:
    """A written town under a looser spelling inside its container, else the town of that
    spelling the gazetteer has in one country only, where the article names that country or
    its people ("insurgents attacked the building in Baqouba" with "Iraqi" guards and "US"
    forces: Baqubah, not a town of the United States)."""
    spelled = _spelled_town(name, container)
    if spelled is not None:
        return spelled
    elsewhere = _spelled_town(name, None)
    named = {s.attrs["place"].country_code for s in doc.mentions.get("toponym", [])}
    return elsewhere if elsewhere is not None and elsewhere.country_code in named else None


def _spelled_town(name: str, container: Place | None) -> Place | None:
    """A written town the gazetteer knows under a looser spelling ("Baqouba" for Baqubah),
    inside the container when there is one; a town of a single reading when there is not."""
    towns = [c for c in Gazetteer.default().candidates(name) if c.kind == "city"]
    if container is not None:
        return next((c for c in towns if c.country_code == container.country_code and (
            container.kind != "admin1" or c.admin1_code == container.admin1_code)), None)
    return towns[0] if len({c.country_code for c in towns}) == 1 else None


def _hinted_countries(doc: Doc) -> frozenset[str]:
    """Countries the article points to other than by its places: its dateline ("ARGENTINA.")
    and the countries of the groups it names ("Taliban", "Hamas")."""
    hints: set[str] = set()
    for span in doc.mentions.get("toponym", []):
        if span.attrs.get("dateline") and span.attrs["place"].country_code:
            hints.add(span.attrs["place"].country_code)
    for span in doc.mentions.get("group", []):
        hints.update(_group_countries(str(span.attrs.get("canonical"))))
    return frozenset(hints)


@cache
def _group_countries(canonical: str) -> tuple[str, ...]:
    group = GroupLexicon.default().get(canonical)
    if group is None:
        return ()
    gazetteer = Gazetteer.default()
    codes = []
    for name in group.countries:
        country = next((p for p in gazetteer.candidates(name) if p.kind == "country"), None)
        if country is not None and country.country_code:
            codes.append(country.country_code)
    return tuple(codes)


def _in_hinted_country(doc: Doc, choice: Span, hints: frozenset[str]) -> Place:
    """A town read abroad although nothing else in the article is there, while its dateline
    or the group it names points to a country with a town of that name: that town."""
    place: Place = choice.attrs["place"]
    candidates = choice.attrs.get("candidates") or ()
    if place.kind == "admin1" and choice.text.split()[-1].lower() not in UNIT_WORDS:
        # "in Irbil": the city, not the governorate of the same name (GTD's city).
        return namesake_city(place, candidates) or place
    if not hints or place.country_code in hints or place.kind not in ("city", "admin2"):
        return place
    if any(s.attrs["place"].country_code == place.country_code and s.text != choice.text
           for s in doc.mentions.get("toponym", []) if not s.attrs["demonym"]):
        return place
    return next((c for c in candidates if c.country_code in hints), place)


@register_stage("locate")
class IncidentLocator:
    name = "locate"
    requires: tuple[str, ...] = ("frames", "toponyms")
    assigns: tuple[str, ...] = ("location",)

    def __call__(self, doc: Doc) -> Doc:
        taken = [(s.start, s.end) for kind in ("toponym", "address", "group")
                 for s in doc.mentions.get(kind, [])]
        doc.mentions["written_town"] = [Span(t.start, t.end, t.name, "written_town")
                                        for t in written_towns(doc.text, taken)]
        for span in doc.mentions.get("toponym", []):
            span.attrs["locative"] = span.attrs["locative"] or span.attrs.get("aimed", False)
        _mark_references(doc)
        for frame in doc.frames:
            frame_location(doc, frame)
        return doc
