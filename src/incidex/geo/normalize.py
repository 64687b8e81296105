"""Name normalisation shared by the gazetteer build and run-time lookups.

Both sides must agree byte for byte, so this module is the single definition of
what makes two spellings "the same name": case, diacritics, hyphen and apostrophe
variants and spacing are ignored (``normalize``); a second, looser key also folds
common transliteration differences (``loose_key``: "Groznyy", "Grozniy", "Grozny"
and "Mesker-Jurt", "Mesker-Yurt" collide) and is only consulted on an exact miss.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "ı": "i",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ŋ": "n",
        "ʻ": "",
        "ʼ": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
        "'": "",
        "ʿ": "",
        "ʾ": "",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−_.,/()]+")
_LATIN_NORMALISED = re.compile(r"^[a-z0-9 &]+$")


def normalize(name: str) -> str:
    """Casefold, strip diacritics, drop apostrophes, turn hyphens/dots into spaces."""
    if name.isascii():
        # Plain ASCII has nothing to decompose and casefolds as lower(): the common case in
        # English news, and several times faster than the Unicode path.
        stripped = name.lower()
    else:
        folded = unicodedata.normalize("NFKD", name.casefold())
        stripped = "".join(c for c in folded if not unicodedata.combining(c))
    stripped = stripped.translate(_SPECIAL)
    return _SEPARATORS.sub(" ", stripped).strip()


def is_latin(normalised: str) -> bool:
    """True when a normalised name is plain Latin script (what English news writes)."""
    return bool(_LATIN_NORMALISED.match(normalised))


# Generic words around admin names: "Helmand Province", "Provincia de Buenos Aires".
_ADMIN_AFFIXES = re.compile(
    r"^(?:provincia (?:de |del )?|province (?:of )?|state of |departamento (?:de |del )?|"
    r"wilayat e |imarat |muhafazat |respublika |republic of |estado (?:de |do |da )?|"
    r"region (?:de |of )?|regione |distrito (?:de )?|governorate of |oblast )|"
    r"(?: province| state| region| oblast| oblast| governorate| department| district|"
    r" prefecture| county| parish| republic| respublika| krai| kray| territory| municipality|"
    r" division| emirate| voivodeship| autonomous region| autonomous community| kraj| vilayeti|"
    r" ili| shi| sheng| zizhiqu| governate| muhafazah| wilayah| daerah| city)$"
)


def strip_admin_affix(normalised: str) -> str:
    """"helmand province" -> "helmand"; the name unchanged when too little would be left."""
    stripped = _ADMIN_AFFIXES.sub("", normalised).strip()
    return stripped if len(stripped) >= 3 else normalised


_LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"j"), "y"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"w"), "v"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(iy|yy|yi|ii|i|y)\b"), "y"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r" "), ""),
)


def loose_key(normalised: str) -> str:
    """A coarser key folding transliteration variants of an already normalised name."""
    key = normalised
    for pattern, repl in _LOOSE_RULES:
        key = pattern.sub(repl, key)
    return key
