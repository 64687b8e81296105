"""How alike two incident records are: one interpretable score made of named features.

Each feature looks at one part of the record (date, place, attack type, perpetrators,
targets, weapons, casualties, wording) and adds a signed contribution to the score: positive
when the two records agree on something specific, negative when they disagree, zero when one
of them does not say. A few disagreements are *vetoes* (cannot-link constraints) that no
amount of agreement elsewhere overrides, because they mean two different events whatever the
wording:

- the two incidents come from the same article (the pipeline already decided they differ);
- both dates are known and more than :data:`MAX_DATE_GAP_DAYS` apart;
- both countries are known and differ;
- both places are geocoded to a city (specificity 1-2) more than :data:`VETO_DISTANCE_KM` apart.

The weights are round numbers set by hand so that a contribution reads as "how many pieces of
agreement this is worth"; the merge threshold on the sum (:data:`MATCH_THRESHOLD`) was chosen
on the development half of ``incidex eval dedup`` (see :mod:`incidex.evaluate.dedup`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from incidex.record import Count, Incident

__all__ = [
    "MATCH_THRESHOLD",
    "MAX_DATE_GAP_DAYS",
    "VETO_DISTANCE_KM",
    "Feature",
    "MatchExplanation",
    "attack_types_compatible",
    "content_tokens",
    "distance_km",
    "score_pair",
]

#: Dates (when both are known) further apart than this are two incidents.
MAX_DATE_GAP_DAYS = 2

#: Two places both geocoded to a city and further apart than this are two incidents.
VETO_DISTANCE_KM = 100.0

#: Merge when the score reaches this. Chosen on the development half of ``incidex eval dedup``
#: (sweep 2.5..5.5 in steps of 0.5): the lowest threshold at which precision is above
#: recall both pairwise and in B-cubed on the RAND dev half (4.0 has the best B-cubed F1 by
#: 0.003 but recall above precision). A wrong merge hides an incident, a missed one only shows
#: it twice, so precision is bought with recall. MUC-4 dev has too few merged pairs to decide.
MATCH_THRESHOLD = 4.5

_TOKEN = re.compile(r"[^\W_]+")

#: Words that carry no identity: function words and the vocabulary every attack report shares.
_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is was were are be been being has
    have had that this these those it its their there which who whom whose what when where while
    after before during into onto over under about against between than then also not no nor
    said says say according reported reports report today yesterday tonight morning afternoon
    evening night week monday tuesday wednesday thursday friday saturday sunday one two three
    four five six seven eight nine ten least more than some several other another unidentified
    unknown people person persons man men woman women attack attacks attacked killed killing
    kill wounded injured injuring dead died death deaths bomb bombs exploded explosion
    responsibility claimed incident incidents police officials official government security
    forces members group near city town village area province district capital region where
    will would could may might should can did does do he she they them his her him we our you
    i s t""".split()
)

#: Attack types that one real event can be coded as by different reports.
_ATTACK_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Assassination", "Armed Assault", "Unarmed Assault", "Bombing/Explosion"}),
    frozenset({"Bombing/Explosion", "Facility/Infrastructure Attack"}),
    frozenset({"Armed Assault", "Facility/Infrastructure Attack"}),
    frozenset({"Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)", "Hijacking"}),
)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def content_tokens(texts: Iterable[str]) -> frozenset[str]:
    """Folded words of the texts that could tell one event from another (no stop words)."""
    out: set[str] = set()
    for text in texts:
        for match in _TOKEN.finditer(text):
            word = _fold(match.group())
            if len(word) > 1 and word not in _STOPWORDS and not word.isdigit():
                out.add(word)
    return frozenset(out)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a short report inside a long one)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def attack_types_compatible(a: Iterable[str], b: Iterable[str]) -> bool | None:
    """Whether one event could carry both codings; None when either side says nothing."""
    sa = {t for t in a if t != "Unknown"}
    sb = {t for t in b if t != "Unknown"}
    if not sa or not sb:
        return None
    if sa & sb:
        return True
    return any(x in family and y in family for family in _ATTACK_FAMILIES for x in sa for y in sb)


