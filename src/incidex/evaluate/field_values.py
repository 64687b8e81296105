"""Reading a coded database's CSV file and the values in its cells (GTD, RAND).

The scorers in :mod:`incidex.evaluate.fields` and the comparisons in
:mod:`incidex.evaluate.field_matching` read every cell through these helpers, so that one
decision holds everywhere: GTD's blanks and its placeholders -9 / -99 / "Unknown" are "no
value", bytes that are not UTF-8 are Windows-1252 (GTD's North America file mixes both), and
names are compared after :func:`fold`.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from incidex.errors import DecodeError, EmptyInputError, MalformedRecordError

__all__ = [
    "cell_text",
    "decode_text",
    "fold",
    "is_unknown",
    "parse_count",
    "parse_float",
    "read_csv_rows",
]

_CP1252_FALLBACK = "incidex-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252 (GTD's North America file mixes both)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)

def decode_text(raw: bytes) -> str:
    """UTF-8 where it is, Windows-1252 for the bytes that are not; a BOM is dropped."""
    text = raw.decode("utf-8", errors=_CP1252_FALLBACK)
    return text.removeprefix("\ufeff")


def read_csv_rows(path: Path, required: Iterable[str]) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts; raises when a required column is missing."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DecodeError(f"cannot read: {error.strerror}", source=str(path)) from error
    text = decode_text(raw)
    if not text.strip():
        raise EmptyInputError("the file is empty", source=str(path))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = set(reader.fieldnames or ())
    missing = [c for c in required if c not in columns]
    if missing:
        raise MalformedRecordError(f"no column {', '.join(missing)}", source=str(path))
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


# --------------------------------------------------------------------------- values

_UNKNOWN_CODES = frozenset({"", "-9", "-99", "nan", "unknown"})


def parse_count(value: str | int | float | None) -> int | None:
    """A count from a cell: None for blanks and GTD's unknown codes (-9, -99)."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return None if value < 0 or math.isnan(value) else int(value)
    text = value.strip().lower()
    if text in _UNKNOWN_CODES:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return None if number < 0 or math.isnan(number) else int(number)


def parse_float(value: str | float | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def is_unknown(value: str | None) -> bool:
    return value is None or value.strip().lower() in _UNKNOWN_CODES


_PUNCT = re.compile(r"[^\w\s]|_")


def fold(name: str) -> str:
    """Lower case, no diacritics, apostrophes deleted, other punctuation a space, one space."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['‘’ʼʻ`´]", "", plain)
    return " ".join(_PUNCT.sub(" ", plain).split())


def cell_text(row: Mapping[str, Any], column: str) -> str | None:
    """A prediction cell as text; None where it is blank."""
    value = row.get(column)
    if value is None or value == "":
        return None
    return str(value)
