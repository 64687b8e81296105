"""Token features and BIO labels for the learned role-filler tagger (``roles.learned``).

The tagger reads one sentence at a time. Every feature is computed on lower-cased text, so a
model trained on the all-lower-case MUC-4 release reads ordinary cased news the same way: case
is information the training data never had, so the model must not learn to want it.

Beyond the words themselves (the token, its affixes and shape, two words either side), a token
carries what the rule stages already know about it: whether it is part of an attack trigger
(``lexicon.TRIGGERS``) and how far the nearest one is, whether it names an attacker
(``PERPETRATOR_NOUNS``), a weapon (``WEAPON_WORDS``), a kind of target (``TARGET_CLASSES``), a
group of the alias table, a place of the gazetteer, or a quantity ("two", "several"), and
what ``role_context`` sees past the two-word window: the attack type of the nearest trigger,
the prepositions before the token, whether the lead names the word and whether it stands next
to a trigger anywhere in the article (and, switched off by default, learned word classes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from incidex.groups import GroupLexicon
from incidex.pipeline import role_context
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.lexicon import PERPETRATOR_NOUNS, TARGET_CLASSES, TRIGGERS, WEAPON_WORDS
from incidex.pipeline.quantities import VAGUE
from incidex.pipeline.role_context import DocContext

#: MUC-4 slot names, in the order of the BIO label set.
ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundred "
    "hundreds thousand thousands twenty thirty forty fifty".split()
) | frozenset(VAGUE)
_TITLES = frozenset(
    "mr mrs ms dr gen col lt sgt capt maj father president minister mayor governor judge "
    "general colonel lieutenant captain major commander deputy senator congressman "
    "ambassador attorney journalist priest bishop archbishop leader chief director "
    "candidate councilman councilor".split()
)


@dataclass(frozen=True)
class Sentence:
    """One sentence's tokens and their per-token features, ready for the tagger."""

    tokens: list[Span]
    features: list[list[str]]


@functools.lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Character classes, runs collapsed: "m-16" -> "x-d", "1989" -> "d", "fmln" -> "x"."""
    out: list[str] = []
    for ch in word:
        kind = "d" if ch.isdigit() else "x" if ch.isalpha() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def _marks(text: str, tokens: Sequence[Span], spans: list[tuple[int, int, str]]) -> list[set[str]]:
    """For each token, the labels of the character spans it lies in (B- at a span's first
    token, I- inside)."""
    out: list[set[str]] = [set() for _ in tokens]
    if not spans:
        return out
    starts = [t.start for t in tokens]
    for start, end, label in spans:
        first = True
        index = _first_at_or_after(starts, start)
        while index < len(tokens) and tokens[index].start < end:
            out[index].add(("B-" if first else "I-") + label)
            first = False
            index += 1
    return out


def _first_at_or_after(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


_CHARACTER_ESCAPES = re.compile(r"\\[xuUN0-9]")


def _lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without IGNORECASE, for lower-cased text (several times faster): its
    literal letters lower-cased ("McDonald's" -> "mcdonald's"), its escapes (``\\S``, ``\\W``)
    kept. A pattern that names characters by code or groups by name is kept as it is."""
    source = pattern.pattern
    if source == source.lower():
        return re.compile(source, pattern.flags & ~re.IGNORECASE)
    if pattern.groupindex or _CHARACTER_ESCAPES.search(source) or not pattern.flags & re.IGNORECASE:
        return pattern
    lowered = "".join(piece if piece.startswith("\\") else piece.lower()
                      for piece in re.split(r"(\\.)", source))
    return re.compile(lowered, pattern.flags & ~re.IGNORECASE)


#: The word lists as (pattern, label) pairs, for lower-cased text.
_LISTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    *((_lower_case(t.pattern), ("TRG", "TRG_" + (
        t.attack_type.name if t.attack_type is not None else "CONCRETE" if t.concrete else "VAGUE")))
      for t in TRIGGERS),
    (_lower_case(PERPETRATOR_NOUNS), ("PERP",)),
    *((_lower_case(p), ("WPN_" + w.name,)) for p, w in WEAPON_WORDS),
    *((_lower_case(p), ("TGT_" + t.name,)) for p, t in TARGET_CLASSES),
)


