"""Publication dates as inputs spell them, to ``datetime.date``.

ISO 8601 ("2018-08-21", "2018-08-21T09:30:00Z"), RFC 822 ("Tue, 21 Aug 2018 09:30:00 GMT"),
prose ("August 21, 2018", "21 August 2018"), feedparser's ``time.struct_time`` and Unix
timestamps. A date without a day ("August 2018") is refused rather than guessed: the time stage
resolves "on Monday" against it, so a made-up day would move every incident.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time

from dateutil import parser as dateutil_parser

# Publication dates outside this range are typos or placeholders ("0001-01-01").
MIN_YEAR = 1900
MAX_YEAR = 2100
# Numbers in this range are Unix timestamps in seconds (2001-09 to 2286); above, milliseconds.
_MIN_EPOCH_SECONDS = 1_000_000_000
_MAX_EPOCH_SECONDS = 10_000_000_000

# Two defaults that differ in every field: a component missing from the string shows up as a
# difference between the two parses.
_DEFAULT_A = dt.datetime(2001, 1, 1)
_DEFAULT_B = dt.datetime(2002, 2, 2)


def parse_date(value: object) -> dt.date | None:
    """The calendar date ``value`` names, or None when it names none (empty, partial, junk)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, time.struct_time):
        return _in_range(dt.date(value.tm_year, value.tm_mon, value.tm_mday))
    if isinstance(value, int | float):
        return _from_timestamp(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        return _from_timestamp(float(text))
    return _in_range(_from_iso(text) or _from_rfc822(text) or _from_prose(text))


def _from_iso(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _from_rfc822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _from_prose(text: str) -> dt.date | None:
    try:
        a = dateutil_parser.parse(text, default=_DEFAULT_A)
        b = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():  # year, month or day was not in the text
        return None
    return a.date()


def _from_timestamp(number: float) -> dt.date | None:
    if number >= _MAX_EPOCH_SECONDS:
        number /= 1000
    if not _MIN_EPOCH_SECONDS <= number < _MAX_EPOCH_SECONDS:
        return None
    return dt.datetime.fromtimestamp(number, tz=dt.UTC).date()


def _in_range(date: dt.date | None) -> dt.date | None:
    if date is None or not MIN_YEAR <= date.year <= MAX_YEAR:
        return None
    return date
