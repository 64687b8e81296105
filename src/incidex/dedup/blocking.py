"""Which pairs of incidents are worth scoring: blocking, so resolution stays near-linear.

Scoring every pair of a million incidents is 5·10^11 comparisons; reports of one event share a
date (give or take :data:`DATE_WINDOW_DAYS`) and a place, or a date and a perpetrator. So each
incident gets a few *home keys* (the blocks it is filed under) and *probe keys* (the blocks it
looks in), and only incidents that meet in a block are compared:

- place keys ``("place", country_code, admin1 or "*", day)``. An incident whose admin1 is known
  probes its own cell and the country-wide ``"*"`` cell, for the days within the window; one
  known only to the country probes the ``"*"`` cell. A pair (admin1 known, only country known)
  is found by the first one's probe, so the wildcard never has to probe every province.
- perpetrator keys ``("perp", canonical group, day)``: every incident is filed under its groups,
  and one whose country is unknown probes them, so a report that names the group but no place
  still meets the reports that place it. Two placed reports meet through their place only
  (different countries are two incidents anyway), which keeps a busy group's blocks small.
- undated incidents use ``day = None`` and meet only other undated incidents with the same place
  or perpetrator key (a dated report of an undated one's event is missed: recall, not precision).

A store implements the same keys as an indexed column or a ``WHERE cell = ? AND day BETWEEN``
query; :func:`candidate_pairs` does it in memory.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence

from incidex.dedup.similarity import MAX_DATE_GAP_DAYS
from incidex.record import Incident

__all__ = ["DATE_WINDOW_DAYS", "BlockKey", "candidate_pairs", "home_keys", "probe_keys"]

#: How many days either side of an incident's date its probes reach; equal to the date veto,
#: so no pair the scorer could accept is lost by blocking.
DATE_WINDOW_DAYS = MAX_DATE_GAP_DAYS

BlockKey = tuple[Hashable, ...]


def _day(incident: Incident) -> int | None:
    start = incident.date.start
    return start.toordinal() if start is not None else None


def _cells(incident: Incident) -> list[tuple[str, str]]:
    """The incident's own place cell first, then the cells it probes besides it."""
    location = incident.location
    country = location.country_code or (location.country or "").casefold() or "??"
    if location.admin1:
        return [(country, location.admin1.casefold()), (country, "*")]
    return [(country, "*")]


def _perpetrators(incident: Incident) -> list[str]:
    return sorted({p.canonical.casefold() for p in incident.perpetrators if p.canonical})


def home_keys(incident: Incident) -> list[BlockKey]:
    """The blocks the incident is filed under."""
    day = _day(incident)
    country, admin1 = _cells(incident)[0]
    keys: list[BlockKey] = [("place", country, admin1, day)]
    keys.extend(("perp", group, day) for group in _perpetrators(incident))
    return keys


def probe_keys(incident: Incident) -> list[BlockKey]:
    """The blocks the incident looks in for candidates: its cells and groups, ± the date window."""
    day = _day(incident)
    days: list[int | None] = (
        [None] if day is None else list(range(day - DATE_WINDOW_DAYS, day + DATE_WINDOW_DAYS + 1))
    )
    keys: list[BlockKey] = []
    for (country, admin1), probe_day in itertools.product(_cells(incident), days):
        keys.append(("place", country, admin1, probe_day))
    if _cells(incident)[0][0] != "??":
        return keys
    for group, probe_day in itertools.product(_perpetrators(incident), days):
        keys.append(("perp", group, probe_day))
    return keys


def candidate_pairs(incidents: Sequence[Incident], max_block: int | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of incidents that meet in some block, each pair once.

    ``max_block`` skips blocks larger than that (a wire-service flood on one day in one
    country), trading recall for a bounded cost per block.
    """
    index: dict[BlockKey, list[int]] = defaultdict(list)
    for i, incident in enumerate(incidents):
        for key in home_keys(incident):
            index[key].append(i)
    seen: set[tuple[int, int]] = set()
    for i, incident in enumerate(incidents):
        for key in probe_keys(incident):
            block = index.get(key)
            if not block or (max_block is not None and len(block) > max_block):
                continue
            for j in block:
                if j == i:
                    continue
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