def lexicon_spans(text: str, lexicon: GroupLexicon, toponyms: Sequence[Span] = ()) -> list[
    tuple[int, int, str]
]:
    """Character spans of everything the word lists recognise in ``text`` (lower-cased),
    labelled."""
    spans: list[tuple[int, int, str]] = []
    for pattern, labels in _LISTS:
        for match in pattern.finditer(text):
            start, end = match.span()
            spans.extend((start, end, label) for label in labels)
    for mention in lexicon.find(text):
        spans.append((mention.start, mention.end, "GROUP"))
    for toponym in toponyms:
        spans.append((toponym.start, toponym.end, "PLACE"))
    return spans


def _distance_bucket(distance: int) -> str:
    if distance <= 2:
        return str(distance)
    if distance <= 5:
        return "3-5"
    return "6-10" if distance <= 10 else "far"


@functools.lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A word's own features, before and after the sentence position (which is not the
    word's): computed once per distinct word, not once per token."""
    head = ("bias", "w=" + word, "suf3=" + word[-3:], "suf2=" + word[-2:], "pre3=" + word[:3],
            "shape=" + shape(word))
    tail: list[str] = []
    if len(word) <= 2:
        tail.append("short")
    if word in _NUMBER_WORDS or word.isdigit():
        tail.append("qty")
    if word in _TITLES:
        tail.append("title")
    return head, tuple(tail)


def _nearest_triggers(marks: list[set[str]]) -> list[str]:
    """The ``trg=`` feature of each token: where the nearest trigger token is, and how far
    (the earlier one when two are as near). Two passes, not a search per token."""
    n = len(marks)
    is_trigger = ["B-TRG" in m or "I-TRG" in m for m in marks]
    if not any(is_trigger):
        return ["trg=none"] * n
    previous: list[int | None] = [None] * n
    last: int | None = None
    for i in range(n):
        if is_trigger[i]:
            last = i
        previous[i] = last
    out = [""] * n
    following: int | None = None
    for i in range(n - 1, -1, -1):
        if is_trigger[i]:
            following = i
        before = previous[i]
        # A trigger exists, so one side always has one.
        nearest = before if before is not None and (
            following is None or i - before <= following - i) else following or 0
        side = "on" if nearest == i else ("before" if nearest > i else "after")
        out[i] = f"trg={side}{_distance_bucket(abs(nearest - i))}"
    return out


_OFFSETS = (-2, -1, 1, 2)
_OUTSIDE = {offset: f"w{offset:+d}=<{'s' if offset < 0 else '/s'}>" for offset in _OFFSETS}


def token_features(words: list[str], marks: list[set[str]], sentence_index: int,
                   context: DocContext | None = None) -> list[list[str]]:
    """The feature strings of each token of one sentence (``words`` lower-cased); ``context``
    is the article's, for the ``doc`` features (none without it)."""
    n = len(words)
    extras = role_context.EXTRAS
    kinds = role_context.nearest_kinds(marks) if "kind" in extras else None
    preps = role_context.last_prepositions(words) if "prep" in extras else None
    docs = (role_context.document_features(words, context, sentence_index)
            if context is not None and "doc" in extras else None)
    position = "s" + (str(sentence_index) if sentence_index < 3 else "3+")
    nearest_trigger = _nearest_triggers(marks)
    own = [_word_features(word) for word in words]
    titled = [word in _TITLES for word in words]
    neighbour = {offset: [f"w{offset:+d}={word}" for word in words] for offset in _OFFSETS}
    clusters = role_context.word_clusters()
    classes = [clusters.get(word, ()) for word in words]
    out: list[list[str]] = []
    for i, word in enumerate(words):
        head, tail = own[i]
        feats = [*head, position, *tail]
        feats.extend("c=" + c for c in classes[i])
        feats.extend("m=" + m for m in marks[i])
        for offset in _OFFSETS:
            j = i + offset
            if 0 <= j < n:
                feats.append(neighbour[offset][j])
                if marks[j]:
                    feats.extend(f"m{offset:+d}={m}" for m in marks[j]
                                 if m[0] == "B" or abs(offset) == 1)
                if titled[j]:
                    feats.append(f"title{offset:+d}")
                if offset in role_context.CLUSTER_OFFSETS:
                    feats.extend(f"c{offset:+d}={c}" for c in classes[j])
            else:
                feats.append(_OUTSIDE[offset])
        if i > 0:
            feats.append(f"bi-1={words[i - 1]}|{word}")
        if i + 1 < n:
            feats.append(f"bi+1={word}|{words[i + 1]}")
        feats.append(nearest_trigger[i])
        if kinds is not None:
            feats.append(kinds[i])
        if preps is not None:
            feats.extend(preps[i])
        if docs is not None:
            feats.extend(docs[i])
        out.append(feats)
    return out


