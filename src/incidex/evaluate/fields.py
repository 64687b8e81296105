"""Field-by-field scoring of coded incidents against a coded database (GTD, RAND).

A database row and the incident incidex read from the same text are compared one field at a
time. A field is scored only on the rows where the gold side has a value (GTD's blanks and its
placeholders -9 / -99 / "Unknown" are "no value"); a missing prediction on such a row is wrong.
Counts also get a mean absolute error.

What counts as the same value (the decisions a scorer has to make, in one place):

- names (cities, groups) are compared after :func:`fold`: case, diacritics, apostrophes and
  punctuation ignored, spaces collapsed;
- cities also ignore the words "district" and "city" and GeoNames' transliteration variants
  ("Grozny" = "Groznyy"), and two names are the same city when GeoNames lists both as names
  of one town ("Konduz" = "Kunduz", "Calcutta" = "Kolkata");
- countries go through :data:`COUNTRY_EQUIVALENTS`, which maps the names GTD and RAND use for
  historical or disputed places onto the present-day names incidex's gazetteer gives
  ("West Bank/Gaza" -> "West Bank and Gaza Strip", "Federal Republic of Germany" -> "Germany",
  "Kashmir" -> India or Pakistan);
- weapon types compare GTD's long vehicle label equal to "Vehicle";
- coordinates are right within :data:`COORDINATE_TOLERANCE_KM`;
- groups are the same when incidex's alias table resolves both names to one group, or their
  folded names, or the acronyms in their brackets, agree.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from incidex.errors import DecodeError, EmptyInputError, MalformedRecordError
from incidex.geo.normalize import loose_key, normalize

if TYPE_CHECKING:
    from incidex.geo.gazetteer import Gazetteer

__all__ = [
    "COORDINATE_TOLERANCE_KM",
    "COUNTRY_EQUIVALENTS",
    "FieldScore",
    "FieldScores",
    "fold",
    "format_field_report",
    "group_named_in",
    "haversine_km",
    "parse_count",
    "parse_float",
    "read_csv_rows",
    "same_city",
    "same_country",
    "same_group",
    "same_weapon",
]

#: GTD geocodes to the city centroid; 25 km accepts the centroid of the same city or town as
#: read from another gazetteer, and rejects the neighbouring town in most places.
COORDINATE_TOLERANCE_KM = 25.0

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


# --------------------------------------------------------------------------- places

_CITY_NOISE = frozenset({"district", "city"})


def _city_keys(name: str) -> set[str]:
    words = [w for w in fold(name).split() if w not in _CITY_NOISE]
    key = " ".join(words)
    return {key, loose_key(normalize(key))} if key else set()


def same_city(predicted: str | None, gold: str | None) -> bool:
    """Same spelling (see :func:`fold`), or the gazetteer knows the gold name as another name
    of the predicted place ("Kiev" for "Kyiv", "Mazari Sharif" for "Mazār-e Sharīf")."""
    if not predicted or not gold:
        return False
    predicted_keys = _city_keys(predicted)
    if predicted_keys & _city_keys(gold):
        return True
    from incidex.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    if any(_city_keys(place.name) & predicted_keys for place in gazetteer.candidates(gold)):
        return True
    # Both names are names of one town in GeoNames ("Konduz" and "Kunduz", "Calcutta" and
    # "Kolkata"): exact alternate names only, never the looser transliteration key.
    return bool(_town_ids(gazetteer, gold) & _town_ids(gazetteer, predicted))


def _town_ids(gazetteer: Gazetteer, name: str) -> set[int]:
    ids = gazetteer.candidate_ids(normalize(name), loose=False)
    return {i for i in ids if gazetteer.place(i).kind in ("city", "admin2")}


_SERBIA_ETC = ("Serbia", "Serbia and Montenegro", "Montenegro", "Kosovo")
_YUGOSLAVIA = (*_SERBIA_ETC, "Croatia", "Slovenia", "Bosnia-Herzegovina", "Macedonia")
_USSR = (
    "Russia", "Ukraine", "Belarus", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan",
    "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Moldova", "Estonia", "Latvia",
    "Lithuania",
)

#: A gold country name (GTD's or RAND's spelling) -> the present-day names that are right for
#: it. Names not listed must equal the prediction after :func:`fold`.
COUNTRY_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "West Bank/Gaza": ("West Bank and Gaza Strip",),
    "West Bank and Gaza Strip": ("West Bank and Gaza Strip",),
    "Gaza Strip": ("West Bank and Gaza Strip",),
    "Kashmir": ("India", "Pakistan"),
    "Northern Ireland": ("United Kingdom",),
    "Chechnya": ("Russia",),
    "Federal Republic of Germany": ("Germany",),
    "West Germany (FRG)": ("Germany",),
    "German Democratic Republic": ("Germany",),
    "East Germany (GDR)": ("Germany",),
    "USSR": _USSR,
    "Soviet Union": _USSR,
    "Yugoslavia": _YUGOSLAVIA,
    "FRY": _SERBIA_ETC,
    "FRY (Kosovo)": ("Kosovo", "Serbia"),
    "FRY (Montenegro)": ("Montenegro", "Serbia and Montenegro"),
    "FRY (Serbia)": ("Serbia", "Serbia and Montenegro"),
    "FRY (Southern Serbia)": ("Serbia", "Serbia and Montenegro"),
    "Serbia-Montenegro": _SERBIA_ETC,
    "Serbia": ("Serbia", "Serbia and Montenegro", "Kosovo"),  # Kosovo: part of Serbia until 2008
    "Czechoslovakia": ("Czech Republic", "Slovak Republic"),
    "Slovakia": ("Slovak Republic",),
    "China, People's Republic of": ("China",),
    "China, Republic of (Taiwan)": ("Taiwan",),
    "Korea, South": ("South Korea",),
    "Burma (Myanmar)": ("Myanmar",),
    "Burma": ("Myanmar",),
    "Zaire (Belgian Congo)": ("Democratic Republic of the Congo",),
    "Zaire": ("Democratic Republic of the Congo",),
    "Democratic Republic of Congo": ("Democratic Republic of the Congo",),
    "Congo (Brazzaville)": ("Republic of the Congo",),
    "People's Republic of the Congo": ("Republic of the Congo",),
    "Cote d'Ivoire": ("Ivory Coast",),
    "Papua-New Guinea": ("Papua New Guinea",),
    "Trinidad-Tobago": ("Trinidad and Tobago",),
    "Sri Lanka (Ceylon)": ("Sri Lanka",),
    "Zimbabwe (Rhodesia)": ("Zimbabwe",),
    "Rhodesia": ("Zimbabwe",),
    "Namibia, SWAf": ("Namibia",),
    "Benin, Dahomey": ("Benin",),
    "Azores": ("Portugal",),
    "Canary Islands": ("Spain",),
    "Macao": ("Macau",),
    "South Vietnam": ("Vietnam",),
    "Transkei": ("South Africa",),
    "Trucial Oman States": ("United Arab Emirates",),
    "Croatians": ("Croatia",),
    "South Yemen": ("Yemen",),
    "North Yemen": ("Yemen",),
    "Puerto Rico": ("Puerto Rico", "United States"),
}
_COUNTRY_KEYS: dict[str, frozenset[str]] = {
    fold(gold): frozenset(fold(n) for n in names) for gold, names in COUNTRY_EQUIVALENTS.items()
}


def same_country(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    gold_key, predicted_key = fold(gold), fold(predicted)
    # The same name is right even where today's names are listed for it too (GTD's
    # "West Germany (FRG)" for a 1989 attack).
    return predicted_key == gold_key or predicted_key in _COUNTRY_KEYS.get(gold_key, frozenset())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- categories


def _weapon_key(label: str) -> str:
    key = fold(label)
    return "vehicle" if key.startswith("vehicle") else key


def same_weapon(predicted: str | None, gold: str | None) -> bool:
    """GTD weapon types, the long "Vehicle (not to include ...)" label equal to "Vehicle"."""
    return bool(predicted and gold) and _weapon_key(predicted or "") == _weapon_key(gold or "")


def same_label(predicted: str | None, gold: str | None) -> bool:
    return bool(predicted and gold) and fold(predicted or "") == fold(gold or "")


# --------------------------------------------------------------------------- groups

_BRACKETED = re.compile(r"\(([^()]*)\)")


def _group_keys(name: str) -> set[str]:
    """The folded name, the name without its bracketed acronym, and the acronym."""
    keys = {fold(name), fold(_BRACKETED.sub(" ", name))}
    keys.update(fold(m) for m in _BRACKETED.findall(name))
    return {k for k in keys if k}


def _lexicon_group(name: str) -> str | None:
    from incidex.groups import GroupLexicon

    group = GroupLexicon.default().canonical(name)
    return group.canonical if group else None


def same_group(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold or is_unknown(gold):
        return False
    if _group_keys(predicted) & _group_keys(gold):
        return True
    canonical = _lexicon_group(gold)
    return canonical is not None and canonical == _lexicon_group(predicted)


def group_named_in(text: str, gold: str) -> bool:
    """Whether the text names the gold group: by a spelling of its name or an alias."""
    folded = f" {fold(text)} "
    if any(f" {key} " in folded for key in _group_keys(gold) if len(key) > 2):
        return True
    canonical = _lexicon_group(gold)
    if canonical is None:
        return False
    from incidex.groups import GroupLexicon

    return any(m.group.canonical == canonical for m in GroupLexicon.default().find(text))


# --------------------------------------------------------------------------- scores


@dataclass
class FieldScore:
    """One field: how many gold values, how many right, and the absolute errors of counts."""

    name: str
    n: int = 0
    correct: int = 0
    abs_errors: list[float] = field(default_factory=list)
    target: float | None = None

    def add(self, right: bool, abs_error: float | None = None) -> None:
        self.n += 1
        self.correct += int(right)
        if abs_error is not None:
            self.abs_errors.append(abs_error)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def mae(self) -> float | None:
        return sum(self.abs_errors) / len(self.abs_errors) if self.abs_errors else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "mae": self.mae,
            "target": self.target,
        }


@dataclass
class FieldScores:
    """Per-field scores of one run over a dataset."""

    dataset: str
    rows: int = 0
    no_incident: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def field(self, name: str, target: float | None = None) -> FieldScore:
        if name not in self.fields:
            self.fields[name] = FieldScore(name, target=target)
        return self.fields[name]

    def __iter__(self) -> Iterator[FieldScore]:
        return iter(self.fields.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "rows": self.rows,
            "no_incident": self.no_incident,
            "fields": {name: score.to_dict() for name, score in self.fields.items()},
            "notes": list(self.notes),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), indent=indent)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def format_field_report(scores: FieldScores) -> str:
    """One plain-text table: field, n, accuracy (%), MAE, and the target where one is set."""
    share = scores.no_incident / scores.rows if scores.rows else 0.0
    lines = [
        f"{scores.dataset}: {scores.rows} rows, {scores.no_incident} without an incident "
        f"({100 * share:.1f} %)",
        "",
        f"{'field':<22} {'n':>6} {'acc %':>7} {'MAE':>8} {'target %':>9}",
    ]
    for score in scores:
        mae = "" if score.mae is None else f"{score.mae:.2f}"
        target = "" if score.target is None else f"{100 * score.target:.0f}"
        lines.append(
            f"{score.name:<22} {score.n:>6} {_pct(score.accuracy):>7} {mae:>8} {target:>9}"
        )
    lines.extend(f"note: {note}" for note in scores.notes)
    return "\n".join(lines)


#: (gold value, predicted value, right?) for one field of one row.
Comparison = tuple[Any, Any, bool]


def cell_text(row: Mapping[str, Any], column: str) -> str | None:
    """A prediction cell as text; None where it is blank."""
    value = row.get(column)
    if value is None or value == "":
        return None
    return str(value)


def score_rows(
    gold_rows: Iterable[Mapping[str, str]],
    predicted: Mapping[str, Mapping[str, Any]],
    *,
    key: str,
    compare: Callable[[Mapping[str, str], Mapping[str, Any]], Mapping[str, Comparison]],
    field_order: Iterable[str],
    targets: Mapping[str, float],
    count_fields: Iterable[str],
    dataset: str,
) -> FieldScores:
    """Per-field scores of predictions (row key -> predicted row) against gold rows: the one
    loop behind the GTD and RAND scorers. Counts also add their absolute error, coordinates
    their distance in km (the predicted value ``compare`` gives for them)."""
    counts = frozenset(count_fields)
    scores = FieldScores(dataset=dataset)
    for name in field_order:
        scores.field(name, targets.get(name))
    for gold in gold_rows:
        scores.rows += 1
        pred = predicted.get(gold[key], {})
        if not pred or not parse_count(cell_text(pred, "n_incidents")):
            scores.no_incident += 1
        for name, (gold_value, predicted_value, right) in compare(gold, pred).items():
            error: float | None = None
            if name in counts:
                error = abs(float(gold_value) - float(predicted_value))
            elif name == "coordinates" and predicted_value is not None:
                error = float(predicted_value)
            scores.field(name).add(right, error)
    scores.fields = {k: v for k, v in scores.fields.items() if v.n}
    return scores
