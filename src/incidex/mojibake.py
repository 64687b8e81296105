"""Repair text that was decoded with the wrong single-byte code page.

Feeds and data files often carry text written as Windows-1252 or Mac Roman and read back as
Latin-1, then stored as UTF-8: "the cleric\x92s office" (Windows' right quote), "Tanzim QaÕidat
al-Jihad" and "Bogot\x87" (Mac Roman's right quote and "á"). The damage is always one character
for one character, so a repair keeps every offset (evidence spans stay valid), and it is
recognisable: the C1 control characters U+0080-U+009F never appear in real text, and Mac Roman's
quote read as Latin-1 puts a capital "Õ" inside a lower-case word.

Only the damaged characters are replaced, so a text that mixes repaired and genuine accented
letters ("Sánchez" beside "QaÕidat") keeps the genuine ones. Which code page wrote the bytes is
decided once per text: Mac Roman when its quote signature is there or a C1 byte is one that
Windows-1252 leaves undefined, Windows-1252 otherwise (far the more common on the web).
"""

from __future__ import annotations

import re

__all__ = ["repair_mojibake"]

_C1 = re.compile("[\x80-\x9f]")
# Mac Roman's right single quote (0xD5) read as Latin-1 "Õ", inside or at the end of a word:
# "QaÕidat", "clericÕs", "didnÕt". A genuine "Õ" opens a capitalised word and does not follow a
# lower-case letter.
_MAC_QUOTE = re.compile(r"(?<=[a-z])Õ(?=[a-z]|\b)")
# Mac Roman punctuation read as Latin-1 capitals, in the places punctuation stands: quotes
# around words, dashes between them, an ellipsis after one.
_MAC_PUNCTUATION = (
    (re.compile(r"(?<=[a-z])Õ|Õ(?=[a-z])"), "’"),
    (re.compile(r"(?:(?<=\s)|^)Ô(?=[A-Za-z])|(?<=[a-z])Ô(?=[a-z])"), "‘"),
    (re.compile(r"(?:(?<=\s)|^)Ò(?=\w)"), "“"),
    (re.compile(r"(?<=[\w.,!?])Ó(?=\s|$|[.,;:!?])"), "”"),
    (re.compile(r"(?<=\w)Ð(?=\w)|(?<=\s)Ð(?=\s)"), "–"),
    (re.compile(r"(?<=\w)Ñ(?=\w)|(?<=\s)Ñ(?=\s)"), "—"),
    (re.compile(r"(?<=[a-z.])É(?=\s|$)"), "…"),
)
# Bytes Windows-1252 does not define: a text holding them was not written in it.
_NOT_CP1252 = frozenset("\x81\x8d\x8f\x90\x9d")


def _decode_byte(char: str, codec: str) -> str:
    try:
        return bytes([ord(char)]).decode(codec)
    except UnicodeDecodeError:
        return char


def repair_mojibake(text: str) -> str:
    """The text with wrongly decoded Windows-1252 or Mac Roman characters put right, one
    character for one; text with no sign of the damage comes back unchanged (the same object)."""
    c1 = _C1.search(text) is not None
    mac = _MAC_QUOTE.search(text) is not None
    if not c1 and not mac:
        return text
    if not mac and any(ch in _NOT_CP1252 for ch in text):
        mac = True
    codec = "mac_roman" if mac else "cp1252"
    fixed = _C1.sub(lambda m: _decode_byte(m.group(), codec), text) if c1 else text
    if mac:
        for pattern, replacement in _MAC_PUNCTUATION:
            fixed = pattern.sub(replacement, fixed)
    return fixed