def doc_sentences(doc: Doc, lexicon: GroupLexicon) -> list[Sentence]:
    """Tokens and features of every sentence of a segmented (and geocoded) Doc."""
    text = doc.text.lower()
    spans = lexicon_spans(text, lexicon, doc.mentions.get("toponym", []))
    marks = _marks(text, doc.tokens, spans)
    sentences: list[Sentence] = []
    starts = [t.start for t in doc.tokens]
    words_of: list[tuple[int, int, int, list[str]]] = []
    for index, sentence in enumerate(doc.sentences):
        lo = _first_at_or_after(starts, sentence.start)
        hi = _first_at_or_after(starts, sentence.end)
        if lo < hi:
            words_of.append((index, lo, hi, [text[t.start:t.end] for t in doc.tokens[lo:hi]]))
    counts: dict[str, int] = {}
    for *_, words in words_of:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    near: set[str] = set()
    if "near" in role_context.EXTRAS:
        for _, lo, hi, words in words_of:
            near.update(role_context.near_trigger(words, marks[lo:hi]))
    context = DocContext(counts, frozenset(words_of[0][3]) if words_of else frozenset(),
                         frozenset(near))
    for index, lo, hi, words in words_of:
        sentences.append(Sentence(doc.tokens[lo:hi],
                                  token_features(words, marks[lo:hi], index, context)))
    return sentences


# -- labels ------------------------------------------------------------------------------------

_WORD_EDGE = r"(?<![\w])"


def gold_spans(text: str, fillers: dict[str, list[str]], every_occurrence: bool = True) -> list[
    tuple[int, int, str]
]:
    """Character spans of gold role fillers. MUC-4's offsets point at the first occurrence of
    each string, wherever the incident is told, so by default every whole-word occurrence is
    labelled; ``fillers`` maps a role to its mention strings. A string of two roles keeps the
    first role listed; a longer string wins over one it contains."""
    lowered = text.lower()
    taken: list[tuple[int, int, str]] = []
    candidates: list[tuple[int, int, str]] = []
    for role in ROLES:
        for mention in fillers.get(role, []):
            pattern = re.compile(_WORD_EDGE + re.escape(mention.lower()) + r"(?![\w])")
            for match in pattern.finditer(lowered):
                candidates.append((match.start(), match.end(), role))
                if not every_occurrence:
                    break
    for start, end, role in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, role))
    return sorted(taken)


def bio_labels(tokens: Sequence[Span], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of ``tokens`` for labelled character spans; a token belongs to a span when it
    starts inside it."""
    labels = ["O"] * len(tokens)
    for start, end, role in spans:
        first = True
        for index, token in enumerate(tokens):
            if start <= token.start < end:
                labels[index] = ("B-" if first else "I-") + role
                first = False
    return labels


def bio_spans(tokens: Sequence[Span], labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Character spans (start, end, role) of a BIO-labelled token sequence; an I- with no B-
    before it opens a span, as CRF output occasionally has."""
    spans: list[tuple[int, int, str]] = []
    current: list[int] | None = None
    role = ""
    for token, label in zip(tokens, labels, strict=True):
        if label.startswith("I-") and current is not None and label[2:] == role:
            current[1] = token.end
            continue
        if current is not None:
            spans.append((current[0], current[1], role))
            current = None
        if label != "O":
            current = [token.start, token.end]
            role = label[2:]
    if current is not None:
        spans.append((current[0], current[1], role))
    return spans
