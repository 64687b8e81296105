"""Stray readings: a small town abroad that the rest of the article never goes near.

A British story's "Cheshire" or "Yorkshire" is no American town of that name (the
gazetteer lacks the county), a Chicago story's "Grand" no town in Ivory Coast. The
resolver places such a mention from the article when the span is known to be a place,
and leaves a name the finder proposed unresolved.
"""

from __future__ import annotations

import re
from collections import Counter

from incidex.geo.gazetteer import Place

# A town smaller than this, in a country no other mention is in, while this share of at
# least this many other mentions are in one other country, is a stray reading (Strays).
STRAY_POPULATION = 20_000
STRAY_SHARE = 0.6
STRAY_MIN_MENTIONS = 3
# An article this concentrated in one other country (share of at least this many other
# mentions) strays a bigger town too, even with one other mention in the town's country
# (itself as likely a stray: "Western"): a Kenyan story's "Nyanza" is no Rwandan town.
STRONG_SHARE, STRONG_MIN_MENTIONS, STRONG_POPULATION = 0.85, 8, 100_000
# A country no other mention is in gives way to a same-named first-level region of the
# country that holds this share of at least this many other mentions ("Georgia" in a
# story of Florida, Hawaii and Seattle).
HOME_SHARE, HOME_MIN_MENTIONS = 0.7, 5
# A name written as the first part of an address ("Karma, Al Anbar", "Kanaan city, Diyala
# governorate") is a town of the region named next, whatever the gazetteer's namesake: not
# a stray, its written name is what an incident record keeps.
_ADDRESS_NEXT = re.compile(r"(?: [a-z]+)?, [A-Z]")


def heads_address(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by the region it lies in."""
    return bool(_ADDRESS_NEXT.match(text, end))


class Strays:
    """The countries of an article's chosen readings, to tell stray readings."""

    def __init__(self, chosen: list[tuple[tuple[int, ...], Place]]) -> None:
        self.chosen = chosen
        self._tally: Counter[str] | None = None  # counted on the first small town only
        self._own: dict[tuple[int, ...], Counter[str]] = {}
        self._others_of: dict[tuple[int, ...], Counter[str]] = {}

    def _count(self) -> Counter[str]:
        tally: Counter[str] = Counter()
        for key, place in self.chosen:
            if place.country_code:
                tally[place.country_code] += 1
                self._own.setdefault(key, Counter())[place.country_code] += 1
        self._tally = tally
        return tally

    def _others(self, key: tuple[int, ...]) -> Counter[str]:
        """The countries of the mentions other than those of ``key`` (kept per key)."""
        tally = self._others_of.get(key)
        if tally is None:
            tally = self._tally if self._tally is not None else self._count()
            own = self._own.get(key)
            if own:
                tally = tally - own
            self._others_of[key] = tally
        return tally

    def stray(self, place: Place, key: tuple[int, ...]) -> bool:
        """Whether ``place``, read for the mention of ``key``, is a stray reading."""
        if place.kind not in ("city", "admin2") or place.population >= STRONG_POPULATION:
            return False
        tally = self._others(key)
        total = sum(tally.values())
        support = tally[place.country_code or ""]
        if total < STRAY_MIN_MENTIONS or support > 1:
            return False
        top = tally.most_common(1)[0][1]
        if total >= STRONG_MIN_MENTIONS and top >= STRONG_SHARE * total:
            return True  # one other reading there may be as stray as this one
        return support == 0 and place.population < STRAY_POPULATION and top >= STRAY_SHARE * total

    def home_region(self, place: Place, others: list[Place], key: tuple[int, ...]) -> Place | None:
        """A first-level region among ``others`` to read instead of the country ``place``.

        The region must lie in the country the rest of the story is in, and the country
        ``place`` be one no other mention is in.
        """
        if place.kind != "country":
            return None
        tally = self._others(key)
        total = sum(tally.values())
        if total < HOME_MIN_MENTIONS or tally[place.country_code or ""] > 0:
            return None
        home, count = tally.most_common(1)[0]
        if count < HOME_SHARE * total:
            return None
        return next((p for p in others if p.kind == "admin1" and p.country_code == home), None)
