"""The incident record: what users of incidex get, and what every store and export reads.

Every field that comes from text carries :class:`Evidence`, so a reader can always go back to
the characters of the article that justify it, and to whoever the article says said so.
The models are pydantic, so ``incidex schema`` prints their JSON Schema and the API reuses them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DatePrecision = Literal["day", "week", "month", "year"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A span of an article that a field was read from."""

    article_id: str
    start: int = Field(description="Character offset of the span in the article text.")
    end: int = Field(description="Offset one past the span's last character.")
    text: str = Field(description="The article text between start and end, verbatim.")
    attributed_to: str | None = Field(
        default=None, description="Who the article says this comes from ('police')."
    )


class IncidentDate(_Model):
    start: dt.date | None = None
    end: dt.date | None = None
    precision: DatePrecision = "day"
    evidence: list[Evidence] = Field(default_factory=list)


class Location(_Model):
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    specificity: int = Field(
        default=5,
        ge=1,
        le=5,
        description="GTD geocoding specificity: 1 city known, 3 region centroid, 4 admin1 "
        "centroid, 5 unknown.",
    )
    vicinity: bool = False
    evidence: list[Evidence] = Field(default_factory=list)


class Count(_Model):
    """A casualty figure as the text gives it: 'several' is min 2, max None, not exact."""

    min: int | None = None
    max: int | None = None
    exact: bool = False
    evidence: list[Evidence] = Field(default_factory=list)

    @classmethod
    def exactly(cls, n: int, evidence: list[Evidence] | None = None) -> Count:
        return cls(min=n, max=n, exact=True, evidence=evidence or [])

    @property
    def best(self) -> int | None:
        """The single number an export column wants: the exact value, else the minimum."""
        return self.min


class Casualties(_Model):
    killed: Count | None = None
    wounded: Count | None = None
    perpetrators_killed: Count | None = None
    perpetrators_wounded: Count | None = None


class Entity(_Model):
    """A participant or object with every mention of it in the article."""

    mentions: list[str]
    evidence: list[Evidence] = Field(default_factory=list)


class Perpetrator(_Model):
    name: str
    canonical: str | None = Field(
        default=None, description="The group's name after the alias table (IS, ISIL -> Islamic State)."
    )
    individuals: list[str] = Field(default_factory=list)
    claimed: bool = False
    claim_mode: str | None = None
    attributed_by: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Flag(_Model):
    value: bool | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class SourceReport(_Model):
    """One article's own account of an incident that deduplication merged with others.

    The merged record's casualties are a reconciled value; each source's figures stay here,
    with when and from whom, so a reader can see every version of the count.
    """

    incident_id: str = Field(description="The id of the incident as extracted from this article.")
    article_id: str
    source: str | None = Field(default=None, description="The outlet that published the article.")
    published: dt.date | None = None
    casualties: Casualties = Field(default_factory=Casualties)


class Incident(_Model):
    id: str
    article_ids: list[str]
    summary: str = ""
    date: IncidentDate = Field(default_factory=IncidentDate)
    location: Location = Field(default_factory=Location)
    attack_types: list[str] = Field(default_factory=list, description="GTD attack types, primary first.")
    weapon_types: list[str] = Field(default_factory=list)
    target_types: list[str] = Field(default_factory=list)
    perpetrators: list[Perpetrator] = Field(default_factory=list)
    human_targets: list[Entity] = Field(default_factory=list)
    physical_targets: list[Entity] = Field(default_factory=list)
    weapons: list[Entity] = Field(default_factory=list)
    casualties: Casualties = Field(default_factory=Casualties)
    suicide: Flag = Field(default_factory=Flag)
    success: Flag = Field(default_factory=Flag)
    multiple: bool = False
    related: list[str] = Field(default_factory=list)
    evidence: dict[str, list[Evidence]] = Field(
        default_factory=dict,
        description="Evidence of fields with no structure of their own: summary, attack_types, "
        "weapon_types, target_types.",
    )
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    reports: list[SourceReport] = Field(
        default_factory=list,
        description="Per-source casualty figures of a merged incident (empty for a single report).",
    )
    reconciliation: dict[str, str] = Field(
        default_factory=dict,
        description="Casualty field (killed, wounded, ...) -> the rule that chose the merged value.",
    )
    merged_from: list[dict[str, Any]] = Field(
        default_factory=list,
        description="The single-article incidents this record merges, verbatim as Incident JSON "
        "(kept untyped so the schema stays flat), so a merge can be explained and split again; "
        "empty for a single report.",
    )

    def members(self) -> list[Incident]:
        """The single-article incidents behind this record: itself unless it is a merge."""
        return [Incident.model_validate(m) for m in self.merged_from] or [self]

    @property
    def primary_attack_type(self) -> str | None:
        return self.attack_types[0] if self.attack_types else None

    @property
    def primary_perpetrator(self) -> str | None:
        if not self.perpetrators:
            return None
        first = self.perpetrators[0]
        return first.canonical or first.name


def incident_id(article_id: str, anchor: int) -> str:
    """A stable id for the incident anchored at a character offset of an article."""
    digest = hashlib.sha1(f"{article_id}:{anchor}".encode()).hexdigest()
    return f"inc-{digest[:12]}"


def incident_json_schema() -> dict[str, object]:
    return Incident.model_json_schema()
