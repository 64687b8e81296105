"""Readers that turn inputs into Articles: plain text, HTML pages, RSS/Atom feed files, JSONL, CSV.

``read_articles`` reads one file (or '-' for standard input) and raises an InputError subclass
when the file as a whole is unusable; ``iter_articles`` reads many files and directories and
never stops a batch for one bad file or record. Which reader runs is chosen by
``ReadOptions.kind``, else by the file's extension, else by sniffing its first characters.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from incidex.article import Article
from incidex.errors import IncidexError, InputError
from incidex.sources._input import STDIN, RawInput, decode, read_input
from incidex.sources.csvfile import parse_csv
from incidex.sources.dates import parse_date
from incidex.sources.feeds import parse_feed
from incidex.sources.html import parse_html
from incidex.sources.jsonl import parse_jsonl
from incidex.sources.options import KINDS, ReadOptions
from incidex.sources.text import article_from_text, parse_text

__all__ = [
    "KINDS",
    "ReadOptions",
    "article_from_text",
    "detect_kind",
    "iter_articles",
    "parse_date",
    "read_articles",
]

log = logging.getLogger(__name__)

ErrorHandler = Callable[[IncidexError], None]

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".rdf": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.I)
_HTML_TAG = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.I)


def warn(error: IncidexError) -> None:
    """The default error handler of a batch: log and go on."""
    log.warning("skipped: %s", error)


def read_articles(
    path: str | Path,
    options: ReadOptions | None = None,
    *,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """The Articles in one file, or in standard input when ``path`` is '-'.

    File-level problems raise at once (InputError and its subclasses: empty, binary,
    undecodable, too large, not a feed, ...). A broken record inside a JSONL/CSV file or a feed
    is passed to ``on_error`` (default: a logged warning) and skipped; the others are yielded.
    """
    options = options or ReadOptions()
    handler = on_error or warn
    raw = read_input(path, options.max_bytes)
    text = decode(raw.data, raw.origin)
    kind = options.kind or detect_kind(raw.path, text)
    return _parse(kind, raw, text, options, handler)


def _parse(
    kind: str, raw: RawInput, text: str, options: ReadOptions, on_error: ErrorHandler
) -> Iterator[Article]:
    origin = raw.origin
    if kind == "text":
        return iter([parse_text(text, origin, options)])
    if kind == "html":
        return iter([parse_html(text, origin, options)])
    if kind == "feed":
        return parse_feed(raw.data, origin, options, on_error)
    if kind == "jsonl":
        return parse_jsonl(text, origin, options, on_error)
    tsv = raw.path is not None and raw.path.suffix.lower() == ".tsv"
    return parse_csv(text, origin, options, on_error, delimiter="\t" if tsv else None)


def detect_kind(path: Path | None, text: str) -> str:
    """The reader for an input: by extension when it has a known one, else by its content."""
    if path is not None:
        kind = EXTENSIONS.get(path.suffix.lower())
        if kind is not None:
            return kind
    head = text.lstrip()[:4096]
    if head.startswith("<"):
        if _FEED_ROOT.search(head[:1024]):
            return "feed"
        if _HTML_TAG.search(head) or not head.startswith("<?xml"):
            return "html"
        return "feed"  # some other XML: the feed reader says it is not a feed
    if head.startswith("{") or head.startswith("["):
        return "jsonl"
    return "text"


def iter_articles(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """The Articles in many inputs; a bad file or record goes to ``on_error`` and is skipped.

    Directories are walked recursively in sorted order, taking the files whose extension names
    a known kind (``EXTENSIONS``) and skipping hidden ones. A file named directly is always read.
    """
    options = options or ReadOptions()
    handler = on_error or warn
    for path in paths:
        files = _walk(Path(path)) if str(path) != STDIN and Path(path).is_dir() else [path]
        for file in files:
            try:
                yield from read_articles(file, options, on_error=handler)
            except IncidexError as exc:
                handler(exc)
            except Exception as exc:  # one unreadable file must not end a batch
                log.debug("reading %s failed", file, exc_info=True)
                handler(InputError(f"unexpected failure: {exc!r}", source=str(file)))


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                found.append(Path(directory) / name)
    return found
