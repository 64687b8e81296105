"""Lay the gazetteer build's place entries out as the sections of the shipped index.

``build_gazetteer.py`` reads the sources into :class:`Entry` objects; :func:`assemble` orders
them by prior, numbers countries and first-level regions, posts every name (and its loose key)
to the entries that bear it, resolves demonyms to entries and adds the English word lists,
giving the sections that :func:`incidex.geo.index_format.write_index` writes. The layout is
what :class:`incidex.geo.gazetteer.Gazetteer` reads back, so it is kept in one place.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer_names import REGION_DEMONYMS, abbreviation_variants

from incidex.geo.gazetteer import CAPITAL_FLAG, KINDS, feature_prior
from incidex.geo.normalize import is_latin, loose_key


@dataclass
class Entry:
    gid: int
    name: str
    kind: str
    lat: float
    lon: float
    cc: str | None
    a1: str | None
    pop: int
    names: set[str] = field(default_factory=set)
    capital: bool = False


def english_words(nlp: Path | None) -> tuple[list[str], list[str]]:
    """(common words, person-name words) from the UD English treebanks with NE tags.

    A common word is one written in lowercase at least 3 times outside named entities; a
    person-name word is tagged PER at least twice and more often PER than LOC.
    """
    if nlp is None:
        return [], []
    lower: Counter[str] = Counter()
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(nlp.glob("*/*train*.conllu")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) != 10 or not cols[1].isalpha():
                    continue
                tag = re.search(r"NE=[BI]-(\w+)", cols[9])
                if tag:
                    tags[cols[1].lower()][tag.group(1)] += 1
                elif cols[1].islower():
                    lower[cols[1]] += 1
    common = sorted(w for w, n in lower.items() if n >= 3)
    person = sorted(w for w, c in tags.items() if c["PER"] >= 2 and c["PER"] > c["LOC"])
    return common, person


def assemble(entries: list[Entry], gtd_names: dict[str, str],
             admin1_names: dict[tuple[str | None, str | None], str],
             demonyms: dict[str, str], nlp: Path | None) -> tuple[dict[str, Any], dict[str, Any]]:
    entries.sort(key=lambda e: -feature_prior(e.kind, e.pop, e.capital))
    countries = sorted(gtd_names)
    country_idx = {cc: i for i, cc in enumerate(countries)}
    a1_keys = sorted(k for k in admin1_names if k[0] in country_idx)
    a1_idx = {k: i for i, k in enumerate(a1_keys)}
    country_rows: list[list[Any]] = [[cc, gtd_names[cc], -1] for cc in countries]
    a1_rows: list[list[Any]] = [[k[0], k[1], admin1_names[k], -1] for k in a1_keys]
    exact: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    cols: dict[str, array[Any]] = {k: array(t) for k, t in [
        ("gid", "i"), ("lat", "f"), ("lon", "f"), ("pop", "I"), ("country_idx", "h"),
        ("admin1_idx", "i")]}
    kinds = bytearray()
    display = []
    for i, e in enumerate(entries):
        cols["gid"].append(e.gid)
        cols["lat"].append(e.lat)
        cols["lon"].append(e.lon)
        cols["pop"].append(min(e.pop, 2**32 - 1))
        cols["country_idx"].append(country_idx.get(e.cc or "", -1))
        cols["admin1_idx"].append(a1_idx.get((e.cc, e.a1), -1))
        kinds.append(KINDS.index(e.kind) | (CAPITAL_FLAG if e.capital else 0))
        display.append(e.name.replace("\n", " "))
        if e.kind == "country" and e.cc in country_idx:
            country_rows[country_idx[e.cc]][2] = i
        if e.kind == "admin1" and (e.cc, e.a1) in a1_idx:
            a1_rows[a1_idx[(e.cc, e.a1)]][3] = i
        for n in e.names | {v for name in e.names for v in abbreviation_variants(name)}:
            if n and is_latin(n):
                exact[n].append(i)
                if len(n) >= 4:
                    loose[loose_key(n)].append(i)
    common, person = english_words(nlp)
    demonym_ids: dict[str, int] = {}
    by_a1name = {(r[0], r[2]): r[3] for r in a1_rows}
    by_name: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.kind in ("continent", "region"):
            by_name.setdefault(e.name, i)
    for word, region in REGION_DEMONYMS.items():
        if region in by_name:
            demonym_ids[word] = by_name[region]
        else:
            print(f"demonym {word} -> {region}: no place", file=sys.stderr)
    for word, target in demonyms.items():
        idx = (country_rows[country_idx[target]][2] if target in country_idx
               else by_a1name.get((target[:2], target[3:]), -1))
        if idx >= 0:
            demonym_ids[word] = idx
        else:
            print(f"demonym {word} -> {target}: no place", file=sys.stderr)

    def postings(table: dict[str, list[int]]) -> tuple[str, array[int], array[int]]:
        keys = sorted(table)
        off, post = array("I", [0]), array("I")
        for k in keys:
            post.extend(sorted(set(table[k])))  # entries are in prior order already
            off.append(len(post))
        return "\n".join(keys), off, post

    names, post_off, post = postings(exact)
    lnames, loff, lpost = postings(loose)
    sections: dict[str, Any] = {
        "names": names, "post_off": post_off, "post": post,
        "loose": lnames, "loose_off": loff, "loose_post": lpost,
        "display": "\n".join(display), "kind": bytes(kinds), **cols,
        "countries": country_rows, "admin1s": a1_rows, "demonyms": demonym_ids,
        "common_words": "\n".join(common), "person_words": "\n".join(person),
    }
    meta = {"places": len(entries), "names": len(exact), "loose_names": len(loose),
            "kinds": dict(Counter(e.kind for e in entries))}
    return meta, sections
