"""Bytes in, clean text out: size limits, binary detection and decoding, shared by all readers.

Everything that can be wrong with a file as a whole is found here, before any reader parses it,
so each failure has one clear error class (see incidex.errors).
"""

from __future__ import annotations

import codecs
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from incidex.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

# Binary detection looks at the first SNIFF_BYTES only: enough to be representative, cheap on
# a 20 MB file.
SNIFF_BYTES = 8192
# Text files carry almost no C0 control bytes besides tab/newline/CR/FF; executables, images and
# archives have 10-30% in their first kilobytes. 5% separates them with room on both sides.
MAX_CONTROL_RATIO = 0.05
# In a cp1252 (Western European) text, accented letters are a few percent of all letters; the
# same bytes read from a Cyrillic or Greek code page are non-ASCII almost throughout.
MAX_CP1252_NON_ASCII_RATIO = 0.3

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes | str: ...


@dataclass(frozen=True)
class RawInput:
    """The bytes of one input and where they came from (``origin`` names it in errors)."""

    data: bytes
    origin: str
    path: Path | None


def read_input(path: str | Path, max_bytes: int) -> RawInput:
    """Read a file, or standard input for '-', refusing what is too large before reading it."""
    if str(path) == STDIN:
        stream: _Readable = getattr(sys.stdin, "buffer", sys.stdin)  # a test may swap in StringIO
        return RawInput(_read_capped(stream, max_bytes, STDIN_ORIGIN), STDIN_ORIGIN, None)
    p = Path(path)
    origin = str(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory (iter_articles reads directories)", source=origin)
        if stat.S_ISREG(info.st_mode):
            if info.st_size > max_bytes:
                raise InputTooLargeError(
                    f"{info.st_size:,} bytes, over the limit of {max_bytes:,} "
                    "(raise max_bytes to read it)",
                    source=origin,
                )
            if info.st_size == 0:
                raise EmptyInputError("file is empty", source=origin)
        with p.open("rb") as stream:  # a pipe or FIFO has no size: read it capped
            data = _read_capped(stream, max_bytes, origin)
    except FileNotFoundError:
        raise InputError("no such file", source=origin) from None
    except PermissionError:
        raise InputError("permission denied", source=origin) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=origin) from None
    return RawInput(data, origin, p)


def _read_capped(stream: _Readable, max_bytes: int, origin: str) -> bytes:
    chunk = stream.read(max_bytes + 1)
    data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"more than {max_bytes:,} bytes (raise max_bytes to read it)", source=origin
        )
    return data


def decode(data: bytes, origin: str) -> str:
    """Decode bytes to text, or say precisely why they are not text."""
    if not data.strip():
        raise EmptyInputError("input is empty or white space only", source=origin)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise DecodeError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()}",
                    source=origin,
                ) from None
            return _checked(text, origin)
    _refuse_binary(data, origin)
    for encoding in _candidate_encodings(data):
        try:
            return _checked(data.decode(encoding), origin)
        except (UnicodeDecodeError, LookupError, DecodeError):
            continue
    guessed = _guess_with_charset_normalizer(data)
    if guessed is not None:
        return _checked(guessed, origin)
    try:
        return _checked(data.decode("cp1252"), origin)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"bytes are neither UTF-8 nor any recognisable encoding (first bad byte at "
            f"offset {exc.start}); re-save the file as UTF-8",
            source=origin,
        ) from None


def _refuse_binary(data: bytes, origin: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"looks like {what}, not text", source=origin)
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        halves = (sample[0::2].count(0), sample[1::2].count(0))
        hint = " (UTF-16 without a byte-order mark?)" if max(halves) > len(sample) // 4 else ""
        raise BinaryInputError(f"contains NUL bytes: a binary file, not text{hint}", source=origin)
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls / len(sample) > MAX_CONTROL_RATIO:
        raise BinaryInputError(
            f"{controls} control bytes in the first {len(sample)}: a binary file, not text",
            source=origin,
        )


def _candidate_encodings(data: bytes) -> list[str]:
    """UTF-8, then an encoding the document declares, then cp1252 if it reads as Western text."""
    candidates = ["utf-8"]
    declared = _DECLARED_CHARSET.search(data[:2048])
    if declared:
        name = declared.group(1).decode("ascii").lower().replace("_", "-")
        if not name.startswith(("utf-16", "utf-32", "utf16", "utf32", "ucs")):  # NUL-free: not so
            candidates.append(name)
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return candidates
    letters = [c for c in western if c.isalpha()]
    non_ascii = sum(1 for c in letters if not c.isascii())
    if letters and non_ascii / len(letters) <= MAX_CP1252_NON_ASCII_RATIO:
        candidates.append("cp1252")
    return candidates


def _guess_with_charset_normalizer(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it cp1252 is the last resort
        return None
    best = from_bytes(data).best()
    return None if best is None else str(best)


def _checked(text: str, origin: str) -> str:
    """Refuse decoded text that is mostly unprintable, a sign the encoding guess was wrong."""
    if "\x00" in text:
        raise BinaryInputError("contains NUL characters: a binary file, not text", source=origin)
    sample = text[:SNIFF_BYTES]
    odd = sum(
        1 for c in sample if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and not c.isspace()
    )
    if sample and odd / len(sample) > MAX_CONTROL_RATIO:
        raise DecodeError("decodes only to unprintable characters", source=origin)
    return text


def clean_text(text: str) -> str:
    """Unify line ends, drop stray control characters and outer white space.

    Article offsets (evidence spans) are counted in the cleaned text, so every reader cleans
    the same way.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = text.replace("\x0c", "\n")
    return _STRAY_CONTROLS.sub("", text).strip()
