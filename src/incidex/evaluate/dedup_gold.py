"""The gold sets of ``incidex eval dedup``: which reports of ``shared/data`` describe one event.

MUC-4 (train + dev, 1,500 documents). A template is a (document, incident) node. Two templates
of different documents are one incident when they share a *specific* victim or physical-target
entity (equal after MUC-4 normalisation) and compatible incident types (a shared type, or
"attack" with "bombing"/"arson"); gold incidents are the connected components. An entity
is specific when one of its mention's words is not a common English word, where common means
seen in the UD English Web Treebank (``nlp/ewt``) with a part of speech other than PROPN: so
"luis carlos galan" and "fenastras" link documents, "bus", "houses" and "gas station" do not.
Caveats: generic names made of common words ("administrative department of security") never
link (missed positives); a named victim of two real incidents (a politician attacked twice)
links them (false positives); transitivity may join two templates of one document (counted in
``muc4_conflicts``). MUC-4 texts carry no dateline, so every incident is undated and blocking
works on place and perpetrator only. Predicted incidents are aligned to the gold templates of
their document one-to-one by shared normalised role mentions (greedily, most shared first; a
document with one template and no such overlap gets its first incident aligned to it); an
incident left unaligned is its own gold singleton, so merging it is a precision error.

RAND (RDWTI). Candidate pairs are rows with the same city and country (both known) and dates
at most one day apart. A pair is a duplicate when the word sets of its descriptions' lead
sentences (the event; later sentences are often boilerplate shared by a region's rows, "Islamic
insurgents in the far south of Thailand continue...") have Jaccard at least
:data:`RAND_DUPLICATE_JACCARD` and Fatalities, Injuries, Perpetrator and Weapon are identical;
gold incidents are connected components of duplicates. Rows of a *coordinated
series* ("one of 90 attacks on mosques", "Coordinated Attack: 4 of 23") are rows RAND codes as
separate incidents with near-identical text, which no text-only resolver can tell apart: every
candidate component with such a row is left out (``rand_series_excluded``). The candidate
components left are sampled evenly (``rand_limit`` rows, half from components with a
duplicate, half from hard negatives: same place, same days, no duplicate), each row's
``Description`` is one article published on the row's ``Date`` (the date a report would carry),
and its first extracted incident is the item (as ``incidex eval rand`` does).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from incidex.article import Article
from incidex.errors import DataError, InputError
from incidex.evaluate.muc4 import normalise
from incidex.evaluate.rand import load_rand
from incidex.pipeline.runner import Pipeline
from incidex.record import Incident

__all__ = ["RAND_DUPLICATE_JACCARD", "GoldItem", "build_muc4_items", "build_rand_items"]

log = logging.getLogger(__name__)

#: Word-set Jaccard at which two RAND descriptions of one place and day are near-duplicates.
RAND_DUPLICATE_JACCARD = 0.6

_SERIES = re.compile(
    r"\bone of (?:the )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|more than|"
    r"at least|a series|nearly|over|some|dozens)\b|\bcoordinated attack|\bseries of\b|\bsimilar attacks?\b"
    r"|\bof \d+ (?:for|in)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class GoldItem:
    """One extracted incident and the gold incident it reports (``solo:...`` when none)."""

    incident: Incident
    gold: str
    corpus: str
    half: str


# --------------------------------------------------------------------------- helpers


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _half(key: str) -> str:
    return "dev" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "test"


def _extract(pipeline: Pipeline, article: Article) -> list[Incident]:
    try:
        return pipeline.extract(article) if article.text.strip() else []
    except InputError as error:
        log.warning("%s: %s", article.id, error)
        return []


# --------------------------------------------------------------------------- MUC-4


def _common_words(data_dir: Path) -> frozenset[str]:
    path = data_dir / "nlp" / "ewt" / "en_ewt-ud-train.ner.conllu"
    if not path.exists():
        raise DataError(f"{path} is missing: it tells common words from names for MUC-4 linking")
    words: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.split("\t")
            if len(cols) > 3 and cols[0].isdigit() and cols[3] != "PROPN":
                words.add(cols[1].casefold())
    return frozenset(words)


def _types(incident_type: str) -> set[str]:
    return {t.strip() for t in incident_type.lower().split("/") if t.strip()}


def _types_compatible(a: str, b: str) -> bool:
    ta, tb = _types(a), _types(b)
    if ta & tb:
        return True
    loose = {"attack", "bombing", "arson"}
    return bool((ta & {"attack"} and tb & loose) or (tb & {"attack"} and ta & loose))


def _role_mentions(template: Mapping[str, object], roles: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for role in roles:
        entities = template.get(role) or []
        assert isinstance(entities, list)
        for entity in entities:
            for mention in entity:
                text = normalise(str(mention[0]))
                if text:
                    out.add(text)
    return out


def _incident_mentions(incident: Incident) -> set[str]:
    entities = (*incident.human_targets, *incident.physical_targets, *incident.weapons)
    texts = [m for e in entities for m in e.mentions]
    for p in incident.perpetrators:
        texts.extend([p.name, *p.individuals])
    return {normalise(t) for t in texts if normalise(t)}


def _align(incidents: Sequence[Incident], templates: Sequence[Mapping[str, object]]) -> dict[int, int]:
    """Predicted incident index -> template index, one-to-one, most shared mentions first."""
    gold = [_role_mentions(t, ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")) for t in templates]
    pred = [_incident_mentions(i) for i in incidents]
    scored = sorted(
        ((len(p & g), i, k) for i, p in enumerate(pred) for k, g in enumerate(gold) if p & g), reverse=True
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, k in scored:
        if i not in out and k not in used:
            out[i] = k
            used.add(k)
    if not out and len(templates) == 1 and incidents:
        out[0] = 0
    return out


def build_muc4_items(
    data_dir: Path, pipeline: Pipeline, construction: dict[str, int], limit: int | None = None
) -> list[GoldItem]:
    docs: list[dict[str, object]] = []
    for name in ("train", "dev"):
        with (data_dir / "muc4" / f"{name}.jsonl").open(encoding="utf-8") as lines:
            docs.extend(json.loads(line) for line in lines if line.strip())
    common = _common_words(data_dir)
    by_key: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    templates_of: dict[str, list[dict[str, object]]] = {}
    for doc in docs:
        docid = str(doc["docid"])
        templates = doc.get("templates") or []
        assert isinstance(templates, list)
        templates_of[docid] = templates
        for k, template in enumerate(templates):
            for mention in _role_mentions(template, ("Victim", "Target")):
                if any(len(w) > 2 and w not in common for w in mention.split()):
                    by_key[mention].append((docid, k, str(template.get("incident_type", ""))))
    nodes = _UnionFind()
    for entries in by_key.values():
        for a, b in ((a, b) for n, a in enumerate(entries) for b in entries[n + 1 :]):
            if a[0] != b[0] and _types_compatible(a[2], b[2]):
                nodes.union(f"{a[0]}#{a[1]}", f"{b[0]}#{b[1]}")
    docs_uf = _UnionFind()
    component_docs: dict[str, set[str]] = defaultdict(set)
    for docid, templates in templates_of.items():
        docs_uf.find(docid)
        for k in range(len(templates)):
            root = nodes.find(f"{docid}#{k}")
            component_docs[root].add(docid)
    for members in component_docs.values():
        first = min(members)
        for docid in members:
            docs_uf.union(first, docid)
    multi = {root for root, members in component_docs.items() if len(members) > 1}
    construction["muc4_documents"] = len(docs)
    construction["muc4_multi_document_incidents"] = len(multi)
    construction["muc4_reports_of_multi_document_incidents"] = sum(len(component_docs[r]) for r in multi)
    construction["muc4_conflicts"] = sum(
        1
        for docid, templates in templates_of.items()
        if len({nodes.find(f"{docid}#{k}") for k in range(len(templates))}) < len(templates)
    )
    selected: list[str] = sorted(templates_of)
    if limit is not None and limit < len(selected):
        in_multi = sorted({d for r in multi for d in component_docs[r]})
        others = [d for d in selected if d not in set(in_multi)]
        rest = max(0, limit - len(in_multi))
        selected = in_multi[:limit] + [others[i * len(others) // rest] for i in range(rest)]
    texts = {str(d["docid"]): str(d["doctext"]) for d in docs}
    items: list[GoldItem] = []
    for docid in selected:
        incidents = _extract(pipeline, Article(text=texts[docid], id=docid))
        aligned = _align(incidents, templates_of[docid])
        half = _half("muc4:" + docs_uf.find(docid))
        for i, incident in enumerate(incidents):
            match = aligned.get(i)
            gold = f"muc4:{nodes.find(f'{docid}#{match}')}" if match is not None else f"solo:{incident.id}"
            items.append(GoldItem(incident, gold, "muc4", half))
    construction["muc4_items"] = len(items)
    return items


# --------------------------------------------------------------------------- RAND


def _rand_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


_COUNTRY_PREFIX = re.compile(r"^[A-Z][A-Z .,'()/-]+\.\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])(?:\s+|(?=[A-Z]))")


def _lead(description: str) -> str:
    """The first sentence, without the old rows' "ARGENTINA.  " prefix: the event, not boilerplate."""
    text = _COUNTRY_PREFIX.sub("", description.strip())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def build_rand_items(
    data_dir: Path, pipeline: Pipeline, construction: dict[str, int], limit: int = 2000
) -> list[GoldItem]:
    rows = load_rand(data_dir / "rand" / "rdwti.csv")
    places: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
    for n, row in enumerate(rows):
        date = _rand_date(row.get("Date", ""))
        city, country = row.get("City", "").strip().casefold(), row.get("Country", "").strip().casefold()
        if date and city not in ("", "unknown") and country not in ("", "unknown"):
            places[(city, country)].append((date, n))
    words = [frozenset(_WORD.findall(_lead(row["Description"]).lower())) for row in rows]
    candidates, duplicates = _UnionFind(), _UnionFind()
    for entries in places.values():
        entries.sort()
        for a in range(len(entries)):
            for b in range(a + 1, len(entries)):
                if (entries[b][0] - entries[a][0]).days > 1:
                    break
                i, j = entries[a][1], entries[b][1]
                candidates.union(str(i), str(j))
                wi, wj = words[i], words[j]
                jaccard = len(wi & wj) / len(wi | wj) if wi | wj else 0.0
                same = all(
                    rows[i].get(c, "") == rows[j].get(c, "")
                    for c in ("Fatalities", "Injuries", "Perpetrator", "Weapon")
                )
                if jaccard >= RAND_DUPLICATE_JACCARD and same:
                    duplicates.union(str(i), str(j))
    components: dict[str, list[int]] = defaultdict(list)
    for key in list(candidates.parent):
        components[candidates.find(key)].append(int(key))
    with_dup: list[list[int]] = []
    without: list[list[int]] = []
    series = 0
    for members in sorted(components.values(), key=min):
        if any(_SERIES.search(rows[n]["Description"]) for n in members):
            series += 1
            continue
        has_dup = len({duplicates.find(str(n)) for n in members}) < len(members)
        (with_dup if has_dup else without).append(sorted(members))
    construction["rand_candidate_components"] = len(components)
    construction["rand_series_excluded"] = series
    construction["rand_components_with_duplicates"] = len(with_dup)
    chosen: list[list[int]] = []
    for pool in (with_dup, without):
        budget, taken = limit // 2, 0
        total = sum(map(len, pool))
        wanted = max(1, budget * len(pool) // total) if total else 1
        for members in pool[:: max(1, len(pool) // wanted)]:
            if taken + len(members) <= budget:
                chosen.append(members)
                taken += len(members)
    items: list[GoldItem] = []
    for members in chosen:
        half = _half(f"rand:{min(members)}")
        for n in members:
            row = rows[n]
            article = Article(text=row["Description"], id=row["row"], published=_rand_date(row["Date"]))
            incidents = _extract(pipeline, article)
            if not incidents:
                missing = construction.get("rand_rows_without_incident", 0)
                construction["rand_rows_without_incident"] = missing + 1
                continue
            items.append(GoldItem(incidents[0], f"rand:{duplicates.find(str(n))}", "rand", half))
    construction["rand_rows"] = sum(map(len, chosen))
    construction["rand_items"] = len(items)
    return items
