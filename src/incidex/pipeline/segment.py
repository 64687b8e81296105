"""Sentences, clauses and tokens, as offsets into the article text.

Rules, not a model: news sentences end in ``.!?`` or a line break; abbreviations such as
"Gen." or "U.S." do not end them. Text that is all lower case (the MUC-4 release) is split the
same way, since nothing here relies on capitals. Clauses are cut at semicolons and where a
coordinated clause with its own subject begins ("..., and a police officer was killed"), which
is where news reports pack two events into one sentence.
"""

from __future__ import annotations

import re

from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.quantities import QUANTITY
from incidex.pipeline.registry import register_stage

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cpt maj cmdr adm gov sen rep rev st jr sr no nos
    vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec mt ft
    a.m p.m u.s u.k u.n e.g i.e approx dept est fig brig pres""".split()
)

# A sentence also ends where the space after its full stop was lost ("...stop working.The
# group claimed ..."), as in text pasted from PDFs and some data sets: a word of two or more
# lower-case letters, the stop, and a capitalised word ("U.S.", "Ph.D." stay whole).
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z\"“(\-–—•*])|"
                           r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)

# A coordinated clause with its own subject: ", and two soldiers were", "; the bomber also ...",
# " while five attackers were". The subject is short (a determiner or number and a few words)
# and is followed by an auxiliary or a past-tense verb.
_CLAUSE_BREAK = re.compile(
    r"(?:;\s*|,?\s+(?:and|but|while|whereas|(?:(?:hours|days|minutes|shortly|a\s+day|"
    r"a\s+week)\s+)?(?:after|before))\s+(?=(?:a|an|the|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d+|both|several|another|other|his|her|their|at\s+least)\s+"
    r"(?:(?!(?:who|that|which)\b)[\w'’-]+\s+){0,4}?(?:was|were|had|has|have|is|are|also|then|"
    r"later|died|killed|"
    r"exploded|struck|attacked|wounded|injured|detonated|stormed|blew|opened)\b))",
    re.IGNORECASE,
)


#: A counted noun phrase that opens what comes before an "and": "..., six soldiers | and four
#: attackers were killed" coordinates two subjects of one verb, not two clauses.
_COUNTED_SUBJECT = re.compile(rf"(?:^|[,:]\s*)(?:{QUANTITY.pattern})(?:\s+[\w'’-]+){{0,4}}\s*$|"
                              r"^(?:the|an?)\s+[\w'’-]+\s*$",  # "The assailant and one civilian"
                              re.IGNORECASE)


def split_sentences(text: str) -> list[Span]:
    sentences: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        candidate = text[start:end]
        word = _WORD_BEFORE.search(candidate.rstrip("\"'”’)]"))
        stop = match.group().startswith(".") or (not match.group() and text[end - 1] == ".")
        if word and stop and _is_abbreviation(word.group(1), text, end):
            continue
        _append_trimmed(sentences, text, start, end)
        start = end
    _append_trimmed(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(word: str, text: str, end: int) -> bool:
    lowered = word.lower().rstrip(".")
    if lowered in _ABBREVIATIONS:
        return True
    if len(lowered) == 1 and lowered.isalpha():
        return True  # an initial: "John F. Kennedy"
    nxt = text[end : end + 3].lstrip()
    # "U.S. officials": dotted acronym followed by a lower-case word continues the sentence.
    return "." in lowered and bool(nxt) and nxt[0].islower()


def _append_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end], "sentence"))


def split_clauses(text: str, sentence: Span) -> list[Span]:
    clauses: list[Span] = []
    local = sentence.text
    cut = 0
    for match in _CLAUSE_BREAK.finditer(local):
        if match.start() - cut < 12:  # too short to be a clause of its own
            continue
        # ", and" as well as "and": "Seven soldiers, one policeman, and one civilian were killed"
        if match.group().strip(" ,").lower() == "and" and _COUNTED_SUBJECT.search(
                local, cut, match.start()):
            continue
        _append_trimmed(clauses, text, sentence.start + cut, sentence.start + match.start())
        cut = match.end()
    _append_trimmed(clauses, text, sentence.start + cut, sentence.end)
    for index, clause in enumerate(clauses):
        clause.label = "clause"
        clause.attrs["index_in_sentence"] = index
    return clauses


def tokenize(text: str, offset: int = 0) -> list[Span]:
    return [
        Span(offset + m.start(), offset + m.end(), m.group(), "token")
        for m in _TOKEN.finditer(text)
    ]


@register_stage("segment")
class Segmenter:
    name = "segment"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("sentences", "clauses", "tokens")

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        doc.sentences = split_sentences(text)
        doc.clauses = []
        for index, sentence in enumerate(doc.sentences):
            for clause in split_clauses(text, sentence):
                clause.attrs["sentence"] = index
                doc.clauses.append(clause)
        doc.tokens = tokenize(text)
        return doc
