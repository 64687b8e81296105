"""Features of the role tagger (``role_features``) that look past a token's two-word window:
learned word classes, the attack type of the nearest trigger, the prepositions before a token,
and what the whole article says of a word.

Each group can be switched off (``EXTRAS``, ``CLUSTER_USE``) so that training/train_muc4.py
can measure it; the shipped model is trained with the defaults here, so change them only
together with a retrained model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

#: The shipped word classes (``training/build_word_clusters.py``): one line per word, the word
#: and its cluster at each of ``CLUSTER_SIZES``.
CLUSTERS_FILE = "muc4_word_clusters.tsv"
CLUSTER_SIZES: tuple[int, ...] = (64, 256, 1024)
#: Which cluster sizes the tagger reads, for the token itself and for its neighbours at
#: ``CLUSTER_OFFSETS``. Chosen on MUC-4 dev (see training/train_muc4.py).
CLUSTER_USE: tuple[int, ...] = ()
CLUSTER_OFFSETS: tuple[int, ...] = (-1, 1)


@functools.cache
def word_clusters() -> dict[str, tuple[str, ...]]:
    """word -> its cluster feature values, one per size of ``CLUSTER_USE``; empty when the
    file is missing (a checkout before ``build_word_clusters.py`` ran)."""
    resource = resources.files("incidex") / "models" / CLUSTERS_FILE
    if not resource.is_file():
        return {}
    columns = [CLUSTER_SIZES.index(size) for size in CLUSTER_USE]
    out: dict[str, tuple[str, ...]] = {}
    for line in resource.read_text(encoding="utf-8").splitlines():
        word, *ids = line.split("\t")
        out[word] = tuple(f"{CLUSTER_SIZES[c]}:{ids[c]}" for c in columns)
    return out


#: Optional feature groups, chosen on MUC-4 dev (see training/train_muc4.py): ``kind``, the
#: attack type of the nearest trigger and its side ("killed" before a victim, "bombed" before a
#: target); ``prep``, the prepositions within ``_PREP_REACH`` tokens before the token ("by"
#: before the attackers, however long their name; "against" before the target); ``doc``,
#: whether the lead sentence has the word (the names of its lead are the incident's);
#: ``near``, whether the word stands next to a trigger anywhere in the article (the victim
#: named again later); ``count``, how often the word occurs in the article. ``count`` reads a
#: one-sentence report (a GTD summary) as if nothing in it were repeated, which a model
#: trained on long articles takes for a sign of no filler ("FMLN" in "Members of the FMLN
#: detonated a car bomb ...").
EXTRAS: frozenset[str] = frozenset({"kind", "prep", "doc", "near"})
_PREPOSITIONS = frozenset(
    "by against of on at in to for with from near into inside outside toward towards "
    "killing including".split())
_PREP_REACH = 6


def nearest_kinds(marks: list[set[str]]) -> list[str]:
    """The attack type (``TRG_*`` mark) of the nearest trigger on each side of each token."""
    kinds = [next((m[6:] for m in sorted(mark) if m.startswith("B-TRG_")), "") for mark in marks]
    out: list[str] = []
    last = ""
    before: list[str] = []
    for kind in kinds:
        before.append(last)
        last = kind or last
    after = ""
    tail: list[str] = [""] * len(kinds)
    for i in range(len(kinds) - 1, -1, -1):
        tail[i] = after
        after = kinds[i] or after
    for i in range(len(kinds)):
        out.append(f"kind<{before[i] or 'none'}|kind>{tail[i] or 'none'}")
    return out


def last_prepositions(words: list[str]) -> list[list[str]]:
    """The prepositions among the ``_PREP_REACH`` words before each token, within its clause
    ("by" still reaches "fmln" in "by members of the fmln")."""
    out: list[list[str]] = []
    seen: list[tuple[int, str]] = []
    for i, word in enumerate(words):
        seen = [(j, p) for j, p in seen if i - j <= _PREP_REACH]
        out.append(sorted({"prep=" + p for _, p in seen}))
        if word in _PREPOSITIONS:
            seen.append((i, word))
        elif word in (".", ";", ":"):
            seen = []
    return out


@dataclass(frozen=True)
class DocContext:
    """What the ``doc`` features know of the whole article: how often each word occurs, and
    the words of its lead sentence."""

    counts: dict[str, int]
    lead: frozenset[str]
    #: Words that somewhere in the article stand within ``_NEAR`` tokens of an attack trigger.
    near_trigger: frozenset[str] = frozenset()


_NEAR = 3


def near_trigger(words: list[str], marks: list[set[str]]) -> set[str]:
    """The words of one sentence within ``_NEAR`` tokens of one of its trigger tokens."""
    triggers = [i for i, m in enumerate(marks) if "B-TRG" in m or "I-TRG" in m]
    return {w for i, w in enumerate(words)
            if any(0 < abs(i - j) <= _NEAR for j in triggers) and len(w) > 2 and w.isalpha()}


def document_features(words: list[str], context: DocContext, sentence_index: int) -> list[list[str]]:
    out: list[list[str]] = []
    for word in words:
        if len(word) <= 2 or not word.isalpha():
            out.append([])
            continue
        feats: list[str] = []
        if "count" in EXTRAS:
            n = context.counts.get(word, 0)
            feats.append("df=" + ("1" if n <= 1 else "2-3" if n <= 3 else "4+"))
        if sentence_index > 0 and word in context.lead:
            feats.append("inlead")
        if word in context.near_trigger:
            feats.append("neartrg")
        out.append(feats)
    return out


