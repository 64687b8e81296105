"""Dates in news text, resolved against the publication date.

"on Monday" in an article published on a Tuesday is the day before; "August 20" takes the
publication year unless that would put it after publication; "yesterday", "last night" and
"this morning" count from publication. GTD summaries open with "MM/DD/YYYY:", MUC-4 uses
"25 oct 89" and "2 february".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from incidex.record import DatePrecision

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("us_numeric", re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b")),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b",
                             re.IGNORECASE)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?",
                             re.IGNORECASE)),
    ("month_year", re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>\d{{4}})\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?P<last>last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|"
                           r"friday|saturday|sunday)\b", re.IGNORECASE)),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|this\s+morning|this\s+afternoon|"
                            r"this\s+evening|last\s+night|overnight|earlier\s+today|"
                            r"(?P<n>\d+|two|three|four|five|six|seven)\s+days\s+ago|last\s+week)\b",
                            re.IGNORECASE)),
)

_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None
    precision: DatePrecision


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``published`` where it is relative."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            if kind == "month_day" and match.group("month").lower() == "may" and not match.group(
                "year"
            ):
                continue  # "may 5" is too often the verb
            resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            date, precision = resolved
            taken.append((match.start(), match.end()))
            found.append(
                DateMention(offset + match.start(), offset + match.end(), match.group(), kind,
                            date, precision)
            )
    found.sort(key=lambda m: m.start)
    return found


def _resolve(
    kind: str, match: re.Match[str], published: dt.date | None
) -> tuple[dt.date | None, DatePrecision] | None:
    groups = match.groupdict()
    try:
        if kind in ("iso", "us_numeric"):
            year, month, day = int(groups["year"]), int(groups["mnum"]), int(groups["day"])
            return dt.date(year, month, day), "day"
        if kind in ("day_month", "month_day"):
            month = _MONTHS[groups["month"].lower()]
            day = int(groups["day"])
            maybe_year = _year(groups.get("year"), published)
            if maybe_year is None:
                return None, "day"
            year = maybe_year
            date = dt.date(year, month, day)
            if groups.get("year") is None and published is not None and date > published:
                date = date.replace(year=year - 1)
            return date, "day"
        if kind == "month_year":
            return dt.date(int(groups["year"]), _MONTHS[groups["month"].lower()], 1), "month"
    except (ValueError, KeyError):
        return None
    if published is None:
        return None
    if kind == "weekday":
        target = _WEEKDAYS[groups["weekday"].lower()]
        back = (published.weekday() - target) % 7
        if groups.get("last") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), "day"
    rel = " ".join(groups["rel"].lower().split())
    if rel in ("yesterday", "last night", "overnight"):
        return published - dt.timedelta(days=1), "day"
    if rel == "last week":
        return published - dt.timedelta(days=7), "week"
    if rel.endswith("days ago"):
        n = groups["n"].lower()
        days = int(n) if n.isdigit() else _SMALL[n]
        return published - dt.timedelta(days=days), "day"
    return published, "day"


def _year(text: str | None, published: dt.date | None) -> int | None:
    if text is None:
        return published.year if published else None
    digits = text.lstrip("'")
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year > 30 else 2000
    return year
