"""Streamed exports: chunks leave while the writer still writes, errors and hang-ups reach it."""

from __future__ import annotations

import threading
from typing import TextIO

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from incidex.web import streaming
from incidex.web.streaming import stream_text


def test_text_arrives_in_chunks_and_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "CHUNK_CHARS", 50)
    lines = [f"row {n}, ünïcode\n" for n in range(100)]

    def write(out: TextIO) -> None:
        for line in lines:
            out.write(line)

    chunks = list(stream_text(write))
    assert len(chunks) > 10
    assert b"".join(chunks).decode("utf-8") == "".join(lines)


def test_a_closed_response_stops_the_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "CHUNK_CHARS", 10)
    written = 0
    stopped = threading.Event()

    def write(out: TextIO) -> None:
        nonlocal written
        try:
            for _ in range(1_000_000):
                out.write("0123456789")
                written += 1
        finally:
            stopped.set()

    body = stream_text(write)
    assert next(body) == b"0123456789"
    body.close()  # what the server does when the client goes away
    assert stopped.wait(5)
    assert written < 100  # the writer waited for the reader instead of filling memory


def test_a_failing_writer_fails_the_stream_after_what_it_wrote(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "CHUNK_CHARS", 5)

    def write(out: TextIO) -> None:
        out.write("header\n")
        raise RuntimeError("the store went away")

    body = stream_text(write)
    assert next(body) == b"header\n"
    with pytest.raises(RuntimeError, match="store went away"):
        next(body)