@dataclass(frozen=True)
class Feature:
    """One piece of evidence for or against a match, as ``show --why`` prints it."""

    name: str
    contribution: float
    detail: str
    veto: bool = False


@dataclass(frozen=True)
class MatchExplanation:
    """Why two incidents were (or were not) taken for one event."""

    left: str
    right: str
    features: tuple[Feature, ...]
    threshold: float = MATCH_THRESHOLD

    @property
    def score(self) -> float:
        return round(sum(f.contribution for f in self.features), 4)

    @property
    def vetoed(self) -> bool:
        return any(f.veto for f in self.features)

    @property
    def is_match(self) -> bool:
        return not self.vetoed and self.score >= self.threshold

    def fired(self) -> list[Feature]:
        """The features that moved the score or vetoed the match."""
        return [f for f in self.features if f.veto or f.contribution != 0.0]

    def to_json(self) -> dict[str, object]:
        return {
            "left": self.left,
            "right": self.right,
            "score": self.score,
            "threshold": self.threshold,
            "match": self.is_match,
            "vetoed": self.vetoed,
            "features": [
                {"name": f.name, "contribution": f.contribution, "detail": f.detail, "veto": f.veto}
                for f in self.fired()
            ],
        }


@dataclass
class _Features:
    items: list[Feature] = field(default_factory=list)

    def add(self, name: str, contribution: float, detail: str, veto: bool = False) -> None:
        self.items.append(Feature(name, round(contribution, 4), detail, veto))


def _date_feature(a: Incident, b: Incident, out: _Features) -> None:
    da, db = a.date, b.date
    if da.start is None or db.start is None:
        return
    a_end, b_end = da.end or da.start, db.end or db.start
    gap = max((db.start - a_end).days, (da.start - b_end).days, 0)
    if gap > MAX_DATE_GAP_DAYS:
        out.add("date", 0.0, f"{gap} days apart", veto=True)
    elif da.precision != "day" or db.precision != "day":
        out.add("date", 0.25, f"periods overlap within {gap} days ({da.precision}/{db.precision})")
    else:
        out.add("date", {0: 1.0, 1: 0.5}.get(gap, 0.0), "same day" if gap == 0 else f"{gap} day(s) apart")


def _place_feature(a: Incident, b: Incident, out: _Features) -> None:
    la, lb = a.location, b.location
    if la.country_code and lb.country_code and la.country_code != lb.country_code:
        out.add("place", 0.0, f"different countries ({la.country_code}, {lb.country_code})", veto=True)
        return
    if la.lat is not None and la.lon is not None and lb.lat is not None and lb.lon is not None:
        km = distance_km(la.lat, la.lon, lb.lat, lb.lon)
        if la.specificity <= 2 and lb.specificity <= 2:
            if km > VETO_DISTANCE_KM:
                out.add("place", 0.0, f"{km:.0f} km apart", veto=True)
            elif km <= 10:
                out.add("place", 0.5, f"{km:.0f} km apart")
            elif km <= 50:
                out.add("place", 0.25, f"{km:.0f} km apart")
            else:
                out.add("place", -1.0, f"{km:.0f} km apart")
            return
    if la.admin1 and lb.admin1:
        if _fold(la.admin1) == _fold(lb.admin1):
            out.add("place", 0.25, f"same admin1 ({la.admin1})")
        else:
            out.add("place", -1.0, f"different admin1 ({la.admin1}, {lb.admin1})")


def _attack_feature(a: Incident, b: Incident, out: _Features) -> None:
    compatible = attack_types_compatible(a.attack_types, b.attack_types)
    if compatible is None:
        return
    if a.primary_attack_type == b.primary_attack_type:
        out.add("attack type", 0.5, f"both {a.primary_attack_type}")
    elif compatible:
        out.add("attack type", 0.0, f"compatible ({a.primary_attack_type}, {b.primary_attack_type})")
    else:
        out.add("attack type", -1.5, f"incompatible ({a.primary_attack_type}, {b.primary_attack_type})")


def _perpetrator_keys(incident: Incident) -> set[str]:
    """Groups the alias table knows; "gunmen" or "terrorists" (no canonical name) identify nobody."""
    return {_fold(p.canonical) for p in incident.perpetrators if p.canonical}


