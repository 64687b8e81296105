"""Perpetrator organisations and the many names news reports give them.

GTD codes a perpetrator by one name (its ``gname``); reports say "IS", "ISIS", "Daesh", "the
Islamic State's Sinai Province", "al Qaeda", "al-Qa'ida", "fmln" or "sendero luminoso". The
alias table shipped in ``pipeline/lexicons/groups.json`` maps all of them to one ``Group``.
(:mod:`incidex.group_table` reads and checks the table; :mod:`incidex.group_words` cuts
names and texts into words.)

Matching works on word tokens rather than one giant regular expression: the text is split once
into alphanumeric tokens (offsets kept), each token is folded (case, accents, inner apostrophes,
a possessive "'s"), and at each token the longest alias that starts there is looked up in a
dict. Hyphens and spaces between words are therefore interchangeable ("al-Qaeda" = "al Qaeda"),
a possessive never hides a name ("Islamic State's"), and the cost per text is a few dict probes
per token whatever the size of the table.

Acronyms are riskier than names ("IS" is also a verb), so they match case-sensitively, and only
when the text is normally cased. In text with no case information (all lowercase, like the MUC-4
corpus, or all uppercase wire copy) acronyms still match, except the ones that are English words
(``word_acronyms`` in the table: IS, FAR, ELF, LeT, ...). In cased text a word-like acronym next
to an all-capitals word ("THIS IS WAR") is taken to be part of a shouted headline, not a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from incidex.errors import DataError
from incidex.group_table import (
    Group,
    GroupTable,
    parse_group_table,
    read_group_table,
    shipped_group_table,
)
from incidex.group_words import Token, initials, is_cased, name_key, tokenize

# Group is defined with the table it is read from, and is part of this module's API.
__all__ = ["Group", "GroupLexicon", "GroupMention"]

# What may separate the words of one multi-word name: spaces, hyphens and dashes, a slash
# ("DHKP/C"), an opening bracket ("CPI (Maoist)"), after a possessive apostrophe ("Workers' Party").
# Sentence punctuation may not, so "Islamic. State" is no name.
_JOINER = re.compile(r"['’ʼ]?(?:[\s\-‐‑–—/]+\(?|\()")
_PAREN_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
# An acronym written in title case ("Isis", "Farc" in British style) is accepted from this length.
_MIN_TITLE_ACRONYM = 4


@dataclass(frozen=True)
class GroupMention:
    """A name of a group in a text; ``text[start:end] == mention.text``."""

    start: int
    end: int
    text: str
    group: Group


class GroupLexicon:
    """Finds perpetrator group names in text and normalises free names to one ``Group``."""

    def __init__(
        self,
        groups: Sequence[Group],
        *,
        not_groups: Sequence[str] = (),
        cased_not_groups: Sequence[str] = (),
        word_acronyms: Sequence[str] = (),
    ) -> None:
        self._groups = tuple(groups)
        self._by_canonical: dict[str, Group] = {}
        for group in self._groups:
            if group.canonical in self._by_canonical:
                raise DataError(f"group {group.canonical!r} is listed twice")
            self._by_canonical[group.canonical] = group
        for group in self._groups:
            if group.parent is not None and group.parent not in self._by_canonical:
                raise DataError(f"group {group.canonical!r} has unknown parent {group.parent!r}")

        # Multi-word and single-word names, case-insensitive; None marks a not-a-group phrase.
        self._aliases: dict[tuple[str, ...], Group | None] = {}
        self._by_name: dict[str, Group] = {}
        for group in self._groups:
            self._by_name[group.canonical.casefold()] = group
            self._by_name[group.gtd.casefold()] = group
            for alias in group.aliases:
                self._add_alias(name_key(alias), group, alias)
        # Names that count in cased text only when written with the right capitals: per word,
        # True = must be capitalised, False = must not be, None = either.
        self._capitals: dict[tuple[str, ...], tuple[bool | None, ...]] = {}
        for group in self._groups:
            for alias in group.cased_aliases:
                self._capitals[name_key(alias)] = tuple(True if upper else None for upper in initials(alias))
        for phrase in [*not_groups, *cased_not_groups]:
            key = name_key(phrase)
            if not key or self._aliases.get(key) is not None:
                raise DataError(f"not-a-group phrase {phrase!r} is empty or also an alias")
            self._aliases[key] = None
        for phrase in cased_not_groups:
            self._capitals[name_key(phrase)] = initials(phrase)

        self._word_acronyms = frozenset(a.casefold() for a in word_acronyms)
        self._acronyms: dict[str, Group] = {}  # exact spelling, for cased text
        folded: dict[str, set[str]] = {}
        for group in self._groups:
            for acronym in group.acronyms:
                other = self._acronyms.get(acronym)
                if other is not None and other != group:
                    raise DataError(
                        f"acronym {acronym!r} names both {other.canonical!r} and {group.canonical!r}"
                    )
                self._acronyms[acronym] = group
                folded.setdefault(acronym.casefold(), set()).add(group.canonical)
        # Case-blind acronyms, for text without case: only unambiguous, non-word ones.
        self._acronyms_caseless: dict[str, Group] = {
            key: self._by_canonical[next(iter(owners))]
            for key, owners in folded.items()
            if len(owners) == 1 and key not in self._word_acronyms
        }
        self._acronym_keys = frozenset(folded)
        self._longest: dict[str, int] = {}
        for key in self._aliases:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def _add_alias(self, key: tuple[str, ...], group: Group, alias: str) -> None:
        if not key:
            raise DataError(f"alias {alias!r} of {group.canonical!r} has no words")
        other = self._aliases.get(key)
        if other is not None and other != group:
            raise DataError(f"alias {alias!r} names both {other.canonical!r} and {group.canonical!r}")
        self._aliases[key] = group

    # -- construction --------------------------------------------------------------------------

    @classmethod
    def default(cls) -> GroupLexicon:
        """The table shipped with incidex, loaded once per process."""
        return _default_lexicon()

    @classmethod
    def from_path(cls, path: str | Path) -> GroupLexicon:
        return cls._from_table(read_group_table(path))

    @classmethod
    def from_json(cls, raw: str, *, source: str | None = None) -> GroupLexicon:
        return cls._from_table(parse_group_table(raw, source=source))

    @classmethod
    def _from_table(cls, table: GroupTable) -> GroupLexicon:
        return cls(
            table.groups,
            not_groups=table.not_groups,
            cased_not_groups=table.cased_not_groups,
            word_acronyms=table.word_acronyms,
        )

    # -- queries -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._groups)

    def __iter__(self) -> Iterator[Group]:
        return iter(self._groups)

    def get(self, canonical: str) -> Group | None:
        """The group with this canonical name, exactly as the table spells it."""
        return self._by_canonical.get(canonical)

    def parent_of(self, group: Group) -> Group | None:
        return None if group.parent is None else self._by_canonical[group.parent]

    def find(self, text: str) -> list[GroupMention]:
        """Every group name in ``text``, left to right, longest first, never overlapping."""
        tokens = tokenize(text)
        cased = is_cased(text)
        mentions: list[GroupMention] = []
        i, n = 0, len(tokens)
        while i < n:
            length, group = self._match_alias(text, tokens, i, cased)
            if length == 0 and tokens[i].key in self._acronym_keys:
                group = self._match_acronym(tokens, i, cased)
                length = 1 if group is not None else 0
            if length == 0:
                i += 1
                continue
            if group is not None:
                start, end = tokens[i].start, tokens[i + length - 1].end
                if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
                    end += 1  # "CPI (Maoist)": keep the bracket the name opened
                mentions.append(GroupMention(start, end, text[start:end], group))
            i += length
        return mentions

    def canonical(self, name: str) -> Group | None:
        """The group a free-form name refers to ("ISIL", "the Islamic state", "Daesh"), if any.

        Tries, in order: the table's own names (canonical or GTD gname), the whole name as an
        alias or acronym (with a leading "the" or a trailing "(...)" dropped), and finally the
        groups found inside it, when they are all one group ("suspected ISIS militants").
        """
        name = name.strip()
        if not name:
            return None
        group = self._by_name.get(name.casefold())
        if group is not None:
            return group
        for candidate in (name, _PAREN_SUFFIX.sub("", name)):
            group = self._whole_name(candidate)
            if group is not None:
                return group
        found = {m.group for m in self.find(name)}
        return found.pop() if len(found) == 1 else None

    # -- matching ------------------------------------------------------------------------------

    def _whole_name(self, name: str) -> Group | None:
        tokens = tokenize(name)
        if len(tokens) > 1 and tokens[0].key == "the":
            tokens = tokens[1:]
        if not tokens:
            return None
        if len(tokens) == 1:
            surface = tokens[0].surface
            group = self._acronyms.get(surface) or self._acronyms.get(surface.upper())
            if group is not None:
                return group
            group = self._acronyms_caseless.get(surface.casefold())
            if group is not None:
                return group
        return self._aliases.get(tuple(t.key for t in tokens))

    def _match_alias(self, text: str, tokens: list[Token], i: int, cased: bool) -> tuple[int, Group | None]:
        """Length in tokens of the longest alias starting at token ``i`` (0 if none)."""
        longest = self._longest.get(tokens[i].key, 0)
        if longest == 0:
            return 0, None
        # How far the words run on joined only by spaces/hyphens, capped at the longest alias.
        reach = 1
        while reach < longest and i + reach < len(tokens):
            gap = text[tokens[i + reach - 1].stop : tokens[i + reach].start]
            if _JOINER.fullmatch(gap) is None:
                break
            reach += 1
        for length in range(reach, 0, -1):
            key = tuple(t.key for t in tokens[i : i + length])
            if key not in self._aliases:
                continue
            capitals = self._capitals.get(key) if cased else None
            if capitals is not None and not all(
                want is None or t.surface[0].isupper() == want
                for t, want in zip(tokens[i : i + length], capitals, strict=True)
            ):
                continue
            return length, self._aliases[key]
        return 0, None

    def _match_acronym(self, tokens: list[Token], i: int, cased: bool) -> Group | None:
        surface = tokens[i].surface
        if not cased:
            return self._acronyms_caseless.get(surface.casefold())
        is_word = surface.casefold() in self._word_acronyms
        group = self._acronyms.get(surface)
        if group is None and len(surface) >= _MIN_TITLE_ACRONYM and surface.istitle():
            # "Isis", "Farc": British house style writes long acronyms in title case.
            group = None if is_word else self._acronyms.get(surface.upper())
        if group is not None and is_word and self._shouted(tokens, i):
            return None
        return group

    def _shouted(self, tokens: list[Token], i: int) -> bool:
        """Whether a neighbouring word is in capitals too, as in a headline: "THIS IS WAR"."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(tokens):
                word = tokens[j].surface
                if (
                    len(word) > 1
                    and word.isupper()
                    and word not in self._acronyms
                    and (word.casefold(),) not in self._aliases
                ):
                    return True
        return False


@functools.cache
def _default_lexicon() -> GroupLexicon:
    return GroupLexicon._from_table(shipped_group_table())
