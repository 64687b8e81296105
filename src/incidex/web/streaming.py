"""Exports as a stream: the file is sent while the store is still being read.

The export writers (:func:`incidex.export.write_export`) push text into a stream, and a
response body is pulled chunk by chunk, so the writer runs in a thread of its own and hands
chunks over through a small queue. Only a few chunks are ever in memory, whatever the size
of the selection; a client that goes away stops the writer at its next chunk, which closes
the store's read transaction.
"""

from __future__ import annotations

import contextlib
import io
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TextIO, cast

log = logging.getLogger(__name__)

#: Characters gathered before a chunk is handed to the response: large enough that a chunk
#: costs one socket write, small enough that the first bytes leave at once.
CHUNK_CHARS = 64 * 1024
#: Chunks waiting to be sent before the writer pauses.
QUEUE_CHUNKS = 8
_DONE = object()


class _Cancelled(Exception):
    """The response was closed before the writer finished."""


class _QueueWriter(io.TextIOBase):
    def __init__(self, chunks: queue.Queue[object], cancelled: threading.Event) -> None:
        self._chunks = chunks
        self._cancelled = cancelled
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            self._put("".join(self._parts).encode("utf-8"))
            self._parts, self._size = [], 0

    def _put(self, item: object) -> None:
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue


def stream_text(write: Callable[[TextIO], object]) -> Iterator[bytes]:
    """The UTF-8 bytes that ``write(out)`` writes to ``out``, in chunks, as they are written.

    An exception in ``write`` is raised here, after the chunks written before it.
    """
    chunks: queue.Queue[object] = queue.Queue(maxsize=QUEUE_CHUNKS)
    cancelled = threading.Event()
    out = _QueueWriter(chunks, cancelled)

    def produce() -> None:
        try:
            write(cast(TextIO, out))
            out.flush()
            out._put(_DONE)
        except _Cancelled:
            pass
        except BaseException as exc:  # handed to the reader, which raises it
            with contextlib.suppress(_Cancelled):
                out._put(exc)

    thread = threading.Thread(target=produce, name="incidex-export", daemon=True)
    thread.start()
    try:
        while True:
            item = chunks.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        cancelled.set()
        thread.join(timeout=5)
        if thread.is_alive():  # pragma: no cover - a store read stuck for seconds
            log.warning("an export writer did not stop within 5 s of its response closing")


__all__ = ["CHUNK_CHARS", "stream_text"]
