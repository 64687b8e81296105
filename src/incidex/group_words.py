"""How group names and texts are cut into words and folded for the alias lookup of groups.

The table's names and the text searched for them must be cut and folded the same way, or an
alias would never match: one tokenizer, used by :mod:`incidex.group_table` to tell one-word
acronyms from several-word ones and by :class:`incidex.groups.GroupLexicon` to key its aliases
and to scan texts. A word is a run of letters and digits, possibly joined by apostrophes
("Qa'ida"); a possessive "'s" is kept out of its key; folding drops case, accents and inner
apostrophes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["Token", "fold_word", "initials", "is_cased", "name_key", "tokenize"]

# A word: letters/digits, possibly joined by apostrophes ("Qa'ida", "State's", "People's").
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_APOSTROPHES = re.compile(r"['’ʼ]")


class Token(NamedTuple):
    start: int
    end: int  # possessive "'s" excluded
    stop: int  # end of the word as written, possessive included
    surface: str  # text[start:end]
    key: str  # folded form used for alias lookup


def fold_word(word: str) -> str:
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    word = word.lower()
    return _APOSTROPHES.sub("", word) if "'" in word or not word.isascii() else word


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        start, stop = m.span()
        word = m.group()
        end = stop
        if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’ʼ":
            end -= 2
            word = word[:-2]
        tokens.append(Token(start, end, stop, word, fold_word(word)))
    return tokens


def name_key(name: str) -> tuple[str, ...]:
    """The lookup key of a name; a leading "the" is dropped, as in "the Extraditables"."""
    key = tuple(t.key for t in tokenize(name))
    return key[1:] if len(key) > 1 and key[0] == "the" else key


def initials(name: str) -> tuple[bool, ...]:
    """Whether each word of a name (as keyed: leading "the" dropped) starts with a capital."""
    words = tokenize(name)
    if len(words) > 1 and words[0].key == "the":
        words = words[1:]
    return tuple(w.surface[0].isupper() for w in words)


def is_cased(text: str) -> bool:
    """True when the text mixes upper and lower case, so case carries information."""
    return any(c.islower() for c in text) and any(c.isupper() for c in text)
