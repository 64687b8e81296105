"""Articles and incident records for tests, built in code the way the pipeline would build them.

Every field quoted from the text carries Evidence whose offsets really point into the
article, so a test that checks evidence survives a round trip checks something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from incidex.article import Article
from incidex.record import (
    Casualties,
    Count,
    Evidence,
    Flag,
    Incident,
    IncidentDate,
    Location,
    Perpetrator,
    incident_id,
)


def first_group(text: str) -> str | None:
    """The canonical name of the first perpetrator of the first incident the pipeline reads
    in ``text`` (which must report one), None when it names no perpetrator."""
    import incidex

    incidents = incidex.extract(text)
    assert incidents, text
    perps = incidents[0].perpetrators
    return perps[0].canonical if perps else None


def evidence(article: Article, quote: str, attributed_to: str | None = None) -> list[Evidence]:
    """Evidence for the first occurrence of ``quote`` in the article (it must occur)."""
    start = article.text.index(quote)
    return [
        Evidence(
            article_id=article.id,
            start=start,
            end=start + len(quote),
            text=quote,
            attributed_to=attributed_to,
        )
    ]


@dataclass
class Report:
    """One canned news report and what a good extraction reads from it."""

    text: str
    published: dt.date
    source: str
    anchor: str  # the phrase the incident is anchored at (for its id)
    date: dt.date | None
    place: str | None
    admin1: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    attack_types: list[str]
    weapon_types: list[str]
    target_types: list[str]
    perpetrator: tuple[str, str | None] | None  # (name as written, canonical)
    claimed: bool = False
    claim_mode: str | None = None
    killed: tuple[str, int, int | None, bool] | None = None  # (quote, min, max, exact)
    wounded: tuple[str, int, int | None, bool] | None = None
    suicide: bool | None = None
    success: bool | None = True
    summary: str = ""
    said_by: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


REPORTS: dict[str, Report] = {
    "kabul": Report(
        text=(
            "KABUL (Reuters) - A suicide bomber killed at least 12 people and wounded 30 "
            "others outside a police station in Kabul on Monday, police said. The Islamic "
            "State group claimed responsibility in a statement posted on its Amaq website."
        ),
        published=dt.date(2024, 3, 5),
        source="Reuters",
        anchor="A suicide bomber killed",
        date=dt.date(2024, 3, 4),
        place="Kabul",
        admin1="Kabul",
        country="Afghanistan",
        country_code="AF",
        lat=34.5281,
        lon=69.1723,
        attack_types=["Bombing/Explosion"],
        weapon_types=["Explosives"],
        target_types=["Police"],
        perpetrator=("The Islamic State group", "Islamic State"),
        claimed=True,
        claim_mode="Posted to website, blog, etc.",
        killed=("at least 12 people", 12, None, False),
        wounded=("30 others", 30, 30, True),
        suicide=True,
        summary="A suicide bomber killed at least 12 people outside a police station in Kabul.",
        said_by="police",
    ),
    "mogadishu": Report(
        text=(
            "MOGADISHU - Gunmen stormed a hotel in Mogadishu on Saturday, killing five "
            "guests and wounding several guards before security forces ended the siege, a "
            "police officer said. Al-Shabaab said it carried out the attack."
        ),
        published=dt.date(2023, 11, 19),
        source="AP",
        anchor="Gunmen stormed a hotel",
        date=dt.date(2023, 11, 18),
        place="Mogadishu",
        admin1="Banaadir",
        country="Somalia",
        country_code="SO",
        lat=2.0469,
        lon=45.3182,
        attack_types=["Armed Assault", "Hostage Taking (Barricade Incident)"],
        weapon_types=["Firearms", "Explosives"],
        target_types=["Business", "Private Citizens & Property"],
        perpetrator=("Al-Shabaab", "Al-Shabaab"),
        claimed=True,
        claim_mode="Personal claim",
        killed=("five guests", 5, 5, True),
        wounded=("several guards", 2, None, False),
        suicide=False,
        summary='Gunmen stormed a hotel in Mogadishu, "killing five guests", police said.',
        said_by="a police officer",
    ),
    "zamfara": Report(
        text=(
            "Armed bandits abducted 40 villagers in Zamfara state in northwest Nigeria last "
            "month, local officials said on Tuesday. No group has claimed the kidnapping."
        ),
        published=dt.date(2022, 6, 14),
        source="Premium Times",
        anchor="Armed bandits abducted",
        date=dt.date(2022, 5, 1),
        place="Zamfara",
        admin1="Zamfara",
        country="Nigeria",
        country_code="NG",
        lat=12.1222,
        lon=6.2236,
        attack_types=["Hostage Taking (Kidnapping)"],
        weapon_types=["Firearms"],
        target_types=["Private Citizens & Property"],
        perpetrator=("Armed bandits", None),
        killed=None,
        wounded=None,
        summary="Armed bandits abducted 40 villagers in Zamfara state,\nNigeria.",
        said_by="local officials",
        extra={"precision": "month"},
    ),
    "ramming": Report(
        text=(
            "A man drove a van into pedestrians on a busy shopping street on Friday, injuring "
            "three people, in what police described as a deliberate act. The driver was shot "
            "dead by officers."
        ),
        published=dt.date(2021, 8, 21),
        source="Local Wire",
        anchor="A man drove a van",
        date=dt.date(2021, 8, 20),
        place=None,
        admin1=None,
        country=None,
        country_code=None,
        lat=None,
        lon=None,
        attack_types=["Unarmed Assault"],
        weapon_types=["Vehicle"],
        target_types=["Private Citizens & Property"],
        perpetrator=None,
        killed=None,
        wounded=("three people", 3, 3, True),
        summary="A man drove a van into pedestrians, injuring three people.",
        said_by="police",
    ),
}


def make_article(name: str = "kabul", *, text: str | None = None, id: str = "") -> Article:
    report = REPORTS[name]
    return Article(
        text=text if text is not None else report.text,
        id=id,
        url=f"https://news.example.org/{name}",
        title=f"{name.title()} attack",
        published=report.published,
        source=report.source,
    )


def make_incident(name: str = "kabul", article: Article | None = None) -> Incident:
    """The incident a careful coder would read from report ``name``, with evidence."""
    report = REPORTS[name]
    article = article or make_article(name)
    said_by = report.said_by

    def count(spec: tuple[str, int, int | None, bool] | None) -> Count | None:
        if spec is None:
            return None
        quote, low, high, exact = spec
        return Count(min=low, max=high, exact=exact, evidence=evidence(article, quote, said_by))

    perpetrators = []
    if report.perpetrator is not None:
        written, canonical = report.perpetrator
        perpetrators.append(
            Perpetrator(
                name=written,
                canonical=canonical,
                claimed=report.claimed,
                claim_mode=report.claim_mode,
                evidence=evidence(article, written),
            )
        )
    location = Location(
        name=report.place,
        admin1=report.admin1,
        country=report.country,
        country_code=report.country_code,
        lat=report.lat,
        lon=report.lon,
        specificity=1 if report.lat is not None else 5,
        evidence=evidence(article, report.place) if report.place else [],
    )
    precision = str(report.extra.get("precision", "day"))
    assert precision in ("day", "week", "month", "year")
    return Incident(
        id=incident_id(article.id, article.text.index(report.anchor)),
        article_ids=[article.id],
        summary=report.summary,
        date=IncidentDate(start=report.date, end=report.date, precision=precision),
        location=location,
        attack_types=report.attack_types,
        weapon_types=report.weapon_types,
        target_types=report.target_types,
        perpetrators=perpetrators,
        casualties=Casualties(killed=count(report.killed), wounded=count(report.wounded)),
        suicide=Flag(value=report.suicide),
        success=Flag(value=report.success),
        evidence={"attack_types": evidence(article, report.anchor, said_by)},
        confidence=0.8,
    )


def make_report(name: str = "kabul") -> tuple[Article, list[Incident]]:
    article = make_article(name)
    return article, [make_incident(name, article)]


def all_reports() -> list[tuple[Article, list[Incident]]]:
    return [make_report(name) for name in REPORTS]
