"""The on-disk container of the shipped gazetteer index.

A small, dependency-free format instead of pickle (nothing executable is loaded) or
SQLite (too large uncompressed for the size budget): a magic line, a JSON header, then
zlib-compressed sections. A section is UTF-8 text, JSON, or a typed ``array.array``
(little-endian, as written). ``training/build_gazetteer.py`` writes it; the
``Gazetteer`` reads it in one go.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

MAGIC = b"INCIDEX-GAZETTEER-1\n"


def write_index(path: Path, sections: dict[str, Any], meta: dict[str, Any]) -> None:
    header: dict[str, Any] = {"meta": meta, "sections": {}}
    blobs: list[bytes] = []
    offset = 0
    for name, value in sections.items():
        if isinstance(value, array):
            arr = value
            if sys.byteorder != "little":
                arr = array(value.typecode, value)
                arr.byteswap()
            raw, kind = arr.tobytes(), "array:" + value.typecode
        elif isinstance(value, str):
            raw, kind = value.encode("utf-8"), "text"
        elif isinstance(value, bytes):
            raw, kind = value, "bytes"
        else:
            raw, kind = json.dumps(value, ensure_ascii=False).encode("utf-8"), "json"
        blob = zlib.compress(raw, 9)
        header["sections"][name] = [offset, len(blob), kind]
        blobs.append(blob)
        offset += len(blob)
    head = json.dumps(header).encode("utf-8")
    with path.open("wb") as out:
        out.write(MAGIC)
        out.write(struct.pack("<I", len(head)))
        out.write(head)
        for blob in blobs:
            out.write(blob)


class IndexFile:
    """A read index file; each section is decompressed and decoded when first asked for."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            raise ValueError(f"{path} is not an incidex gazetteer index")
        pos = len(MAGIC)
        (head_len,) = struct.unpack_from("<I", data, pos)
        pos += 4
        header = json.loads(data[pos : pos + head_len])
        self.meta: dict[str, Any] = header["meta"]
        self._data = data
        self._base = pos + head_len
        self._toc: dict[str, list[Any]] = header["sections"]

    def __contains__(self, name: str) -> bool:
        return name in self._toc

    def section(self, name: str) -> Any:
        offset, length, kind = self._toc[name]
        start = self._base + offset
        raw = zlib.decompress(self._data[start : start + length])
        if kind.startswith("array:"):
            arr: array[Any] = array(kind[6:])
            arr.frombytes(raw)
            if sys.byteorder != "little":
                arr.byteswap()
            return arr
        if kind == "text":
            return raw.decode("utf-8")
        if kind == "bytes":
            return raw
        return json.loads(raw)


def read_index(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (meta, sections) with every section decoded to its Python type."""
    index = IndexFile(path)
    return index.meta, {name: index.section(name) for name in index._toc}
