"""Counts of people as news gives them: "five", "at least 11", "more than 20", "several",
"dozens", "two to three", "a" (one), "both" (two).

A :class:`Quantity` keeps the uncertainty the text expresses, which is what
:class:`incidex.record.Count` stores: "several" is at least two and not exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "lone": 1,
    "two": 2, "both": 2, "pair": 2, "couple": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: "a dozen" is twelve and "two dozen" twenty-four: a dozen multiplies like a hundred.
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}

#: Vague quantities: (minimum, maximum). "several" is at least two (DESIGN.md); "dozens" at
#: least two dozen; "scores" at least two score; "hundreds" at least two hundred.
VAGUE: dict[str, tuple[int, int | None]] = {
    "several": (2, None), "some": (2, None), "few": (2, None), "a few": (2, None),
    "many": (2, None), "numerous": (2, None), "multiple": (2, None), "various": (2, None),
    "dozens": (24, None), "scores": (40, None), "hundreds": (200, None),
    "thousands": (2000, None), "a number of": (2, None), "a handful of": (2, None),
}

_NUMBER_WORD = "|".join(sorted({*_UNITS, *_TENS, *_SCALES}, key=len, reverse=True))
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}))*))"
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_MODIFIER = (
    r"(?P<mod>at\s+least|at\s+most|more\s+than|over|nearly|almost|about|around|some|roughly|"
    r"approximately|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|an\s+estimated|estimated)"
)

QUANTITY = re.compile(
    rf"\b(?:{_MODIFIER}\s+)?(?:(?P<low>{_NUMBER})\s*(?:-|–|to|or)\s*(?P<high>{_NUMBER})|"
    rf"(?P<num>{_NUMBER})|(?P<vague>{_VAGUE}))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    min: int | None
    max: int | None
    exact: bool
    start: int
    end: int
    text: str


def parse_number(words: str) -> int | None:
    """'twenty-one' -> 21, '1,200' -> 1200, 'a' -> 1; None if it is not a number."""
    cleaned = words.lower().replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    total, current = 0, 0
    parts = [p for p in re.split(r"[\s-]+", cleaned) if p and p != "and"]
    if not parts:
        return None
    if parts[0] in ("a", "an") and len(parts) > 1 and parts[1] not in _SCALES:
        return None  # "a sixty-five-year-old man": "a" is the article, not one more
    for part in parts:
        if part in _UNITS:
            current += _UNITS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part in _SCALES:
            current = max(current, 1) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def quantity_from_match(match: re.Match[str], offset: int = 0) -> Quantity | None:
    mod = (match.group("mod") or "").lower()
    mod = " ".join(mod.split())
    start, end = offset + match.start(), offset + match.end()
    if match.group("vague"):
        low, high = VAGUE[" ".join(match.group("vague").lower().split())]
        return Quantity(low, high, False, start, end, match.group())
    if match.group("num"):
        value = parse_number(match.group("num"))
        if value is None:
            return None
        return _with_modifier(value, mod, start, end, match.group())
    low_value = parse_number(match.group("low") or "")
    high_value = parse_number(match.group("high") or "")
    scale = (match.group("high") or "").lower() in _SCALES  # "two-dozen": one number
    if low_value is None or high_value is None or high_value < low_value or scale:
        joined = parse_number(match.group()[len(match.group("mod") or "") :].strip())
        return None if joined is None else _with_modifier(joined, mod, start, end, match.group())
    return Quantity(low_value, high_value, False, start, end, match.group())


def _with_modifier(value: int, mod: str, start: int, end: int, text: str) -> Quantity:
    if mod in ("at least", "more than", "over", "as many as") or mod.startswith("more"):
        # "more than 50" keeps 50 as its lower figure: GTD codes the stated number.
        return Quantity(value, None, False, start, end, text)
    if mod in ("at most", "up to", "fewer than", "less than"):
        high = value - 1 if mod in ("fewer than", "less than") else value
        return Quantity(0, high, False, start, end, text)
    if mod:  # about, nearly, some, an estimated ...
        return Quantity(value, value, False, start, end, text)
    return Quantity(value, value, True, start, end, text)


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    found: list[Quantity] = []
    for match in QUANTITY.finditer(text):
        quantity = quantity_from_match(match, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def leading_quantity(phrase: str) -> tuple[int | None, int | None, bool] | None:
    """The count a noun phrase states at its start: 'two police officers' -> (2, 2, True)."""
    match = QUANTITY.match(phrase.strip())
    if match is None:
        return None
    quantity = quantity_from_match(match)
    if quantity is None:
        return None
    return quantity.min, quantity.max, quantity.exact