def _perpetrator_feature(a: Incident, b: Incident, out: _Features) -> None:
    pa, pb = _perpetrator_keys(a), _perpetrator_keys(b)
    if not pa or not pb:
        return
    shared = pa & pb
    if shared:
        out.add("perpetrator", 1.0, "shared: " + ", ".join(sorted(shared)))
    else:
        out.add("perpetrator", -1.0, f"different: {sorted(pa)} vs {sorted(pb)}")


def _entity_words(incident: Incident, which: str) -> frozenset[str]:
    entities = {
        "targets": [*incident.human_targets, *incident.physical_targets],
        "weapons": incident.weapons,
    }[which]
    return content_tokens(m for e in entities for m in e.mentions)


def _words_feature(name: str, a: frozenset[str], b: frozenset[str], weight: float, out: _Features) -> None:
    if not a or not b:
        return
    shared = a & b
    if shared:
        # One shared word ("car", "police") is common; full credit takes two.
        score = _overlap(a, b) * min(1.0, len(shared) / 2)
        out.add(name, weight * score, f"{score:.2f} overlap: " + ", ".join(sorted(shared)[:8]))
    else:
        out.add(name, -0.5 * weight, "no shared words")


def _count_range(count: Count | None) -> tuple[int, int | None] | None:
    if count is None or count.min is None:
        return None
    return count.min, count.max


def _plausible(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """Figures that reports of one event could give: overlapping ranges or within a factor of 3."""
    (amin, amax), (bmin, bmax) = a, b
    if (amax is None or bmin <= amax) and (bmax is None or amin <= bmax):
        return True
    low, high = sorted((amin, bmin))
    return high <= 3 * low + 3


def _casualty_feature(a: Incident, b: Incident, out: _Features) -> None:
    details: list[str] = []
    total = 0.0
    for name in ("killed", "wounded"):
        ra = _count_range(getattr(a.casualties, name))
        rb = _count_range(getattr(b.casualties, name))
        if ra is None or rb is None:
            continue
        if ra == rb and ra[0] > 0:
            total += 0.5
            details.append(f"{name} agree ({ra[0]})")
        elif not _plausible(ra, rb):
            total -= 1.5
            details.append(f"{name} implausible ({ra[0]} vs {rb[0]})")
    if details:
        out.add("casualties", total, "; ".join(details))


def _wording(incident: Incident) -> frozenset[str]:
    return content_tokens([incident.summary])


def _shingles(incident: Incident, n: int = 3) -> frozenset[str]:
    words = [_fold(m.group()) for m in _TOKEN.finditer(incident.summary)]
    return frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))


def _wording_feature(a: Incident, b: Incident, out: _Features) -> None:
    wa, wb = _wording(a), _wording(b)
    if not wa or not wb:
        return
    jaccard = _jaccard(wa, wb)
    shingles = _jaccard(_shingles(a), _shingles(b))
    detail = f"word Jaccard {jaccard:.2f}, 3-gram Jaccard {shingles:.2f}"
    out.add("wording", 3.0 * jaccard + 1.0 * shingles, detail)


def score_pair(a: Incident, b: Incident, threshold: float = MATCH_THRESHOLD) -> MatchExplanation:
    """Every feature of the pair (a, b) and the verdict; symmetric up to the order of details."""
    out = _Features()
    shared_articles = set(a.article_ids) & set(b.article_ids)
    if shared_articles:
        out.add("article", 0.0, "same article: " + ", ".join(sorted(shared_articles)), veto=True)
    _date_feature(a, b, out)
    _place_feature(a, b, out)
    _attack_feature(a, b, out)
    _perpetrator_feature(a, b, out)
    _words_feature("targets", _entity_words(a, "targets"), _entity_words(b, "targets"), 2.0, out)
    _words_feature("weapons", _entity_words(a, "weapons"), _entity_words(b, "weapons"), 0.5, out)
    _casualty_feature(a, b, out)
    _wording_feature(a, b, out)
    return MatchExplanation(a.id, b.id, tuple(out.items), threshold)
