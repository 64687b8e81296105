"""Watch filters: which new or updated incidents a watcher reports.

A filter is a comma-separated list of conditions that must all hold, the way a person writes
it: ``country=Russia,killed>=1`` or ``place=Chechnya, killed>=1``. Conditions:

- text fields, compared without regard to case: ``country`` (name or ISO code), ``admin1``,
  ``place`` (the place name, admin1 or country), ``perpetrator`` (any group, by name or
  canonical name), ``attack_type``, ``weapon_type``, ``target_type`` (any of the incident's),
  ``text`` (a substring of the summary);
- figures: ``killed`` and ``wounded`` with ``=``, ``>=``, ``<=``, ``>`` or ``<`` (the
  record's lower bound; an unknown figure meets no condition).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from incidex.errors import InputError
from incidex.record import Incident

_CONDITION = re.compile(r"^\s*([a-z_0-9]+)\s*(>=|<=|!=|=|>|<)\s*(.*?)\s*$", re.I)
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "=": operator.eq, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
    "!=": operator.ne,
}
_FIGURES = ("killed", "wounded")
_TEXTS = ("country", "admin1", "place", "perpetrator", "attack_type", "weapon_type", "target_type", "text")


def _texts(incident: Incident, field: str) -> list[str]:
    location = incident.location
    values: list[str | None]
    if field == "country":
        values = [location.country, location.country_code]
    elif field == "admin1":
        values = [location.admin1]
    elif field == "place":
        values = [location.name, location.admin1, location.country]
    elif field == "perpetrator":
        values = [v for p in incident.perpetrators for v in (p.name, p.canonical)]
    else:
        values = list(getattr(incident, field + "s"))
    return [v.casefold() for v in values if v]


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: str

    def holds(self, incident: Incident) -> bool:
        if self.field in _FIGURES:
            count = getattr(incident.casualties, self.field)
            if count is None or count.min is None:
                return False
            return _COMPARE[self.op](count.min, int(self.value))
        wanted = self.value.casefold()
        if self.field == "text":
            found = wanted in incident.summary.casefold()
        else:
            found = wanted in _texts(incident, self.field)
        return found if self.op == "=" else not found


@dataclass(frozen=True)
class WatchFilter:
    """A named conjunction of conditions (the name is the spec unless saved under another)."""

    name: str
    conditions: tuple[Condition, ...]

    @classmethod
    def parse(cls, spec: str, name: str | None = None) -> WatchFilter:
        conditions: list[Condition] = []
        for part in spec.split(","):
            if not part.strip():
                continue
            match = _CONDITION.match(part)
            if match is None:
                raise InputError(f"filter condition {part.strip()!r} is not FIELD=VALUE or FIELD>=N")
            field, op, value = match.group(1).lower(), match.group(2), match.group(3)
            if field in _FIGURES:
                if not value.isdigit():
                    raise InputError(f"filter {field}{op}{value!r}: {field} takes a whole number")
            elif field in _TEXTS:
                if op not in ("=", "!="):
                    raise InputError(f"filter {field}{op}{value}: {field} takes = or !=")
            else:
                raise InputError(f"unknown filter field {field!r}; use one of "
                                 f"{', '.join((*_TEXTS, *_FIGURES))}")
            conditions.append(Condition(field, op, value))
        if not conditions:
            raise InputError(f"filter {spec!r} has no conditions")
        return cls(name or spec.strip(), tuple(conditions))

    def matches(self, incident: Incident) -> bool:
        return all(c.holds(incident) for c in self.conditions)


__all__ = ["Condition", "WatchFilter"]
