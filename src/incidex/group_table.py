"""The alias table of perpetrator groups (``pipeline/lexicons/groups.json``) and its reading.

A :class:`Group` is one row of the table. The table is hand-edited, so every entry is checked
when it is read (types, required fields, cased aliases that are also aliases) and a bad edit
fails with a :class:`~incidex.errors.DataError` naming the entry, before any text is matched.
:class:`incidex.groups.GroupLexicon` builds its lookup tables from what this module returns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from incidex.errors import DataError
from incidex.group_words import tokenize

__all__ = ["Group", "GroupTable", "parse_group_table", "read_group_table", "shipped_group_table"]

_LEXICON_PACKAGE = "incidex.pipeline"
_LEXICON_DIR = "lexicons"
_LEXICON_FILE = "groups.json"


@dataclass(frozen=True)
class Group:
    """One perpetrator organisation. ``canonical`` is the display name, ``gtd`` GTD's gname."""

    canonical: str
    gtd: str
    aliases: tuple[str, ...]
    parent: str | None
    acronyms: tuple[str, ...] = ()
    region: str | None = None
    countries: tuple[str, ...] = ()
    # Aliases that are also ordinary phrases ("Islamic state"): in cased text, capitals required.
    cased_aliases: tuple[str, ...] = ()


class GroupTable(NamedTuple):
    """The table as read: its groups and the phrase lists that steer matching."""

    groups: list[Group]
    not_groups: list[str]
    cased_not_groups: list[str]
    word_acronyms: list[str]


def read_group_table(path: str | Path) -> GroupTable:
    """The table in a JSON file."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read group table: {exc}", source=str(path)) from exc
    return parse_group_table(raw, source=str(path))


def parse_group_table(raw: str, *, source: str | None = None) -> GroupTable:
    """The table in a JSON text; ``source`` names it in errors."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataError(f"group table is not valid JSON: {exc}", source=source) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        raise DataError("group table needs a 'groups' list", source=source)
    groups = [_group_from_entry(entry, source) for entry in doc["groups"]]
    return GroupTable(
        groups,
        not_groups=_str_list(doc, "not_groups", source),
        cased_not_groups=_str_list(doc, "cased_not_groups", source),
        word_acronyms=_str_list(doc, "word_acronyms", source),
    )


def shipped_group_table() -> GroupTable:
    """The table shipped in the package."""
    try:
        lexicons = resources.files(_LEXICON_PACKAGE).joinpath(_LEXICON_DIR)
        raw = lexicons.joinpath(_LEXICON_FILE).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise DataError(f"shipped group table is missing: {exc}", source=_LEXICON_FILE) from exc
    return parse_group_table(raw, source=_LEXICON_FILE)


def _str_list(doc: Mapping[str, Any], field: str, source: str | None) -> list[str]:
    value = doc.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"'{field}' must be a list of strings", source=source)
    return value


def _group_from_entry(entry: Any, source: str | None) -> Group:
    if not isinstance(entry, dict):
        raise DataError(f"group entry is not an object: {entry!r}", source=source)
    canonical, gtd = entry.get("canonical"), entry.get("gtd")
    if not isinstance(canonical, str) or not canonical or not isinstance(gtd, str) or not gtd:
        raise DataError(f"group entry lacks 'canonical' or 'gtd': {entry!r}", source=source)
    parent = entry.get("parent")
    region = entry.get("region")
    if parent is not None and not isinstance(parent, str):
        raise DataError(f"{canonical!r}: 'parent' must be a string or null", source=source)
    if region is not None and not isinstance(region, str):
        raise DataError(f"{canonical!r}: 'region' must be a string or null", source=source)

    # Names are matched only as listed: a GTD gname like "Revolutionary Struggle" or an acronym
    # like "(SL)" is too generic to search for just because GTD spells the group that way.
    aliases = _str_list(entry, "aliases", source)
    acronyms = _str_list(entry, "acronyms", source)
    # An "acronym" of several words ("DHKP-C", "ADF-NALU") is safe to match as a name.
    aliases += [a for a in acronyms if len(tokenize(a)) != 1]
    acronyms = [a for a in acronyms if len(tokenize(a)) == 1]
    cased = _str_list(entry, "cased_aliases", source)
    if not set(cased) <= set(aliases):
        raise DataError(f"{canonical!r}: every cased alias must also be an alias", source=source)
    return Group(
        canonical=canonical,
        gtd=gtd,
        aliases=tuple(dict.fromkeys(aliases)),
        parent=parent,
        acronyms=tuple(dict.fromkeys(acronyms)),
        region=region,
        countries=tuple(_str_list(entry, "countries", source)),
        cased_aliases=tuple(cased),
    )
